import * as vscode from 'vscode';
import { todayKey } from '../../domain/dates';
import { IMPORT_MAX_BYTES, parseImport, toExportJson, toMarkdown } from '../../domain/exchange';
import { inert } from '../../domain/inertText';
import type { Services } from '../../services';
import { describeImport } from '../../domain/teamStore';
import { confirmWithUndo } from '../../platform/undo';

function defaultFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** "Export Delegations": a readable Markdown report per person, or the full data as JSON. */
export async function exportDelegations(services: Services): Promise<void> {
  const format = await vscode.window.showQuickPick(
    [
      { label: 'Markdown', description: 'A readable section per person', ext: 'md' },
      { label: 'JSON', description: 'The full data, versioned; Import Delegations reads it back', ext: 'json' },
    ],
    { title: 'Export Delegations', placeHolder: 'Export as…' },
  );
  if (!format) {
    return;
  }
  const folder = defaultFolder();
  const target = await vscode.window.showSaveDialog({
    title: 'Export Delegations',
    saveLabel: 'Export',
    filters: format.ext === 'md' ? { Markdown: ['md'] } : { JSON: ['json'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `delegations.${format.ext}`) } : {}),
  });
  if (!target) {
    return;
  }
  const today = todayKey(services.clock);
  const data = services.team.snapshot();
  const includeNotes = services.settings().exportPrivateNotes;
  const text = format.ext === 'md' ? toMarkdown(data, today, { includeNotes }) : toExportJson(data, today, { includeNotes });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const counts = `${data.people.length} ${data.people.length === 1 ? 'person' : 'people'}, ${data.delegations.length} delegation${data.delegations.length === 1 ? '' : 's'}, ${data.oneOnOnes.length} 1:1${data.oneOnOnes.length === 1 ? '' : 's'}`;
  const notes = data.oneOnOnes.some((m) => m.notes !== undefined) ? (includeNotes ? ' 1:1 notes included.' : ' 1:1 notes left out (techLead.export.includePrivateNotes).') : '';
  void vscode.window.showInformationMessage(inert(`Exported ${counts} to ${target.fsPath}.${notes}`));
}

function asUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) {
    return arg;
  }
  return typeof arg === 'string' && arg.length > 0 ? vscode.Uri.file(arg) : undefined;
}

/**
 * "Import Delegations": reads a JSON export and merges it by id. A file that is not valid changes
 * nothing and says why. The confirmation offers Undo.
 */
export async function importDelegations(services: Services, arg: unknown): Promise<void> {
  let source = asUri(arg);
  if (!source) {
    const folder = defaultFolder();
    const picked = await vscode.window.showOpenDialog({
      title: 'Import Delegations',
      openLabel: 'Import',
      canSelectMany: false,
      filters: { JSON: ['json'] },
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
      void vscode.window.showErrorMessage(`Import Delegations: nothing was imported. The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`);
      return;
    }
    text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(source));
  } catch (error) {
    void vscode.window.showErrorMessage(inert(`Import Delegations: nothing was imported. The file could not be read (${error instanceof Error ? error.message : String(error)}).`));
    return;
  }
  const parsed = parseImport(text, todayKey(services.clock));
  if (!parsed.ok) {
    // The reason may quote the file: it goes through inert like any other user text.
    void vscode.window.showErrorMessage(inert(`Import Delegations: ${parsed.error}`));
    return;
  }
  const result = parsed.version === 1 ? await services.team.importLegacy(parsed.delegations) : await services.team.importMerge(parsed.data, { keepNotes: parsed.notesLeftOut });
  const summary = `Imported from ${source.fsPath.split(/[\\/]/).pop() ?? 'the file'}: ${describeImport(result)}.`;
  if (result.added + result.updated === 0) {
    void vscode.window.showInformationMessage(inert(summary));
    return;
  }
  confirmWithUndo(services, summary, result.undo);
}
