/**
 * Repository signals in a multi-root workspace whose folders change while the window is open
 * (adding a folder to a .code-workspace does not restart the extension host): the lead turns the
 * signals on with one repository there, links its author; a second repository is added to the
 * workspace, and its author is announced and offered for linking without a reload.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { localTime, TestRepository } from './gitRepository';
import { runCommand } from './harness';
import { addPerson, expandPane, linkSuggestedAuthor, openProductWindow, quickInput, webviewFrame } from './ui';

const SAM = { name: 'Sam Lee', email: 'sam.lee@team.example' };
const PRIYA = { name: 'Priya Sharma', email: 'priya.sharma@team.example' };
const LEAD = { name: 'Alex Lead', email: 'alex@team.example' };
const WORKSPACE_FILE = 'team.code-workspace';

describe('Repository signals: a repository added to the workspace is read without a reload', function () {
  this.timeout(300_000);
  const product = openProductWindow('tlc-signals-folders-', undefined, { workspaceFile: WORKSPACE_FILE });
  const writeWorkspace = (folders: readonly string[]): void =>
    fs.writeFileSync(path.join(product.workspace, WORKSPACE_FILE), JSON.stringify({ folders: folders.map((f) => ({ path: f })) }, null, 2));
  // Two repositories side by side; the workspace file names only the first when the window opens.
  const api = new TestRepository(path.join(product.workspace, 'api'));
  const web = new TestRepository(path.join(product.workspace, 'web'));
  for (const repo of [api, web]) {
    fs.mkdirSync(repo.dir, { recursive: true });
    repo.init(LEAD);
  }
  for (const daysAgo of [20, 12, 6]) {
    api.commit(SAM, localTime(daysAgo, 11, 0, 60), 60, `handlers/h${daysAgo}.ts`, `Handler work ${daysAgo}`);
  }
  for (const daysAgo of [9, 4]) {
    web.commit(PRIYA, localTime(daysAgo, 10, 0, -300), -300, `checkout/c${daysAgo}.ts`, `Checkout work ${daysAgo}`);
  }
  writeWorkspace(['api']);
  let page: Page;

  before(async () => {
    page = product.page;
    await expandPane(page, 'Team');
    await addPerson(page, SAM.name);
    await addPerson(page, PRIYA.name);
  });

  it('turned on with one repository there, asks only about its author', async () => {
    await runCommand(page, 'Tech Lead: Turn On Repository Signals…');
    const consent = await webviewFrame(page, '#signals-consent h1');
    await consent.getByRole('button', { name: 'Turn On' }).click();
    await linkSuggestedAuthor(page, SAM);
    await quickInput(page).waitFor({ state: 'hidden' });
    // Nobody else is unlinked: the linking command says so instead of asking.
    await runCommand(page, 'Tech Lead: Link Commit Authors to People…');
    await page
      .locator('.notifications-toasts .notification-list-item', { hasText: 'Every commit author is linked to a person or ignored.' })
      .first()
      .waitFor();
    // The step was open: no toast offered it a second time.
    assert.equal(await page.locator('.notifications-toasts .notification-list-item', { hasText: 'not linked to anyone' }).count(), 0);
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.locator('.notifications-toasts .notification-list-item').first().waitFor({ state: 'detached' });
  });

  it('a second repository added to the workspace: its author is announced, and Link… asks about her', async () => {
    writeWorkspace(['api', 'web']);
    const toast = page.locator('.notifications-toasts .notification-list-item', {
      hasText: '1 commit author is not linked to anyone in your team yet.',
    });
    await toast.waitFor({ timeout: 60_000 });
    await toast.getByRole('button', { name: 'Link…' }).click();
    await linkSuggestedAuthor(page, PRIYA);
    await quickInput(page).waitFor({ state: 'hidden' });
  });
});
