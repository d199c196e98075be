import * as vscode from 'vscode';
import type { Clock, DateKey } from '../domain/core/dates';
import { MidnightTimer } from '../domain/core/midnightTimer';
import { Disposable } from './disposable';

/**
 * Fires when the local day changes: at midnight, and when the window regains focus after timers
 * were paused (a laptop waking from sleep).
 *
 * The timer starts with the first listener, not at construction: reading the local day is the
 * extension host's first local-time call, which sets up the time zone (about 1–2 ms), and nobody
 * listens before the team data has loaded, after activation.
 */
export class DayWatcher extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<DateKey>());
  private started = false;

  constructor(private readonly clock: Clock) {
    super();
  }

  readonly onDidChangeDay: vscode.Event<DateKey> = (listener, thisArgs, disposables) => {
    this.start();
    return this.emitter.event(listener, thisArgs, disposables);
  };

  private start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    const timer = this.register(
      new MidnightTimer(
        this.clock,
        {
          setTimeout: (callback, ms) => setTimeout(callback, ms),
          clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
        },
        (day) => this.emitter.fire(day),
      ),
    );
    this.register(vscode.window.onDidChangeWindowState((state) => state.focused && timer.check()));
  }
}
