/**
 * The slice of VS Code's `Memento` the domain needs; tests pass an in-memory map.
 * Values must survive a JSON round trip.
 */
export interface StateStorage {
  get(key: string): unknown;
  /** `undefined` removes the key. */
  update(key: string, value: unknown): PromiseLike<void>;
  /** Every key stored (VS Code's Memento has it); a store uses it to remove keys it no longer names. */
  keys?(): readonly string[];
}

/** One stored value, typed and validated by whoever provides it (platform/state.ts in the extension). */
export interface ValueCell<T> {
  get(): T;
  update(value: T): PromiseLike<unknown>;
}

/** A minimal change event that needs no `vscode` import. */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  readonly event = (listener: (value: T) => void): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      listener(value);
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}

/** Runs async tasks one after another, so two quick writes can never land out of order. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => PromiseLike<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}

/**
 * Where the tracker keeps its chunks: named texts in one folder. In the extension, the `team`
 * folder of the extension's workspace storage (platform/chunkFiles.ts); in a window with no folder
 * open, workspace state (StateChunkFiles). The store names them (teamData.ts, chunkFileName).
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
