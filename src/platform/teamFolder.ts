import * as vscode from 'vscode';
import type { TeamFolder } from '../domain/team/storage/folder';
import { WorkspaceChunkFiles } from './chunkFiles';
import { linkExclusive } from './diskLink';

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

/** Links `to` to `from`'s file where the URI is on a disk the Node host can reach (see diskLink.ts). */
function linkOnDisk(from: vscode.Uri, to: vscode.Uri): Promise<boolean | 'unsupported'> {
  return from.scheme === 'file' ? linkExclusive(from.fsPath, to.fsPath) : Promise.resolve('unsupported');
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
