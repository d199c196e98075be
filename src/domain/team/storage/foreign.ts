import type { DateKey } from '../../core/dates';
import { CHUNKED, EMPTY_TEAM, kindOf, type ChunkedCollection, type PersonRecord, type TeamData } from '../kinds';
import { DEFAULT_CADENCE_DAYS, type Person } from '../people';
import type { ChunkFiles } from './files';
import { parseChunkName, storedVersionOf, type ChunkName } from './format';
import { CHUNK_SCHEMA_VERSION, GENERATION_NAMES_SCHEMA_VERSION } from './versions';
import * as l10n from '../../core/l10n';

/**
 * What the chunk files of other lineages in the folder hold (another window's team, or one whose
 * workspace state was lost), read for the lead to export and import if they want it. Their index, with the people's names, is not here, so each
 * person they point to that this team does not know is named by a placeholder the lead can rename
 * after importing. Nothing is written or removed.
 */
export async function readForeignChunks(
  files: ChunkFiles,
  ownLineage: string | undefined,
  known: readonly Person[],
  today: DateKey,
): Promise<{ data: TeamData; files: number }> {
  // Every file of another lineage, oldest first, so that a record in a later file replaces the
  // same record in an earlier one. Files a later index retired are among them (their index is not
  // here to say which), so a record deleted since may come back: more rather than less.
  const found: { name: string; parsed: ChunkName; order: number }[] = [];
  for (const name of await files.list()) {
    const parsed = parseChunkName(name);
    if (parsed !== undefined && parsed.bucket !== undefined && !(parsed.version === 5 && parsed.lineage === ownLineage)) {
      found.push({ name, parsed, order: parsed.writtenAt ?? parsed.generation ?? 0 });
    }
  }
  found.sort((a, b) => a.order - b.order);
  const byKey = new Map<string, { collection: ChunkedCollection; record: PersonRecord }>();
  let read = 0;
  for (const { name, parsed } of found) {
    const collection = parsed.collection;
    const text = await files.read(name).catch(() => undefined);
    if (collection === undefined || text === undefined) {
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      continue;
    }
    const schema = parsed.version === 5 ? CHUNK_SCHEMA_VERSION : GENERATION_NAMES_SCHEMA_VERSION;
    const records = storedVersionOf(value) === schema ? (value as { records?: unknown }).records : undefined;
    if (!Array.isArray(records)) {
      continue;
    }
    read++;
    for (const raw of records as unknown[]) {
      const result = kindOf(collection).validate(raw, today);
      if (result.ok) {
        byKey.set(`${collection}:${result.value.id}`, { collection, record: result.value as PersonRecord });
      }
    }
  }
  const lists = Object.fromEntries(CHUNKED.map((c) => [c, [] as PersonRecord[]])) as Record<ChunkedCollection, PersonRecord[]>;
  for (const { collection, record } of byKey.values()) {
    lists[collection].push(record);
  }
  const personIds = [...new Set(CHUNKED.flatMap((c) => lists[c].flatMap((r) => (r.personId === undefined ? [] : [r.personId]))))];
  // Someone this team knows keeps their own record (an import would otherwise rename them); the rest get a placeholder.
  const byId = new Map(known.map((p) => [p.id, p]));
  let unknown = 0;
  const people: Person[] = personIds.map(
    (id) =>
      byId.get(id) ?? { id, name: l10n.t('Person {0} from other data', ++unknown), cadenceDays: DEFAULT_CADENCE_DAYS, addedOn: today },
  );
  return { data: { ...EMPTY_TEAM, people, ...lists } as TeamData, files: read };
}
