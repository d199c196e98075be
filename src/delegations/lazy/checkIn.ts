import * as vscode from 'vscode';
import { formatDay, todayKey } from '../../domain/core/dates';
import { isDone, validateNote } from '../../domain/team/delegations';
import { errorOf } from '../../domain/core/validation';
import { inert } from '../../domain/core/inertText';
import type { Services } from '../../services';
import { pickFollowUp, suggestedFollowUp } from './picks';
import { showInputStep } from '../../platform/multiStepInput';
import { isOpen, resolveTarget } from './pickDelegation';
import * as l10n from '../../domain/core/l10n';

/**
 * "Log Check-in": records that you checked in, with a note, and sets the next follow-up from the
 * delegation level's cadence (or a date you choose).
 */
export async function logCheckIn(services: Services, arg: unknown): Promise<void> {
  let target = await resolveTarget(services, arg, isOpen, l10n.t('Log a check-in on which delegation?'));
  if (target && isDone(target)) {
    // Check-ins belong to open work; a done delegation is reopened first, if the lead wants that.
    const choice = await vscode.window.showInformationMessage(
      inert(l10n.t('"{0}" is done. Reopen it to log a check-in?', target.task)),
      { modal: true },
      l10n.t('Reopen and Check In'),
    );
    target = choice ? await services.team.reopen(target.id) : undefined;
  }
  if (!target) {
    return;
  }
  const name = services.team.nameOf(target.personId);
  const title = inert(l10n.t('Check-in: "{0}" ({1})', target.task, name));
  // What moved in its code since the last check-in (the repository signals, when on): offered as the note to keep, edit or clear.
  const code = services.signals.current?.followThrough(target, name);
  const quote = code === undefined ? undefined : (code.sinceCheckIn ?? code.line);
  let step = 1;
  let note: string | undefined = quote;
  for (;;) {
    if (step === 1) {
      const answer = await showInputStep({
        title,
        step: 1,
        totalSteps: 2,
        prompt:
          quote === undefined
            ? l10n.t('What did you learn? (optional; press Enter to skip)')
            : l10n.t('What did you learn? What moved in the code is filled in: keep it, add to it or clear it.'),
        ...(note ? { value: note } : {}),
        validate: (value) => errorOf(validateNote(value)),
      });
      if (answer.kind !== 'value') {
        return;
      }
      const v = validateNote(answer.value);
      note = v.ok ? v.value : undefined;
      step = 2;
    } else {
      const next = await pickFollowUp({ title, step: 2, totalSteps: 2, ...suggestedFollowUp(services, target.level) });
      if (next.kind === 'cancel') {
        return;
      }
      if (next.kind === 'back') {
        step = 1;
        continue;
      }
      await services.team.checkIn(target.id, note, next.value);
      const today = todayKey(services.clock);
      vscode.window.setStatusBarMessage(
        `$(check) ${inert(l10n.t('Check-in logged. Next follow-up with {0}: {1}', name, formatDay(next.value, today)))}`,
        5000,
      );
      return;
    }
  }
}
