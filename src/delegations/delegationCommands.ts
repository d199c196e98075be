import * as vscode from 'vscode';
import { todayKey } from '../domain/dates';
import { describeFollowUp, validateNote, validatePerson, validateTask, type Delegation } from '../domain/delegation';
import { levelLabel } from '../domain/delegationLevels';
import { Commands, StorageKeys } from '../ids';
import type { Services } from '../services';
import type { DelegationsNode } from './delegationsTree';
import { pickFollowUp } from './followUpPicks';
import { levelItems } from './logDelegation';
import { showInputStep, showPickStep } from './multiStepInput';

/**
 * The delegation a command acts on: the tree item it was run on, an id passed by a script,
 * or, from the command palette, the one the lead picks.
 */
async function resolveTarget(services: Services, arg: unknown, filter: (d: Delegation) => boolean, placeholder: string): Promise<Delegation | undefined> {
  if (typeof arg === 'object' && arg !== null && (arg as DelegationsNode).kind === 'delegation') {
    return services.delegations.get((arg as { delegation: Delegation }).delegation.id);
  }
  if (typeof arg === 'string') {
    const found = services.delegations.get(arg);
    if (!found) {
      void vscode.window.showErrorMessage('That delegation no longer exists in this workspace.');
    }
    return found;
  }
  const today = todayKey(services.clock);
  const candidates = services.delegations.all().filter(filter);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('There is no delegation to choose here yet.');
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    candidates.map((d) => ({ label: d.task, description: `${d.person} · ${describeFollowUp(d, today)}`, delegation: d })),
    { placeHolder: placeholder, matchOnDescription: true },
  );
  return chosen?.delegation;
}

const isOpen = (d: Delegation): boolean => d.doneOn === undefined;

/** A confirmation whose Undo puts the record back exactly as it was. */
function confirmWithUndo(services: Services, message: string, before: Delegation): void {
  void vscode.window.showInformationMessage(message, 'Undo').then(async (choice) => {
    if (choice === 'Undo') {
      await services.delegations.restore(before);
    }
  });
}

async function markDone(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, isOpen, 'Which delegation is done?');
  if (target && isOpen(target)) {
    await services.delegations.markDone(target.id);
    confirmWithUndo(services, `Marked "${target.task}" done.`, target);
  }
}

async function reopen(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, (d) => !isOpen(d), 'Which delegation should be reopened?');
  if (target && !isOpen(target)) {
    await services.delegations.reopen(target.id);
  }
}

async function changeFollowUp(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, isOpen, 'Change the follow-up of which delegation?');
  if (!target) {
    return;
  }
  const result = await pickFollowUp({
    title: `Follow up on "${target.task}"`,
    step: 1,
    totalSteps: 1,
    today: todayKey(services.clock),
    defaultDays: services.settings().defaultFollowUpDays,
    current: target.followUpOn,
  });
  if (result.kind === 'value') {
    await services.delegations.changeFollowUp(target.id, result.value);
  }
}

async function edit(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, () => true, 'Edit which delegation?');
  if (!target) {
    return;
  }
  const title = `Edit "${target.task}"`;
  const field = await vscode.window.showQuickPick(
    [
      { label: 'Task', description: target.task, field: 'task' as const },
      { label: 'Person', description: target.person, field: 'person' as const },
      { label: 'Delegation level', description: levelLabel(target.level), field: 'level' as const },
      { label: 'Follow-up date', description: target.followUpOn, field: 'followUp' as const },
      { label: 'Note', description: target.note ?? '(none)', field: 'note' as const },
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
    const items = levelItems();
    const active = items.find((item) => item.level === target.level);
    const chosen = await showPickStep({ title, step: 1, totalSteps: 1, placeholder: 'New delegation level', items, ...(active ? { active } : {}) });
    if (chosen.kind === 'value') {
      await services.delegations.changeLevel(target.id, chosen.value.level);
    }
    return;
  }
  const validator = field.field === 'task' ? validateTask : field.field === 'person' ? validatePerson : validateNote;
  const answer = await showInputStep({
    title,
    step: 1,
    totalSteps: 1,
    prompt: field.field === 'note' ? 'Note (leave empty to remove it)' : `New ${field.label.toLowerCase()}`,
    value: target[field.field] ?? '',
    validate: (value) => {
      const v = validator(value);
      return v.ok ? undefined : v.error;
    },
  });
  if (answer.kind === 'value') {
    const v = validator(answer.value);
    if (v.ok) {
      await services.delegations.edit(target.id, field.field, v.value);
    }
  }
}

async function remove(services: Services, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg, () => true, 'Delete which delegation?');
  if (target) {
    await services.delegations.delete(target.id);
    confirmWithUndo(services, `Deleted "${target.task}" (${target.person}).`, target);
  }
}

/** Writes the records kept aside on load to a JSON file the lead chooses, so they can be repaired. */
async function exportKeptAside(services: Services): Promise<void> {
  const records = services.delegations.keptAside();
  if (records.length === 0) {
    void vscode.window.showInformationMessage('No stored delegations were kept aside: everything loaded.');
    return;
  }
  const target = await vscode.window.showSaveDialog({
    title: 'Export delegations kept aside',
    filters: { JSON: ['json'] },
    saveLabel: 'Export',
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'tech-lead-kept-aside.json') } : {}),
  });
  if (target) {
    const content = JSON.stringify({ storageKey: StorageKeys.workspace.keptAside, records }, null, 2);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    void vscode.window.showInformationMessage(`Exported ${records.length} kept-aside record${records.length === 1 ? '' : 's'} to ${target.fsPath}.`);
  }
}

export function registerDelegationCommands(services: Services): vscode.Disposable[] {
  const command = (id: string, run: (services: Services, arg: unknown) => Promise<void>): vscode.Disposable =>
    vscode.commands.registerCommand(id, (arg: unknown) => run(services, arg));
  return [
    command(Commands.markDone, markDone),
    command(Commands.reopen, reopen),
    command(Commands.edit, edit),
    command(Commands.changeFollowUp, changeFollowUp),
    command(Commands.delete, remove),
    command(Commands.exportKeptAside, exportKeptAside),
  ];
}
