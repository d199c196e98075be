import * as vscode from 'vscode';
import type { TechLeadCoachApi } from './api';
import { registerDelegations } from './delegations/register';
import { registerGetStarted } from './getStarted/register';
import { CommandAliases, Commands } from './ids';
import { registerLessons } from './lessons/register';
import { registerReview } from './review/register';
import { registerSignals } from './signals/register';
import { registerTeam } from './team/register';
import { inert } from './domain/core/inertText';
import * as l10n from './domain/core/l10n';
import { registerCommandAliases, runInBackground } from './platform/commands';
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
  const services = createServices(context);
  const lessons = registerLessons(services);
  context.subscriptions.push(
    ...registerToday(services),
    ...registerDelegations(services),
    ...registerTeam(services),
    ...registerReview(services),
    ...registerSignals(services),
    ...lessons.disposables,
    ...registerGetStarted(services),
    ...registerCommandAliases(CommandAliases),
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
  return (await import('./api')).testApi(services, () => lessons.currentLessonId(), context.storageUri);
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
  warnAboutUnreadChunks(services);
  warnAboutForeignData(services);
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
    runInBackground(services.log, l10n.t('Export kept-aside team data'), async () => {
      const choice = await vscode.window.showWarningMessage(message, l10n.t('Export Them'));
      if (choice) {
        await vscode.commands.executeCommand(Commands.exportTeamDataKeptAside);
      }
    });
  }
}

/**
 * Says once when chunks the index names could not be read (a file missing for now, or damaged):
 * what it means, and the two ways on (read again, or go on without them, kept aside).
 */
function warnAboutUnreadChunks(services: Services): void {
  const unread = services.team.unreadChunks();
  if (unread.length === 0) {
    return;
  }
  const names = [...new Set(unread.map((u) => (u.personId === '' ? l10n.t('the team') : services.team.nameOf(u.personId))))].join(', ');
  const tryAgain = l10n.t('Try Again');
  const goOn = l10n.t('Go On Without Them…');
  runInBackground(services.log, l10n.t('Report the team records that could not be read'), async () => {
    const choice = await vscode.window.showWarningMessage(
      inert(
        l10n.t(
          "Some of the team's records could not be read from storage (records of {0}): a file is missing or damaged, perhaps held by a sync tool for now. Nothing was removed; until they can be read, nothing about them can change.",
          names,
        ),
      ),
      tryAgain,
      goOn,
    );
    if (choice === tryAgain) {
      await services.team.refresh();
      if (services.team.unreadChunks().length > 0) {
        warnAboutUnreadChunks(services);
      } else {
        void vscode.window.showInformationMessage(l10n.t("All of the team's records were read."));
      }
    } else if (choice === goOn) {
      const keep = l10n.t('Keep Aside and Go On');
      const sure = await vscode.window.showWarningMessage(
        l10n.t(
          'Go on without the records that could not be read? What is in their files is kept aside, and Export Delegations Kept Aside writes it out; the team stops waiting for them.',
        ),
        { modal: true },
        keep,
      );
      if (sure === keep) {
        const count = await services.team.goOnWithoutUnread();
        const exportThem = l10n.t('Export Them');
        const next = await vscode.window.showInformationMessage(
          count === 1 ? l10n.t('1 stored chunk was kept aside.') : l10n.t('{0} stored chunks were kept aside.', count),
          exportThem,
        );
        if (next === exportThem) {
          await vscode.commands.executeCommand(Commands.exportTeamDataKeptAside);
        }
      }
    }
  });
}

/** Says once when the storage folder holds another team's files (another window's, or a team whose workspace state was lost): they were left alone, and can be exported. */
function warnAboutForeignData(services: Services): void {
  const files = services.team.foreign.reduce((sum, f) => sum + f.files, 0);
  if (files === 0) {
    return;
  }
  const exportIt = l10n.t('Export It…');
  runInBackground(services.log, l10n.t('Report team data of another team in storage'), async () => {
    const choice = await vscode.window.showWarningMessage(
      files === 1
        ? l10n.t(
            "This workspace's storage folder holds 1 file of team data that this window's team does not know (from another window, or a team whose workspace state was lost). It was left as it is.",
          )
        : l10n.t(
            "This workspace's storage folder holds {0} files of team data that this window's team does not know (from another window, or a team whose workspace state was lost). They were left as they are.",
            files,
          ),
      exportIt,
    );
    if (choice === exportIt) {
      await vscode.commands.executeCommand(Commands.exportForeignData);
    }
  });
}

/** Positional arguments (`l10n.t('{0}', a)`) rather than named ones (`l10n.t('{name}', { name })`). */
function isArgumentList(args: l10n.Arguments): args is readonly l10n.Argument[] {
  return Array.isArray(args);
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
