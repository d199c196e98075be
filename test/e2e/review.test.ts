/**
 * The Weekly Review in a real VS Code: weeks of data arrive through the import format, the charts'
 * text alternatives say the counts of that data, the previous week too; a reflection answer
 * survives a reload; the review exports as Markdown.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { reloadWindow, runCommand } from './harness';
import { answerFileDialog, waitForCoachReady, waitUntil, webviewFrame, openProductWindow } from './ui';

/** The local day `offset` days from `from`, as `YYYY-MM-DD` (the extension counts local days too). */
function dayKey(from: Date, offset: number): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const now = new Date();
// Weeks start on Monday by default: this week's Monday and last week's.
const monday = dayKey(now, -((now.getDay() + 6) % 7));
const mondayDate = new Date(Number(monday.slice(0, 4)), Number(monday.slice(5, 7)) - 1, Number(monday.slice(8)));
const lastMonday = dayKey(mondayDate, -7);
const inAWeek = dayKey(now, 7);

function delegation(id: string, task: string, personId: string, createdOn: string, level: number): Record<string, unknown> {
  return { id, task, personId, level, createdOn, followUpOn: inAWeek, history: [{ kind: 'created', on: createdOn }] };
}

const seed = {
  format: 'tech-lead-coach/delegations',
  version: 2,
  exportedOn: dayKey(now, 0),
  people: [
    { id: 'p-ana', name: 'Ana', cadenceDays: 14, addedOn: dayKey(mondayDate, -30) },
    { id: 'p-kim', name: 'Kim', cadenceDays: 14, addedOn: dayKey(mondayDate, -30) },
  ],
  delegations: [
    delegation('d-1', 'Own the release checklist', 'p-ana', monday, 5),
    delegation('d-2', 'Run the incident review', 'p-ana', monday, 6),
    delegation('d-3', 'Draft the API guidelines', 'p-kim', lastMonday, 3),
  ],
  oneOnOnes: [
    { id: 'm-1', personId: 'p-ana', on: monday, mood: 4, topics: ['career'] },
    { id: 'm-2', personId: 'p-kim', on: lastMonday, topics: [] },
  ],
  feedback: [
    { id: 'f-1', personId: 'p-kim', on: lastMonday, kind: 'asked', said: 'Reviews come late in the week', change: 'Review by Wednesday' },
  ],
};

async function chartSummary(frame: Frame, chartId: string): Promise<string> {
  return (await frame.locator(`[data-chart-id="${chartId}"] svg[role="img"]`).first().getAttribute('aria-label')) ?? '';
}

describe('The Weekly Review over imported weeks', function () {
  this.timeout(180_000);
  const product = openProductWindow('tlc-review-ws-');
  const workspace = product.workspace;
  let page: Page;

  before(async () => {
    page = product.page;
    const file = path.join(workspace, 'weeks.json');
    fs.writeFileSync(file, JSON.stringify(seed));
    await runCommand(page, 'Tech Lead: Import Team Data…', undefined, { opensQuickInput: true });
    await answerFileDialog(page, file);
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Imported from' });
    await toast.waitFor({ state: 'visible' });
    assert.match(await toast.innerText(), /8 added, 0 updated, 0 unchanged/);
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  it("shows this week: the five actions and delegations per person, in the charts' text alternatives", async () => {
    await runCommand(page, 'Tech Lead: Weekly Review');
    const frame = await webviewFrame(page, '#review-title');
    const actions = await waitUntil(
      'the actions chart',
      () => chartSummary(frame, 'actions'),
      (s) => s.length > 0,
    );
    assert.equal(
      actions,
      'Check in with people: 1; Explain the bigger picture: 0; Model the behavior you want: 0; Delegate more: 2; Ask for feedback: 0. Done least: explain the bigger picture.',
    );
    assert.match(await chartSummary(frame, 'delegationsPerPerson'), /^2 delegations this week: Ana 2, Kim 0\.$/);
    assert.match(await frame.locator('.when').innerText(), /This week, so far/);
    // The same figures as a table, for anyone who prefers one.
    const section = frame.locator('section', { has: frame.locator('[data-chart-id="actions"]') });
    await section.getByRole('button', { name: 'Show as table' }).click();
    const rows = await section.locator('table tbody tr').allInnerTexts();
    assert.ok(
      rows.some((r) => /Delegate more\s+2/.test(r)),
      rows.join(' / '),
    );
  });

  it('moves to the previous week and shows its counts', async () => {
    const frame = await webviewFrame(page, '#review-title');
    await frame.getByRole('button', { name: 'Previous week' }).click();
    await waitUntil(
      'last week',
      () => frame.locator('.when').innerText(),
      (t) => t.includes('Last week'),
    );
    const actions = await waitUntil(
      "last week's actions",
      () => chartSummary(frame, 'actions'),
      (s) => s.includes('Ask for feedback: 1'),
    );
    assert.equal(
      actions,
      'Check in with people: 1; Explain the bigger picture: 0; Model the behavior you want: 0; Delegate more: 1; Ask for feedback: 1. Done least: explain the bigger picture.',
    );
    assert.match(await chartSummary(frame, 'delegationsPerPerson'), /^1 delegation this week: Ana 0, Kim 1\.$/);
  });

  it('saves a reflection answer for that week, and shows it again after a reload', async () => {
    let frame = await webviewFrame(page, '#review-title');
    const answer = frame.locator('#answer-0');
    await answer.fill('I spent Monday on reviews and skipped the roadmap talk.');
    await answer.press('Tab');
    await waitUntil(
      'Saved',
      () => frame.locator('.saved').first().innerText(),
      (t) => t.includes('Saved'),
    );
    await reloadWindow(page, product.server);
    await waitForCoachReady(page, product.server);
    await runCommand(page, 'Tech Lead: Weekly Review');
    frame = await webviewFrame(page, '#review-title');
    await frame.getByRole('button', { name: 'Previous week' }).click();
    await waitUntil(
      'last week again',
      () => frame.locator('.when').innerText(),
      (t) => t.includes('Last week'),
    );
    await waitUntil(
      'the saved answer',
      () => frame.locator('#answer-0').inputValue(),
      (v) => v === 'I spent Monday on reviews and skipped the roadmap talk.',
    );
  });

  it('exports the review as Markdown', async () => {
    const frame = await webviewFrame(page, '#review-title');
    const file = path.join(workspace, 'review.md');
    await frame.getByRole('button', { name: 'Export Markdown…' }).click();
    await answerFileDialog(page, file);
    await waitUntil(
      'the file written',
      async () => fs.existsSync(file),
      (exists) => exists,
    );
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^# Weekly review: Week of /m);
    assert.match(text, /^\| Ask for feedback \| 1 \|$/m);
    assert.match(text, /^> I spent Monday on reviews and skipped the roadmap talk\.$/m);
  });
});
