/**
 * Activation, after the first load (not counted) and after each of `reloads` window reloads, for the
 * product and the floor extension (same activation event, both installed in the same code-server,
 * activating together in the same window, so every reload measures both); medians.
 *
 * - activationMs, floorActivationMs, activationRatio: VS Code's own figure as "Developer: Show
 *   Running Extensions" shows it ("Activation: N ms" = code loading + the activate() call up to its
 *   first await), read from the page.
 * - activationTotalMs, floorActivationTotalMs, activationTotalRatio (and the 10k variant): the same
 *   activations in full, code loading + activate() call + until its promise resolves, as VS Code
 *   records them (ExtensionActivationTimes: codeLoadingTime + activateCallTime +
 *   activateResolvedTime). The bench probe extension reads them from the "Developer: Startup
 *   Performance" document's "Extension Activation Stats" table (Load Code, Call Activate, Finish
 *   Activate) and writes them to a file; the Running Extensions hover shows only the activation
 *   event in this VS Code, not the times.
 */
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { CodeServer } from '../test/e2e/harness/codeServer';
import { waitForExtensionActivated } from '../test/e2e/harness/workbench';
import { Keys, pressOnWorkbench, reloadWindowByKey } from './keys';
import { median, reason } from './stats';

export interface ExtensionUnderTest {
  id: string;
  displayName: string;
}

export interface ActivationReading {
  ms: number;
  /** "Activation" or "Startup Activation", as VS Code labels it. */
  label: string;
}

/** One extension's activation as VS Code recorded it (Startup Performance), in ms. */
export interface ActivationTimes {
  loadCode: number;
  callActivate: number;
  finishActivate: number;
  /** loadCode + callActivate + finishActivate. */
  total: number;
  event?: string;
}

export interface TotalsResult {
  productMs: number | null;
  floorMs: number | null;
  ratio: number | null;
  product: ActivationTimes[];
  floor: ActivationTimes[];
  /** Median of the per-reload ratios product / floor. */
  pairedRatioMedian?: number | null;
  firstLoad?: { product: ActivationTimes; floor: ActivationTimes };
  /** Reloads where Running Extensions' figure was not Load Code + Call Activate of the same reload. */
  disagreements?: number;
  why?: string;
}

export interface ActivationResult {
  activationMs: number | null;
  floorActivationMs: number | null;
  activationRatio: number | null;
  product: ActivationReading[];
  floor: ActivationReading[];
  /** Median of the per-reload ratios product / floor (a check on the ratio of medians). */
  pairedRatioMedian?: number | null;
  /** The first load's figures (not in the medians). */
  firstLoad?: { product: number; floor: number };
  why?: string;
  totals: TotalsResult;
}

export const nullTotals = (why: string): TotalsResult => ({ productMs: null, floorMs: null, ratio: null, product: [], floor: [], why });

const ROWS = '.runtime-extensions-editor .monaco-list-row';

async function readActivation(page: Page, displayName: string, timeoutMs: number): Promise<ActivationReading> {
  const row = page
    .locator(ROWS)
    .filter({ has: page.locator('.name', { hasText: new RegExp(`^\\s*${displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }) })
    .first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await row
      .locator('.activation-time')
      .innerText({ timeout: Math.max(1, deadline - Date.now()) })
      .catch(() => '');
    const match = /^\s*(.*?Activation)\s*:\s*(\d+(?:\.\d+)?)\s*ms/i.exec(text);
    if (match) return { label: match[1] as string, ms: Number(match[2]) };
    if (Date.now() > deadline) {
      const shown = await page
        .locator(`${ROWS} .name`)
        .allInnerTexts()
        .catch(() => [] as string[]);
      throw new Error(
        `no activation figure for "${displayName}" in Running Extensions within ${timeoutMs} ms (rows: ${shown.join(', ')}; text: "${text}")`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens Running Extensions, reads both figures, closes it again. */
async function readBoth(
  page: Page,
  product: ExtensionUnderTest,
  floor: ExtensionUnderTest,
): Promise<[ActivationReading, ActivationReading]> {
  await pressOnWorkbench(page, Keys.runtimeExtensions);
  await page.locator('.runtime-extensions-editor').first().waitFor({ state: 'visible', timeout: 20_000 });
  const p = await readActivation(page, product.displayName, 20_000);
  const f = await readActivation(page, floor.displayName, 20_000);
  await pressOnWorkbench(page, Keys.closeAllEditors);
  await page.locator('.runtime-extensions-editor').first().waitFor({ state: 'hidden', timeout: 20_000 });
  return [p, f];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the probe's command by its key and waits for the file it writes: the activation times of
 * both extensions from "Developer: Startup Performance" (the probe waits until both rows are there,
 * i.e. both activate() promises have resolved).
 */
export async function readActivationTimes(
  page: Page,
  timesFile: string,
  product: ExtensionUnderTest,
  floor: ExtensionUnderTest,
): Promise<[ActivationTimes, ActivationTimes]> {
  await fs.promises.rm(timesFile, { force: true });
  await pressOnWorkbench(page, Keys.activationTimes);
  const deadline = Date.now() + 45_000;
  while (!fs.existsSync(timesFile)) {
    if (Date.now() > deadline) throw new Error('the bench probe wrote no activation times within 45 s');
    await sleep(100);
  }
  // The probe closes the document before it writes the file: a tab left open would be restored at the next start-up.
  await page
    .locator('.editor-group-container .tab', { hasText: 'Startup Performance' })
    .first()
    .waitFor({ state: 'hidden', timeout: 20_000 });
  const written = JSON.parse(await fs.promises.readFile(timesFile, 'utf8')) as {
    error?: string;
    rows?: Record<string, Omit<ActivationTimes, 'total'>>;
  };
  if (written.error !== undefined) throw new Error(written.error);
  const pick = (ext: ExtensionUnderTest): ActivationTimes => {
    const row = written.rows?.[ext.id.toLowerCase()];
    if (!row || ![row.loadCode, row.callActivate, row.finishActivate].every(Number.isFinite)) {
      throw new Error(`Startup Performance gave no usable times for ${ext.id}: ${JSON.stringify(row)}`);
    }
    return { ...row, total: row.loadCode + row.callActivate + row.finishActivate };
  };
  return [pick(product), pick(floor)];
}

const showTimes = (t: ActivationTimes): string => `${t.total} ms (${t.loadCode}+${t.callActivate}+${t.finishActivate})`;

export interface ActivationRunOptions {
  /** Read "Activation: N ms" from Running Extensions too (else only the full times). */
  runningExtensions: boolean;
  /** The file the probe writes (as bound to its key). */
  timesFile: string;
  /** Runs after each load's readings (0 is the first load); its own failures are its own business. */
  afterEachLoad?: (load: number) => Promise<void>;
}

export async function measureActivation(
  page: Page,
  server: CodeServer,
  product: ExtensionUnderTest,
  floor: ExtensionUnderTest,
  reloads: number,
  log: (line: string) => void,
  opts: ActivationRunOptions,
): Promise<ActivationResult> {
  const result: ActivationResult = {
    activationMs: null,
    floorActivationMs: null,
    activationRatio: null,
    product: [],
    floor: [],
    totals: nullTotals(''),
  };
  const totals = result.totals;
  delete totals.why;
  let totalsFailed: string | undefined;
  let disagreements = 0;
  // The list of running extensions is virtualised: make the window tall enough to show every row.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: viewport?.width ?? 1400, height: 1800 });
  try {
    for (let i = 0; i <= reloads; i++) {
      if (i > 0) await reloadWindowByKey(page, server);
      await waitForExtensionActivated(server, product.id, 60_000);
      await waitForExtensionActivated(server, floor.id, 60_000);
      const line: string[] = [];
      let shown: [ActivationReading, ActivationReading] | undefined;
      if (opts.runningExtensions) {
        const [p, f] = await readBoth(page, product, floor);
        shown = [p, f];
        if (i === 0) {
          result.firstLoad = { product: p.ms, floor: f.ms };
        } else {
          result.product.push(p);
          result.floor.push(f);
        }
        line.push(`${p.label} ${product.displayName} ${p.ms} ms, ${floor.displayName} ${f.ms} ms`);
      }
      if (totalsFailed === undefined) {
        try {
          const [pt, ft] = await readActivationTimes(page, opts.timesFile, product, floor);
          if (i === 0) {
            totals.firstLoad = { product: pt, floor: ft };
          } else {
            totals.product.push(pt);
            totals.floor.push(ft);
            if (shown && (shown[0].ms !== pt.loadCode + pt.callActivate || shown[1].ms !== ft.loadCode + ft.callActivate)) disagreements++;
          }
          line.push(`total ${product.displayName} ${showTimes(pt)}, ${floor.displayName} ${showTimes(ft)}`);
        } catch (err) {
          totalsFailed = `at ${i === 0 ? 'the first load' : `reload ${i}`}: ${reason(err)}`;
          line.push(`total: failed (${totalsFailed})`);
        }
      }
      log(`  ${i === 0 ? 'first load' : `reload ${i}`}: ${line.join('; ')}`);
      await opts.afterEachLoad?.(i);
    }
  } catch (err) {
    result.why = `after ${Math.max(result.product.length, totals.product.length)} reload(s): ${reason(err)}`;
  } finally {
    await page.setViewportSize({ width: viewport?.width ?? 1400, height: viewport?.height ?? 900 }).catch(() => undefined);
  }
  summariseTotals(totals, totalsFailed ?? result.why);
  if (opts.runningExtensions) summariseRunningExtensions(result);
  else delete result.why;
  if (opts.runningExtensions && totals.product.length > 0) totals.disagreements = disagreements;
  return result;
}

function summariseTotals(totals: TotalsResult, failure: string | undefined): void {
  if (totals.product.length >= 5) {
    totals.productMs = median(totals.product.map((t) => t.total));
    totals.floorMs = median(totals.floor.map((t) => t.total));
    totals.ratio = totals.productMs !== null && totals.floorMs !== null && totals.floorMs > 0 ? totals.productMs / totals.floorMs : null;
    totals.pairedRatioMedian = median(totals.product.map((p, i) => p.total / Math.max(1, totals.floor[i]?.total ?? 0)));
    if (totals.ratio === null) totals.why = "the floor's median is 0 ms";
    else if (failure !== undefined) totals.why = `stopped early ${failure}`;
  } else {
    totals.why = `only ${totals.product.length} reload(s) measured (need 5)${failure ? `: ${failure}` : ''}`;
  }
}

function summariseRunningExtensions(result: ActivationResult): void {
  if (result.product.length >= 5) {
    result.activationMs = median(result.product.map((r) => r.ms));
    result.floorActivationMs = median(result.floor.map((r) => r.ms));
    result.activationRatio =
      result.activationMs !== null && result.floorActivationMs !== null && result.floorActivationMs > 0
        ? result.activationMs / result.floorActivationMs
        : null;
    result.pairedRatioMedian = median(result.product.map((p, i) => p.ms / Math.max(1, result.floor[i]?.ms ?? 0)));
  } else if (result.why === undefined) {
    result.why = `only ${result.product.length} reload(s) measured (need 5)`;
  } else {
    result.why = `only ${result.product.length} reload(s) measured (need 5): ${result.why}`;
  }
}
