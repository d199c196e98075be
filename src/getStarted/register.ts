import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, Walkthroughs } from '../ids';
import { registerCommand, runInBackground } from '../platform/commands';
import { StateMap } from '../platform/stateMap';
import type { Services } from '../services';

/**
 * The Get Started walkthrough (contributes.walkthroughs): "Tech Lead: Get Started" opens it, and so
 * does the first start after a first install, once, unless the user turned off VS Code's
 * `workbench.welcomePage.walkthroughs.openOnInstall`. Never on an update, never again once opened.
 */
export function registerGetStarted(services: Services): vscode.Disposable[] {
  const opened = services.state.cell(StateMap.walkthroughOpened);
  const open = async (): Promise<void> => {
    await opened.update(true);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${Walkthroughs.getStarted}`, false);
  };
  const openOnInstall = vscode.workspace.getConfiguration('workbench.welcomePage.walkthroughs').get<boolean>('openOnInstall') !== false;
  if (services.firstInstall && !opened.get() && openOnInstall) {
    runInBackground(services.log, 'Open the Get Started walkthrough', open);
  } else if (!opened.get()) {
    // An update, or walkthroughs turned off: remember, so a later start does not open it either.
    runInBackground(services.log, 'Remember the walkthrough', () => opened.update(true));
  }
  return [registerCommand(services.log, Commands.getStarted, 'Get Started', open)];
}
