import * as assert from 'node:assert/strict';
import { readReminderState, reminderMessage, remindersShown, shouldRemind, snoozeADay } from '../../src/domain/coach/reminders';
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

  it('name follow-ups only, when no 1:1 is overdue', () => {
    assert.equal(reminderMessage(['Sam'], []), 'Your follow-up with Sam is overdue.');
    assert.equal(reminderMessage(['Sam', 'Ana'], []), '2 follow-ups are overdue (Sam, Ana).');
    assert.equal(
      reminderMessage(['Sam', 'Sam'], []),
      '2 follow-ups are overdue (Sam).',
      'two overdue with the same person: counted twice, named once',
    );
  });

  it('name 1:1s only, when no follow-up is overdue', () => {
    assert.equal(reminderMessage([], ['Lee']), 'Your 1:1 with Lee is overdue.');
    assert.equal(reminderMessage([], ['Lee', 'Kim']), '2 people are due a 1:1 (Lee, Kim).');
  });

  it('name both, follow-ups first, in one message', () => {
    assert.equal(reminderMessage(['Sam'], ['Lee']), 'Your follow-up with Sam is overdue. Your 1:1 with Lee is overdue.');
    assert.equal(
      reminderMessage(['Sam', 'Ana', 'Sam'], ['Lee', 'Kim']),
      '3 follow-ups are overdue (Sam, Ana). 2 people are due a 1:1 (Lee, Kim).',
    );
    assert.equal(reminderMessage(['Sam'], ['Sam']), 'Your follow-up with Sam is overdue. Your 1:1 with Sam is overdue.');
  });

  it('keep many names short: two named and a count of the rest', () => {
    const names = ['Ana', 'Ben', 'Cai', 'Dee', 'Eli', 'Fay', 'Gus'];
    assert.equal(
      reminderMessage(names, names),
      '7 follow-ups are overdue (Ana, Ben and 5 more). 7 people are due a 1:1 (Ana, Ben and 5 more).',
    );
    assert.equal(reminderMessage([], names.slice(0, 3)), '3 people are due a 1:1 (Ana, Ben and 1 more).');
  });

  it('say nothing when nothing is overdue', () => {
    assert.equal(reminderMessage([], []), '');
    assert.equal(reminderMessage([]), '');
  });

  it('read stored state defensively', () => {
    assert.deepEqual(readReminderState({ lastShownOn: 'garbage', snoozedThrough: '2026-11-25' }), { snoozedThrough: '2026-11-25' });
    assert.deepEqual(readReminderState(42), {});
  });
});
