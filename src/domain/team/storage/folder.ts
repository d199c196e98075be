import type { Clock } from '../../core/dates';
import { randomName } from '../../core/ids';
import type { StateStorage } from '../../core/storage';
import type { ChunkFiles, IndexCell } from './files';
import { parseChunkName, sameStamp, stampOf, type IndexStamp, type TeamIndex } from './format';
import { ORPHAN_MS, SETTLED_MS } from './writer';
import * as l10n from '../../core/l10n';

/**
 * A folder of plain files that holds a whole team: the `user` location (the extension's global
 * storage, shared by every window) and a folder the lead chose (synced, or under git). Several
 * windows, and through a sync tool several machines, read and write it at once, so the index is a
 * file too, one per generation (`index-<generation>.json`), and a write is compare-and-swap on it:
 * the new index is written under a temporary name and then claimed as the next generation's name,
 * which fails when another writer claimed it first. The highest generation is the team.
 */
export interface TeamFolder extends ChunkFiles {
  /**
   * Gives the file `from` the name `to` in one step, only when no file is called `to`; false, with
   * nothing changed, when one is. (Node: a hard link, which the file system refuses when the name
   * is taken; elsewhere a rename that does not overwrite.)
   */
  claim(from: string, to: string): Promise<boolean>;
}

/** The keys a store reads through the folder's state: the index and the records kept aside. */
export interface FolderKeys {
  readonly team: string;
  readonly keptAside: string;
}

/** The file that says what the folder holds (written by the folder location, see platform). */
export const FOLDER_README = 'README.md';
/** Written into a location whose team was moved elsewhere: where to, and when. */
export const MOVED_FILE = 'moved.json';

/** Added to a conflict copy's name once its records were merged (Merge Team Conflict Copies): it is kept, and no longer offered. */
export const MERGED_SUFFIX = '.merged';

const INDEX_FILE = /^index-(\d{1,15})\.json$/;
const TEMP_FILE = /^\.index-([0-9a-z]{1,12})\.[0-9a-z]{4}\.tmp$/;
const KEPT_ASIDE_FILE = /^kept-aside-[0-9a-z]{1,12}\.[0-9a-z]{4}\.json$/;

/** The file name of an index of this generation. */
export function indexFileName(generation: number): string {
  return `index-${generation}.json`;
}

/**
 * A copy a sync tool or a merge made of a file it saw changed in two places: Dropbox's and
 * OneDrive's `index (conflicted copy …).json`, Syncthing's `index-7.sync-conflict-….json`, macOS's and
 * Nextcloud's `index 2.json`, `index-conflict-….json`. Anything named like the index or the kept-aside
 * records that is not exactly one of this version's names, and anything with "conflict" in its name.
 */
export function isConflictCopy(name: string): boolean {
  if (
    INDEX_FILE.test(name) ||
    TEMP_FILE.test(name) ||
    KEPT_ASIDE_FILE.test(name) ||
    name === FOLDER_README ||
    name === MOVED_FILE ||
    parseChunkName(name) !== undefined ||
    name.endsWith(MERGED_SUFFIX)
  ) {
    return false;
  }
  return /conflict/i.test(name) || /^(index|kept-aside)\b/i.test(name);
}

/** Why the newest index cannot be written over: it is not whole JSON (a merge left markers in it, or a copy is still arriving). */
export class DamagedIndexError extends Error {
  override readonly name = 'DamagedIndexError';
  constructor(readonly file: string) {
    super(l10n.t('{0} is not whole JSON (a merge or a sync tool may have left it so); fix or remove it, and try again', file));
  }
}

/**
 * The index as files of a TeamFolder (see TeamFolder). `get` gives the index as last read
 * (`refresh`, which the store calls before each change and each reload); `swap` reads the folder
 * again, compares, and claims the next generation's name. The state a store reads (`state`) gives
 * the index under the team key and the records kept aside, which are files too
 * (`kept-aside-<time>.<random>.json`, each written once, so two windows never lose each other's).
 */
export class FolderIndexCell implements IndexCell {
  private current: { readonly name: string; readonly raw: unknown } | undefined;
  /** The highest generation named in the folder (-1: none), whole or not. */
  private highest = -1;
  private damagedAbove: string | undefined;
  private conflictCopies: readonly string[] = [];
  private keptAside: readonly unknown[] = [];
  private listed: readonly string[] = [];
  private moved: string | undefined;
  readonly state: StateStorage;

  constructor(
    private readonly folder: TeamFolder,
    private readonly keys: FolderKeys,
    private readonly clock: Clock,
  ) {
    this.state = {
      get: (key) => (key === keys.team ? this.get() : key === keys.keptAside && this.keptAside.length > 0 ? this.keptAside : undefined),
      keys: () => [],
      update: (key, value) => this.update(key, value),
    };
  }

  get(): unknown {
    return this.current?.raw;
  }

  /** The files that look like a sync tool's conflict copies, as of the last read. */
  conflicts(): readonly string[] {
    return this.conflictCopies;
  }

  /** What the marker of a team moved elsewhere says (MOVED_FILE), as of the last read; undefined when there is none. */
  movedTo(): string | undefined {
    return this.moved;
  }

  /** Reads the folder again: the newest whole index, the records kept aside, the conflict copies. */
  async refresh(): Promise<void> {
    const names = await this.folder.list();
    // Index and kept-aside files are written once under names never used again: the same names, the same team.
    if (this.current !== undefined && names.length === this.listed.length && sameNames(names, this.listed)) {
      return;
    }
    const indexes = names
      .map((name) => ({ name, match: INDEX_FILE.exec(name) }))
      .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
      .map(({ name, match }) => ({ name, generation: Number(match[1]) }))
      .sort((a, b) => b.generation - a.generation);
    let current: { name: string; raw: unknown } | undefined;
    let damaged: string | undefined;
    for (const entry of indexes) {
      // A read that fails is not taken for an absent index: the store would write over it.
      const text = await this.folder.read(entry.name);
      if (text === undefined) {
        continue; // retired since the listing
      }
      try {
        current = { name: entry.name, raw: JSON.parse(text) as unknown };
        break;
      } catch {
        damaged ??= entry.name;
      }
    }
    const keptAside: unknown[] = [];
    for (const name of names.filter((n) => KEPT_ASIDE_FILE.test(n)).sort()) {
      const text = await this.folder.read(name);
      if (text === undefined) {
        continue;
      }
      try {
        const list = JSON.parse(text) as unknown;
        keptAside.push(...(Array.isArray(list) ? (list as unknown[]) : [{ raw: list, reason: 'kept-aside data in an unknown shape' }]));
      } catch {
        keptAside.push({ raw: text, reason: `${name} is not whole JSON`, keptOn: '' });
      }
    }
    const moved = names.includes(MOVED_FILE) ? await this.folder.read(MOVED_FILE) : undefined;
    this.current = current;
    this.moved = moved;
    this.highest = indexes[0]?.generation ?? -1;
    this.damagedAbove = damaged;
    this.keptAside = keptAside;
    this.listed = names;
    this.conflictCopies = names.filter(isConflictCopy).sort();
  }

  async swap(expected: IndexStamp | undefined, next: TeamIndex): Promise<boolean> {
    await this.refresh();
    if (!sameStamp(stampOf(this.get()), expected)) {
      return false;
    }
    if (this.damagedAbove !== undefined) {
      // Writing past an index that cannot be read would drop whatever change it holds.
      throw new DamagedIndexError(this.damagedAbove);
    }
    const generation = Math.max(this.highest + 1, next.generation);
    const text = `${JSON.stringify(next, undefined, 1)}\n`;
    const temp = `.index-${this.clock.now().getTime().toString(36)}.${randomName(4)}.tmp`;
    await this.folder.write(temp, text);
    let claimed = false;
    try {
      claimed = await this.folder.claim(temp, indexFileName(generation));
    } finally {
      if (!claimed) {
        await this.folder.remove(temp).catch(() => undefined);
      }
    }
    if (claimed) {
      this.current = { name: indexFileName(generation), raw: JSON.parse(text) as unknown };
      this.highest = generation;
    }
    return claimed;
  }

  /**
   * Chunk names the store must keep whatever its index says: those a conflict copy names (its
   * records are not merged yet). Undefined when a conflict copy or an index cannot be read: then
   * no file is proven unnamed, and nothing is removed as an orphan.
   */
  async keepNamed(): Promise<ReadonlySet<string> | undefined> {
    const keep = new Set<string>();
    for (const name of this.conflictCopies) {
      const text = await this.folder.read(name).catch(() => undefined);
      try {
        const chunks = (JSON.parse(text ?? '') as { chunks?: unknown }).chunks;
        if (!Array.isArray(chunks)) {
          return undefined;
        }
        chunks.forEach((chunk) => (typeof chunk === 'string' ? keep.add(chunk) : undefined));
      } catch {
        return undefined;
      }
    }
    return this.damagedAbove === undefined ? keep : undefined;
  }

  /**
   * At load: removes index files a later one replaced, once that one is SETTLED_MS old (a window that
   * listed the folder just before has long read them), and temporary files a day old (a write that
   * stopped between its two steps). Never the newest index; a removal that fails waits for the next load.
   */
  async cleanUp(): Promise<void> {
    const now = this.clock.now().getTime();
    const current = this.current;
    const currentGeneration = current === undefined ? undefined : Number(INDEX_FILE.exec(current.name)?.[1]);
    const savedAt = (current?.raw as { savedAt?: unknown } | null | undefined)?.savedAt;
    const removals: Promise<unknown>[] = [];
    for (const name of this.listed) {
      const index = INDEX_FILE.exec(name);
      const temp = TEMP_FILE.exec(name);
      if (
        index &&
        currentGeneration !== undefined &&
        Number(index[1]) < currentGeneration &&
        typeof savedAt === 'number' &&
        now - savedAt >= SETTLED_MS
      ) {
        removals.push(this.folder.remove(name).catch(() => undefined));
      } else if (temp && now - parseInt(temp[1] ?? '', 36) >= ORPHAN_MS) {
        removals.push(this.folder.remove(name).catch(() => undefined));
      }
    }
    await Promise.all(removals);
  }

  private async update(key: string, value: unknown): Promise<void> {
    if (key !== this.keys.keptAside) {
      throw new Error(l10n.t('{0} is not kept in a team folder', key));
    }
    const list = Array.isArray(value) ? (value as unknown[]) : [value];
    // The store passes what was kept aside before with the new records after it: only the new ones are written, in a file of their own.
    const fresh =
      list.length >= this.keptAside.length && this.keptAside.every((r, i) => r === list[i]) ? list.slice(this.keptAside.length) : list;
    if (fresh.length === 0) {
      return;
    }
    await this.folder.write(
      `kept-aside-${this.clock.now().getTime().toString(36)}.${randomName(4)}.json`,
      `${JSON.stringify(fresh, undefined, 1)}\n`,
    );
    this.keptAside = [...this.keptAside, ...fresh];
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  return a.every((name) => set.has(name));
}
