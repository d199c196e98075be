/**
 * Long work in slices, so one task never holds the extension host (or a page) for long: callers
 * call `due()` often and `await yieldNow()` when it says so. The host's other work (a keystroke,
 * a view) runs in between.
 */
export class Slices {
  private sliceStart = performance.now();

  /**
   * @param budgetMs how long one slice may run before it yields. The extension promises never to hold
   * the host for more than 50 ms at a time (a "long task" in browsers' terms); 20 leaves room for the
   * one step that overruns the budget.
   */
  constructor(private readonly budgetMs = 8) {}

  /** True when the current slice has used its budget. */
  due(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  /** Lets the host run whatever is waiting, then starts a new slice. */
  async yieldNow(): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.sliceStart = performance.now();
  }

  /** Yields when the slice is used up. */
  async maybeYield(): Promise<void> {
    if (this.due()) {
      await this.yieldNow();
    }
  }
}

/** For work that must not yield (a few records): `due()` never says so. */
export const NO_SLICES: Pick<Slices, 'due' | 'maybeYield'> = { due: () => false, maybeYield: () => Promise.resolve() };
