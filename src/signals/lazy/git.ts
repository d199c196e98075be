/**
 * Running git: the executable VS Code's Git extension uses (its API's `git.path`), else `git` on
 * the PATH; never a shell, never a pager or a prompt. Output is handed on as it arrives.
 */
import { spawn } from 'node:child_process';
import * as vscode from 'vscode';

/** The part of the built-in Git extension's API read here. */
interface GitExtension {
  getAPI(version: 1): { readonly git: { readonly path: string } };
}

/** The git executable to run. */
export async function findGit(log: vscode.LogOutputChannel): Promise<string> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (extension !== undefined) {
    try {
      const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
      if (typeof api.git.path === 'string' && api.git.path.length > 0) {
        return api.git.path;
      }
    } catch (error) {
      log.info(
        `The Git extension's API is not available (${error instanceof Error ? error.message : String(error)}); using git from the PATH`,
      );
    }
  }
  return 'git';
}

export interface GitResult {
  /** The exit code; null when git could not be started or was killed. */
  readonly code: number | null;
  readonly stderr: string;
  /** git itself could not be started (not installed, not on the PATH). */
  readonly missing: boolean;
}

const ENV = {
  // Never wait for a password or open an editor; take no lock a running git of the user's would meet.
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_PAGER: 'cat',
};

/** Runs git in `cwd`, giving each piece of stdout to `onData` as it arrives. */
export function runGit(git: string, cwd: string, args: readonly string[], onData: (chunk: Buffer) => void): Promise<GitResult> {
  return new Promise((resolve) => {
    let stderr = '';
    let settled = false;
    const done = (result: GitResult): void => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    const child = spawn(git, args, {
      cwd,
      env: { ...process.env, ...ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
      windowsHide: true,
    });
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) {
        stderr += chunk.toString('utf8');
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => done({ code: null, stderr: error.message, missing: error.code === 'ENOENT' }));
    child.on('close', (code) => done({ code, stderr, missing: false }));
  });
}

/** Runs git for a short answer (one line): its stdout trimmed, or undefined on failure. */
export async function gitLine(git: string, cwd: string, args: readonly string[]): Promise<{ text?: string; result: GitResult }> {
  const chunks: Buffer[] = [];
  const result = await runGit(git, cwd, args, (chunk) => chunks.push(chunk));
  return result.code === 0 ? { text: Buffer.concat(chunks).toString('utf8').trim(), result } : { result };
}
