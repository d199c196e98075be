import * as vscode from 'vscode';
import { inert } from '../domain/inertText';

/**
 * Wraps a webview's message handler: anything that is not one of the page's protocol messages is
 * logged and dropped; a handler that fails shows the reason instead of failing silently.
 */
export function validatedReceiver<T>(
  log: vscode.LogOutputChannel,
  pageName: string,
  isMessage: (message: unknown) => message is T,
  handle: (message: T) => Promise<void>,
): (message: unknown) => Promise<void> {
  return async (message) => {
    if (!isMessage(message)) {
      log.warn(`Ignored an unexpected message from the ${pageName}`, message);
      return;
    }
    try {
      await handle(message);
    } catch (error) {
      log.error(`The ${pageName} action failed`, error);
      void vscode.window.showErrorMessage(inert(`Tech Lead Coach: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
}
