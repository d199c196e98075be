import * as vscode from 'vscode';
import { errorOf, tidy, validatePerson } from '../../domain/delegation';
import { inert } from '../../domain/inertText';
import { CADENCE_MAX_DAYS, CADENCE_MIN_DAYS, describeLastOneOnOne, lastOneOnOne, validateCadence, validateRole, type Person } from '../../domain/team';
import { todayKey } from '../../domain/dates';
import { showInputStep } from '../../platform/multiStepInput';
import { confirmWithUndo } from '../../platform/undo';
import type { Services } from '../../services';

/**
 * The person a command is about: a Team view row, a person id, `{ "person": "name" }` from a
 * keybinding, or else the lead picks one.
 */
export async function resolvePerson(services: Services, arg: unknown, placeHolder: string, filter: (p: Person) => boolean = (p) => !p.archived): Promise<Person | undefined> {
  if (typeof arg === 'object' && arg !== null) {
    const node = arg as { kind?: unknown; person?: unknown };
    if (node.kind === 'person' && typeof node.person === 'object' && node.person !== null) {
      return services.team.person((node.person as Person).id);
    }
    // A 1:1, feedback or delegation row under a person: that person.
    const under = (arg as { personId?: unknown }).personId;
    if (typeof under === 'string' && node.kind !== undefined) {
      return services.team.person(under);
    }
    if (typeof node.person === 'string') {
      const found = services.team.findPerson(node.person);
      if (!found) {
        void vscode.window.showWarningMessage(inert(`Nobody called ${tidy(node.person).slice(0, 80)} is in the team.`));
      }
      return found;
    }
  }
  if (typeof arg === 'string') {
    const found = services.team.person(arg);
    if (found) {
      return found;
    }
  }
  return pickPerson(services, placeHolder, filter);
}

/**
 * The name a Log 1:1 or Log Feedback opened from a person (a Team view row, a person page's id) is
 * for, to fill in; undefined when it was opened from elsewhere.
 */
export function presetName(services: Services, arg: unknown): string | undefined {
  if (typeof arg === 'string') {
    return services.team.person(arg)?.name;
  }
  if (typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'person') {
    return (arg as { person: { name: string } }).person.name;
  }
  return undefined;
}

export async function pickPerson(services: Services, placeHolder: string, filter: (p: Person) => boolean): Promise<Person | undefined> {
  const today = todayKey(services.clock);
  const people = services.team.allPeople().filter(filter);
  if (people.length === 0) {
    void vscode.window.showInformationMessage('Nobody is in the team here yet. Add someone with "Tech Lead: Add Person".');
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    people.map((person) => ({
      label: inert(person.name),
      description: inert([person.role, describeLastOneOnOne(lastOneOnOne(services.team.oneOnOnes(), person.id), today), person.archived ? 'archived' : undefined].filter(Boolean).join(' · ')),
      person,
    })),
    { placeHolder, matchOnDescription: true },
  );
  return chosen?.person;
}

/** "Add Person": a name, then an optional role. */
export async function addPerson(services: Services, arg: unknown): Promise<Person | undefined> {
  const preset = typeof arg === 'object' && arg !== null ? (arg as { name?: unknown; role?: unknown }) : {};
  let name: string | undefined;
  let role: string | undefined;
  if (typeof preset.name === 'string') {
    const v = validatePerson(preset.name);
    const r = validateRole(preset.role);
    if (!v.ok || !r.ok) {
      void vscode.window.showErrorMessage(inert(`Add Person: nobody was added. ${[v, r].flatMap((x) => (x.ok ? [] : [x.error])).join(' ')}`));
      return undefined;
    }
    name = v.value;
    role = r.value;
  } else {
    const answer = await showInputStep({
      title: 'Add Person',
      step: 1,
      totalSteps: 2,
      prompt: 'Their name, as you say it',
      validate: (value) => errorOf(validatePerson(value)) ?? (services.team.findPerson(value) ? `${tidy(value)} is already in the team.` : undefined),
    });
    if (answer.kind !== 'value') {
      return undefined;
    }
    const v = validatePerson(answer.value);
    if (!v.ok) {
      return undefined;
    }
    name = v.value;
    const roleAnswer = await showInputStep({ title: inert(`Add ${name}`), step: 2, totalSteps: 2, prompt: 'Their role (optional; press Enter to skip)', validate: (value) => errorOf(validateRole(value)) });
    if (roleAnswer.kind === 'cancel') {
      return undefined;
    }
    const r = roleAnswer.kind === 'value' ? validateRole(roleAnswer.value) : undefined;
    role = r?.ok ? r.value : undefined;
  }
  const { value: person, undo } = await services.team.addPerson({ name, ...(role ? { role } : {}) });
  confirmWithUndo(services, `Added ${person.name} to the team. Their first 1:1 is due within ${person.cadenceDays} days.`, undo);
  return person;
}

export async function renamePerson(services: Services, arg: unknown): Promise<void> {
  const person = await resolvePerson(services, arg, 'Rename whom?', () => true);
  if (!person) {
    return;
  }
  const answer = await showInputStep({
    title: inert(`Rename ${person.name}`),
    step: 1,
    totalSteps: 1,
    prompt: 'The new name; their delegations, 1:1s and feedback follow',
    value: person.name,
    validate: (value) => {
      const clash = services.team.findPerson(value);
      return errorOf(validatePerson(value)) ?? (clash && clash.id !== person.id ? `${clash.name} is already in the team.` : undefined);
    },
  });
  if (answer.kind !== 'value') {
    return;
  }
  const v = validatePerson(answer.value);
  if (v.ok && v.value !== person.name) {
    const done = await services.team.updatePerson(person.id, { name: v.value });
    if (done && done.undo.steps.length > 0) {
      confirmWithUndo(services, `Renamed ${person.name} to ${done.value.name}.`, done.undo);
    }
  }
}

export async function setCadence(services: Services, arg: unknown): Promise<void> {
  const person = await resolvePerson(services, arg, 'Change whose 1:1 rhythm?', () => true);
  if (!person) {
    return;
  }
  const answer = await showInputStep({
    title: inert(`1:1 cadence for ${person.name}`),
    step: 1,
    totalSteps: 1,
    prompt: `Days between 1:1s (${CADENCE_MIN_DAYS} to ${CADENCE_MAX_DAYS}; 7 weekly, 14 every two weeks)`,
    value: String(person.cadenceDays),
    validate: (value) => errorOf(validateCadence(Number(value.trim() === '' ? NaN : value))),
  });
  if (answer.kind !== 'value') {
    return;
  }
  const v = validateCadence(Number(answer.value));
  if (v.ok) {
    const done = await services.team.updatePerson(person.id, { cadenceDays: v.value });
    if (done && done.undo.steps.length > 0) {
      confirmWithUndo(services, `1:1s with ${person.name} are now every ${v.value} days.`, done.undo);
    }
  }
}

export async function archivePerson(services: Services, arg: unknown): Promise<void> {
  const person = await resolvePerson(services, arg, 'Archive whom? (their history stays)');
  if (person && !person.archived) {
    const done = await services.team.updatePerson(person.id, { archived: true });
    if (done) {
      confirmWithUndo(services, `Archived ${person.name}: hidden from pickers and views, with everything kept. Restore them from the Team view's "Show Archived People".`, done.undo);
    }
  }
}

export async function restorePerson(services: Services, arg: unknown): Promise<void> {
  const person = await resolvePerson(services, arg, 'Restore whom?', (p) => p.archived === true);
  if (person?.archived) {
    const done = await services.team.updatePerson(person.id, { archived: false });
    if (done) {
      confirmWithUndo(services, `Restored ${person.name} to the team.`, done.undo);
    }
  }
}

/** Deletes a 1:1 or a feedback entry chosen in the Team view (logged by mistake); Undo puts it back. */
export async function deleteEntry(services: Services, arg: unknown, collection: 'oneOnOnes' | 'feedback'): Promise<void> {
  const node = typeof arg === 'object' && arg !== null ? (arg as { kind?: unknown; meeting?: { id: string }; entry?: { id: string } }) : undefined;
  const id = collection === 'oneOnOnes' ? (node?.kind === 'oneOnOne' ? node.meeting?.id : undefined) : node?.kind === 'feedback' ? node.entry?.id : undefined;
  if (id === undefined) {
    void vscode.window.showInformationMessage(`Choose the ${collection === 'oneOnOnes' ? '1:1' : 'feedback entry'} to delete in the Team view (right-click it).`);
    return;
  }
  const done = await services.team.deleteEntry(collection, id);
  if (done) {
    const what = collection === 'oneOnOnes' ? 'the 1:1' : 'the feedback entry';
    confirmWithUndo(services, `Deleted ${what} with ${services.team.nameOf(done.value.personId)} on ${done.value.on}.`, done.undo);
  }
}

/** Deletes a person and everything about them, after a modal confirmation; Undo puts it all back. */
export async function deletePerson(services: Services, arg: unknown): Promise<void> {
  const person = await resolvePerson(services, arg, 'Delete whom, with all their data?', () => true);
  if (!person) {
    return;
  }
  const data = services.team.snapshot();
  const count = (list: readonly { personId: string }[]): number => list.filter((r) => r.personId === person.id).length;
  const [delegations, meetings, feedback] = [count(data.delegations), count(data.oneOnOnes), count(data.feedback)];
  const choice = await vscode.window.showWarningMessage(
    inert(`Delete ${person.name} and everything about them?`),
    { modal: true, detail: `This removes ${delegations} delegation${delegations === 1 ? '' : 's'}, ${meetings} 1:1${meetings === 1 ? '' : 's'} and ${feedback} feedback entr${feedback === 1 ? 'y' : 'ies'} from this workspace. Archive keeps them instead. You can undo right after.` },
    'Delete',
  );
  if (choice !== 'Delete') {
    return;
  }
  const done = await services.team.deletePerson(person.id);
  if (done) {
    confirmWithUndo(services, `Deleted ${person.name} and ${done.value.records} record${done.value.records === 1 ? '' : 's'} about them.`, done.undo);
  }
}
