/**
 * One code-server with the product, the floor extension and the bench probe installed (nothing else
 * of note), one browser window, fresh user data, a temp workspace holding a copy of the lesson file:
 *
 *   1. activation over reloads (Running Extensions and the full times), and at each load the first
 *      reveal of the Today view against the floor's webview view;
 *   2. lesson panel vs Markdown preview opens;
 *   3. the 10,000 data set imported with the product's own command (techLead.importTeamData),
 *      checked after a reload, then the full activation times over reloads again;
 *   4. Weekly Review and person page vs Markdown preview opens, with that data set.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from '../test/e2e/harness/codeServer';
import { notificationToasts, openWorkbench, waitForExtensionActivated, type Workbench } from '../test/e2e/harness/workbench';
import { measureActivation, nullTotals, type ActivationResult, type ExtensionUnderTest, type TotalsResult } from './activation';
import { makeImportFile } from './fixtures';
import { nullStatusTip, statusTipRecorder, watchStatusBar, type StatusTipResult } from './statusTip';
import {
  FLOOR_DISPLAY_NAME,
  FLOOR_EXTENSION_ID,
  FLOOR_VIEW_ID,
  FLOOR_VIEW_TEXT,
  FLOOR_VIEW_TEXT_ID,
  PROBE_COMMAND,
} from './floorExtension';
import { Keys, pressOnWorkbench, reloadWindowByKey, writeBenchKeybindings } from './keys';
import { measureLessonOpen, type LessonOpenResult, type OpenTarget } from './lessonOpen';
import { measurePagesOpen, nullPagesOpen, type PagesOpenResult } from './pagesOpen';
import { reason } from './stats';
import { nullTodayPaint, todayPaintRecorder, type RevealTarget, type TodayPaintResult } from './todayPaint';
import { finishWatch, readWebviewText, startWatch, waitWebviewGone } from './webviewWatch';
import type { DateKey } from '../src/domain/core/dates';

export interface UiSessionOptions {
  productVsix: string;
  floorVsix: string;
  probeVsix: string;
  product: ExtensionUnderTest;
  lessonId: string;
  lessonFile: string;
  /** The lesson's h1 text, as both views render it. */
  h1Text: string;
  reloads: number;
  rounds: number;
}

export interface Import10k {
  /** Key press to the product's "Imported from …" notification. */
  importMs?: number;
  /** Open delegations the Today view showed after the first reload, and how many the data set has. */
  activeShown?: string;
  activeExpected: number;
  personName: string;
  why?: string;
}

export interface UiSessionResult {
  activation: ActivationResult;
  todayPaint: TodayPaintResult;
  lessonOpen: LessonOpenResult;
  import10k?: Import10k;
  activation10k: TotalsResult;
  pagesOpen: PagesOpenResult;
  statusTip: StatusTipResult;
  statusTip10k: StatusTipResult;
}

const nullActivation = (why: string): ActivationResult => ({
  activationMs: null,
  floorActivationMs: null,
  activationRatio: null,
  product: [],
  floor: [],
  why,
  totals: nullTotals(why),
});
const nullLessonOpen = (why: string): LessonOpenResult => ({
  lessonOpenMs: null,
  markdownPreviewOpenMs: null,
  lessonOpenRatio: null,
  lessonSamples: [],
  markdownSamples: [],
  phases: {},
  warmUp: {},
  why,
});

const MARKDOWN_EXTENSION_ID = 'vscode.markdown-language-features';

function localToday(): DateKey {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` as DateKey;
}

/** Waits for the product's notification that the import is done; returns its text. */
async function waitForImported(page: Page, fileName: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const toasts = await notificationToasts(page).catch(() => []);
    const hit = toasts.find((t) => t.plainText.includes(`Imported from ${fileName}`));
    if (hit) return hit.plainText.replace(/\s+/g, ' ').trim();
    const problem = toasts.find((t) => /Import Team Data:/.test(t.plainText));
    if (problem) throw new Error(`the import failed: ${problem.plainText.replace(/\s+/g, ' ').trim()}`);
    if (Date.now() > deadline)
      throw new Error(
        `no "Imported from ${fileName}" notification within ${timeoutMs} ms (toasts: ${toasts.map((t) => t.plainText).join(' | ')})`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runUiSession(
  opts: UiSessionOptions,
  log: (line: string) => void,
  track: (stop: () => Promise<void>) => void,
): Promise<UiSessionResult> {
  const base = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tlc-bench-ui-'));
  const workspaceDir = path.join(base, 'workspace');
  const markdownFile = `${opts.lessonId}.md`;
  const timesFile = path.join(base, 'activation-times.json');
  const importFile = path.join(base, 'delegations-10k.json');
  await fs.promises.mkdir(workspaceDir, { recursive: true });
  await fs.promises.copyFile(opts.lessonFile, path.join(workspaceDir, markdownFile));
  const data = makeImportFile(localToday());
  await fs.promises.writeFile(importFile, JSON.stringify(data));
  const personName = data.people[0]?.name ?? 'Ada Okafor';
  const activeExpected = data.delegations.filter((d) => d.doneOn === undefined).length;

  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const stop = async (): Promise<void> => {
    await workbench?.close();
    await server?.stop();
    await fs.promises.rm(base, { recursive: true, force: true });
  };
  track(stop);
  const floor: ExtensionUnderTest = { id: FLOOR_EXTENSION_ID, displayName: FLOOR_DISPLAY_NAME };
  const result: UiSessionResult = {
    activation: nullActivation('not reached'),
    todayPaint: nullTodayPaint('not reached'),
    lessonOpen: nullLessonOpen('not reached'),
    activation10k: nullTotals('not reached'),
    pagesOpen: nullPagesOpen('not reached'),
    statusTip: nullStatusTip('not reached'),
    statusTip10k: nullStatusTip('not reached'),
  };
  let phase = 'start-up';
  try {
    server = await startCodeServer({ vsixPaths: [opts.productVsix, opts.floorVsix, opts.probeVsix], workspaceDir });
    await writeBenchKeybindings(server, {
      lessonId: opts.lessonId,
      markdownFile,
      activationTimes: { command: PROBE_COMMAND, out: timesFile, ids: [opts.product.id, floor.id] },
      todayViewId: 'techLead.today',
      floorViewId: FLOOR_VIEW_ID,
      importFile,
      personName,
    });
    workbench = await openWorkbench(server);
    const page = workbench.page;
    const srv = server;
    await watchStatusBar(page);

    phase = 'activation';
    log(`activation and first Today view reveal (first load + ${opts.reloads} reloads):`);
    const today: RevealTarget = {
      name: 'Today view',
      key: Keys.revealToday,
      check: {
        extensionId: opts.product.id,
        all: [{ selector: '#nudge-title', nonEmpty: true, inViewport: true }],
        describe: "today's nudge title (#nudge-title) with text, in view",
      },
    };
    const floorView: RevealTarget = {
      name: 'floor view',
      key: Keys.revealFloorView,
      check: {
        extensionId: floor.id,
        all: [{ selector: `#${FLOOR_VIEW_TEXT_ID}`, text: FLOOR_VIEW_TEXT, inViewport: true }],
        describe: 'its static text, in view',
      },
    };
    const paint = todayPaintRecorder(page, today, floorView, log);
    const tips = statusTipRecorder(page, log);
    result.activation = await measureActivation(page, srv, opts.product, floor, opts.reloads, log, {
      runningExtensions: true,
      timesFile,
      afterEachLoad: async (i) => {
        await tips.atLoad(i);
        await paint.atLoad(i);
      },
    });
    result.todayPaint = paint.result();
    result.statusTip = tips.result();

    phase = 'lesson open';
    log(`lesson open vs Markdown preview (1 warm-up + ${opts.rounds} rounds):`);
    const h1 = { selector: 'h1', text: opts.h1Text };
    const markdown: OpenTarget = {
      name: 'Markdown preview',
      key: Keys.markdownPreview,
      check: { extensionId: MARKDOWN_EXTENSION_ID, all: [h1], describe: `h1 "${opts.h1Text}" visible` },
    };
    result.lessonOpen = await measureLessonOpen(
      page,
      {
        lesson: {
          name: 'lesson panel',
          key: Keys.openLesson,
          check: { extensionId: opts.product.id, all: [h1], describe: `h1 "${opts.h1Text}" visible` },
        },
        markdown,
        fileName: markdownFile,
        rounds: opts.rounds,
      },
      log,
    );

    phase = 'import of the 10,000';
    log(`10,000 delegations, 50 people, 2,000 1:1s, 500 feedback: import with techLead.importTeamData`);
    const imp: Import10k = { activeExpected, personName };
    result.import10k = imp;
    await pressOnWorkbench(page, Keys.closeAllEditors);
    const t0 = Date.now();
    await pressOnWorkbench(page, Keys.importTeam);
    const said = await waitForImported(page, path.basename(importFile), 180_000);
    imp.importMs = Date.now() - t0;
    log(`  ${said} (${imp.importMs} ms)`);
    // The data must be in the workspace state the next window loads: reload, then look at Today.
    await reloadWindowByKey(page, srv);
    await waitForExtensionActivated(srv, opts.product.id, 60_000);
    await startWatch(page, today.check, 20_000);
    await pressOnWorkbench(page, Keys.revealToday);
    await finishWatch(page);
    const shown = await readWebviewText(page, opts.product.id, '#stat-active-value');
    if (shown !== undefined) imp.activeShown = shown;
    await pressOnWorkbench(page, Keys.showExplorer);
    await waitWebviewGone(page, opts.product.id);
    log(`  after a reload the Today view shows ${imp.activeShown ?? '?'} active delegations (the data set has ${activeExpected} open)`);
    if (imp.activeShown !== String(activeExpected)) {
      imp.why = `after the import and a reload the Today view showed ${imp.activeShown ?? 'nothing'} active delegations, not ${activeExpected}: the data set is not what the product loads`;
      throw new Error(imp.why);
    }

    phase = 'activation with the 10,000';
    log(`activation with the 10,000 stored (first load + ${opts.reloads} reloads):`);
    const tips10k = statusTipRecorder(page, log);
    result.activation10k = (
      await measureActivation(page, srv, opts.product, floor, opts.reloads, log, {
        runningExtensions: false,
        timesFile,
        afterEachLoad: (i) => tips10k.atLoad(i),
      })
    ).totals;
    result.statusTip10k = tips10k.result();

    phase = 'review and person pages';
    log(`Weekly Review and person page vs Markdown preview, with the 10,000 (1 warm-up each + ${opts.rounds} rounds):`);
    result.pagesOpen = await measurePagesOpen(
      page,
      {
        review: {
          name: 'Weekly Review',
          key: Keys.openReview,
          check: {
            extensionId: opts.product.id,
            all: [{ selector: 'figure.chart-figure svg.chart', inViewport: true }],
            describe: 'a chart (figure.chart-figure svg.chart) drawn, in view',
          },
        },
        person: {
          name: `person page (${personName})`,
          key: Keys.openPerson,
          check: {
            extensionId: opts.product.id,
            all: [
              { selector: 'svg.mood-chart', inViewport: true },
              { selector: 'ol.timeline li', nonEmpty: true },
            ],
            describe: 'the mood chart (svg.mood-chart) drawn in view, and the timeline (ol.timeline) laid out with its entries',
          },
        },
        markdown,
        fileName: markdownFile,
        rounds: opts.rounds,
      },
      log,
    );
    return result;
  } catch (err) {
    const why = `code-server session failed in ${phase}: ${reason(err)}`;
    if (phase === 'start-up') {
      result.activation = nullActivation(why);
      result.todayPaint = nullTodayPaint(why);
      result.lessonOpen = nullLessonOpen(why);
    }
    if (result.activation10k.why === 'not reached') result.activation10k = nullTotals(why);
    if (result.pagesOpen.why === 'not reached') result.pagesOpen = nullPagesOpen(why);
    if (result.lessonOpen.why === 'not reached') result.lessonOpen = nullLessonOpen(why);
    return result;
  } finally {
    await stop();
  }
}
