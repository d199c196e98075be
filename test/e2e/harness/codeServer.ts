import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { realVsCode, type RealVsCodePaths } from './paths';

export interface StartCodeServerOptions {
  /** .vsix files to install (fresh extensions dir each start), e.g. dist/tech-lead-coach.vsix. */
  vsixPaths: string[];
  /** Folder opened in the workbench (created when missing). */
  workspaceDir: string;
  /** Extra environment for code-server; it reaches the extension host's process.env. */
  env?: Record<string, string>;
  /** Merged over the default user settings written to <userDataDir>/User/settings.json. */
  userSettings?: object;
  /** Port to bind on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** Max wait for the server to answer, default 60 s. */
  startTimeoutMs?: number;
  /**
   * Reuse this folder for user data and extensions (created when missing) and keep it on stop:
   * a second start with the same folder sees the first one's workspace state, as after a restart.
   */
  stateDir?: string;
}

export interface CodeServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  workspaceDir: string;
  /** Text of the newest <userDataDir>/logs/<time>/exthost<N>/remoteexthost.log ('' when none yet). */
  exthostLog(): Promise<string>;
  /** Every remoteexthost.log so far, oldest first (one per extension host, so one more after each reload). */
  exthostLogs(): Promise<Array<{ file: string; text: string }>>;
  /** What code-server printed on stdout/stderr so far (last ~200 kB). */
  output(): string;
  /** False once the code-server process has exited. */
  running(): boolean;
  /** Kills the code-server process group; removes the temp dirs unless KEEP_E2E_DIRS is set. Idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_USER_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  // No walkthrough opening after an install through the UI; the walkthrough journey turns it on.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'extensions.ignoreRecommendations': true,
  // VS Code 1.139 opens a Chat panel in the secondary side bar by default: keep screenshots clean.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('freePort: no port assigned'))));
    });
  });
}

/** Environment for code-server: ours, minus anything that would make it talk to another VS Code. */
function serverEnv(paths: RealVsCodePaths, extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    // VSCODE_IPC_HOOK_CLI etc. (set in a VS Code terminal) make code-server forward to that instance.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key.startsWith('npm_')) delete env[key];
  }
  env['PATH'] = `${path.dirname(paths.node24Bin)}${path.delimiter}${process.env['PATH'] ?? ''}`;
  return { ...env, ...(extra ?? {}) };
}

function runToEnd(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${timeoutMs} ms: ${cmd} ${args.join(' ')}\n${out}`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

export interface InstallVsixOptions {
  userDataDir: string;
  extensionsDir: string;
  /** code-server config file (else it writes ~/.config/code-server/config.yaml). */
  configFile?: string;
  env?: NodeJS.ProcessEnv;
  /** Reinstall even when the same version is installed. */
  force?: boolean;
}

/** Installs .vsix files the way users do (`code-server --install-extension`); throws unless each one installed. */
export async function installVsix(vsixPaths: string[], opts: InstallVsixOptions): Promise<void> {
  if (vsixPaths.length === 0) return;
  const paths = await realVsCode();
  const args = [paths.codeServerBin, '--user-data-dir', opts.userDataDir, '--extensions-dir', opts.extensionsDir];
  if (opts.configFile !== undefined) args.push('--config', opts.configFile);
  for (const vsix of vsixPaths) {
    const abs = path.resolve(vsix);
    if (!fs.existsSync(abs)) throw new Error(`installVsix: ${abs} does not exist (build it first, e.g. \`npm run package\`)`);
    args.push('--install-extension', abs);
  }
  if (opts.force) args.push('--force');
  const { code, out } = await runToEnd(paths.node24Bin, args, opts.env ?? serverEnv(paths, undefined), 120_000);
  const installed = (out.match(/was successfully installed/g) ?? []).length;
  if (code !== 0 || installed < vsixPaths.length) {
    throw new Error(`code-server --install-extension failed (exit ${code}, ${installed}/${vsixPaths.length} installed):\n${out}`);
  }
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves when `p` settles or after `ms`, whichever comes first, without keeping the process alive. */
function settleWithin(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void p.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

async function listExthostLogs(userDataDir: string): Promise<Array<{ file: string; mtimeMs: number }>> {
  const logsRoot = path.join(userDataDir, 'logs');
  const found: Array<{ file: string; mtimeMs: number }> = [];
  let sessions: string[];
  try {
    sessions = await fs.promises.readdir(logsRoot);
  } catch {
    return found;
  }
  for (const session of sessions) {
    let entries: string[];
    try {
      entries = await fs.promises.readdir(path.join(logsRoot, session));
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.startsWith('exthost')) continue;
      const file = path.join(logsRoot, session, entry, 'remoteexthost.log');
      try {
        const st = await fs.promises.stat(file);
        found.push({ file, mtimeMs: st.mtimeMs });
      } catch {
        // not written yet
      }
    }
  }
  // Oldest first: by session folder name (a timestamp), then by exthost number.
  const num = (f: string): number => Number(/exthost(\d+)/.exec(f)?.[1] ?? 0);
  found.sort((a, b) => {
    const sa = path.basename(path.dirname(path.dirname(a.file)));
    const sb = path.basename(path.dirname(path.dirname(b.file)));
    return sa === sb ? num(a.file) - num(b.file) : sa < sb ? -1 : 1;
  });
  return found;
}

/**
 * Starts code-server (VS Code for the browser) with fresh temp user-data and extensions dirs, the
 * given .vsix files installed, on 127.0.0.1. Resolves when the server answers HTTP. Open a window
 * with openWorkbench(): the extension host only starts when a browser window connects.
 */
export async function startCodeServer(opts: StartCodeServerOptions): Promise<CodeServer> {
  const paths = await realVsCode();
  const base = opts.stateDir ?? (await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tlc-code-server-')));
  const reused = opts.stateDir !== undefined && fs.existsSync(path.join(base, 'extensions'));
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  const workspaceDir = path.resolve(opts.workspaceDir);
  await fs.promises.mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await fs.promises.mkdir(extensionsDir, { recursive: true });
  await fs.promises.mkdir(workspaceDir, { recursive: true });
  const settings = { ...DEFAULT_USER_SETTINGS, ...(opts.userSettings ?? {}) };
  await fs.promises.writeFile(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  // Own config file so code-server neither reads nor writes ~/.config/code-server/config.yaml.
  const configFile = path.join(base, 'config.yaml');
  await fs.promises.writeFile(configFile, 'auth: none\ncert: false\n');

  let removed = false;
  const removeDirs = async (): Promise<void> => {
    if (removed || process.env['KEEP_E2E_DIRS'] || opts.stateDir !== undefined) return;
    removed = true;
    await fs.promises.rm(base, { recursive: true, force: true, maxRetries: 3 });
  };

  const env = serverEnv(paths, opts.env);
  let child: ChildProcess | undefined;
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let exitPromise: Promise<void> = Promise.resolve();
  try {
    await installVsix(opts.vsixPaths, { userDataDir, extensionsDir, configFile, env, force: reused });

    const port = opts.port ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const args = [
      paths.codeServerBin,
      '--config',
      configFile,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      workspaceDir,
    ];
    const spawned = spawn(paths.node24Bin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child = spawned;
    let out = '';
    const keep = (d: Buffer): void => {
      out += d.toString();
      if (out.length > 200_000) out = out.slice(-150_000);
    };
    spawned.stdout?.on('data', keep);
    spawned.stderr?.on('data', keep);
    exitPromise = new Promise<void>((resolve) => {
      spawned.on('exit', (code, signal) => {
        exited = { code, signal };
        resolve();
      });
    });
    spawned.on('error', (err) => {
      keep(Buffer.from(`\n[spawn error] ${err.message}\n`));
    });

    const startTimeout = opts.startTimeoutMs ?? 60_000;
    const deadline = Date.now() + startTimeout;
    for (;;) {
      if (exited)
        throw new Error(`code-server exited during start-up (code ${exited.code}, signal ${exited.signal}):\n${out.slice(-4000)}`);
      const status = await httpStatus(`${url}/healthz`);
      if (status !== undefined && status < 500) break;
      if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within ${startTimeout} ms:\n${out.slice(-4000)}`);
      await sleep(200);
    }

    let stopped = false;
    const server: CodeServer = {
      url,
      port,
      userDataDir,
      extensionsDir,
      workspaceDir,
      output: () => out,
      running: () => exited === undefined,
      async exthostLogs() {
        const logs = await listExthostLogs(userDataDir);
        return Promise.all(logs.map(async (l) => ({ file: l.file, text: await fs.promises.readFile(l.file, 'utf8').catch(() => '') })));
      },
      async exthostLog() {
        const logs = await listExthostLogs(userDataDir);
        let newest: { file: string; mtimeMs: number } | undefined;
        for (const l of logs) if (!newest || l.mtimeMs >= newest.mtimeMs) newest = l;
        return newest ? fs.promises.readFile(newest.file, 'utf8').catch(() => '') : '';
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await killGroup(spawned, exitPromise, () => exited !== undefined);
        await removeDirs();
      },
    };
    return server;
  } catch (err) {
    if (child) await killGroup(child, exitPromise, () => exited !== undefined);
    await removeDirs();
    throw err;
  }
}

async function killGroup(child: ChildProcess, exitPromise: Promise<void>, hasExited: () => boolean): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pid, sig); // the whole process group: server, extension host, pty host, watchers
    } catch {
      try {
        child.kill(sig);
      } catch {
        // already gone
      }
    }
  };
  if (!hasExited()) {
    signal('SIGTERM');
    await settleWithin(exitPromise, 5000);
  }
  // Children of the group (extension host etc.) may outlive the server: make sure they are gone.
  signal('SIGKILL');
}
