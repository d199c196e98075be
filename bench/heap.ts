/**
 * heap10kMB (and which dist/*.js load on first use): code-server with the product and the
 * test-runner extension (test/host-runner), which runs bench/host/heap.test.ts inside the real
 * extension host. This side opens the window, and when the test has imported the 10,000 and focused
 * the Delegations view, waits until the rows are visible in the page before letting it take the
 * "after" heap reading.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from '../test/e2e/harness/codeServer';
import { openWorkbench, type Workbench } from '../test/e2e/harness/workbench';
import { packageRunner } from '../test/host/runInCodeServer';
import type { DateKey } from '../src/domain/core/dates';
import { makeImportFile, SCALE_DELEGATIONS } from './fixtures';
import type { HeapOutcome } from './host/heap.test';
import { reason } from './stats';

export interface HeapResult {
  heap10kMB: number | null;
  outcome?: HeapOutcome;
  /** Rows of the Delegations view seen before the "after" reading. */
  rowsSeen?: number;
  why?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function localToday(): DateKey {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` as DateKey;
}

/** Waits until the Delegations view shows its groups and rows; returns how many rows are rendered. */
async function waitForDelegationRows(page: Page, timeoutMs: number): Promise<number> {
  const paneLocator = page
    .locator('.pane')
    .filter({ has: page.locator('.pane-header', { hasText: /^\s*Delegations\b/ }) })
    .first();
  const rows = paneLocator.locator('.monaco-list-row');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '')).catch(() => [] as string[]);
    const groups = labels.filter((l) => /^\w[\w ]*, \d+ delegations?$/.test(l));
    if (groups.length > 0 && labels.length > groups.length) return labels.length;
    if (Date.now() > deadline)
      throw new Error(`the Delegations view showed no delegation rows within ${timeoutMs} ms (rows: ${labels.slice(0, 5).join(' | ')})`);
    await sleep(100);
  }
}

export async function measureHeap(
  root: string,
  productVsix: string,
  lessonId: string,
  log: (line: string) => void,
  track: (stop: () => Promise<void>) => void,
): Promise<HeapResult> {
  const base = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tlc-bench-heap-'));
  const handshake = path.join(base, 'handshake');
  const importFile = path.join(base, 'delegations-10k.json');
  const outFile = path.join(base, 'heap.json');
  const resultsFile = path.join(base, 'mocha-results.json');
  await fs.promises.mkdir(handshake, { recursive: true });
  await fs.promises.writeFile(importFile, JSON.stringify(makeImportFile(localToday())));

  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const stop = async (): Promise<void> => {
    await workbench?.close();
    await server?.stop();
    await fs.promises.rm(base, { recursive: true, force: true });
  };
  track(stop);
  try {
    const runnerVsix = await packageRunner();
    server = await startCodeServer({
      vsixPaths: [productVsix, runnerVsix],
      workspaceDir: path.join(base, 'workspace'),
      env: {
        TLC_HOST_TESTS: path.join(root, 'out', 'bench', 'bench', 'host'),
        TLC_HOST_RESULTS: resultsFile,
        TLC_MOCHA_PATH: path.dirname(require.resolve('mocha/package.json', { paths: [root] })),
        TLC_MOCHA_UI: 'bdd',
        TLC_MOCHA_TIMEOUT: '300000',
        TLC_BENCH_HEAP_OUT: outFile,
        TLC_BENCH_IMPORT_FILE: importFile,
        TLC_BENCH_HANDSHAKE: handshake,
        TLC_BENCH_EXPECTED: String(SCALE_DELEGATIONS),
        TLC_BENCH_LESSON_ID: lessonId,
      },
    });
    workbench = await openWorkbench(server);
    const page = workbench.page;
    let rowsSeen: number | undefined;
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (rowsSeen === undefined && fs.existsSync(path.join(handshake, 'focused'))) {
        rowsSeen = await waitForDelegationRows(page, 60_000);
        await fs.promises.writeFile(path.join(handshake, 'shown'), String(rowsSeen));
        log(`  Delegations view shows ${rowsSeen} rows`);
      }
      if (fs.existsSync(resultsFile)) break; // the runner writes it once the test is over
      if (!server.running()) throw new Error('code-server exited before the in-host heap test finished');
      if (Date.now() > deadline) throw new Error('the in-host heap test wrote no result within 240 s');
      await sleep(200);
    }
    const mocha = JSON.parse(await fs.promises.readFile(resultsFile, 'utf8')) as { failed?: number; failures?: Array<{ message: string }> };
    const failure = mocha.failed ? mocha.failures?.[0]?.message : undefined;
    if (!fs.existsSync(outFile)) throw new Error(`the in-host heap test did not run: ${failure ?? 'no output'}`);
    const outcome = JSON.parse(await fs.promises.readFile(outFile, 'utf8')) as HeapOutcome;
    return {
      heap10kMB: outcome.heap10kMB,
      outcome,
      ...(rowsSeen !== undefined ? { rowsSeen } : {}),
      ...(outcome.why !== undefined || failure !== undefined ? { why: [outcome.why, failure].filter(Boolean).join('; ') } : {}),
    };
  } catch (err) {
    return { heap10kMB: null, why: reason(err) };
  } finally {
    await stop();
  }
}
