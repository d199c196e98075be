import type { Clock } from '../../core/dates';
import { NO_SLICES, type Slices } from '../../core/slices';
import type { TeamData } from '../kinds';
import type { ChunkFiles, IndexCell } from './files';
import { bucketize, chunkFileName, newLineage, parseChunkName, type IndexStamp, type RetiredChunk, type TeamIndex } from './format';
import { CHUNK_SCHEMA_VERSION, TEAM_SCHEMA_VERSION } from './versions';
import type { HeldChunk, TeamRead } from './read';

/**
 * How long after an index stopped naming a chunk file the file is removed: far longer than VS Code
 * can take to write workspace state to disk after a change (it flushes at least once a minute), so
 * no index that still names the file can come back after a crash.
 */
export const SETTLED_MS = 10 * 60 * 1000;

/**
 * How old a chunk file of this team's lineage that no index names must be before it is removed:
 * one written by a change whose index was never stored (it failed, another window's change came
 * first, the window closed in between). A day is far beyond the few milliseconds between a change's
 * chunk writes and its index write, so no writer can still be about to name it.
 */
export const ORPHAN_MS = 24 * 60 * 60 * 1000;

/** Chunk files in the folder that this team's index did not write (another window's, another copy of VS Code's data). */
export interface ForeignChunks {
  /** The lineage that wrote them (`v4` for files named the version-4 way). */
  readonly lineage: string;
  readonly files: number;
}

/**
 * Writes the team: each change's chunks as new files (never over another file), then the index,
 * only when the stored index is still the one this writer read or last wrote (IndexCell.swap).
 * Keeps naming the chunks it could not read and those of kinds it does not know. Removes only
 * what is proven its own and replaced: a file a later index of its lineage retired, once that is
 * settled, and a file of its lineage no index named, once it is a day old.
 */
export class TeamWriter {
  private stamp: IndexStamp | undefined;
  private lineage: string | undefined;
  private generation = 0;
  private held: ReadonlyMap<string, HeldChunk> = new Map();
  /** Names the index keeps as they are: chunks not read at load, chunks of kinds this version does not know. */
  private kept: readonly string[] = [];
  private retired: readonly RetiredChunk[] = [];
  /** Retired files removed (or found gone) since the last write: the next index stops listing them. */
  private readonly gone = new Set<string>();

  constructor(
    private readonly files: ChunkFiles,
    private readonly cell: IndexCell,
    private readonly clock: Clock,
  ) {}

  /**
   * Takes what a read of the stored team found as what is stored. `seed`: the lineage for a team
   * stored without one (see lineageFrom), which its next write gives it.
   */
  adopt(read: Extract<TeamRead, { kind: 'read' }>, seed?: string): void {
    this.stamp = read.stamp;
    this.lineage = read.stamp?.lineage ?? seed;
    this.generation = read.stamp?.generation ?? 0;
    this.held = read.chunks;
    this.kept = [...read.unread.map((u) => u.name), ...read.unknown];
    this.retired = [...read.retired];
    this.gone.clear();
  }

  /** A writer for data not stored as a team yet (release 0.1's, moving): its lineage, made from that data. */
  seed(lineage: string): void {
    this.lineage = lineage;
  }

  /** The chunks held, by file name: what a reload need not read again. */
  heldByName(): ReadonlyMap<string, HeldChunk> {
    return new Map([...this.held.values()].map((chunk) => [chunk.key, chunk]));
  }

  /** The index stamp last read or written. */
  get stampRead(): IndexStamp | undefined {
    return this.stamp;
  }

  /**
   * Writes `next`: the chunks that changed, each under a new name, all awaited (so nothing of a
   * failed change is still in flight when the next one starts), then the index that names them,
   * which is the moment the change happens. 'conflict' when another writer replaced the index
   * since: nothing of this change is named, and the caller reads the team again.
   *
   * The chunks the new index no longer names are not removed here: they are listed as retired and
   * removed at a later load, once no index that names them can still be on disk (cleanUp).
   * `forget` names kept chunks (unread ones) to stop naming: the lead chose to go on without them.
   */
  async write(
    next: TeamData,
    forget: readonly string[] = [],
    slices: Pick<Slices, 'maybeYield'> = NO_SLICES,
  ): Promise<'written' | 'conflict'> {
    if (this.lineage === undefined && !(await this.claimLineage())) {
      return 'conflict';
    }
    const now = this.clock.now().getTime();
    const lineage = this.lineage ?? newLineage();
    const chunks = new Map<string, HeldChunk>();
    const writes: [string, string][] = [];
    for (const [bucket, records] of bucketize(next)) {
      const before = this.held.get(bucket);
      if (before && before.records.length === records.length && before.records.every((r, i) => r === records[i])) {
        chunks.set(bucket, before);
      } else {
        const name = chunkFileName(bucket, lineage, now);
        chunks.set(bucket, { key: name, records });
        writes.push([name, JSON.stringify({ schemaVersion: CHUNK_SCHEMA_VERSION, records })]);
        await slices.maybeYield();
      }
    }
    const kept = this.kept.filter((name) => !forget.includes(name));
    const names = new Set([...[...chunks.values()].map((c) => c.key), ...kept]);
    const dropped = [...[...this.held.values()].map((c) => c.key), ...forget].filter(
      (name) => !names.has(name) && parseChunkName(name) !== undefined,
    );
    const retired = [
      ...this.retired.filter((r) => !this.gone.has(r.name) && !names.has(r.name) && !dropped.includes(r.name)),
      ...dropped.map((name) => ({ name, since: now })),
    ];
    const outcomes = await Promise.allSettled(writes.map(([name, text]) => this.files.write(name, text)));
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) {
      throw failed.reason;
    }
    const index: TeamIndex = {
      schemaVersion: TEAM_SCHEMA_VERSION,
      lineage,
      generation: this.generation + 1,
      savedAt: now,
      people: next.people,
      chunks: [...names].sort(),
      retired,
    };
    if (!(await this.cell.swap(this.stamp, index))) {
      return 'conflict';
    }
    this.stamp = { lineage, generation: index.generation };
    this.lineage = lineage;
    this.generation = index.generation;
    this.held = chunks;
    this.kept = kept;
    this.retired = retired;
    this.gone.clear();
    return 'written';
  }

  /**
   * The first write of a new team stores an empty index with a new lineage before any chunk file,
   * so that whatever a failed or interrupted first change leaves is known as this team's.
   */
  private async claimLineage(): Promise<boolean> {
    const lineage = newLineage();
    const empty: TeamIndex = {
      schemaVersion: TEAM_SCHEMA_VERSION,
      lineage,
      generation: 0,
      savedAt: this.clock.now().getTime(),
      people: [],
      chunks: [],
      retired: [],
    };
    if (!(await this.cell.swap(this.stamp, empty))) {
      return false;
    }
    this.stamp = { lineage, generation: 0 };
    this.lineage = lineage;
    this.generation = 0;
    return true;
  }

  /**
   * At load: removes what is proven this team's and no longer needed, and reports files of other
   * lineages, which it leaves alone. A removal that fails is tried again at the next load.
   * - A retired file, once the index that retired it is SETTLED_MS old.
   * - A file of this lineage that no index names (its change's index was never stored), once ORPHAN_MS old.
   * `keep`: names to keep whatever the index says (a conflict copy's chunks); undefined removes no
   * orphan at all (a conflict copy that cannot be read may name any of them).
   * Everything else stays: files of another lineage (another window's or machine's team, whose
   * index this store cannot see), files named the version-4 way that this index does not name
   * (they may be another index's), and names in the folder that are not chunk file names.
   */
  async cleanUp(keep: ReadonlySet<string> | undefined = new Set()): Promise<readonly ForeignChunks[]> {
    const now = this.clock.now().getTime();
    let listed: string[];
    try {
      listed = await this.files.list();
    } catch {
      return [];
    }
    const named = new Set([...[...this.held.values()].map((c) => c.key), ...this.kept]);
    const retired = new Map(this.retired.map((r) => [r.name, r]));
    const present = new Set(listed);
    for (const r of this.retired) {
      if (!present.has(r.name)) {
        this.gone.add(r.name);
      }
    }
    const removals: Promise<void>[] = [];
    const foreign = new Map<string, number>();
    const remove = (name: string, thenGone: boolean): void => {
      removals.push(
        this.files.remove(name).then(
          () => {
            if (thenGone) {
              this.gone.add(name);
            }
          },
          () => undefined,
        ),
      );
    };
    for (const name of listed) {
      const parsed = named.has(name) || keep?.has(name) === true ? undefined : parseChunkName(name);
      if (parsed === undefined) {
        continue;
      }
      const retiredEntry = retired.get(name);
      if (retiredEntry) {
        if (now - retiredEntry.since >= SETTLED_MS) {
          remove(name, true);
        }
      } else if (parsed.version === 5 && parsed.lineage === this.lineage) {
        if (keep !== undefined && parsed.writtenAt !== undefined && now - parsed.writtenAt >= ORPHAN_MS) {
          remove(name, false);
        }
      } else if (parsed.version === 5 || this.stamp === undefined) {
        const lineage = parsed.lineage ?? 'v4';
        foreign.set(lineage, (foreign.get(lineage) ?? 0) + 1);
      }
    }
    await Promise.all(removals);
    return [...foreign].map(([lineage, files]) => ({ lineage, files }));
  }
}
