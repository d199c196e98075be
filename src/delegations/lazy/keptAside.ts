import * as vscode from 'vscode';
import { todayKey } from '../../domain/core/dates';
import { toRescueJson, type RescuedRecord } from '../../domain/team/exchange';
import { inert } from '../../domain/core/inertText';
import type { Services } from '../../services';
import * as l10n from '../../domain/core/l10n';

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
  const newerReason = newer ? l10n.t('saved by a newer version of Tech Lead Coach (schema {0})', newer.schemaVersion) : '';
  const records: RescuedRecord[] = newer
    ? (Array.isArray(rawList) ? (rawList as unknown[]) : [newer.raw]).map((raw) => ({ raw, reason: newerReason }))
    : kept;
  if (records.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('No stored delegations were kept aside: everything loaded.'));
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  const target = await vscode.window.showSaveDialog({
    title: newer ? l10n.t('Export delegations saved by a newer version') : l10n.t('Export delegations kept aside'),
    filters: { [l10n.t('JSON')]: ['json'] },
    saveLabel: l10n.t('Export'),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, 'tech-lead-kept-aside.json') } : {}),
  });
  if (target) {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(toRescueJson(records, todayKey(services.clock))));
    void vscode.window.showInformationMessage(
      inert(
        records.length === 1
          ? l10n.t('Exported 1 record to {0}, in the format Import Delegations reads.', target.fsPath)
          : l10n.t('Exported {0} records to {1}, in the format Import Delegations reads.', records.length, target.fsPath),
      ),
    );
  }
}
