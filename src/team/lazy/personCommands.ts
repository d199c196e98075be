import * as vscode from 'vscode';
import { errorOf } from '../../domain/core/validation';
import { tidy, validatePersonName } from '../../domain/team/people';
import { inert } from '../../domain/core/inertText';
import { CADENCE_MAX_DAYS, CADENCE_MIN_DAYS, validateCadence, validateRole, type Person } from '../../domain/team/people';
import { describeLastOneOnOne, lastOneOnOne } from '../../domain/team/oneOnOnes';
import { todayKey } from '../../domain/core/dates';
import { showInputStep } from '../../platform/multiStepInput';
import { confirmTeamChange } from '../../teamUndo';
import type { Services } from '../../services';
import * as l10n from '../../domain/core/l10n';

/**
 * The person a command is about: a Team view row, a person id, `{ "person": "name" }` from a
 * keybinding, or else the lead picks one.
 */
export async function resolvePerson(
  services: Services,
  arg: unknown,
  placeHolder: string,
  filter: (p: Person) => boolean = (p) => !p.archived,
): Promise<Person | undefined> {
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
        void vscode.window.showWarningMessage(inert(l10n.t('Nobody called {0} is in the team.', tidy(node.person).slice(0, 80))));
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
  const people = services.team.people().filter(filter);
  if (people.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('Nobody is in the team here yet. Add someone with "Tech Lead: Add Person".'));
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    people.map((person) => ({
      label: inert(person.name),
      description: inert(
        [
          person.role,
          describeLastOneOnOne(lastOneOnOne(services.team.oneOnOnes(), person.id), today),
          person.archived ? l10n.t('archived') : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
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
    const v = validatePersonName(preset.name);
    const r = validateRole(preset.role);
    if (!v.ok || !r.ok) {
      void vscode.window.showErrorMessage(
        inert(l10n.t('Add Person: nobody was added. {0}', [v, r].flatMap((x) => (x.ok ? [] : [x.error])).join(' '))),
      );
      return undefined;
    }
    name = v.value;
    role = r.value;
  } else {
    const answer = await showInputStep({
      title: l10n.t('Add Person'),
      step: 1,
      totalSteps: 2,
      prompt: l10n.t('Their name, as you say it'),
      validate: (value) =>
        errorOf(validatePersonName(value)) ??
        (services.team.findPerson(value) ? l10n.t('{0} is already in the team.', tidy(value)) : undefined),
    });
    if (answer.kind !== 'value') {
      return undefined;
    }
    const v = validatePersonName(answer.value);
    if (!v.ok) {
      return undefined;
    }
    name = v.value;
    const roleAnswer = await showInputStep({
      title: inert(l10n.t('Add {0}', name)),
      step: 2,
      totalSteps: 2,
      prompt: l10n.t('Their role (optional; press Enter to skip)'),
      validate: (value) => errorOf(validateRole(value)),
    });
    if (roleAnswer.kind === 'cancel') {
      return undefined;
    }
    const r = roleAnswer.kind === 'value' ? validateRole(roleAnswer.value) : undefined;
    role = r?.ok ? r.value : undefined;
  }
  const { value: person, undo } = await services.team.addPerson({ name, ...(role ? { role } : {}) });
  confirmTeamChange(
    services,
    l10n.t('Added {0} to the team. Their first 1:1 is due within {1} days.', person.name, person.cadenceDays),
    undo,
  );
  return person;
}

export async function renamePerson(services: Services, arg: unknown): Promise<void> {
  const person = await resolvePerson(services, arg, l10n.t('Rename whom?'), () => true);
  if (!person) {
    return;
  }
  const answer = await showInputStep({
    title: inert(l10n.t('Rename {0}', person.name)),
    step: 1,
    totalSteps: 1,
    prompt: l10n.t('The new name; their delegations, 1:1s and feedback follow'),
    value: person.name,
    validate: (value) => {
      const clash = services.team.findPerson(value);
      return (
        errorOf(validatePersonName(value)) ??
        (clash && clash.id !== person.id ? l10n.t('{0} is already in the team.', clash.name) : undefined)
      );
    },
  });
  if (answer.kind !== 'value') {
    return;
  }
  const v = validatePersonName(answer.value);
  if (v.ok && v.value !== person.name) {
    const done = await services.team.updatePerson(person.id, { name: v.value });
    if (done && done.undo.steps.length > 0) {
      confirmTeamChange(services, l10n.t('Renamed {0} to {1}.', person.name, done.value.name), done.undo);
    }
  }
}

export async function setCadence(services: Services, arg: unknown): Promise<void> {
  const person = await resolvePerson(services, arg, l10n.t('Change whose 1:1 rhythm?'), () => true);
  if (!person) {
    return;
  }
  const answer = await showInputStep({
    title: inert(l10n.t('1:1 cadence for {0}', person.name)),
    step: 1,
    totalSteps: 1,
    prompt: l10n.t('Days between 1:1s ({0} to {1}; 7 weekly, 14 every two weeks)', CADENCE_MIN_DAYS, CADENCE_MAX_DAYS),
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
      confirmTeamChange(services, l10n.t('1:1s with {0} are now every {1} days.', person.name, v.value), done.undo);
    }
  }
}

export async function archivePerson(services: Services, arg: unknown): Promise<void> {
  const person = await resolvePerson(services, arg, l10n.t('Archive whom? (their history stays)'));
  if (person && !person.archived) {
    const done = await services.team.updatePerson(person.id, { archived: true });
    if (done) {
      confirmTeamChange(
        services,
        l10n.t(
          'Archived {0}: hidden from pickers and views, with everything kept. Restore them from the Team view\'s "Show Archived People".',
          person.name,
        ),
        done.undo,
      );
    }
  }
}

export async function restorePerson(services: Services, arg: unknown): Promise<void> {
  const person = await resolvePerson(services, arg, l10n.t('Restore whom?'), (p) => p.archived === true);
  if (person?.archived) {
    const done = await services.team.updatePerson(person.id, { archived: false });
    if (done) {
      confirmTeamChange(services, l10n.t('Restored {0} to the team.', person.name), done.undo);
    }
  }
}

/** Deletes a 1:1 or a feedback entry chosen in the Team view (logged by mistake); Undo puts it back. */
type Id = { readonly id: string };

export async function deleteEntry(services: Services, arg: unknown, collection: 'oneOnOnes' | 'feedback' | 'moments'): Promise<void> {
  const node = typeof arg === 'object' && arg !== null ? (arg as { kind?: unknown; meeting?: Id; entry?: Id; moment?: Id }) : undefined;
  const id = {
    oneOnOnes: node?.kind === 'oneOnOne' ? node.meeting?.id : undefined,
    feedback: node?.kind === 'feedback' ? node.entry?.id : undefined,
    moments: node?.kind === 'moment' ? node.moment?.id : undefined,
  }[collection];
  if (id === undefined) {
    void vscode.window.showInformationMessage(
      {
        oneOnOnes: l10n.t('Choose the 1:1 to delete in the Team view (right-click it).'),
        feedback: l10n.t('Choose the feedback entry to delete in the Team view (right-click it).'),
        moments: l10n.t('Choose the moment to delete in the Team view (right-click it).'),
      }[collection],
    );
    return;
  }
  const done = await services.team.deleteEntry(collection, id);
  if (done) {
    const personId = done.value.personId;
    const name = personId === undefined ? l10n.t('the team') : services.team.nameOf(personId);
    const message = {
      oneOnOnes: () => l10n.t('Deleted the 1:1 with {0} on {1}.', name, done.value.on),
      feedback: () => l10n.t('Deleted the feedback entry with {0} on {1}.', name, done.value.on),
      moments: () => l10n.t('Deleted the moment with {0} on {1}.', name, done.value.on),
    }[collection]();
    confirmTeamChange(services, message, done.undo);
  }
}

/** Deletes a person and everything about them, after a modal confirmation; Undo puts it all back. */
export async function deletePerson(services: Services, arg: unknown): Promise<void> {
  const person = await resolvePerson(services, arg, l10n.t('Delete whom, with all their data?'), () => true);
  if (!person) {
    return;
  }
  const data = services.team.snapshot();
  const count = (list: readonly { personId: string }[]): number => list.filter((r) => r.personId === person.id).length;
  const [delegations, meetings, feedback] = [count(data.delegations), count(data.oneOnOnes), count(data.feedback)];
  const deleteButton = l10n.t('Delete');
  const choice = await vscode.window.showWarningMessage(
    inert(l10n.t('Delete {0} and everything about them?', person.name)),
    {
      modal: true,
      detail: l10n.t(
        'This removes {0}, {1} and {2} from this workspace. Archive keeps them instead. You can undo right after.',
        delegations === 1 ? l10n.t('1 delegation') : l10n.t('{0} delegations', delegations),
        meetings === 1 ? l10n.t('1 1:1') : l10n.t('{0} 1:1s', meetings),
        feedback === 1 ? l10n.t('1 feedback entry') : l10n.t('{0} feedback entries', feedback),
      ),
    },
    deleteButton,
  );
  if (choice !== deleteButton) {
    return;
  }
  const done = await services.team.deletePerson(person.id);
  if (done) {
    confirmTeamChange(
      services,
      done.value.records === 1
        ? l10n.t('Deleted {0} and 1 record about them.', person.name)
        : l10n.t('Deleted {0} and {1} records about them.', person.name, done.value.records),
      done.undo,
    );
  }
}
