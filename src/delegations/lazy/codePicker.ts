import * as vscode from 'vscode';
import { validateBranch, validateCodeLink, type CodeLink } from '../../domain/team/delegations';
import { folderPrefix, listCodeFolders, relativeCodePath, type CodeRoot } from '../../domain/team/codeFolders';
import { errorOf } from '../../domain/core/validation';
import { inert } from '../../domain/core/inertText';
import { showInputStep, showMultiPickStep, type StepResult } from '../../platform/multiStepInput';
import * as l10n from '../../domain/core/l10n';

interface CodeItem extends vscode.QuickPickItem {
  /** A path, or the item that asks for a branch. */
  readonly path?: string;
  readonly branch?: true;
}

/** The workspace's folders as the picker reads them: each with its prefix in a workspace of several. */
function workspaceRoots(): CodeRoot[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return folders.map((folder) => ({
    prefix: folderPrefix(folder.uri.path, folders.length),
    read: async (relative) => {
      const uri = relative === '' ? folder.uri : vscode.Uri.joinPath(folder.uri, relative);
      const entries = await vscode.workspace.fs.readDirectory(uri);
      return entries.map(([name, type]) => [name, (type & vscode.FileType.Directory) !== 0] as const);
    },
  }));
}

/** The code-link path of the file in the active editor, when it is in the workspace. */
export function activeEditorPath(): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  if (!uri || !folder || uri.scheme !== folder.uri.scheme) {
    return undefined;
  }
  return relativeCodePath(folder.uri.path, uri.path, folderPrefix(folder.uri.path, vscode.workspace.workspaceFolders?.length ?? 1));
}

export interface CodeLinkStep {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  /** The link held now: its paths and branch are checked. */
  readonly current?: CodeLink;
  /** A path to offer first, not checked (the file open in the editor, when logging): a lead logging unrelated work just presses Enter. */
  readonly offer?: string;
}

/**
 * "Where in the code?": the workspace's folders (two levels, read when the list opens), the offered
 * file and the paths of the link held now first (only the link's are checked), and "Branch…", which
 * asks for a branch name. Enter accepts what is checked; nothing checked, or Skip, is no link (undefined).
 */
export async function pickCodeLink(step: CodeLinkStep): Promise<StepResult<CodeLink | undefined>> {
  const held = step.current?.paths ?? [];
  const first = [...new Set([...(step.offer === undefined ? [] : [step.offer]), ...held])];
  const branchItem: CodeItem = step.current?.branch
    ? {
        label: `$(git-branch) ${l10n.t('Branch: {0}', inert(step.current.branch))}`,
        description: l10n.t('change it, or uncheck to remove it'),
        branch: true,
      }
    : { label: `$(git-branch) ${l10n.t('Branch…')}`, description: l10n.t('the branch the work is on'), branch: true };
  const pathItem = (path: string): CodeItem => ({
    label: `${path.endsWith('/') ? '$(folder)' : '$(file)'} ${inert(path)}`,
    ...(path === step.offer && !held.includes(path) ? { description: l10n.t('open in the editor') } : {}),
    path,
  });
  const items = listCodeFolders(workspaceRoots()).then((folders): CodeItem[] => [
    ...first.map(pathItem),
    branchItem,
    ...folders.filter((path) => !first.includes(path)).map(pathItem),
  ]);
  for (;;) {
    const chosen = await showMultiPickStep<CodeItem>({
      title: step.title,
      step: step.step,
      totalSteps: step.totalSteps,
      placeholder: l10n.t('Where in the code? (optional) Check folders or files, or press Enter with nothing checked to skip.'),
      skipTooltip: l10n.t('Skip: no code link'),
      items,
      selected: (all) =>
        all.filter((item) => (item.path !== undefined && held.includes(item.path)) || (item.branch && step.current?.branch)),
    });
    if (chosen.kind !== 'value') {
      return chosen;
    }
    const paths = chosen.value.flatMap((item) => (item.path === undefined ? [] : [item.path]));
    let branch: string | undefined;
    if (chosen.value.some((item) => item.branch)) {
      const typed = await showInputStep({
        title: step.title,
        step: step.step,
        totalSteps: step.totalSteps,
        prompt: l10n.t('The branch the work is on (leave empty for none)'),
        placeholder: l10n.t('e.g. feature/retry-queue'),
        value: step.current?.branch ?? '',
        validate: (value) => (value.trim() === '' ? undefined : errorOf(validateBranch(value.trim()))),
      });
      if (typed.kind === 'cancel') {
        return typed;
      }
      if (typed.kind === 'back') {
        continue; // back to the list
      }
      branch = typed.value.trim() === '' ? undefined : typed.value.trim();
    }
    const link = validateCodeLink({ paths, ...(branch === undefined ? {} : { branch }) });
    if (link.ok) {
      return { kind: 'value', value: link.value };
    }
    void vscode.window.showWarningMessage(inert(link.error));
  }
}
