/**
 * The one thing the repository signals keep besides the links: a cache of the history they read, in
 * the extension's storage folder for this workspace (`<storage>/signals/`), so a new window reads
 * only the commits made since. Per repository, the `git log` output exactly as git wrote it (the
 * same parser reads it back), appended to at each incremental read, and an index with the head read
 * last. Forget Repository Signals removes the folder.
 *
 * Node's file system only (no `vscode`), so the unit tests check it on a real disk.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const CACHE_SCHEMA_VERSION = 1;

export interface CachedRepository {
  /** The repository's top folder, as `git rev-parse --show-toplevel` gives it. */
  readonly root: string;
  /** The commit HEAD pointed to when the cache was last extended. */
  readonly head: string;
  /** The earliest commit date the first read asked for (ms). */
  readonly since: number;
}

interface CacheIndex {
  readonly schemaVersion: number;
  readonly repositories: readonly CachedRepository[];
}

function isCachedRepository(value: unknown): value is CachedRepository {
  const v = value as Partial<Record<keyof CachedRepository, unknown>>;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof v.root === 'string' &&
    typeof v.head === 'string' &&
    /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(v.head) &&
    typeof v.since === 'number'
  );
}

export class SignalsCache {
  /** @param dir the signals' own folder, `<storage>/signals`. */
  constructor(readonly dir: string) {}

  private get indexFile(): string {
    return path.join(this.dir, 'index.json');
  }

  /** The file holding one repository's log. */
  logFile(root: string): string {
    return path.join(this.dir, `repository-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.log`);
  }

  /** What is cached; nothing when the index is missing, unreadable or from another schema. */
  async repositories(): Promise<CachedRepository[]> {
    try {
      const index = JSON.parse(await fs.readFile(this.indexFile, 'utf8')) as Partial<CacheIndex>;
      return index.schemaVersion === CACHE_SCHEMA_VERSION && Array.isArray(index.repositories)
        ? index.repositories.filter(isCachedRepository)
        : [];
    } catch {
      return [];
    }
  }

  /** The cached log of one repository, or undefined. */
  async readLog(root: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.logFile(root));
    } catch {
      return undefined;
    }
  }

  /**
   * Adds what a read brought (`replace`: a full read, which takes the place of what was there) and
   * records the new head. The log is written before the index, so an index never names more than
   * the log holds.
   */
  async save(repository: CachedRepository, output: readonly Buffer[], replace: boolean): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const file = this.logFile(repository.root);
    if (replace) {
      await fs.writeFile(file, Buffer.concat(output));
    } else {
      await fs.appendFile(file, Buffer.concat(output));
    }
    const others = (await this.repositories()).filter((r) => r.root !== repository.root);
    const index: CacheIndex = { schemaVersion: CACHE_SCHEMA_VERSION, repositories: [...others, repository] };
    await fs.writeFile(this.indexFile, JSON.stringify(index));
  }

  /** Deletes the whole cache folder. */
  async forget(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}
