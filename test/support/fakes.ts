import { loadTeamStore } from '../../src/domain/team/store/load';
import { EMPTY_TEAM } from '../../src/domain/team/kinds';
import * as assert from 'node:assert/strict';
import type { Clock, DateKey } from '../../src/domain/core/dates';
import type { StateStorage } from '../../src/domain/core/storage';
import type { ChunkFiles } from '../../src/domain/team/storage/files';
import type { TeamFolder } from '../../src/domain/team/storage/folder';
import { DEFAULT_CADENCE_DAYS } from '../../src/domain/team/people';
import { readStoredTeam } from '../../src/domain/team/storage/read';
import { type TeamData } from '../../src/domain/team/kinds';
import { type Unreadable } from '../../src/domain/team/storage/format';
import type { TeamStore, TeamStoreKeys } from '../../src/domain/team/store/store';

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

  /** Moves the clock on by `ms` (the day may change with it). */
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * The tracker's chunk folder in memory, optionally slow or failing, and recording what was
 * written, removed and read (to show that a file no index names is never read).
 */
export class MemoryChunkFiles implements ChunkFiles {
  readonly data = new Map<string, string>();
  /** Each write (`text`) and removal (`text` undefined), in the order they landed. */
  readonly writes: { name: string; text: string | undefined }[] = [];
  readonly reads: string[] = [];
  delayMs = 0;
  /** The next write or removal fails. */
  failNext = false;
  /** Every write whose name matches fails. */
  failWrite: RegExp | undefined;
  /** Every removal fails. */
  failRemove = false;
  /** Every read fails (the folder cannot be read). */
  failRead = false;
  /** Every read returns this text instead of what is stored (a disk that does not give back what it was given). */
  garbleReads: string | undefined;
  /** Shared with the MemoryStorage it belongs to: how many more writes land before the process "stops". */
  crash: { left: number } | undefined;

  constructor(initial: Record<string, string> = {}) {
    for (const [name, text] of Object.entries(initial)) {
      this.data.set(name, text);
    }
  }

  async read(name: string): Promise<string | undefined> {
    await randomPause(this.delayMs);
    if (this.failRead) {
      throw new Error('permission denied');
    }
    this.reads.push(name);
    return this.garbleReads ?? this.data.get(name);
  }

  async write(name: string, text: string): Promise<void> {
    await randomPause(this.delayMs);
    stopIfCrashed(this.crash);
    if (this.failNext || this.failWrite?.test(name) === true) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.writes.push({ name, text });
    this.data.set(name, text);
  }

  async remove(name: string): Promise<void> {
    await randomPause(this.delayMs);
    stopIfCrashed(this.crash);
    if (this.failNext || this.failRemove) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.writes.push({ name, text: undefined });
    this.data.delete(name);
  }

  list(): Promise<string[]> {
    return Promise.resolve([...this.data.keys()]);
  }

  /** A chunk as stored, parsed. */
  json(name: string): unknown {
    const text = this.data.get(name);
    return text === undefined ? undefined : JSON.parse(text);
  }
}

/**
 * Storage that round-trips through JSON like VS Code's Memento, optionally slow or failing; with
 * `files`, the workspace storage folder beside it (where the tracker keeps its chunks).
 */
export class MemoryStorage implements StateStorage {
  readonly data = new Map<string, string>();
  readonly writes: { key: string; value: unknown }[] = [];
  readonly files: MemoryChunkFiles;
  delayMs = 0;
  failNext = false;
  /** Every write of this key fails (the write of one key of several, e.g. during a migration). */
  failKey: string | undefined;
  /** Every removal of a key fails. */
  failRemovals = false;

  constructor(initial: Record<string, unknown> = {}, files: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) {
      this.data.set(key, JSON.stringify(value));
    }
    this.files = new MemoryChunkFiles(files);
  }

  get(key: string): unknown {
    const text = this.data.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  /**
   * Like VS Code's Memento: a write that storage accepts is visible to `get` from the moment
   * `update` is called, and the promise resolves later (when it reached the disk). A write that
   * fails (an injected fault, a "crash") leaves nothing, and rejects.
   */
  async update(key: string, value: unknown): Promise<void> {
    let failure: Error | undefined;
    try {
      stopIfCrashed(this.files.crash);
    } catch (error) {
      failure = error as Error;
    }
    if (!failure && (this.failNext || (this.failKey !== undefined && key === this.failKey) || (this.failRemovals && value === undefined))) {
      this.failNext = false;
      failure = new Error('disk full');
    }
    if (!failure) {
      this.writes.push({ key, value });
      if (value === undefined) {
        this.data.delete(key);
      } else {
        this.data.set(key, JSON.stringify(value));
      }
    }
    await randomPause(this.delayMs);
    if (failure) {
      throw failure;
    }
  }

  keys(): string[] {
    return [...this.data.keys()];
  }

  /** From now on, `writes` more writes (to state or to files, in any mix) land; every one after fails, as if the process had stopped. */
  crashAfter(writes: number | undefined): void {
    this.files.crash = writes === undefined ? undefined : { left: writes };
  }
}

/** Up to `maxMs`, at random: variable delays make a later write finish before an earlier one unless writes are serialised. */
async function randomPause(maxMs: number): Promise<void> {
  const delay = maxMs > 0 ? Math.floor(Math.random() * maxMs) : 0;
  if (delay > 0) {
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function stopIfCrashed(crash: { left: number } | undefined): void {
  if (crash) {
    if (crash.left <= 0) {
      throw new Error('the process stopped');
    }
    crash.left--;
  }
}

/** The chunk files beside `storage`, name to text (to copy them into another MemoryStorage). */
export function filesOf(storage: MemoryStorage): Record<string, string> {
  return Object.fromEntries(storage.files.data);
}

/** Every value `storage` holds (the team's index among them), but the keys in `except`. */
export function valuesOf(storage: MemoryStorage, except: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(
    storage
      .keys()
      .filter((key) => !except.includes(key))
      .map((key) => [key, storage.get(key)]),
  );
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
export const teamKeys: TeamStoreKeys = {
  team: 'techLead.team',
  legacy: 'techLead.delegations',
  keptAside: 'techLead.delegations.keptAside',
};

/** Loads a TeamStore on `storage` (and its chunk files) with the extension's keys and the default 1:1 cadence. */
export function loadTeam(
  storage: MemoryStorage,
  clock: Clock = new FakeClock('2026-11-24'),
  newId = sequentialIds(),
  cadenceDays = DEFAULT_CADENCE_DAYS,
): Promise<TeamStore> {
  return loadTeamStore(storage, storage.files, teamKeys, clock, newId, { cadenceDays: () => cadenceDays });
}

/** The stored team (the index and the chunk files it names) as this version reads it, failing the test when it reads as newer data. */
export async function readStored(storage: MemoryStorage, today = day('2026-11-24')): Promise<TeamData & { keptAside: Unreadable[] }> {
  const read = await readStoredTeam((key) => storage.get(key), storage.files, teamKeys.team, today);
  assert.equal(read.kind, 'read', 'the stored team reads as data from a newer version');
  return read.kind === 'read'
    ? { ...read.data, keptAside: read.keptAside }
    : { ...EMPTY_TEAM, people: [], delegations: [], oneOnOnes: [], feedback: [], keptAside: [] };
}

/** Everything written to `storage`: its keys and its chunk files (writes and removals). */
export function writeCount(storage: MemoryStorage): number {
  return storage.writes.length + storage.files.writes.length;
}

/** The chunk files the stored index names. */
export function namedFiles(storage: MemoryStorage): string[] {
  return [...((storage.get(teamKeys.team) as { chunks?: string[] } | undefined)?.chunks ?? [])];
}

/**
 * A team folder many windows share (the `user` location, a folder the lead chose), in memory:
 * slow at random, failing on demand, and telling watchers of each change late, out of order, or
 * not at all (`loseEvents`), as file watching does.
 */
export class MemoryTeamFolder implements TeamFolder {
  readonly data = new Map<string, string>();
  delayMs = 0;
  /** The next write, claim or removal fails. */
  failNext = false;
  /** Every claim fails (the step that makes a new index the team's). */
  failClaims = false;
  /** The next read fails (the file is locked for a moment). */
  failNextRead = false;
  /** How often a change is not told to a watcher at all (0 to 1). */
  loseEvents = 0;
  crash: { left: number } | undefined;
  private readonly watchers = new Set<(name: string) => void>();
  private readonly pending = new Set<Promise<void>>();

  async read(name: string): Promise<string | undefined> {
    await randomPause(this.delayMs);
    if (this.failNextRead) {
      this.failNextRead = false;
      throw new Error('the file is locked');
    }
    return this.data.get(name);
  }

  async write(name: string, text: string): Promise<void> {
    await randomPause(this.delayMs);
    this.failIfAsked();
    this.data.set(name, text);
    this.tell(name);
  }

  async remove(name: string): Promise<void> {
    await randomPause(this.delayMs);
    this.failIfAsked();
    this.data.delete(name);
    this.tell(name);
  }

  async list(): Promise<string[]> {
    await randomPause(this.delayMs);
    // In no particular order, as a directory listing is.
    return [...this.data.keys()].sort(() => Math.random() - 0.5);
  }

  async claim(from: string, to: string): Promise<boolean> {
    await randomPause(this.delayMs);
    this.failIfAsked();
    if (this.failClaims) {
      throw new Error('disk full');
    }
    // The check and the new name are one step, as a hard link is.
    const text = this.data.get(from);
    if (text === undefined) {
      throw new Error(`${from} is not there`);
    }
    if (this.data.has(to)) {
      return false;
    }
    this.data.set(to, text);
    this.data.delete(from);
    this.tell(to);
    return true;
  }

  /** Calls `listener` with the name of each file changed, late and out of order, and some not at all. */
  watch(listener: (name: string) => void): { dispose(): void } {
    this.watchers.add(listener);
    return { dispose: () => this.watchers.delete(listener) };
  }

  /** Resolves once every change told so far has reached its watchers. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
    }
  }

  private tell(name: string): void {
    for (const watcher of this.watchers) {
      if (Math.random() < this.loseEvents) {
        continue;
      }
      const delivery: Promise<void> = randomPause(Math.max(1, this.delayMs * 3)).then(() => {
        this.pending.delete(delivery);
        watcher(name);
      });
      this.pending.add(delivery);
    }
  }

  private failIfAsked(): void {
    stopIfCrashed(this.crash);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
  }
}
