/**
 * The Get Started walkthrough: "Tech Lead: Get Started" and the Today view's … menu open it, with
 * its five steps, and a step ticks itself off on its real event. (Opening it after an install from
 * the Marketplace is VS Code's own behaviour; it cannot be exercised offline here.)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { freePort, openWorkbench, repoRoot, runCommand, startCodeServer, type CodeServer, type Workbench } from './harness';
import { closeSuite, reportFailedTest, waitForCoachReady, waitUntil } from './ui';

const TITLE = 'Get started as a tech lead';

/** The walkthrough's title, shown in the Welcome editor, when it is open. */
function walkthroughTitle(page: Page) {
  return page.locator('.gettingStartedContainer', { hasText: TITLE }).first();
}

describe('Get started: the walkthrough', function () {
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
    });
    workbench = await openWorkbench(server, { browserProfileDir: path.join(stateDir, 'browser') });
    page = workbench.page;
    await waitForCoachReady(page, server);
  });

  afterEach(async function () {
    await reportFailedTest(this.currentTest, page);
  });

  after(() => closeSuite(workbench, server, [stateDir, workspace]));

  it('"Tech Lead: Get Started" opens it from the command palette, with its five steps', async () => {
    await runCommand(page, 'Tech Lead: Get Started');
    await walkthroughTitle(page).waitFor({ state: 'visible', timeout: 30_000 });
    for (const step of [
      "Read today's nudge",
      'Add your team, log a delegation',
      'Open a lesson',
      'Choose your nudge themes',
      'Keep or hide the status-bar tip',
    ]) {
      await page.locator('.gettingStartedContainer', { hasText: step }).first().waitFor({ state: 'visible', timeout: 10_000 });
    }
  });

  it('ticks off "Read today\'s nudge" when the Today view is shown', async () => {
    const step = page.locator('.gettingStartedContainer button.getting-started-step', { hasText: "Read today's nudge" }).first();
    await runCommand(page, "Tech Lead: Show Today's Nudge");
    await runCommand(page, 'Tech Lead: Get Started');
    await waitUntil(
      'the step marked done',
      () => step.locator('.codicon-pass-filled, .complete').count(),
      (n) => n > 0,
      30_000,
    );
  });

  it("is in the Today view's … menu", async () => {
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, "Tech Lead: Show Today's Nudge");
    await page.locator('.pane-header', { hasText: 'Today' }).first().hover();
    await page.locator('.pane-header', { hasText: 'Today' }).locator('.codicon-toolbar-more, .codicon-more').first().click();
    await page.locator('.context-view .action-label', { hasText: 'Get Started' }).first().click();
    await walkthroughTitle(page).waitFor({ state: 'visible', timeout: 30_000 });
  });
});
