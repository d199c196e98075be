import { sameStamp, stampOf, type IndexStamp, type TeamIndex } from './format';
import type { StateStorage } from '../../core/storage';

/**
 * Where the team keeps its chunks: named texts in one folder. In the extension, the `team`
 * folder of the extension's workspace storage (platform/chunkFiles.ts); in a window with no folder
 * open, workspace state (StateChunkFiles). The store names them (format.ts, chunkFileName).
 */
export interface ChunkFiles {
  /** The text stored under `name`, undefined when there is none; rejects when it is there but cannot be read. */
  read(name: string): Promise<string | undefined>;
  /** Stores the whole text under `name`, replacing what was there. */
  write(name: string, text: string): Promise<void>;
  /** Removes `name`; one that is not there is no error. */
  remove(name: string): Promise<void>;
  /** Every name stored, the store's and any other. */
  list(): Promise<string[]>;
}

/**
 * Chunks as keys of workspace state, `<prefix><name>`, each holding its text: where there is no
 * storage folder (a window with no folder open). The store reads and writes them as it does files.
 */
export class StateChunkFiles implements ChunkFiles {
  constructor(
    private readonly state: StateStorage,
    private readonly prefix: string,
  ) {}

  read(name: string): Promise<string | undefined> {
    const value = this.state.get(this.prefix + name);
    return Promise.resolve(typeof value === 'string' ? value : undefined);
  }

  async write(name: string, text: string): Promise<void> {
    await this.state.update(this.prefix + name, text);
  }

  async remove(name: string): Promise<void> {
    await this.state.update(this.prefix + name, undefined);
  }

  list(): Promise<string[]> {
    const keys = this.state.keys?.() ?? [];
    return Promise.resolve(keys.filter((key) => key.startsWith(this.prefix)).map((key) => key.slice(this.prefix.length)));
  }
}

/**
 * Where the index is kept, with the one write that may replace it: only when the stored index is
 * still the one the writer read (compare and swap), so a writer whose index is stale never
 * overwrites another's change.
 */
export interface IndexCell {
  /** The stored index as it is now, not yet checked. */
  get(): unknown;
  /** Writes `next` when the stored index still has `expected`'s stamp (undefined: nothing stored); false, writing nothing, when not. */
  swap(expected: IndexStamp | undefined, next: TeamIndex): Promise<boolean>;
  /**
   * Where another process may replace the index (a file in a folder many windows share): reads it
   * again, so that `get` is current. The store calls it before each change and each reload. A cell
   * in workspace state has none: its one writer is this window.
   */
  refresh?(): Promise<void>;
  /** Files beside the index that a sync tool made as conflict copies, as of the last refresh. */
  conflicts?(): readonly string[];
  /**
   * Chunk names to keep whatever the index names (a conflict copy's); undefined when none can be
   * proven unnamed, so nothing is removed as an orphan.
   */
  keepNamed?(): Promise<ReadonlySet<string> | undefined>;
  /** At load: removes what the cell itself no longer needs (replaced index files). */
  cleanUp?(): Promise<void>;
}

/**
 * The index under a key of workspace state. The comparison and the write are one step: VS Code's
 * Memento holds the new value from the moment `update` is called, and nothing else runs between
 * reading and calling it. Extension hosts of two windows do not share one workspace state, so
 * this is the one writer of its key (VS Code for the Web in two tabs of one browser is the
 * exception: each tab holds its own copy and writes it whole).
 */
export class StateIndexCell implements IndexCell {
  constructor(
    private readonly storage: StateStorage,
    private readonly key: string,
  ) {}

  get(): unknown {
    return this.storage.get(this.key);
  }

  async swap(expected: IndexStamp | undefined, next: TeamIndex): Promise<boolean> {
    if (!sameStamp(stampOf(this.storage.get(this.key)), expected)) {
      return false;
    }
    await this.storage.update(this.key, next);
    return true;
  }
}
