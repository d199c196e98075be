/**
 * One code-server with the product, the floor extension and the bench probe installed (nothing else
 * of note), one browser window, fresh user data, a temp workspace holding a copy of the lesson file:
 *
 *   1. activation over reloads (Running Extensions and the full times), and at each load the first
 *      reveal of the Today view against the floor's webview view;
 *   2. lesson panel vs Markdown preview opens.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startCodeServer, type CodeServer } from '../test/e2e/harness/codeServer';
import { openWorkbench, type Workbench } from '../test/e2e/harness/workbench';
import { measureActivation, nullTotals, type ActivationResult, type ExtensionUnderTest } from './activation';
import { FLOOR_DISPLAY_NAME, FLOOR_EXTENSION_ID, FLOOR_VIEW_ID, FLOOR_VIEW_TEXT, FLOOR_VIEW_TEXT_ID, PROBE_COMMAND } from './floorExtension';
import { Keys, writeBenchKeybindings } from './keys';
import { measureLessonOpen, type LessonOpenResult, type OpenTarget } from './lessonOpen';
import { reason } from './stats';
import { nullTodayPaint, todayPaintRecorder, type RevealTarget, type TodayPaintResult } from './todayPaint';

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

export interface UiSessionResult {
  activation: ActivationResult;
  todayPaint: TodayPaintResult;
  lessonOpen: LessonOpenResult;
}

const nullActivation = (why: string): ActivationResult => ({ activationMs: null, floorActivationMs: null, activationRatio: null, product: [], floor: [], why, totals: nullTotals(why) });
const nullLessonOpen = (why: string): LessonOpenResult => ({
  lessonOpenMs: null,
  markdownPreviewOpenMs: null,
  lessonOpenRatio: null,
  lessonSamples: [],
  markdownSamples: [],
  warmUp: {},
  why,
});

const MARKDOWN_EXTENSION_ID = 'vscode.markdown-language-features';

export async function runUiSession(opts: UiSessionOptions, log: (line: string) => void, track: (stop: () => Promise<void>) => void): Promise<UiSessionResult> {
  const base = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tlc-bench-ui-'));
  const workspaceDir = path.join(base, 'workspace');
  const markdownFile = `${opts.lessonId}.md`;
  const timesFile = path.join(base, 'activation-times.json');
  await fs.promises.mkdir(workspaceDir, { recursive: true });
  await fs.promises.copyFile(opts.lessonFile, path.join(workspaceDir, markdownFile));

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
    });
    workbench = await openWorkbench(server);
    const page = workbench.page;
    const srv = server;

    phase = 'activation';
    log(`activation and first Today view reveal (first load + ${opts.reloads} reloads):`);
    const today: RevealTarget = {
      name: 'Today view',
      key: Keys.revealToday,
      check: { extensionId: opts.product.id, all: [{ selector: '#nudge-title', nonEmpty: true, inViewport: true }], describe: "today's nudge title (#nudge-title) with text, in view" },
    };
    const floorView: RevealTarget = {
      name: 'floor view',
      key: Keys.revealFloorView,
      check: { extensionId: floor.id, all: [{ selector: `#${FLOOR_VIEW_TEXT_ID}`, text: FLOOR_VIEW_TEXT, inViewport: true }], describe: 'its static text, in view' },
    };
    const paint = todayPaintRecorder(page, today, floorView, log);
    result.activation = await measureActivation(page, srv, opts.product, floor, opts.reloads, log, { runningExtensions: true, timesFile, afterEachLoad: (i) => paint.atLoad(i) });
    result.todayPaint = paint.result();

    phase = 'lesson open';
    log(`lesson open vs Markdown preview (1 warm-up + ${opts.rounds} rounds):`);
    const h1 = { selector: 'h1', text: opts.h1Text };
    const markdown: OpenTarget = { name: 'Markdown preview', key: Keys.markdownPreview, check: { extensionId: MARKDOWN_EXTENSION_ID, all: [h1], describe: `h1 "${opts.h1Text}" visible` } };
    result.lessonOpen = await measureLessonOpen(
      page,
      {
        lesson: { name: 'lesson panel', key: Keys.openLesson, check: { extensionId: opts.product.id, all: [h1], describe: `h1 "${opts.h1Text}" visible` } },
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
    if (result.lessonOpen.why === 'not reached') result.lessonOpen = nullLessonOpen(why);
    return result;
  } finally {
    await stop();
  }
}
