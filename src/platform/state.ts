import type { StateStorage } from '../domain/core/storage';
import * as l10n from '../domain/core/l10n';

/**
 * One stored key: where it lives, its schema version and how to read it. Every key the extension
 * stores is declared once, in stateMap.ts; features reach storage only through `State`.
 */
export interface StateEntry<T> {
  readonly scope: 'workspace' | 'global';
  readonly key: string;
  /** The schema version written with the value. */
  readonly version: number;
  /**
   * `value`: the value is stored as `{ schemaVersion, value }`, read with `read` (which also reads
   * what an earlier, unversioned release stored: the migration) and falls back to `defaultValue`.
   * `owned`: a store versions its own data (e.g. the tracker) and gets a guarded StateStorage.
   */
  readonly kind: 'value' | 'owned';
  readonly read: (raw: unknown) => T | undefined;
  readonly defaultValue: T;
  /** A global key that follows the user to their other machines through Settings Sync. */
  readonly sync?: boolean;
}

/** A stored value as a feature sees it: typed, validated, defaulted. */
export interface StateCell<T> {
  get(): T;
  /** Resolves false, writing nothing, when the stored value is from a newer version. */
  update(value: T): Promise<boolean>;
}

/** The schema version a stored value declares, or undefined for one from before versions. */
export function storedVersion(raw: unknown): number | undefined {
  const version =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/** Thrown by a guarded StateStorage instead of writing over data from a newer version. */
export class NewerDataError extends Error {
  override readonly name = 'NewerDataError';
}

/**
 * Workspace and global state behind the map of entries. The one rule for every key: data a newer
 * version wrote is never written over.
 */
export class State {
  constructor(private readonly mementos: { readonly workspace: StateStorage; readonly global: StateStorage }) {}

  /** Reads a `value` entry: this version's envelope, an earlier release's raw value, or the default. */
  get<T>(entry: StateEntry<T>): T {
    const raw = this.memento(entry).get(entry.key);
    if (raw === undefined || raw === null) {
      return entry.defaultValue;
    }
    const version = storedVersion(raw);
    if (version !== undefined && version > entry.version) {
      return entry.defaultValue;
    }
    const value = version === undefined ? entry.read(raw) : entry.read((raw as { value?: unknown }).value);
    return value === undefined ? entry.defaultValue : value;
  }

  async update<T>(entry: StateEntry<T>, value: T): Promise<boolean> {
    if (this.isNewer(entry)) {
      return false;
    }
    await this.memento(entry).update(entry.key, { schemaVersion: entry.version, value });
    return true;
  }

  /** Removes the key altogether (Forget Repository Signals): nothing of it stays in storage. */
  async remove(entry: StateEntry<unknown>): Promise<void> {
    await this.memento(entry).update(entry.key, undefined);
  }

  cell<T>(entry: StateEntry<T>): StateCell<T> {
    return { get: () => this.get(entry), update: (value) => this.update(entry, value) };
  }

  /**
   * For a store that versions its own data, under one or more keys of one scope: reads as stored,
   * refuses to write over a newer version of any of them.
   */
  storage(...entries: readonly StateEntry<unknown>[]): StateStorage {
    const first = entries[0];
    if (!first || entries.some((entry) => entry.scope !== first.scope)) {
      throw new Error('A store keeps its keys in one scope.');
    }
    const memento = this.memento(first);
    return {
      get: (key) => memento.get(key),
      keys: () => memento.keys?.() ?? [],
      update: async (key, value) => {
        const entry = entries.find((e) => e.key === key);
        if (entry && this.isNewer(entry)) {
          throw new NewerDataError(
            l10n.t(
              '{0} was saved by a newer version (schema {1}); it is left as it is.',
              entry.key,
              storedVersion(memento.get(key)) ?? '?',
            ),
          );
        }
        await memento.update(key, value);
      },
    };
  }

  /** The raw stored value, for the test API and diagnostics. */
  raw(entry: StateEntry<unknown>): unknown {
    return this.memento(entry).get(entry.key);
  }

  private isNewer(entry: StateEntry<unknown>): boolean {
    const version = storedVersion(this.memento(entry).get(entry.key));
    return version !== undefined && version > entry.version;
  }

  private memento(entry: StateEntry<unknown>): StateStorage {
    return entry.scope === 'workspace' ? this.mementos.workspace : this.mementos.global;
  }
}
