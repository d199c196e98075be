import * as vscode from 'vscode';
import type { TechLeadCoachApi } from './api';
import { registerDelegations } from './delegations/register';
import { registerGetStarted } from './getStarted/register';
import { Commands } from './ids';
import { registerLessons } from './lessons/register';
import { registerReview } from './review/register';
import { registerTeam } from './team/register';
import { inert } from './domain/core/inertText';
import * as l10n from './domain/core/l10n';
import { runInBackground } from './platform/commands';
import { createServices, loadedServices, type Services } from './services';
import { testHooksEnabled } from './testHooks';
import { registerToday } from './today/register';

/**
 * Activation: the shared services, then each feature's eager part. Returns the test API only when
 * the test hooks are on (see testHooks.ts); a user's install returns nothing.
 */
export async function activate(context: vscode.ExtensionContext): Promise<TechLeadCoachApi | undefined> {
  // First of all: every user-facing string, the domain's included, is translated by VS Code from here on.
  l10n.setTranslator((message, args) => (isArgumentList(args) ? vscode.l10n.t(message, ...args) : vscode.l10n.t(message, args)));
  const services = createServices(context);
  const lessons = registerLessons(services);
  context.subscriptions.push(
    ...registerToday(services),
    ...registerDelegations(services),
    ...registerTeam(services),
    ...registerReview(services),
    ...lessons.disposables,
    ...registerGetStarted(services),
    services.whenLoaded(() => warnAboutUnreadData(services)),
  );
  // The team's history and the coach load in the next task, so activation itself reads nothing.
  const load = setTimeout(() => runInBackground(services.log, l10n.t('Load the team data'), () => services.loaded()), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(load) });
  if (!testHooksEnabled(context)) {
    return undefined;
  }
  // The test suites read the data as soon as activation is done: the test build waits for it.
  await services.loaded();
  return loadedServices().testApi(services, () => lessons.currentLessonId(), context.storageUri);
}

/** Says once, at start-up, when stored data could not be read: kept aside, or from a newer version. */
function warnAboutUnreadData(services: Services): void {
  const unavailable = services.team.unavailable;
  if (unavailable !== undefined) {
    const reload = l10n.t('Reload Window');
    runInBackground(services.log, l10n.t('Report the team data that could not load'), async () => {
      const choice = await vscode.window.showErrorMessage(
        inert(
          l10n.t(
            "Tech Lead Coach could not load this workspace's team data ({0}). It is stored as it was; the tracker changes nothing until it loads. Reload the window to try again.",
            unavailable,
          ),
        ),
        reload,
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
    ? l10n.t(
        "This workspace's team data was saved by a newer version of Tech Lead Coach (schema {0}). It is kept exactly as it is, and this version will not change it: the tracker is read-only here until you update the extension.",
        newer.schemaVersion,
      )
    : count === 1
      ? l10n.t('Tech Lead Coach could not read 1 stored record. It was kept aside, not deleted.')
      : count > 1
        ? l10n.t('Tech Lead Coach could not read {0} stored records. They were kept aside, not deleted.', count)
        : undefined;
  if (message !== undefined) {
    runInBackground(services.log, l10n.t('Export kept-aside delegations'), async () => {
      const choice = await vscode.window.showWarningMessage(message, l10n.t('Export Them'));
      if (choice) {
        await vscode.commands.executeCommand(Commands.exportKeptAside);
      }
    });
  }
}

/** Positional arguments (`l10n.t('{0}', a)`) rather than named ones (`l10n.t('{name}', { name })`). */
function isArgumentList(args: l10n.Arguments): args is readonly l10n.Argument[] {
  return Array.isArray(args);
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
