/**
 * A follow-up falls due: the lead logs delegations, closes VS Code, and opens it again three days
 * later (the extension's clock moved with TECH_LEAD_COACH_DAY_OFFSET). Same user data both times.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { runCommand, screenshotOnFailure } from './harness';
import {
  activityBarIcon,
  answerStep,
  groupOf,
  openSidebar,
  pane,
  quickInput,
  SessionsDaysApart,
  treeRows,
  waitUntil,
  webviewFrame,
} from './ui';

const HOSTILE_PERSON = '"><script>alert(2)</script>';
const WORKBENCH_NOISE = [/open-vsx|marketplace|ENOTFOUND|ERR_NAME_NOT_RESOLVED|Failed to load resource|getaddrinfo|lifecycle/i];

async function logDueTomorrow(page: Page, task: string, person: string): Promise<void> {
  await runCommand(page, 'Tech Lead: Log Delegation', undefined, { opensQuickInput: true });
  await answerStep(page, '1/6', task);
  await answerStep(page, '2/6', person);
  await answerStep(page, '3/6', 'Inquire');
  await answerStep(page, '4/6', 'Tomorrow');
  await answerStep(page, '5/6', 'Check the runbook is linked');
  await answerStep(page, '6/6'); // no code link
  await quickInput(page).waitFor({ state: 'hidden' });
}

describe('Three days later: follow-ups fall due', function () {
  this.timeout(180_000);
  const sessions = new SessionsDaysApart('later');
  const open = (dayOffset: number): Promise<Page> => sessions.open(dayOffset);
  const close = (): Promise<void> => sessions.close();

  afterEach(async function () {
    const test = this.currentTest;
    const { workbench, server } = sessions;
    if (test?.state === 'failed' && workbench && server && test.err) {
      const shot = await screenshotOnFailure(workbench.page, test.fullTitle());
      const log = (await server.exthostLog())
        .split('\n')
        .filter((line) => /tech-lead|techLead|error/i.test(line))
        .slice(-25)
        .join('\n');
      test.err.message += `\n  screenshot: ${shot ?? '(could not be taken)'}\n  extension host log:\n${log}`;
    }
  });

  after(() => sessions.dispose());

  it('logs two delegations due tomorrow', async () => {
    const page = await open(0);
    await openSidebar(page);
    await logDueTomorrow(page, 'Review the incident report', 'Noor');
    await logDueTomorrow(page, 'Own the flaky-test budget', HOSTILE_PERSON);
    const rows = await waitUntil(
      'both in the tree',
      () => treeRows(page, 'Delegations'),
      (r) => r.filter((x) => x.level === 2).length === 2,
    );
    assert.equal(groupOf(rows, 'Review the incident report'), 'Due this week');
    assert.match(rows.find((r) => r.label.startsWith('Review'))?.label ?? '', /level 6 · Inquire, due tomorrow$/);
    await close();
  });

  it('three days later: one reminder naming the people, the Overdue group, the badge and a follow-up nudge by name', async () => {
    const page = await open(3);
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'overdue' });
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    const toastText = (await toast.innerText()).replace(/\u00a0/g, ' ');
    assert.match(toastText, /2 follow-ups are overdue/);
    assert.ok(toastText.includes(HOSTILE_PERSON) && toastText.includes('Noor'), toastText);
    for (const button of ['Open', 'Snooze a Day', "Don't Remind Me"]) {
      assert.equal(await toast.locator('.monaco-button', { hasText: button }).count(), 1, `no ${button} button`);
    }
    await toast.locator('.monaco-button', { hasText: 'Open' }).click();
    await pane(page, 'Delegations').waitFor({ state: 'visible' });

    const rows = await waitUntil(
      'the Overdue group',
      () => treeRows(page, 'Delegations'),
      (r) => r.some((x) => x.level === 1 && x.label.startsWith('Overdue,')),
    );
    assert.equal(groupOf(rows, 'Review the incident report'), 'Overdue');
    assert.match(rows.find((r) => r.label.startsWith('Review'))?.label ?? '', /2 days overdue$/);
    const badge = activityBarIcon(page).locator('xpath=..').locator('.badge-content');
    await waitUntil(
      'the overdue badge',
      () => badge.innerText(),
      (t) => t.trim() === '2',
    );

    await openSidebar(page);
    const frame = await webviewFrame(page, '#nudge-title');
    const title = await waitUntil(
      'the follow-up nudge',
      () => frame.locator('#nudge-title').innerText(),
      (t) => t.startsWith('Follow up with'),
    );
    assert.match(await frame.locator('#nudge-reason').innerText(), /follow-up is overdue/);
    const action = await frame.locator('#nudge-action').innerText();
    assert.ok(action.includes('Noor') || action.includes(HOSTILE_PERSON), action);
    assert.match(action, /2 days overdue/);
    assert.ok(title.length <= 37, `the title should be cut to fit: ${title}`);
    const parsed = await frame.evaluate(() => ({
      elementsInText: ['nudge-title', 'nudge-action'].map((id) => document.getElementById(id)?.childElementCount ?? -1),
      // Every script but the page's own (its data blocks, the script with the nonce its CSP names) and
      // the one VS Code's webview host puts into every page (acquireVsCodeApi).
      injectedScripts: (() => {
        const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? 'no nonce in the CSP';
        const known = (s: HTMLScriptElement): boolean =>
          (s.type === 'application/json' && ['initial-state', 'l10n-bundle'].includes(s.id)) || s.id === '_vscodeApiScript';
        return [...document.querySelectorAll('script')].filter((s) => !known(s) && s.nonce !== nonce).length;
      })(),
      images: document.querySelectorAll('img').length,
    }));
    assert.deepEqual(parsed, { elementsInText: [0, 0], injectedScripts: 0, images: 0 }, 'markup from a name was parsed in the Today view');
    assert.match(await frame.locator('#stat-overdue').innerText(), /2\s+follow-ups overdue/);
    const problems = sessions.workbench?.problems.all(WORKBENCH_NOISE) ?? [];
    assert.deepEqual(
      problems.filter((p) => /alert|Content Security Policy|Refused to/i.test(p)),
      [],
    );
    assert.deepEqual(sessions.workbench?.problems.dialogs, []);
  });

  it('marking one done drops the badge to 1 and the next nudge follows up on the other', async () => {
    const page = sessions.workbench?.page;
    assert.ok(page);
    const frame = await webviewFrame(page, '#nudge-title');
    // The title is cut to fit the status bar; the action names the person in full.
    const first = await frame.locator('#nudge-action').innerText();
    const task = first.includes('Noor') ? 'Review the incident report' : 'Own the flaky-test budget';
    const other = first.includes('Noor') ? HOSTILE_PERSON : 'Noor';
    const row = pane(page, 'Delegations').locator('.monaco-list-row', { hasText: task });
    await row.hover();
    await row.locator('.action-label[aria-label="Mark Done"]').click();
    const badge = activityBarIcon(page).locator('xpath=..').locator('.badge-content');
    await waitUntil(
      'the badge at 1',
      () => badge.innerText(),
      (t) => t.trim() === '1',
    );
    await waitUntil(
      'a nudge about the other delegation',
      () => frame.locator('#nudge-action').innerText(),
      (t) => t.includes(other),
    );
  });
});
