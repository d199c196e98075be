import { sameValue } from '../../core/compare';
import type { DateKey } from '../../core/dates';
import { createDelegation, isDone, sameCodeLink, type CodeLink, type Delegation, type NewDelegation } from '../delegations';
import type { DelegationLevel } from '../delegationLevels';
import type { Feedback } from '../feedback';
import {
  CHUNKED,
  COLLECTIONS,
  kindOf,
  type Collection,
  type Draft,
  type PersonRecord,
  type TeamData,
  type TeamRecord,
  type TeamRecords,
} from '../kinds';
import type { Moment, NewMoment } from '../moments';
import { TOPICS, type OneOnOne } from '../oneOnOnes';
import { findPersonByName, type Person } from '../people';
import {
  checked,
  nothing,
  resolvePerson,
  StoreRefusal,
  withEvent,
  reopened,
  type Done,
  type Edit,
  type NewFeedback,
  type NewOneOnOne,
  type Outcome,
  type PersonChanges,
  type UndoStep,
} from './change';
import * as l10n from '../../core/l10n';

/** Records of `collection` checked and appended; the change that logged it and its Undo. */
function logged<C extends Collection>(
  draft: Draft,
  collection: C,
  record: TeamRecords[C],
  personSteps: UndoStep[],
): Outcome<Done<TeamRecords[C]>> {
  (draft[collection] as TeamRecords[C][]).push(record);
  return {
    changed: personSteps.length > 0 ? ['people', collection] : [collection],
    result: { value: record, undo: { steps: [{ kind: 'remove', collection, record }, ...personSteps] } },
  };
}

// ---------------------------------------------------------------------------------------------
// People

export function addPerson(input: { readonly name: string; readonly role?: string; readonly cadenceDays?: number }): Edit<Done<Person>> {
  return (draft, { today, newId, defaults }) => {
    const existing = findPersonByName(draft.people, input.name);
    if (existing) {
      throw new StoreRefusal(
        existing.archived
          ? l10n.t('{0} is already in the team (archived: restore them from the Team view).', existing.name)
          : l10n.t('{0} is already in the team.', existing.name),
      );
    }
    const person = checked(
      'people',
      {
        id: newId(),
        name: input.name,
        ...(input.role ? { role: input.role } : {}),
        cadenceDays: input.cadenceDays ?? defaults.cadenceDays(),
        addedOn: today,
      },
      today,
    );
    return logged(draft, 'people', person, []);
  };
}

/** Renames, sets the role or cadence, archives or restores: one record changes, every view follows. */
export function updatePerson(id: string, changes: PersonChanges): Edit<Done<Person> | undefined> {
  return (draft, { today }) => {
    const index = draft.people.findIndex((p) => p.id === id);
    const current = draft.people[index];
    if (!current) {
      return nothing(undefined);
    }
    if (changes.name !== undefined) {
      const clash = findPersonByName(draft.people, changes.name);
      if (clash && clash.id !== id) {
        throw new StoreRefusal(
          clash.archived
            ? l10n.t('{0} is already in the team (archived); choose another name.', clash.name)
            : l10n.t('{0} is already in the team; choose another name.', clash.name),
        );
      }
    }
    const { role: _role, archived: _archived, ...rest } = current;
    const role = changes.role === undefined ? current.role : (changes.role ?? undefined);
    const archived = changes.archived === undefined ? current.archived === true : changes.archived;
    const next = checked(
      'people',
      {
        ...rest,
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(role ? { role } : {}),
        ...(changes.cadenceDays !== undefined ? { cadenceDays: changes.cadenceDays } : {}),
        ...(archived ? { archived: true as const } : {}),
      },
      today,
    );
    if (sameValue(next, current)) {
      return nothing({ value: current, undo: { steps: [] } });
    }
    draft.people[index] = next;
    return {
      changed: ['people'],
      result: { value: next, undo: { steps: [{ kind: 'revert', collection: 'people', before: current, after: next }] } },
    };
  };
}

/** Removes a person and everything about them, of every kind; the Undo puts it all back. */
export function deletePerson(id: string): Edit<Done<{ person: Person; records: number }> | undefined> {
  return (draft) => {
    const person = draft.people.find((p) => p.id === id);
    if (!person) {
      return nothing(undefined);
    }
    const steps: UndoStep[] = [{ kind: 'reinsert', collection: 'people', record: person }];
    let records = 0;
    for (const collection of CHUNKED) {
      const list = draft[collection] as PersonRecord[];
      const theirs = list.filter((r) => r.personId === id);
      records += theirs.length;
      theirs.forEach((record) => steps.push({ kind: 'reinsert', collection, record }));
      (draft[collection] as PersonRecord[]) = list.filter((r) => r.personId !== id);
    }
    draft.people = draft.people.filter((p) => p.id !== id);
    return { changed: [...COLLECTIONS], result: { value: { person, records }, undo: { steps } } };
  };
}

// ---------------------------------------------------------------------------------------------
// Delegations

/** Logs a delegation; a new name adds the person in the same change (and the Undo removes both). */
export function logDelegation(input: NewDelegation): Edit<Done<Delegation>> {
  return (draft, context) => {
    const owner = resolvePerson(draft, input.person, context);
    const { person: _name, ...fields } = input;
    const delegation = checked('delegations', createDelegation(context.newId(), fields, owner.person.id, context.today), context.today);
    return logged(draft, 'delegations', delegation, owner.steps);
  };
}

/** Changes one delegation by `apply`; nothing when it is gone or `apply` gives it back unchanged. */
function changeDelegation(id: string, apply: (d: Delegation, on: DateKey) => Delegation): Edit<Delegation | undefined> {
  return (draft, { today }) => {
    const index = draft.delegations.findIndex((d) => d.id === id);
    const current = draft.delegations[index];
    if (!current) {
      return nothing(undefined);
    }
    const next = apply(current, today);
    if (next === current) {
      return nothing(current);
    }
    const saved = checked('delegations', next, today);
    draft.delegations[index] = saved;
    return { changed: ['delegations'], result: saved };
  };
}

export const markDone = (id: string): Edit<Delegation | undefined> =>
  changeDelegation(id, (d, on) => (isDone(d) ? d : withEvent({ ...d, doneOn: on }, { kind: 'done', on })));

export const reopen = (id: string): Edit<Delegation | undefined> => changeDelegation(id, reopened);

export const changeFollowUp = (id: string, followUpOn: DateKey): Edit<Delegation | undefined> =>
  changeDelegation(id, (d, on) =>
    d.followUpOn === followUpOn ? d : withEvent({ ...d, followUpOn }, { kind: 'followUpChanged', on, from: d.followUpOn, to: followUpOn }),
  );

export const changeLevel = (id: string, level: DelegationLevel): Edit<Delegation | undefined> =>
  changeDelegation(id, (d, on) =>
    d.level === level ? d : withEvent({ ...d, level }, { kind: 'levelChanged', on, from: d.level, to: level }),
  );

/** Edits the task or the note (an empty note removes it). */
export const editDelegation = (id: string, field: 'task' | 'note', value: string | undefined): Edit<Delegation | undefined> =>
  changeDelegation(id, (d, on) => {
    if (d[field] === value) {
      return d;
    }
    if (field === 'note') {
      const { note: _note, ...rest } = d;
      return withEvent(value === undefined ? rest : { ...rest, note: value }, { kind: 'edited', on, field });
    }
    return value === undefined ? d : withEvent({ ...d, [field]: value }, { kind: 'edited', on, field });
  });

/**
 * Points a delegation at code, or (undefined) removes its link: the link as validateCodeLink gives
 * it. The Undo puts the link and the history back, where nothing changed them since. The same link
 * again changes nothing (and has nothing to undo).
 */
export const linkToCode =
  (id: string, code: CodeLink | undefined): Edit<Done<Delegation> | undefined> =>
  (draft, { today }) => {
    const index = draft.delegations.findIndex((d) => d.id === id);
    const current = draft.delegations[index];
    if (!current) {
      return nothing(undefined);
    }
    if (sameCodeLink(current.code, code)) {
      return nothing({ value: current, undo: { steps: [] } });
    }
    const { code: _code, ...rest } = current;
    const next = checked(
      'delegations',
      withEvent(code === undefined ? rest : { ...rest, code }, { kind: 'edited', on: today, field: 'code' }),
      today,
    );
    draft.delegations[index] = next;
    return {
      changed: ['delegations'],
      result: { value: next, undo: { steps: [{ kind: 'revert', collection: 'delegations', before: current, after: next }] } },
    };
  };

/**
 * Records a check-in (with an optional note) and moves the follow-up to `nextFollowUpOn`.
 * Only on open work: a done delegation must be reopened first.
 */
export const checkIn = (id: string, note: string | undefined, nextFollowUpOn: DateKey): Edit<Delegation | undefined> =>
  changeDelegation(id, (d, on) => {
    if (isDone(d)) {
      throw new StoreRefusal(l10n.t('"{0}" is done; reopen it before logging a check-in.', d.task));
    }
    const withCheckIn = withEvent(d, { kind: 'checkIn', on, ...(note ? { note } : {}) });
    return d.followUpOn === nextFollowUpOn
      ? withCheckIn
      : withEvent({ ...withCheckIn, followUpOn: nextFollowUpOn }, { kind: 'followUpChanged', on, from: d.followUpOn, to: nextFollowUpOn });
  });

/** Gives a delegation to someone else, by name (found or added). */
export function reassign(id: string, personName: string): Edit<Delegation | undefined> {
  return (draft, context) => {
    const index = draft.delegations.findIndex((d) => d.id === id);
    const current = draft.delegations[index];
    if (!current) {
      return nothing(undefined);
    }
    const owner = resolvePerson(draft, personName, context);
    if (owner.person.id === current.personId) {
      return nothing(current);
    }
    const next = checked(
      'delegations',
      withEvent({ ...current, personId: owner.person.id }, { kind: 'edited', on: context.today, field: 'person' }),
      context.today,
    );
    draft.delegations[index] = next;
    return { changed: ['people', 'delegations'], result: next };
  };
}

// ---------------------------------------------------------------------------------------------
// 1:1s, feedback, and removing one entry of any kind about a person

export function logOneOnOne(input: NewOneOnOne): Edit<Done<OneOnOne>> {
  return (draft, context) => {
    const owner = resolvePerson(draft, input.person, context);
    const meeting = checked(
      'oneOnOnes',
      {
        id: context.newId(),
        personId: owner.person.id,
        on: input.on,
        ...(input.mood === undefined ? {} : { mood: input.mood }),
        ...(input.notes === undefined ? {} : { notes: input.notes }),
        // Each topic once, in one order, however they were given: the form a stored 1:1 must have.
        topics: TOPICS.filter((topic) => input.topics.includes(topic)),
      },
      context.today,
    );
    return logged(draft, 'oneOnOnes', meeting, owner.steps);
  };
}

export function logFeedback(input: NewFeedback): Edit<Done<Feedback>> {
  return (draft, context) => {
    const owner = resolvePerson(draft, input.person, context);
    const { person: _name, ...fields } = input;
    const entry = checked('feedback', { id: context.newId(), personId: owner.person.id, ...fields }, context.today);
    return logged(draft, 'feedback', entry, owner.steps);
  };
}

/** Logs a moment of explaining the bigger picture or of modeling a behavior, with someone (found or added by name) or with the team. */
export function logMoment(input: NewMoment): Edit<Done<Moment>> {
  return (draft, context) => {
    const owner = input.person === undefined ? undefined : resolvePerson(draft, input.person, context);
    const moment = checked(
      'moments',
      {
        id: context.newId(),
        on: input.on,
        action: input.action,
        ...(owner ? { personId: owner.person.id } : {}),
        ...(input.behavior === undefined ? {} : { behavior: input.behavior }),
        ...(input.note === undefined ? {} : { note: input.note }),
        ...(input.nudgeId === undefined ? {} : { nudgeId: input.nudgeId }),
      },
      context.today,
    );
    return logged(draft, 'moments', moment, owner?.steps ?? []);
  };
}

/** Removes one record about a person (a delegation, a 1:1, a feedback entry) logged by mistake; the Undo puts it back. */
export function deleteEntry<C extends Exclude<Collection, 'people'>>(collection: C, id: string): Edit<Done<TeamRecords[C]> | undefined> {
  return (draft) => {
    const list = draft[collection] as TeamRecords[C][];
    const entry = list.find((r) => r.id === id);
    if (!entry) {
      return nothing(undefined);
    }
    (draft[collection] as TeamRecords[C][]) = list.filter((r) => r.id !== id);
    return { changed: [collection], result: { value: entry, undo: { steps: [{ kind: 'reinsert', collection, record: entry }] } } };
  };
}

// ---------------------------------------------------------------------------------------------
// The checks every change passes before it is written

/** Refuses a change that takes a collection past its limit (a collection already past it may shrink). */
export function checkLimits(draft: Draft, before: TeamData): void {
  for (const collection of COLLECTIONS) {
    const kind = kindOf(collection);
    if (draft[collection].length > kind.limit && draft[collection].length > before[collection].length) {
      throw new StoreRefusal(kind.tooMany(draft[collection].length, kind.limit));
    }
  }
}

/** Every record about a person points to one in the team; anything else is a bug refused before it is stored. */
export function assertAttached(data: TeamData): void {
  const ids = new Set(data.people.map((p) => p.id));
  for (const collection of CHUNKED) {
    for (const record of data[collection] as readonly PersonRecord[]) {
      if (record.personId !== undefined && !ids.has(record.personId)) {
        throw new StoreRefusal(
          collection === 'oneOnOnes'
            ? l10n.t('That change would leave a 1:1 without its person. Nothing was changed.')
            : l10n.t('That change would leave a record without its person. Nothing was changed.'),
        );
      }
    }
  }
}

/** Makes the team exactly `data`: an old copy of it, marked moved, replaced when the team moves back (store/move.ts). */
export function replaceAll(data: TeamData): Edit<void> {
  const byId = (records: readonly TeamRecord[]): TeamRecord[] => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return (draft) => {
    const changed: Collection[] = [];
    for (const collection of COLLECTIONS) {
      if (!sameValue(byId(draft[collection]), byId(data[collection]))) {
        (draft as Record<Collection, TeamRecord[]>)[collection] = [...data[collection]];
        changed.push(collection);
      }
    }
    return { changed, result: undefined };
  };
}
