import * as vscode from 'vscode';
import { runInBackground } from './commands';

/**
 * Wraps a webview's message handler: anything that is not one of the page's protocol messages is
 * logged and dropped; a handler that fails shows the reason instead of failing silently.
 */
export function validatedReceiver<T>(
  log: vscode.LogOutputChannel,
  pageName: string,
  /** What a failure is reported as, in words ("The Today view action"). */
  action: string,
  isMessage: (message: unknown) => message is T,
  handle: (message: T) => Promise<void>,
): (message: unknown) => void {
  return (message) => {
    if (!isMessage(message)) {
      log.warn(`Ignored an unexpected message from the ${pageName}`, message);
      return;
    }
    runInBackground(log, action, () => handle(message));
  };
}
