/**
 * Runs the compiled in-host mocha tests (out/test/host/**\/*.test.js) inside a real VS Code
 * extension host: code-server with the product .vsix and the test-runner extension
 * (test/host-runner) installed, and a headless Chromium window connected (the extension host only
 * starts when a window connects).
 *
 *   npx tsc -p test && npm run package:all && node out/test/host/runInCodeServer.js [--vsix dist/tech-lead-coach-test.vsix] [--tests out/test/host]
 *
 * Then, in a second session, the upgrade test (out/test/host-upgrade, set up by upgradeSession.ts):
 * version-3 workspace state seeded before the first activation. The closing line counts both.
 *
 * The same test files run under @vscode/test-cli (.vscode-test.mjs) on a machine with internet or
 * an installed VS Code.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startCodeServer, type CodeServer } from '../e2e/harness/codeServer';
import { repoRoot } from '../e2e/harness/paths';
import { packageVsix } from '../e2e/harness/vsce';
import { openWorkbench, screenshotOnFailure, type Workbench } from '../e2e/harness/workbench';
import { failedTest, prepareUpgradeSession, type UpgradeSession } from './upgradeSession';

export interface HostTestFailure {
  title: string;
  fullTitle: string;
  message: string;
  stack: string;
}

export interface HostTestResults {
  passed: number;
  failed: number;
  pending: number;
  failures: HostTestFailure[];
  /** Every test with its outcome (absent when the runner failed before running any). */
  tests?: Array<{ fullTitle: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number }>;
  files?: string[];
  durationMs?: number;
  done: true;
}

export interface RunHostTestsOptions {
  /** The product's .vsix (dist/tech-lead-coach.vsix). */
  productVsix: string;
  /** Directory of compiled *.test.js files (searched recursively), e.g. out/test/host. */
  testsDir: string;
  /** Folder opened in the window; a fresh temp folder when omitted. */
  workspaceDir?: string;
  /** Extra environment for the extension host. */
  env?: Record<string, string>;
  /** Max wait for the results file, default 3 min. */
  timeoutMs?: number;
  /** Mocha grep pattern. */
  grep?: string;
  /** Keep user data and extensions here across starts (startCodeServer's stateDir); the caller removes it. */
  stateDir?: string;
  /** Chromium profile kept between windows: VS Code for the browser keeps workspace state there (IndexedDB). */
  browserProfileDir?: string;
  /** Port for code-server; a free one when omitted. Browser storage is per origin, so keep it across starts. */
  port?: number;
  /**
   * Runs once the results are in, with the window still open (e.g. to read what reached the
   * browser's storage). It returns more results, added to mocha's; a throw fails the run.
   */
  afterResults?: (session: {
    server: CodeServer;
    workbench: Workbench;
  }) => Promise<Pick<HostTestResults, 'passed' | 'failed' | 'failures' | 'tests'>>;
}

const RUNNER_SRC = (): string => path.join(repoRoot(), 'test', 'host-runner');
const RUNNER_OUT_DIR = (): string => path.join(repoRoot(), '.vscode-test', 'runner');
export const RUNNER_EXTENSION_ID = 'techleadcoach.tech-lead-coach-test-runner';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function hashRunnerSources(dir: string): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (name.endsWith('.vsix') || !fs.statSync(full).isFile()) continue;
    hash.update(name).update('\0').update(fs.readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Packages test/host-runner into .vscode-test/runner/tech-lead-coach-test-runner.vsix with vsce,
 * only when its sources changed since the last packaging. Returns the .vsix path.
 */
export async function packageRunner(): Promise<string> {
  const src = RUNNER_SRC();
  const outDir = RUNNER_OUT_DIR();
  const vsix = path.join(outDir, 'tech-lead-coach-test-runner.vsix');
  const hashFile = path.join(outDir, 'tech-lead-coach-test-runner.sha256');
  const hash = hashRunnerSources(src);
  if (fs.existsSync(vsix) && fs.existsSync(hashFile) && fs.readFileSync(hashFile, 'utf8').trim() === hash) return vsix;
  fs.mkdirSync(outDir, { recursive: true });
  await packageVsix(src, vsix);
  fs.writeFileSync(hashFile, `${hash}\n`);
  return vsix;
}

function tail(text: string, lines: number): string {
  return text.split('\n').slice(-lines).join('\n');
}

async function readResults(file: string): Promise<HostTestResults | undefined> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = JSON.parse(text) as Partial<HostTestResults>;
  if (parsed.done !== true || typeof parsed.passed !== 'number' || typeof parsed.failed !== 'number') {
    throw new Error(`malformed host test results in ${file}: ${text.slice(0, 2000)}`);
  }
  return parsed as HostTestResults;
}

/**
 * Runs the host tests in code-server and returns mocha's results. Throws (never returns a pass)
 * when the tests could not run: setup, install, start-up, or no results within the timeout.
 */
export async function runHostTests(opts: RunHostTestsOptions): Promise<HostTestResults> {
  const productVsix = path.resolve(opts.productVsix);
  const testsDir = path.resolve(opts.testsDir);
  if (!fs.existsSync(productVsix))
    throw new Error(`runHostTests: product .vsix ${productVsix} not found; build it with \`npm run package\``);
  if (!fs.existsSync(testsDir)) throw new Error(`runHostTests: tests dir ${testsDir} not found; compile with \`npx tsc -p test\``);
  const runnerVsix = await packageRunner();
  const mochaPath = path.dirname(require.resolve('mocha/package.json', { paths: [repoRoot()] }));

  const base = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tlc-host-tests-'));
  const resultsFile = path.join(base, 'results.json');
  const workspaceDir = opts.workspaceDir ?? path.join(base, 'workspace');
  const timeoutMs = opts.timeoutMs ?? 180_000;

  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  try {
    server = await startCodeServer({
      vsixPaths: [productVsix, runnerVsix],
      workspaceDir,
      ...(opts.stateDir !== undefined ? { stateDir: opts.stateDir } : {}),
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      env: {
        ...(opts.env ?? {}),
        TLC_HOST_TESTS: testsDir,
        TLC_HOST_RESULTS: resultsFile,
        TLC_MOCHA_PATH: mochaPath,
        TLC_MOCHA_UI: 'bdd',
        ...(opts.grep !== undefined ? { TLC_MOCHA_GREP: opts.grep } : {}),
      },
    });
    workbench = await openWorkbench(server, opts.browserProfileDir !== undefined ? { browserProfileDir: opts.browserProfileDir } : {});
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const results = await readResults(resultsFile);
      if (results && opts.afterResults) return mergeResults(results, await opts.afterResults({ server, workbench }));
      if (results) return results;
      if (!server.running()) {
        throw new Error(`code-server exited before the host tests finished:\n${tail(server.output(), 40)}`);
      }
      if (Date.now() > deadline) {
        const shot = await screenshotOnFailure(workbench.page, 'host-tests-timeout');
        const log = await server.exthostLog();
        throw new Error(
          `host tests wrote no results to ${resultsFile} within ${Math.round(timeoutMs / 1000)} s` +
            (shot ? ` (screenshot: ${shot})` : '') +
            `.\n--- extension host log (tail) ---\n${log ? tail(log, 60) : '(no remoteexthost.log: did the window connect?)'}` +
            `\n--- code-server output (tail) ---\n${tail(server.output(), 20)}`,
        );
      }
      await sleep(500);
    }
  } finally {
    await workbench?.close();
    await server?.stop();
    if (!process.env['KEEP_E2E_DIRS']) await fs.promises.rm(base, { recursive: true, force: true });
  }
}

/** Mocha's results with more added (another session's, or checks made from outside the extension host). */
export function mergeResults(
  results: HostTestResults,
  more: Pick<HostTestResults, 'passed' | 'failed' | 'failures' | 'tests'> & { pending?: number },
): HostTestResults {
  return {
    ...results,
    passed: results.passed + more.passed,
    failed: results.failed + more.failed,
    pending: results.pending + (more.pending ?? 0),
    failures: [...results.failures, ...more.failures],
    tests: [...(results.tests ?? []), ...(more.tests ?? [])],
  };
}

/** Prints the results; the closing line is "N passed, N failed". */
export function formatResults(results: HostTestResults): string {
  const lines: string[] = [];
  for (const t of results.tests ?? [])
    lines.push(`  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.fullTitle}`);
  for (const f of results.failures) {
    const frames = f.stack
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 6);
    lines.push('', `FAILED: ${f.fullTitle}`, ...f.message.split('\n').map((l) => `  ${l}`), ...frames.map((l) => `  ${l.trim()}`));
  }
  lines.push('', `${results.passed} passed, ${results.failed} failed, ${results.pending} skipped`);
  return lines.join('\n');
}

/** The upgrade session's results; a session that could not run is one failed test, never a skip. */
async function runUpgradeTest(productVsix: string, testsDir: string): Promise<HostTestResults> {
  let session: UpgradeSession | undefined;
  try {
    session = await prepareUpgradeSession({ productVsix, testsDir });
    return await runHostTests(session.options);
  } catch (err) {
    const { test, failure } = failedTest('the session ran', 'Upgrade from version 3: the session ran', err);
    return { passed: 0, failed: 1, pending: 0, failures: [failure], tests: [test], done: true };
  } finally {
    await session?.cleanup();
  }
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = repoRoot();
  // The test build: the product with its test hooks on (the test API this suite reads).
  const productVsix = arg('--vsix') ?? path.join(root, 'dist', 'tech-lead-coach-test.vsix');
  const testsDir = arg('--tests') ?? path.join(root, 'out', 'test', 'host');
  const grep = arg('--grep');
  const t0 = Date.now();
  const main = await runHostTests({ productVsix, testsDir, ...(grep !== undefined ? { grep } : {}) });
  console.log(`host tests in code-server (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  // The upgrade from version 3, in a session of its own (out/test/host-upgrade, see upgradeSession.ts).
  const t1 = Date.now();
  const upgrade = await runUpgradeTest(productVsix, path.join(root, 'out', 'test', 'host-upgrade'));
  console.log(`upgrade from version 3 in code-server (${((Date.now() - t1) / 1000).toFixed(1)} s)`);
  const results = mergeResults(main, upgrade);
  console.log(formatResults(results));
  if (results.failed > 0) return 1;
  if (results.passed === 0) {
    console.error('no host test passed (none ran?): counted as a failure');
    return 1;
  }
  return 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exitCode = 1;
    },
  );
}
