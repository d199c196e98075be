import * as vscode from 'vscode';

/**
 * A UTF-8 text file, read through vscode.workspace.fs, which works in every extension host (the
 * web worker's too): the extension's own files (lessons, nudges, styles).
 */
export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}
