/**
 * First run: after a first install the Get Started walkthrough opens once, by itself; it does not
 * come back after a reload; "Tech Lead: Get Started" opens it again whenever the lead wants.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { freePort, openWorkbench, reloadWindow, repoRoot, runCommand, screenshotOnFailure, startCodeServer, type CodeServer, type Workbench } from './harness';
import { waitForCoachReady, waitUntil } from './ui';

const TITLE = 'Get started as a tech lead';

/** The walkthrough's title, shown in the Welcome editor, when it is open. */
function walkthroughTitle(page: Page) {
  return page.locator('.gettingStartedContainer', { hasText: TITLE }).first();
}

/** The titles of the open editor tabs. */
async function tabTitles(page: Page): Promise<string[]> {
  return page.locator('.tabs-container .tab .label-name').allInnerTexts();
}

describe('Get started: the walkthrough on a first install', function () {
  this.timeout(180_000);
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-start-'));
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-start-ws-'));
  let server: CodeServer;
  let workbench: Workbench;
  let page: Page;

  before(async () => {
    server = await startCodeServer({
      vsixPaths: [path.join(repoRoot(), 'dist', 'tech-lead-coach.vsix')],
      workspaceDir: workspace,
      stateDir,
      port: await freePort(),
      // VS Code's default: walkthroughs open on install (the other suites turn it off).
      userSettings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true },
    });
    workbench = await openWorkbench(server, { browserProfileDir: path.join(stateDir, 'browser') });
    page = workbench.page;
    await waitForCoachReady(page, server);
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && test.err) {
      const shot = await screenshotOnFailure(page, test.fullTitle());
      test.err.message += `\n  screenshot: ${shot ?? '(could not be taken)'}`;
    }
  });

  after(async () => {
    await workbench?.close();
    await server?.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('opens the walkthrough by itself on the first start, with its five steps', async () => {
    await walkthroughTitle(page).waitFor({ state: 'visible', timeout: 60_000 });
    for (const step of ["Read today's nudge", 'Log your first delegation', 'Open a lesson', 'Choose your nudge themes', 'Keep or hide the status-bar tip']) {
      await page.locator('.gettingStartedContainer', { hasText: step }).first().waitFor({ state: 'visible', timeout: 10_000 });
    }
  });

  it('does not open it again after a reload, once it was closed', async () => {
    await runCommand(page, 'View: Close All Editors');
    await waitUntil('no editor open', () => tabTitles(page), (titles) => titles.length === 0);
    await reloadWindow(page, server);
    await waitForCoachReady(page, server);
    // The extension has activated and registered its commands: the walkthrough would be open by now.
    await runCommand(page, "Tech Lead: Show Today's Nudge");
    assert.equal(await walkthroughTitle(page).isVisible(), false, 'the walkthrough opened again after a reload');
    assert.deepEqual(await tabTitles(page), []);
  });

  it('"Tech Lead: Get Started" opens it from the command palette', async () => {
    await runCommand(page, 'Tech Lead: Get Started');
    await walkthroughTitle(page).waitFor({ state: 'visible', timeout: 30_000 });
  });
});
