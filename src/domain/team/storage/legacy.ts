import { compareDays, sameValue } from '../../core/compare';
import type { DateKey } from '../../core/dates';
import { validateStoredDelegationV1, type Delegation, type DelegationV1 } from '../delegations';
import { EMPTY_TEAM, type TeamData } from '../kinds';
import { DEFAULT_CADENCE_DAYS, personKey, type Person } from '../people';
import { type Unreadable } from './format';
import { FLAT_SCHEMA_VERSION, LEGACY_SCHEMA_VERSION } from './versions';

/** Release 0.1's tracker (delegations that name their person) and its move to the team. */

/** Version 2's single value (what an older build of this release stored; the bench's starting point). */
export interface StoredTeam extends TeamData {
  readonly schemaVersion: typeof FLAT_SCHEMA_VERSION;
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
export function migrateLegacy(
  raw: unknown,
  today: DateKey,
  newId: () => string,
  cadenceDays?: number,
): { data: TeamData; keptAside: Unreadable[] } {
  const legacy = readLegacyDelegations(raw, today);
  const { people, delegations } = attachPeople(legacy.delegations, [], today, newId, cadenceDays);
  return { data: { ...EMPTY_TEAM, people, delegations }, keptAside: legacy.keptAside };
}

/** Version 2's single value (what an older build of this release stored; the bench's starting point). */
export function toFlatTeam(data: TeamData): StoredTeam {
  return { schemaVersion: FLAT_SCHEMA_VERSION, ...data };
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
