/**
 * activationMs, floorActivationMs, activationRatio: VS Code's own activation figure for the product
 * and for the floor extension (same activation event), both installed in the same code-server,
 * read from "Developer: Show Running Extensions" after the first load (not counted) and after
 * each of `reloads` window reloads; medians.
 */
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
}

const ROWS = '.runtime-extensions-editor .monaco-list-row';

async function readActivation(page: Page, displayName: string, timeoutMs: number): Promise<ActivationReading> {
  const row = page.locator(ROWS).filter({ has: page.locator('.name', { hasText: new RegExp(`^\\s*${displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }) }).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await row
      .locator('.activation-time')
      .innerText({ timeout: Math.max(1, deadline - Date.now()) })
      .catch(() => '');
    const match = /^\s*(.*?Activation)\s*:\s*(\d+(?:\.\d+)?)\s*ms/i.exec(text);
    if (match) return { label: match[1] as string, ms: Number(match[2]) };
    if (Date.now() > deadline) {
      const shown = await page.locator(`${ROWS} .name`).allInnerTexts().catch(() => [] as string[]);
      throw new Error(`no activation figure for "${displayName}" in Running Extensions within ${timeoutMs} ms (rows: ${shown.join(', ')}; text: "${text}")`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens Running Extensions, reads both figures, closes it again. */
async function readBoth(page: Page, product: ExtensionUnderTest, floor: ExtensionUnderTest): Promise<[ActivationReading, ActivationReading]> {
  await pressOnWorkbench(page, Keys.runtimeExtensions);
  await page.locator('.runtime-extensions-editor').first().waitFor({ state: 'visible', timeout: 20_000 });
  const p = await readActivation(page, product.displayName, 20_000);
  const f = await readActivation(page, floor.displayName, 20_000);
  await pressOnWorkbench(page, Keys.closeAllEditors);
  await page.locator('.runtime-extensions-editor').first().waitFor({ state: 'hidden', timeout: 20_000 });
  return [p, f];
}

export async function measureActivation(
  page: Page,
  server: CodeServer,
  product: ExtensionUnderTest,
  floor: ExtensionUnderTest,
  reloads: number,
  log: (line: string) => void,
): Promise<ActivationResult> {
  const result: ActivationResult = { activationMs: null, floorActivationMs: null, activationRatio: null, product: [], floor: [] };
  // The list of running extensions is virtualised: make the window tall enough to show every row.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: viewport?.width ?? 1400, height: 1800 });
  try {
    for (let i = 0; i <= reloads; i++) {
      if (i > 0) await reloadWindowByKey(page, server);
      await waitForExtensionActivated(server, product.id, 60_000);
      await waitForExtensionActivated(server, floor.id, 60_000);
      const [p, f] = await readBoth(page, product, floor);
      if (i === 0) {
        result.firstLoad = { product: p.ms, floor: f.ms };
      } else {
        result.product.push(p);
        result.floor.push(f);
      }
      log(`  ${i === 0 ? 'first load' : `reload ${i}`}: ${product.displayName} ${p.label} ${p.ms} ms, ${floor.displayName} ${f.label} ${f.ms} ms`);
    }
  } catch (err) {
    result.why = `after ${result.product.length} reload(s): ${reason(err)}`;
  } finally {
    await page.setViewportSize({ width: viewport?.width ?? 1400, height: viewport?.height ?? 900 }).catch(() => undefined);
  }
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
  return result;
}
