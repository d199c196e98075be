/**
 * lessonOpenMs, markdownPreviewOpenMs, lessonOpenRatio: from the key press that runs the command to
 * the lesson's h1 text being visible inside the webview, for the product's lesson panel
 * (`techLead.openLesson <id>`) and for VS Code's built-in Markdown preview of the same file
 * (`markdown.showPreview` on the open `<id>.md`). Same window, interleaved (alternating which goes
 * first), each warmed by one unmeasured open, medians. Timed in the page's own clock (webviewWatch.ts):
 * the start is taken just before the key press, the end on the first animation frame where the h1 is
 * visible.
 */
import type { Page } from 'playwright-core';
import { notificationToasts } from '../test/e2e/harness/workbench';
import { Keys, pageIdle, pressOnWorkbench, type BenchKey } from './keys';
import { median, reason } from './stats';
import { finishWatchPhases, startWatch, waitWebviewGone, type ContentCheck, type OpenPhases } from './webviewWatch';

export interface OpenTarget {
  /** Label for the table and log. */
  name: string;
  key: BenchKey;
  /** What must be visible in its webview for the open to count as done. */
  check: ContentCheck;
}

export interface LessonOpenResult {
  lessonOpenMs: number | null;
  markdownPreviewOpenMs: number | null;
  lessonOpenRatio: number | null;
  lessonSamples: number[];
  markdownSamples: number[];
  /** What the measured opens' time was made of, medians, per target (see describePhases). */
  phases: { lesson?: string; markdown?: string };
  /**
   * The unmeasured warm-up opens, preview first: the preview's is the window's first webview, the
   * lesson's is the first lesson open after start-up (lazy bundle, lesson files).
   */
  warmUp: { lesson?: number; markdown?: number };
  why?: string;
}

/** Opens `fileName` from the workspace with Quick Open and waits for its text editor. */
export async function openWorkspaceFile(page: Page, fileName: string): Promise<void> {
  await pressOnWorkbench(page, Keys.closeAllEditors);
  await pressOnWorkbench(page, Keys.quickOpenFile);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: fileName }).first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  await page.keyboard.press('Enter');
  await activeTab(page, fileName).waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 20_000 });
}

function activeTab(page: Page, fileName: string) {
  const [stem, ext] = [fileName.replace(/\.[^.]+$/, ''), fileName.replace(/^.*(\.[^.]+)$/, '$1')];
  return page.locator('.editor-group-container .tab.active').filter({ hasText: stem }).filter({ hasText: ext }).first();
}

/**
 * The medians of a target's open phases, in ms from the key press, for the table's notes: when the
 * webview was shown, when VS Code's host document in it started and loaded, when the frame for the
 * page started (VS Code writes the page's HTML into it once it loaded: its DOMContentLoaded and
 * load are that empty frame's), when the page's first request started (its HTML is there), when
 * each request ended, when the content was in the page (still hidden), content visible, and how often
 * the page loaded more than once.
 */
export function describePhases(all: readonly OpenPhases[]): string {
  const m = (pick: (p: OpenPhases) => number | null): string => {
    const values = all.map(pick).filter((v): v is number => v !== null);
    const mid = median(values);
    return mid === null ? '?' : mid.toFixed(0);
  };
  const names = [...new Set(all.flatMap((p) => p.requests.map((r) => r.name)))];
  const requests = names.map((name) => `${name} ${m((p) => p.requests.find((r) => r.name === name)?.end ?? null)}`);
  const twice = all.filter((p) => p.documents > 1).length;
  return [
    `shown ${m((p) => p.shown)}`,
    `host document ${m((p) => p.hostStart)}, loaded ${m((p) => p.hostLoaded)}`,
    `page frame ${m((p) => p.documentStart)} (its DOMContentLoaded ${m((p) => p.domContentLoaded)}, load ${m((p) => p.loaded)})`,
    `first request ${m((p) => p.firstRequest)}`,
    `content in the page ${m((p) => p.contentIn)}`,
    `visible ${m((p) => p.visible)}`,
    `requests ended: ${requests.join(', ') || 'none'}`,
    `loaded more than once in ${twice} of ${all.length} opens`,
  ].join('; ');
}

/** One open's phases in one line, for the progress log: "shown 168, host 128–332, frame 400, request 458, ends 503–559, visible 574". */
export function phasesLine(p: OpenPhases): string {
  const f = (v: number | null): string => (v === null ? '?' : v.toFixed(0));
  const ends = p.requests.map((r) => r.end);
  const last = p.requests.reduce<{ name: string; end: number } | undefined>((a, r) => (a && a.end >= r.end ? a : r), undefined);
  return `shown ${f(p.shown)}, host ${f(p.hostStart)}–${f(p.hostLoaded)}, frame ${f(p.documentStart)}, first request ${f(p.firstRequest)}, requests end ${ends.length ? f(Math.min(...ends)) : '?'}–${last ? `${f(last.end)} (${last.name})` : '?'}, content in ${f(p.contentIn)}, visible ${f(p.visible)}${p.documents > 1 ? `, ${p.documents} documents` : ''}`;
}

/** One open: focus the text editor, press the key, time to the content visible, close the webview again. */
export async function openOnce(page: Page, target: OpenTarget, fileName: string, record?: (phases: OpenPhases) => void): Promise<number> {
  await activeTab(page, fileName).waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await pageIdle(page);
  await startWatch(page, target.check, 20_000);
  await pressOnWorkbench(page, target.key);
  try {
    const phases = await finishWatchPhases(page);
    record?.(phases);
    return phases.visible;
  } catch (err) {
    // Say what else was on screen: an editor tab that opened instead, a notification.
    const tabs = await page
      .locator('.tabs-container .tab.active')
      .allInnerTexts()
      .catch(() => []);
    const toasts = await notificationToasts(page).catch(() => []);
    throw new Error(
      `${reason(err)}; active tab: ${tabs.join(', ') || 'none'}; notifications: ${toasts.map((t) => t.plainText.replace(/\s+/g, ' ').trim()).join(' | ') || 'none'}`,
    );
  } finally {
    await pressOnWorkbench(page, Keys.closeActiveEditor);
    await waitWebviewGone(page, target.check.extensionId);
  }
}

export async function measureLessonOpen(
  page: Page,
  opts: { lesson: OpenTarget; markdown: OpenTarget; fileName: string; rounds: number },
  log: (line: string) => void,
): Promise<LessonOpenResult> {
  const result: LessonOpenResult = {
    lessonOpenMs: null,
    markdownPreviewOpenMs: null,
    lessonOpenRatio: null,
    lessonSamples: [],
    markdownSamples: [],
    phases: {},
    warmUp: {},
  };
  const phases = new Map<OpenTarget, OpenPhases[]>([
    [opts.lesson, []],
    [opts.markdown, []],
  ]);
  try {
    await openWorkspaceFile(page, opts.fileName);
    // The preview warms up first: the window's first webview of any kind pays for the webview
    // service worker and frame set-up, which is VS Code's cost, not the lesson panel's.
    result.warmUp.markdown = await openOnce(page, opts.markdown, opts.fileName);
    result.warmUp.lesson = await openOnce(page, opts.lesson, opts.fileName);
    log(
      `  warm-up (not counted): ${opts.markdown.name} ${result.warmUp.markdown.toFixed(0)} ms, then ${opts.lesson.name} ${result.warmUp.lesson.toFixed(0)} ms`,
    );
    for (let round = 1; round <= opts.rounds; round++) {
      const order = round % 2 === 1 ? [opts.lesson, opts.markdown] : [opts.markdown, opts.lesson];
      const times = new Map<OpenTarget, number>();
      for (const target of order) {
        times.set(
          target,
          await openOnce(page, target, opts.fileName, (p) => {
            phases.get(target)?.push(p);
            log(`    ${target.name}: ${phasesLine(p)}`);
          }),
        );
      }
      const l = times.get(opts.lesson) as number;
      const m = times.get(opts.markdown) as number;
      result.lessonSamples.push(l);
      result.markdownSamples.push(m);
      log(`  round ${round}: ${opts.lesson.name} ${l.toFixed(0)} ms, ${opts.markdown.name} ${m.toFixed(0)} ms`);
    }
  } catch (err) {
    result.why = `after ${result.lessonSamples.length} round(s): ${reason(err)}`;
  }
  result.phases = { lesson: describePhases(phases.get(opts.lesson) ?? []), markdown: describePhases(phases.get(opts.markdown) ?? []) };
  if (result.lessonSamples.length >= 5) {
    result.lessonOpenMs = median(result.lessonSamples);
    result.markdownPreviewOpenMs = median(result.markdownSamples);
    result.lessonOpenRatio =
      result.lessonOpenMs !== null && result.markdownPreviewOpenMs ? result.lessonOpenMs / result.markdownPreviewOpenMs : null;
  } else {
    result.why = `only ${result.lessonSamples.length} round(s) measured (need 5)${result.why ? `: ${result.why}` : ''}`;
  }
  return result;
}
