import type { DateKey } from '../core/dates';
import { validateStoredDelegation, validateStoredDelegationV1, type Delegation, type DelegationV1 } from './delegations';
import { compareDays, sameValue } from '../core/compare';
import { isStoredId } from '../core/ids';
import { personKey } from './people';
import { type Validation } from '../core/validation';
import { DEFAULT_CADENCE_DAYS, validateStoredPerson, type Person } from './people';
import { validateStoredFeedback, type Feedback } from './feedback';
import { validateStoredOneOnOne, type OneOnOne } from './oneOnOnes';
import * as l10n from '../core/l10n';
import type { ChunkFiles } from '../core/storage';

/**
 * The tracker's stored form. Version 4: an index in workspace state (people, and the names of the
 * chunk files that hold the rest) and chunks of delegations, 1:1s and feedback, one file per
 * collection, person and year, so a change writes the chunks it touched and the index, never the
 * whole history, and workspace state (which VS Code writes whole on every change and reads whole
 * at every start) stays small. Version 3 had the same index and chunks, all in workspace state;
 * version 2 held everything under one key; version 1 (release 0.1) only delegations, each naming
 * its person. All are read and migrated here.
 */
export const TEAM_SCHEMA_VERSION = 4;
/** Version 3: the index and its chunks, each chunk a key of workspace state. */
export const STATE_CHUNKS_SCHEMA_VERSION = 3;
export const FLAT_SCHEMA_VERSION = 2;
export const LEGACY_SCHEMA_VERSION = 1;
/** The schema of the marker left under release 0.1's key: newer than 0.1, so 0.1 writes nothing there. */
export const MARKER_SCHEMA_VERSION = 2;

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

/** Version 2: everything under one key. */
export interface StoredTeam extends TeamData {
  readonly schemaVersion: typeof FLAT_SCHEMA_VERSION;
}

/** The index: the people, and the names of the chunks that hold everything else. Written last. */
export interface TeamIndex {
  readonly schemaVersion: typeof TEAM_SCHEMA_VERSION;
  /** Grows with every write; a chunk's name ends with the generation that wrote it. */
  readonly generation: number;
  readonly people: readonly Person[];
  /** Chunk file names (version 3: keys of workspace state). */
  readonly chunks: readonly string[];
  /** When this index was written (milliseconds since 1970, the store's clock); version 3 has none. */
  readonly savedAt?: number;
}

export interface StoredChunk {
  readonly schemaVersion: typeof TEAM_SCHEMA_VERSION;
  readonly records: readonly unknown[];
}

/** What the legacy key holds once its data has moved: an older version sees a newer schema and writes nothing. */
export interface LegacyMarker {
  readonly schemaVersion: typeof MARKER_SCHEMA_VERSION;
  readonly movedTo: string;
}

/** A record this version could not read, with why. */
export interface Unreadable {
  readonly raw: unknown;
  readonly reason: string;
}

const VALIDATORS: { readonly [C in Collection]: (raw: unknown, today: DateKey) => Validation<TeamData[C][number]> } = {
  people: validateStoredPerson,
  delegations: validateStoredDelegation,
  oneOnOnes: validateStoredOneOnOne,
  feedback: validateStoredFeedback,
};

/** What each collection is called in the reasons stored with kept-aside records (stored data: English). */
const SINGULAR: Readonly<Record<Collection, string>> = {
  people: 'person',
  delegations: 'delegation',
  oneOnOnes: '1:1',
  feedback: 'feedback entry',
};

/** The import problem of a record whose person is in neither the file nor the tracker. */
function personMissing(collection: Collection, id: string, personId: string): string {
  switch (collection) {
    case 'people':
      return l10n.t('person {0}: its person ({1}) is not in the file or the tracker', id, personId);
    case 'delegations':
      return l10n.t('delegation {0}: its person ({1}) is not in the file or the tracker', id, personId);
    case 'oneOnOnes':
      return l10n.t('1:1 {0}: its person ({1}) is not in the file or the tracker', id, personId);
    case 'feedback':
      return l10n.t('feedback entry {0}: its person ({1}) is not in the file or the tracker', id, personId);
  }
}

export function validateRecord<C extends Collection>(collection: C, raw: unknown, today: DateKey): Validation<TeamData[C][number]> {
  return VALIDATORS[collection](raw, today) as Validation<TeamData[C][number]>;
}

export function storedVersionOf(raw: unknown): number | undefined {
  const version =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/**
 * Reads version-2 lists: each record validated, ids unique per collection, and every record about
 * a person pointing to one that exists. Whatever fails is returned apart, untouched, with why.
 */
export function readTeamLists(
  lists: Partial<Record<Collection, unknown>>,
  today: DateKey,
): { data: TeamData; keptAside: Unreadable[]; problems: string[] } {
  const keptAside: Unreadable[] = [];
  const problems: string[] = [];
  const read = <C extends Collection>(collection: C): TeamData[C][number][] => {
    const raw = lists[collection];
    if (raw === undefined) {
      return [];
    }
    if (!Array.isArray(raw)) {
      keptAside.push({ raw, reason: `the ${collection} list is not a list` });
      problems.push(l10n.t('"{0}" is not a list', collection));
      return [];
    }
    const seen = new Set<string>();
    const records: TeamData[C][number][] = [];
    (raw as unknown[]).forEach((record, index) => {
      const result = validateRecord(collection, record, today);
      const reason = !result.ok ? result.error : seen.has(result.value.id) ? 'duplicate id' : undefined;
      if (reason !== undefined || !result.ok) {
        keptAside.push({ raw: record, reason: `${SINGULAR[collection]}: ${reason ?? 'invalid'}` });
        problems.push(l10n.t('{0} #{1}: {2}', collection, index + 1, reason ?? l10n.t('invalid')));
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
      problems.push(personMissing(collection, record.id, record.personId));
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

const FLAT_KEYS: ReadonlySet<string> = new Set(['schemaVersion', ...COLLECTIONS]);
const INDEX_KEYS: ReadonlySet<string> = new Set(['schemaVersion', 'generation', 'people', 'chunks', 'savedAt']);

/** A chunk: one collection's records about one person in one year. */
export type ChunkedCollection = Exclude<Collection, 'people'>;
export const CHUNKED: readonly ChunkedCollection[] = ['delegations', 'oneOnOnes', 'feedback'];

/** The chunk a record belongs in, e.g. `delegations/p-7/2026` (by the year it was created or held). */
export function bucketOf(collection: ChunkedCollection, record: TeamData[ChunkedCollection][number]): string {
  const day = collection === 'delegations' ? (record as Delegation).createdOn : (record as OneOnOne | Feedback).on;
  return `${collection}/${record.personId}/${day.slice(0, 4)}`;
}

/** The records of each chunk, in the order they are held. */
export function bucketize(data: TeamData): Map<string, TeamRecord[]> {
  const buckets = new Map<string, TeamRecord[]>();
  for (const collection of CHUNKED) {
    for (const record of data[collection]) {
      const bucket = bucketOf(collection, record);
      const list = buckets.get(bucket);
      if (list) {
        list.push(record);
      } else {
        buckets.set(bucket, [record]);
      }
    }
  }
  return buckets;
}

/** Version 3's chunk key: `<index key>/<bucket>#<generation>`, in workspace state. */
const STATE_CHUNK_SUFFIX = /^\/((?:delegations|oneOnOnes|feedback)\/[A-Za-z0-9_.:-]{1,100}\/\d{4})#\d+$/;

/** The bucket a version-3 chunk key names, when it is one of this index's chunk keys. */
export function bucketOfKey(indexKey: string, key: string): string | undefined {
  return key.startsWith(indexKey) ? STATE_CHUNK_SUFFIX.exec(key.slice(indexKey.length))?.[1] : undefined;
}

/** A collection as it is spelled in a chunk file name: lower case, one spelling each. */
const FILE_COLLECTION: Readonly<Record<ChunkedCollection, string>> = {
  delegations: 'delegations',
  oneOnOnes: 'oneonones',
  feedback: 'feedback',
};
const COLLECTION_OF_FILE: ReadonlyMap<string, ChunkedCollection> = new Map(CHUNKED.map((c) => [FILE_COLLECTION[c], c]));
/** `<collection>-<person id as lower-case hex of its UTF-8>-<year>-<generation>.json`. */
const CHUNK_FILE = /^(delegations|oneonones|feedback)-((?:[0-9a-f]{2}){1,100})-(\d{4})-(\d{1,15})\.json$/;

function toHex(text: string): string {
  return [...new TextEncoder().encode(text)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): string | undefined {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The file name of a chunk. The person id (letters of both cases, digits, `_.:-` when it comes
 * from an imported file) is written as lower-case hex, so the name is one name on every file
 * system: nothing Windows forbids (`:`), nothing a case-insensitive disk (macOS, Windows) would
 * take for another person's chunk, and it reads back to its bucket unambiguously.
 */
export function chunkFileName(bucket: string, generation: number): string {
  const [collection, personId, year] = bucket.split('/') as [ChunkedCollection, string, string];
  return `${FILE_COLLECTION[collection]}-${toHex(personId)}-${year}-${generation}.json`;
}

/** A chunk file name read back: the bucket it holds and the generation that wrote it; undefined when it is not a chunk file name. */
function parseChunkFile(name: string): { bucket: string; generation: number } | undefined {
  const match = CHUNK_FILE.exec(name);
  const collection = match ? COLLECTION_OF_FILE.get(match[1] ?? '') : undefined;
  const personId = match ? fromHex(match[2] ?? '') : undefined;
  if (!match || collection === undefined || !isStoredId(personId)) {
    return undefined;
  }
  return { bucket: `${collection}/${personId}/${match[3] ?? ''}`, generation: Number(match[4]) };
}

/** The bucket a chunk file name names (`delegations/p-7/2026`), or undefined when it is not a chunk file name. */
export function bucketOfFile(name: string): string | undefined {
  return parseChunkFile(name)?.bucket;
}

/** The generation that wrote a chunk file (the number its name ends with), or undefined when it is not a chunk file name. */
export function generationOfFile(name: string): number | undefined {
  return parseChunkFile(name)?.generation;
}

/** A chunk as it is held: its name (a file; a state key when read from version 3) and its records (the very objects the store shows). */
export interface HeldChunk {
  readonly key: string;
  readonly records: readonly TeamRecord[];
}

export type ChunkedRead =
  | {
      readonly kind: 'read';
      readonly data: TeamData;
      readonly keptAside: Unreadable[];
      /** What the index held, and its chunks as read (a chunk whose records were kept aside is left out: it must be written again). */
      readonly generation: number;
      readonly chunks: ReadonlyMap<string, HeldChunk>;
      /** Every chunk the index names, as it names them (read or not). */
      readonly named: readonly string[];
      /** When the index was written, if it says (version 4). */
      readonly savedAt: number | undefined;
      readonly version: number | undefined;
      /** True when the chunks as read do not hold the data as read one to one (a chunk lost a record, two named one bucket): they must be written again. */
      readonly dirty: boolean;
    }
  | { readonly kind: 'newer'; readonly schemaVersion: number };

/** A chunk as found: in a file (version 4) or under a key of workspace state (version 3). */
interface FoundChunk {
  readonly name: unknown;
  readonly bucket: string | undefined;
  /** The parsed chunk; for a file that is not JSON, its text. */
  readonly value: unknown;
  readonly version: number;
}

async function readChunkFile(files: ChunkFiles, name: unknown): Promise<FoundChunk> {
  const bucket = typeof name === 'string' ? bucketOfFile(name) : undefined;
  if (bucket === undefined) {
    return { name, bucket, value: undefined, version: TEAM_SCHEMA_VERSION };
  }
  const text = await files.read(name as string);
  let value: unknown = text;
  if (text !== undefined) {
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      // Kept aside as the text it is.
    }
  }
  return { name, bucket, value, version: TEAM_SCHEMA_VERSION };
}

/**
 * Reads the team under `indexKey`: version 4 (the index in state, its chunks in `files`, read
 * together), version 3 (the index and its chunks in state) or version 2 (one key). Records are
 * validated and attached to their person as in readTeamLists; a missing or damaged chunk is kept
 * aside by its name. A chunk file is read only when the index names it.
 */
export async function readStoredTeam(
  get: (key: string) => unknown,
  files: ChunkFiles,
  indexKey: string,
  today: DateKey,
): Promise<ChunkedRead> {
  const raw = get(indexKey);
  const empty = {
    kind: 'read' as const,
    data: EMPTY_TEAM,
    generation: 0,
    chunks: new Map<string, HeldChunk>(),
    named: [],
    savedAt: undefined,
    version: undefined,
    dirty: false,
  };
  if (raw === undefined || raw === null) {
    return { ...empty, keptAside: [] };
  }
  const version = storedVersionOf(raw);
  if (version !== undefined && version > TEAM_SCHEMA_VERSION) {
    return { kind: 'newer', schemaVersion: version };
  }
  const stored = raw as Record<string, unknown>;
  if (version === FLAT_SCHEMA_VERSION && Object.keys(stored).every((key) => FLAT_KEYS.has(key))) {
    const { data, keptAside } = readTeamLists(stored, today);
    return { kind: 'read', data, keptAside, generation: 0, chunks: new Map(), named: [], savedAt: undefined, version, dirty: true };
  }
  const chunkNames = stored['chunks'];
  const generation = stored['generation'];
  const savedAt = stored['savedAt'];
  if (
    (savedAt !== undefined && (typeof savedAt !== 'number' || !Number.isFinite(savedAt))) ||
    (version !== TEAM_SCHEMA_VERSION && version !== STATE_CHUNKS_SCHEMA_VERSION) ||
    Object.keys(stored).some((key) => !INDEX_KEYS.has(key)) ||
    !Array.isArray(chunkNames) ||
    typeof generation !== 'number' ||
    !Number.isInteger(generation) ||
    generation < 0
  ) {
    return { ...empty, keptAside: [{ raw, reason: 'the stored tracker is not in a known shape' }] };
  }
  const named = chunkNames as unknown[];
  const found: FoundChunk[] =
    version === TEAM_SCHEMA_VERSION
      ? await Promise.all(named.map((name) => readChunkFile(files, name)))
      : named.map((key) => {
          const bucket = typeof key === 'string' ? bucketOfKey(indexKey, key) : undefined;
          return { name: key, bucket, value: bucket === undefined ? undefined : get(key as string), version: STATE_CHUNKS_SCHEMA_VERSION };
        });
  const keptAside: Unreadable[] = [];
  const lists: Record<ChunkedCollection, unknown[]> = { delegations: [], oneOnOnes: [], feedback: [] };
  const readKeys: { key: string; bucket: string; count: number }[] = [];
  for (const { name, bucket, value, version: chunkVersion } of found) {
    const records =
      typeof value === 'object' && value !== null && storedVersionOf(value) === chunkVersion
        ? (value as { records?: unknown }).records
        : undefined;
    if (bucket === undefined || !Array.isArray(records)) {
      keptAside.push({
        raw: { chunk: name, value: value ?? null },
        reason: 'a stored chunk of the tracker is missing or not in a known shape',
      });
      continue;
    }
    lists[bucket.split('/')[0] as ChunkedCollection].push(...(records as unknown[]));
    readKeys.push({ key: name as string, bucket, count: records.length });
  }
  const read = readTeamLists({ people: stored['people'], ...lists }, today);
  // A chunk holds exactly what it read when every record of its bucket was kept: then it need not be written again.
  const buckets = bucketize(read.data);
  const chunks = new Map<string, HeldChunk>();
  for (const { key, bucket, count } of readKeys) {
    const records = buckets.get(bucket);
    if (records && records.length === count && !chunks.has(bucket)) {
      chunks.set(bucket, { key, records });
    }
  }
  const dirty = chunks.size !== buckets.size || chunks.size !== readKeys.length;
  return {
    kind: 'read',
    data: read.data,
    keptAside: [...keptAside, ...read.keptAside],
    generation,
    chunks,
    named: named.filter((name): name is string => typeof name === 'string'),
    savedAt: savedAt as number | undefined,
    version,
    dirty,
  };
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
  return { data: { people, delegations, oneOnOnes: [], feedback: [] }, keptAside: legacy.keptAside };
}

/** Version 2's single value (what an older build of this release stored; the bench's starting point). */
export function toFlatTeam(data: TeamData): StoredTeam {
  return {
    schemaVersion: FLAT_SCHEMA_VERSION,
    people: data.people,
    delegations: data.delegations,
    oneOnOnes: data.oneOnOnes,
    feedback: data.feedback,
  };
}

/**
 * What takes the stored team from `held` to `data`: the chunks that changed, each under a new
 * name (`generation`), and the index that names the chunks of `data`. Nothing is removed here:
 * the chunks no longer named are removed when the store next loads (see TeamStore.persist).
 */
export function chunkWrites(
  data: TeamData,
  held: ReadonlyMap<string, HeldChunk>,
  generation: number,
  savedAt: number,
): { writes: [string, StoredChunk][]; index: TeamIndex; chunks: Map<string, HeldChunk> } {
  const chunks = new Map<string, HeldChunk>();
  const writes: [string, StoredChunk][] = [];
  for (const [bucket, records] of bucketize(data)) {
    const before = held.get(bucket);
    if (before && before.records.length === records.length && before.records.every((r, i) => r === records[i])) {
      chunks.set(bucket, before);
    } else {
      const name = chunkFileName(bucket, generation);
      chunks.set(bucket, { key: name, records });
      writes.push([name, { schemaVersion: TEAM_SCHEMA_VERSION, records }]);
    }
  }
  const index: TeamIndex = {
    schemaVersion: TEAM_SCHEMA_VERSION,
    generation,
    people: data.people,
    chunks: [...chunks.values()].map((c) => c.key).sort(),
    savedAt,
  };
  return { writes, index, chunks };
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
