/**
 * Repository signals in the real VS Code, on a real git repository the test makes with generated
 * commits (fixed authors, author dates relative to now, each with its own offset): the lead turns
 * them on from the one consent page, links two authors to people (a bot and the lead's own identity
 * are never asked about), sees the identities and the shipped-since list on a person page, then
 * after a late-hours burst the pace line as a question and today's nudge as a check-in by name;
 * Forget leaves nothing of the signals in the extension's storage folder on disk.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../src/ids';
import { localTime, TestRepository } from './gitRepository';
import { runCommand } from './harness';
import {
  addPerson,
  linkSuggestedAuthor,
  expandPane,
  openProductWindow,
  quickInput,
  quickInputBox,
  quickInputRows,
  waitUntil,
  webviewFrame,
} from './ui';

const SAM = { name: 'Sam Lee', email: 'sam.lee@team.example' };
const PRIYA = { name: 'Priya Sharma', email: 'priya.sharma@team.example' };
const BOT = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
const LEAD = { name: 'Alex Lead', email: 'alex@team.example' };

/** The extension's folder in code-server's workspace storage (there is one workspace). */
function storageFolders(userDataDir: string): string[] {
  const root = path.join(userDataDir, 'User', 'workspaceStorage');
  if (!fs.existsSync(root)) {
    return [];
  }
  return fs
    .readdirSync(root)
    .map((id) => path.join(root, id, EXTENSION_ID))
    .filter((dir) => fs.existsSync(dir));
}

const signalsFolders = (userDataDir: string): string[] =>
  storageFolders(userDataDir)
    .map((dir) => path.join(dir, 'signals'))
    .filter((dir) => fs.existsSync(dir));

describe('Repository signals: opt in, link authors, pace and shipped on a person page, Forget', function () {
  this.timeout(300_000);
  const product = openProductWindow('tlc-signals-ws-');
  const repo = new TestRepository(product.workspace);
  // The history, made before the window opens: 8 weeks of Sam's daytime work with a late evening
  // every other week (so "usually about 1"), Priya's recent work, a bot's and the lead's own commit.
  repo.init(LEAD);
  const CET = 60;
  for (let daysAgo = 69; daysAgo > 15; daysAgo -= 3) {
    repo.commit(SAM, localTime(daysAgo, 11, 0, CET), CET, `api/handlers/h${daysAgo}.ts`, `Handler work ${daysAgo}`);
  }
  for (const daysAgo of [62, 48, 34, 20]) {
    repo.commit(SAM, localTime(daysAgo, 22, 40, CET), CET, 'api/late.ts', `Evening fix ${daysAgo}`);
  }
  repo.commit(PRIYA, localTime(5, 10, 15, -300), -300, 'billing/invoice.ts', 'Fix <b>invoice</b> rounding');
  repo.commit(PRIYA, localTime(3, 14, 0, -300), -300, 'billing/tax.ts', 'Tax rules for Canada');
  repo.commit(PRIYA, localTime(2, 9, 30, -300), -300, 'web/checkout.ts', 'Checkout shows the tax');
  repo.commit(BOT, localTime(4, 3, 0, 0), 0, 'package.json', 'Bump left-pad from 1.0.0 to 1.0.1');
  repo.commit(LEAD, localTime(1, 16, 0, CET), CET, 'README.md', 'Notes for the team');
  let page: Page;

  const openPersonPage = async (name: string) => {
    await runCommand(page, 'Tech Lead: Open Person', undefined, { opensQuickInput: true });
    await quickInputRows(page).filter({ hasText: name }).first().click();
    await quickInput(page).waitFor({ state: 'hidden' });
    return webviewFrame(page, '#person h1');
  };

  before(async () => {
    page = product.page;
    await expandPane(page, 'Team');
    await addPerson(page, SAM.name);
    await addPerson(page, PRIYA.name);
  });

  it('opts in from the one page that says what is read, and links the two authors it suggests', async () => {
    await runCommand(page, 'Tech Lead: Turn On Repository Signals…');
    const consent = await webviewFrame(page, '#signals-consent h1');
    const text = await consent.locator('#signals-consent').innerText();
    assert.match(text, /author name and email/);
    assert.match(text, /time of each commit/);
    assert.match(text, /files each commit touched/);
    assert.match(text, /Forget Repository Signals deletes all of it/);
    assert.match(text, /Nothing is exported with the team data, synced, or sent anywhere/);
    assert.match(await consent.locator('#share-text').innerText(), /Nothing ranks or compares anyone/);
    assert.deepEqual(signalsFolders(product.server.userDataDir), [], 'nothing is read before the lead turns the signals on');
    await consent.getByRole('button', { name: 'Turn On' }).click();

    // One quick pick per author: Sam (most commits) first, then Priya; never the bot or the lead.
    const asked: string[] = [];
    for (const author of [SAM, PRIYA]) {
      asked.push(await linkSuggestedAuthor(page, author));
    }
    await quickInput(page).waitFor({ state: 'hidden' });
    assert.ok(
      asked.every((p) => !/dependabot|alex@team/.test(p)),
      JSON.stringify(asked),
    );
    const folders = await waitUntil(
      'the cache in workspace storage',
      async () => signalsFolders(product.server.userDataDir),
      (f) => f.length === 1 && fs.readdirSync(f[0] ?? '').some((n) => n.endsWith('.log')),
    );
    assert.equal(folders.length, 1);
  });

  it("shows Priya's identity and what she shipped, grouped by folder, subjects as plain text", async () => {
    const frame = await openPersonPage(PRIYA.name);
    const text = await waitUntil(
      'the signals on the person page',
      () => frame.locator('#person').innerText(),
      (t) => /shipped since your last 1:1/i.test(t),
    );
    assert.match(text, /From the repository/i);
    assert.match(text, /Priya Sharma <priya\.sharma@team\.example>/);
    assert.match(text, /3 commits by Priya Sharma since /);
    assert.match(text, /billing\//);
    assert.match(text, /Fix <b>invoice<\/b> rounding/, 'the subject is shown as text, not markup');
    assert.equal(await frame.locator('#person b').count(), 0);
    assert.doesNotMatch(text, /dependabot|Alex Lead|Sam Lee/);
    assert.match(text, /Nothing in their commit times stands out/);
  });

  it('after a late-hours burst, says it on the person page as a question, and the nudge is a check-in by name', async () => {
    const frame = await openPersonPage(SAM.name);
    await waitUntil(
      "Sam's identity",
      () => frame.locator('#person').innerText(),
      (t) => t.includes('sam.lee@team.example'),
    );
    for (const daysAgo of [9, 7, 5, 3]) {
      repo.commit(SAM, localTime(daysAgo, 23, 30, CET), CET, 'api/incident.ts', `Incident follow-up ${daysAgo}`);
    }
    const text = await waitUntil(
      'the pace line',
      () => frame.locator('#person').innerText(),
      (t) => t.includes('committed late'),
      60_000,
    );
    assert.match(text, /Sam Lee committed late on 4 of the last 14 days; usually about 1\./);
    assert.match(text, /Worth asking: How is the load at the moment\? Is anything keeping you late\?/);
    assert.match(text, /Compared only with Sam Lee's own usual pattern/);
    assert.match(text, /Incident follow-up 3/);

    const today = await webviewFrame(page, '#nudge-title');
    await waitUntil(
      'the check-in nudge',
      () => today.locator('#nudge-title').innerText(),
      (t) => t.includes('Check in with Sam Lee'),
      30_000,
    );
    const nudge = `${await today.locator('#nudge-action').innerText()} ${await today.locator('#nudge-why').innerText()}`;
    assert.match(nudge, /how is the load at the moment\?/);
    assert.doesNotMatch(nudge, /\d/, 'the nudge asks; it does not quote the count');
  });

  it('Forget deletes the cache from disk and the page stops showing signals', async () => {
    const frame = await openPersonPage(SAM.name);
    await runCommand(page, 'Tech Lead: Forget Repository Signals…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Forget', exact: true }).click();
    await waitUntil(
      'the signals folder gone from workspace storage',
      async () => signalsFolders(product.server.userDataDir),
      (f) => f.length === 0,
    );
    const leftovers = storageFolders(product.server.userDataDir).flatMap((dir) => fs.readdirSync(dir));
    assert.ok(!leftovers.includes('signals'), JSON.stringify(leftovers));
    await waitUntil(
      'the person page without signals',
      () => frame.locator('#person').innerText(),
      (t) => !/from the repository|shipped since/i.test(t),
    );
    // The links are gone too: linking says the signals are off, and turning them on asks again.
    await runCommand(page, 'Tech Lead: Link Commit Authors to People…');
    await page
      .locator('.notifications-toasts .notification-list-item', {
        hasText: 'Repository signals are off in this workspace. Turn them on first.',
      })
      .waitFor();
    await runCommand(page, 'Tech Lead: Turn On Repository Signals…');
    const consent = await webviewFrame(page, '#signals-consent h1');
    await consent.getByRole('button', { name: 'Turn On' }).click();
    await waitUntil(
      'the linking step asking about Sam again',
      () => quickInputBox(page).getAttribute('placeholder'),
      (p) => (p ?? '').includes(SAM.email),
      60_000,
    );
    await page.keyboard.press('Escape');
    await quickInput(page).waitFor({ state: 'hidden' });
  });
});
