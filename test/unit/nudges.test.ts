import * as assert from 'node:assert/strict';
import { addDays } from '../../src/domain/dates';
import { createDelegation, type Delegation } from '../../src/domain/delegation';
import {
  currentStreak,
  EMPTY_PROGRESS,
  markNudgeDone,
  parseNudgeCatalogue,
  pickAnotherNudge,
  pickNudgeForDay,
  readNudgeProgress,
  type Nudge,
  type NudgeContext,
  type NudgeProgress,
  type NudgeTheme,
} from '../../src/domain/nudges';
import { day } from '../support/fakes';

function nudge(id: string, theme: NudgeTheme): Nudge {
  return { id, theme, short: `Short ${id}`, action: `Do ${id}`, why: `Because ${id}`, lesson: 'check-in' };
}

const catalogue: Nudge[] = [
  nudge('trust-1', 'trust'),
  nudge('trust-2', 'trust'),
  nudge('feedback-1', 'feedback'),
  nudge('feedback-2', 'feedback'),
  nudge('delegation-1', 'delegation'),
  nudge('delegation-2', 'delegation'),
  nudge('burnout-1', 'burnout'),
];

const recentDelegation = createDelegation('d1', { task: 'Own the release', person: 'Sam', level: 4, followUpOn: day('2026-11-30') }, day('2026-11-23'));

function context(today: string, extra: Partial<NudgeContext> = {}): NudgeContext {
  return { catalogue, themes: [], today: day(today), delegations: [recentDelegation], daysSinceLastDelegated: 1, ...extra };
}

/** Runs the daily pick for `days` consecutive days and returns the ids picked. */
function runDays(start: string, days: number, extra: Partial<NudgeContext> = {}, progress: NudgeProgress = EMPTY_PROGRESS): { ids: string[]; progress: NudgeProgress } {
  const ids: string[] = [];
  let p = progress;
  for (let i = 0; i < days; i++) {
    const result = pickNudgeForDay(context(addDays(day(start), i), extra), p);
    assert.ok(result);
    ids.push(result.nudge.id);
    p = result.progress;
  }
  return { ids, progress: p };
}

describe('the daily nudge pick', () => {
  it('is the same for the same day and the same history (deterministic)', () => {
    const a = pickNudgeForDay(context('2026-11-24'), EMPTY_PROGRESS);
    const b = pickNudgeForDay(context('2026-11-24'), EMPTY_PROGRESS);
    assert.deepEqual(a, b);
  });

  it('depends on the date', () => {
    const picks = new Set(Array.from({ length: 10 }, (_, i) => pickNudgeForDay(context(addDays(day('2026-11-01'), i)), EMPTY_PROGRESS)?.nudge.id));
    assert.ok(picks.size > 1, 'ten different days all gave the same first pick');
  });

  it('stays the same all day once picked', () => {
    const first = pickNudgeForDay(context('2026-11-24'), EMPTY_PROGRESS);
    assert.ok(first);
    const again = pickNudgeForDay(context('2026-11-24'), first.progress);
    assert.equal(again?.nudge.id, first.nudge.id);
    assert.equal(again?.progress, first.progress, 'no new progress to save for a second look');
  });

  it('never repeats until every nudge has been shown, then starts a new cycle', () => {
    const { ids } = runDays('2026-11-01', catalogue.length * 3);
    for (let cycle = 0; cycle < 3; cycle++) {
      const slice = ids.slice(cycle * catalogue.length, (cycle + 1) * catalogue.length);
      assert.deepEqual([...slice].sort(), catalogue.map((n) => n.id).sort(), `cycle ${cycle + 1}: ${slice.join(', ')}`);
    }
  });

  it('draws only from the enabled themes, and cycles through all of them', () => {
    const { ids } = runDays('2026-11-01', 8, { themes: ['trust', 'feedback'] });
    assert.ok(ids.every((id) => id.startsWith('trust') || id.startsWith('feedback')), ids.join(', '));
    assert.deepEqual([...ids.slice(0, 4)].sort(), ['feedback-1', 'feedback-2', 'trust-1', 'trust-2']);
  });

  it('follows up on the most overdue delegation, by name, when one is overdue', () => {
    const older = createDelegation('d2', { task: 'Write the on-call guide', person: 'Ana', level: 5, followUpOn: day('2026-11-20') }, day('2026-11-10'));
    const newer = createDelegation('d3', { task: 'Fix flaky tests', person: 'Lee', level: 5, followUpOn: day('2026-11-22') }, day('2026-11-10'));
    const result = pickNudgeForDay(context('2026-11-24', { delegations: [newer, older, recentDelegation] }), EMPTY_PROGRESS);
    assert.equal(result?.nudge.reason, 'overdueFollowUp');
    assert.equal(result?.nudge.delegationId, 'd2');
    assert.equal(result?.nudge.short, 'Follow up with Ana');
    assert.match(result?.nudge.action ?? '', /Ana on "Write the on-call guide" \(4 days overdue\) \(1 more overdue/);
  });

  it('ignores done delegations when looking for overdue ones', () => {
    const done: Delegation = { ...createDelegation('d4', { task: 't', person: 'Ana', level: 5, followUpOn: day('2026-11-20') }, day('2026-11-10')), doneOn: day('2026-11-21') };
    assert.equal(pickNudgeForDay(context('2026-11-24', { delegations: [done] }), EMPTY_PROGRESS)?.nudge.reason, 'daily');
  });

  it('turns to delegating when nothing was delegated for 7 days, or ever', () => {
    for (const daysSinceLastDelegated of [7, 30, undefined]) {
      const result = pickNudgeForDay(context('2026-11-24', { daysSinceLastDelegated, delegations: [] }), EMPTY_PROGRESS);
      assert.equal(result?.nudge.reason, 'notDelegating');
      assert.match(result?.nudge.id ?? '', /^delegation-/);
    }
    assert.equal(pickNudgeForDay(context('2026-11-24', { daysSinceLastDelegated: 6 }), EMPTY_PROGRESS)?.nudge.reason, 'daily');
  });

  it('remembers why the day\'s nudge was picked when it is shown again', () => {
    const first = pickNudgeForDay(context('2026-11-24', { daysSinceLastDelegated: undefined, delegations: [] }), EMPTY_PROGRESS);
    const again = pickNudgeForDay(context('2026-11-24', { daysSinceLastDelegated: undefined, delegations: [] }), readNudgeProgress(JSON.parse(JSON.stringify(first?.progress))));
    assert.equal(again?.nudge.reason, 'notDelegating');
    assert.equal(again?.nudge.id, first?.nudge.id);
  });

  it('"Another one" gives a different nudge and remembers it for the day', () => {
    const first = pickNudgeForDay(context('2026-11-24'), EMPTY_PROGRESS);
    assert.ok(first);
    const another = pickAnotherNudge(context('2026-11-24'), first.progress, first.nudge.id);
    assert.ok(another);
    assert.notEqual(another.nudge.id, first.nudge.id);
    assert.equal(another.nudge.reason, 'another');
    assert.equal(pickNudgeForDay(context('2026-11-24'), another.progress)?.nudge.id, another.nudge.id);
    const third = pickAnotherNudge(context('2026-11-24'), another.progress, another.nudge.id);
    assert.ok(third);
    assert.ok(![first.nudge.id, another.nudge.id].includes(third.nudge.id), 'a third pick is new too');
  });

  it('"Another one" replaces an overdue follow-up for the day', () => {
    const overdue = createDelegation('d2', { task: 't', person: 'Ana', level: 5, followUpOn: day('2026-11-20') }, day('2026-11-10'));
    const first = pickNudgeForDay(context('2026-11-24', { delegations: [overdue] }), EMPTY_PROGRESS);
    assert.equal(first?.nudge.reason, 'overdueFollowUp');
    const another = pickAnotherNudge(context('2026-11-24', { delegations: [overdue] }), first?.progress ?? EMPTY_PROGRESS, first?.nudge.id ?? '');
    assert.equal(pickNudgeForDay(context('2026-11-24', { delegations: [overdue] }), another?.progress ?? EMPTY_PROGRESS)?.nudge.id, another?.nudge.id);
  });

  it('counts a streak of days with a nudge done', () => {
    let progress = EMPTY_PROGRESS;
    assert.equal(currentStreak(progress, day('2026-11-24')), 0);
    for (const d of ['2026-11-20', '2026-11-22', '2026-11-23']) {
      progress = markNudgeDone(progress, day(d));
    }
    assert.equal(currentStreak(progress, day('2026-11-24')), 2, 'today still open: the streak up to yesterday counts');
    progress = markNudgeDone(progress, day('2026-11-24'));
    assert.equal(currentStreak(progress, day('2026-11-24')), 3);
    assert.equal(markNudgeDone(progress, day('2026-11-24')), progress, 'done twice is done once');
    assert.equal(currentStreak(progress, day('2026-11-26')), 0, 'a missed day ends the streak');
  });

  it('reads stored progress defensively', () => {
    assert.deepEqual(readNudgeProgress('junk'), EMPTY_PROGRESS);
    assert.deepEqual(readNudgeProgress({ schemaVersion: 2 }), EMPTY_PROGRESS);
    const read = readNudgeProgress({ schemaVersion: 1, shownInCycle: ['a', 3], picks: { '2026-11-24': { id: 'a', source: 'daily', rerolls: 0 }, bad: 4 }, doneDays: ['2026-11-24', 'x'] });
    assert.deepEqual(read, { schemaVersion: 1, shownInCycle: ['a'], picks: { '2026-11-24': { id: 'a', source: 'daily', rerolls: 0 } }, doneDays: ['2026-11-24'] });
  });
});

describe('the nudge catalogue file', () => {
  it('keeps valid entries and names the invalid ones', () => {
    const { nudges, problems } = parseNudgeCatalogue({
      version: 1,
      nudges: [catalogue[0], { ...catalogue[1], theme: 'astrology' }, catalogue[0], { ...catalogue[2], short: 'x'.repeat(37) }],
    });
    assert.deepEqual(nudges, [catalogue[0]]);
    assert.equal(problems.length, 3);
    assert.match(problems.join('\n'), /duplicate id/);
  });

  it('refuses a file without the version', () => {
    assert.equal(parseNudgeCatalogue({ nudges: catalogue }).nudges.length, 0);
    assert.equal(parseNudgeCatalogue(null).problems.length, 1);
  });
});
