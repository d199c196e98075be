import * as vscode from 'vscode';
import { describeCodeLink, validateNote, validateTask } from '../../domain/team/delegations';
import { errorOf } from '../../domain/core/validation';
import { validatePersonName } from '../../domain/team/people';
import { levelLabel } from '../../domain/team/delegationLevels';
import { undoMarkDone } from '../../domain/team/store/undo';
import { inert } from '../../domain/core/inertText';
import type { Services } from '../../services';
import { levelItems, pickFollowUp, suggestedFollowUp } from './picks';
import { showInputStep, showPickStep } from '../../platform/multiStepInput';
import { isOpen, resolveTarget } from './pickDelegation';
import { confirmTeamChange } from '../../teamUndo';
import { pickCodeLink } from './codePicker';
import * as l10n from '../../domain/core/l10n';

export async function markDone(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, isOpen, l10n.t('Which delegation is done?'));
  if (target && isOpen(target)) {
    const done = await services.team.markDone(target.id);
    if (done) {
      confirmTeamChange(services, l10n.t('Marked "{0}" done.', done.task), undoMarkDone(done));
    }
  }
}

export async function reopen(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, (d) => !isOpen(d), l10n.t('Which delegation should be reopened?'));
  if (target && !isOpen(target)) {
    await services.team.reopen(target.id);
  }
}

export async function changeFollowUp(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, isOpen, l10n.t('Change the follow-up of which delegation?'));
  if (!target) {
    return;
  }
  const result = await pickFollowUp({
    title: inert(l10n.t('Follow up on "{0}"', target.task)),
    step: 1,
    totalSteps: 1,
    ...suggestedFollowUp(services, target.level),
    current: target.followUpOn,
  });
  if (result.kind === 'value') {
    await services.team.changeFollowUp(target.id, result.value);
  }
}

/** Raises or lowers the level; the change is kept in the delegation's history. */
export async function changeLevel(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, () => true, l10n.t('Change the level of which delegation?'));
  if (!target) {
    return;
  }
  const items = levelItems().map((item) => (item.level === target.level ? { ...item, detail: l10n.t('Current level') } : item));
  const active = items.find((item) => item.level === target.level);
  const chosen = await showPickStep({
    title: inert(l10n.t('Delegation level of "{0}"', target.task)),
    step: 1,
    totalSteps: 1,
    placeholder: l10n.t('Now {0}. Raise it as trust grows.', levelLabel(target.level)),
    items,
    ...(active ? { active } : {}),
  });
  if (chosen.kind === 'value' && chosen.value.level !== target.level) {
    await services.team.changeLevel(target.id, chosen.value.level);
    const changed =
      chosen.value.level > target.level
        ? l10n.t('Raised "{0}" to {1}', target.task, levelLabel(chosen.value.level))
        : l10n.t('Lowered "{0}" to {1}', target.task, levelLabel(chosen.value.level));
    vscode.window.setStatusBarMessage(`$(check) ${inert(changed)}`, 5000);
  }
}

export async function edit(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, () => true, l10n.t('Edit which delegation?'));
  if (!target) {
    return;
  }
  const title = inert(l10n.t('Edit "{0}"', target.task));
  const field = await vscode.window.showQuickPick(
    [
      { label: l10n.t('Task'), description: inert(target.task), field: 'task' as const },
      { label: l10n.t('Person'), description: inert(services.team.nameOf(target.personId)), field: 'person' as const },
      { label: l10n.t('Delegation level'), description: levelLabel(target.level), field: 'level' as const },
      { label: l10n.t('Follow-up date'), description: target.followUpOn, field: 'followUp' as const },
      { label: l10n.t('Note'), description: target.note === undefined ? l10n.t('(none)') : inert(target.note), field: 'note' as const },
    ],
    { title, placeHolder: l10n.t('What do you want to change?') },
  );
  if (!field) {
    return;
  }
  if (field.field === 'followUp') {
    return changeFollowUp(services, target.id);
  }
  if (field.field === 'level') {
    return changeLevel(services, target.id);
  }
  const validator = field.field === 'task' ? validateTask : field.field === 'person' ? validatePersonName : validateNote;
  const answer = await showInputStep({
    title,
    step: 1,
    totalSteps: 1,
    prompt:
      field.field === 'note'
        ? l10n.t('Note (leave empty to remove it)')
        : field.field === 'task'
          ? l10n.t('New task')
          : l10n.t('New person'),
    value: field.field === 'person' ? services.team.nameOf(target.personId) : (target[field.field] ?? ''),
    validate: (value) => errorOf(validator(value)),
  });
  if (answer.kind === 'value') {
    const v = validator(answer.value);
    if (v.ok && field.field === 'person') {
      // A name already in the team is that person; a new one joins the team.
      await services.team.reassign(target.id, v.value ?? '');
    } else if (v.ok && field.field !== 'person') {
      await services.team.editDelegation(target.id, field.field, v.value);
    }
  }
}

/**
 * Points a delegation at folders, files or a branch, with the link held now checked; unchecking
 * everything removes the link. Undo puts the link back as it was.
 */
export async function linkToCode(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, () => true, l10n.t('Link which delegation to code?'));
  if (!target) {
    return;
  }
  const chosen = await pickCodeLink({
    title: inert(l10n.t('Where in the code is "{0}"?', target.task)),
    step: 1,
    totalSteps: 1,
    ...(target.code ? { current: target.code } : {}),
  });
  if (chosen.kind !== 'value') {
    return;
  }
  const changed = await services.team.linkToCode(target.id, chosen.value);
  if (!changed || changed.undo.steps.length === 0) {
    return;
  }
  confirmTeamChange(
    services,
    chosen.value === undefined
      ? l10n.t('Removed the code link of "{0}".', changed.value.task)
      : l10n.t('Linked "{0}" to {1}.', changed.value.task, describeCodeLink(chosen.value)),
    changed.undo,
  );
}

export async function remove(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, () => true, l10n.t('Delete which delegation?'));
  if (target) {
    const deleted = await services.team.deleteDelegation(target.id);
    if (deleted) {
      confirmTeamChange(
        services,
        l10n.t('Deleted "{0}" ({1}).', deleted.value.task, services.team.nameOf(deleted.value.personId)),
        deleted.undo,
      );
    }
  }
}
