/**
 * Delegation the repository can see, in the real VS Code on a real git repository: the lead turns
 * the repository signals on, links the two authors, and logs two delegations at level 6 due
 * tomorrow, one linked to billing/ with the code step of Log Delegation. Three days later (the
 * extension's clock moved, same user data) the delegate has committed there: that row is in the
 * Moving group with "Moving: changed today" and the overdue reminder names only the other one. The
 * Team view offers the folders one person knows, and Delegate Work Here… on Priya's logs a
 * delegation to someone else with the folder linked.
 */
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { DAY, localTime, TestRepository } from './gitRepository';
import { runCommand } from './harness';
import {
  addPerson,
  answerStep,
  expandPane,
  groupOf,
  openSidebar,
  pane,
  quickInput,
  quickInputBox,
  quickInputRows,
  revealRow,
  SessionsDaysApart,
  treeRows,
  waitUntil,
  webviewFrame,
} from './ui';

const PRIYA = { name: 'Priya Sharma', email: 'priya.sharma@team.example' };
const SAM = { name: 'Sam Lee', email: 'sam.lee@team.example' };
const LEAD = { name: 'Alex Lead', email: 'alex@team.example' };
const LINKED_TASK = 'Invoice export';
const PLAIN_TASK = 'Pager rota';

/** Whether a row of a multi-select quick pick is checked (VS Code's own checkbox widget says so in aria-checked). */
function isChecked(row: Locator): Promise<boolean> {
  return row.evaluate((el) => {
    const box = el.getAttribute('aria-checked') !== null ? el : el.querySelector('[aria-checked]');
    return box?.getAttribute('aria-checked') === 'true';
  });
}

describe('Follow-through: work linked to code is moving, knowledge to share, Delegate Work Here', function () {
  this.timeout(420_000);
  const sessions = new SessionsDaysApart('follow-through');
  const repo = new TestRepository(sessions.workspace);
  // Six weeks of daytime work: Priya in billing/, Sam in api/ (so each folder is one person's), and one commit by the lead.
  repo.init(LEAD);
  for (let i = 0; i < 22; i++) {
    repo.commit(PRIYA, localTime(40 - i, 10, 0, 0), 0, `billing/part${i % 4}.ts`, `Billing step ${i}`);
    if (i < 21) {
      repo.commit(SAM, localTime(40 - i, 14, 0, 0), 0, `api/handler${i % 3}.ts`, `API step ${i}`);
    }
  }
  repo.commit(LEAD, localTime(2, 16, 0, 0), 0, 'README.md', 'Notes for the team');
  let page: Page;

  after(() => sessions.dispose());

  /** Log Delegation, guided: level Inquire, due tomorrow, no note; at the code step, the folders typed are checked. */
  const logDelegation = async (task: string, person: string, folder?: string): Promise<void> => {
    await runCommand(page, 'Tech Lead: Log Delegation', undefined, { opensQuickInput: true });
    await answerStep(page, '1/6', task);
    await answerStep(page, '2/6', person);
    await answerStep(page, '3/6', 'Inquire');
    await answerStep(page, '4/6', 'Tomorrow');
    await answerStep(page, '5/6');
    await waitUntil(
      'the code step',
      () => quickInput(page).innerText(),
      (t) => t.includes('6/6'),
    );
    if (folder !== undefined) {
      await quickInputBox(page).fill(folder);
      const row = quickInputRows(page).filter({ hasText: folder }).first();
      await row.locator('.monaco-checkbox').first().click();
      await waitUntil(
        `${folder} checked`,
        () => isChecked(row),
        (checked) => checked,
      );
    }
    await quickInputBox(page).press('Enter');
    await quickInput(page).waitFor({ state: 'hidden' });
  };

  it('links the authors and logs two delegations at level 6, one pointing at billing/', async () => {
    page = await sessions.open(0);
    await openSidebar(page);
    await expandPane(page, 'Team');
    await addPerson(page, PRIYA.name);
    await addPerson(page, SAM.name);
    await runCommand(page, 'Tech Lead: Turn On Repository Signals…');
    const consent = await webviewFrame(page, '#signals-consent h1');
    await consent.getByRole('button', { name: 'Turn On' }).click();
    // Priya has the most commits, so she is asked about first.
    for (const author of [PRIYA, SAM]) {
      await waitUntil(
        `the linking step for ${author.name}`,
        () => quickInputBox(page).getAttribute('placeholder'),
        (p) => (p ?? '').includes(author.email),
        60_000,
      );
      await quickInputRows(page).filter({ hasText: 'suggested' }).first().click();
    }
    await quickInput(page).waitFor({ state: 'hidden' });

    await logDelegation(LINKED_TASK, PRIYA.name, 'billing/');
    await logDelegation(PLAIN_TASK, SAM.name);
    const rows = await waitUntil(
      'both delegations in the tree',
      () => treeRows(page, 'Delegations'),
      (r) => r.some((x) => x.label.startsWith(LINKED_TASK)) && r.some((x) => x.label.startsWith(PLAIN_TASK)),
    );
    assert.equal(groupOf(rows, LINKED_TASK), 'Due this week');
    await sessions.close();
  });

  it('three days later, after Priya committed in billing/: Moving on the row, and the reminder names only the other', async () => {
    // Two hours before the extension's "now", three days ahead of the real clock.
    repo.commit(PRIYA, Date.now() + 3 * DAY - 2 * 3_600_000, 0, 'billing/export.ts', 'Export the invoices as CSV');
    page = await sessions.open(3);
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'overdue' });
    await toast.waitFor({ state: 'visible', timeout: 60_000 });
    const toastText = (await toast.innerText()).replace(/\u00a0/g, ' ');
    assert.match(toastText, /Your follow-up with Sam Lee is overdue\./);
    assert.doesNotMatch(toastText, /Priya/, 'work that visibly moves is not reminded of');

    await openSidebar(page);
    const rows = await waitUntil(
      'the Moving group',
      () => treeRows(page, 'Delegations'),
      (r) => groupOf(r, LINKED_TASK) === 'Moving',
      60_000,
    );
    assert.equal(groupOf(rows, PLAIN_TASK), 'Overdue');
    const linked = rows.find((r) => r.label.startsWith(LINKED_TASK));
    assert.match(linked?.label ?? '', /Moving: changed today$/);
    assert.match(linked?.text ?? '', /Moving: changed today/, 'the row says it in words, not only its group');
  });

  it('offers the folders one person knows, and Delegate Work Here… on billing/ logs a delegation to Sam with billing/ linked', async () => {
    await expandPane(page, 'Team');
    const islands = pane(page, 'Team').locator('.monaco-list-row', { hasText: 'Knowledge to share' }).first();
    await islands.waitFor({ state: 'visible', timeout: 60_000 });
    await revealRow(page, 'Team', islands);
    if ((await islands.getAttribute('aria-expanded')) !== 'true') {
      await islands.click();
    }
    const billing = pane(page, 'Team').locator('.monaco-list-row[aria-label^="billing/"]').first();
    await billing.waitFor({ state: 'visible' });
    assert.match((await billing.getAttribute('aria-label')) ?? '', /^billing\/, known mostly by Priya Sharma\. Who could pair/);
    assert.equal(await pane(page, 'Team').locator('.monaco-list-row[aria-label^="api/"]').count(), 1, "Sam's api/ too");
    await revealRow(page, 'Team', billing);
    await billing.hover();
    await billing.locator('.action-label[aria-label="Delegate Work Here…"]').click();

    const first = await waitUntil(
      'the first step, saying why',
      () => quickInput(page).innerText(),
      (t) => t.includes('1/6'),
    );
    assert.match(first, /Delegate Work Here: billing\//);
    assert.match(first, /Sharing billing\/ protects Priya Sharma too/);
    assert.equal(await quickInputBox(page).inputValue(), 'Take on work in billing/');
    await answerStep(page, '1/6');
    await waitUntil(
      'the person step',
      () => quickInput(page).innerText(),
      (t) => t.includes('2/6') && t.includes(SAM.name),
    );
    assert.equal(await quickInputRows(page).filter({ hasText: PRIYA.name }).count(), 0, 'the person who knows it is not offered');
    await answerStep(page, '2/6', SAM.name);
    await answerStep(page, '3/6', 'Advise');
    await answerStep(page, '4/6', 'Tomorrow');
    await answerStep(page, '5/6');
    await waitUntil(
      'the code step with billing/ checked',
      () => isChecked(quickInputRows(page).filter({ hasText: 'billing/' }).first()),
      (checked) => checked,
    );
    await quickInputBox(page).press('Enter');
    await quickInput(page).waitFor({ state: 'hidden' });

    const rows = await waitUntil(
      'the new delegation',
      () => treeRows(page, 'Delegations'),
      (r) => r.some((x) => x.label.startsWith('Take on work in billing/, delegated to Sam Lee')),
    );
    assert.ok(rows.some((x) => x.label.startsWith('Take on work in billing/, delegated to Sam Lee, level 5')));
  });
});
