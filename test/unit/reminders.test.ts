import * as assert from 'node:assert/strict';
import { readReminderState, reminderMessage, remindersShown, shouldRemind, snoozeADay } from '../../src/domain/reminders';
import { day } from '../support/fakes';

describe('overdue reminders', () => {
  const today = day('2026-11-24');

  it('remind at most once a day, only with something overdue, only when turned on', () => {
    assert.equal(shouldRemind({}, today, 1, true), true);
    assert.equal(shouldRemind({}, today, 0, true), false);
    assert.equal(shouldRemind({}, today, 2, false), false);
    assert.equal(shouldRemind(remindersShown({}, today), today, 2, true), false);
    assert.equal(shouldRemind(remindersShown({}, day('2026-11-23')), today, 2, true), true);
  });

  it('snoozing a day skips tomorrow and comes back the day after', () => {
    const snoozed = snoozeADay(remindersShown({}, today), today);
    assert.equal(shouldRemind(snoozed, day('2026-11-25'), 1, true), false);
    assert.equal(shouldRemind(snoozed, day('2026-11-26'), 1, true), true);
  });

  it('name the people', () => {
    assert.equal(reminderMessage(['Sam']), 'Your follow-up with Sam is overdue.');
    assert.equal(reminderMessage(['Sam', 'Ana', 'Sam', 'Lee', 'Kim']), '5 follow-ups are overdue (Sam, Ana and 2 more).');
  });

  it('read stored state defensively', () => {
    assert.deepEqual(readReminderState({ lastShownOn: 'garbage', snoozedThrough: '2026-11-25' }), { snoozedThrough: '2026-11-25' });
    assert.deepEqual(readReminderState(42), {});
  });
});
