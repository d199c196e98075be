import * as vscode from 'vscode';
import { todayKey } from '../../domain/core/dates';
import { reminderMessage, remindersShown, shouldRemind, snoozeADay } from '../../domain/coach/reminders';
import { inert } from '../../domain/core/inertText';
import { Settings, settingId, Views } from '../../ids';
import { StateMap } from '../../platform/stateMap';
import type { Services } from '../../services';
import * as l10n from '../../domain/core/l10n';

/** How long the reminder waits for the repository signals' first read, when they are on, before it reminds without them. */
const SIGNALS_WAIT_MS = 30_000;

/** Resolves once the signals' first read is done and their answers are there (the slot holds a source), or after `ms`. */
function signalsRead(services: Services, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    // The slot also fires while the first read is under way (refreshed, with no source yet): wait for the source.
    const listener = services.signals.onDidChange(() => (services.signals.current !== undefined ? done() : undefined));
    function done(): void {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

/**
 * Shows the daily overdue reminder when one is due (delegations/register.ts runs it once the team
 * data is loaded, and when the day changes). Where the lead turned the repository signals on, it
 * waits for their first read, so a follow-up whose work visibly moves is not reminded of.
 */
export async function remindIfDue(services: Services): Promise<void> {
  if (services.state.get(StateMap.signalsOn) && services.signals.current === undefined) {
    await signalsRead(services, SIGNALS_WAIT_MS);
  }
  const reminders = services.state.cell(StateMap.reminders);
  const today = todayKey(services.clock);
  const state = reminders.get();
  const overdue = services.team.overdue(services.moving);
  const meetings = services.team.overdueOneOnOnes();
  if (!shouldRemind(state, today, overdue.length + meetings.length, services.settings().reminders)) {
    return;
  }
  await reminders.update(remindersShown(state, today));
  const open = l10n.t('Open');
  const snooze = l10n.t('Snooze a Day');
  const dontRemind = l10n.t("Don't Remind Me");
  const choice = await vscode.window.showWarningMessage(
    inert(
      reminderMessage(
        overdue.map((d) => services.team.nameOf(d.personId)),
        meetings.map((p) => p.name),
      ),
    ),
    open,
    snooze,
    dontRemind,
  );
  if (choice === open) {
    await vscode.commands.executeCommand(`${Views.delegations}.focus`);
  } else if (choice === snooze) {
    await reminders.update(snoozeADay(reminders.get(), today));
  } else if (choice === dontRemind) {
    await vscode.workspace.getConfiguration().update(settingId(Settings.reminders), false, vscode.ConfigurationTarget.Global);
    const openSettings = await vscode.window.showInformationMessage(
      l10n.t('Overdue reminders are off. You can turn them back on in Settings.'),
      l10n.t('Open Settings'),
    );
    if (openSettings) {
      await vscode.commands.executeCommand('workbench.action.openSettings', settingId(Settings.reminders));
    }
  }
}
