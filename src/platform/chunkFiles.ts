import * as vscode from 'vscode';
import type { ChunkFiles } from '../domain/team/storage/files';

/** The tracker's chunk files: the `team` folder of the workspace storage (`context.storageUri`). */
export function trackerChunkFiles(storageUri: vscode.Uri): WorkspaceChunkFiles {
  return new WorkspaceChunkFiles(vscode.Uri.joinPath(storageUri, 'team'));
}

/**
 * The tracker's chunk files in one folder of the extension's workspace storage, through
 * `vscode.workspace.fs` (which every extension host has, the web worker's too). The folder is
 * created on the first write; a name that is not there reads as undefined and lists as nothing.
 */
export class WorkspaceChunkFiles implements ChunkFiles {
  private folderMade: Promise<void> | undefined;

  constructor(protected readonly folder: vscode.Uri) {}

  async read(name: string): Promise<string | undefined> {
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(this.uri(name)));
    } catch (error) {
      if (isNotFound(error)) {
        return undefined;
      }
      throw error;
    }
  }

  async write(name: string, text: string): Promise<void> {
    await this.makeFolder();
    await vscode.workspace.fs.writeFile(this.uri(name), new TextEncoder().encode(text));
  }

  async remove(name: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.uri(name), { useTrash: false });
    } catch (error) {
      if (!isNotFound(error)) {
        throw error;
      }
    }
  }

  async list(): Promise<string[]> {
    try {
      return (await vscode.workspace.fs.readDirectory(this.folder))
        .filter(([, type]) => type === vscode.FileType.File)
        .map(([name]) => name);
    } catch (error) {
      if (isNotFound(error)) {
        return [];
      }
      throw error;
    }
  }

  protected uri(name: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, name);
  }

  /** Once per session (again after a failure); createDirectory makes missing parents and accepts a folder already there. */
  protected makeFolder(): Promise<void> {
    this.folderMade ??= Promise.resolve(vscode.workspace.fs.createDirectory(this.folder)).catch((error: unknown) => {
      this.folderMade = undefined;
      throw error;
    });
    return this.folderMade;
  }
}

/** A missing file or folder: workspace.fs rejects with a FileSystemError whose code says so (checked by code, as hosts differ in the class they throw). */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'FileNotFound';
}
