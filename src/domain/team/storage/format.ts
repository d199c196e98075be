import { fromHex, isStoredId, randomName, toHex } from '../../core/ids';
import { CHUNKED, chunkedKind, type ChunkedCollection, type PersonRecord, type TeamData, type TeamRecord } from '../kinds';
import type { Person } from '../people';

/**
 * How the team is stored. Version 6: as version 5, below, and a delegation may point at code (its
 * `code` field: folders, files, a branch). A version that knows only 5 would keep such a record
 * aside as one with an unknown field, so the index says 6, and that version leaves the team alone
 * (read-only) rather than read it in part. The chunk files are as in version 5: named the same way,
 * with schema 5 inside (CHUNK_SCHEMA_VERSION); only an index of version 6 names one that may hold a
 * code link. An index of version 5 is read as it is and written as 6 by the next change.
 *
 * Version 5: an index (in workspace state) naming the people and the
 * chunk files that hold everything else, one file per kind, person and year, each written once
 * under a name no other write uses. The index carries its lineage (an id that every index and
 * chunk file of one team shares, so a store leaves alone what another team's index wrote) and a
 * generation that grows with every write (compared before each write, so two writers never lose
 * each other's change).
 *
 * Version 4 had the same index without a lineage, and chunk files named by generation; version 3
 * the index and its chunks in workspace state; version 2 everything under one key; version 1
 * (release 0.1) only delegations, each naming its person. All are read, and moved to version 6
 * (version 4 and earlier at load, version 5 at its next change).
 */
import { MARKER_SCHEMA_VERSION, TEAM_SCHEMA_VERSION } from './versions';

/** A chunk file a later index of the same lineage no longer names, kept until no index that names it can come back. */
export interface RetiredChunk {
  readonly name: string;
  /** When the index that stopped naming it was written (milliseconds since 1970, the store's clock). */
  readonly since: number;
}

/** The index: the people, and the names of the chunks that hold everything else. Written last. */
export interface TeamIndex {
  readonly schemaVersion: typeof TEAM_SCHEMA_VERSION;
  /** The team's lineage: 8 characters of 0-9a-z, made by its first write and never changed. */
  readonly lineage: string;
  /** Grows by one with every write of this lineage's index. */
  readonly generation: number;
  /** When this index was written (milliseconds since 1970, the store's clock). */
  readonly savedAt: number;
  readonly people: readonly Person[];
  /** The chunk files that hold the team, sorted. */
  readonly chunks: readonly string[];
  readonly retired: readonly RetiredChunk[];
}

/** Which index a store read last: what a write compares before it replaces the index. */
export interface IndexStamp {
  /** Undefined for an index of version 4 or earlier. */
  readonly lineage: string | undefined;
  readonly generation: number;
}

export interface StoredChunk {
  readonly schemaVersion: number;
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

export function storedVersionOf(raw: unknown): number | undefined {
  const version =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/** The stamp of a stored index (any version), or undefined when nothing readable is stored. */
export function stampOf(raw: unknown): IndexStamp | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return undefined;
  }
  const { lineage, generation } = raw as { lineage?: unknown; generation?: unknown };
  return {
    lineage: typeof lineage === 'string' ? lineage : undefined,
    generation: typeof generation === 'number' ? generation : -1,
  };
}

export function sameStamp(a: IndexStamp | undefined, b: IndexStamp | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.lineage === b.lineage && a.generation === b.generation;
}

const LINEAGE = /^[0-9a-z]{8}$/;

export function isLineage(value: unknown): value is string {
  return typeof value === 'string' && LINEAGE.test(value);
}

export function newLineage(): string {
  return randomName(8);
}

/**
 * The lineage a team stored without one (version 4 and earlier, release 0.1) gets when it moves:
 * made from what is stored, so a move that fails and is tried again takes the same lineage, and
 * the files the failed try left are known as this team's (and removed once a day old).
 */
export function lineageFrom(stored: unknown): string {
  const text = JSON.stringify(stored) ?? '';
  // FNV-1a, twice with different offsets, for 8 base-36 characters: a name, not a secret.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return `${(a % 1679616).toString(36).padStart(4, '0')}${(b % 1679616).toString(36).padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Chunks and their names

/** The chunk a record belongs in, e.g. `delegations/p-7/2026` (by the year it was created or held). */
export function bucketOf(collection: ChunkedCollection, record: PersonRecord): string {
  // A record about nobody in particular (a moment with the team) is in its kind's chunk without a person.
  const year = chunkedKind(collection)
    .bucketDay(record as never)
    .slice(0, 4);
  return `${collection}/${record.personId ?? ''}/${year}`;
}

/** The collection and person of a bucket. */
export function splitBucket(bucket: string): { collection: ChunkedCollection; personId: string; year: string } {
  const [collection, personId, year] = bucket.split('/') as [ChunkedCollection, string, string];
  return { collection, personId, year };
}

/** The records of each chunk, in the order they are held. */
export function bucketize(data: TeamData): Map<string, TeamRecord[]> {
  const buckets = new Map<string, TeamRecord[]>();
  for (const collection of CHUNKED) {
    for (const record of data[collection] as readonly PersonRecord[]) {
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

const COLLECTION_OF_FILE: ReadonlyMap<string, ChunkedCollection> = new Map(CHUNKED.map((c) => [chunkedKind(c).file, c]));

/** A chunk file's name read back. */
export interface ChunkName {
  /** The kind as spelled in the name. */
  readonly file: string;
  /** The collection, when this version knows the kind. */
  readonly collection: ChunkedCollection | undefined;
  readonly personId: string;
  readonly year: string;
  /** `<collection>/<person>/<year>` for a kind this version knows, else undefined. */
  readonly bucket: string | undefined;
  /** The version of the naming: 5 (lineage and a unique stamp) or 4 (generation). */
  readonly version: 4 | 5;
  /** Version 5: the lineage of the index that wrote it. */
  readonly lineage: string | undefined;
  /** Version 5: when it was written (milliseconds since 1970). */
  readonly writtenAt: number | undefined;
  /** Version 4: the generation that wrote it. */
  readonly generation: number | undefined;
}

/**
 * Version 5: `<kind>-<person id as lower-case hex of its UTF-8>-<year>-<lineage>-<written, base 36>.<4 random>.json`.
 * Any lower-case kind matches, so a later version's kinds are recognised as chunks (and kept), not as damage.
 */
const CHUNK_FILE_V5 = /^([a-z][a-z0-9]{0,30})-((?:[0-9a-f]{2}){0,100})-(\d{4})-([0-9a-z]{8})-([0-9a-z]{1,12})\.[0-9a-z]{4}\.json$/;
/** Version 4: `<kind>-<person hex>-<year>-<generation>.json`. */
const CHUNK_FILE_V4 = /^(delegations|oneonones|feedback)-((?:[0-9a-f]{2}){1,100})-(\d{4})-(\d{1,15})\.json$/;

/** A chunk file name read back, or undefined when it is not one. */
export function parseChunkName(name: string): ChunkName | undefined {
  const v5 = CHUNK_FILE_V5.exec(name);
  const v4 = v5 ? undefined : CHUNK_FILE_V4.exec(name);
  const match = v5 ?? v4;
  const personId = match ? fromHex(match[2] ?? '') : undefined;
  // No person (an empty hex): the chunk of its kind's records about nobody in particular.
  if (!match || personId === undefined || (personId !== '' && !isStoredId(personId))) {
    return undefined;
  }
  const file = match[1] ?? '';
  const year = match[3] ?? '';
  const collection = COLLECTION_OF_FILE.get(file);
  return {
    file,
    collection,
    personId,
    year,
    bucket: collection === undefined ? undefined : `${collection}/${personId}/${year}`,
    version: v5 ? 5 : 4,
    lineage: v5 ? v5[4] : undefined,
    writtenAt: v5 ? parseInt(v5[5] ?? '', 36) : undefined,
    generation: v4 ? Number(v4[4]) : undefined,
  };
}

/**
 * A new chunk file's name: the kind, the person id in hex (so the name is one name on every file
 * system: nothing Windows forbids, nothing a case-insensitive disk would take for another person's
 * chunk), the year, the lineage, and a stamp no other write uses (when, and four random characters),
 * so a write never replaces another's file, even one that is late or failed.
 */
export function chunkFileName(bucket: string, lineage: string, now: number): string {
  const { collection, personId, year } = splitBucket(bucket);
  return `${chunkedKind(collection).file}-${toHex(personId)}-${year}-${lineage}-${now.toString(36)}.${randomName(4)}.json`;
}

/** Version 3's chunk key: `<index key>/<bucket>#<generation>`, in workspace state. */
const STATE_CHUNK_SUFFIX = /^\/((?:delegations|oneOnOnes|feedback)\/[A-Za-z0-9_.:-]{1,100}\/\d{4})#\d+$/;

/** The bucket a version-3 chunk key names, when it is one of this index's chunk keys. */
export function bucketOfKey(indexKey: string, key: string): string | undefined {
  return key.startsWith(indexKey) ? STATE_CHUNK_SUFFIX.exec(key.slice(indexKey.length))?.[1] : undefined;
}
