import type { DateKey } from '../core/dates';
import type { Validation } from '../core/validation';
import { validateStoredDelegation, type Delegation } from './delegations';
import { FEEDBACK_MAX, validateStoredFeedback, type Feedback } from './feedback';
import { describeMoment, MOMENTS_MAX, validateStoredMoment, type Moment } from './moments';
import { ONE_ON_ONES_MAX, validateStoredOneOnOne, type OneOnOne } from './oneOnOnes';
import { PEOPLE_MAX, validateStoredPerson, type Person } from './people';
import * as l10n from '../core/l10n';

/**
 * The kinds of record the team keeps, each defined once: what a collection holds, how it is
 * checked, stored, counted, undone, imported and exported. Everything that loops over the team's
 * collections derives from KINDS, so a kind missing from one of them fails to compile.
 *
 * To add a kind: its record type and validator in a module of its own, one line in TeamRecords,
 * one entry in KINDS (CONTRIBUTING.md, "Add a kind of record").
 */
export interface TeamRecords {
  people: Person;
  delegations: Delegation;
  oneOnOnes: OneOnOne;
  feedback: Feedback;
  moments: Moment;
}

export type Collection = keyof TeamRecords;
export type TeamRecord = TeamRecords[Collection];
/** Everything the team holds, one list per collection. */
export type TeamData = { readonly [C in Collection]: readonly TeamRecords[C][] };
/** The collections of records about one person, kept in chunks by person and year. */
export type ChunkedCollection = Exclude<Collection, 'people'>;
/** A record of a chunked collection: it points to its person (a moment with the team, to nobody). */
export type PersonRecord = TeamRecords[ChunkedCollection];

/** The most delegations one team holds; far beyond years of a busy lead's work. */
export const DELEGATIONS_MAX = 50_000;

/** What every kind says about itself. */
export interface RecordKind<R extends { readonly id: string }> {
  /** The record in English words, in the reasons stored with records kept aside (stored data, so not translated). */
  readonly singular: string;
  /** The most records of this kind one team keeps. */
  readonly limit: number;
  /** The same rules as typing, for a stored or imported record: what passes is rebuilt from the known fields only. */
  validate(raw: unknown, today: DateKey): Validation<R>;
  /** How a notification names one record ("the 1:1 with Sam on 2026-11-20"); `nameOf` gives a person's current name. */
  describe(record: R, nameOf: (personId: string) => string): string;
  /** "1 person", "3 delegations". */
  count(n: number): string;
  /** The refusal when a change would take the team past `limit`. */
  tooMany(count: number, limit: number): string;
  /** Fields an Undo of an update puts back only together (a delegation's done state and its history); the others one by one. */
  readonly revertTogether: readonly (readonly string[])[];
  /** The record as an export file holds it: anything private (1:1 notes) left out unless it may leave the editor. */
  exported(record: R, includePrivate: boolean): R;
  /**
   * What an import of a file exported without private data stores for a record it brings
   * (`incoming`) where the team holds `current`: by default the file's record; a 1:1 keeps the
   * notes held here.
   */
  merged(current: R | undefined, incoming: R): R;
}

/** A kind whose records are about one person: kept in chunk files by person and year. */
export interface ChunkedKind<R extends PersonRecord> extends RecordKind<R> {
  /** How the collection is spelled in a chunk file's name: lower-case letters, one spelling each. */
  readonly file: string;
  /** The day whose year places a record in its chunk (when it was created or held). */
  bucketDay(record: R): DateKey;
  /** The import problem of a record whose person is in neither the file nor the team. */
  personMissing(id: string, personId: string): string;
}

const fileRecord = <R>(record: R): R => record;
const nameInQuotes = (text: string): string => `"${text}"`;

export const KINDS: { readonly people: RecordKind<Person> } & { readonly [C in ChunkedCollection]: ChunkedKind<TeamRecords[C]> } = {
  people: {
    singular: 'person',
    limit: PEOPLE_MAX,
    validate: validateStoredPerson,
    describe: (person) => person.name,
    count: (n) => (n === 1 ? l10n.t('1 person') : l10n.t('{0} people', n)),
    tooMany: (count, limit) => l10n.t('This workspace would hold {0} people; the most it keeps is {1}. Nothing was changed.', count, limit),
    revertTogether: [],
    exported: fileRecord,
    merged: (_current, incoming) => incoming,
  },
  delegations: {
    singular: 'delegation',
    file: 'delegations',
    limit: DELEGATIONS_MAX,
    validate: validateStoredDelegation,
    bucketDay: (d) => d.createdOn,
    describe: (d) => nameInQuotes(d.task),
    count: (n) => (n === 1 ? l10n.t('1 delegation') : l10n.t('{0} delegations', n)),
    tooMany: (count, limit) =>
      l10n.t('This workspace would hold {0} delegations; the most it keeps is {1}. Nothing was changed.', count, limit),
    personMissing: (id, personId) => l10n.t('delegation {0}: its person ({1}) is not in the file or the tracker', id, personId),
    revertTogether: [['doneOn', 'history']],
    exported: fileRecord,
    merged: (_current, incoming) => incoming,
  },
  oneOnOnes: {
    singular: '1:1',
    file: 'oneonones',
    limit: ONE_ON_ONES_MAX,
    validate: validateStoredOneOnOne,
    bucketDay: (m) => m.on,
    describe: (m, nameOf) => l10n.t('the 1:1 with {0} on {1}', nameOf(m.personId), m.on),
    count: (n) => (n === 1 ? l10n.t('1 1:1') : l10n.t('{0} 1:1s', n)),
    tooMany: (count, limit) => l10n.t('This workspace would hold {0} 1:1s; the most it keeps is {1}. Nothing was changed.', count, limit),
    personMissing: (id, personId) => l10n.t('1:1 {0}: its person ({1}) is not in the file or the tracker', id, personId),
    revertTogether: [],
    exported: (m, includePrivate) => {
      if (includePrivate || m.notes === undefined) {
        return m;
      }
      const { notes: _notes, ...rest } = m;
      return rest;
    },
    // A file exported without private notes does not remove the notes kept here.
    merged: (current, incoming) =>
      current?.notes !== undefined && incoming.notes === undefined ? { ...incoming, notes: current.notes } : incoming,
  },
  feedback: {
    singular: 'feedback entry',
    file: 'feedback',
    limit: FEEDBACK_MAX,
    validate: validateStoredFeedback,
    bucketDay: (f) => f.on,
    describe: (f, nameOf) =>
      f.kind === 'given'
        ? l10n.t('the feedback to {0} on {1}', nameOf(f.personId), f.on)
        : l10n.t('the feedback from {0} on {1}', nameOf(f.personId), f.on),
    count: (n) => (n === 1 ? l10n.t('1 feedback entry') : l10n.t('{0} feedback entries', n)),
    tooMany: (count, limit) =>
      l10n.t('This workspace would hold {0} feedback; the most it keeps is {1}. Nothing was changed.', count, limit),
    personMissing: (id, personId) => l10n.t('feedback entry {0}: its person ({1}) is not in the file or the tracker', id, personId),
    revertTogether: [],
    exported: fileRecord,
    merged: (_current, incoming) => incoming,
  },
  moments: {
    singular: 'moment',
    file: 'moments',
    limit: MOMENTS_MAX,
    validate: validateStoredMoment,
    bucketDay: (m) => m.on,
    describe: (m, nameOf) => describeMoment(m, nameOf),
    count: (n) => (n === 1 ? l10n.t('1 moment') : l10n.t('{0} moments', n)),
    tooMany: (count, limit) =>
      l10n.t('This workspace would hold {0} moments; the most it keeps is {1}. Nothing was changed.', count, limit),
    personMissing: (id, personId) => l10n.t('moment {0}: its person ({1}) is not in the file or the tracker', id, personId),
    revertTogether: [],
    exported: fileRecord,
    merged: (_current, incoming) => incoming,
  },
};

/** Every collection, in the order they are read, written, counted and exported: people first. */
export const COLLECTIONS = Object.keys(KINDS) as readonly Collection[];
/** The collections kept in chunks, by person and year. */
export const CHUNKED = COLLECTIONS.filter((c): c is ChunkedCollection => c !== 'people');

/** The kind of a collection, typed by it. */
export function kindOf<C extends Collection>(collection: C): RecordKind<TeamRecords[C]> {
  return KINDS[collection] as unknown as RecordKind<TeamRecords[C]>;
}

/** The chunked kind of a collection, typed by it. */
export function chunkedKind<C extends ChunkedCollection>(collection: C): ChunkedKind<TeamRecords[C]> {
  return KINDS[collection] as unknown as ChunkedKind<TeamRecords[C]>;
}

/** A team with nothing in it. */
export const EMPTY_TEAM: TeamData = Object.freeze(Object.fromEntries(COLLECTIONS.map((c) => [c, []]))) as unknown as TeamData;

/** A team whose lists can be changed in place: what a change is computed on. */
export type Draft = { -readonly [C in Collection]: TeamRecords[C][] };

export function draftOf(data: TeamData): Draft {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, [...data[c]]])) as unknown as Draft;
}

/** Whether any record about a person points to `personId`. */
export function isReferenced(data: TeamData, personId: string): boolean {
  return CHUNKED.some((c) => (data[c] as readonly PersonRecord[]).some((r) => r.personId === personId));
}

/** Checks one stored or imported record of `collection` (see RecordKind.validate). */
export function validateRecord<C extends Collection>(collection: C, raw: unknown, today: DateKey): Validation<TeamRecords[C]> {
  return kindOf(collection).validate(raw, today);
}
