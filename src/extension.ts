import * as vscode from 'vscode';
import type { TechLeadCoachApi } from './api';
import { registerDelegationsView } from './delegations/registerDelegationsView';
import { registerDelegationCommands } from './delegations/registerDelegationCommands';
import { registerReminders } from './delegations/reminders';
import { Commands, StorageKeys } from './ids';
import { registerLessonsView } from './lessons/lessonsView';
import { createServices } from './services';
import { StatusBarTip } from './statusBar/statusBarTip';
import { registerTodayView } from './today/registerTodayView';

export async function activate(context: vscode.ExtensionContext): Promise<TechLeadCoachApi> {
  const services = await createServices(context);
  const lessons = registerLessonsView(services);
  context.subscriptions.push(
    new StatusBarTip(services),
    ...registerTodayView(services),
    ...registerDelegationsView(services),
    ...registerDelegationCommands(services),
    ...lessons.disposables,
    registerReminders(services),
  );
  warnAboutKeptAside(services.delegations.keptAsideOnLoad);
  return {
    apiVersion: 1,
    delegations: () => services.delegations.all(),
    keptAside: () => services.delegations.keptAside(),
    storedDelegations: () => context.workspaceState.get(StorageKeys.workspace.delegations),
    todayNudge: () => services.coach.current(),
    nudgeDoneToday: () => services.coach.doneToday(),
    currentLessonId: () => lessons.currentLessonId(),
    isLessonRead: (id) => services.lessons.isRead(id),
    flushed: async () => {
      await Promise.all([services.delegations.flushed(), services.coach.flushed()]);
    },
  };
}

function warnAboutKeptAside(count: number): void {
  if (count > 0) {
    void vscode.window
      .showWarningMessage(
        `Tech Lead Coach could not read ${count} stored delegation record${count === 1 ? '' : 's'}. ${count === 1 ? 'It was' : 'They were'} kept aside, not deleted.`,
        'Export Them',
      )
      .then((choice) => choice && vscode.commands.executeCommand(Commands.exportKeptAside));
  }
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
