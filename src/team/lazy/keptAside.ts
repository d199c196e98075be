import * as vscode from 'vscode';
import { todayKey } from '../../domain/core/dates';
import { toExportJson, toRescueJson, type RescuedRecord } from '../../domain/team/exchange';
import { inert } from '../../domain/core/inertText';
import type { Services } from '../../services';
import * as l10n from '../../domain/core/l10n';

/**
 * Writes what this version could not read to a JSON file the lead chooses, in the import format:
 * the records kept aside on load (repair them, then Import Team Data reads them back), or a whole
 * tracker saved by a newer version (which that version can import).
 */
export async function exportTeamDataKeptAside(services: Services): Promise<void> {
  const newer = services.team.newer;
  const kept = services.team.keptAside();
  const stored = newer && typeof newer.raw === 'object' && newer.raw !== null ? (newer.raw as Record<string, unknown>) : undefined;
  const rawList = stored?.['delegations'];
  const newerReason = newer ? l10n.t('saved by a newer version of Tech Lead Coach (schema {0})', newer.schemaVersion) : '';
  const records: RescuedRecord[] = newer
    ? (Array.isArray(rawList) ? (rawList as unknown[]) : [newer.raw]).map((raw) => ({ raw, reason: newerReason }))
    : kept;
  if (records.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('No stored records were kept aside: everything loaded.'));
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  const target = await vscode.window.showSaveDialog({
    title: newer ? l10n.t('Export team data saved by a newer version') : l10n.t('Export team data kept aside'),
    filters: { [l10n.t('JSON')]: ['json'] },
    saveLabel: l10n.t('Export'),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, 'tech-lead-kept-aside.json') } : {}),
  });
  if (target) {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(toRescueJson(records, todayKey(services.clock))));
    void vscode.window.showInformationMessage(
      inert(
        records.length === 1
          ? l10n.t('Exported 1 record to {0}, in the format Import Team Data reads.', target.fsPath)
          : l10n.t('Exported {0} records to {1}, in the format Import Team Data reads.', records.length, target.fsPath),
      ),
    );
  }
}

/**
 * Writes what the chunk files of other teams in this workspace's storage folder hold (another
 * window's, or a team whose workspace state was lost) to a JSON file the lead chooses, in the
 * import format: Import reads it into this team if they want it. Nothing in storage changes.
 */
export async function exportForeignData(services: Services): Promise<void> {
  const found = await services.team.readForeign();
  if (found.files === 0) {
    void vscode.window.showInformationMessage(l10n.t("This workspace's storage holds no team data but this team's."));
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  const target = await vscode.window.showSaveDialog({
    title: l10n.t('Export team data found in storage'),
    filters: { [l10n.t('JSON')]: ['json'] },
    saveLabel: l10n.t('Export'),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, 'tech-lead-found-in-storage.json') } : {}),
  });
  if (!target) {
    return;
  }
  const today = todayKey(services.clock);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(toExportJson(found.data, today, { includeNotes: true })));
  const records = found.data.delegations.length + found.data.oneOnOnes.length + found.data.feedback.length;
  void vscode.window.showInformationMessage(
    inert(
      records === 1
        ? l10n.t(
            'Exported 1 record to {0}. Import it to add it to this team; people this team does not know are named "Person 1 from other data" and so on, to rename.',
            target.fsPath,
          )
        : l10n.t(
            'Exported {0} records to {1}. Import them to add them to this team; people this team does not know are named "Person 1 from other data" and so on, to rename.',
            records,
            target.fsPath,
          ),
    ),
  );
}
