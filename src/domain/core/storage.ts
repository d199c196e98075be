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
