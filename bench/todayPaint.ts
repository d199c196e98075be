/**
 * todayFirstPaintMs, todayFirstPaintRatio: from the key press that reveals the Today view
 * (`techLead.today.focus`, the workbench's own command for a view) to today's nudge text visible
 * inside its webview, against the floor extension's webview view with static text
 * (`benchFloor.view.focus`, its own view container), in the same window.
 *
 * Each is measured at its first reveal after a window load, once per reload of the activation
 * runs, after both extensions have activated: the view is resolved then (for the product: its lazy
 * bundle loads and today's state is built), as for a lead who opens the sidebar. The order
 * alternates every load; afterwards the Explorer is shown again, so neither view is restored at the
 * next start-up.
 */
import type { Page } from 'playwright-core';
import { Keys, pageIdle, pressOnWorkbench, type BenchKey } from './keys';
import { median, reason } from './stats';
import { phasesLine } from './lessonOpen';
import { finishWatchPhases, startWatch, waitWebviewGone, type ContentCheck } from './webviewWatch';

export interface RevealTarget {
  name: string;
  key: BenchKey;
  check: ContentCheck;
}

export interface TodayPaintResult {
  todayFirstPaintMs: number | null;
  floorViewFirstPaintMs: number | null;
  todayFirstPaintRatio: number | null;
  todaySamples: number[];
  floorSamples: number[];
  /** The first window load's reveals (not in the medians). */
  firstLoad?: { today: number; floor: number };
  /** Medians by which view was revealed first in the window, as a check on order effects. */
  byOrder?: { todayFirst: { today: number | null; floor: number | null }; floorFirst: { today: number | null; floor: number | null } };
  why?: string;
}

export function nullTodayPaint(why: string): TodayPaintResult {
  return { todayFirstPaintMs: null, floorViewFirstPaintMs: null, todayFirstPaintRatio: null, todaySamples: [], floorSamples: [], why };
}

async function revealOnce(page: Page, target: RevealTarget, log: (line: string) => void): Promise<number> {
  await pageIdle(page);
  await startWatch(page, target.check, 20_000);
  await pressOnWorkbench(page, target.key);
  const phases = await finishWatchPhases(page);
  log(`      ${target.name}: ${phasesLine(phases)}`);
  return phases.visible;
}

/**
 * Collects one reveal of each per window load (call `atLoad` after every load's activation
 * readings), then `result()` for the medians.
 */
export function todayPaintRecorder(
  page: Page,
  today: RevealTarget,
  floor: RevealTarget,
  log: (line: string) => void,
): { atLoad(load: number): Promise<void>; result(): TodayPaintResult } {
  const out = nullTodayPaint('');
  delete out.why;
  const todayFirst: Array<[number, number]> = [];
  const floorFirst: Array<[number, number]> = [];
  let failed: string | undefined;
  return {
    async atLoad(load: number): Promise<void> {
      if (failed !== undefined) return;
      try {
        const order = load % 2 === 1 ? [today, floor] : [floor, today];
        const times = new Map<RevealTarget, number>();
        for (const target of order) times.set(target, await revealOnce(page, target, log));
        const t = times.get(today) as number;
        const f = times.get(floor) as number;
        if (load === 0) {
          out.firstLoad = { today: t, floor: f };
        } else {
          out.todaySamples.push(t);
          out.floorSamples.push(f);
          (order[0] === today ? todayFirst : floorFirst).push([t, f]);
        }
        log(
          `    first reveal (${order.map((o) => o.name).join(' then ')}): ${today.name} ${t.toFixed(0)} ms, ${floor.name} ${f.toFixed(0)} ms`,
        );
      } catch (err) {
        failed = `at ${load === 0 ? 'the first load' : `reload ${load}`}: ${reason(err)}`;
        log(`    first reveal failed ${failed}`);
      } finally {
        // Neither view may be visible when the window reloads (it would be restored at start-up).
        await pressOnWorkbench(page, Keys.showExplorer).catch(() => undefined);
        await waitWebviewGone(page, today.check.extensionId).catch(() => undefined);
        await waitWebviewGone(page, floor.check.extensionId).catch(() => undefined);
      }
    },
    result(): TodayPaintResult {
      if (out.todaySamples.length >= 5) {
        out.todayFirstPaintMs = median(out.todaySamples);
        out.floorViewFirstPaintMs = median(out.floorSamples);
        out.todayFirstPaintRatio =
          out.todayFirstPaintMs !== null && out.floorViewFirstPaintMs ? out.todayFirstPaintMs / out.floorViewFirstPaintMs : null;
        const m = (pairs: Array<[number, number]>, i: 0 | 1): number | null => median(pairs.map((p) => p[i]));
        out.byOrder = {
          todayFirst: { today: m(todayFirst, 0), floor: m(todayFirst, 1) },
          floorFirst: { today: m(floorFirst, 0), floor: m(floorFirst, 1) },
        };
        if (failed !== undefined) out.why = `stopped early ${failed}`;
      } else {
        out.why = `only ${out.todaySamples.length} load(s) measured (need 5)${failed ? `: ${failed}` : ''}`;
      }
      return out;
    },
  };
}
