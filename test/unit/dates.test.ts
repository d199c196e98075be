import * as assert from 'node:assert/strict';
import { addDays, daysBetween, formatDay, msUntilNextLocalMidnight, parseDateKey, toDateKey } from '../../src/domain/core/dates';
import { day } from '../support/fakes';

describe('dates', () => {
  it('turns a Date into its local calendar day', () => {
    assert.equal(toDateKey(new Date(2026, 10, 24, 23, 59)), '2026-11-24');
    assert.equal(toDateKey(new Date(2026, 0, 1, 0, 0)), '2026-01-01');
  });

  it('accepts only real calendar days', () => {
    assert.equal(parseDateKey('2026-02-28'), '2026-02-28');
    assert.equal(parseDateKey(' 2028-02-29 '), '2028-02-29');
    assert.equal(parseDateKey('2026-02-29'), undefined);
    assert.equal(parseDateKey('2026-13-01'), undefined);
    assert.equal(parseDateKey('26-1-1'), undefined);
    assert.equal(parseDateKey('tomorrow'), undefined);
    assert.equal(parseDateKey(20261124), undefined);
  });

  it('adds days across months, years and leap days', () => {
    assert.equal(addDays(day('2026-11-24'), 7), '2026-12-01');
    assert.equal(addDays(day('2026-12-31'), 1), '2027-01-01');
    assert.equal(addDays(day('2028-03-01'), -1), '2028-02-29');
  });

  it('counts whole days between two days, whatever the daylight-saving changes between them', () => {
    assert.equal(daysBetween(day('2026-03-01'), day('2026-04-01')), 31);
    assert.equal(daysBetween(day('2026-10-20'), day('2026-11-05')), 16);
    assert.equal(daysBetween(day('2026-11-24'), day('2026-11-21')), -3);
  });

  it('finds the next local midnight', () => {
    assert.equal(msUntilNextLocalMidnight(new Date(2026, 10, 24, 23, 59, 0)), 60_000);
    assert.equal(msUntilNextLocalMidnight(new Date(2026, 10, 24, 0, 0, 0)), 24 * 3_600_000);
  });

  it('writes a day for people, with the year only when it differs', () => {
    assert.equal(formatDay(day('2026-11-27'), day('2026-11-24')), 'Fri 27 Nov');
    assert.equal(formatDay(day('2027-01-04'), day('2026-11-24')), 'Mon 4 Jan 2027');
  });
});
