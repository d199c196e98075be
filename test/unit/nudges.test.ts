import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDays } from '../../src/domain/core/dates';
import { createDelegation, type Delegation } from '../../src/domain/team/delegations';
import {
  currentStreak,
  streakOf,
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
} from '../../src/domain/coach/nudges';
import type { Feedback } from '../../src/domain/team/feedback';
import type { OneOnOne } from '../../src/domain/team/oneOnOnes';
import type { Person } from '../../src/domain/team/people';
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

function person(id: string, name: string, extra: Partial<Person> = {}): Person {
  return { id, name, cadenceDays: 14, addedOn: day('2026-11-20'), ...extra };
}

/** The team of the default context: added recently, so no 1:1 is due and not asking for feedback is not yet a pattern. */
const team: Person[] = [person('p-sam', 'Sam'), person('p-ana', 'Ana'), person('p-lee', 'Lee')];

const recentDelegation = createDelegation(
  'd1',
  { task: 'Own the release', level: 4, followUpOn: day('2026-11-30') },
  'p-sam',
  day('2026-11-23'),
);

function context(today: string, extra: Partial<NudgeContext> = {}): NudgeContext {
  return {
    catalogue,
    themes: [],
    today: day(today),
    delegations: [recentDelegation],
    daysSinceLastDelegated: 1,
    people: team,
    oneOnOnes: [],
    feedback: [],
    ...extra,
  };
}

/** Runs the daily pick for `days` consecutive days and returns the ids picked. */
function runDays(
  start: string,
  days: number,
  extra: Partial<NudgeContext> = {},
  progress: NudgeProgress = EMPTY_PROGRESS,
): { ids: string[]; progress: NudgeProgress } {
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
    const picks = new Set(
      Array.from({ length: 10 }, (_, i) => pickNudgeForDay(context(addDays(day('2026-11-01'), i)), EMPTY_PROGRESS)?.nudge.id),
    );
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
    assert.ok(
      ids.every((id) => id.startsWith('trust') || id.startsWith('feedback')),
      ids.join(', '),
    );
    assert.deepEqual([...ids.slice(0, 4)].sort(), ['feedback-1', 'feedback-2', 'trust-1', 'trust-2']);
  });

  it('follows up on the most overdue delegation, by name, when one is overdue', () => {
    const older = createDelegation(
      'd2',
      { task: 'Write the on-call guide', level: 5, followUpOn: day('2026-11-20') },
      'p-ana',
      day('2026-11-10'),
    );
    const newer = createDelegation('d3', { task: 'Fix flaky tests', level: 5, followUpOn: day('2026-11-22') }, 'p-lee', day('2026-11-10'));
    const result = pickNudgeForDay(context('2026-11-24', { delegations: [newer, older, recentDelegation] }), EMPTY_PROGRESS);
    assert.equal(result?.nudge.reason, 'overdueFollowUp');
    assert.equal(result?.nudge.delegationId, 'd2');
    assert.equal(result?.nudge.short, 'Follow up with Ana');
    assert.match(result?.nudge.action ?? '', /Ana on "Write the on-call guide" \(4 days overdue\) \(1 more overdue/);
  });

  it('leaves out a passed follow-up whose work visibly moves (the repository signals), and follows up on the next one', () => {
    const older = createDelegation(
      'd2',
      { task: 'Write the on-call guide', level: 6, followUpOn: day('2026-11-20') },
      'p-ana',
      day('2026-11-10'),
    );
    const newer = createDelegation('d3', { task: 'Fix flaky tests', level: 5, followUpOn: day('2026-11-22') }, 'p-lee', day('2026-11-10'));
    const moving = (d: Delegation): boolean => d.id === 'd2';
    const result = pickNudgeForDay(context('2026-11-24', { delegations: [newer, older, recentDelegation], moving }), EMPTY_PROGRESS);
    assert.equal(result?.nudge.reason, 'overdueFollowUp');
    assert.equal(result?.nudge.delegationId, 'd3');
    assert.doesNotMatch(result?.nudge.action ?? '', /more overdue/, 'the moving one is not counted as overdue either');
  });

  it('ignores done delegations when looking for overdue ones', () => {
    const done: Delegation = {
      ...createDelegation('d4', { task: 't', level: 5, followUpOn: day('2026-11-20') }, 'p-ana', day('2026-11-10')),
      doneOn: day('2026-11-21'),
    };
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

  it("remembers why the day's nudge was picked when it is shown again", () => {
    const first = pickNudgeForDay(context('2026-11-24', { daysSinceLastDelegated: undefined, delegations: [] }), EMPTY_PROGRESS);
    const again = pickNudgeForDay(
      context('2026-11-24', { daysSinceLastDelegated: undefined, delegations: [] }),
      readNudgeProgress(JSON.parse(JSON.stringify(first?.progress))),
    );
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
    const overdue = createDelegation('d2', { task: 't', level: 5, followUpOn: day('2026-11-20') }, 'p-ana', day('2026-11-10'));
    const first = pickNudgeForDay(context('2026-11-24', { delegations: [overdue] }), EMPTY_PROGRESS);
    assert.equal(first?.nudge.reason, 'overdueFollowUp');
    const another = pickAnotherNudge(
      context('2026-11-24', { delegations: [overdue] }),
      first?.progress ?? EMPTY_PROGRESS,
      first?.nudge.id ?? '',
    );
    assert.equal(
      pickNudgeForDay(context('2026-11-24', { delegations: [overdue] }), another?.progress ?? EMPTY_PROGRESS)?.nudge.id,
      another?.nudge.id,
    );
  });

  it('counts a streak of days with a nudge done', () => {
    let progress = EMPTY_PROGRESS;
    assert.equal(currentStreak(progress, day('2026-11-24')), 0);
    for (const d of ['2026-11-20', '2026-11-22', '2026-11-23']) {
      progress = markNudgeDone(progress, day(d));
    }
    // Fri 20, Sun 22 (a day off, done: it counts), Mon 23.
    assert.equal(currentStreak(progress, day('2026-11-24')), 3, 'today still open: the streak up to yesterday counts');
    progress = markNudgeDone(progress, day('2026-11-24'));
    assert.equal(currentStreak(progress, day('2026-11-24')), 4);
    assert.equal(markNudgeDone(progress, day('2026-11-24')), progress, 'done twice is done once');
    assert.equal(currentStreak(progress, day('2026-11-26')), 4, 'one missed workday (Wed) is forgiven');
    assert.deepEqual(streakOf(progress, day('2026-11-26')), { days: 4, forgiven: 1 });
    assert.equal(currentStreak(progress, day('2026-11-27')), 0, 'two missed workdays in a row (Wed, Thu) end it');
  });

  it('counts workdays: a weekend without a nudge neither counts nor breaks it, a nudge done at the weekend counts', () => {
    const done = (...days: string[]) => days.reduce((p, d) => markNudgeDone(p, day(d)), EMPTY_PROGRESS);
    // Thu 26 and Fri 27 Nov, then Mon 30 Nov: the weekend between is no gap.
    assert.deepEqual(streakOf(done('2026-11-26', '2026-11-27', '2026-11-30'), day('2026-11-30')), { days: 3, forgiven: 0 });
    assert.deepEqual(streakOf(done('2026-11-26', '2026-11-27', '2026-11-28', '2026-11-30'), day('2026-11-30')), { days: 4, forgiven: 0 });
    assert.deepEqual(streakOf(done('2026-11-28'), day('2026-11-28')), { days: 1, forgiven: 0 }, 'Done on a Saturday shows 1');
    // Across a month end and a year end, with one missed workday (Wed 30 Dec) forgiven.
    const newYear = done('2026-12-28', '2026-12-29', '2026-12-31', '2027-01-01', '2027-01-04');
    assert.deepEqual(streakOf(newYear, day('2027-01-05')), { days: 5, forgiven: 1 });
    // Two missed workdays, however far apart they are, each on its own, are each forgiven; two in a row end it.
    assert.deepEqual(streakOf(done('2026-11-16', '2026-11-18', '2026-11-20'), day('2026-11-20')), { days: 3, forgiven: 2 });
    assert.deepEqual(streakOf(done('2026-11-16', '2026-11-19', '2026-11-20'), day('2026-11-20')), { days: 2, forgiven: 0 });
    // A week of Sunday to Thursday: Friday and Saturday are the days off.
    const gulf = [0, 1, 2, 3, 4] as const;
    assert.deepEqual(streakOf(done('2026-11-19', '2026-11-22'), day('2026-11-22'), gulf), { days: 2, forgiven: 0 });
    assert.deepEqual(
      streakOf(done('2026-11-19', '2026-11-22'), day('2026-11-22')),
      { days: 2, forgiven: 1 },
      'Mon–Fri: Sun 22 is a day off done, Fri 20 missed and forgiven, Thu 19 done',
    );
  });

  it('keeps the progress stored today: the same days, read as they are, and a streak at least as long as before', () => {
    const stored = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'state', 'release-0.1-global.json'), 'utf8'),
    ) as Record<string, unknown>;
    const progress = readNudgeProgress(stored['techLead.nudgeProgress']);
    assert.deepEqual(progress.doneDays, ['2026-11-19', '2026-11-20']);
    // The old rule (every calendar day, no miss forgiven) gave 2 on Fri 20 Nov and 0 on Mon 23; now 2 and 2.
    assert.equal(currentStreak(progress, day('2026-11-20')), 2);
    assert.equal(currentStreak(progress, day('2026-11-23')), 2);
  });

  it('reads stored progress defensively', () => {
    assert.deepEqual(readNudgeProgress('junk'), EMPTY_PROGRESS);
    assert.deepEqual(readNudgeProgress({ schemaVersion: 2 }), EMPTY_PROGRESS);
    const read = readNudgeProgress({
      schemaVersion: 1,
      shownInCycle: ['a', 3],
      picks: { '2026-11-24': { id: 'a', source: 'daily', rerolls: 0 }, bad: 4 },
      doneDays: ['2026-11-24', 'x'],
    });
    assert.deepEqual(read, {
      schemaVersion: 1,
      shownInCycle: ['a'],
      picks: { '2026-11-24': { id: 'a', source: 'daily', rerolls: 0 } },
      doneDays: ['2026-11-24'],
    });
  });
});

describe('nudge priorities with the team', () => {
  const today = '2026-11-24';
  const meeting = (id: string, personId: string, on: string): OneOnOne => ({ id, personId, on: day(on), topics: [] });
  const asked = (id: string, personId: string, on: string): Feedback => ({
    id,
    personId,
    on: day(on),
    kind: 'asked',
    said: 'More context in reviews',
    change: 'Write the why first',
  });
  const given = (id: string, personId: string, on: string): Feedback => ({
    id,
    personId,
    on: day(on),
    kind: 'given',
    situation: 'The demo',
    behaviour: 'You explained the trade-off',
    impact: 'We chose quickly',
  });
  /** Ana is 9 days past her 14-day rhythm, Lee 5 days, Sam not due. */
  const longTeam: Person[] = [
    person('p-sam', 'Sam', { addedOn: day('2026-10-01') }),
    person('p-ana', 'Ana', { addedOn: day('2026-10-01') }),
    person('p-lee', 'Lee', { addedOn: day('2026-10-01') }),
  ];
  const meetings = [
    meeting('m1', 'p-ana', '2026-11-01'),
    meeting('m2', 'p-lee', '2026-11-05'),
    meeting('m3', 'p-sam', '2026-11-20'),
    meeting('m0', 'p-ana', '2026-10-20'),
  ];
  /** Asked yesterday: the feedback rule stays out of the way unless a test wants it. */
  const recentAsk = [asked('f0', 'p-sam', '2026-11-23')];
  const overdueDelegation = createDelegation(
    'd9',
    { task: 'Write the on-call guide', level: 5, followUpOn: day('2026-11-20') },
    'p-sam',
    day('2026-11-10'),
  );

  it('an overdue follow-up beats an overdue 1:1', () => {
    const result = pickNudgeForDay(
      context(today, { people: longTeam, oneOnOnes: meetings, feedback: recentAsk, delegations: [overdueDelegation] }),
      EMPTY_PROGRESS,
    );
    assert.equal(result?.nudge.reason, 'overdueFollowUp');
    assert.equal(result?.nudge.short, 'Follow up with Sam');
  });

  it('an overdue 1:1 names the most overdue person, and beats the pick already made for the day', () => {
    const daily = pickNudgeForDay(context(today, { feedback: recentAsk }), EMPTY_PROGRESS);
    assert.equal(daily?.nudge.reason, 'daily');
    const progress = daily?.progress ?? EMPTY_PROGRESS;
    const result = pickNudgeForDay(context(today, { people: longTeam, oneOnOnes: meetings, feedback: recentAsk }), progress);
    assert.equal(result?.nudge.reason, 'overdueOneOnOne');
    assert.equal(result?.nudge.personId, 'p-ana');
    assert.equal(result?.nudge.id, 'one-on-one:p-ana');
    assert.equal(result?.nudge.short, 'Meet Ana');
    assert.match(result?.nudge.action ?? '', /^Book a 1:1 with Ana \(1:1 23 days ago, 9 days past their 14-day rhythm\)\./);
    assert.match(result?.nudge.action ?? '', /1 more is due a 1:1 too\.$/);
    assert.equal(result?.progress, progress, 'a 1:1 nudge does not replace the stored pick');
    // Order of the people does not matter; one day past reads in the singular.
    const oneDay = pickNudgeForDay(
      context(today, { people: [...longTeam].reverse(), oneOnOnes: [meeting('m4', 'p-lee', '2026-11-09')], feedback: recentAsk }),
      EMPTY_PROGRESS,
    );
    assert.equal(oneDay?.nudge.reason, 'overdueOneOnOne');
    assert.equal(oneDay?.nudge.personId, 'p-ana', 'never met since added on 1 Oct: the most overdue');
    const justLee = pickNudgeForDay(
      context(today, { people: [longTeam[2] as Person], oneOnOnes: [meeting('m4', 'p-lee', '2026-11-09')], feedback: recentAsk }),
      EMPTY_PROGRESS,
    );
    assert.match(
      justLee?.nudge.action ?? '',
      /\(1:1 15 days ago, 1 day past their 14-day rhythm\)\. Ask how they are before any status\.$/,
    );
  });

  it('a 1:1 due today is not overdue yet', () => {
    const result = pickNudgeForDay(
      context(today, {
        people: [person('p-lee', 'Lee', { addedOn: day('2026-10-01') })],
        oneOnOnes: [meeting('m4', 'p-lee', '2026-11-10')],
        feedback: recentAsk,
      }),
      EMPTY_PROGRESS,
    );
    assert.equal(result?.nudge.reason, 'daily');
  });

  it('archived people never produce a 1:1 nudge', () => {
    const archivedAna = longTeam.map((p) => (p.id === 'p-ana' || p.id === 'p-lee' ? { ...p, archived: true as const } : p));
    const result = pickNudgeForDay(context(today, { people: archivedAna, oneOnOnes: meetings, feedback: recentAsk }), EMPTY_PROGRESS);
    assert.equal(result?.nudge.reason, 'daily');
    const onlyLee = longTeam.map((p) => (p.id === 'p-ana' ? { ...p, archived: true as const } : p));
    assert.equal(
      pickNudgeForDay(context(today, { people: onlyLee, oneOnOnes: meetings, feedback: recentAsk }), EMPTY_PROGRESS)?.nudge.personId,
      'p-lee',
    );
  });

  it('turns to feedback after 30 days without asking anyone, not after 29', () => {
    const thirty = pickNudgeForDay(
      context(today, { feedback: [asked('f1', 'p-ana', '2026-10-25'), given('f2', 'p-lee', '2026-11-23')] }),
      EMPTY_PROGRESS,
    );
    assert.equal(thirty?.nudge.reason, 'notAskingFeedback');
    assert.match(thirty?.nudge.id ?? '', /^feedback-/);
    assert.equal(thirty?.progress.picks[today]?.source, 'notAskingFeedback');
    // Shown again later in the day, for the same reason (read back as stored).
    const again = pickNudgeForDay(
      context(today, { feedback: [asked('f1', 'p-ana', '2026-10-25')] }),
      readNudgeProgress(JSON.parse(JSON.stringify(thirty?.progress))),
    );
    assert.equal(again?.nudge.reason, 'notAskingFeedback');
    assert.equal(again?.nudge.id, thirty?.nudge.id);
    const twentyNine = pickNudgeForDay(
      context(today, { feedback: [asked('f1', 'p-ana', '2026-10-26'), asked('f3', 'p-ana', '2026-10-01')] }),
      EMPTY_PROGRESS,
    );
    assert.equal(twentyNine?.nudge.reason, 'daily');
    // Feedback given does not count as asking: with nobody asked, the count runs from 1 Oct, when the team was added.
    const metRecently = longTeam.map((p, i) => meeting(`r${i}`, p.id, '2026-11-20'));
    assert.equal(
      pickNudgeForDay(
        context(today, { people: longTeam, oneOnOnes: metRecently, feedback: [given('f2', 'p-lee', '2026-11-23')] }),
        EMPTY_PROGRESS,
      )?.nudge.reason,
      'notAskingFeedback',
    );
  });

  it('counts from the first person added when nobody was ever asked, and comes before the not-delegating rule', () => {
    const metRecently = [meeting('r1', 'p-ana', '2026-11-20')];
    const firstAdded = [person('p-sam', 'Sam', { addedOn: day('2026-11-20') }), person('p-ana', 'Ana', { addedOn: day('2026-10-25') })];
    const result = pickNudgeForDay(
      context(today, { people: firstAdded, oneOnOnes: metRecently, daysSinceLastDelegated: undefined, delegations: [] }),
      EMPTY_PROGRESS,
    );
    assert.equal(result?.nudge.reason, 'notAskingFeedback');
    const notYet = [person('p-sam', 'Sam', { addedOn: day('2026-11-20') }), person('p-ana', 'Ana', { addedOn: day('2026-10-26') })];
    assert.equal(pickNudgeForDay(context(today, { people: notYet, oneOnOnes: metRecently }), EMPTY_PROGRESS)?.nudge.reason, 'daily');
    assert.equal(
      pickNudgeForDay(
        context(today, { people: notYet, oneOnOnes: metRecently, daysSinceLastDelegated: undefined, delegations: [] }),
        EMPTY_PROGRESS,
      )?.nudge.reason,
      'notDelegating',
    );
  });

  it('gives no feedback nudge to a lead whose first person was added 3 days ago and never asked', () => {
    const result = pickNudgeForDay(
      context(today, { people: [person('p-sam', 'Sam', { addedOn: day('2026-11-21') })], feedback: [] }),
      EMPTY_PROGRESS,
    );
    assert.equal(result?.nudge.reason, 'daily');
    assert.equal(
      pickNudgeForDay(context(today, { people: [], feedback: [] }), EMPTY_PROGRESS)?.nudge.reason,
      'daily',
      'nobody in the team: nothing to ask',
    );
  });

  it('"Another one" still wins over everything', () => {
    const busy = context(today, {
      people: longTeam,
      oneOnOnes: meetings,
      feedback: [],
      delegations: [overdueDelegation],
      daysSinceLastDelegated: undefined,
    });
    const first = pickNudgeForDay(busy, EMPTY_PROGRESS);
    assert.equal(first?.nudge.reason, 'overdueFollowUp');
    const another = pickAnotherNudge(busy, first?.progress ?? EMPTY_PROGRESS, first?.nudge.id ?? '');
    assert.ok(another);
    const shown = pickNudgeForDay(busy, another.progress);
    assert.equal(shown?.nudge.reason, 'another');
    assert.equal(shown?.nudge.id, another.nudge.id);
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
