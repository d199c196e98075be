import * as vscode from 'vscode';
import type { Clock, DateKey } from '../domain/dates';
import { MidnightTimer } from '../domain/midnightTimer';
import { Disposable } from './disposable';

/**
 * Fires when the local day changes: at midnight, and when the window regains focus after timers
 * were paused (a laptop waking from sleep).
 */
export class DayWatcher extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<DateKey>());
  readonly onDidChangeDay = this.emitter.event;

  constructor(clock: Clock) {
    super();
    const timer = this.register(
      new MidnightTimer(clock, { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) }, (day) =>
        this.emitter.fire(day),
      ),
    );
    this.register(vscode.window.onDidChangeWindowState((state) => state.focused && timer.check()));
  }
}
