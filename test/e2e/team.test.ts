/**
 * The team, as a new lead starts it: add a person, log a 1:1 in the form and a feedback entry
 * asked for, see the Team view's words change, read the person page's timeline, rename, archive.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { runCommand } from './harness';
import {
  addPerson,
  activityBarIcon,
  answerStep,
  expandPane,
  openSidebar,
  pane,
  quickInput,
  quickInputRows,
  reportFailedTest,
  SessionsDaysApart,
  treeRows,
  waitUntil,
  webviewFrame,
  openProductWindow,
} from './ui';

function personRow(page: Page, name: string) {
  return pane(page, 'Team').locator('.monaco-list-row[aria-level="1"]', { hasText: name });
}

describe('The team: people, 1:1s and feedback', function () {
  this.timeout(180_000);
  const product = openProductWindow('tlc-team-ws-');
  let page: Page;

  before(async () => {
    page = product.page;
    await expandPane(page, 'Team');
  });

  it('adds a person, who shows with "no 1:1 yet"', async () => {
    await addPerson(page, 'Priya', 'Backend engineer');
    const rows = await waitUntil(
      'the person row',
      () => treeRows(page, 'Team'),
      (r) => r.some((x) => x.label.startsWith('Priya')),
    );
    assert.match(rows.find((r) => r.label.startsWith('Priya'))?.label ?? '', /^Priya, Backend engineer: no 1:1 yet$/);
  });

  it('logs a 1:1 in the form, and the row says it happened today', async () => {
    const row = personRow(page, 'Priya');
    await row.hover();
    await row.locator('.action-label[aria-label="Log 1:1"]').click();
    const form = await webviewFrame(page, '#one-on-one');
    await waitUntil(
      'the name filled in',
      () => form.locator('#person').inputValue(),
      (v) => v === 'Priya',
    );
    await form.getByLabel('4, good').check();
    await form.getByLabel('career').check();
    await form.locator('#notes').fill('Wants to lead the next design review.\nWorried about on-call load.');
    await form.locator('#notes').press('Control+Enter');
    const rows = await waitUntil(
      'the 1:1 in the Team view',
      () => treeRows(page, 'Team'),
      (r) => r.some((x) => x.label.startsWith('Priya') && x.label.includes('1:1 today')),
    );
    assert.ok(
      rows.some((r) => r.label === 'Priya, Backend engineer: 1:1 today'),
      JSON.stringify(rows),
    );
  });

  it('refuses a 1:1 form with no name, saying why, and saves nothing', async () => {
    await runCommand(page, 'Tech Lead: Log 1:1');
    const form = await webviewFrame(page, '#one-on-one');
    await form.getByLabel('4, good').waitFor({ state: 'visible' });
    await form.locator('#person').fill('   ');
    await form.locator('button[type="submit"]').click();
    const errors = await waitUntil(
      'the form problems',
      () => form.locator('#errors').innerText(),
      (t) => t.length > 0,
    );
    assert.match(errors, /name cannot be empty/);
    await form.locator('#cancel').click();
    const rows = await treeRows(page, 'Team');
    assert.equal(rows.filter((r) => r.level === 1).length, 1);
  });

  it('logs feedback asked for, and the Today view counts from today', async () => {
    await runCommand(page, 'Tech Lead: Log Feedback', undefined, { opensQuickInput: true });
    await quickInputRows(page).filter({ hasText: 'Asked for' }).first().click();
    await answerStep(page, '2/4', 'Priya');
    await answerStep(page, '3/4', 'My reviews come too late in the week');
    await answerStep(page, '4/4', 'Review by Wednesday');
    await quickInput(page).waitFor({ state: 'hidden' });
    const today = await webviewFrame(page, '#stat-feedback');
    await waitUntil(
      'the feedback stat',
      () => today.locator('#stat-feedback').innerText(),
      (t) => t.includes('Today'),
    );
  });

  it('opens the person page with the timeline of what happened', async () => {
    await personRow(page, 'Priya').click();
    await runCommand(page, 'Tech Lead: Open Person');
    const frame = await webviewFrame(page, '#person h1');
    const text = await waitUntil(
      'the timeline',
      () => frame.locator('#person').innerText(),
      (t) => t.includes('Asked for feedback') && t.includes('4/5, good'),
    );
    assert.match(text, /Priya/);
    assert.match(text, /Wants to lead the next design review\./);
    assert.match(text, /Review by Wednesday/);
  });

  it('deletes a 1:1 logged by mistake from its row, and Undo brings it back', async () => {
    const person = personRow(page, 'Priya');
    if ((await person.getAttribute('aria-expanded')) !== 'true') {
      await person.locator('.monaco-tl-twistie').click();
    }
    const meeting = pane(page, 'Team').locator('.monaco-list-row[aria-level="2"]', { hasText: '1:1 ' });
    await meeting.first().waitFor({ state: 'visible' });
    await meeting.first().click({ button: 'right' });
    await page.locator('.context-view .action-item', { hasText: 'Delete 1:1' }).hover();
    await page.keyboard.press('Enter');
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Deleted the 1:1' });
    await toast.waitFor({ state: 'visible' });
    await waitUntil(
      'the 1:1 row gone',
      () => meeting.count(),
      (n) => n === 0,
    );
    await waitUntil(
      'the person row says no 1:1',
      () => treeRows(page, 'Team'),
      (r) => r.some((x) => x.label.startsWith('Priya') && x.label.includes('no 1:1 yet')),
    );
    await toast.locator('.monaco-button', { hasText: 'Undo' }).click();
    await waitUntil(
      'the 1:1 back',
      () => meeting.count(),
      (n) => n === 1,
    );
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  it('renames: the row follows, one record changed', async () => {
    await personRow(page, 'Priya').click({ button: 'right' });
    await page.locator('.context-view .action-item', { hasText: 'Rename Person' }).hover();
    await page.keyboard.press('Enter');
    await answerStep(page, 'their delegations, 1:1s and feedback follow', 'Priya Shah');
    await waitUntil(
      'the new name',
      () => treeRows(page, 'Team'),
      (r) => r.some((x) => x.label.startsWith('Priya Shah')),
    );
  });

  it('archives: the person leaves the view, and comes back with Show Archived People', async () => {
    await personRow(page, 'Priya Shah').click({ button: 'right' });
    await page.locator('.context-view .action-item', { hasText: 'Archive Person' }).hover();
    await page.keyboard.press('Enter');
    await waitUntil(
      'the row gone',
      () => treeRows(page, 'Team'),
      (r) => !r.some((x) => x.label.startsWith('Priya')),
    );
    const header = pane(page, 'Team').locator('.pane-header');
    await header.hover();
    await header.locator('.action-label[aria-label="More Actions..."]').click();
    await page.locator('.context-view .action-item', { hasText: 'Show Archived People' }).hover();
    await page.keyboard.press('Enter');
    await waitUntil(
      'the archived row',
      () => treeRows(page, 'Team'),
      (r) => r.some((x) => x.label.startsWith('Priya Shah') && x.label.includes('archived')),
    );
  });
});

describe('Three days later: a 1:1 falls due, and the nudge names the person', function () {
  this.timeout(180_000);
  const sessions = new SessionsDaysApart('team-later');
  const open = (dayOffset: number): Promise<Page> => sessions.open(dayOffset);
  const close = (): Promise<void> => sessions.close();

  afterEach(async function () {
    await reportFailedTest(this.currentTest, sessions.workbench?.page);
  });

  after(() => sessions.dispose());

  it('adds Noor with 1:1s every 2 days', async () => {
    const page = await open(0);
    await openSidebar(page);
    await expandPane(page, 'Team');
    await addPerson(page, 'Noor');
    await waitUntil(
      'Noor in the Team view',
      () => treeRows(page, 'Team'),
      (r) => r.some((x) => x.label.startsWith('Noor')),
    );
    await runCommand(page, 'Tech Lead: Change 1:1 Cadence', undefined, { opensQuickInput: true });
    await quickInputRows(page).filter({ hasText: 'Noor' }).first().click();
    await answerStep(page, 'Days between 1:1s', '2');
    await quickInput(page).waitFor({ state: 'hidden' });
    await close();
  });

  it('three days later: the nudge is to meet Noor, the reminder names her, the row says overdue', async () => {
    const page = await open(3);
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: '1:1' });
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await toast.innerText()).replace(/\u00a0/g, ' '), /Your 1:1 with Noor is overdue\./);
    await openSidebar(page);
    const frame = await webviewFrame(page, '#nudge-title');
    await waitUntil(
      'the 1:1 nudge',
      () => frame.locator('#nudge-title').innerText(),
      (t) => t === 'Meet Noor',
    );
    assert.match(await frame.locator('#nudge-reason').innerText(), /1:1 is overdue/);
    assert.match(await frame.locator('#nudge-action').innerText(), /Book a 1:1 with Noor \(no 1:1 yet, 1 day past their 2-day rhythm\)/);
    // The Team view's badge counts the people due a 1:1; VS Code shows it on the Tech Lead icon too.
    await waitUntil(
      'the 1:1 badge',
      async () => (await activityBarIcon(page).getAttribute('aria-label')) ?? '',
      (label) => label.includes('1 person is due a 1:1'),
    );
    await expandPane(page, 'Team');
    const rows = await waitUntil(
      'the overdue row',
      () => treeRows(page, 'Team'),
      (r) => r.some((x) => x.label.startsWith('Noor')),
    );
    assert.equal(rows.find((r) => r.label.startsWith('Noor'))?.label, 'Noor: no 1:1 yet, 1:1 overdue by 1 day');
  });
});
