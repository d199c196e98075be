import type { DateKey } from '../../core/dates';
import { NO_SLICES, type Slices } from '../../core/slices';
import {
  CHUNKED,
  chunkedKind,
  COLLECTIONS,
  EMPTY_TEAM,
  kindOf,
  type ChunkedCollection,
  type Collection,
  type PersonRecord,
  type TeamData,
  type TeamRecord,
  type TeamRecords,
} from '../kinds';
import type { ChunkFiles } from './files';
import {
  bucketize,
  bucketOfKey,
  isLineage,
  stampOf,
  parseChunkName,
  storedVersionOf,
  type IndexStamp,
  type RetiredChunk,
  type Unreadable,
} from './format';
import {
  CHUNK_SCHEMA_VERSION,
  FLAT_SCHEMA_VERSION,
  GENERATION_NAMES_SCHEMA_VERSION,
  LINEAGE_SCHEMA_VERSION,
  STATE_CHUNKS_SCHEMA_VERSION,
  TEAM_SCHEMA_VERSION,
} from './versions';
import * as l10n from '../../core/l10n';

type Pace = Pick<Slices, 'maybeYield'>;

/** Reads lists of records (version 2, an import file): each validated, ids unique per collection, every record about a person pointing to one that exists. */
export interface ListsRead {
  readonly data: TeamData;
  readonly keptAside: Unreadable[];
  /** One line per record that failed, for an import's message. */
  readonly problems: string[];
}

/**
 * Reads lists of records: each record validated, ids unique per collection, and every record about
 * a person pointing to one that exists. Whatever fails is returned apart, untouched, with why.
 * `slices` lets a large file be read without holding the host (see core/slices.ts).
 */
export async function readTeamLists(
  lists: Partial<Record<Collection, unknown>>,
  today: DateKey,
  slices: Pace = NO_SLICES,
): Promise<ListsRead> {
  const keptAside: Unreadable[] = [];
  const problems: string[] = [];
  const read = async <C extends Collection>(collection: C): Promise<TeamRecords[C][]> => {
    const raw = lists[collection];
    if (raw === undefined) {
      return [];
    }
    if (!Array.isArray(raw)) {
      keptAside.push({ raw, reason: `the ${collection} list is not a list` });
      problems.push(l10n.t('"{0}" is not a list', collection));
      return [];
    }
    const kind = kindOf(collection);
    const seen = new Set<string>();
    const records: TeamRecords[C][] = [];
    for (let index = 0; index < raw.length; index++) {
      const record: unknown = raw[index];
      const result = kind.validate(record, today);
      const reason = !result.ok ? result.error : seen.has(result.value.id) ? 'duplicate id' : undefined;
      if (reason !== undefined || !result.ok) {
        keptAside.push({ raw: record, reason: `${kind.singular}: ${reason ?? 'invalid'}` });
        problems.push(l10n.t('{0} #{1}: {2}', collection, index + 1, reason ?? l10n.t('invalid')));
      } else {
        seen.add(result.value.id);
        records.push(result.value);
      }
      if (index % 256 === 255) {
        await slices.maybeYield();
      }
    }
    return records;
  };
  const people = await read('people');
  const ids = new Set(people.map((p) => p.id));
  const data: Record<string, readonly TeamRecord[]> = { people };
  for (const collection of CHUNKED) {
    const records = (await read(collection)) as PersonRecord[];
    data[collection] = records.filter((record) => {
      // A moment with the team points to nobody.
      if (record.personId === undefined || ids.has(record.personId)) {
        return true;
      }
      keptAside.push({ raw: record, reason: `${kindOf(collection).singular}: its person is not in the tracker` });
      problems.push(chunkedKind(collection).personMissing(record.id, record.personId));
      return false;
    });
  }
  return { data: data as unknown as TeamData, keptAside, problems };
}

/** A chunk as it is held: its name (a file; a state key when read from version 3) and its records (the very objects the store shows). */
export interface HeldChunk {
  readonly key: string;
  readonly records: readonly TeamRecord[];
}

/**
 * A chunk the index names that could not be read at this load: not there (yet), unreadable, or
 * not whole. It stays named (the index is never rewritten without it) and is read again at the
 * next load; meanwhile nothing about its person can be changed.
 */
export interface UnreadChunk {
  readonly name: string;
  readonly personId: string;
  readonly reason: 'missing' | 'unreadable' | 'damaged';
  /** What was there, for a damaged chunk (kept aside if the lead chooses to go on without it). */
  readonly text?: string;
}

export type TeamRead =
  | {
      readonly kind: 'read';
      /** The schema read; undefined when nothing was stored. */
      readonly version: number | undefined;
      /** The index read (what the next write compares); undefined when nothing was stored. */
      readonly stamp: IndexStamp | undefined;
      readonly savedAt: number | undefined;
      readonly data: TeamData;
      readonly keptAside: Unreadable[];
      /** The chunks read whole, by bucket (a chunk whose records were kept aside is left out: it must be written again). */
      readonly chunks: ReadonlyMap<string, HeldChunk>;
      readonly unread: readonly UnreadChunk[];
      /** Chunks of a kind this version does not know (a later version wrote them): named, never read, never removed. */
      readonly unknown: readonly string[];
      readonly retired: readonly RetiredChunk[];
      /** Every chunk the index names, as it names them. */
      readonly named: readonly string[];
      /** True when the chunks as read do not hold the data as read one to one (a chunk lost a record, two named one bucket): they must be written again. */
      readonly dirty: boolean;
    }
  | { readonly kind: 'newer'; readonly schemaVersion: number };

const FLAT_KEYS: ReadonlySet<string> = new Set(['schemaVersion', ...COLLECTIONS]);
const INDEX_KEYS: Readonly<Record<number, ReadonlySet<string>>> = {
  [STATE_CHUNKS_SCHEMA_VERSION]: new Set(['schemaVersion', 'generation', 'people', 'chunks', 'savedAt']),
  [GENERATION_NAMES_SCHEMA_VERSION]: new Set(['schemaVersion', 'generation', 'people', 'chunks', 'savedAt']),
  [LINEAGE_SCHEMA_VERSION]: new Set(['schemaVersion', 'lineage', 'generation', 'people', 'chunks', 'savedAt', 'retired']),
  [TEAM_SCHEMA_VERSION]: new Set(['schemaVersion', 'lineage', 'generation', 'people', 'chunks', 'savedAt', 'retired']),
};

/** A chunk as found: its records, or why it could not be read. */
type Found =
  | { readonly name: string; readonly bucket: string; readonly records: readonly unknown[] }
  | { readonly name: string; readonly unread: UnreadChunk }
  | { readonly name: string; readonly unknownKind: true }
  | { readonly name: unknown; readonly garbage: true; readonly value?: unknown };

/** The schema a chunk's content must carry, by how it is named (the same for an index of version 5 or 6). */
function chunkSchemaOf(version: 4 | 5): number {
  return version === 5 ? CHUNK_SCHEMA_VERSION : GENERATION_NAMES_SCHEMA_VERSION;
}

async function readChunkFile(files: ChunkFiles, name: unknown, reuse: ReadonlyMap<string, HeldChunk> | undefined): Promise<Found> {
  const parsed = typeof name === 'string' ? parseChunkName(name) : undefined;
  if (typeof name !== 'string' || parsed === undefined) {
    return { name, garbage: true };
  }
  if (parsed.bucket === undefined) {
    return { name, unknownKind: true };
  }
  const held = reuse?.get(name);
  if (held) {
    return { name, bucket: parsed.bucket, records: held.records };
  }
  let text: string | undefined;
  try {
    text = await files.read(name);
  } catch {
    return { name, unread: { name, personId: parsed.personId, reason: 'unreadable' } };
  }
  if (text === undefined) {
    return { name, unread: { name, personId: parsed.personId, reason: 'missing' } };
  }
  try {
    const value = JSON.parse(text) as unknown;
    const records = storedVersionOf(value) === chunkSchemaOf(parsed.version) ? (value as { records?: unknown }).records : undefined;
    if (Array.isArray(records)) {
      return { name, bucket: parsed.bucket, records };
    }
  } catch {
    // Not JSON: not whole, or not ours.
  }
  return { name, unread: { name, personId: parsed.personId, reason: 'damaged', text } };
}

/**
 * Reads the team under `indexKey`: version 6, 5 or 4 (the index in state, its chunks in `files`, read
 * together), version 3 (the index and its chunks in state) or version 2 (one key). Records are
 * validated and attached to their person as in readTeamLists. A chunk the index names that cannot
 * be read now is returned as unread, never dropped; one of a kind this version does not know is
 * returned by name, never read. A chunk file is read only when the index names it. `reuse` gives
 * chunks already held, by name, so a reload reads only what changed.
 */
export async function readStoredTeam(
  get: (key: string) => unknown,
  files: ChunkFiles,
  indexKey: string,
  today: DateKey,
  options: { readonly slices?: Pace; readonly reuse?: ReadonlyMap<string, HeldChunk> } = {},
): Promise<TeamRead> {
  const slices = options.slices ?? NO_SLICES;
  const raw = get(indexKey);
  const nothing = {
    kind: 'read' as const,
    stamp: undefined,
    savedAt: undefined,
    data: EMPTY_TEAM,
    chunks: new Map<string, HeldChunk>(),
    unread: [],
    unknown: [],
    retired: [],
    named: [],
    dirty: false,
  };
  if (raw === undefined || raw === null) {
    return { ...nothing, version: undefined, keptAside: [] };
  }
  const version = storedVersionOf(raw);
  if (version !== undefined && version > TEAM_SCHEMA_VERSION) {
    return { kind: 'newer', schemaVersion: version };
  }
  const stored = raw as Record<string, unknown>;
  if (version === FLAT_SCHEMA_VERSION && Object.keys(stored).every((key) => FLAT_KEYS.has(key))) {
    const { data, keptAside } = await readTeamLists(stored, today, slices);
    return { ...nothing, version, stamp: stampOf(raw), data, keptAside, dirty: true };
  }
  const chunkNames = stored['chunks'];
  const generation = stored['generation'];
  const savedAt = stored['savedAt'];
  const lineage = stored['lineage'];
  const retired = readRetired(stored['retired']);
  const known = version === undefined ? undefined : INDEX_KEYS[version];
  if (
    known === undefined ||
    (savedAt !== undefined && (typeof savedAt !== 'number' || !Number.isFinite(savedAt))) ||
    Object.keys(stored).some((key) => !known.has(key)) ||
    (version !== undefined &&
      version >= LINEAGE_SCHEMA_VERSION &&
      (!isLineage(lineage) || typeof savedAt !== 'number' || retired === undefined)) ||
    !Array.isArray(chunkNames) ||
    typeof generation !== 'number' ||
    !Number.isInteger(generation) ||
    generation < 0
  ) {
    return { ...nothing, version, stamp: stampOf(raw), keptAside: [{ raw, reason: 'the stored tracker is not in a known shape' }] };
  }
  const named = chunkNames as unknown[];
  const found: Found[] =
    version === STATE_CHUNKS_SCHEMA_VERSION
      ? named.map((key): Found => {
          const bucket = typeof key === 'string' ? bucketOfKey(indexKey, key) : undefined;
          const value = bucket === undefined ? undefined : get(key as string);
          const records =
            typeof value === 'object' && value !== null && storedVersionOf(value) === STATE_CHUNKS_SCHEMA_VERSION
              ? (value as { records?: unknown }).records
              : undefined;
          return bucket !== undefined && Array.isArray(records)
            ? { name: key as string, bucket, records }
            : { name: key, garbage: true, value };
        })
      : await Promise.all(named.map((name) => readChunkFile(files, name, options.reuse)));
  const keptAside: Unreadable[] = [];
  const unread: UnreadChunk[] = [];
  const unknown: string[] = [];
  const lists: Record<ChunkedCollection, unknown[]> = Object.fromEntries(CHUNKED.map((c) => [c, []])) as unknown as Record<
    ChunkedCollection,
    unknown[]
  >;
  const readKeys: { key: string; bucket: string; count: number }[] = [];
  for (const chunk of found) {
    if ('garbage' in chunk) {
      // A name that is no chunk this store could have written: kept aside as it is, and the index is written without it.
      keptAside.push({
        raw: { chunk: chunk.name, value: chunk.value ?? null },
        reason: 'a stored chunk of the tracker is missing or not in a known shape',
      });
    } else if ('unknownKind' in chunk) {
      unknown.push(chunk.name);
    } else if ('unread' in chunk) {
      unread.push(chunk.unread);
    } else {
      lists[chunk.bucket.split('/')[0] as ChunkedCollection].push(...chunk.records);
      readKeys.push({ key: chunk.name, bucket: chunk.bucket, count: chunk.records.length });
    }
  }
  await slices.maybeYield();
  const read = await readTeamLists({ people: stored['people'], ...lists }, today, slices);
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
    version,
    stamp: stampOf(raw),
    savedAt: savedAt as number | undefined,
    data: read.data,
    keptAside: [...keptAside, ...read.keptAside],
    chunks,
    unread,
    unknown,
    retired: retired ?? [],
    named: named.filter((name): name is string => typeof name === 'string'),
    dirty,
  };
}

function readRetired(raw: unknown): RetiredChunk[] | undefined {
  if (raw === undefined) {
    return [];
  }
  if (!Array.isArray(raw)) {
    return undefined;
  }
  const entries: RetiredChunk[] = [];
  for (const entry of raw as unknown[]) {
    const { name, since } = (typeof entry === 'object' && entry !== null ? entry : {}) as { name?: unknown; since?: unknown };
    if (typeof name !== 'string' || parseChunkName(name) === undefined || typeof since !== 'number' || !Number.isFinite(since)) {
      return undefined;
    }
    entries.push({ name, since });
  }
  return entries;
}
