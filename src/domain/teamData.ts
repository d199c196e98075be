import type { DateKey } from './dates';
import { compareDays, personKey, sameValue, validateStoredDelegation, validateStoredDelegationV1, type Delegation, type DelegationV1, type Validation } from './delegation';
import { DEFAULT_CADENCE_DAYS, validateStoredFeedback, validateStoredOneOnOne, validateStoredPerson, type Feedback, type OneOnOne, type Person } from './team';

/**
 * The tracker's stored form, version 2: the people and everything about them. Version 1 (release
 * 0.1) stored only delegations, each naming its person; it is read and migrated here.
 */
export const TEAM_SCHEMA_VERSION = 2;
export const LEGACY_SCHEMA_VERSION = 1;

export interface TeamData {
  readonly people: readonly Person[];
  readonly delegations: readonly Delegation[];
  readonly oneOnOnes: readonly OneOnOne[];
  readonly feedback: readonly Feedback[];
}

export const EMPTY_TEAM: TeamData = { people: [], delegations: [], oneOnOnes: [], feedback: [] };

export type Collection = keyof TeamData;
export const COLLECTIONS: readonly Collection[] = ['people', 'delegations', 'oneOnOnes', 'feedback'];

export type TeamRecord = Person | Delegation | OneOnOne | Feedback;

export interface StoredTeam extends TeamData {
  readonly schemaVersion: typeof TEAM_SCHEMA_VERSION;
}

/** What the legacy key holds once its data has moved: an older version sees a newer schema and writes nothing. */
export interface LegacyMarker {
  readonly schemaVersion: typeof TEAM_SCHEMA_VERSION;
  readonly movedTo: string;
}

/** A record this version could not read, with why. */
export interface Unreadable {
  readonly raw: unknown;
  readonly reason: string;
}

export type StoredTeamRead =
  | { readonly kind: 'read'; readonly data: TeamData; readonly keptAside: Unreadable[] }
  /** Saved by a newer version: nothing here may write over it. */
  | { readonly kind: 'newer'; readonly schemaVersion: number };

const VALIDATORS: { readonly [C in Collection]: (raw: unknown, today: DateKey) => Validation<TeamData[C][number]> } = {
  people: validateStoredPerson,
  delegations: validateStoredDelegation,
  oneOnOnes: validateStoredOneOnOne,
  feedback: validateStoredFeedback,
};

/** What each collection is called in messages about kept-aside records. */
const SINGULAR: Readonly<Record<Collection, string>> = { people: 'person', delegations: 'delegation', oneOnOnes: '1:1', feedback: 'feedback entry' };

export function validateRecord<C extends Collection>(collection: C, raw: unknown, today: DateKey): Validation<TeamData[C][number]> {
  return VALIDATORS[collection](raw, today) as Validation<TeamData[C][number]>;
}

export function storedVersionOf(raw: unknown): number | undefined {
  const version = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/**
 * Reads version-2 lists: each record validated, ids unique per collection, and every record about
 * a person pointing to one that exists. Whatever fails is returned apart, untouched, with why.
 */
export function readTeamLists(lists: Partial<Record<Collection, unknown>>, today: DateKey): { data: TeamData; keptAside: Unreadable[]; problems: string[] } {
  const keptAside: Unreadable[] = [];
  const problems: string[] = [];
  const read = <C extends Collection>(collection: C): TeamData[C][number][] => {
    const raw = lists[collection];
    if (raw === undefined) {
      return [];
    }
    if (!Array.isArray(raw)) {
      keptAside.push({ raw, reason: `the ${collection} list is not a list` });
      problems.push(`"${collection}" is not a list`);
      return [];
    }
    const seen = new Set<string>();
    const records: TeamData[C][number][] = [];
    (raw as unknown[]).forEach((record, index) => {
      const result = validateRecord(collection, record, today);
      const reason = !result.ok ? result.error : seen.has(result.value.id) ? 'duplicate id' : undefined;
      if (reason !== undefined || !result.ok) {
        keptAside.push({ raw: record, reason: `${SINGULAR[collection]}: ${reason ?? 'invalid'}` });
        problems.push(`${collection} #${index + 1}: ${reason ?? 'invalid'}`);
        return;
      }
      seen.add(result.value.id);
      records.push(result.value);
    });
    return records;
  };
  const people = read('people');
  const ids = new Set(people.map((p) => p.id));
  const attached = <T extends { readonly id: string; readonly personId: string }>(collection: Collection, records: T[]): T[] =>
    records.filter((record) => {
      if (ids.has(record.personId)) {
        return true;
      }
      keptAside.push({ raw: record, reason: `${SINGULAR[collection]}: its person is not in the tracker` });
      problems.push(`${SINGULAR[collection]} ${record.id}: its person (${record.personId}) is not in the file or the tracker`);
      return false;
    });
  return {
    data: {
      people,
      delegations: attached('delegations', read('delegations')),
      oneOnOnes: attached('oneOnOnes', read('oneOnOnes')),
      feedback: attached('feedback', read('feedback')),
    },
    keptAside,
    problems,
  };
}

const STORED_KEYS: ReadonlySet<string> = new Set(['schemaVersion', ...COLLECTIONS]);

/** Reads the version-2 key. */
export function readStoredTeam(raw: unknown, today: DateKey): StoredTeamRead {
  if (raw === undefined || raw === null) {
    return { kind: 'read', data: EMPTY_TEAM, keptAside: [] };
  }
  const version = storedVersionOf(raw);
  if (version !== undefined && version > TEAM_SCHEMA_VERSION) {
    return { kind: 'newer', schemaVersion: version };
  }
  const stored = raw as Record<string, unknown>;
  if (version !== TEAM_SCHEMA_VERSION || Object.keys(stored).some((key) => !STORED_KEYS.has(key))) {
    return { kind: 'read', data: EMPTY_TEAM, keptAside: [{ raw, reason: 'the stored tracker is not in a known shape' }] };
  }
  const { data, keptAside } = readTeamLists(stored, today);
  return { kind: 'read', data, keptAside };
}

/** Reads release 0.1's list of delegations; invalid records are returned apart, as they were. */
export function readLegacyDelegations(raw: unknown, today: DateKey): { delegations: DelegationV1[]; keptAside: Unreadable[] } {
  if (raw === undefined || raw === null) {
    return { delegations: [], keptAside: [] };
  }
  const stored = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  if (!stored || stored['schemaVersion'] !== LEGACY_SCHEMA_VERSION || !Array.isArray(stored['delegations'])) {
    return { delegations: [], keptAside: [{ raw, reason: 'the stored tracker is not in a known shape' }] };
  }
  const delegations: DelegationV1[] = [];
  const keptAside: Unreadable[] = [];
  const seen = new Set<string>();
  for (const record of stored['delegations'] as unknown[]) {
    const result = validateStoredDelegationV1(record, today);
    if (!result.ok) {
      keptAside.push({ raw: record, reason: result.error });
    } else if (seen.has(result.value.id)) {
      keptAside.push({ raw: record, reason: 'duplicate id' });
    } else {
      seen.add(result.value.id);
      delegations.push(result.value);
    }
  }
  return { delegations, keptAside };
}

/**
 * Turns named delegations into people and delegations that point to them. Names that differ only
 * in case or Unicode form are one person, named as most recently written; names already among
 * `people` join that person. New people are added today with the default cadence.
 */
export function attachPeople(
  named: readonly DelegationV1[],
  people: readonly Person[],
  today: DateKey,
  newId: () => string,
  cadenceDays: number = DEFAULT_CADENCE_DAYS,
): { people: Person[]; delegations: Delegation[]; added: Person[] } {
  const byKey = new Map(people.map((p) => [personKey(p.name), p]));
  const added: Person[] = [];
  const newest = [...named].sort((a, b) => compareDays(b.createdOn, a.createdOn));
  for (const d of newest) {
    const key = personKey(d.person);
    if (!byKey.has(key)) {
      const person: Person = { id: newId(), name: d.person, cadenceDays, addedOn: today };
      byKey.set(key, person);
      added.push(person);
    }
  }
  const delegations = named.map(({ person, ...rest }): Delegation => {
    const owner = byKey.get(personKey(person));
    if (!owner) {
      throw new Error('unreachable: every name was given a person');
    }
    const { id, task, ...others } = rest;
    return { id, task, personId: owner.id, ...others };
  });
  return { people: [...people, ...added], delegations, added };
}

/** Version 1 to version 2: every delegation kept, everyone named becomes a person. */
export function migrateLegacy(raw: unknown, today: DateKey, newId: () => string, cadenceDays?: number): { data: TeamData; keptAside: Unreadable[] } {
  const legacy = readLegacyDelegations(raw, today);
  const { people, delegations } = attachPeople(legacy.delegations, [], today, newId, cadenceDays);
  return { data: { people, delegations, oneOnOnes: [], feedback: [] }, keptAside: legacy.keptAside };
}

export function toStoredTeam(data: TeamData): StoredTeam {
  return { schemaVersion: TEAM_SCHEMA_VERSION, people: data.people, delegations: data.delegations, oneOnOnes: data.oneOnOnes, feedback: data.feedback };
}

/**
 * Release 0.1's data found beside version 2: the move was interrupted before the old key became a
 * marker, and 0.1 may have written there since. Delegations it added join the team; one it changed
 * is kept aside (the version-2 record stays); the rest are already here.
 */
export function reconcileLegacy(
  data: TeamData,
  raw: unknown,
  today: DateKey,
  newId: () => string,
  cadenceDays?: number,
): { data: TeamData; keptAside: Unreadable[]; added: number } {
  const legacy = readLegacyDelegations(raw, today);
  const byId = new Map(data.delegations.map((d) => [d.id, d]));
  const fresh = legacy.delegations.filter((d) => !byId.has(d.id));
  const keptAside = [...legacy.keptAside];
  for (const d of legacy.delegations) {
    const current = byId.get(d.id);
    if (current) {
      const { person, ...rest } = d;
      const owner = data.people.find((p) => p.id === current.personId);
      if (!owner || personKey(owner.name) !== personKey(person) || !sameValue({ ...rest, personId: current.personId }, current)) {
        keptAside.push({ raw: d, reason: 'changed by release 0.1 after the move to version 2; the version-2 record was kept' });
      }
    }
  }
  if (fresh.length === 0) {
    return { data, keptAside, added: 0 };
  }
  const { people, delegations } = attachPeople(fresh, data.people, today, newId, cadenceDays);
  return { data: { ...data, people, delegations: [...data.delegations, ...delegations] }, keptAside, added: fresh.length };
}
