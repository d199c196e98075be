import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Paths returned by scripts/real-vscode/setup.mjs `ensureRealVsCode()`. */
export interface RealVsCodePaths {
  /** Node 24 binary (code-server refuses Node 20). */
  node24Bin: string;
  /** code-server's JS entry point; run it as `node24Bin codeServerBin ...`. */
  codeServerBin: string;
  /** Debian Chromium, driven headless by playwright-core. */
  chromiumPath: string;
}

let cachedRoot: string | undefined;

/**
 * The repository root: the nearest ancestor of this file whose package.json is named
 * `tech-lead-coach` (works from test/e2e/harness and from the compiled out/test/e2e/harness).
 * TLC_REPO_ROOT overrides it.
 */
export function repoRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  const fromEnv = process.env['TLC_REPO_ROOT'];
  if (fromEnv) return (cachedRoot = path.resolve(fromEnv));
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        const name: unknown = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: unknown }).name;
        if (name === 'tech-lead-coach') return (cachedRoot = dir);
      } catch {
        // not JSON: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`repoRoot: no package.json named "tech-lead-coach" above ${__dirname}; set TLC_REPO_ROOT`);
    dir = parent;
  }
}

// A real dynamic import() even though this file compiles to CommonJS (tsc would turn a literal
// `import()` into `require()`, which cannot load an .mjs file on every Node 20).
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

let setupPromise: Promise<RealVsCodePaths> | undefined;

/**
 * Runs scripts/real-vscode/setup.mjs once per process (installs chromium, libkrb5-dev, Node 24 and
 * code-server when missing; a few seconds when all is there) and returns the paths it reports.
 */
export function realVsCode(): Promise<RealVsCodePaths> {
  setupPromise ??= (async () => {
    const setupFile = path.join(repoRoot(), 'scripts', 'real-vscode', 'setup.mjs');
    const mod = (await importEsm(pathToFileURL(setupFile).href)) as {
      ensureRealVsCode: () => Promise<RealVsCodePaths>;
    };
    return mod.ensureRealVsCode();
  })();
  void setupPromise.catch(() => {
    setupPromise = undefined;
  });
  return setupPromise;
}

/** `<repo>/test-results`, created on demand. */
export function testResultsDir(): string {
  const dir = path.join(repoRoot(), 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A filesystem-safe version of a test name. */
export function safeFileName(name: string): string {
  return (
    name
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'unnamed'
  );
}
