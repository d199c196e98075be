import * as vscode from 'vscode';
import { todayKey } from '../../domain/dates';
import { toRescueJson } from '../../domain/exchange';
import { inert } from '../../domain/inertText';
import type { Services } from '../../services';

/**
 * Writes what this version could not read to a JSON file the lead chooses, in the import format:
 * the records kept aside on load (repair them, then Import Delegations reads them back), or a whole
 * tracker saved by a newer version (which that version can import).
 */
export async function exportKeptAside(services: Services): Promise<void> {
  const newer = services.team.newer;
  const kept = services.team.keptAside();
  const stored = newer && typeof newer.raw === 'object' && newer.raw !== null ? (newer.raw as Record<string, unknown>) : undefined;
  const rawList = stored?.['delegations'];
  const records: unknown[] = newer ? (Array.isArray(rawList) ? rawList : [newer.raw]) : kept.map((r) => r.raw);
  const problems = newer ? [`saved by a newer version of Tech Lead Coach (schema ${newer.schemaVersion})`] : kept.map((r, i) => `#${i + 1}: ${r.reason}`);
  if (records.length === 0) {
    void vscode.window.showInformationMessage('No stored delegations were kept aside: everything loaded.');
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  const target = await vscode.window.showSaveDialog({
    title: newer ? 'Export delegations saved by a newer version' : 'Export delegations kept aside',
    filters: { JSON: ['json'] },
    saveLabel: 'Export',
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, 'tech-lead-kept-aside.json') } : {}),
  });
  if (target) {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(toRescueJson(records, problems, todayKey(services.clock))));
    void vscode.window.showInformationMessage(
      inert(`Exported ${records.length} record${records.length === 1 ? '' : 's'} to ${target.fsPath}, in the format Import Delegations reads.`),
    );
  }
}
