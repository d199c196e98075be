import { type TeamDefaults } from './change';
import { sameValue } from '../../core/compare';
import { todayKey, type Clock, type DateKey } from '../../core/dates';
import { Slices } from '../../core/slices';
import type { StateStorage } from '../../core/storage';
import { COLLECTIONS, EMPTY_TEAM, type TeamData, type TeamRecord } from '../kinds';
import { StateIndexCell, type ChunkFiles, type IndexCell } from '../storage/files';
import { lineageFrom, storedVersionOf, type LegacyMarker } from '../storage/format';
import { LINEAGE_SCHEMA_VERSION, MARKER_SCHEMA_VERSION, STATE_CHUNKS_SCHEMA_VERSION, TEAM_SCHEMA_VERSION } from '../storage/versions';
import { migrateLegacy, reconcileLegacy } from '../storage/legacy';
import { readStoredTeam, type TeamRead } from '../storage/read';
import { TeamWriter } from '../storage/writer';
import { keepAside, TeamStore, type LoadedTeam, type TeamStoreDeps, type TeamStoreKeys } from './store';
import * as l10n from '../../core/l10n';

/** How many times a load starts again when another writer replaced the index while it was moving data to the current version. */
const LOAD_ATTEMPTS = 3;

/**
 * Loads the team. Data of every earlier version is moved to the current one (version 6), each move
 * written and read back before what it replaces goes, so a crash at any point leaves one whole copy:
 * - release 0.1 (delegations naming their person): the new index is written and read back before
 *   the old key is replaced by a marker, so a crash between the two leaves the old data in place;
 * - version 2 (everything under one key): written as chunk files, then the index;
 * - version 3 (chunks in workspace state): every chunk written as a file, then the index, read back
 *   and compared, and only then the old chunk keys removed;
 * - version 4 (chunk files without a lineage): the index is written again with a lineage, naming
 *   the same files;
 * - version 5 (the same index and chunks, delegations without a code link): read as it is, and
 *   written as version 6 by the next change, so until then a version that knows only 5 can still
 *   open the team.
 * Records that fail validation are kept aside before the index is rewritten without them. A chunk
 * the index names that cannot be read now stays named, and its person read-only (store.ts). A
 * tracker saved by a newer version is left exactly as it is, and the store goes read-only. A failed
 * move leaves the data as it was and fails the load.
 */
export async function loadTeamStore(
  storage: StateStorage,
  files: ChunkFiles,
  keys: TeamStoreKeys,
  clock: Clock,
  newId: () => string,
  defaults: TeamDefaults,
  options: { readonly cell?: IndexCell } = {},
): Promise<TeamStore> {
  const deps: TeamStoreDeps = {
    storage,
    files,
    cell: options.cell ?? new StateIndexCell(storage, keys.team),
    keys,
    clock,
    newId,
    defaults,
  };
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadOnce(deps);
    if (loaded !== 'conflict') {
      return new TeamStore(deps, loaded);
    }
    if (attempt >= LOAD_ATTEMPTS) {
      throw new Error(l10n.t('The team data kept changing in another window while it was being loaded; it was left as it was.'));
    }
  }
}

/** A store for a workspace whose data could not be loaded: empty, and refusing every change with the reason, so nothing is written over what is stored. */
export function unavailableTeamStore(
  storage: StateStorage,
  files: ChunkFiles,
  keys: TeamStoreKeys,
  clock: Clock,
  newId: () => string,
  defaults: TeamDefaults,
  reason: string,
): TeamStore {
  const deps: TeamStoreDeps = { storage, files, cell: new StateIndexCell(storage, keys.team), keys, clock, newId, defaults };
  return new TeamStore(deps, { ...nothingLoaded(deps), unavailable: reason });
}

function nothingLoaded(deps: TeamStoreDeps): LoadedTeam {
  return {
    data: EMPTY_TEAM,
    writer: new TeamWriter(deps.files, deps.cell, deps.clock),
    unread: [],
    unknown: [],
    keptAsideOnLoad: 0,
    migratedPeople: 0,
  };
}

async function loadOnce(deps: TeamStoreDeps): Promise<LoadedTeam | 'conflict'> {
  const { storage, keys, clock, newId, defaults } = deps;
  const today = todayKey(clock);
  await deps.cell.refresh?.();
  const stored = storage.get(keys.team);
  const legacy = storage.get(keys.legacy);
  const legacyVersion = storedVersionOf(legacy);
  const storedVersion = storedVersionOf(stored);
  // A newer version under either key: it may have moved or changed the team, so nothing here reads or writes it.
  if (storedVersion !== undefined && storedVersion > TEAM_SCHEMA_VERSION) {
    return { ...nothingLoaded(deps), newer: { schemaVersion: storedVersion, raw: stored } };
  }
  if (legacyVersion !== undefined && legacyVersion > TEAM_SCHEMA_VERSION) {
    return { ...nothingLoaded(deps), newer: { schemaVersion: legacyVersion, raw: legacy } };
  }
  const hasLegacy = legacy !== undefined && legacy !== null;
  const isMarker = legacyVersion !== undefined && legacyVersion >= MARKER_SCHEMA_VERSION;
  if (stored === undefined && hasLegacy) {
    if (isMarker) {
      // A marker whose data is gone: nothing to migrate.
      return nothingLoaded(deps);
    }
    const migrated = migrateLegacy(legacy, today, newId, defaults.cadenceDays());
    await keepAside(storage, keys, migrated.keptAside, today);
    const writer = new TeamWriter(deps.files, deps.cell, clock);
    writer.seed(lineageFrom(legacy));
    if ((await writer.write(migrated.data)) === 'conflict') {
      return 'conflict';
    }
    if (!(await readsBackAs(deps, migrated.data, today))) {
      throw new Error(l10n.t('The migrated tracker did not read back as written; the release 0.1 data was left in place.'));
    }
    await storage.update(keys.legacy, markerFor(keys));
    return {
      ...nothingLoaded(deps),
      data: migrated.data,
      writer,
      keptAsideOnLoad: migrated.keptAside.length,
      migratedPeople: migrated.data.people.length,
    };
  }
  const read = await readStoredTeam((key) => storage.get(key), deps.files, keys.team, today, { slices: new Slices() });
  if (read.kind === 'newer') {
    return { ...nothingLoaded(deps), newer: { schemaVersion: read.schemaVersion, raw: stored } };
  }
  let { data, keptAside } = read;
  const leftBehind = hasLegacy && !isMarker;
  if (leftBehind) {
    // The move from 0.1 stopped before the marker was written: whatever 0.1 wrote since is not lost.
    const reconciled = reconcileLegacy(data, legacy, today, newId, defaults.cadenceDays());
    data = reconciled.data;
    keptAside = [...keptAside, ...reconciled.keptAside];
  }
  await keepAside(storage, keys, keptAside, today);
  const writer = new TeamWriter(deps.files, deps.cell, clock);
  if (read.version === STATE_CHUNKS_SCHEMA_VERSION) {
    if ((await moveChunksToFiles(deps, writer, read, stored, data, today)) === 'conflict') {
      return 'conflict';
    }
  } else {
    writer.adopt(read, stored === undefined ? undefined : lineageFrom(stored));
    // Version 4 gets a lineage (version 5 has one: the next change writes it as 6); version 2
    // becomes chunks; chunks that lost a record, or records 0.1 added, are written again; anything
    // kept aside is left out of the index written again, so it is never read twice.
    const current = read.version === TEAM_SCHEMA_VERSION || read.version === LINEAGE_SCHEMA_VERSION;
    if (stored !== undefined && (!current || read.keptAside.length > 0 || read.dirty || data !== read.data)) {
      if ((await writer.write(data)) === 'conflict') {
        return 'conflict';
      }
    }
  }
  if (leftBehind) {
    await storage.update(keys.legacy, markerFor(keys));
  }
  await removeVersion3Keys(storage, keys);
  const foreign = await writer.cleanUp(deps.cell.keepNamed ? await deps.cell.keepNamed() : new Set());
  await deps.cell.cleanUp?.();
  return { data, writer, unread: read.unread, unknown: read.unknown, keptAsideOnLoad: keptAside.length, migratedPeople: 0, foreign };
}

function markerFor(keys: TeamStoreKeys): LegacyMarker {
  return { schemaVersion: MARKER_SCHEMA_VERSION, movedTo: keys.team };
}

/**
 * Version 3 to 6: every chunk written as a file, then the version-6 index (the moment the move
 * happens), read back and compared, and only then the version-3 chunk keys removed. Until the index
 * is written the version-3 data is whole and is what the next load reads (the files written are
 * named by no index); once it is, the files hold everything. The index and the old keys are in the
 * same workspace state, which VS Code writes whole: no flush can hold the keys' removal without the
 * index that replaced them. A move that does not read back as written puts the version-3 index
 * back and fails the load.
 */
async function moveChunksToFiles(
  deps: TeamStoreDeps,
  writer: TeamWriter,
  read: Extract<TeamRead, { kind: 'read' }>,
  v3Index: unknown,
  data: TeamData,
  today: DateKey,
): Promise<'moved' | 'conflict'> {
  writer.adopt({ ...read, chunks: new Map() }, lineageFrom(v3Index));
  if ((await writer.write(data)) === 'conflict') {
    return 'conflict';
  }
  if (!(await readsBackAs(deps, data, today))) {
    await deps.storage.update(deps.keys.team, v3Index);
    throw new Error(l10n.t('The tracker did not read back as written when its history moved to files; it was left as it was.'));
  }
  return 'moved';
}

/** Version 3's chunk keys left beside a newer index (a move that stopped before removing them): no index of version 4 or later names them. */
async function removeVersion3Keys(storage: StateStorage, keys: TeamStoreKeys): Promise<void> {
  if (storedVersionOf(storage.get(keys.team)) === STATE_CHUNKS_SCHEMA_VERSION) {
    return;
  }
  const prefix = `${keys.team}/`;
  const old = (storage.keys?.() ?? []).filter((key) => key.startsWith(prefix));
  await Promise.all(old.map((key) => Promise.resolve(storage.update(key, undefined)).then(undefined, () => undefined)));
}

/** Whether the stored tracker, read back as the next load will read it, holds exactly `data`. */
async function readsBackAs(deps: TeamStoreDeps, data: TeamData, today: DateKey): Promise<boolean> {
  const back = await readStoredTeam((key) => deps.storage.get(key), deps.files, deps.keys.team, today);
  return (
    back.kind === 'read' &&
    back.keptAside.length === 0 &&
    back.unread.length === 0 &&
    COLLECTIONS.every((c) => sameValue(byId<TeamRecord>(back.data[c]), byId<TeamRecord>(data[c])))
  );
}

function byId<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
