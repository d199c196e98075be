import * as vscode from 'vscode';
import type { TechLeadCoachApi } from './api';
import { registerDelegations } from './delegations/register';
import { registerGetStarted } from './getStarted/register';
import { Commands } from './ids';
import { StateMap } from './platform/stateMap';
import { registerLessons } from './lessons/register';
import { registerReview } from './review/register';
import { registerTeam } from './team/register';
import { todayKey } from './domain/dates';
import { inert } from './domain/inertText';
import * as l10n from './domain/l10n';
import { readStoredTeam } from './domain/teamData';
import { runInBackground } from './platform/commands';
import { createServices, type Services } from './services';
import { testHooksEnabled } from './testHooks';
import { registerToday } from './today/register';

/**
 * Activation: the shared services, then each feature's eager part. Returns the test API only when
 * the test hooks are on (see testHooks.ts); a user's install returns nothing.
 */
export async function activate(context: vscode.ExtensionContext): Promise<TechLeadCoachApi | undefined> {
  // First of all: every user-facing string, the domain's included, is translated by VS Code from here on.
  l10n.setTranslator((message, args) => (isArgumentList(args) ? vscode.l10n.t(message, ...args) : vscode.l10n.t(message, args)));
  const services = await createServices(context);
  const lessons = registerLessons(services);
  context.subscriptions.push(...registerToday(services), ...registerDelegations(services), ...registerTeam(services), ...registerReview(services), ...lessons.disposables, ...registerGetStarted(services));
  warnAboutUnreadData(services);
  if (!testHooksEnabled(context)) {
    return undefined;
  }
  return {
    apiVersion: 1,
    delegations: () => services.team.all(),
    team: () => services.team.snapshot(),
    keptAside: () => services.team.keptAside(),
    storedTeam: () => {
      // The index and its chunks, read back from workspace state as the next load will read them.
      const storage = services.state.storage(StateMap.team);
      const read = readStoredTeam((key) => storage.get(key), StateMap.team.key, todayKey(services.clock));
      return read.kind === 'read' ? { schemaVersion: read.version, ...read.data } : { schemaVersion: read.schemaVersion };
    },
    storedLegacy: () => services.state.raw(StateMap.legacyDelegations),
    todayNudge: () => services.coach.current(),
    nudgeDoneToday: () => services.coach.doneToday(),
    currentLessonId: () => lessons.currentLessonId(),
    isLessonRead: (id) => services.lessons.isRead(id),
    syncedKeys: () => services.syncedKeys,
    flushed: async () => {
      await Promise.all([services.team.flushed(), services.coach.flushed()]);
    },
  };
}

/** Says once, at start-up, when stored data could not be read: kept aside, or from a newer version. */
function warnAboutUnreadData(services: Services): void {
  const unavailable = services.team.unavailable;
  if (unavailable !== undefined) {
    const reload = l10n.t('Reload Window');
    runInBackground(services.log, l10n.t('Report the team data that could not load'), async () => {
      const choice = await vscode.window.showErrorMessage(
        inert(l10n.t("Tech Lead Coach could not load this workspace's team data ({0}). It is stored as it was; the tracker changes nothing until it loads. Reload the window to try again.", unavailable)),
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
    ? l10n.t("This workspace's team data was saved by a newer version of Tech Lead Coach (schema {0}). It is kept exactly as it is, and this version will not change it: the tracker is read-only here until you update the extension.", newer.schemaVersion)
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
