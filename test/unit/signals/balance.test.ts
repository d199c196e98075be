/**
 * The lead's own week: their commits (under every identity), merges, the reviews that name them
 * in a Reviewed-by trailer, the late-hour days, the week's edges, and the crowding rule.
 */
import * as assert from 'node:assert/strict';
import type { DateKey } from '../../../src/domain/core/dates';
import { codingCrowdsOutLeading, leadWeek, type LeadWeek } from '../../../src/domain/signals/balance';
import { identityKeyOf } from '../../../src/domain/signals/history';
import { commit, historyOf, instantOf } from './generated';

const utcDayStart = (d: DateKey): number => instantOf(`${d}T00:00`, 'Z');
const WORK = 'jo.lead@example.com';
const HOME = 'jo@home.example';
const lead = new Set([identityKeyOf('Jo Lead', WORK), identityKeyOf('Jo Lead', HOME)]);
const user = { name: 'Jo Lead', email: 'lead@config.example' };
const jo = (
  local: string,
  extra: { email?: string; offset?: string; parents?: number; reviewedBy?: { name: string; email: string }[] } = {},
) =>
  commit({
    author: 'Jo Lead',
    email: extra.email ?? WORK,
    local,
    offset: extra.offset ?? '+00:00',
    ...(extra.parents === undefined ? {} : { parents: extra.parents }),
    ...(extra.reviewedBy === undefined ? {} : { reviewedBy: extra.reviewedBy }),
  });

const history = historyOf([
  jo('2026-05-10T23:00'),
  jo('2026-05-11T10:00'),
  jo('2026-05-12T23:30', { offset: '+01:00' }),
  jo('2026-05-13T01:00', { offset: '+01:00' }),
  jo('2026-05-14T14:00', { reviewedBy: [{ name: 'Jo Lead', email: WORK }] }),
  jo('2026-05-15T16:00', { parents: 2 }),
  jo('2026-05-16T22:30', { email: HOME }),
  jo('2026-05-18T09:00'),
  commit({ author: 'Sam Lee', local: '2026-05-12T11:00', reviewedBy: [{ name: 'Jo Lead', email: 'JO.LEAD@example.com' }] }),
  commit({ author: 'Priya Sharma', local: '2026-05-13T11:00', reviewedBy: [{ name: 'jo lead', email: '' }] }),
  commit({ author: 'Priya Sharma', local: '2026-05-14T11:00', reviewedBy: [{ name: 'Sam Lee', email: 'sam.lee@example.com' }] }),
  commit({ author: 'Priya Sharma', local: '2026-05-15T11:00', reviewedBy: [{ name: 'J.', email: 'lead@config.example' }] }),
  commit({ author: 'Priya Sharma', local: '2026-05-19T11:00', reviewedBy: [{ name: 'Jo Lead', email: WORK }] }),
]);

describe("signals: the lead's own week", () => {
  it('counts the lead commits and merges, the reviews naming them, and the late days, within the week', () => {
    assert.deepEqual(leadWeek(history, lead, user, '2026-05-11' as DateKey, { dayStart: utcDayStart }), {
      commits: 5,
      merges: 1,
      reviews: 3,
      lateDays: 2,
      lateCommits: 3,
    } satisfies LeadWeek);
  });

  it('reads the week before and after on their own days', () => {
    const before = leadWeek(history, lead, user, '2026-05-04' as DateKey, { dayStart: utcDayStart });
    assert.deepEqual([before.commits, before.lateDays], [1, 1]);
    const after = leadWeek(history, lead, user, '2026-05-18' as DateKey, { dayStart: utcDayStart });
    assert.deepEqual([after.commits, after.reviews], [1, 1]);
  });

  it('says coding crowds out leading at 15 commits and no 1:1', () => {
    const week = (commits: number): LeadWeek => ({ commits, merges: 0, reviews: 0, lateDays: 0, lateCommits: 0 });
    assert.equal(codingCrowdsOutLeading(week(41), 0), true);
    assert.equal(codingCrowdsOutLeading(week(15), 0), true);
    assert.equal(codingCrowdsOutLeading(week(14), 0), false);
    assert.equal(codingCrowdsOutLeading(week(41), 1), false);
  });
});
