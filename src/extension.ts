import * as vscode from 'vscode';
import type { TechLeadCoachApi } from './api';
import { registerDelegations } from './delegations/register';
import { registerGetStarted } from './getStarted/register';
import { Commands } from './ids';
import { registerLessons } from './lessons/register';
import { registerReview } from './review/register';
import { registerTeam } from './team/register';
import { inert } from './domain/inertText';
import { runInBackground } from './platform/commands';
import { createServices, loadedServices, type Services } from './services';
import { testHooksEnabled } from './testHooks';
import { registerToday } from './today/register';

/**
 * Activation: the shared services, then each feature's eager part. Returns the test API only when
 * the test hooks are on (see testHooks.ts); a user's install returns nothing.
 */
export async function activate(context: vscode.ExtensionContext): Promise<TechLeadCoachApi | undefined> {
  const services = createServices(context);
  const lessons = registerLessons(services);
  context.subscriptions.push(
    ...registerToday(services),
    ...registerDelegations(services),
    ...registerTeam(services),
    ...registerReview(services),
    ...lessons.disposables,
    ...registerGetStarted(services),
    services.whenLoaded(() => {
      warnAboutUnreadData(services);
      return [];
    }),
  );
  // The team's history and the coach load in the next task, so activation itself reads nothing.
  const load = setTimeout(() => runInBackground(services.log, 'Load the team data', () => services.loaded()), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(load) });
  if (!testHooksEnabled(context)) {
    return undefined;
  }
  // The test suites read the data as soon as activation is done: the test build waits for it.
  await services.loaded();
  return loadedServices().testApi(services, () => lessons.currentLessonId());
}

/** Says once, at start-up, when stored data could not be read: kept aside, or from a newer version. */
function warnAboutUnreadData(services: Services): void {
  const unavailable = services.team.unavailable;
  if (unavailable !== undefined) {
    runInBackground(services.log, 'Report the team data that could not load', async () => {
      const choice = await vscode.window.showErrorMessage(
        inert(`Tech Lead Coach could not load this workspace's team data (${unavailable}). It is stored as it was; the tracker changes nothing until it loads. Reload the window to try again.`),
        'Reload Window',
      );
      if (choice) {
        await vscode.commands.executeCommand('workbench.action.reloadWindow');
      }
    });
    return;
  }
  const count = services.team.keptAsideOnLoad;
  const newer = services.team.newer;
  const message = newer
    ? `This workspace's team data was saved by a newer version of Tech Lead Coach (schema ${newer.schemaVersion}). It is kept exactly as it is, and this version will not change it: the tracker is read-only here until you update the extension.`
    : count > 0
      ? `Tech Lead Coach could not read ${count} stored record${count === 1 ? '' : 's'}. ${count === 1 ? 'It was' : 'They were'} kept aside, not deleted.`
      : undefined;
  if (message !== undefined) {
    runInBackground(services.log, 'Export kept-aside delegations', async () => {
      const choice = await vscode.window.showWarningMessage(message, 'Export Them');
      if (choice) {
        await vscode.commands.executeCommand(Commands.exportKeptAside);
      }
    });
  }
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
