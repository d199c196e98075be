import { msUntilNextLocalMidnight, todayKey, type Clock, type DateKey } from './dates';

/** The timer functions the watcher needs; tests pass fakes, the extension passes the real ones. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A little past midnight, so the clock has surely moved on to the new day. */
export const MIDNIGHT_MARGIN_MS = 1000;

/**
 * Calls `onNewDay` when the local day changes: a timer set for just after the next midnight,
 * and `check()` for moments when timers may have been paused (a laptop waking from sleep).
 */
export class MidnightTimer {
  private day: DateKey;
  private handle: unknown;

  constructor(
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly onNewDay: (day: DateKey) => void,
  ) {
    this.day = todayKey(clock);
    this.arm();
  }

  check(): void {
    const today = todayKey(this.clock);
    if (today !== this.day) {
      this.day = today;
      this.onNewDay(today);
    }
    this.arm();
  }

  dispose(): void {
    this.timers.clearTimeout(this.handle);
  }

  private arm(): void {
    this.timers.clearTimeout(this.handle);
    this.handle = this.timers.setTimeout(() => this.check(), msUntilNextLocalMidnight(this.clock.now()) + MIDNIGHT_MARGIN_MS);
  }
}
