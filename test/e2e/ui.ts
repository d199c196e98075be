/** Locators and small actions for the Tech Lead Coach UI inside the VS Code workbench. */
import * as assert from 'node:assert/strict';
import type { Frame, Locator, Page } from 'playwright-core';
import { EXTENSION_ID } from '../../src/ids';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  freePort,
  openWorkbench,
  repoRoot,
  runCommand,
  screenshotOnFailure,
  startCodeServer,
  STATUS_BAR_SELECTOR,
  waitForExtensionActivated,
  type CodeServer,
  type Workbench,
} from './harness';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const quickInput = (page: Page): Locator => page.locator('.quick-input-widget');
export const quickInputBox = (page: Page): Locator => page.locator('.quick-input-widget .quick-input-box input');
export const quickInputRows = (page: Page): Locator => page.locator('.quick-input-widget .monaco-list-row');

export function activityBarIcon(page: Page): Locator {
  return page.locator('.activitybar .action-item [aria-label^="Tech Lead"]').first();
}

export function pane(page: Page, name: string): Locator {
  return page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${name}\\b`) }) });
}

export function statusBarTip(page: Page): Locator {
  return page.locator(`${STATUS_BAR_SELECTOR} .statusbar-item[aria-label^="Tech Lead tip:"]`);
}

/**
 * The frame of a webview whose document has `selector` (webviews live in nested iframes).
 * Waits for it by polling, so a slow first render is not a failure.
 */
export async function webviewFrame(page: Page, selector: string, timeoutMs = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) {
        continue;
      }
      const count = await frame
        .locator(selector)
        .count()
        .catch(() => 0);
      if (count > 0) {
        return frame;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`No webview shows ${selector} within ${timeoutMs} ms`);
    }
    await sleep(200);
  }
}

/**
 * Waits until the Today view's icons are drawn: the page asks for the icon font only once it has
 * loaded (src/today/page/today.css), so they appear a moment after the text.
 */
export async function todayIconsDrawn(frame: Frame): Promise<void> {
  await waitUntil(
    "the Today view's icons",
    () =>
      frame.evaluate(async () => {
        await document.fonts.ready;
        const icon = document.querySelector('.eyebrow .codicon');
        return {
          loaded: document.documentElement.classList.contains('icons') && document.fonts.check('16px codicon'),
          visibility: icon ? getComputedStyle(icon).visibility : 'missing',
          font: icon ? getComputedStyle(icon).fontFamily : 'missing',
        };
      }),
    (s) => s.loaded && s.visibility === 'visible' && /codicon/.test(s.font),
  );
}

export interface TreeRow {
  readonly level: number;
  readonly label: string;
  readonly text: string;
}

/** Rows of a tree view as the screen reader and the eye get them. */
export async function treeRows(page: Page, paneName: string): Promise<TreeRow[]> {
  return pane(page, paneName)
    .locator('.monaco-list-row')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        level: Number(row.getAttribute('aria-level') ?? 0),
        label: row.getAttribute('aria-label') ?? '',
        text: (row as HTMLElement).innerText,
      })),
    );
}

/** The group (level-1 row, "Due this week, 2 delegations") a delegation row sits under, by its task. */
export function groupOf(rows: readonly TreeRow[], task: string): string | undefined {
  let group: string | undefined;
  for (const row of rows) {
    if (row.level === 1) {
      group = row.label.split(',')[0]?.trim();
    } else if (row.label.startsWith(task)) {
      return group;
    }
  }
  return undefined;
}

/** Makes sure a pane of the Tech Lead sidebar is expanded. */
export async function expandPane(page: Page, name: string): Promise<void> {
  const header = pane(page, name).locator('.pane-header').first();
  await header.waitFor({ state: 'visible' });
  if ((await header.getAttribute('aria-expanded')) !== 'true') {
    await header.click();
  }
}

/**
 * Scrolls a tree view until `row` lies wholly inside its pane. A row cut off at the bottom of a
 * short pane counts as visible to Playwright, yet a click at its centre lands outside the list.
 */
export async function revealRow(page: Page, paneName: string, row: Locator, timeoutMs = 15_000): Promise<void> {
  const body = pane(page, paneName).locator('.pane-body');
  await waitUntil(
    `the row ${String(row)} to lie wholly inside the ${paneName} pane`,
    async () => {
      const [r, b] = await Promise.all([row.boundingBox(), body.boundingBox()]);
      if (!r || !b) {
        return false;
      }
      const below = r.y + r.height - (b.y + b.height);
      const above = b.y - r.y;
      if (below > 0 || above > 0) {
        await body.hover();
        await page.mouse.wheel(0, below > 0 ? Math.ceil(below) + 4 : -Math.ceil(above) - 4);
        return false;
      }
      return true;
    },
    (inside) => inside,
    timeoutMs,
  );
}

/**
 * Opens the Tech Lead sidebar unless it is already showing, and waits until the Today webview has
 * rendered its nudge. A webview that is still loading takes keyboard focus when it is ready, which
 * can close a command palette opened in the meantime; a loaded one is done with that.
 */
export async function openSidebar(page: Page): Promise<void> {
  const icon = activityBarIcon(page);
  await icon.waitFor({ state: 'visible' });
  if (!(await pane(page, 'Today').isVisible())) {
    // The item that holds the icon: a view's badge is laid over the icon and takes its clicks.
    await icon.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " action-item ")][1]').click();
  }
  await pane(page, 'Today').waitFor({ state: 'visible' });
  await webviewFrame(page, '#nudge-title', 60_000);
}

/**
 * Waits until Tech Lead Coach has finished activating, not only started: the extension host logs
 * `_doActivateExtension` before `activate()` runs, and `activate()` awaits its stored state before it
 * registers anything. Its status-bar tip is created in the same synchronous step as its commands and
 * views (and reaches the window after them), so once the tip shows, its commands run right away.
 */
export async function waitForCoachReady(page: Page, server: CodeServer, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await waitForExtensionActivated(server, EXTENSION_ID, timeoutMs);
  try {
    await statusBarTip(page).waitFor({ state: 'visible', timeout: Math.max(1000, deadline - Date.now()) });
  } catch (err) {
    throw new Error(
      `Tech Lead Coach started activating but its status-bar tip (shown at the end of activation) did not appear within ${timeoutMs} ms\n${String(err)}`,
    );
  }
}

/** Waits until `read` returns a value that `accept` takes; fails with the last value seen. */
export async function waitUntil<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) {
      return last;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    }
    await sleep(200);
  }
}

/** Answers one step of a quick input: types `text` (if any) and presses Enter. */
export async function answerStep(page: Page, expectedStep: string, text?: string): Promise<void> {
  const box = quickInputBox(page);
  await box.waitFor({ state: 'visible' });
  await waitUntil(
    `quick input step ${expectedStep}`,
    () => quickInput(page).innerText(),
    (t) => t.includes(expectedStep),
  );
  if (text !== undefined) {
    await box.fill(text);
  }
  await box.press('Enter');
}

/** Tech Lead: Add Person, by keyboard: the name, then the role (left empty unless given). */
export async function addPerson(page: Page, name: string, role?: string): Promise<void> {
  await runCommand(page, 'Tech Lead: Add Person', undefined, { opensQuickInput: true });
  await answerStep(page, '1/2', name);
  await answerStep(page, '2/2', role);
  await quickInput(page).waitFor({ state: 'hidden' });
}

/**
 * In the signals' linking step: waits until it asks about `author` (by email), checks that the
 * person it suggests is them and picks that person. Returns what the step asked. The step may go on
 * to the next author: the caller waits for the quick input to close.
 */
export async function linkSuggestedAuthor(page: Page, author: { readonly name: string; readonly email: string }): Promise<string> {
  await quickInputBox(page).waitFor({ state: 'visible', timeout: 60_000 });
  const prompt = await waitUntil(
    `the linking step for ${author.name}`,
    () => quickInputBox(page).getAttribute('placeholder'),
    (p) => (p ?? '').includes(author.email),
    60_000,
  );
  const suggested = quickInputRows(page).filter({ hasText: 'suggested' }).first();
  assert.match(await suggested.innerText(), new RegExp(author.name));
  await suggested.click();
  return prompt ?? '';
}

/**
 * VS Code for the browser asks for file paths in its own quick input: type the path, Enter.
 * The dialog fills in its default path and completes folders as it opens, so wait for that first
 * and type again if its completion changed what was typed.
 */
export async function answerFileDialog(page: Page, file: string): Promise<void> {
  const box = quickInputBox(page);
  await box.waitFor({ state: 'visible' });
  await waitUntil(
    'the dialog to show its default path',
    () => box.inputValue(),
    (v) => v.startsWith('/'),
  );
  await waitUntil(
    'the typed path to stay as typed',
    async () => {
      await box.fill(file);
      await page.waitForTimeout(150);
      return box.inputValue();
    },
    (v) => v === file,
  );
  await box.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
}

/**
 * For a suite's afterEach: when the test failed, its screenshot path goes into the error, and no
 * quick input is left open to swallow the next test's typing.
 */
export async function reportFailedTest(test: Mocha.Test | undefined, page: Page | undefined): Promise<void> {
  if (test?.state !== 'failed' || !test.err || !page) {
    return;
  }
  const shot = await screenshotOnFailure(page, test.fullTitle());
  test.err.message += `\n  screenshot: ${shot ?? '(could not be taken)'}`;
  for (let i = 0; i < 3 && (await quickInput(page).isVisible()); i++) {
    await page.keyboard.press('Escape');
  }
}

/** For a suite's after: closes the window and code-server, then removes the suite's folders. */
export async function closeSuite(
  workbench: Workbench | undefined,
  server: CodeServer | undefined,
  folders: readonly string[],
): Promise<void> {
  await workbench?.close();
  await server?.stop();
  for (const folder of folders) {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** A suite's window on the packaged product, in a fresh workspace; see `openProductWindow`. */
export interface ProductWindow {
  readonly workspace: string;
  readonly server: CodeServer;
  readonly page: Page;
}

/**
 * For a suite: registers its hooks (before: code-server with the product's .vsix in a fresh
 * workspace folder, the window open on it (or on `opens.workspaceFile` in it) with the Tech Lead sidebar shown; afterEach: a failed test's
 * screenshot; after: everything closed and removed). The window's parts are there from the first
 * test, or the suite's own `before`, on.
 */
export function openProductWindow(
  workspacePrefix: string,
  userSettings?: Record<string, unknown>,
  opens?: { workspaceFile: string },
): ProductWindow {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), workspacePrefix));
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  before(async () => {
    server = await startCodeServer({
      vsixPaths: [path.join(repoRoot(), 'dist', 'tech-lead-coach.vsix')],
      workspaceDir: workspace,
      ...(userSettings ? { userSettings } : {}),
    });
    workbench = await openWorkbench(server, opens ? { workspaceFile: path.join(workspace, opens.workspaceFile) } : {});
    await waitForCoachReady(workbench.page, server);
    await openSidebar(workbench.page);
  });
  afterEach(async function () {
    await reportFailedTest(this.currentTest, workbench?.page);
  });
  after(() => closeSuite(workbench, server, [workspace]));
  const opened = <T>(part: T | undefined): T => {
    if (part === undefined) {
      throw new Error('The product window is used before the suite opened it (in a before hook).');
    }
    return part;
  };
  return {
    workspace,
    get server() {
      return opened(server);
    },
    get page() {
      return opened(workbench?.page);
    },
  };
}

/**
 * One lead opening VS Code again some days later: each session has the same workspace, user data
 * and browser profile, on the same port (the browser keeps VS Code's state per origin), and the test
 * build, whose clock follows TECH_LEAD_COACH_DAY_OFFSET (a test hook the product does not have).
 */
export class SessionsDaysApart {
  readonly stateDir: string;
  readonly workspace: string;
  private port: number | undefined;
  server: CodeServer | undefined;
  workbench: Workbench | undefined;

  constructor(name: string) {
    this.stateDir = fs.mkdtempSync(path.join(os.tmpdir(), `tlc-${name}-`));
    this.workspace = fs.mkdtempSync(path.join(os.tmpdir(), `tlc-${name}-ws-`));
  }

  /** Starts VS Code with the extension's clock `dayOffset` days ahead, and waits for the extension. */
  async open(dayOffset: number): Promise<Page> {
    this.port ??= await freePort();
    const vsix = path.join(repoRoot(), 'dist', 'tech-lead-coach-test.vsix');
    this.server = await startCodeServer({
      vsixPaths: [vsix],
      workspaceDir: this.workspace,
      stateDir: this.stateDir,
      port: this.port,
      env: { TECH_LEAD_COACH_DAY_OFFSET: String(dayOffset) },
    });
    this.workbench = await openWorkbench(this.server, { browserProfileDir: path.join(this.stateDir, 'browser') });
    await waitForCoachReady(this.workbench.page, this.server);
    return this.workbench.page;
  }

  /** Closes VS Code, keeping what it stored for the next session. */
  async close(): Promise<void> {
    await this.workbench?.close();
    await this.server?.stop();
    this.workbench = undefined;
    this.server = undefined;
  }

  /** For the suite's after: closes, then removes the folders. */
  async dispose(): Promise<void> {
    await closeSuite(this.workbench, this.server, [this.stateDir, this.workspace]);
    this.workbench = undefined;
    this.server = undefined;
  }
}
