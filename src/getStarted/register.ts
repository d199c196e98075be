import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, Walkthroughs } from '../ids';
import { registerCommand } from '../platform/commands';
import type { Services } from '../services';
import * as l10n from '../domain/core/l10n';

/**
 * "Tech Lead: Get Started" (also in the Today view's … menu) opens the Get Started walkthrough
 * (contributes.walkthroughs). Opening it after an install is VS Code's own job: it opens a newly
 * installed extension's walkthrough once, not on updates, and follows the user's
 * `workbench.welcomePage.walkthroughs.openOnInstall`.
 */
export function registerGetStarted(services: Services): vscode.Disposable[] {
  return [
    registerCommand(services.log, Commands.getStarted, l10n.t('Get Started'), () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${Walkthroughs.getStarted}`, false),
    ),
  ];
}
