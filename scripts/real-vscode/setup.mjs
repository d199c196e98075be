#!/usr/bin/env node
// Idempotent set-up of everything the real-VS-Code suite needs on this kind of machine
// (Debian 12, Node 20, npm registry + Debian apt only). See shared/guides/real-vscode.md.
//
//   - Debian packages: chromium (/usr/bin/chromium, driven headless by playwright-core)
//     and libkrb5-dev (code-server builds the `kerberos` native module).
//   - Node 24 from the npm package `node@24` into .vscode-test/node24 (code-server refuses Node 20).
//   - code-server 4.139.1 (VS Code 1.139 for the browser) into .vscode-test/code-server.
//
// Usage:  node scripts/real-vscode/setup.mjs        (CLI)
//         import { ensureRealVsCode } from './setup.mjs'  → { node24Bin, codeServerBin, chromiumPath }
//
// code-server is started as `<node24Bin> <codeServerBin> ...` (codeServerBin is its JS entry).
// A second run finds the marker files and returns in a few seconds. Delete .vscode-test/node24
// or .vscode-test/code-server to force a reinstall. Never skips silently: anything missing
// that cannot be installed is a thrown Error naming what to install and how.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const vscodeTestDir = path.join(repoRoot, '.vscode-test');
const node24Dir = path.join(vscodeTestDir, 'node24');
const codeServerDir = path.join(vscodeTestDir, 'code-server');
const MARKER = '.tlc-setup.json';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function log(msg) {
  process.stderr.write(`[real-vscode setup] ${msg}\n`);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Run a command, streaming nothing unless it fails; resolves with captured output. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? repoRoot,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', (err) => reject(new Error(`could not run ${cmd}: ${err.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(out);
      else {
        const tail = out.split('\n').slice(-40).join('\n');
        reject(
          new Error(`${opts.what ?? cmd} failed (${signal ?? `exit ${code}`}): ${cmd} ${args.join(' ')}\n--- last output ---\n${tail}`),
        );
      }
    });
  });
}

function readMarker(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

function writeOwnPackageJson(dir, name) {
  mkdirSync(dir, { recursive: true });
  // A package.json of its own so npm never walks up to the repo's package.json.
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name, version: '0.0.0', private: true, description: 'tooling installed by scripts/real-vscode/setup.mjs' }, null, 2) +
      '\n',
  );
}

function npmEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  // Do not let an enclosing `npm run` leak the repo as the install prefix.
  for (const k of Object.keys(env)) {
    if (/^npm_config_(prefix|global|location|workspaces?|include_workspace_root)$/i.test(k)) delete env[k];
    if (/^npm_package_/i.test(k)) delete env[k];
  }
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  return env;
}

// ---------------------------------------------------------------------------------------------
// Debian packages

function chromiumPath() {
  return process.env.TLC_CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

function hasDebPackage(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

async function ensureSystemPackages() {
  const missing = [];
  if (!existsSync(chromiumPath())) missing.push('chromium');
  if (!hasDebPackage('libkrb5-dev')) missing.push('libkrb5-dev');
  if (missing.length === 0) {
    log(`system packages ok (chromium at ${chromiumPath()}, libkrb5-dev)`);
    return;
  }
  const how = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!isRoot()) {
    throw new Error(
      `Missing Debian package(s): ${missing.join(', ')}. The real-VS-Code suite needs chromium (headless browser at ` +
        `${DEFAULT_CHROMIUM}) and libkrb5-dev (to build code-server's kerberos module). Install them as root:\n  sudo sh -c '${how}'`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing Debian packages: ${missing.join(' ')} (apt-get update + install, ~1 min)`);
  await run('apt-get', ['update'], { env, what: 'apt-get update' });
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, what: 'apt-get install' });
  const still = [];
  if (!existsSync(chromiumPath())) still.push(`chromium (expected at ${chromiumPath()})`);
  if (!hasDebPackage('libkrb5-dev')) still.push('libkrb5-dev');
  if (still.length) throw new Error(`apt-get install finished but still missing: ${still.join(', ')}. Try: ${how}`);
  log('system packages installed');
}

// ---------------------------------------------------------------------------------------------
// Node 24

function node24BinPath() {
  return path.join(node24Dir, 'node_modules', '.bin', 'node');
}

function nodeVersionOf(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

async function ensureNode24() {
  const bin = node24BinPath();
  const marker = readMarker(node24Dir);
  if (marker?.version === NODE24_VERSION && existsSync(bin) && nodeVersionOf(bin) === `v${NODE24_VERSION}`) {
    log(`node ${NODE24_VERSION} ok (${path.relative(repoRoot, bin)})`);
    return realpathSync(bin);
  }
  log(`installing node@${NODE24_VERSION} from npm into ${path.relative(repoRoot, node24Dir)}`);
  rmSync(node24Dir, { recursive: true, force: true, maxRetries: 3 });
  writeOwnPackageJson(node24Dir, 'tlc-node24');
  await run('npm', ['install', '--prefix', node24Dir, '--no-audit', '--no-fund', '--no-save', `node@${NODE24_VERSION}`], {
    cwd: node24Dir,
    env: npmEnv(),
    what: `npm install node@${NODE24_VERSION}`,
  });
  const v = existsSync(bin) ? nodeVersionOf(bin) : undefined;
  if (v !== `v${NODE24_VERSION}`) {
    throw new Error(
      `node@${NODE24_VERSION} install did not produce a working Node 24 at ${bin} (got ${v ?? 'nothing'}). ` +
        `Delete ${node24Dir} and re-run \`node scripts/real-vscode/setup.mjs\`; check that the npm registry is reachable.`,
    );
  }
  writeFileSync(path.join(node24Dir, MARKER), JSON.stringify({ version: NODE24_VERSION, installedAt: new Date().toISOString() }) + '\n');
  log(`node ${v} installed`);
  return realpathSync(bin);
}

// ---------------------------------------------------------------------------------------------
// code-server

function codeServerEntry() {
  return path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** @returns {string | undefined} undefined when `code-server --version` reports the pinned version, else what went wrong */
function codeServerVersionProblem(node24Bin) {
  // Its own config file: without --config, code-server writes ~/.config/code-server/config.yaml
  // and prints a "Wrote default config file" line before the version.
  const config = path.join(codeServerDir, 'config.yaml');
  if (!existsSync(config)) writeFileSync(config, 'auth: none\ncert: false\n');
  const r = spawnSync(node24Bin, [codeServerEntry(), '--config', config, '--version'], {
    cwd: codeServerDir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const versionLine = new RegExp(`^${CODE_SERVER_VERSION.replace(/\./g, '\\.')}\\b`, 'm');
  if (r.status === 0 && versionLine.test(r.stdout)) return undefined;
  return `status ${r.status}${r.signal ? ` signal ${r.signal}` : ''}${r.error ? ` error ${r.error.message}` : ''}; stdout: ${(r.stdout ?? '').trim().slice(0, 300)}; stderr: ${(r.stderr ?? '').trim().slice(-600)}`;
}

async function ensureCodeServer(node24Bin) {
  const entry = codeServerEntry();
  const marker = readMarker(codeServerDir);
  if (marker?.version === CODE_SERVER_VERSION && existsSync(entry) && !codeServerVersionProblem(node24Bin)) {
    log(`code-server ${CODE_SERVER_VERSION} ok (${path.relative(repoRoot, entry)})`);
    return entry;
  }
  const t0 = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(repoRoot, codeServerDir)} (npm install --ignore-scripts, ~30 s)`);
  rmSync(codeServerDir, { recursive: true, force: true, maxRetries: 3 });
  writeOwnPackageJson(codeServerDir, 'tlc-code-server');
  await run(
    'npm',
    [
      'install',
      '--prefix',
      codeServerDir,
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--no-save',
      `code-server@${CODE_SERVER_VERSION}`,
    ],
    { cwd: codeServerDir, env: npmEnv(), what: `npm install code-server@${CODE_SERVER_VERSION}` },
  );
  const pkgDir = path.join(codeServerDir, 'node_modules', 'code-server');
  if (!existsSync(path.join(pkgDir, 'postinstall.sh'))) {
    throw new Error(`code-server package is incomplete: ${pkgDir}/postinstall.sh not found after npm install.`);
  }
  log(`running code-server postinstall.sh with Node 24 (builds VS Code's node modules, ~75 s)`);
  const node24BinDir = path.dirname(node24BinPath());
  const env = npmEnv({
    PATH: `${node24BinDir}:${path.dirname(node24Bin)}:${process.env.PATH ?? ''}`,
    // postinstall.sh reads the Node major version from this variable.
    npm_config_user_agent: `npm/11 node/v${NODE24_VERSION} linux x64`,
  });
  await run('sh', ['./postinstall.sh'], { cwd: pkgDir, env, what: 'code-server postinstall.sh' });
  const problem = existsSync(entry) ? codeServerVersionProblem(node24Bin) : `${entry} does not exist`;
  if (problem) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} was installed but \`${node24Bin} ${entry} --version\` does not work (${problem}). ` +
        `Check that libkrb5-dev is installed, delete ${codeServerDir} and re-run \`node scripts/real-vscode/setup.mjs\`.`,
    );
  }
  writeFileSync(
    path.join(codeServerDir, MARKER),
    JSON.stringify({ version: CODE_SERVER_VERSION, node: NODE24_VERSION, installedAt: new Date().toISOString() }) + '\n',
  );
  log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - t0) / 1000)} s`);
  return entry;
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Cross-process lock: two test processes (or a test and `npm start`) must not install into the
// same folders at once. mkdir is atomic; the lock records its owner's pid so a stale lock (owner
// gone) is taken over.

const LOCK_DIR = path.join(vscodeTestDir, '.setup.lock');
const LOCK_WAIT_MS = 15 * 60_000;

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err?.code === 'EPERM';
  }
}

async function acquireLock() {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      return;
    } catch (err) {
      if (err?.code !== 'EEXIST') throw err;
    }
    let owner;
    try {
      owner = Number(readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'));
    } catch {
      owner = undefined; // being created or removed right now
    }
    if (owner !== undefined && (!Number.isInteger(owner) || owner <= 0 || !pidAlive(owner))) {
      log(`removing stale set-up lock of pid ${owner}`);
      rmSync(LOCK_DIR, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      log(`another set-up (pid ${owner ?? '?'}) is running; waiting for it (${path.relative(repoRoot, LOCK_DIR)})`);
      announced = true;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${LOCK_WAIT_MS / 60_000} min waiting for the set-up lock ${LOCK_DIR} held by pid ${owner}; if no set-up is running, delete that folder`,
      );
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function releaseLock() {
  try {
    if (Number(readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8')) === process.pid) rmSync(LOCK_DIR, { recursive: true, force: true });
  } catch {
    // already gone
  }
}

let pending;

/**
 * Makes sure chromium, libkrb5-dev, Node 24 and code-server are present (installing what is
 * missing) and returns their paths. Safe to call repeatedly; concurrent calls in one process share
 * one run.
 * @returns {Promise<{ node24Bin: string, codeServerBin: string, chromiumPath: string }>}
 */
export function ensureRealVsCode() {
  pending ??= (async () => {
    const t0 = Date.now();
    mkdirSync(vscodeTestDir, { recursive: true });
    await acquireLock();
    const onExit = () => releaseLock();
    process.once('exit', onExit);
    try {
      await ensureSystemPackages();
      const node24Bin = await ensureNode24();
      const codeServerBin = await ensureCodeServer(node24Bin);
      log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return { node24Bin, codeServerBin, chromiumPath: chromiumPath() };
    } finally {
      releaseLock();
      process.removeListener('exit', onExit);
    }
  })();
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

const invokedDirectly = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) {
  ensureRealVsCode().then(
    (r) => {
      process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    },
    (err) => {
      process.stderr.write(`[real-vscode setup] FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
