/**
 * Keybindings the benchmark installs in the fresh user data (User/keybindings.json), so every
 * command is issued by one key press, the same way for the product and for VS Code's own features,
 * with no command-palette typing inside the measured time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { CodeServer } from '../test/e2e/harness/codeServer';
import { waitForWorkbench } from '../test/e2e/harness/workbench';

export interface BenchKey {
  /** For keybindings.json, e.g. "ctrl+alt+shift+f1". */
  readonly binding: string;
  /** For Playwright, e.g. "Control+Alt+Shift+F1". */
  readonly press: string;
}

const key = (n: number): BenchKey => ({ binding: `ctrl+alt+shift+f${n}`, press: `Control+Alt+Shift+F${n}` });
/** A second set, once F1–F12 with Ctrl+Alt+Shift are taken (a user keybinding wins over VS Code's defaults). */
const key2 = (n: number): BenchKey => ({ binding: `ctrl+alt+f${n}`, press: `Control+Alt+F${n}` });

export const Keys = {
  runtimeExtensions: key(1),
  closeAllEditors: key(2),
  reloadWindow: key(3),
  openLesson: key(4),
  markdownPreview: key(5),
  closeActiveEditor: key(6),
  quickOpenFile: key(7),
  activationTimes: key(8),
  revealToday: key(9),
  revealFloorView: key(10),
  showExplorer: key(11),
  importTeam: key(12),
  openReview: key2(1),
  openPerson: key2(2),
} as const;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface BenchKeybindingOptions {
  lessonId: string;
  markdownFile: string;
  /** The probe command's argument: where it writes the activation times, and for which extensions. */
  activationTimes: { command: string; out: string; ids: string[] };
  todayViewId: string;
  floorViewId: string;
  /** The 10,000 data set, for techLead.importTeamData (a path is accepted as its argument). */
  importFile: string;
  /** `{ "person": name }` for techLead.openPerson. */
  personName: string;
}

/** Writes User/keybindings.json; call before the window opens. */
export async function writeBenchKeybindings(server: CodeServer, opts: BenchKeybindingOptions): Promise<void> {
  const bindings = [
    { key: Keys.runtimeExtensions.binding, command: 'workbench.action.showRuntimeExtensions' },
    { key: Keys.closeAllEditors.binding, command: 'workbench.action.closeAllEditors' },
    { key: Keys.reloadWindow.binding, command: 'workbench.action.reloadWindow' },
    { key: Keys.openLesson.binding, command: 'techLead.openLesson', args: opts.lessonId },
    // Without a Uri argument, markdown.showPreview previews the active editor's document.
    { key: Keys.markdownPreview.binding, command: 'markdown.showPreview' },
    { key: Keys.closeActiveEditor.binding, command: 'workbench.action.closeActiveEditor' },
    { key: Keys.quickOpenFile.binding, command: 'workbench.action.quickOpen', args: opts.markdownFile },
    {
      key: Keys.activationTimes.binding,
      command: opts.activationTimes.command,
      args: { out: opts.activationTimes.out, ids: opts.activationTimes.ids },
    },
    // "<view id>.focus" is the workbench's own command that reveals a view (its container first).
    { key: Keys.revealToday.binding, command: `${opts.todayViewId}.focus` },
    { key: Keys.revealFloorView.binding, command: `${opts.floorViewId}.focus` },
    { key: Keys.showExplorer.binding, command: 'workbench.view.explorer' },
    { key: Keys.importTeam.binding, command: 'techLead.importTeamData', args: opts.importFile },
    { key: Keys.openReview.binding, command: 'techLead.openWeeklyReview' },
    { key: Keys.openPerson.binding, command: 'techLead.openPerson', args: { person: opts.personName } },
  ];
  await fs.promises.writeFile(path.join(server.userDataDir, 'User', 'keybindings.json'), JSON.stringify(bindings, null, 2));
}

/** Presses `k` with the workbench document focused (not a webview, whose frame would swallow the key). */
export async function pressOnWorkbench(page: Page, k: BenchKey): Promise<void> {
  await page.evaluate(() => {
    const active = document.activeElement;
    if (active instanceof HTMLIFrameElement) active.blur();
  });
  await page.keyboard.press(k.press);
}

/** Resolves once the page has had an idle moment (at most 1 s), so one measurement's tail does not leak into the next. */
export async function pageIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestIdleCallback(() => resolve(), { timeout: 1000 });
      }),
  );
}

/**
 * "Developer: Reload Window" by its key; waits for the new page's workbench and the new extension
 * host's log. Presses once more if the first press did not start a reload within 5 s.
 */
export async function reloadWindowByKey(page: Page, server: CodeServer, timeoutMs = 60_000): Promise<void> {
  const hostsBefore = (await server.exthostLogs()).length;
  await page.evaluate(() => {
    (window as unknown as Record<string, unknown>)['__benchBeforeReload'] = true;
  });
  const stillOld = (): Promise<boolean> =>
    page.evaluate(() => (window as unknown as Record<string, unknown>)['__benchBeforeReload'] === true).catch(() => true);
  await pressOnWorkbench(page, Keys.reloadWindow);
  const deadline = Date.now() + timeoutMs;
  let pressedAgainAt = Date.now() + 5000;
  while (await stillOld()) {
    if (Date.now() > deadline) throw new Error(`the window did not reload within ${timeoutMs} ms`);
    if (Date.now() > pressedAgainAt) {
      pressedAgainAt = Number.POSITIVE_INFINITY;
      await pressOnWorkbench(page, Keys.reloadWindow).catch(() => undefined);
    }
    await sleep(100);
  }
  await waitForWorkbench(page, Math.max(1000, deadline - Date.now()));
  while ((await server.exthostLogs()).length <= hostsBefore) {
    if (Date.now() > deadline) throw new Error(`no new extension host log within ${timeoutMs} ms of the reload`);
    await sleep(250);
  }
}
