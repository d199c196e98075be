/**
 * Git, where the extension host is Node and git is installed (not in the web worker host): run in a
 * folder, with a time limit. Undefined when git cannot be run at all.
 */
type ChildProcess = typeof import('node:child_process');

function childProcess(): ChildProcess | undefined {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof host?.getBuiltinModule === 'function'
    ? (host.getBuiltinModule('node:child_process') as ChildProcess | undefined)
    : undefined;
}

export interface GitRun {
  /** The exit code (0: success). */
  readonly code: number;
  readonly stdout: string;
}

export function runGit(args: readonly string[], cwd: string): Promise<GitRun | undefined> {
  const cp = childProcess();
  if (!cp) {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    cp.execFile('git', [...args], { cwd, timeout: 5000, windowsHide: true }, (error, stdout) => {
      const code = error === null ? 0 : (error as { code?: unknown }).code;
      resolve(typeof code === 'number' ? { code, stdout: String(stdout) } : undefined);
    });
  });
}

/** The top folder of the git repository `folder` is in; null when it is in none; undefined when git cannot be run. */
export async function gitTopLevel(folder: string): Promise<string | null | undefined> {
  const run = await runGit(['rev-parse', '--show-toplevel'], folder);
  return run === undefined ? undefined : run.code === 0 ? run.stdout.trim() : null;
}

/** Whether git ignores `path` in the repository at `top` (a tracked file is not ignored); undefined when git cannot say. */
export async function gitIgnores(top: string, path: string): Promise<boolean | undefined> {
  const run = await runGit(['check-ignore', '-q', path], top);
  return run === undefined || run.code > 1 ? undefined : run.code === 0;
}
