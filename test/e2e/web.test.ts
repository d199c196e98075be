/**
 * The web build: the product's web package (dist/tech-lead-coach-web.vsix: no "main", target web), so VS
 * Code for the browser runs it from its "browser" entry in the web worker extension host, as
 * vscode.dev and github.dev would. A subset of the journeys: the sidebar and Today, Log Delegation,
 * a lesson, and a reload that keeps the data.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../src/ids';
import { freePort, openWorkbench, reloadWindow, repoRoot, runCommand, startCodeServer, type CodeServer, type Workbench } from './harness';
import {
  closeSuite,
  reportFailedTest,
  answerStep,
  openSidebar,
  quickInput,
  quickInputBox,
  statusBarTip,
  treeRows,
  waitUntil,
  webviewFrame,
} from './ui';

const TASK = 'Web: run the planning session';

/** In the web worker host there is no Node log line to wait for: the status-bar tip is the sign. */
async function waitForTip(page: Page): Promise<void> {
  await statusBarTip(page).waitFor({ state: 'visible', timeout: 120_000 });
}

describe('In the browser: the web build in the web worker extension host', function () {
  this.timeout(180_000);
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-web-'));
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-web-ws-'));
  let server: CodeServer;
  let workbench: Workbench;
  let page: Page;

  before(async () => {
    const vsix = path.join(repoRoot(), 'dist', 'tech-lead-coach-web.vsix');
    assert.ok(fs.existsSync(vsix), `${vsix} is missing: run npm run package`);
    server = await startCodeServer({ vsixPaths: [vsix], workspaceDir: workspace, stateDir, port: await freePort() });
    workbench = await openWorkbench(server, { browserProfileDir: path.join(stateDir, 'browser') });
    page = workbench.page;
    await waitForTip(page);
  });

  afterEach(async function () {
    await reportFailedTest(this.currentTest, page);
  });

  after(() => closeSuite(workbench, server, [stateDir, workspace]));

  it('runs in the web worker extension host, not the Node one', async () => {
    // The tip is up, so the extension has activated; the Node extension host never activated it.
    const nodeLog = (await server.exthostLog()).toLowerCase();
    assert.equal(
      nodeLog.includes(`_doactivateextension ${EXTENSION_ID}`.toLowerCase()),
      false,
      'the extension ran in the Node extension host',
    );
    assert.match(await statusBarTip(page).innerText(), /\S/);
  });

  it("shows today's nudge in the sidebar", async () => {
    await openSidebar(page);
    // The first webview of a fresh browser profile loads its script through a service worker that
    // is still starting: allow a cold start, and wait for the text the script fills in.
    const frame = await webviewFrame(page, '#nudge-title', 60_000);
    await waitUntil(
      'the nudge title',
      () => frame.locator('#nudge-title').innerText(),
      (t) => t.trim().length > 0,
      60_000,
    );
    await waitUntil(
      'the nudge action',
      () => frame.locator('#nudge-action').innerText(),
      (t) => t.trim().length > 0,
      60_000,
    );
  });

  it('logs a delegation from the command palette', async () => {
    await runCommand(page, 'Tech Lead: Log Delegation', undefined, { opensQuickInput: true });
    await answerStep(page, '1/6', TASK);
    await answerStep(page, '2/6', 'Ana');
    await answerStep(page, '3/6');
    await answerStep(page, '4/6');
    await answerStep(page, '5/6');
    await answerStep(page, '6/6'); // no code link
    await quickInput(page).waitFor({ state: 'hidden' });
    await waitUntil(
      'the delegation in the tree',
      () => treeRows(page, 'Delegations'),
      (rows) => rows.some((row) => row.text.includes(TASK)),
    );
  });

  it('opens a lesson with its markdown rendered', async () => {
    await runCommand(page, 'Tech Lead: Open Lesson', undefined, { opensQuickInput: true });
    await quickInputBox(page).fill('Check in on the person');
    await waitUntil(
      'the lesson to pick',
      () => page.locator('.quick-input-widget .monaco-list-row').count(),
      (n) => n >= 1,
    );
    await quickInputBox(page).press('Enter');
    const frame = await webviewFrame(page, '#lesson h1', 60_000);
    assert.equal((await frame.locator('#lesson h1').innerText()).trim(), 'Check in on the person, not just the work');
    assert.ok((await frame.locator('#lesson ul li, #lesson ol li').count()) >= 2, 'the lesson has no rendered list');
  });

  it('keeps the delegation after a reload', async () => {
    await reloadWindow(page, server);
    await waitForTip(page);
    await openSidebar(page);
    await waitUntil(
      'the delegation after the reload',
      () => treeRows(page, 'Delegations'),
      (rows) => rows.some((row) => row.text.includes(TASK)),
      60_000,
    );
  });
});
