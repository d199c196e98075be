import * as vscode from 'vscode';
import { inert } from '../domain/core/inertText';
import { runInBackground } from './commands';
import * as l10n from '../domain/core/l10n';

export interface ExtraAction {
  readonly label: string;
  run(): PromiseLike<unknown>;
}

/**
 * A confirmation with an Undo button. `undo` applies the inverse of that one change and returns
 * what it had to leave, in one sentence (undefined when it put everything back), which is then
 * shown. The message goes through `inert`, since it quotes tasks and names.
 */
export function confirmWithUndo(
  log: vscode.LogOutputChannel,
  message: string,
  undo: () => PromiseLike<string | undefined>,
  actions: readonly ExtraAction[] = [],
): void {
  const label = l10n.t('Undo');
  runInBackground(log, label, async () => {
    const choice = await vscode.window.showInformationMessage(inert(message), ...actions.map((a) => a.label), label);
    if (choice === label) {
      const left = await undo();
      if (left !== undefined) {
        await vscode.window.showWarningMessage(inert(left));
      }
      return;
    }
    await actions.find((a) => a.label === choice)?.run();
  });
}
