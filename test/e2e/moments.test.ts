/**
 * The five actions, each in one step, and a Today view whose actions are in view: at 1400x900 with
 * the sidebar as it opens, Done and Another one are inside the Today pane (and stay there when its
 * page scrolls); a moment logged from the palette shows on the person page, one logged from Done on
 * a bigger-picture nudge under The team, and both count in this week's review, once each.
 */
import * as assert from 'node:assert/strict';
import type { Frame, Locator, Page } from 'playwright-core';
import { runCommand } from './harness';
import {
  addPerson,
  answerStep,
  expandPane,
  pane,
  quickInput,
  quickInputBox,
  quickInputRows,
  treeRows,
  waitUntil,
  webviewFrame,
  openProductWindow,
} from './ui';

/** The box of `inner` lies inside the box of `outer` (both in the page's coordinates). */
async function inside(inner: Locator, outer: Locator): Promise<{ ok: boolean; detail: string }> {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  if (!a || !b) {
    return { ok: false, detail: `no box: inner ${JSON.stringify(a)}, outer ${JSON.stringify(b)}` };
  }
  const ok = a.y >= b.y - 0.5 && a.y + a.height <= b.y + b.height + 0.5 && a.x >= b.x - 0.5 && a.x + a.width <= b.x + b.width + 0.5;
  return { ok, detail: `button ${JSON.stringify(a)} in pane body ${JSON.stringify(b)}` };
}

async function todayFrame(page: Page): Promise<Frame> {
  const frame = await webviewFrame(page, '#nudge-title');
  await waitUntil(
    'the nudge title',
    () => frame.locator('#nudge-title').innerText(),
    (t) => t.trim().length > 0,
  );
  return frame;
}

describe('The five actions in one step each, and the Today view at the height it gets', function () {
  this.timeout(180_000);
  // Only bigger-picture nudges: today's nudge is one, so its Done offers the moment's line.
  const product = openProductWindow('tlc-moments-ws-', { 'techLead.nudges.themes': ['bigger-picture'] });
  let page: Page;

  before(() => {
    page = product.page;
  });

  it("shows the Today view's Done and Another one inside the pane as it opens, also when its page is scrolled", async () => {
    const frame = await todayFrame(page);
    const body = pane(page, 'Today').locator('.pane-body');
    const height = (await body.boundingBox())?.height ?? 0;
    for (const name of [/^Done/, /Another one/]) {
      const button = frame.getByRole('button', { name });
      const seen = await inside(button, body);
      assert.ok(seen.ok, `${String(name)} is not in view (pane ${height} px high): ${seen.detail}`);
    }
    const scrolled = await frame.locator('body').evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return window.scrollY;
    });
    const seen = await inside(frame.getByRole('button', { name: /^Done/ }), body);
    assert.ok(seen.ok, `Done left the view when the page scrolled by ${scrolled} px: ${seen.detail}`);
    // The keyboard starts at the primary action.
    await frame.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await frame.locator('body').press('Tab');
    assert.equal(await frame.evaluate(() => document.activeElement?.id), 'done');
  });

  it('logs a moment from the palette, with someone: it shows on their page', async () => {
    await addPerson(page, 'Sam');
    await runCommand(page, 'Tech Lead: Log Moment…', undefined, { opensQuickInput: true });
    await quickInputRows(page).filter({ hasText: 'Explained the bigger picture' }).first().click();
    await quickInputRows(page).filter({ hasText: 'Sam' }).first().click();
    await answerStep(page, '3/3', 'Why the billing migration comes before the new reports');
    await quickInput(page).waitFor({ state: 'hidden' });
    await page
      .locator('.notifications-toasts .notification-list-item', { hasText: 'Logged: Explained the bigger picture to Sam' })
      .waitFor();
    await runCommand(page, 'Notifications: Clear All Notifications');
    await runCommand(page, 'Tech Lead: Open Person', undefined, { opensQuickInput: true });
    await quickInputRows(page).filter({ hasText: 'Sam' }).first().click();
    const person = await webviewFrame(page, '#person h1');
    const text = await waitUntil(
      'the moment in the timeline',
      () => person.locator('#person').innerText(),
      (t) => t.includes('Explained the bigger picture'),
    );
    assert.match(text, /Why the billing migration comes before the new reports/);
  });

  it("logs a moment from Done on today's bigger-picture nudge: it shows under The team", async () => {
    await runCommand(page, "Tech Lead: Show Today's Nudge");
    const frame = await todayFrame(page);
    assert.equal(await frame.locator('#done').getAttribute('data-offers-moment'), 'true');
    await frame.getByRole('button', { name: /^Done/ }).click();
    const box = quickInputBox(page);
    await box.waitFor({ state: 'visible' });
    assert.match(await quickInput(page).innerText(), /what did you explain, in one line/i);
    await box.fill('Where the product is going this quarter');
    await box.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden' });
    await page
      .locator('.notifications-toasts .notification-list-item', { hasText: 'Logged: Explained the bigger picture to the team' })
      .waitFor();
    await runCommand(page, 'Notifications: Clear All Notifications');
    await waitUntil(
      'the day marked done',
      () => frame.locator('#done-label').innerText(),
      (t) => t === 'Done for today',
    );
    await expandPane(page, 'Team');
    const team = pane(page, 'Team').locator('.monaco-list-row[aria-level="1"]', { hasText: 'The team' });
    await team.waitFor({ state: 'visible' });
    if ((await team.getAttribute('aria-expanded')) !== 'true') {
      await team.locator('.monaco-tl-twistie').click();
    }
    const rows = await waitUntil(
      'the moment under The team',
      () => treeRows(page, 'Team'),
      (r) => r.some((x) => x.level === 2 && x.label.includes('Where the product is going this quarter')),
    );
    assert.ok(
      rows.some((r) => r.label.startsWith('The team: 1 moment with the team')),
      JSON.stringify(rows),
    );
  });

  it("counts both in this week's review, the one from Done once, and says none came from nudges alone", async () => {
    await runCommand(page, 'Tech Lead: Weekly Review');
    const frame = await webviewFrame(page, '#review-title');
    const summary = await waitUntil(
      'the actions chart',
      async () => (await frame.locator('[data-chart-id="actions"] svg[role="img"]').first().getAttribute('aria-label')) ?? '',
      (s) => s.length > 0,
    );
    assert.match(summary, /Explain the bigger picture: 2/);
    const note = await frame
      .locator('section.chart-section', { has: frame.locator('[data-chart-id="actions"]') })
      .locator('.chart-note')
      .innerText();
    assert.match(note, /None of them came from nudges marked done/);
  });
});
