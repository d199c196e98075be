import * as vscode from 'vscode';
import type { TeamFolder } from '../domain/team/storage/folder';
import { WorkspaceChunkFiles } from './chunkFiles';

/**
 * A folder that holds a whole team (see domain/team/storage/folder.ts), through `vscode.workspace.fs`.
 * The one step that must be atomic, `claim`, is a hard link where the extension host runs on Node
 * and the folder is on its disk: the file system refuses a name that is taken, whatever another
 * window does at the same moment. Elsewhere (the web worker host, a virtual file system, a disk
 * without hard links) it is a rename that does not overwrite, which VS Code checks and then does in
 * two steps: two windows claiming one name in the same few milliseconds could both succeed there.
 */
export class VscodeTeamFolder extends WorkspaceChunkFiles implements TeamFolder {
  /** The folder, as the lead chose it (or the global storage's `team` folder). */
  get location(): vscode.Uri {
    return this.folder;
  }

  async claim(from: string, to: string): Promise<boolean> {
    await this.makeFolder();
    const linked = await linkOnDisk(this.uri(from), this.uri(to));
    if (linked !== 'unsupported') {
      return linked;
    }
    try {
      await vscode.workspace.fs.rename(this.uri(from), this.uri(to), { overwrite: false });
      return true;
    } catch (error) {
      if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'FileExists') {
        return false;
      }
      throw error;
    }
  }
}

type FsPromises = typeof import('node:fs/promises');

/** Node's fs, where the extension host is Node (not in the web worker, which has no `process`). */
function nodeFs(): FsPromises | undefined {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof host?.getBuiltinModule === 'function' ? (host.getBuiltinModule('node:fs/promises') as FsPromises | undefined) : undefined;
}

/** Links `to` to `from`'s file, then removes `from`: false when `to` exists; 'unsupported' where there is no disk or no hard link. */
async function linkOnDisk(from: vscode.Uri, to: vscode.Uri): Promise<boolean | 'unsupported'> {
  const fs = from.scheme === 'file' ? nodeFs() : undefined;
  if (!fs) {
    return 'unsupported';
  }
  try {
    await fs.link(from.fsPath, to.fsPath);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST') {
      return false;
    }
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS' || code === 'EXDEV') {
      return 'unsupported';
    }
    throw error;
  }
  // The new name holds the index; the temporary one left behind is removed at a later load if this fails.
  await fs.unlink(from.fsPath).catch(() => undefined);
  return true;
}

/**
 * Calls `changed` when files in `folder` change: a file watcher (VS Code watches a folder outside the
 * workspace when asked with a RelativePattern on its URI), and a timer for the events a watcher
 * misses (a network drive, a sync tool, a host that does not watch): every second while the window
 * has focus, every 10 seconds while it does not.
 */
export function watchTeamFolder(folder: vscode.Uri, changed: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '*'));
  const subscriptions: vscode.Disposable[] = [
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete(changed),
  ];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = (): void => {
    changed();
    timer = setTimeout(tick, vscode.window.state.focused ? 1000 : 10_000);
  };
  timer = setTimeout(tick, 1000);
  subscriptions.push(
    vscode.window.onDidChangeWindowState((state) => (state.focused ? changed() : undefined)),
    { dispose: () => clearTimeout(timer) },
  );
  return vscode.Disposable.from(...subscriptions);
}
