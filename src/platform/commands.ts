import * as vscode from 'vscode';
import { UserFacingError } from '../domain/core/errors';
import { inert } from '../domain/core/inertText';
import * as l10n from '../domain/core/l10n';

/**
 * Shows a failure once, in words, and logs it with its stack. A refusal the domain explains
 * (read-only data, a limit, a write that storage refused) is shown as it is; anything else is a bug:
 * the user is told what failed and where the details are.
 */
export function reportFailure(log: vscode.LogOutputChannel, what: string, error: unknown): void {
  if (error instanceof UserFacingError) {
    log.warn(`${what}: ${error.message}`);
    const show = error.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    show(inert(l10n.t('{0}: {1}', what, error.message))).then(undefined, (e: unknown) => log.error('Could not show a message', e));
    return;
  }
  log.error(`${what} failed`, error);
  const detail = error instanceof Error ? error.message : String(error);
  vscode.window
    .showErrorMessage(
      inert(l10n.t('Tech Lead Coach: {0} failed ({1}). Details are in the "Tech Lead Coach" log.', what, detail)),
      l10n.t('Open Log'),
    )
    .then(
      (choice) => (choice ? log.show(true) : undefined),
      (e: unknown) => log.error('Could not show a message', e),
    );
}

/**
 * Registers a command whose failures are never lost: each is logged and shown (see reportFailure).
 * The handler's result is returned to a caller that runs the command programmatically.
 */
export function registerCommand(
  log: vscode.LogOutputChannel,
  id: string,
  title: string,
  handler: (...args: unknown[]) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      reportFailure(log, title, error);
      return undefined;
    }
  });
}

/**
 * Registers each old id of a renamed command (`aliases`: old id → new id) to run the new command
 * with the same arguments, so keybindings and scripts that name the old id keep working.
 */
export function registerCommandAliases(aliases: Readonly<Record<string, string>>): vscode.Disposable[] {
  return Object.entries(aliases).map(([old, id]) =>
    vscode.commands.registerCommand(old, (...args: unknown[]) => vscode.commands.executeCommand(id, ...args)),
  );
}

/** Starts work nobody awaits (a notification's buttons, a refresh), logging and showing any failure. */
export function runInBackground(log: vscode.LogOutputChannel, what: string, task: () => PromiseLike<unknown>): void {
  Promise.resolve()
    .then(task)
    .then(undefined, (error: unknown) => reportFailure(log, what, error));
}
