#!/usr/bin/env node
// `npm start`: try the extension in a real VS Code.
//
// - With a `code` command on PATH: builds (`npm run package`) and runs
//   `code --extensionDevelopmentPath=<repo> <repo>`.
// - Otherwise (or with START_WITH=code-server): sets up code-server + Node 24
//   (scripts/real-vscode/setup.mjs), builds the .vsix (`npm run package`), installs it afresh into
//   a persistent profile (.vscode-test/start-user-data, .vscode-test/start-extensions) and serves
//   VS Code for the browser on http://127.0.0.1:8080 (PORT to change it) until Ctrl-C.
//
// Other environment variables: START_FOLDER (folder to open, default the repo),
// START_VSIX (install this .vsix instead of building dist/tech-lead-coach.vsix).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureRealVsCode, repoRoot, vscodeTestDir } from './real-vscode/setup.mjs';

const PRODUCT_VSIX = path.join(repoRoot, 'dist', 'tech-lead-coach.vsix');

function say(msg) {
  process.stderr.write(`[start] ${msg}\n`);
}

function fail(msg) {
  process.stderr.write(`[start] ERROR: ${msg}\n`);
  process.exit(1);
}

function runInherit(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', ...opts });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function buildVsix() {
  if (process.env.START_VSIX) {
    const vsix = path.resolve(process.env.START_VSIX);
    if (!existsSync(vsix)) fail(`START_VSIX=${vsix} does not exist`);
    return vsix;
  }
  say('building the extension: npm run package');
  runInherit('npm', ['run', 'package']);
  if (!existsSync(PRODUCT_VSIX)) fail(`npm run package succeeded but ${PRODUCT_VSIX} is missing`);
  return PRODUCT_VSIX;
}

async function startWithDesktopCode() {
  say('`code` found on PATH: running VS Code with this repo as the development extension');
  say('building the extension: npm run package');
  runInherit('npm', ['run', 'package']);
  const folder = path.resolve(process.env.START_FOLDER ?? repoRoot);
  const child = spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, folder], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function startWithCodeServer() {
  const { node24Bin, codeServerBin } = await ensureRealVsCode();
  const vsix = buildVsix();
  const userDataDir = path.join(vscodeTestDir, 'start-user-data');
  const extensionsDir = path.join(vscodeTestDir, 'start-extensions');
  const configFile = path.join(vscodeTestDir, 'start-config.yaml');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) {
    writeFileSync(
      settingsFile,
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'security.workspace.trust.enabled': false,
          'telemetry.telemetryLevel': 'off',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'update.mode': 'none',
        },
        null,
        2,
      ) + '\n',
    );
  }
  if (!existsSync(configFile)) writeFileSync(configFile, 'auth: none\ncert: false\n');

  const env = { ...process.env, PATH: `${path.dirname(node24Bin)}${path.delimiter}${process.env.PATH ?? ''}` };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k.startsWith('npm_')) delete env[k];

  const shown = path.relative(repoRoot, vsix).startsWith('..') ? vsix : path.relative(repoRoot, vsix);
  say(`installing ${shown} into ${path.relative(repoRoot, extensionsDir)}`);
  const base = [codeServerBin, '--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const inst = spawnSync(node24Bin, [...base, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
  const instOut = `${inst.stdout ?? ''}${inst.stderr ?? ''}`;
  if (inst.status !== 0 || !/successfully installed/.test(instOut)) fail(`installing ${vsix} failed (exit ${inst.status}):\n${instOut}`);

  const port = Number(process.env.PORT || 8080);
  const folder = path.resolve(process.env.START_FOLDER ?? repoRoot);
  const child = spawn(
    node24Bin,
    [
      ...base,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      folder,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let announced = false;
  const onOutput = (chunk) => {
    const text = chunk.toString();
    if (process.env.START_VERBOSE) process.stderr.write(text);
    if (!announced && /HTTP server listening on/.test(text)) {
      announced = true;
      say(
        `VS Code (code-server) is running. Open:\n\n    http://127.0.0.1:${port}/?folder=${encodeURI(folder)}\n\n[start] Ctrl-C to stop. Profile: ${path.relative(repoRoot, userDataDir)}`,
      );
    }
    if (/EADDRINUSE|address already in use/i.test(text)) say(`port ${port} is in use: set PORT to another one`);
    if (/\berror\b/i.test(text) && !process.env.START_VERBOSE) process.stderr.write(text);
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const stop = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  process.on('SIGINT', () => stop('SIGTERM'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  child.on('exit', (code, signal) => {
    stop('SIGKILL'); // extension host and helpers of the group
    if (!announced) say(`code-server exited before it was ready (${signal ?? `exit ${code}`}); START_VERBOSE=1 shows its output`);
    process.exit(signal === 'SIGTERM' ? 0 : (code ?? 0));
  });
}

const preferCodeServer = process.env.START_WITH === 'code-server';
try {
  if (!preferCodeServer && hasCommand('code')) await startWithDesktopCode();
  else await startWithCodeServer();
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
