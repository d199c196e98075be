import * as vscode from 'vscode';
import { errorOf, validateNote, validatePerson, validateTask } from '../../domain/delegation';
import { levelLabel } from '../../domain/delegationLevels';
import { undoMarkDone } from '../../domain/teamStore';
import { inert } from '../../domain/inertText';
import type { Services } from '../../services';
import { levelItems, pickFollowUp, suggestedFollowUp } from './picks';
import { showInputStep, showPickStep } from '../../platform/multiStepInput';
import { isOpen, resolveTarget } from './pickDelegation';
import { confirmWithUndo } from '../../platform/undo';

export async function markDone(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, isOpen, 'Which delegation is done?');
  if (target && isOpen(target)) {
    const done = await services.team.markDone(target.id);
    if (done) {
      confirmWithUndo(services, `Marked "${done.task}" done.`, undoMarkDone(done));
    }
  }
}

export async function reopen(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, (d) => !isOpen(d), 'Which delegation should be reopened?');
  if (target && !isOpen(target)) {
    await services.team.reopen(target.id);
  }
}

export async function changeFollowUp(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, isOpen, 'Change the follow-up of which delegation?');
  if (!target) {
    return;
  }
  const result = await pickFollowUp({
    title: inert(`Follow up on "${target.task}"`),
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
  const target = await resolveTarget(services, arg, () => true, 'Change the level of which delegation?');
  if (!target) {
    return;
  }
  const items = levelItems().map((item) => (item.level === target.level ? { ...item, detail: 'Current level' } : item));
  const active = items.find((item) => item.level === target.level);
  const chosen = await showPickStep({
    title: inert(`Delegation level of "${target.task}"`),
    step: 1,
    totalSteps: 1,
    placeholder: `Now ${levelLabel(target.level)}. Raise it as trust grows.`,
    items,
    ...(active ? { active } : {}),
  });
  if (chosen.kind === 'value' && chosen.value.level !== target.level) {
    await services.team.changeLevel(target.id, chosen.value.level);
    const verb = chosen.value.level > target.level ? 'Raised' : 'Lowered';
    vscode.window.setStatusBarMessage(`$(check) ${inert(`${verb} "${target.task}" to ${levelLabel(chosen.value.level)}`)}`, 5000);
  }
}

export async function edit(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, () => true, 'Edit which delegation?');
  if (!target) {
    return;
  }
  const title = inert(`Edit "${target.task}"`);
  const field = await vscode.window.showQuickPick(
    [
      { label: 'Task', description: inert(target.task), field: 'task' as const },
      { label: 'Person', description: inert(services.team.nameOf(target.personId)), field: 'person' as const },
      { label: 'Delegation level', description: levelLabel(target.level), field: 'level' as const },
      { label: 'Follow-up date', description: target.followUpOn, field: 'followUp' as const },
      { label: 'Note', description: target.note === undefined ? '(none)' : inert(target.note), field: 'note' as const },
    ],
    { title, placeHolder: 'What do you want to change?' },
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
  const validator = field.field === 'task' ? validateTask : field.field === 'person' ? validatePerson : validateNote;
  const answer = await showInputStep({
    title,
    step: 1,
    totalSteps: 1,
    prompt: field.field === 'note' ? 'Note (leave empty to remove it)' : `New ${field.label.toLowerCase()}`,
    value: field.field === 'person' ? services.team.nameOf(target.personId) : (target[field.field] ?? ''),
    validate: (value) => errorOf(validator(value)),
  });
  if (answer.kind === 'value') {
    const v = validator(answer.value);
    if (v.ok && field.field === 'person') {
      // A name already in the team is that person; a new one joins the team.
      await services.team.reassign(target.id, v.value ?? '');
    } else if (v.ok && field.field !== 'person') {
      await services.team.edit(target.id, field.field, v.value);
    }
  }
}

export async function remove(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, () => true, 'Delete which delegation?');
  if (target) {
    const deleted = await services.team.delete(target.id);
    if (deleted) {
      confirmWithUndo(services, `Deleted "${deleted.value.task}" (${services.team.nameOf(deleted.value.personId)}).`, deleted.undo);
    }
  }
}
