import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { realVsCode, safeFileName, testResultsDir } from './paths';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const WORKBENCH_SELECTOR = '.monaco-workbench';
export const STATUS_BAR_SELECTOR = '#workbench\\.parts\\.statusbar';

export interface Workbench {
  /** The page's browser context (with `browserProfileDir`, a persistent one). */
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and dialogs seen so far on this page (see collectPageErrors). */
  problems: PageProblems;
  /** Closes the browser. Idempotent. */
  close(): Promise<void>;
}

export interface OpenWorkbenchOptions {
  /** Max wait for the workbench and status bar, default 60 s. */
  timeoutMs?: number;
  /** Open another folder than server.workspaceDir. */
  folder?: string;
  /** Open this .code-workspace file (a multi-root workspace) instead of a folder. */
  workspaceFile?: string;
  /**
   * A Chromium profile folder kept between windows. VS Code for the browser keeps workspace and
   * global state in the browser (IndexedDB), so a "restart" that should keep that state needs the
   * same profile; without it each window starts with a fresh profile.
   */
  browserProfileDir?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function launchContext(opts: OpenWorkbenchOptions): Promise<BrowserContext> {
  const { chromiumPath } = await realVsCode();
  const launch = { executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS] };
  const viewport = { width: 1400, height: 900 };
  if (opts.browserProfileDir !== undefined) {
    return chromium.launchPersistentContext(opts.browserProfileDir, { ...launch, viewport });
  }
  const browser = await chromium.launch(launch);
  const context = await browser.newContext({ viewport });
  context.on('close', () => void browser.close().catch(() => undefined));
  return context;
}

/**
 * Launches headless Debian Chromium (never a downloaded browser) at 1400x900, opens
 * `${server.url}/?folder=${workspaceDir}` (or `?workspace=` a .code-workspace file) and waits for the workbench and its status bar.
 */
export async function openWorkbench(server: CodeServer, opts: OpenWorkbenchOptions = {}): Promise<Workbench> {
  const context = await launchContext(opts);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    const browser = context.browser();
    await context.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = collectPageErrors(page);
    const opened =
      opts.workspaceFile !== undefined
        ? `workspace=${encodeURIComponent(opts.workspaceFile)}`
        : `folder=${encodeURIComponent(opts.folder ?? server.workspaceDir)}`;
    await page.goto(`${server.url}/?${opened}`, {
      waitUntil: 'domcontentloaded',
      timeout: opts.timeoutMs ?? 60_000,
    });
    await waitForWorkbench(page, opts.timeoutMs ?? 60_000);
    return { context, page, problems, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Waits until the workbench and its status bar (with at least one item) are visible. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator(WORKBENCH_SELECTOR).first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator(STATUS_BAR_SELECTOR).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator(`${STATUS_BAR_SELECTOR} .statusbar-item`).first().waitFor({ state: 'attached', timeout: timeoutMs });
}

/** Default wait of runCommand: a first command on a cold start (2 cores, fresh profile) can take long. */
export const COMMAND_TIMEOUT_MS = 60_000;

/** What the quick input shows right now, for error messages. */
async function quickInputState(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const widget = document.querySelector<HTMLElement>('.quick-input-widget');
      const input = widget?.querySelector<HTMLInputElement>('.quick-input-box input');
      const active = document.activeElement;
      const toasts = [...document.querySelectorAll<HTMLElement>('.notifications-toasts .notification-list-item')].map((t) =>
        t.innerText.replace(/\s+/g, ' ').trim(),
      );
      return JSON.stringify({
        quickInputVisible: !!widget && widget.offsetParent !== null && getComputedStyle(widget).display !== 'none',
        value: input?.value,
        inputFocused: !!input && active === input,
        focus: active ? `${active.tagName}.${String(active.className)}`.slice(0, 80) : null,
        toasts,
      });
    })
    .catch((err: unknown) => `(state unavailable: ${String(err)})`);
}

/**
 * Moves keyboard focus to the workbench itself. After a view opens, focus often sits in a webview's
 * iframe; a key pressed there only reaches VS Code's keybindings once the webview has loaded its key
 * forwarding, so on a cold start an F1 can vanish. (`.monaco-workbench` is not focusable: focusing
 * it is a no-op.)
 */
async function focusWorkbench(page: Page): Promise<void> {
  await page
    .evaluate(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.tagName === 'IFRAME') active.blur();
    })
    .catch(() => undefined);
}

/**
 * Runs a command from the command palette: opens it with F1, types `label`, waits for the
 * quick-pick row whose label is exactly `label` (e.g. "Developer: Reload Window"), and runs it
 * (Enter when it is the focused row, otherwise a click on it).
 *
 * It waits for real conditions, never a fixed time: the palette visible with its input focused
 * before typing; the row shown; the palette still open and focused right before Enter (a webview
 * that finishes loading can take focus and dismiss the palette, in which case the command did not
 * run and the palette is opened again); with `opensQuickInput`, the command's own quick input
 * visible afterwards. Every wait fails after `timeoutMs` with what it was waiting for.
 */
export async function runCommand(
  page: Page,
  label: string,
  timeoutMs = COMMAND_TIMEOUT_MS,
  opts: { opensQuickInput?: boolean } = {},
): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  const deadline = Date.now() + timeoutMs;
  const left = (): number => Math.max(1, deadline - Date.now());
  const fail = async (what: string, err?: unknown): Promise<never> => {
    const state = await quickInputState(page);
    throw new Error(`runCommand("${label}"): ${what} within ${timeoutMs} ms; quick input: ${state}${err ? `\n${String(err)}` : ''}`);
  };
  /** The command palette (not another quick input) is showing, with its input focused. */
  const paletteReady = async (): Promise<boolean> =>
    (await widget.isVisible()) &&
    (await input.evaluate((el) => el === document.activeElement && (el as HTMLInputElement).value.startsWith('>')).catch(() => false));

  if ((await widget.isVisible()) && !(await input.inputValue().catch(() => '')).startsWith('>')) {
    await fail('another quick input is open (not the command palette), so the palette cannot be used');
  }
  const row = widget
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) })
    .first();
  for (let attempt = 1; ; attempt++) {
    // 1. The palette, visible and focused. A lost F1 (see focusWorkbench) is pressed again.
    let lastPress = 0;
    while (!(await paletteReady())) {
      if (Date.now() > deadline) await fail('the command palette did not open with its input focused (F1)');
      if (!(await widget.isVisible()) && Date.now() - lastPress > 5000) {
        await focusWorkbench(page);
        await page.keyboard.press('F1');
        lastPress = Date.now();
      }
      await sleep(50);
    }
    // 2. The command's row; or the palette closed under us (an editor that opened, such as the
    // walkthrough, took focus), and it is opened again.
    // The palette can close between that check and the typing: then it is opened again, as below.
    let closed = !(await input.fill(`>${label}`, { timeout: 2000 }).then(
      () => true,
      () => false,
    ));
    while (!closed && !(await row.isVisible())) {
      if (!(await widget.isVisible())) {
        closed = true;
        break;
      }
      if (Date.now() > deadline) {
        const shown = await widget
          .locator('.monaco-list-row .label-name')
          .allInnerTexts()
          .catch(() => [] as string[]);
        await page.keyboard.press('Escape').catch(() => undefined);
        await fail(`no command palette entry "${label}" (rows shown: ${JSON.stringify(shown.slice(0, 10))})`);
      }
      await sleep(50);
    }
    if (closed) {
      if (attempt >= 3 || Date.now() > deadline) await fail('the command palette kept closing before the command could be chosen');
      continue;
    }
    // 3. Still the palette, focused, with our text: otherwise something took focus and closed it.
    const intact = (await paletteReady()) && (await input.inputValue().catch(() => '')) === `>${label}`;
    if (!intact) {
      if (attempt >= 3 || Date.now() > deadline) await fail('the command palette kept closing before the command could be chosen');
      continue;
    }
    const focused = (await row.getAttribute('class'))?.split(/\s+/).includes('focused') ?? false;
    if (focused) await input.press('Enter');
    else await row.click();
    break;
  }
  if (opts.opensQuickInput) {
    // The command shows its own quick input: visible, and no longer the palette's ">" text. (The
    // widget is one DOM element shared by all quick inputs and keeps its last value when hidden.)
    for (;;) {
      const own = (await widget.isVisible()) && !(await input.inputValue().catch(() => '>')).startsWith('>');
      if (own) return;
      if (Date.now() > deadline) await fail(`"${label}" did not open its own quick input`);
      await sleep(50);
    }
  }
  await widget.waitFor({ state: 'hidden', timeout: left() }).catch(() => undefined);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Polls the extension host log until `ExtensionService#_doActivateExtension <extensionId>` appears;
 * resolves with that log line (it names the activation event). Throws early when the log reports
 * that the activation failed, and on timeout with the log's tail.
 */
export async function waitForExtensionActivated(server: CodeServer, extensionId: string, timeoutMs = 60_000): Promise<string> {
  const needle = `ExtensionService#_doActivateExtension ${extensionId}`.toLowerCase();
  const failed = `activating extension '${extensionId}' failed`.toLowerCase();
  const deadline = Date.now() + timeoutMs;
  let log = '';
  for (;;) {
    log = await server.exthostLog();
    const lines = log.split('\n');
    const hit = lines.find((l) => l.toLowerCase().includes(needle));
    if (hit) return hit;
    const failure = lines.findIndex((l) => l.toLowerCase().includes(failed));
    if (failure >= 0) throw new Error(`extension ${extensionId} failed to activate:\n${lines.slice(failure, failure + 20).join('\n')}`);
    if (Date.now() > deadline) {
      throw new Error(`extension ${extensionId} not activated within ${timeoutMs} ms; exthost log tail:\n${tail(log, 40)}`);
    }
    await sleep(250);
  }
}

/**
 * Runs "Developer: Reload Window" and waits for the new page's workbench. With `server`, also waits
 * for the new extension host's log, so a following waitForExtensionActivated() reads the new log.
 */
export async function reloadWindow(page: Page, server?: CodeServer, timeoutMs = 60_000): Promise<void> {
  const hostsBefore = server ? (await server.exthostLogs()).length : 0;
  await page.evaluate(() => {
    (window as unknown as Record<string, unknown>)['__tlcBeforeReload'] = true;
  });
  await runCommand(page, 'Developer: Reload Window');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const old = await page.evaluate(() => (window as unknown as Record<string, unknown>)['__tlcBeforeReload'] === true).catch(() => true); // "execution context was destroyed" while navigating
    if (!old) break;
    if (Date.now() > deadline) throw new Error(`reloadWindow: the page did not reload within ${timeoutMs} ms`);
    await sleep(100);
  }
  await waitForWorkbench(page, Math.max(1000, deadline - Date.now()));
  if (server) {
    for (;;) {
      if ((await server.exthostLogs()).length > hostsBefore) break;
      if (Date.now() > deadline) throw new Error(`reloadWindow: no new extension host log within ${timeoutMs} ms`);
      await sleep(250);
    }
  }
}

/**
 * Saves a full-page screenshot as <repo>/test-results/<name>.png and returns its path; never
 * throws (it is meant for failure paths: the original error matters more). Use in an afterEach:
 * `if (this.currentTest?.state === 'failed') await screenshotOnFailure(page, this.currentTest.fullTitle())`.
 */
export async function screenshotOnFailure(page: Page, name: string): Promise<string | undefined> {
  try {
    const file = path.join(testResultsDir(), `${safeFileName(name)}.png`);
    await page.screenshot({ path: file, timeout: 10_000 });
    return file;
  } catch {
    return undefined;
  }
}

/** Saves a screenshot as <repo>/test-results/<name>.png (throws on failure; for README shots). */
export async function takeScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(testResultsDir(), `${safeFileName(name)}.png`);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

export interface PageDialog {
  type: string;
  message: string;
}

export interface PageProblems {
  /** console.error messages (code-server offline produces some expected noise: filter them). */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Every alert/confirm/prompt/beforeunload dialog (each is dismissed; beforeunload is accepted so reloads go on). */
  dialogs: PageDialog[];
  /** All of the above as lines, optionally without those matching one of `ignore`. */
  all(ignore?: RegExp[]): string[];
  /** Forgets what was recorded so far. */
  clear(): void;
}

const collectors = new WeakMap<Page, PageProblems>();

/**
 * Records console errors, page errors and dialogs on `page`; every dialog is recorded and dismissed
 * (except beforeunload, which is accepted so a reload is not vetoed).
 * One collector per page (a second call returns the same one), so a dialog is dismissed once.
 */
export function collectPageErrors(page: Page): PageProblems {
  const existing = collectors.get(page);
  if (existing) return existing;
  const problems: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    all(ignore = []) {
      const lines = [
        ...this.consoleErrors.map((m) => `console.error: ${m}`),
        ...this.pageErrors.map((m) => `pageerror: ${m}`),
        ...this.dialogs.map((d) => `dialog(${d.type}): ${d.message}`),
      ];
      return lines.filter((l) => !ignore.some((re) => re.test(l)));
    },
    clear() {
      this.consoleErrors.length = 0;
      this.pageErrors.length = 0;
      this.dialogs.length = 0;
    },
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => {
    problems.pageErrors.push(err.stack ?? err.message);
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push({ type: dialog.type(), message: dialog.message() });
    // A dismissed beforeunload would veto "Reload Window": accept that one, dismiss the rest.
    void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => undefined);
  });
  collectors.set(page, problems);
  return problems;
}

function tail(text: string, lines: number): string {
  return text.split('\n').slice(-lines).join('\n');
}

/** What one visible notification toast shows, as the user sees it. */
export interface ToastContent {
  /** The toast's visible text (innerText), as rendered. */
  text: string;
  /** `text` without zero-width spaces (U+200B), no-break spaces made plain: the characters a reader sees. */
  plainText: string;
  /** Every link (`a` element) inside the toast's message, as `text -> href` (href or data-href). */
  links: string[];
  /** Class names of every codicon element inside the toast's message (icons rendered from `$(name)`). */
  icons: string[];
}

/**
 * The visible notification toasts (bottom right), each with its text and whatever the message
 * rendered as markup: links and icons. The message is the part built from the extension's text;
 * the severity icon, the toolbar (close, settings) and the buttons are the workbench's own and
 * not counted.
 */
export async function notificationToasts(page: Page): Promise<ToastContent[]> {
  return page.locator('.notifications-toasts .notification-toast-container .notification-list-item').evaluateAll((items) =>
    items
      .filter((item) => (item as HTMLElement).offsetParent !== null)
      .map((item) => {
        const text = (item as HTMLElement).innerText;
        const message = item.querySelector('.notification-list-item-message');
        const links = [...(message?.querySelectorAll('a') ?? [])].map(
          (a) => `${(a as HTMLElement).innerText} -> ${a.getAttribute('href') ?? a.getAttribute('data-href') ?? ''}`,
        );
        const icons = [...(message?.querySelectorAll('.codicon, [class*="codicon-"]') ?? [])].map((el) => el.getAttribute('class') ?? '');
        return { text, plainText: text.replace(/\u200b/g, '').replace(/\u00a0/g, ' '), links, icons };
      }),
  );
}
