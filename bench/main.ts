/**
 * `npm run bench` (after bench/run.mjs has compiled bench/ to out/bench): every measurement, one
 * run, one machine. Progress goes to stderr; the table and, as the very last line, the JSON object
 * go to stdout. A figure that could not be measured is null with the reason in the table.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../test/e2e/harness/paths';
import { parseLesson } from '../src/domain/lessons/lessons';
import { watchActivity } from './activity';
import { buildTestVsix, measureBundleSizes, type BundleSizes } from './bundleSizes';
import { SCALE_DELEGATIONS, SCALE_FEEDBACK, SCALE_ONE_ON_ONES, SCALE_PEOPLE } from './fixtures';
import { FLOOR_VIEW_TEXT, packageBenchExtensions } from './floorExtension';
import type { ActivationTimes, TotalsResult } from './activation';
import { measureHeap, type HeapResult } from './heap';
import { describeMachine } from './machine';
import { measureRender, type RenderResult } from './render';
import { jsonLine, renderTable, type Row } from './report';
import { measureImportScale, type ImportScaleResult } from './importScale';
import { measureScale, type ScaleResult } from './scale';
import { measureSignals, SIGNALS_COMMITS, type SignalsBench } from './signalsRepo';
import * as os from 'node:os';
import { median, reason, spread } from './stats';
import { runUiSession, type UiSessionResult } from './uiSession';

/**
 * The keys of the last line's JSON object, in order: bench/jsonKeys.json, which run.mjs reads too
 * (it prints them all as null when the bench cannot even be compiled).
 */
export const JSON_KEYS: readonly string[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', '..', 'bench', 'jsonKeys.json'), 'utf8'),
) as string[];

const LESSON_ID = process.env['TLC_BENCH_LESSON'] ?? 'delegate-more';
const RELOADS = Number(process.env['TLC_BENCH_RELOADS'] ?? 15);
const ROUNDS = Number(process.env['TLC_BENCH_ROUNDS'] ?? 9);

const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

const stops: Array<() => Promise<void>> = [];
const track = (stop: () => Promise<void>): void => {
  stops.push(stop);
};
async function stopAll(): Promise<void> {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping code-server and Chromium`);
    void stopAll().finally(() => process.exit(130));
  });
}

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  log(`${name}…`);
  const result = await work();
  log(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

interface LazyBundle {
  file: string;
  bytes: number;
  trigger: string;
}

const TRIGGERS: Record<string, string> = {
  import: 'importing delegations',
  lessonOpen: 'first lesson open',
  delegationCommand: 'first delegation command',
};

/** Which dist/*.mjs load only on first use, from what the extension host loaded (else from the import()s in extension.mjs). */
function lazyBundles(sizes: BundleSizes, heap: HeapResult | undefined): { lazy: LazyBundle[]; eager: string[]; how: string } {
  const seen = heap?.outcome?.dist;
  const atActivation = seen?.['activation'];
  const lazy: LazyBundle[] = [];
  const eager: string[] = [];
  for (const b of sizes.otherBundles) {
    if (atActivation) {
      if (atActivation.includes(b.file)) {
        eager.push(b.file);
        continue;
      }
      const firstStep = ['import', 'lessonOpen', 'delegationCommand'].find((s) => seen?.[s]?.includes(b.file));
      if (firstStep) lazy.push({ file: b.file, bytes: b.bytes, trigger: TRIGGERS[firstStep] ?? firstStep });
      else if (b.requiredByName) lazy.push({ file: b.file, bytes: b.bytes, trigger: 'import() in extension.mjs, not loaded in this run' });
    } else if (b.requiredByName) {
      lazy.push({ file: b.file, bytes: b.bytes, trigger: 'import() in extension.mjs (not observed in the host)' });
    }
  }
  return {
    lazy,
    eager,
    how: atActivation ? 'observed in the extension host (the modules V8 has loaded)' : 'static: import("./…") in dist/extension.mjs',
  };
}

function lessonTitle(root: string): { file: string; h1: string } {
  const file = path.join(root, 'media', 'lessons', `${LESSON_ID}.md`);
  const parsed = parseLesson(`${LESSON_ID}.md`, fs.readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  const h1 = /^#\s+(.+?)\s*#*\s*$/m.exec(parsed.lesson.body)?.[1] ?? parsed.lesson.title;
  return { file, h1 };
}

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '?' : v.toFixed(0));

/** "Load Code a + Call Activate b + Finish Activate c" (each part's median). */
function parts(list: readonly ActivationTimes[]): string {
  const m = (pick: (t: ActivationTimes) => number): string => fmt(median(list.map(pick)));
  return `Load Code ${m((t) => t.loadCode)} + Call Activate ${m((t) => t.callActivate)} + Finish Activate ${m((t) => t.finishActivate)}`;
}

const showTimes = (t: ActivationTimes): string => `${t.total} ms (${t.loadCode} + ${t.callActivate} + ${t.finishActivate})`;

const pairedText = (t: TotalsResult | undefined): string =>
  t?.pairedRatioMedian ? `; per-reload ratios: median ${t.pairedRatioMedian.toFixed(2)}×` : '';

/** The person's share of the data set, as bench/fixtures.ts spreads it. */
function personShare(): string {
  return `one of ${SCALE_PEOPLE}: ${SCALE_DELEGATIONS / SCALE_PEOPLE} delegations, ${SCALE_ONE_ON_ONES / SCALE_PEOPLE} 1:1s, ${SCALE_FEEDBACK / SCALE_PEOPLE} feedback entries`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const activity = watchActivity();
  const root = repoRoot();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    displayName: string;
  };
  // The manifest's texts are in package.nls.json ("%displayName%"): Running Extensions shows the text.
  const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const displayName = pkg.displayName.replace(/^%(.+)%$/, (whole, key: string) => nls[key] ?? whole);
  const product = { id: `${pkg.publisher}.${pkg.name}`, displayName };
  const machine = await describeMachine();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, ${machine.vscode}`);

  const sizes = await step('production build (npm run package)', () => measureBundleSizes(root));
  const built = sizes.buildError === undefined;
  const productVsix = path.join(root, 'dist', 'tech-lead-coach.vsix');
  const render: RenderResult = await step('markdown-it render in Node (build time)', () => Promise.resolve(measureRender(root)));
  let scale: ScaleResult | undefined;
  let scaleWhy: string | undefined;
  await step('domain at 10,000 delegations', async () => {
    try {
      scale = await measureScale();
    } catch (err) {
      scaleWhy = reason(err);
    }
  });
  let imports: ImportScaleResult | undefined;
  let importsWhy: string | undefined;
  await step('an import of 48,000 delegations', async () => {
    try {
      imports = await measureImportScale();
    } catch (err) {
      importsWhy = reason(err);
    }
  });

  let signals: SignalsBench | undefined;
  let signalsWhy: string | undefined;
  await step(`repository signals on a generated repository of ${SIGNALS_COMMITS.toLocaleString('en-US')} commits`, async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-bench-signals-'));
    try {
      signals = await measureSignals(folder);
    } catch (err) {
      signalsWhy = reason(err);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  let ui: UiSessionResult | undefined;
  let uiWhy: string | undefined;
  let heap: HeapResult | undefined;
  const lesson = lessonTitle(root);
  if (!built) {
    uiWhy = `no production build: ${sizes.buildError}`;
  } else {
    await step('code-server: activation, Today view, lesson open, then the same window with 10,000 delegations', async () => {
      try {
        const extensions = await packageBenchExtensions();
        track(() => extensions.dispose());
        ui = await runUiSession(
          {
            productVsix,
            floorVsix: extensions.floorVsix,
            probeVsix: extensions.probeVsix,
            product,
            lessonId: LESSON_ID,
            lessonFile: lesson.file,
            h1Text: lesson.h1,
            reloads: RELOADS,
            rounds: ROUNDS,
          },
          log,
          track,
        );
      } catch (err) {
        uiWhy = reason(err);
      }
    });
    // The heap figure reads the test API (delegations, stored state), which only the test build returns.
    heap = await step('code-server: extension-host heap with 10,000 delegations (test build)', async () =>
      measureHeap(root, await buildTestVsix(root), LESSON_ID, log, track),
    );
  }
  await stopAll();

  const rows: Row[] = [];
  const notes: string[] = [];
  const buildWhy = sizes.buildError === undefined ? undefined : `no production build: ${sizes.buildError}`;
  rows.push({
    key: 'mainBundleBytes',
    value: sizes.mainBundleBytes,
    unit: 'bytes',
    goal: 50_000,
    detail: `what activation loads (production): ${sizes.mainFiles.length} files, dist/extension.mjs and the chunks it imports${sizes.mainFiles.length > 0 ? ` (${sizes.mainFiles.filter((f) => f !== 'extension.mjs').join(', ')})` : ''}`,
    ...(sizes.mainBundleBytes === null && buildWhy ? { why: buildWhy } : {}),
  });
  const { lazy, eager, how } = lazyBundles(sizes, heap);
  const lazyBytes =
    sizes.mainBundleBytes !== null && sizes.lessonPageBytes !== null
      ? lazy.reduce((sum, b) => sum + b.bytes, 0) + sizes.lessonPageBytes
      : null;
  rows.push({
    key: 'lazyBytes',
    value: lazyBytes,
    unit: 'bytes',
    detail: [...lazy.map((b) => `${b.file} ${b.bytes}`), `dist/webview/lesson.js ${sizes.lessonPageBytes ?? '?'}`].join(' + '),
    ...(lazyBytes !== null
      ? {}
      : buildWhy && sizes.mainBundleBytes === null
        ? { why: buildWhy }
        : { why: 'dist/webview/lesson.js missing from the build' }),
  });
  rows.push({
    key: 'vsixBytes',
    value: sizes.vsixBytes,
    unit: 'bytes',
    goal: 300_000,
    detail: 'dist/tech-lead-coach.vsix (desktop and remote windows: the Node build)',
    ...(buildWhy ? { why: buildWhy } : {}),
  });
  rows.push({
    key: 'webVsixBytes',
    value: sizes.webVsixBytes,
    unit: 'bytes',
    goal: 300_000,
    detail: 'dist/tech-lead-coach-web.vsix (target web: the web build)',
    ...(buildWhy ? { why: buildWhy } : {}),
  });
  if (buildWhy && sizes.mainBundleBytes !== null) {
    notes.push('npm run package failed at the vsce step; the esbuild production bundles above are from this run, the .vsix is missing');
  }
  if (sizes.mainBundleBytes !== null) {
    notes.push(`production build + vsce package took ${(sizes.buildMs / 1000).toFixed(1)} s`);
    notes.push(`bundles loaded on first use (${how}):`);
    for (const b of lazy) {
      const chunks = sizes.otherBundles.find((o) => o.file === b.file)?.chunks.length ?? 0;
      notes.push(
        `  ${b.file.padEnd(26)} ${String(b.bytes).padStart(8)} bytes  loads on ${b.trigger} (with ${chunks} chunks activation did not load)`,
      );
    }
    notes.push(
      `  ${'dist/webview/lesson.js'.padEnd(26)} ${String(sizes.lessonPageBytes ?? '?').padStart(8)} bytes  the lesson page's script, in the webview`,
    );
    for (const e of eager) {
      const bytes = sizes.otherBundles.find((b) => b.file === e)?.bytes ?? '?';
      notes.push(
        e === 'dist/services.mjs'
          ? `  ${e.padEnd(26)} ${String(bytes).padStart(8)} bytes  the team data and the coach: the product loads it in the task after activate() returns (not in the activation figures); the test build observed here waits for it before returning its API`
          : `  ${e} ${String(bytes).padStart(8)} bytes  loaded before the test build's activate() returned, which waits for the team data: whatever the loaded data starts (the Delegations view's grouping and reminder load dist/delegations.mjs) counts here; the product's activation does not wait for it`,
      );
    }
  }

  const a = ui?.activation;
  const actWhy = uiWhy ?? a?.why;
  const actDetail =
    a && a.product.length > 0
      ? `${a.product.length} reloads, ${a.product[0]?.label ?? ''} ${spread(a.product.map((r) => r.ms))} ms`
      : undefined;
  rows.push({
    key: 'activationMs',
    value: a?.activationMs ?? null,
    unit: 'ms',
    ...(actDetail ? { detail: actDetail } : {}),
    ...(actWhy ? { why: actWhy } : {}),
  });
  rows.push({
    key: 'floorActivationMs',
    value: a?.floorActivationMs ?? null,
    unit: 'ms',
    ...(a && a.floor.length > 0 ? { detail: `${a.floor.length} reloads, ${spread(a.floor.map((r) => r.ms))} ms` } : {}),
    ...(actWhy ? { why: actWhy } : {}),
  });
  rows.push({
    key: 'activationRatio',
    value: a?.activationRatio ?? null,
    unit: 'ratio',
    goal: 1.5,
    detail: `median product / median floor${a?.pairedRatioMedian ? `; per-reload ratios: median ${a.pairedRatioMedian.toFixed(2)}×` : ''}`,
    ...(actWhy ? { why: actWhy } : a && a.activationRatio === null && a.floorActivationMs === 0 ? { why: 'floor median is 0 ms' } : {}),
  });
  if (a && a.product.length > 0) {
    notes.push(
      'activation figure = VS Code\'s "Activation: N ms" = code loading + the synchronous part of activate() (up to its first await); the awaited rest is not in it',
    );
  }
  if (a?.firstLoad)
    notes.push(`first window load (not in the medians): ${product.displayName} ${a.firstLoad.product} ms, floor ${a.firstLoad.floor} ms`);

  // Full activation: code loading + activate() call + until its promise resolves.
  const t = a?.totals;
  const tWhy = uiWhy ?? t?.why;
  rows.push({
    key: 'activationTotalMs',
    value: t?.productMs ?? null,
    unit: 'ms',
    ...(t && t.product.length > 0
      ? { detail: `${t.product.length} reloads, ${spread(t.product.map((r) => r.total))} ms; medians ${parts(t.product)}` }
      : {}),
    ...(tWhy ? { why: tWhy } : {}),
  });
  rows.push({
    key: 'floorActivationTotalMs',
    value: t?.floorMs ?? null,
    unit: 'ms',
    ...(t && t.floor.length > 0 ? { detail: `same reloads, ${spread(t.floor.map((r) => r.total))} ms; medians ${parts(t.floor)}` } : {}),
    ...(tWhy ? { why: tWhy } : {}),
  });
  rows.push({
    key: 'activationTotalRatio',
    value: t?.ratio ?? null,
    unit: 'ratio',
    goal: 1.3,
    detail: `median product / median floor${pairedText(t)}; from Developer: Startup Performance (Load Code + Call Activate + Finish Activate)`,
    ...(tWhy ? { why: tWhy } : {}),
  });
  const t10 = ui?.activation10k;
  const t10Why = uiWhy ?? t10?.why;
  rows.push({
    key: 'activationTotal10kMs',
    value: t10?.productMs ?? null,
    unit: 'ms',
    ...(t10 && t10.product.length > 0
      ? {
          detail: `${t10.product.length} reloads with the 10,000 stored, ${spread(t10.product.map((r) => r.total))} ms; medians ${parts(t10.product)}`,
        }
      : {}),
    ...(t10Why ? { why: t10Why } : {}),
  });
  rows.push({
    key: 'activationTotal10kRatio',
    value: t10?.ratio ?? null,
    unit: 'ratio',
    goal: 1.6,
    detail: `median product / median floor of the same reloads${t10?.floorMs != null ? ` (floor ${t10.floorMs.toFixed(1)} ms, ${spread(t10.floor.map((r) => r.total))})` : ''}${pairedText(t10)}`,
    ...(t10Why ? { why: t10Why } : {}),
  });
  if (t && t.product.length > 0) {
    notes.push(
      'activation totals = VS Code\'s ExtensionActivationTimes, codeLoadingTime + activateCallTime + activateResolvedTime (the awaited rest of activate() included), read at each load from the "Developer: Startup Performance" document (its Extension Activation Stats table: Load Code, Call Activate, Finish Activate) by a bench-only probe extension that activates only on its own command; the floor\'s activate() is async too',
    );
    if (t.disagreements !== undefined) {
      notes.push(
        `  Running Extensions' "Activation" equals Load Code + Call Activate of the same reload in ${t.product.length - t.disagreements} of ${t.product.length} reloads`,
      );
    }
  }
  if (t?.firstLoad)
    notes.push(
      `  first window load (not in the medians): ${product.displayName} ${showTimes(t.firstLoad.product)}, floor ${showTimes(t.firstLoad.floor)}`,
    );
  const imp = ui?.import10k;
  if (imp?.importMs !== undefined) {
    notes.push(
      `  the 10,000 (10,000 delegations across 50 people, 2,000 1:1s, 500 feedback entries; bench/fixtures.ts) were imported into this window's workspace with the product's techLead.importTeamData in ${imp.importMs} ms; after a reload the Today view showed ${imp.activeShown ?? '?'} active delegations (${imp.activeExpected} open in the data set)`,
    );
  }
  if (t10?.firstLoad)
    notes.push(
      `  first load with the 10,000 (not in the medians): ${product.displayName} ${showTimes(t10.firstLoad.product)}, floor ${showTimes(t10.firstLoad.floor)}`,
    );

  for (const [key, st, what] of [
    ['statusTipRatio', ui?.statusTip, 'the data of the first runs'],
    ['statusTip10kRatio', ui?.statusTip10k, 'the 10,000 stored'],
  ] as const) {
    const why = uiWhy ?? st?.why;
    if (key === 'statusTipRatio') {
      rows.push({
        key: 'statusTipMs',
        value: st?.statusTipMs ?? null,
        unit: 'ms',
        ...(st && st.tipSamples.length > 0
          ? { detail: `${st.tipSamples.length} reloads, ${spread(st.tipSamples)} ms from page load` }
          : {}),
        ...(why ? { why } : {}),
      });
    }
    rows.push({
      key,
      value: st?.statusTipRatio ?? null,
      unit: 'ratio',
      goal: 1.2,
      detail: `median tip / median floor status item, with ${what}${st?.floorStatusMs != null ? ` (floor ${st.floorStatusMs.toFixed(0)} ms, ${spread(st.floorSamples)})` : ''}`,
      ...(why ? { why } : {}),
    });
  }
  if (ui?.statusTip && ui.statusTip.tipSamples.length > 0) {
    notes.push(
      'status-bar tip = page load of a reload (navigation start) → the product\'s "Tech Lead tip" item in the status bar; the floor = its "floor" item, created in its activate() with the same onStartupFinished; one pair per reload, seen by a MutationObserver the page runs from its first script. A reload is a window opened after the first of the day: the tip the last window showed today appears at once, before the history loads; the first window of a day waits for the history (not measured here)',
    );
  }

  const tp = ui?.todayPaint;
  const tpWhy = uiWhy ?? tp?.why;
  rows.push({
    key: 'todayFirstPaintMs',
    value: tp?.todayFirstPaintMs ?? null,
    unit: 'ms',
    ...(tp && tp.todaySamples.length > 0
      ? { detail: `${tp.todaySamples.length} first reveals (one per reload), ${spread(tp.todaySamples)} ms` }
      : {}),
    ...(tpWhy ? { why: tpWhy } : {}),
  });
  rows.push({
    key: 'todayFirstPaintRatio',
    value: tp?.todayFirstPaintRatio ?? null,
    unit: 'ratio',
    goal: 1.3,
    detail: `median Today / median floor webview view${tp?.floorViewFirstPaintMs != null ? ` (${tp.floorViewFirstPaintMs.toFixed(1)} ms, ${spread(tp.floorSamples)})` : ''}`,
    ...(tpWhy ? { why: tpWhy } : {}),
  });
  if (tp && tp.todaySamples.length > 0) {
    notes.push(
      `Today view first paint = key press revealing the view (techLead.today.focus) → today's nudge title visible in its webview; the floor's view (benchFloor.view.focus, its own view container) → its static text "${FLOOR_VIEW_TEXT}" visible; each view's first reveal after every reload, once both extensions have activated, order alternating, the Explorer shown again before the next reload`,
    );
    if (tp.byOrder) {
      const o = tp.byOrder;
      notes.push(
        `  by order: Today revealed first ${fmt(o.todayFirst.today)} ms (floor then ${fmt(o.todayFirst.floor)} ms); floor first ${fmt(o.floorFirst.floor)} ms (Today then ${fmt(o.floorFirst.today)} ms)`,
      );
    }
    if (tp.firstLoad)
      notes.push(
        `  first window load (not in the medians): Today ${tp.firstLoad.today.toFixed(0)} ms, floor view ${tp.firstLoad.floor.toFixed(0)} ms`,
      );
  }

  const o = ui?.lessonOpen;
  const openWhy = uiWhy ?? o?.why;
  rows.push({
    key: 'lessonOpenMs',
    value: o?.lessonOpenMs ?? null,
    unit: 'ms',
    ...(o && o.lessonSamples.length ? { detail: `${o.lessonSamples.length} opens, ${spread(o.lessonSamples)} ms` } : {}),
    ...(openWhy ? { why: openWhy } : {}),
  });
  rows.push({
    key: 'markdownPreviewOpenMs',
    value: o?.markdownPreviewOpenMs ?? null,
    unit: 'ms',
    ...(o && o.markdownSamples.length ? { detail: `${o.markdownSamples.length} opens, ${spread(o.markdownSamples)} ms` } : {}),
    ...(openWhy ? { why: openWhy } : {}),
  });
  rows.push({
    key: 'lessonOpenRatio',
    value: o?.lessonOpenRatio ?? null,
    unit: 'ratio',
    goal: 0.75,
    detail: 'median lesson / median preview',
    ...(openWhy ? { why: openWhy } : {}),
  });
  if (o && o.lessonSamples.length > 0) {
    notes.push(
      `opens are issued by keybindings in the fresh user data: techLead.openLesson with args "${LESSON_ID}", markdown.showPreview on the open ${LESSON_ID}.md; each webview is closed before the next open`,
    );
  }
  if (o?.phases.lesson !== undefined && o.lessonSamples.length > 0) {
    notes.push(`  what a lesson open is made of (medians, ms from the key press): ${o.phases.lesson}`);
    notes.push(`  what a Markdown preview open is made of: ${o.phases.markdown ?? '?'}`);
  }
  if (o?.warmUp.lesson !== undefined) {
    notes.push(
      `warm-up opens (not in the medians): Markdown preview ${o.warmUp.markdown?.toFixed(0) ?? '?'} ms (the window's first webview), then lesson panel ${o.warmUp.lesson.toFixed(0)} ms (first lesson open after start-up); lesson "${LESSON_ID}", key press → h1 "${lesson.h1}" visible`,
    );
  }

  const po = ui?.pagesOpen;
  const poWhy = uiWhy ?? po?.why;
  const previewRef =
    po?.markdownPreviewOpenMs != null ? ` (${po.markdownPreviewOpenMs.toFixed(1)} ms, ${spread(po.markdownSamples)}, same rounds)` : '';
  rows.push({
    key: 'reviewOpenMs',
    value: po?.reviewOpenMs ?? null,
    unit: 'ms',
    ...(po && po.reviewSamples.length
      ? { detail: `${po.reviewSamples.length} opens with the 10,000, ${spread(po.reviewSamples)} ms; key press → a chart drawn in view` }
      : {}),
    ...(poWhy ? { why: poWhy } : {}),
  });
  rows.push({
    key: 'reviewOpenRatio',
    value: po?.reviewOpenRatio ?? null,
    unit: 'ratio',
    goal: 1.0,
    detail: `median review / median Markdown preview${previewRef}`,
    ...(poWhy ? { why: poWhy } : {}),
  });
  rows.push({
    key: 'personOpenMs',
    value: po?.personOpenMs ?? null,
    unit: 'ms',
    ...(po && po.personSamples.length
      ? {
          detail: `${po.personSamples.length} opens with the 10,000, ${spread(po.personSamples)} ms; key press → mood chart in view + timeline laid out`,
        }
      : {}),
    ...(poWhy ? { why: poWhy } : {}),
  });
  rows.push({
    key: 'personOpenRatio',
    value: po?.personOpenRatio ?? null,
    unit: 'ratio',
    goal: 1.0,
    detail: `median person page / median Markdown preview${previewRef}`,
    ...(poWhy ? { why: poWhy } : {}),
  });
  if (po && po.reviewSamples.length > 0) {
    notes.push(
      `Weekly Review and person page opens, with the 10,000 in the workspace: keybindings in the fresh user data run techLead.openWeeklyReview and techLead.openPerson {"person": "${imp?.personName ?? '?'}"} (${personShare()}); the Markdown preview of ${LESSON_ID}.md is opened in the same rounds as the reference, the order turning every round; each page is closed before the next open`,
    );
    notes.push(`  what a Weekly Review open is made of (medians, ms from the key press): ${po.phases.review ?? '?'}`);
    notes.push(`  what a person page open is made of: ${po.phases.person ?? '?'}`);
    notes.push(`  what a Markdown preview open is made of (same rounds): ${po.phases.markdown ?? '?'}`);
    const w = po.warmUp;
    notes.push(
      `  warm-up opens (not in the medians): Markdown preview ${fmt(w.markdown)} ms, Weekly Review ${fmt(w.review)} ms (first open after start-up: its lazy bundle), person page ${fmt(w.person)} ms`,
    );
  }

  rows.push({
    key: 'renderMsMedian',
    value: render.renderMsMedian,
    unit: 'ms',
    detail: render.samples
      ? `${render.lessons} lessons × 200 via ${render.bundle ?? '?'}, p95 ${render.renderMsP95?.toFixed(3) ?? '?'} ms`
      : '',
    ...(render.why ? { why: render.why } : {}),
  });
  rows.push({
    key: 'lessonWordsMedian',
    value: render.lessonWordsMedian,
    unit: 'words',
    detail: `median of ${render.lessons} lesson bodies`,
  });

  const s = scale as ScaleResult | undefined;
  const sWhy = scaleWhy;
  rows.push({
    key: 'log10kMs',
    value: s?.log10kMs ?? null,
    unit: 'ms',
    goal: 50,
    ...(s
      ? {
          detail: `TeamStore.log + JSON writes (chunk file and index) at 10,000, ${s.log10kSamples.length} runs ${spread(s.log10kSamples, 1)} ms`,
        }
      : {}),
    ...(sWhy ? { why: sWhy } : {}),
  });
  rows.push({
    key: 'tree10kMs',
    value: s?.tree10kMs ?? null,
    unit: 'ms',
    goal: 50,
    ...(s ? { detail: `groupByFollowUp + every group's children, ${s.tree10kSamples.length} runs ${spread(s.tree10kSamples, 1)} ms` } : {}),
    ...(sWhy ? { why: sWhy } : {}),
  });
  rows.push({
    key: 'state10kBytes',
    value: s?.state10kBytes ?? null,
    unit: 'bytes',
    goal: 4_000_000,
    detail: `JSON in workspace state for 10,000 delegations, 2,000 1:1s and 500 feedback entries across ${s?.people ?? 50} people (the index; the chunks are files${s?.chunkFiles10kBytes != null ? `: ${s.chunkFiles10kBytes.toLocaleString('en-US')} bytes more` : ''})`,
    ...(sWhy ? { why: sWhy } : {}),
  });
  rows.push({
    key: 'bytesWrittenPerChange10k',
    value: s?.bytesWrittenPerChange10k ?? null,
    unit: 'bytes',
    goal: 100_000,
    detail: `bytes handed to workspace state (the index${s?.stateBytesPerChange10k != null ? `, ${s.stateBytesPerChange10k.toLocaleString('en-US')} bytes` : ''}) and to chunk files (the chunk it changed) when one delegation is marked done at that size`,
    ...(sWhy ? { why: sWhy } : {}),
  });
  if (s) {
    notes.push(
      `10,000 delegations by group: ${Object.entries(s.groups)
        .map(([g, n]) => `${g} ${n}`)
        .join(
          ', ',
        )}; TeamStore.load of the whole data set: ${s.load10kMs?.toFixed(1) ?? '?'} ms (the first load, moving version 2 to chunk files: ${s.migrate10kMs.toFixed(1)} ms)`,
    );
  }

  const im = imports as ImportScaleResult | undefined;
  rows.push({
    key: 'import48kMs',
    value: im?.import48kMs ?? null,
    unit: 'ms',
    goal: 1500,
    ...(im
      ? {
          detail: `Import of a ${(im.bytes48k / 1e6).toFixed(1)} MB file (48,000 delegations, 50 people) into an empty team: parse, check, merge, write; ${im.sizes.map((x) => `${x.delegations / 1000}k ${x.ms.toFixed(0)} ms`).join(', ')}`,
        }
      : {}),
    ...(importsWhy ? { why: importsWhy } : {}),
  });
  rows.push({
    key: 'importLongestTaskMs',
    value: im?.importLongestTaskMs ?? null,
    unit: 'ms',
    goal: 50,
    ...(im
      ? {
          detail: `longest the event loop was held during those imports (monitorEventLoopDelay max, garbage collection included), ${im.sizes.map((x) => `${x.delegations / 1000}k ${x.longestTaskMs.toFixed(0)}`).join(', ')} ms`,
        }
      : {}),
    ...(importsWhy ? { why: importsWhy } : {}),
  });

  const sg = signals as SignalsBench | undefined;
  const sgWhy = signalsWhy ? { why: signalsWhy } : {};
  rows.push({
    key: 'signalsColdRatio',
    value: sg ? (sg.coldReadMs + sg.paceAndShippedMs) / sg.gitLogMs : null,
    unit: 'ratio',
    goal: 1.5,
    ...(sg
      ? {
          detail: `git log with the product's arguments over the last 26 weeks (${sg.windowCommits} commits) read through the streaming parser into the model, then the identities, pace and shipped-since for all ${60} people (what person pages and the coach use), ${(sg.coldReadMs + sg.paceAndShippedMs).toFixed(0)} ms (with islands and follow-through too, ratio ${sg.coldWithSignalsRatio.toFixed(2)}; see delegationSignalsRatio), against the same git log read and dropped, ${sg.gitLogMs.toFixed(0)} ms (medians of 3); in Node, not the extension host: the engine's cache write and the consent and linking steps are not in it`,
        }
      : {}),
    ...sgWhy,
  });
  rows.push({
    key: 'signalsIncrementalMs',
    value: sg?.incrementalMs ?? null,
    unit: 'ms',
    goal: 100,
    ...(sg ? { detail: `one new commit read with <head>..HEAD into the whole history's model, and one person's pace again` } : {}),
    ...sgWhy,
  });
  rows.push({
    key: 'signalsHeapMB',
    value: sg?.heapMB ?? null,
    unit: 'MB',
    goal: 40,
    ...(sg ? { detail: `heap the 26 weeks' model holds after a full GC (whole history: ${sg.fullHeapMB.toFixed(1)} MB)` } : {}),
    ...sgWhy,
  });
  rows.push({
    key: 'signalsLongestTaskMs',
    value: sg?.longestChunkMs ?? null,
    unit: 'ms',
    goal: 50,
    ...(sg
      ? {
          detail: `longest synchronous piece of the read (one chunk of git's output parsed and added), wall clock; CPU ${sg.longestChunkCpuMs.toFixed(1)} ms`,
        }
      : {}),
    ...sgWhy,
  });

  rows.push({
    key: 'delegationSignalsRatio',
    value: sg?.delegationSignalsRatio ?? null,
    unit: 'ratio',
    goal: 1.5,
    ...(sg
      ? {
          detail: `the same 26 weeks' read into the model (${sg.coldReadMs.toFixed(0)} ms), then the knowledge islands of the whole tree in slices as the engine runs them (yields included) and 200 delegations' follow-through lines (each linked to one module's folder, worded, through the engine's cache), ${sg.islandsAndFollowThroughMs.toFixed(0)} ms, against one plain git log --name-only over the same window, ${sg.nameOnlyLogMs.toFixed(0)} ms (medians of 3 for the reads); in Node, not the extension host; no linked branch (their reads are extra git runs, only for branches open delegations name)`,
        }
      : {}),
    ...sgWhy,
  });
  rows.push({
    key: 'followThroughLineMs',
    value: sg?.longestFollowThroughMs ?? null,
    unit: 'ms',
    goal: 10,
    ...(sg
      ? {
          detail: `the slowest of the 200 delegations' lines, each first asked after the history was read (followThroughView through the engine's cache, as a Delegations row gets it); median ${(sg.followThroughLinesMs[Math.floor(sg.followThroughLinesMs.length / 2)] ?? NaN).toFixed(2)} ms; all 200 asked again from the cache ${sg.followThroughRefreshMs.toFixed(2)} ms; not in it: listing the identities for the lead's once per read, ${sg.peopleMs.toFixed(1)} ms`,
        }
      : {}),
    ...sgWhy,
  });

  const h = heap;
  const hWhy = uiWhy && !h ? uiWhy : h?.why;
  const heapDetail =
    h?.outcome?.heapBeforeMB !== undefined
      ? `heapUsed ${h.outcome.heapBeforeMB.toFixed(1)} → ${h.outcome.heapAfterMB?.toFixed(1) ?? '?'} MB after forced GC${h.outcome.unsettled ? ' (a reading did not settle)' : ', settled'}`
      : undefined;
  rows.push({
    key: 'heap10kMB',
    value: h?.heap10kMB ?? null,
    unit: 'MB',
    goal: 25,
    ...(heapDetail
      ? { detail: `${heapDetail}; the data set: 10,000 delegations, 50 people, 2,000 1:1s, 500 feedback entries, imported` }
      : {}),
    ...(hWhy ? { why: hWhy } : {}),
  });
  if (h?.outcome?.lessonCommandMs !== undefined) {
    notes.push(
      `first techLead.openLesson inside the extension host (lazy bundle + lesson files + render + panel): ${h.outcome.lessonCommandMs} ms`,
    );
  }
  if (h?.outcome?.heapBeforeMB !== undefined)
    notes.push(`heap GC: ${h.outcome.gc}; each reading waits until two forced-GC readings 500 ms apart agree within 0.5 MB`);
  if (h?.outcome?.importMs !== undefined) {
    notes.push(
      `import of 10,000 in the extension host: ${h.outcome.importMs} ms; ${h.outcome.delegationsAfterImport ?? '?'} delegations; stored state ${h.outcome.storedBytes ?? '?'} bytes; Delegations view rows rendered: ${h.rowsSeen ?? '?'}`,
    );
  }

  const runSeconds = (Date.now() - started) / 1000;
  const { foreign, loadavg } = activity.stop();
  machine.activity =
    foreign.length > 0
      ? `WARNING: other heavy processes ran during the benchmark (${foreign.join(', ')}): timings are disturbed, run again on a quiet machine; load avg ${loadavg}`
      : `no other heavy process seen during the run; load avg ${loadavg}`;
  process.stdout.write(renderTable(machine, rows, notes, runSeconds));
  process.stdout.write(`${jsonLine(rows, JSON_KEYS)}\n`);
}

void main().then(
  () => {
    process.exitCode = 0;
  },
  async (err: unknown) => {
    await stopAll();
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    const nulls: Record<string, null> = {};
    for (const key of JSON_KEYS) nulls[key] = null;
    process.stdout.write(`${JSON.stringify(nulls)}\n`);
    process.exitCode = 1;
  },
);
