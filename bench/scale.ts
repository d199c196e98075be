/**
 * log10kMs, tree10kMs, state10kBytes, bytesWrittenPerChange10k: the domain with two years of a busy
 * lead's data (10,000 delegations across 50 people, 2,000 1:1s, 500 feedback entries), in Node.
 * Storage is in memory but update() JSON-serialises the value, as VS Code's Memento does before the
 * state crosses to the main process, and the chunk files are kept as the text written to them; the
 * bytes are the UTF-8 length of that JSON and of that text.
 */
import { loadTeamStore } from '../src/domain/team/store/load';
import { performance } from 'node:perf_hooks';
import { todayKey, type Clock } from '../src/domain/core/dates';
import type { Delegation } from '../src/domain/team/delegations';
import { groupByFollowUp } from '../src/domain/team/delegationGroups';
import type { StateStorage } from '../src/domain/core/storage';
import type { ChunkFiles } from '../src/domain/team/storage/files';
import { DEFAULT_CADENCE_DAYS } from '../src/domain/team/people';
import { toFlatTeam } from '../src/domain/team/storage/legacy';
import { SETTLED_MS } from '../src/domain/team/storage/writer';
import { makeTeamData, SCALE_DELEGATIONS, SCALE_PEOPLE } from './fixtures';
import { median } from './stats';

const ROUNDS = 15;
const KEYS = { team: 'techLead.team', legacy: 'techLead.delegations', keptAside: 'techLead.delegations.keptAside' };

export interface ScaleResult {
  log10kMs: number | null;
  log10kSamples: number[];
  tree10kMs: number | null;
  tree10kSamples: number[];
  /** Bytes in workspace state at that size (the index, and whatever else the store keeps there). */
  state10kBytes: number | null;
  /** Bytes in the chunk files at that size. */
  chunkFiles10kBytes: number | null;
  /** Bytes handed to storage (workspace state and chunk files) when one delegation is marked done at that size. */
  bytesWrittenPerChange10k: number | null;
  /** Of those, the bytes handed to workspace state. */
  stateBytesPerChange10k: number | null;
  /** TeamStore.load of the whole data set (what activation pays with such a workspace). */
  load10kMs: number | null;
  /** The first load, which moves version 2 (one key) to chunks. */
  migrate10kMs: number;
  records: number;
  people: number;
  groups: Record<string, number>;
}

/** An in-memory Memento: values are kept as the JSON text VS Code would send and store. */
export class JsonMemoryStorage implements StateStorage {
  private readonly values = new Map<string, string>();
  lastWrittenBytes = 0;

  get(key: string): unknown {
    const text = this.values.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  /** Bytes of every value handed to update() since the last mark (a change writes chunks, then the index). */
  writtenSinceMark = 0;

  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) {
      this.values.delete(key);
      return Promise.resolve();
    }
    const text = JSON.stringify(value);
    this.values.set(key, text);
    this.lastWrittenBytes = Buffer.byteLength(text, 'utf8');
    this.writtenSinceMark += this.lastWrittenBytes;
    return Promise.resolve();
  }

  keys(): string[] {
    return [...this.values.keys()];
  }
}

/** The chunk folder in memory: each file kept as the text written to it. */
export class MemoryChunkFiles implements ChunkFiles {
  readonly files = new Map<string, string>();
  /** Bytes of every text handed to write() since the last mark. */
  writtenSinceMark = 0;

  read(name: string): Promise<string | undefined> {
    return Promise.resolve(this.files.get(name));
  }

  write(name: string, text: string): Promise<void> {
    this.files.set(name, text);
    this.writtenSinceMark += Buffer.byteLength(text, 'utf8');
    return Promise.resolve();
  }

  remove(name: string): Promise<void> {
    this.files.delete(name);
    return Promise.resolve();
  }

  list(): Promise<string[]> {
    return Promise.resolve([...this.files.keys()]);
  }
}

/** What the Delegations tree asks for: the root's group nodes, then every group's child nodes. */
function buildTreeChildren(delegations: readonly Delegation[], clock: Clock): number {
  const groups = groupByFollowUp(delegations, todayKey(clock));
  const roots = [...groups].filter(([, list]) => list.length > 0).map(([group]) => ({ kind: 'group' as const, group }));
  let nodes = roots.length;
  for (const root of roots) {
    const children = (groups.get(root.group) ?? []).map((delegation) => ({ kind: 'delegation' as const, delegation }));
    nodes += children.length;
  }
  return nodes;
}

export async function measureScale(): Promise<ScaleResult> {
  const clock: Clock = { now: () => new Date() };
  const today = todayKey(clock);
  const data = makeTeamData(today);
  const storage = new JsonMemoryStorage();
  const files = new MemoryChunkFiles();
  // Version 2 (one key): the first load moves it to chunk files, as it would for a lead updating.
  await storage.update(KEYS.team, toFlatTeam(data));

  let next = 0;
  const newId = (): string => `bench-new-${++next}`;
  const defaults = { cadenceDays: () => DEFAULT_CADENCE_DAYS };
  const tMove = performance.now();
  (await loadTeamStore(storage, files, KEYS, clock, newId, defaults)).dispose();
  const migrate10kMs = performance.now() - tMove;
  // What loading the tracker pays in such a workspace from then on: the index and every chunk file read and checked.
  const t0 = performance.now();
  const store = await loadTeamStore(storage, files, KEYS, clock, newId, defaults);
  const load10kMs = performance.now() - t0;
  if (store.delegations().length !== SCALE_DELEGATIONS) {
    throw new Error(
      `the store loaded ${store.delegations().length} of ${SCALE_DELEGATIONS} generated delegations (kept aside: ${store.keptAsideOnLoad})`,
    );
  }

  const input = { task: 'Own the benchmark write-up', person: 'Ada Okafor', level: 5 as const, followUpOn: today };
  const logSamples: number[] = [];
  let state10kBytes: number | null = null;
  for (let round = -1; round < ROUNDS; round++) {
    const t = performance.now();
    const logged = await store.logDelegation(input);
    const ms = performance.now() - t;
    if (round >= 0) logSamples.push(ms);
    // Back to exactly 10,000: what the store writes then is the state for 10,000.
    await store.deleteDelegation(logged.value.id);
  }
  // The chunk files the index no longer names go at a load once that index has settled (SETTLED_MS
  // later): such a load, on a clock that far ahead, leaves what stays, which is what is counted.
  const later: Clock = { now: () => new Date(Date.now() + SETTLED_MS) };
  (await loadTeamStore(storage, files, KEYS, later, newId, defaults)).dispose();
  state10kBytes = [...storage.keys()].reduce((sum, key) => sum + Buffer.byteLength(JSON.stringify(storage.get(key)), 'utf8'), 0);
  const chunkFiles10kBytes = [...files.files.values()].reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
  const open = store.delegations().find((d) => d.doneOn === undefined);
  if (!open) throw new Error('the data set has no open delegation to mark done');
  storage.writtenSinceMark = 0;
  files.writtenSinceMark = 0;
  await store.markDone(open.id);
  const stateBytesPerChange10k = storage.writtenSinceMark;
  const bytesWrittenPerChange10k = storage.writtenSinceMark + files.writtenSinceMark;
  await store.reopen(open.id);

  const treeSamples: number[] = [];
  let nodes = 0;
  for (let round = -1; round < ROUNDS; round++) {
    const t = performance.now();
    nodes = buildTreeChildren(store.delegations(), clock);
    const ms = performance.now() - t;
    if (round >= 0) treeSamples.push(ms);
  }
  if (nodes < SCALE_DELEGATIONS) throw new Error(`the tree built ${nodes} nodes for ${SCALE_DELEGATIONS} delegations`);

  const groups: Record<string, number> = {};
  for (const [group, list] of groupByFollowUp(store.delegations(), today)) groups[group] = list.length;
  store.dispose();
  return {
    log10kMs: median(logSamples),
    log10kSamples: logSamples,
    tree10kMs: median(treeSamples),
    tree10kSamples: treeSamples,
    state10kBytes,
    chunkFiles10kBytes,
    bytesWrittenPerChange10k,
    stateBytesPerChange10k,
    load10kMs,
    migrate10kMs,
    records: SCALE_DELEGATIONS,
    people: data.people.length || SCALE_PEOPLE,
    groups,
  };
}
