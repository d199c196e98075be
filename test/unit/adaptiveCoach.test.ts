/**
 * The adaptive coach: on two days out of three the daily pick comes from the themes of the action
 * practised least lately; the overdue rules keep priority; within a theme nothing repeats.
 */
import * as assert from 'node:assert/strict';
import { addDays, type DateKey } from '../../src/domain/core/dates';
import { createDelegation } from '../../src/domain/team/delegations';
import {
  EMPTY_PROGRESS,
  hashText,
  pickNudgeForDay,
  type Neglect,
  type Nudge,
  type NudgeContext,
  type NudgeProgress,
  type NudgeTheme,
} from '../../src/domain/coach/nudges';
import { ACTION_THEMES, ACTIONS, type Action } from '../../src/domain/review/review';
import type { Person } from '../../src/domain/team/people';
import { day } from '../support/fakes';

const THEMES: NudgeTheme[] = ['check-ins', 'bigger-picture', 'vision', 'modelling', 'delegation', 'feedback', 'trust', 'burnout'];
const catalogue: Nudge[] = THEMES.flatMap((theme) =>
  [1, 2, 3].map((i) => ({
    id: `${theme}-${i}`,
    theme,
    short: `${theme} ${i}`,
    action: `Do ${theme} ${i}`,
    why: 'Because.',
    lesson: 'check-in',
  })),
);
const team: Person[] = [{ id: 'p-sam', name: 'Sam', cadenceDays: 365, addedOn: day('2026-11-20') }];
const recent = createDelegation('d1', { task: 'Own the release', level: 4, followUpOn: day('2027-03-01') }, 'p-sam', day('2026-11-23'));

function neglect(action: Action, daysSince?: number): Neglect {
  return { action, themes: ACTION_THEMES[action], daysSince };
}

function context(today: DateKey, extra: Partial<NudgeContext> = {}): NudgeContext {
  return {
    catalogue,
    themes: [],
    today,
    delegations: [recent],
    daysSinceLastDelegated: 1,
    people: team,
    oneOnOnes: [],
    feedback: [],
    ...extra,
  };
}

/** Days from 2026-11-24 on which the neglected action decides the pick, and days on which it does not. */
function daysWhere(decides: boolean, count: number): DateKey[] {
  const days: DateKey[] = [];
  for (let i = 0; days.length < count; i++) {
    const d = addDays(day('2026-11-24'), i);
    if (hashText(`${d}#neglect`) % 3 < 2 === decides) {
      days.push(d);
    }
  }
  return days;
}

describe('the adaptive coach', () => {
  for (const action of ACTIONS) {
    it(`picks from the themes of ${action} when that is the action neglected, and says so`, () => {
      for (const d of daysWhere(true, 4)) {
        const result = pickNudgeForDay(context(d, { neglected: neglect(action, 21) }), EMPTY_PROGRESS);
        assert.ok(result);
        const theme = catalogue.find((n) => n.id === result.nudge.id)?.theme;
        assert.ok(theme && ACTION_THEMES[action].includes(theme), `${d}: ${result.nudge.id}`);
        assert.equal(result.nudge.reason, 'neglected');
        assert.deepEqual(result.nudge.neglect, neglect(action, 21));
        assert.equal(result.progress.picks[d]?.source, 'neglected');
      }
    });
  }

  it('leaves one day in three to the plain daily pick', () => {
    for (const d of daysWhere(false, 4)) {
      const result = pickNudgeForDay(context(d, { neglected: neglect('feedback', 30) }), EMPTY_PROGRESS);
      assert.equal(result?.nudge.reason, 'daily', d);
      assert.equal(result?.nudge.neglect, undefined);
    }
  });

  it('is the same all day: the stored pick comes back with its reason while the action is still neglected', () => {
    const [d] = daysWhere(true, 1);
    assert.ok(d);
    const first = pickNudgeForDay(context(d, { neglected: neglect('modelling', 15) }), EMPTY_PROGRESS);
    assert.ok(first);
    const again = pickNudgeForDay(context(d, { neglected: neglect('modelling', 15) }), first.progress);
    assert.deepEqual(again?.nudge, first.nudge);
    // Practised since (no longer the neglected one): the same nudge, without the stale reason.
    const later = pickNudgeForDay(context(d, { neglected: neglect('feedback', 40) }), first.progress);
    assert.equal(later?.nudge.id, first.nudge.id);
    assert.equal(later?.nudge.neglect, undefined);
  });

  it('does not repeat a nudge of the theme until all of them were shown', () => {
    let progress: NudgeProgress = EMPTY_PROGRESS;
    const seen: string[] = [];
    for (const d of daysWhere(true, 3)) {
      const result = pickNudgeForDay(context(d, { neglected: neglect('delegating', 9) }), progress);
      assert.ok(result);
      seen.push(result.nudge.id);
      progress = result.progress;
    }
    assert.deepEqual([...seen].sort(), ['delegation-1', 'delegation-2', 'delegation-3']);
  });

  it('keeps the overdue follow-up and overdue 1:1 first', () => {
    const [d] = daysWhere(true, 1);
    assert.ok(d);
    const overdue = createDelegation('d2', { task: 'Write the handbook', level: 3, followUpOn: addDays(d, -2) }, 'p-sam', addDays(d, -9));
    const withOverdue = pickNudgeForDay(context(d, { neglected: neglect('feedback', 30), delegations: [overdue] }), EMPTY_PROGRESS);
    assert.equal(withOverdue?.nudge.reason, 'overdueFollowUp');
    const late: Person = { id: 'p-kim', name: 'Kim', cadenceDays: 7, addedOn: addDays(d, -20) };
    const withOneOnOne = pickNudgeForDay(context(d, { neglected: neglect('feedback', 30), people: [...team, late] }), EMPTY_PROGRESS);
    assert.equal(withOneOnOne?.nudge.reason, 'overdueOneOnOne');
  });

  it('falls back to the daily pick when the neglected action has no enabled theme', () => {
    const [d] = daysWhere(true, 1);
    assert.ok(d);
    const result = pickNudgeForDay(context(d, { neglected: neglect('modelling', 30), themes: ['trust'] }), EMPTY_PROGRESS);
    assert.equal(result?.nudge.reason, 'daily');
    assert.ok(result?.nudge.id.startsWith('trust-'));
  });
});
