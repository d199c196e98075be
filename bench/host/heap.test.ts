/**
 * In-host half of heap10kMB (run inside the real extension host by the test-runner extension,
 * test/host-runner, started from bench/heap.ts). Contract with the product: the command
 * `techLead.importTeamData` takes a `vscode.Uri` of a `tech-lead-coach/delegations` JSON file (format 2: the team).
 *
 *   heap before: after activation, after a forced GC
 *   import the 10,000, focus the Delegations view, wait until bench/heap.ts has seen the rows
 *   heap after: after a forced GC
 *
 * It also notes which dist/ modules the extension host has loaded at each step (activation,
 * import, first lesson open, first delegation command), for the lazily loaded bundles.
 * Everything goes to the JSON file named by TLC_BENCH_HEAP_OUT; a figure that could not be
 * measured is null with the reason, never a guess.
 */
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as path from 'path';
import { fileURLToPath } from 'url';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';

const PRODUCT_ID = 'techleadcoach.tech-lead-coach';
const IMPORT_COMMAND = 'techLead.importTeamData';
const FOCUS_COMMAND = 'techLead.delegations.focus';

export interface HeapOutcome {
  commandFound: boolean;
  heap10kMB: number | null;
  heapBeforeMB?: number;
  heapAfterMB?: number;
  importMs?: number;
  delegationsAfterImport?: number;
  /** The first techLead.openLesson, timed inside the host (command to promise resolved). */
  lessonCommandMs?: number;
  /** UTF-8 bytes of the workspace state the extension stored for the imported delegations. */
  storedBytes?: number;
  gc: string;
  /** A reading did not settle within 20 s (other work in the host kept allocating). */
  unsettled?: boolean;
  /** The dist/ modules loaded after each step (paths relative to the extension). */
  dist: Record<string, string[]>;
  why?: string;
}

interface ProductApi {
  delegations?: () => readonly unknown[];
  storedTeam?: () => Promise<unknown>;
  flushed?: () => Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const MB = 1024 * 1024;

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** global.gc when the host exposes it, else V8's gc made reachable with --expose-gc; undefined when neither works. */
function findGc(): { run: () => void; how: string } | undefined {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return { run: exposed as () => void, how: 'global.gc' };
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc === 'function') return { run: gc as () => void, how: 'V8 gc via --expose-gc (vm context)' };
  } catch {
    // not available
  }
  return undefined;
}

async function heapUsedAfterGc(gc: (() => void) | undefined): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}

/**
 * heapUsed once the extension host has settled: other extensions activate at start-up too, so a
 * reading is taken only when two forced-GC readings 500 ms apart agree within 0.5 MB (at most 20 s).
 */
async function settledHeapUsed(gc: (() => void) | undefined): Promise<{ bytes: number; settled: boolean }> {
  const deadline = Date.now() + 20_000;
  let previous = await heapUsedAfterGc(gc);
  for (;;) {
    await sleep(500);
    const current = await heapUsedAfterGc(gc);
    if (Math.abs(current - previous) < 0.5 * MB) return { bytes: current, settled: true };
    if (Date.now() > deadline) return { bytes: current, settled: false };
    previous = current;
  }
}

/**
 * The scripts V8 has loaded, ES modules included (which require.cache does not list): enabling the
 * debugger domain of an in-process inspector session reports each one that exists, then it is off again.
 */
function loadedScripts(): Promise<string[]> {
  const session = new inspector.Session();
  session.connect();
  const urls: string[] = [];
  session.on('Debugger.scriptParsed', (message) => urls.push(message.params.url));
  return new Promise((resolve) => {
    session.post('Debugger.enable', () =>
      session.post('Debugger.disable', () => {
        session.disconnect();
        resolve(urls);
      }),
    );
  });
}

async function distLoaded(extensionPath: string): Promise<string[]> {
  const dist = path.join(extensionPath, 'dist') + path.sep;
  const files = [
    ...(await loadedScripts()).map((url) => (url.startsWith('file:') ? fileURLToPath(url) : url)),
    ...Object.keys(require.cache),
  ];
  return [
    ...new Set(files.filter((file) => file.startsWith(dist)).map((file) => path.relative(extensionPath, file).split(path.sep).join('/'))),
  ].sort();
}

async function within<T>(what: string, ms: number, work: Thenable<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitForFile(file: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${path.basename(file)} (the rows seen in the window) did not come within ${ms} ms`);
    await sleep(100);
  }
}

async function measure(outcome: HeapOutcome): Promise<void> {
  const importFile = env('TLC_BENCH_IMPORT_FILE');
  const handshake = env('TLC_BENCH_HANDSHAKE');
  const expected = Number(env('TLC_BENCH_EXPECTED'));
  const lessonId = env('TLC_BENCH_LESSON_ID');

  const extension = vscode.extensions.getExtension<ProductApi>(PRODUCT_ID);
  if (!extension) throw new Error(`${PRODUCT_ID} is not installed`);
  const api = (await extension.activate()) ?? {};
  outcome.dist['activation'] = await distLoaded(extension.extensionPath);

  const gc = findGc();
  outcome.gc = gc?.how ?? 'not available: figures include garbage not yet collected';
  outcome.commandFound = (await vscode.commands.getCommands(true)).includes(IMPORT_COMMAND);
  if (!outcome.commandFound) {
    outcome.why = `the product has no command ${IMPORT_COMMAND} (yet), so the 10,000 cannot be loaded into the extension host`;
  } else {
    const beforeReading = await settledHeapUsed(gc?.run);
    const before = beforeReading.bytes;
    const t0 = Date.now();
    await within(IMPORT_COMMAND, 120_000, vscode.commands.executeCommand(IMPORT_COMMAND, vscode.Uri.file(importFile)));
    await api.flushed?.();
    outcome.importMs = Date.now() - t0;
    const count = api.delegations?.().length;
    if (count !== undefined) outcome.delegationsAfterImport = count;
    await within(FOCUS_COMMAND, 30_000, vscode.commands.executeCommand(FOCUS_COMMAND));
    fs.writeFileSync(path.join(handshake, 'focused'), JSON.stringify({ delegations: outcome.delegationsAfterImport ?? null }));
    await waitForFile(path.join(handshake, 'shown'), 60_000);
    const afterReading = await settledHeapUsed(gc?.run);
    const after = afterReading.bytes;
    if (!beforeReading.settled || !afterReading.settled) outcome.unsettled = true;
    outcome.heapBeforeMB = before / MB;
    outcome.heapAfterMB = after / MB;
    const stored = await api.storedTeam?.();
    if (stored !== undefined) outcome.storedBytes = Buffer.byteLength(JSON.stringify(stored), 'utf8');
    if (outcome.delegationsAfterImport === undefined) {
      outcome.why = 'the product API does not report its delegations, so the import could not be checked';
    } else if (outcome.delegationsAfterImport < expected) {
      outcome.why = `the import left ${outcome.delegationsAfterImport} delegations, not ${expected}`;
    } else {
      outcome.heap10kMB = (after - before) / MB;
    }
    outcome.dist['import'] = await distLoaded(extension.extensionPath);
  }

  const t1 = Date.now();
  await within('techLead.openLesson', 30_000, vscode.commands.executeCommand('techLead.openLesson', lessonId));
  outcome.lessonCommandMs = Date.now() - t1;
  outcome.dist['lessonOpen'] = await distLoaded(extension.extensionPath);
  // A delegation command with its argument object (no UI): loads whatever the commands need.
  await within(
    'techLead.logDelegation',
    30_000,
    vscode.commands.executeCommand('techLead.logDelegation', {
      task: 'Bench: first delegation command',
      person: 'Bench',
      level: 5,
      followUp: 3,
    }),
  );
  outcome.dist['delegationCommand'] = await distLoaded(extension.extensionPath);
}

describe('bench: extension-host heap with 10,000 delegations', function () {
  it('measures heap growth and the bundles loaded on first use', async function () {
    this.timeout(300_000);
    const outcome: HeapOutcome = { commandFound: false, heap10kMB: null, gc: 'not tried', dist: {} };
    try {
      await measure(outcome);
    } catch (err) {
      outcome.why = `${outcome.why ? `${outcome.why}; ` : ''}${err instanceof Error ? err.message : String(err)}`;
    } finally {
      const out = env('TLC_BENCH_HEAP_OUT');
      fs.writeFileSync(`${out}.tmp`, JSON.stringify(outcome, null, 2));
      fs.renameSync(`${out}.tmp`, out);
    }
  });
});
