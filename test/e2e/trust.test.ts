/**
 * Names and tasks are the user's own text, not markup: a delegation imported from a file whose
 * person and task look like Markdown links and icons (`[Click me](command:…)`, `$(zap)`) must show
 * as those characters in VS Code's notifications, with no link to click and no icon drawn.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  freePort,
  notificationToasts,
  openWorkbench,
  reloadWindow,
  repoRoot,
  runCommand,
  startCodeServer,
  STATUS_BAR_SELECTOR,
  type CodeServer,
  type ToastContent,
  type Workbench,
} from './harness';
import {
  closeSuite,
  reportFailedTest,
  answerFileDialog,
  openSidebar,
  quickInput,
  quickInputRows,
  waitForCoachReady,
  waitUntil,
} from './ui';

const LINK_PERSON = '[Click me](command:workbench.action.toggleZenMode)';
const LINK_TASK = 'Ship $(zap) [docs](command:workbench.action.toggleZenMode)';

/** The local calendar day `days` from today, as the extension's date keys (YYYY-MM-DD). */
function dayKey(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Every visible toast: no link and no icon drawn from the text, and `literal` shown as typed in `toast`. */
function assertShownAsText(toasts: ToastContent[], toast: ToastContent, literal: string): void {
  for (const t of toasts) {
    assert.deepEqual(t.links, [], `a notification shows a link built from user text: ${JSON.stringify(t.text)}`);
    assert.deepEqual(
      t.icons.filter((c) => /codicon-zap\b/.test(c)),
      [],
      `a notification draws the $(zap) icon from user text: ${JSON.stringify(t.text)}`,
    );
  }
  assert.ok(
    toast.plainText.includes(literal),
    `the notification does not show ${JSON.stringify(literal)} as typed: ${JSON.stringify(toast.text)}`,
  );
}

/** Zen mode hides the activity bar and the status bar: both still showing means it was not toggled. */
async function assertNotZenMode(page: Page): Promise<void> {
  assert.equal(await page.locator('.part.activitybar').first().isVisible(), true, 'the activity bar is hidden: zen mode was toggled');
  assert.equal(await page.locator(STATUS_BAR_SELECTOR).isVisible(), true, 'the status bar is hidden: zen mode was toggled');
}

async function toastWith(page: Page, what: string, includes: string): Promise<{ toasts: ToastContent[]; toast: ToastContent }> {
  const toasts = await waitUntil(
    what,
    () => notificationToasts(page),
    (all) => all.some((t) => t.plainText.includes(includes)),
    60_000,
  );
  const toast = toasts.find((t) => t.plainText.includes(includes));
  assert.ok(toast);
  return { toasts, toast };
}

describe('Names are text: an imported delegation that looks like a link', function () {
  this.timeout(180_000);
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-trust-'));
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-trust-ws-'));
  let server: CodeServer;
  let workbench: Workbench;
  let page: Page;

  before(async () => {
    server = await startCodeServer({
      vsixPaths: [path.join(repoRoot(), 'dist', 'tech-lead-coach.vsix')],
      workspaceDir: workspace,
      stateDir,
      port: await freePort(),
    });
    // A browser profile of its own: VS Code for the browser keeps workspace state in it, so the
    // imported delegation is still there after the window reloads.
    workbench = await openWorkbench(server, { browserProfileDir: path.join(stateDir, 'browser') });
    page = workbench.page;
    await waitForCoachReady(page, server);
    await openSidebar(page);
  });

  afterEach(async function () {
    await reportFailedTest(this.currentTest, page);
  });

  after(() => closeSuite(workbench, server, [stateDir, workspace]));

  it('imports a delegation, overdue, whose person and task look like Markdown', async () => {
    const file = path.join(workspace, 'from-a-colleague.json');
    const createdOn = dayKey(-10);
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'tech-lead-coach/delegations',
        version: 1,
        exportedOn: dayKey(0),
        delegations: [
          {
            id: 'link-lookalike-1',
            task: LINK_TASK,
            person: LINK_PERSON,
            level: 5,
            createdOn,
            followUpOn: dayKey(-3),
            history: [{ kind: 'created', on: createdOn }],
          },
        ],
      }),
    );
    await runCommand(page, 'Tech Lead: Import Team Data…', undefined, { opensQuickInput: true });
    await answerFileDialog(page, file);
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Imported from' });
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await toast.innerText(), /2 added, 0 updated, 0 unchanged \(1 person, 1 delegation\)/);
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  it('after a reload, the overdue reminder names the person as text: no link, no icon', async () => {
    await reloadWindow(page, server);
    await waitForCoachReady(page, server);
    const { toasts, toast } = await toastWith(page, 'the overdue reminder', 'is overdue.');
    assert.match(toast.plainText, /Your follow-up with .* is overdue\./);
    assertShownAsText(toasts, toast, LINK_PERSON);
    await assertNotZenMode(page);
  });

  it('"Mark Done" confirms with the task as text and runs nothing', async () => {
    await runCommand(page, 'Notifications: Clear All Notifications');
    await runCommand(page, 'Tech Lead: Mark Done', undefined, { opensQuickInput: true });
    await waitUntil(
      'the delegation to pick',
      () => quickInputRows(page).count(),
      (n) => n === 1,
    );
    await page.keyboard.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden' });
    const { toasts, toast } = await toastWith(page, 'the "Marked … done." toast', 'done.');
    assert.match(toast.plainText, /^Marked ".*" done\./m);
    assertShownAsText(toasts, toast, LINK_TASK);
    await assertNotZenMode(page);
  });
});
