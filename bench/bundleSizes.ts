/**
 * mainBundleBytes, vsixBytes and the lazily loaded bundles, from a production build
 * (`npm run package`: esbuild --production, then vsce package). The Node build is ES modules that
 * esbuild splits: a bundle loads the chunks it imports statically (dist/chunks/), so what activation
 * loads is dist/extension.mjs with every chunk it imports, and what a lazy bundle adds is itself with
 * the chunks activation did not load already.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reason } from './stats';

export interface BundleFile {
  /** Path relative to the repository, e.g. dist/lessons.mjs. */
  file: string;
  /** Its bytes and those of the chunks it imports that activation does not load. */
  bytes: number;
  /** Those chunks, relative to dist/. */
  chunks: string[];
  /** Its file name (or its feature's name) appears as a string in dist/extension.js, i.e. it is required lazily by name. */
  requiredByName: boolean;
}

export interface BundleSizes {
  /** Why `npm run package` failed; the bundle figures are kept when esbuild's part succeeded. */
  buildError?: string;
  buildMs: number;
  /** dist/extension.mjs and the chunks it imports statically: what activation loads. */
  mainBundleBytes: number | null;
  /** Those files, relative to dist/. */
  mainFiles: string[];
  /** dist/tech-lead-coach.vsix: the package VS Code desktop and remote windows install (the Node build). */
  vsixBytes: number | null;
  /** dist/tech-lead-coach-web.vsix: the package VS Code for the Web installs (target web, the web build). */
  webVsixBytes: number | null;
  /** dist/*.mjs other than extension.mjs. */
  otherBundles: BundleFile[];
  /** dist/webview/lesson.js, the lesson page's script (null when missing). */
  lessonPageBytes: number | null;
}

function runPackage(root: string, script = 'package'): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (err) => resolve({ code: 1, out: `${out}\n${err.message}` }));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const STATIC_IMPORT = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'](\.[^"']+)["']/g;

/** `file` and every module it imports statically, at any depth (paths relative to dist/). */
function staticClosure(dist: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = fs.readFileSync(path.join(dist, file), 'utf8');
  for (const match of text.matchAll(STATIC_IMPORT)) {
    staticClosure(dist, path.posix.join(path.posix.dirname(file), match[1] ?? ''), seen);
  }
  return seen;
}

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/**
 * Builds dist/tech-lead-coach-test.vsix: the product with its test hooks on (the test API the heap
 * measurement reads). It rewrites dist/*.js, so call it after the bundle sizes and the render
 * figures are taken. Returns the path, or throws with npm's output.
 */
export async function buildTestVsix(root: string): Promise<string> {
  const { code, out } = await runPackage(root, 'package:test');
  const vsix = path.join(root, 'dist', 'tech-lead-coach-test.vsix');
  if (code !== 0 || !fs.existsSync(vsix)) {
    throw new Error(`npm run package:test failed (exit ${code}): ${out.slice(-2000)}`);
  }
  return vsix;
}

export async function measureBundleSizes(root: string): Promise<BundleSizes> {
  const dist = path.join(root, 'dist');
  const started = Date.now();
  // dist/ is not emptied first (other runs may be using it); files this build did not write are
  // left out instead (a stale bundle must not be measured as if it were this build's).
  const fresh = (file: string): boolean => {
    try {
      return fs.statSync(file).mtimeMs >= started - 1000;
    } catch {
      return false;
    }
  };
  const { code, out } = await runPackage(root);
  const buildMs = Date.now() - started;
  const vsix = path.join(dist, 'tech-lead-coach.vsix');
  const webVsix = path.join(dist, 'tech-lead-coach-web.vsix');
  const main = path.join(dist, 'extension.mjs');
  let buildError: string | undefined;
  if (code !== 0 || !fresh(vsix) || !fresh(webVsix)) {
    const lines = out
      .trim()
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const errorLine = lines.find((l) => /\berror\b/i.test(l)) ?? lines.slice(-3).join(' | ');
    buildError = `npm run package failed (exit ${code}): ${reason(errorLine)}`;
  }
  // When only the vsce step failed, the esbuild production bundles are still this build's.
  const bundlesBuilt = fresh(main);
  const mainText = bundlesBuilt ? fs.readFileSync(main, 'utf8') : '';
  const mainFiles = bundlesBuilt ? [...staticClosure(dist, 'extension.mjs')] : [];
  const bytesOf = (files: readonly string[]): number => files.reduce((sum, file) => sum + (sizeOf(path.join(dist, file)) ?? 0), 0);
  const otherBundles = bundlesBuilt
    ? fs
        .readdirSync(dist)
        .filter((name) => name.endsWith('.mjs') && name !== 'extension.mjs' && fresh(path.join(dist, name)))
        .sort()
        .map((name) => {
          const chunks = [...staticClosure(dist, name)].filter((file) => file !== name && !mainFiles.includes(file));
          return {
            file: `dist/${name}`,
            bytes: bytesOf([name, ...chunks]),
            chunks,
            // Loaded with import("./<name>") from the activation bundle.
            requiredByName: mainText.includes(`"./${name}"`) || mainText.includes(`'./${name}'`),
          };
        })
    : [];
  const lessonPage = path.join(dist, 'webview', 'lesson.js');
  return {
    ...(buildError !== undefined ? { buildError } : {}),
    buildMs,
    mainBundleBytes: bundlesBuilt ? bytesOf(mainFiles) : null,
    mainFiles,
    vsixBytes: buildError === undefined ? sizeOf(vsix) : null,
    webVsixBytes: buildError === undefined ? sizeOf(webVsix) : null,
    otherBundles,
    lessonPageBytes: bundlesBuilt && fresh(lessonPage) ? sizeOf(lessonPage) : null,
  };
}
