import * as vscode from 'vscode';
import { todayKey } from '../../domain/core/dates';
import { IMPORT_MAX_BYTES, parseImport, toExportJson, toMarkdown } from '../../domain/team/exchange';
import { inert } from '../../domain/core/inertText';
import type { Services } from '../../services';
import { describeImport } from '../../domain/team/store/import';
import { confirmTeamChange } from '../../teamUndo';
import { Slices } from '../../domain/core/slices';
import * as l10n from '../../domain/core/l10n';

function defaultFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** "Export Team Data": the whole team, as a readable Markdown report per person, or the full data as JSON. */
export async function exportTeamData(services: Services): Promise<void> {
  const format = await vscode.window.showQuickPick(
    [
      { label: l10n.t('Markdown'), description: l10n.t('A readable section per person'), ext: 'md' },
      { label: l10n.t('JSON'), description: l10n.t('The full data, versioned; Import Team Data reads it back'), ext: 'json' },
    ],
    { title: l10n.t('Export Team Data'), placeHolder: l10n.t('Export as…') },
  );
  if (!format) {
    return;
  }
  const folder = defaultFolder();
  const target = await vscode.window.showSaveDialog({
    title: l10n.t('Export Team Data'),
    saveLabel: l10n.t('Export'),
    filters: format.ext === 'md' ? { [l10n.t('Markdown')]: ['md'] } : { [l10n.t('JSON')]: ['json'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `team-data.${format.ext}`) } : {}),
  });
  if (!target) {
    return;
  }
  const today = todayKey(services.clock);
  const data = services.team.snapshot();
  const includeNotes = services.settings().exportPrivateNotes;
  const text = format.ext === 'md' ? toMarkdown(data, today, { includeNotes }) : toExportJson(data, today, { includeNotes });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const people = data.people.length === 1 ? l10n.t('1 person') : l10n.t('{0} people', data.people.length);
  const delegations = data.delegations.length === 1 ? l10n.t('1 delegation') : l10n.t('{0} delegations', data.delegations.length);
  const meetings = data.oneOnOnes.length === 1 ? l10n.t('1 1:1') : l10n.t('{0} 1:1s', data.oneOnOnes.length);
  const message = !data.oneOnOnes.some((m) => m.notes !== undefined)
    ? l10n.t('Exported {0}, {1}, {2} to {3}.', people, delegations, meetings, target.fsPath)
    : includeNotes
      ? l10n.t('Exported {0}, {1}, {2} to {3}. 1:1 notes included.', people, delegations, meetings, target.fsPath)
      : l10n.t(
          'Exported {0}, {1}, {2} to {3}. 1:1 notes left out (techLead.export.includePrivateNotes).',
          people,
          delegations,
          meetings,
          target.fsPath,
        );
  void vscode.window.showInformationMessage(inert(message));
}

function asUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) {
    return arg;
  }
  return typeof arg === 'string' && arg.length > 0 ? vscode.Uri.file(arg) : undefined;
}

/**
 * "Import Team Data": reads a JSON export (people, delegations, 1:1s, feedback) and merges it by id. A file that is not valid changes
 * nothing and says why. The confirmation offers Undo.
 */
export async function importTeamData(services: Services, arg: unknown): Promise<void> {
  let source = asUri(arg);
  if (!source) {
    const folder = defaultFolder();
    const picked = await vscode.window.showOpenDialog({
      title: l10n.t('Import Team Data'),
      openLabel: l10n.t('Import'),
      canSelectMany: false,
      filters: { [l10n.t('JSON')]: ['json'] },
      ...(folder ? { defaultUri: folder } : {}),
    });
    source = picked?.[0];
  }
  if (!source) {
    return;
  }
  let text: string;
  try {
    const stat = await vscode.workspace.fs.stat(source);
    if (stat.size > IMPORT_MAX_BYTES) {
      void vscode.window.showErrorMessage(
        l10n.t('Import Team Data: nothing was imported. The file is larger than {0} MB.', IMPORT_MAX_BYTES / 1024 / 1024),
      );
      return;
    }
    text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(source));
  } catch (error) {
    void vscode.window.showErrorMessage(
      inert(
        l10n.t(
          'Import Team Data: nothing was imported. The file could not be read ({0}).',
          error instanceof Error ? error.message : String(error),
        ),
      ),
    );
    return;
  }
  const parsed = await parseImport(text, todayKey(services.clock), new Slices());
  if (!parsed.ok) {
    // The reason may quote the file: it goes through inert like any other user text.
    void vscode.window.showErrorMessage(inert(l10n.t('Import Team Data: {0}', parsed.error)));
    return;
  }
  const result =
    parsed.version === 1
      ? await services.team.importLegacy(parsed.delegations)
      : await services.team.importMerge(parsed.data, { keepNotes: parsed.notesLeftOut });
  const summary = l10n.t('Imported from {0}: {1}.', source.fsPath.split(/[\\/]/).pop() ?? l10n.t('the file'), describeImport(result));
  if (result.added + result.updated === 0) {
    void vscode.window.showInformationMessage(inert(summary));
    return;
  }
  confirmTeamChange(services, summary, result.undo);
}
