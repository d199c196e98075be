import * as vscode from 'vscode';
import { describeUndoLeft, type Undoable } from '../domain/team/store';
import { inert } from '../domain/core/inertText';
import { runInBackground } from './commands';
import type { Services } from '../services';
import * as l10n from '../domain/core/l10n';

export interface ExtraAction {
  readonly label: string;
  run(): PromiseLike<unknown>;
}

/**
 * A confirmation with an Undo button. Undo applies the inverse of that one change, only where
 * nothing changed since, and says what it had to leave. The message goes through `inert`, since it
 * quotes tasks and names.
 */
export function confirmWithUndo(services: Services, message: string, undoable: Undoable, actions: readonly ExtraAction[] = []): void {
  const undo = l10n.t('Undo');
  runInBackground(services.log, undo, async () => {
    const choice = await vscode.window.showInformationMessage(inert(message), ...actions.map((a) => a.label), undo);
    if (choice === undo) {
      const left = describeUndoLeft(await services.team.undo(undoable));
      if (left !== undefined) {
        await vscode.window.showWarningMessage(inert(left));
      }
      return;
    }
    await actions.find((a) => a.label === choice)?.run();
  });
}
