/**
 * statusTipMs, statusTipRatio (and the same with the 10,000 stored): from the window's page load
 * (the reload's navigation start, `performance.now()` = 0) to the product's status-bar tip in the
 * status bar, against the floor extension's status-bar item ("floor", shown in its `activate()`,
 * same `onStartupFinished` activation), in the same window load.
 *
 * An init script in the page watches the status bar from the first script of every load; each
 * reload gives one pair. The first load of a bench session is not measured (the script is added
 * after it). What a reload shows is the usual case of a day: a window opened after the first one
 * of the day (the tip kept by the last window shows at once, before the history has loaded).
 */
import type { Page } from 'playwright-core';
import { median, reason } from './stats';

export interface StatusTipResult {
  statusTipMs: number | null;
  floorStatusMs: number | null;
  statusTipRatio: number | null;
  tipSamples: number[];
  floorSamples: number[];
  why?: string;
}

export function nullStatusTip(why: string): StatusTipResult {
  return { statusTipMs: null, floorStatusMs: null, statusTipRatio: null, tipSamples: [], floorSamples: [], why };
}

interface Seen {
  tip?: number;
  floor?: number;
}

/** Adds the watcher to every later load of the page. */
export async function watchStatusBar(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __benchStatus: { tip?: number; floor?: number } };
    w.__benchStatus = {};
    const seen = w.__benchStatus;
    const look = (): void => {
      for (const item of Array.from(document.querySelectorAll('.statusbar-item'))) {
        if (item.getClientRects().length === 0) continue;
        const label = item.getAttribute('aria-label') ?? '';
        if (seen.tip === undefined && label.startsWith('Tech Lead tip:')) seen.tip = performance.now();
        if (seen.floor === undefined && (item.textContent ?? '').trim() === 'floor') seen.floor = performance.now();
      }
      if (seen.tip !== undefined && seen.floor !== undefined) observer.disconnect();
    };
    const observer = new MutationObserver(look);
    observer.observe(document, { childList: true, subtree: true });
  });
}

async function readSeen(page: Page, timeoutMs: number): Promise<{ tip: number; floor: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await page.evaluate(() => (window as unknown as { __benchStatus?: Seen }).__benchStatus).catch(() => undefined);
    if (seen?.tip !== undefined && seen.floor !== undefined) return { tip: seen.tip, floor: seen.floor };
    if (Date.now() > deadline) {
      throw new Error(
        `the status bar did not show ${seen?.tip === undefined ? "the product's tip" : ''}${seen?.tip === undefined && seen?.floor === undefined ? ' nor ' : ''}${seen?.floor === undefined ? "the floor's item" : ''} within ${timeoutMs} ms of the check${seen === undefined ? ' (no watcher in the page)' : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One reading per reload (`atLoad(i)` with i ≥ 1 after each), then the medians. */
export function statusTipRecorder(
  page: Page,
  log: (line: string) => void,
): { atLoad(load: number): Promise<void>; result(): StatusTipResult } {
  const out = nullStatusTip('');
  delete out.why;
  let failed: string | undefined;
  return {
    async atLoad(load: number): Promise<void> {
      if (load === 0 || failed !== undefined) return;
      try {
        const { tip, floor } = await readSeen(page, 30_000);
        out.tipSamples.push(tip);
        out.floorSamples.push(floor);
        log(`    status bar from page load: tip ${tip.toFixed(0)} ms, floor ${floor.toFixed(0)} ms`);
      } catch (err) {
        failed = `at reload ${load}: ${reason(err)}`;
        log(`    status bar reading failed ${failed}`);
      }
    },
    result(): StatusTipResult {
      if (out.tipSamples.length >= 5) {
        out.statusTipMs = median(out.tipSamples);
        out.floorStatusMs = median(out.floorSamples);
        out.statusTipRatio = out.statusTipMs !== null && out.floorStatusMs ? out.statusTipMs / out.floorStatusMs : null;
        if (failed !== undefined) out.why = `stopped early ${failed}`;
      } else {
        out.why = `only ${out.tipSamples.length} reload(s) measured (need 5)${failed ? `: ${failed}` : ''}`;
      }
      return out;
    },
  };
}
