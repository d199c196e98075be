import type { DateKey } from '../../core/dates';
import { UserFacingError } from '../../core/errors';
import { HISTORY_MAX, isDone, type Delegation, type DelegationEvent } from '../delegations';
import { validateRecord, type Collection, type Draft, type TeamRecord, type TeamRecords } from '../kinds';
import type { Mood, Topic } from '../oneOnOnes';
import { findPersonByName, type Person } from '../people';
import * as l10n from '../../core/l10n';

/**
 * What every change to the team is made of: an edit (a pure function of a draft of the data), what it
 * returns and how to undo it, and the checks and steps edits share (edits.ts, undo.ts, import.ts).
 */

/**
 * Every change to the team as a pure function of a draft of the data: it changes the draft in
 * place and says which collections it touched and what to return. TeamStore.commit runs it,
 * checks the result, writes it and only then shows it (store.ts).
 */
export type Edit<T> = (draft: Draft, context: EditContext) => Outcome<T> | Promise<Outcome<T>>;

export interface Outcome<T> {
  /** The collections the change touched; none means nothing to write. */
  readonly changed: readonly Collection[];
  readonly result: T;
}

export interface EditContext {
  readonly today: DateKey;
  readonly newId: () => string;
  readonly defaults: TeamDefaults;
}

/** Options the store reads when it adds someone. */
export interface TeamDefaults {
  cadenceDays(): number;
}

/** The outcome of a change that can be undone. */
export interface Done<T> {
  readonly value: T;
  readonly undo: Undoable;
}

/** A change refused before anything was written; the message is for the user. */
export class StoreRefusal extends UserFacingError {
  override readonly name = 'StoreRefusal';
  constructor(message: string) {
    super(message, 'warning');
  }
}

export interface NewOneOnOne {
  /** The person by name, found or added. */
  readonly person: string;
  readonly on: DateKey;
  readonly mood?: Mood;
  readonly notes?: string;
  readonly topics: readonly Topic[];
}

export type NewFeedback =
  | {
      readonly person: string;
      readonly on: DateKey;
      readonly kind: 'given';
      readonly situation: string;
      readonly behaviour: string;
      readonly impact: string;
    }
  | { readonly person: string; readonly on: DateKey; readonly kind: 'asked'; readonly said: string; readonly change: string };

export interface PersonChanges {
  readonly name?: string;
  /** `null` removes the role. */
  readonly role?: string | null;
  readonly cadenceDays?: number;
  readonly archived?: boolean;
}

export const nothing = <T>(result: T): Outcome<T> => ({ changed: [], result });

/** A record about to be written must be one that loads back: the same rules as reading. */
export function checked<C extends Collection>(collection: C, record: TeamRecords[C], today: DateKey): TeamRecords[C] {
  const result = validateRecord(collection, record, today);
  if (!result.ok) {
    throw new StoreRefusal(
      collection === 'people'
        ? l10n.t('That change would store an invalid person ({0}). Nothing was changed.', result.error)
        : l10n.t('That change would store an invalid record ({0}). Nothing was changed.', result.error),
    );
  }
  return result.value;
}

/** The person a name refers to, added (with the step that undoes it) when new. Archived people are not given new work. */
export function resolvePerson(draft: Draft, name: string, context: EditContext): { person: Person; steps: UndoStep[] } {
  const existing = findPersonByName(draft.people, name);
  if (existing?.archived) {
    throw new StoreRefusal(l10n.t('{0} is archived. Restore them from the Team view first.', existing.name));
  }
  if (existing) {
    return { person: existing, steps: [] };
  }
  const person = checked(
    'people',
    { id: context.newId(), name, cadenceDays: context.defaults.cadenceDays(), addedOn: context.today },
    context.today,
  );
  draft.people.push(person);
  return { person, steps: [{ kind: 'remove', collection: 'people', record: person }] };
}

/** Appends an event; past the cap the oldest events after "created" make room, so a record never outgrows what loads. */
export function withEvent(delegation: Delegation, event: DelegationEvent): Delegation {
  const history = [...delegation.history, event];
  if (history.length > HISTORY_MAX) {
    history.splice(1, history.length - HISTORY_MAX);
  }
  return { ...delegation, history };
}

export function reopened(d: Delegation, on: DateKey): Delegation {
  if (!isDone(d)) {
    return d;
  }
  const { doneOn: _doneOn, ...open } = d;
  return withEvent(open, { kind: 'reopened', on });
}

/**
 * One step of an Undo: the inverse of one change, applied only where nothing changed since.
 * Never a snapshot, so an Undo cannot wipe out work done after the change.
 */
export type UndoStep =
  /** Undo of an addition: remove the record if it is still exactly as added (a person only while nothing points to them). */
  | { readonly kind: 'remove'; readonly collection: Collection; readonly record: TeamRecord }
  /** Undo of a deletion: put the record back if its id is free (and its person is there). */
  | { readonly kind: 'reinsert'; readonly collection: Collection; readonly record: TeamRecord }
  /**
   * Undo of Mark done: reopen it only while it is still done from that Mark done: done on that
   * day, with as many done and reopened events as it had then (a later Reopen and Mark done add two).
   */
  | { readonly kind: 'reopen'; readonly id: string; readonly task: string; readonly doneOn: DateKey; readonly turns: number }
  /** Undo of an update: put back each field that changed, where it still holds the new value. */
  | { readonly kind: 'revert'; readonly collection: Collection; readonly before: TeamRecord; readonly after: TeamRecord };

export interface Undoable {
  readonly steps: readonly UndoStep[];
}

/** What an Undo did, and what it had to leave because it changed since. */
export interface UndoResult {
  readonly applied: number;
  readonly left: readonly { readonly what: string; readonly reason: string }[];
}
