import * as vscode from 'vscode';
import { msUntilNextLocalMidnight, todayKey, type Clock, type DateKey } from '../domain/dates';
import { Disposable } from './disposable';

/**
 * Fires when the local day changes: a timer set for the next midnight, re-checked when the window
 * regains focus (timers do not run while a laptop sleeps).
 */
export class DayWatcher extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<DateKey>());
  readonly onDidChangeDay = this.emitter.event;
  private day: DateKey;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly clock: Clock) {
    super();
    this.day = todayKey(clock);
    this.schedule();
    this.register(vscode.window.onDidChangeWindowState((state) => state.focused && this.check()));
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    // A little past midnight, so the clock has surely moved to the new day.
    this.timer = setTimeout(() => this.check(), msUntilNextLocalMidnight(this.clock.now()) + 1000);
  }

  /** Checks the date now; exposed so a test can move the clock and ask. */
  check(): void {
    const today = todayKey(this.clock);
    if (today !== this.day) {
      this.day = today;
      this.emitter.fire(today);
    }
    this.schedule();
  }
}
