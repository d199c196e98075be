/**
 * The tracker a lead relies on for months: grouping by person, export to Markdown and JSON,
 * importing a broken file (nothing changes) and a good one (with Undo).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { runCommand } from './harness';
import { answerFileDialog, answerStep, pane, quickInput, quickInputRows, treeRows, waitUntil, openProductWindow } from './ui';

async function logByKeyboard(page: Page, task: string, person: string): Promise<void> {
  await runCommand(page, 'Tech Lead: Log Delegation', undefined, { opensQuickInput: true });
  await answerStep(page, '1/6', task);
  await answerStep(page, '2/6', person);
  await answerStep(page, '3/6');
  await answerStep(page, '4/6');
  await answerStep(page, '5/6');
  await answerStep(page, '6/6'); // no code link
  await quickInput(page).waitFor({ state: 'hidden' });
}

async function exportAs(page: Page, format: 'Markdown' | 'JSON', file: string): Promise<void> {
  await runCommand(page, 'Tech Lead: Export Team Data…', undefined, { opensQuickInput: true });
  await quickInputRows(page).filter({ hasText: format }).first().click();
  await waitUntil(
    'the save dialog',
    () => quickInput(page).innerText(),
    (t) => !t.includes('Export as'),
  );
  await answerFileDialog(page, file);
  await waitUntil(
    `${file} written`,
    async () => fs.existsSync(file),
    (exists) => exists,
  );
}

async function importFile(page: Page, file: string): Promise<void> {
  await runCommand(page, 'Tech Lead: Import Team Data…', undefined, { opensQuickInput: true });
  await answerFileDialog(page, file);
}

describe('The tracker over months: people, export, import, undo', function () {
  this.timeout(180_000);
  const product = openProductWindow('tlc-tracker-ws-');
  const workspace = product.workspace;
  let page: Page;

  before(async () => {
    page = product.page;
    await logByKeyboard(page, 'Write the on-call handbook', 'Priya');
    await logByKeyboard(page, 'Run the incident review', 'Priya');
    await logByKeyboard(page, 'Lead the API design review', 'Marco');
  });

  it('groups by person with counts, and back by follow-up', async () => {
    const header = pane(page, 'Delegations').locator('.pane-header');
    await header.hover();
    await header.locator('.action-label[aria-label="Group by Person"]').click();
    const rows = await waitUntil(
      'person rows',
      () => treeRows(page, 'Delegations'),
      (r) => r.some((x) => x.level === 1 && x.label.startsWith('Priya')),
    );
    assert.deepEqual(
      rows.filter((r) => r.level === 1).map((r) => r.label),
      ['Priya, 2 active', 'Marco, 1 active'],
    );
    await header.hover();
    await header.locator('.action-label[aria-label="Group by Follow-up"]').click();
    await waitUntil(
      'follow-up groups again',
      () => treeRows(page, 'Delegations'),
      (r) => r.some((x) => x.level === 1 && x.label.startsWith('Due this week')),
    );
  });

  it('logs a check-in whose next follow-up comes from the level, and raises the level, both in the history', async () => {
    const row = pane(page, 'Delegations').locator('.monaco-list-row', { hasText: 'Lead the API design review' });
    await row.hover();
    await row.locator('.action-label[aria-label="Log Check-in"]').click();
    await answerStep(page, '1/2', 'Draft is in review, Marco is unblocked');
    await answerStep(page, '2/2'); // the level's cadence: Advise, every 7 days
    await waitUntil(
      'the new follow-up',
      async () => (await row.getAttribute('aria-label')) ?? '',
      (label) => label.endsWith('due in 7 days'),
    );
    await row.click({ button: 'right' });
    await page.locator('.context-view .action-item', { hasText: 'Change Delegation Level' }).hover();
    await page.keyboard.press('Enter');
    await answerStep(page, 'Delegation level', '6 · Inquire');
    await waitUntil(
      'the raised level',
      async () => (await row.getAttribute('aria-label')) ?? '',
      (label) => label.includes('level 6 · Inquire'),
    );
    await row.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'History' }).first();
    await hover.waitFor({ state: 'visible' });
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /Raised from Advise to Inquire on/);
    assert.match(text, /Checked in on .*: Draft is in review, Marco is unblocked/);
    await page.mouse.move(900, 500);
  });

  it('exports a Markdown table per person and the full data as JSON', async () => {
    const md = path.join(workspace, 'delegations.md');
    await exportAs(page, 'Markdown', md);
    const text = fs.readFileSync(md, 'utf8');
    assert.match(text, /^## Priya$/m);
    assert.match(text, /\| Write the on-call handbook \| 5 · Advise \|/);
    assert.match(text, /\| Lead the API design review \| 6 · Inquire \|/);
    const json = path.join(workspace, 'delegations.json');
    await exportAs(page, 'JSON', json);
    const data = JSON.parse(fs.readFileSync(json, 'utf8')) as {
      format: string;
      version: number;
      people: { name: string }[];
      delegations: { task: string }[];
    };
    assert.equal(data.format, 'tech-lead-coach/delegations');
    assert.equal(data.version, 4);
    assert.deepEqual(data.people.map((p) => p.name).sort(), ['Marco', 'Priya']);
    assert.equal(data.delegations.length, 3);
  });

  it('refuses a broken file with a clear message and changes nothing', async () => {
    const broken = path.join(workspace, 'broken.json');
    fs.writeFileSync(broken, '{ "format": "tech-lead-coach/delegations", "version": 1, "delegations": [ { "id": 1 ');
    const before = await treeRows(page, 'Delegations');
    await importFile(page, broken);
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Import Team Data' });
    await toast.waitFor({ state: 'visible' });
    assert.match(await toast.innerText(), /not valid JSON/);
    assert.deepEqual(await treeRows(page, 'Delegations'), before);
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  it('imports a good file, reports what it added, and Undo takes it back', async () => {
    const exported = JSON.parse(fs.readFileSync(path.join(workspace, 'delegations.json'), 'utf8')) as {
      people: Record<string, unknown>[];
      delegations: Record<string, unknown>[];
    };
    const first = exported.delegations[0] ?? {};
    const noor = { id: 'noor-1', name: 'Noor', cadenceDays: 14, addedOn: first['createdOn'] };
    const extra = { ...first, id: 'imported-1', task: 'Mentor the new hire', personId: 'noor-1' };
    const file = path.join(workspace, 'from-laptop.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ ...exported, people: [...exported.people, noor], delegations: [...exported.delegations, extra] }),
    );
    await importFile(page, file);
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Imported from' });
    await toast.waitFor({ state: 'visible' });
    assert.match(await toast.innerText(), /2 added, 0 updated, 5 unchanged/);
    await waitUntil(
      'the imported row',
      () => treeRows(page, 'Delegations'),
      (r) => r.some((x) => x.label.startsWith('Mentor the new hire')),
    );
    await toast.locator('.monaco-button', { hasText: 'Undo' }).click();
    await waitUntil(
      'the import undone',
      () => treeRows(page, 'Delegations'),
      (r) => !r.some((x) => x.label.startsWith('Mentor the new hire')) && r.filter((x) => x.level === 2).length === 3,
    );
  });
});
