import * as vscode from 'vscode';
import { StorageKeys } from '../../ids';
import type { Services } from '../../services';

/** Writes the records kept aside on load to a JSON file the lead chooses, so they can be repaired. */
export async function exportKeptAside(services: Services): Promise<void> {
  const records = services.delegations.keptAside();
  if (records.length === 0) {
    void vscode.window.showInformationMessage('No stored delegations were kept aside: everything loaded.');
    return;
  }
  const target = await vscode.window.showSaveDialog({
    title: 'Export delegations kept aside',
    filters: { JSON: ['json'] },
    saveLabel: 'Export',
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'tech-lead-kept-aside.json') } : {}),
  });
  if (target) {
    const content = JSON.stringify({ storageKey: StorageKeys.workspace.keptAside, records }, null, 2);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    void vscode.window.showInformationMessage(`Exported ${records.length} kept-aside record${records.length === 1 ? '' : 's'} to ${target.fsPath}.`);
  }
}
