import * as assert from 'node:assert/strict';
import type { Clock } from '../../src/domain/core/dates';
import { MIDNIGHT_MARGIN_MS, MidnightTimer, type Timers } from '../../src/domain/core/midnightTimer';

/** A clock and timers that move only when the test says so. */
class FakeTime implements Clock, Timers {
  private nowMs: number;
  private pending: { at: number; callback: () => void; id: number } | undefined;
  private nextId = 1;

  constructor(start: Date) {
    this.nowMs = start.getTime();
  }

  now(): Date {
    return new Date(this.nowMs);
  }

  setTimeout(callback: () => void, ms: number): unknown {
    this.pending = { at: this.nowMs + ms, callback, id: this.nextId++ };
    return this.pending.id;
  }

  clearTimeout(handle: unknown): void {
    if (this.pending?.id === handle) {
      this.pending = undefined;
    }
  }

  get armedFor(): Date | undefined {
    return this.pending ? new Date(this.pending.at) : undefined;
  }

  /** Moves the clock; with `timersRun`, a timer due on the way fires (as when the machine is awake). */
  advance(ms: number, timersRun = true): void {
    const target = this.nowMs + ms;
    while (timersRun && this.pending && this.pending.at <= target) {
      const due = this.pending;
      this.pending = undefined;
      this.nowMs = due.at;
      due.callback();
    }
    this.nowMs = target;
  }
}

describe('the midnight timer', () => {
  it('fires just after local midnight with the new day, and re-arms for the next one', () => {
    const time = new FakeTime(new Date(2026, 10, 24, 23, 0));
    const days: string[] = [];
    new MidnightTimer(time, time, (day) => days.push(day));
    assert.deepEqual(time.armedFor, new Date(new Date(2026, 10, 25, 0, 0).getTime() + MIDNIGHT_MARGIN_MS));
    time.advance(60 * 60 * 1000 + MIDNIGHT_MARGIN_MS);
    assert.deepEqual(days, ['2026-11-25']);
    time.advance(24 * 60 * 60 * 1000);
    assert.deepEqual(days, ['2026-11-25', '2026-11-26']);
  });

  it('does not fire during the day', () => {
    const time = new FakeTime(new Date(2026, 10, 24, 8, 0));
    const days: string[] = [];
    const timer = new MidnightTimer(time, time, (day) => days.push(day));
    time.advance(10 * 60 * 60 * 1000);
    timer.check();
    assert.deepEqual(days, []);
  });

  it('catches up on a check after timers were paused across midnight (sleep)', () => {
    const time = new FakeTime(new Date(2026, 10, 24, 22, 0));
    const days: string[] = [];
    const timer = new MidnightTimer(time, time, (day) => days.push(day));
    time.advance(36 * 60 * 60 * 1000, false);
    assert.deepEqual(days, []);
    timer.check();
    assert.deepEqual(days, ['2026-11-26']);
    timer.check();
    assert.deepEqual(days, ['2026-11-26'], 'the same day is reported once');
  });

  it('stops when disposed', () => {
    const time = new FakeTime(new Date(2026, 10, 24, 23, 59));
    const days: string[] = [];
    new MidnightTimer(time, time, (day) => days.push(day)).dispose();
    time.advance(2 * 60 * 1000);
    assert.deepEqual(days, []);
  });
});
