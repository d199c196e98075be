/**
 * The `user` location in the web build (the web worker extension host, as vscode.dev runs it): two
 * windows of one browser on two folders; a person added in one shows in the other without a reload.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  freePort,
  openWorkbench,
  repoRoot,
  runCommand,
  startCodeServer,
  waitForWorkbench,
  type CodeServer,
  type Workbench,
} from './harness';
import { answerStep, closeSuite, expandPane, openSidebar, quickInput, reportFailedTest, statusBarTip, treeRows, waitUntil } from './ui';

describe('In the browser: one team in every window (the user location, web worker host)', function () {
  this.timeout(240_000);
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-locweb-'));
  const api = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-locweb-api-'));
  const web = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-locweb-web-'));
  let server: CodeServer;
  let workbench: Workbench;
  let one: Page;
  let two: Page;

  before(async () => {
    const vsix = path.join(repoRoot(), 'dist', 'tech-lead-coach-web.vsix');
    server = await startCodeServer({
      vsixPaths: [vsix],
      workspaceDir: api,
      stateDir,
      port: await freePort(),
      userSettings: { 'techLead.team.location': 'user' },
    });
    workbench = await openWorkbench(server, { browserProfileDir: path.join(stateDir, 'browser') });
    one = workbench.page;
    await statusBarTip(one).waitFor({ state: 'visible', timeout: 120_000 });
    await openSidebar(one);
    await expandPane(one, 'Team');
    two = await workbench.context.newPage();
    await two.goto(`${server.url}/?folder=${encodeURIComponent(web)}`, { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(two);
    await statusBarTip(two).waitFor({ state: 'visible', timeout: 120_000 });
    await openSidebar(two);
    await expandPane(two, 'Team');
  });
  afterEach(async function () {
    await reportFailedTest(this.currentTest, one);
    await reportFailedTest(this.currentTest, two);
  });
  after(() => closeSuite(workbench, server, [stateDir, api, web]));

  it('a person added in one window shows in the other without a reload', async () => {
    await runCommand(one, 'Tech Lead: Add Person', undefined, { opensQuickInput: true });
    await answerStep(one, '1/2', 'Priya');
    await answerStep(one, '2/2');
    await quickInput(one).waitFor({ state: 'hidden' });
    await waitUntil(
      'Priya in the window that added her',
      () => treeRows(one, 'Team'),
      (rows) => rows.some((r) => r.label.startsWith('Priya')),
    );
    const seen = Date.now();
    await waitUntil(
      'Priya in the other window',
      () => treeRows(two, 'Team'),
      (rows) => rows.some((r) => r.label.startsWith('Priya')),
      15_000,
    );
    console.log(`      the other window showed her ${Date.now() - seen} ms after the first (polled every 200 ms)`);
  });
});
