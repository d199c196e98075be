import * as assert from 'node:assert/strict';
import type { Clock, DateKey } from '../../src/domain/dates';
import type { StateStorage } from '../../src/domain/storage';
import { DEFAULT_CADENCE_DAYS } from '../../src/domain/team';
import { readStoredTeam, type TeamData, type Unreadable } from '../../src/domain/teamData';
import { TeamStore, type TeamStoreKeys } from '../../src/domain/teamStore';

/** A clock fixed at noon local time on a given day, movable by whole days. */
export class FakeClock implements Clock {
  private current: Date;

  constructor(day: string) {
    this.current = FakeClock.noon(day);
  }

  static noon(day: string): Date {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d, 12, 0, 0);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  setDay(day: string): void {
    this.current = FakeClock.noon(day);
  }
}

/** Storage that round-trips through JSON like VS Code's Memento, optionally slow or failing. */
export class MemoryStorage implements StateStorage {
  readonly data = new Map<string, string>();
  readonly writes: { key: string; value: unknown }[] = [];
  delayMs = 0;
  failNext = false;
  /** Every write of this key fails (the write of one key of several, e.g. during a migration). */
  failKey: string | undefined;

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) {
      this.data.set(key, JSON.stringify(value));
    }
  }

  get(key: string): unknown {
    const text = this.data.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  async update(key: string, value: unknown): Promise<void> {
    // Variable delays make a later write finish before an earlier one unless writes are serialised.
    const delay = this.delayMs > 0 ? Math.floor(Math.random() * this.delayMs) : 0;
    if (delay > 0) {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    if (this.failNext || (this.failKey !== undefined && key === this.failKey)) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.writes.push({ key, value });
    if (value === undefined) {
      this.data.delete(key);
    } else {
      this.data.set(key, JSON.stringify(value));
    }
  }

  keys(): string[] {
    return [...this.data.keys()];
  }
}

/** Every value `storage` holds (the team's index and chunks among them), but the keys in `except`. */
export function valuesOf(storage: MemoryStorage, except: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(storage.keys().filter((key) => !except.includes(key)).map((key) => [key, storage.get(key)]));
}

/** The same team, whatever order the records are held in (storage holds them by chunk). */
export function assertSameTeam(actual: TeamData, expected: TeamData, message = ''): void {
  const sorted = (list: readonly { id: string }[]): { id: string }[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const collection of ['people', 'delegations', 'oneOnOnes', 'feedback'] as const) {
    assert.deepEqual(sorted(actual[collection]), sorted(expected[collection]), `${collection} ${message}`);
  }
}

export function sequentialIds(prefix = 'd'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

export const day = (text: string): DateKey => text as DateKey;

/** The keys the extension uses (see platform/stateMap.ts). */
export const teamKeys: TeamStoreKeys = { team: 'techLead.team', legacy: 'techLead.delegations', keptAside: 'techLead.delegations.keptAside' };

/** Loads a TeamStore on `storage` with the extension's keys and the default 1:1 cadence. */
export function loadTeam(storage: StateStorage, clock: Clock = new FakeClock('2026-11-24'), newId = sequentialIds(), cadenceDays = DEFAULT_CADENCE_DAYS): Promise<TeamStore> {
  return TeamStore.load(storage, teamKeys, clock, newId, { cadenceDays: () => cadenceDays });
}

/** The stored team (the index and its chunks) as this version reads it, failing the test when it reads as newer data. */
export function readStored(storage: StateStorage, today = day('2026-11-24')): TeamData & { keptAside: Unreadable[] } {
  const read = readStoredTeam((key) => storage.get(key), teamKeys.team, today);
  assert.equal(read.kind, 'read', 'the stored team reads as data from a newer version');
  return read.kind === 'read' ? { ...read.data, keptAside: read.keptAside } : { people: [], delegations: [], oneOnOnes: [], feedback: [], keptAside: [] };
}
