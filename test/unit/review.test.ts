/**
 * The weekly review's figures: weeks on local calendar days (whatever the time zone and DST), the
 * five actions, per-person figures, follow-ups kept on time or late, and the neglected action.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { addDays, daysBetween } from '../../src/domain/core/dates';
import type { Delegation, DelegationEvent } from '../../src/domain/team/delegations';
import type { DelegationLevel } from '../../src/domain/team/delegationLevels';
import { EMPTY_PROGRESS, type Nudge, type NudgeProgress, type NudgeTheme, type StoredPick } from '../../src/domain/coach/nudges';
import {
  actionCounts,
  followUpOutcomes,
  isFirstWorkdayOfWeek,
  neglectedAction,
  weekFigures,
  weekOf,
  type Action,
  type ReviewInput,
  type Week,
  type WeekFigures,
} from '../../src/domain/review/review';
import { weekdayOf, type Weekday } from '../../src/domain/core/dates';
import type { Feedback } from '../../src/domain/team/feedback';
import type { OneOnOne } from '../../src/domain/team/oneOnOnes';
import type { Person } from '../../src/domain/team/people';
import { EMPTY_TEAM, type TeamData } from '../../src/domain/team/kinds';
import { day } from '../support/fakes';

const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

function week(start: string, end: string): Week {
  return { start: day(start), end: day(end) };
}

function nudge(id: string, theme: NudgeTheme): Nudge {
  return { id, theme, short: id, action: `Do ${id}.`, why: 'Because.', lesson: 'check-in' };
}

const CATALOGUE: readonly Nudge[] = [
  nudge('n-check', 'check-ins'),
  nudge('n-big', 'bigger-picture'),
  nudge('n-vision', 'vision'),
  nudge('n-model', 'modelling'),
  nudge('n-deleg', 'delegation'),
  nudge('n-fb', 'feedback'),
  nudge('n-trust', 'trust'),
];

function person(id: string, name: string, cadenceDays: number, addedOn: string, archived = false): Person {
  return { id, name, cadenceDays, addedOn: day(addedOn), ...(archived ? { archived: true as const } : {}) };
}

function meeting(personId: string, on: string): OneOnOne {
  return { id: `m-${personId}-${on}`, personId, on: day(on), topics: [] };
}

function given(id: string, personId: string, on: string): Feedback {
  return { id, personId, on: day(on), kind: 'given', situation: 's', behaviour: 'b', impact: 'i' };
}

function asked(id: string, personId: string, on: string): Feedback {
  return { id, personId, on: day(on), kind: 'asked', said: 's', change: 'c' };
}

type Event = ['checkIn' | 'done' | 'reopened', string] | ['moved', string, string, string];

/** A delegation with its history: "moved" is a followUpChanged (on, from, to). */
function delegation(
  id: string,
  personId: string,
  level: DelegationLevel,
  createdOn: string,
  followUpOn: string,
  events: Event[] = [],
  doneOn?: string,
): Delegation {
  const history: DelegationEvent[] = [{ kind: 'created', on: day(createdOn) }];
  for (const event of events) {
    if (event[0] === 'moved') {
      history.push({ kind: 'followUpChanged', on: day(event[1]), from: day(event[2]), to: day(event[3]) });
    } else {
      history.push({ kind: event[0], on: day(event[1]) });
    }
  }
  return {
    id,
    task: `Task ${id}`,
    personId,
    level,
    createdOn: day(createdOn),
    followUpOn: day(followUpOn),
    history,
    ...(doneOn === undefined ? {} : { doneOn: day(doneOn) }),
  };
}

function progress(picks: Record<string, string>, doneDays: string[]): NudgeProgress {
  const stored: Record<string, StoredPick> = {};
  for (const [d, id] of Object.entries(picks)) {
    stored[d] = { id, source: 'daily', rerolls: 0 };
  }
  return { schemaVersion: 1, shownInCycle: [], picks: stored, doneDays: doneDays.map(day) };
}

// ---------------------------------------------------------------------------------------------
// The hand-built team. Weeks start on Monday; the chosen week is Mon 16 to Sun 22 Nov 2026 and
// today is Wed 25 Nov, so the week is past and its figures are as of Sun 22 Nov. The series runs
// from the week of Mon 21 Sep (W0) to the chosen week (W8).

const TODAY = day('2026-11-25');
const CHOSEN = week('2026-11-16', '2026-11-22');

const TEAM: TeamData = {
  ...EMPTY_TEAM,
  people: [
    person('p-fay', 'Fay', 14, '2026-11-01'),
    person('p-cy', 'Cy', 7, '2026-09-01'),
    person('p-dee', 'Dee', 14, '2026-09-01', true),
    person('p-ana', 'ana', 14, '2026-09-01'),
    person('p-eli', 'Eli', 14, '2026-09-01', true),
    person('p-bo', 'Bo', 7, '2026-09-01'),
  ],
  delegations: [
    // Due Fri 20 Nov, checked in that day and moved to 27 Nov: 20 Nov on time (W8); 27 Nov not due yet.
    delegation('d1', 'p-ana', 3, '2026-11-17', '2026-11-27', [
      ['checkIn', '2026-11-20'],
      ['moved', '2026-11-20', '2026-11-20', '2026-11-27'],
    ]),
    // Due Sat 21 Nov, nothing since: late (W8), open and before the as-of day.
    delegation('d2', 'p-ana', 5, '2026-11-19', '2026-11-21'),
    // Logged on the chosen week's Sunday; due 1 Dec, not due yet.
    delegation('d3', 'p-bo', 3, '2026-11-22', '2026-12-01'),
    // Due 10 Nov, checked in on 12 Nov (late, W7) and moved to 18 Nov; done on 18 Nov (on time, W8).
    delegation(
      'd4',
      'p-bo',
      7,
      '2026-11-03',
      '2026-11-18',
      [
        ['checkIn', '2026-11-12'],
        ['moved', '2026-11-12', '2026-11-10', '2026-11-18'],
        ['done', '2026-11-18'],
      ],
      '2026-11-18',
    ),
    // Due 13 Oct, moved early on 12 Oct (on time, W3) to 20 Oct; done on 22 Oct (late, W4).
    delegation(
      'd5',
      'p-cy',
      2,
      '2026-10-06',
      '2026-10-20',
      [
        ['moved', '2026-10-12', '2026-10-13', '2026-10-20'],
        ['done', '2026-10-22'],
      ],
      '2026-10-22',
    ),
    // Archived Dee's: due and done on 29 Sep (on time, W1).
    delegation('d6', 'p-dee', 4, '2026-09-22', '2026-09-29', [['done', '2026-09-29']], '2026-09-29'),
    // Logged after the chosen week, for the current week.
    delegation('d7', 'p-fay', 6, '2026-11-24', '2026-11-26'),
    // Due Sun 20 Sep (late, before the series), moved to 2 Oct; checked in and done on 2 Oct (on time, W1).
    delegation(
      'd8',
      'p-ana',
      1,
      '2026-09-15',
      '2026-10-02',
      [
        ['checkIn', '2026-09-25'],
        ['moved', '2026-09-25', '2026-09-20', '2026-10-02'],
        ['checkIn', '2026-10-02'],
        ['done', '2026-10-02'],
      ],
      '2026-10-02',
    ),
    // Due 3 Nov, done on 2 Nov (on time, W6); reopened on 4 Nov and moved to 6 Nov, still open (late, W6).
    delegation('d9', 'p-bo', 1, '2026-10-27', '2026-11-06', [
      ['done', '2026-11-02'],
      ['reopened', '2026-11-04'],
      ['moved', '2026-11-04', '2026-11-03', '2026-11-06'],
    ]),
  ],
  oneOnOnes: [
    meeting('p-ana', '2026-11-10'),
    meeting('p-ana', '2026-11-18'),
    meeting('p-ana', '2026-11-24'),
    meeting('p-bo', '2026-11-05'),
    meeting('p-cy', '2026-11-16'),
    meeting('p-eli', '2026-11-20'),
    meeting('p-dee', '2026-10-01'),
  ],
  feedback: [
    given('f1', 'p-ana', '2026-11-17'),
    given('f2', 'p-bo', '2026-11-22'),
    asked('f3', 'p-cy', '2026-11-18'),
    asked('f4', 'p-ana', '2026-11-03'),
    given('f5', 'p-bo', '2026-10-14'),
    asked('f6', 'p-cy', '2026-11-23'),
    given('f7', 'p-cy', '2026-09-21'),
    given('f8', 'p-cy', '2026-09-20'),
  ],
};

const PROGRESS = progress(
  {
    '2026-10-01': 'n-deleg',
    '2026-11-16': 'n-vision',
    '2026-11-17': 'n-check',
    '2026-11-18': 'n-trust',
    '2026-11-19': 'follow-up:d2',
    '2026-11-20': 'n-big',
    '2026-11-21': 'n-fb',
    '2026-11-22': 'n-model',
    '2026-11-24': 'one-on-one:p-cy',
  },
  // 20 Nov's nudge was not done; 10 Nov was done with no pick remembered.
  [
    '2026-10-01',
    '2026-11-10',
    '2026-11-16',
    '2026-11-17',
    '2026-11-18',
    '2026-11-19',
    '2026-11-21',
    '2026-11-22',
    '2026-11-23',
    '2026-11-24',
    '2026-11-25',
  ],
);

const INPUT: ReviewInput = { data: TEAM, progress: PROGRESS, catalogue: CATALOGUE, today: TODAY, weekStartsOn: 1 };

/** The series expected for the chosen week, W0 to W8: [start, on time, late, given, asked, nudges done]. */
const SERIES: [string, number, number, number, number, number][] = [
  ['2026-09-21', 0, 0, 1, 0, 0],
  ['2026-09-28', 2, 0, 0, 0, 1],
  ['2026-10-05', 0, 0, 0, 0, 0],
  ['2026-10-12', 1, 0, 1, 0, 0],
  ['2026-10-19', 0, 1, 0, 0, 0],
  ['2026-10-26', 0, 0, 0, 0, 0],
  ['2026-11-02', 1, 1, 0, 1, 0],
  ['2026-11-09', 0, 1, 0, 0, 1],
  ['2026-11-16', 2, 1, 2, 1, 6],
];

/** Figures as plain JSON, so that results from another process compare equal. */
function plain(figures: WeekFigures): unknown {
  return JSON.parse(JSON.stringify(figures));
}

describe('weeks', () => {
  const table: [string, string[]][] = [
    // The starts for weekStartsOn 0 (Sunday) … 6 (Saturday).
    ['2026-11-18', ['2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-12', '2026-11-13', '2026-11-14']],
    ['2025-10-02', ['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-01', '2025-10-02', '2025-09-26', '2025-09-27']],
    ['2026-01-01', ['2025-12-28', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2025-12-26', '2025-12-27']],
    ['2028-02-29', ['2028-02-27', '2028-02-28', '2028-02-29', '2028-02-23', '2028-02-24', '2028-02-25', '2028-02-26']],
    ['2026-03-29', ['2026-03-29', '2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28']],
    ['2026-10-25', ['2026-10-25', '2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24']],
    ['2026-03-08', ['2026-03-08', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']],
    ['2026-11-01', ['2026-11-01', '2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31']],
  ];
  for (const [d, starts] of table) {
    it(`finds the week holding ${d} for each first weekday`, () => {
      for (const ws of WEEKDAYS) {
        const start = starts[ws] as string;
        assert.deepEqual(weekOf(day(d), ws), week(start, addDays(day(start), 6)), `weekStartsOn ${ws}`);
      }
    });
  }

  it('reads the weekday from the date', () => {
    assert.deepEqual(
      ['2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21'].map((d) => weekdayOf(day(d))),
      [0, 1, 2, 3, 4, 5, 6],
    );
    assert.equal(weekdayOf(day('2028-02-29')), 2);
    assert.equal(weekdayOf(day('1969-12-31')), 3);
  });

  it('knows the first workday of a week', () => {
    // Mon 16 to Sun 22 Nov 2026.
    const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];
    const first = (ws: Weekday): string[] => days.filter((d) => isFirstWorkdayOfWeek(day(d), ws));
    assert.deepEqual(first(1), ['2026-11-16']);
    // Weeks starting on Sunday or Saturday begin at a weekend: their first workday is the Monday.
    assert.deepEqual(first(0), ['2026-11-16']);
    assert.deepEqual(first(6), ['2026-11-16']);
    assert.deepEqual(first(3), ['2026-11-18']);
    assert.deepEqual(first(5), ['2026-11-20']);
    assert.equal(isFirstWorkdayOfWeek(day('2025-12-29'), 1), true);
    assert.equal(isFirstWorkdayOfWeek(day('2026-01-01'), 4), true);
  });

  it('runs across a month end, a year end and a leap day', () => {
    assert.deepEqual(weekOf(day('2025-10-05'), 1), week('2025-09-29', '2025-10-05'));
    assert.deepEqual(weekOf(day('2025-09-29'), 1), week('2025-09-29', '2025-10-05'));
    assert.deepEqual(weekOf(day('2025-12-29'), 1), week('2025-12-29', '2026-01-04'));
    assert.deepEqual(weekOf(day('2026-01-04'), 1), week('2025-12-29', '2026-01-04'));
    assert.deepEqual(weekOf(day('2028-03-05'), 1), week('2028-02-28', '2028-03-05'));
    assert.deepEqual(weekOf(day('2028-03-01'), 0), week('2028-02-27', '2028-03-04'));
    assert.deepEqual(weekOf(day('2027-03-01'), 0), week('2027-02-28', '2027-03-06'));
  });

  it('keeps 7 days and the right start over every DST change', () => {
    for (const change of ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01']) {
      for (const ws of WEEKDAYS) {
        // Weeks ending on, starting on and running across the change.
        for (const offset of [-6, -3, 0, 3, 6]) {
          const d = addDays(day(change), offset);
          const w = weekOf(d, ws);
          assert.equal(daysBetween(w.start, w.end), 6, `${d} from weekday ${ws}`);
          assert.equal(weekdayOf(w.start), ws);
          assert.ok(w.start <= d && d <= w.end);
          for (let i = 0; i < 7; i++) {
            assert.deepEqual(weekOf(addDays(w.start, i), ws), w);
          }
          assert.deepEqual(weekOf(addDays(w.end, 1), ws).start, addDays(w.start, 7));
        }
      }
    }
    assert.deepEqual(weekOf(day('2026-03-29'), 1), week('2026-03-23', '2026-03-29'));
    assert.deepEqual(weekOf(day('2026-03-30'), 1), week('2026-03-30', '2026-04-05'));
    assert.deepEqual(weekOf(day('2026-10-25'), 0), week('2026-10-25', '2026-10-31'));
    assert.deepEqual(weekOf(day('2026-03-08'), 6), week('2026-03-07', '2026-03-13'));
    assert.deepEqual(weekOf(day('2026-11-01'), 1), week('2026-10-26', '2026-11-01'));
  });
});

describe('weekly review figures', () => {
  it('are all zero for an empty team and no progress', () => {
    const today = day('2026-11-25');
    const figures = weekFigures(
      { data: EMPTY_TEAM, progress: EMPTY_PROGRESS, catalogue: CATALOGUE, today, weekStartsOn: 1 },
      weekOf(today, 1),
    );
    assert.deepEqual(figures.week, week('2026-11-23', '2026-11-29'));
    assert.equal(figures.current, true);
    assert.deepEqual(figures.actions, { checkIns: 0, biggerPicture: 0, modelling: 0, delegating: 0, feedback: 0 });
    assert.equal(figures.least, 'checkIns');
    assert.deepEqual(figures.people, []);
    assert.deepEqual(figures.noDelegation, []);
    assert.deepEqual(figures.levels, [0, 0, 0, 0, 0, 0, 0]);
    assert.equal(figures.streak, 0);
    assert.equal(figures.series.length, 9);
    assert.deepEqual(figures.series[0]?.week, week('2026-09-28', '2026-10-04'));
    assert.deepEqual(figures.series[8]?.week, figures.week);
    for (const point of figures.series) {
      assert.deepEqual(
        [point.followUpsOnTime, point.followUpsLate, point.feedbackGiven, point.feedbackAsked, point.nudgesDone],
        [0, 0, 0, 0, 0],
      );
    }
  });

  it('count a past week by hand', () => {
    const figures = weekFigures(INPUT, CHOSEN);
    assert.deepEqual(figures.week, CHOSEN);
    assert.equal(figures.current, false);
    // Check-ins: d1's check-in, 1:1s with ana, Cy and Eli, the check-in nudge on 17 Nov.
    // Bigger picture: the vision nudge (the bigger-picture pick of 20 Nov was not done).
    // Delegating: d1, d2, d3. Feedback: Cy asked on 18 Nov, the feedback nudge on 21 Nov.
    assert.deepEqual(figures.actions, { checkIns: 5, biggerPicture: 1, modelling: 1, delegating: 3, feedback: 2 });
    assert.equal(figures.least, 'biggerPicture', 'a tie with modelling goes to the earlier action');
    assert.deepEqual(figures.levels, [0, 0, 2, 0, 1, 0, 0]);
    // As of Sun 22 Nov: Mon 16 to Thu 19 done, Fri 20 missed and forgiven, and the weekend's two nudges done count too.
    assert.equal(figures.streak, 6);
    assert.deepEqual(figures.people, [
      // Her 1:1 on 24 Nov is after the week: days since are as of 22 Nov.
      { personId: 'p-ana', name: 'ana', delegated: 2, oneOnOnes: 1, daysSinceOneOnOne: 4, oneOnOneOverdue: false },
      { personId: 'p-bo', name: 'Bo', delegated: 1, oneOnOnes: 0, daysSinceOneOnOne: 17, oneOnOneOverdue: true },
      // Due 23 Nov: overdue today, not as of the week's end.
      { personId: 'p-cy', name: 'Cy', delegated: 0, oneOnOnes: 1, daysSinceOneOnOne: 6, oneOnOneOverdue: false },
      // Archived, but met this week; never overdue.
      { personId: 'p-eli', name: 'Eli', delegated: 0, oneOnOnes: 1, daysSinceOneOnOne: 2, oneOnOneOverdue: false },
      // No 1:1 yet, added 1 Nov with a 14-day cadence: due 15 Nov.
      { personId: 'p-fay', name: 'Fay', delegated: 0, oneOnOnes: 0, daysSinceOneOnOne: undefined, oneOnOneOverdue: true },
    ]);
    assert.ok(!figures.people.some((p) => p.personId === 'p-dee'), 'archived Dee did nothing this week');
    assert.deepEqual(figures.noDelegation, ['Cy', 'Fay']);
    assert.deepEqual(
      figures.series.map((p) => [p.week.start, p.followUpsOnTime, p.followUpsLate, p.feedbackGiven, p.feedbackAsked, p.nudgesDone]),
      SERIES,
    );
    for (const point of figures.series) {
      assert.equal(point.week.end, addDays(point.week.start, 6));
    }
  });

  it('count the current week so far, as of today', () => {
    const figures = weekFigures(INPUT, weekOf(TODAY, 1));
    assert.deepEqual(figures.week, week('2026-11-23', '2026-11-29'));
    assert.equal(figures.current, true);
    // The 1:1 with ana on 24 Nov; d7 logged on 24 Nov; Cy asked on 23 Nov.
    assert.deepEqual(figures.actions, { checkIns: 1, biggerPicture: 0, modelling: 0, delegating: 1, feedback: 1 });
    assert.equal(figures.least, 'biggerPicture');
    assert.deepEqual(figures.levels, [0, 0, 0, 0, 0, 1, 0]);
    // As of today, Wed 25 Nov: the six above, and Mon 23 to Wed 25.
    assert.equal(figures.streak, 9);
    assert.deepEqual(
      figures.people.map((p) => [p.name, p.delegated, p.oneOnOnes, p.daysSinceOneOnOne, p.oneOnOneOverdue]),
      [
        ['ana', 0, 1, 1, false],
        ['Bo', 0, 0, 20, true],
        ['Cy', 0, 0, 9, true],
        ['Fay', 1, 0, undefined, true],
      ],
    );
    assert.deepEqual(figures.noDelegation, ['ana', 'Bo', 'Cy']);
    const last = figures.series[8];
    // d7 due 26 Nov and d1 due 27 Nov are not due yet; nothing else falls in this week.
    assert.deepEqual(
      last && [last.followUpsOnTime, last.followUpsLate, last.feedbackGiven, last.feedbackAsked, last.nudgesDone],
      [0, 0, 0, 1, 3],
    );
    // The weeks before are the same as in the chosen week's series, one week on.
    assert.deepEqual(
      figures.series
        .slice(0, 8)
        .map((p) => [p.week.start, p.followUpsOnTime, p.followUpsLate, p.feedbackGiven, p.feedbackAsked, p.nudgesDone]),
      SERIES.slice(1),
    );
  });

  it('are as of today for a week that has not started', () => {
    const figures = weekFigures(INPUT, week('2026-11-30', '2026-12-06'));
    assert.equal(figures.current, false);
    assert.equal(figures.streak, 9);
    assert.deepEqual(figures.actions, { checkIns: 0, biggerPicture: 0, modelling: 0, delegating: 0, feedback: 0 });
    assert.equal(figures.people.find((p) => p.personId === 'p-ana')?.daysSinceOneOnOne, 1);
  });

  it('put a Sunday record in different weeks when weeks start on Monday or on Sunday', () => {
    const sunday = day('2026-11-22');
    const data: TeamData = {
      ...EMPTY_TEAM,
      people: [person('p-bo', 'Bo', 7, '2026-09-01')],
      delegations: [delegation('d', 'p-bo', 4, sunday, '2026-12-01')],
    };
    const base = { data, progress: EMPTY_PROGRESS, catalogue: CATALOGUE, today: TODAY };
    const monday = weekFigures({ ...base, weekStartsOn: 1 }, weekOf(day('2026-11-18'), 1));
    const sundayStart = weekFigures({ ...base, weekStartsOn: 0 }, weekOf(day('2026-11-18'), 0));
    assert.deepEqual(monday.week, week('2026-11-16', '2026-11-22'));
    assert.deepEqual(sundayStart.week, week('2026-11-15', '2026-11-21'));
    assert.equal(monday.actions.delegating, 1);
    assert.deepEqual(monday.levels, [0, 0, 0, 1, 0, 0, 0]);
    assert.deepEqual(monday.noDelegation, []);
    assert.equal(sundayStart.actions.delegating, 0);
    assert.deepEqual(sundayStart.noDelegation, ['Bo']);
    assert.deepEqual(weekOf(sunday, 0), week('2026-11-22', '2026-11-28'));
    assert.equal(weekFigures({ ...base, weekStartsOn: 0 }, weekOf(sunday, 0)).actions.delegating, 1);
  });

  it('count follow-ups by their due dates, rebuilt from the history', () => {
    const asOf = day('2026-11-22');
    const outcomes = (id: string): [string, boolean][] => {
      const d = TEAM.delegations.find((x) => x.id === id);
      assert.ok(d);
      return followUpOutcomes(d, asOf).map((o) => [o.due, o.onTime]);
    };
    assert.deepEqual(outcomes('d1'), [['2026-11-20', true]]);
    assert.deepEqual(outcomes('d2'), [['2026-11-21', false]]);
    assert.deepEqual(outcomes('d3'), []);
    assert.deepEqual(outcomes('d4'), [
      ['2026-11-10', false],
      ['2026-11-18', true],
    ]);
    assert.deepEqual(outcomes('d5'), [
      ['2026-10-13', true],
      ['2026-10-20', false],
    ]);
    assert.deepEqual(outcomes('d8'), [
      ['2026-09-20', false],
      ['2026-10-02', true],
    ]);
    assert.deepEqual(outcomes('d9'), [
      ['2026-11-03', true],
      ['2026-11-06', false],
    ]);
    // Due on the as-of day and still open: not due yet; the day after, late.
    const open = delegation('x', 'p-bo', 4, '2026-11-10', '2026-11-22');
    assert.deepEqual(followUpOutcomes(open, asOf), []);
    assert.deepEqual(followUpOutcomes(open, day('2026-11-23')), [{ due: '2026-11-22', onTime: false }]);
  });

  it('give the same weeks and figures in time zones far east and west of UTC and over DST', function () {
    this.timeout(30_000);
    const domain = path.resolve(__dirname, '..', '..', 'src', 'domain');
    const script = `
      const { weekOf, weekFigures } = require(${JSON.stringify(path.join(domain, 'review', 'review.js'))});
      const input = ${JSON.stringify(INPUT)};
      const days = ['2026-11-18', '2025-10-02', '2026-01-01', '2028-02-29', '2026-03-29', '2026-03-30', '2026-10-25', '2026-10-26', '2026-03-08', '2026-11-01'];
      const weeks = {};
      for (const d of days) weeks[d] = [0, 1, 2, 3, 4, 5, 6].map((ws) => weekOf(d, ws));
      process.stdout.write(JSON.stringify({
        offset: new Date(2026, 0, 31, 12).getTimezoneOffset(),
        weeks,
        chosen: weekFigures(input, ${JSON.stringify(CHOSEN)}),
        current: weekFigures(input, weekOf(input.today, 1)),
        acrossDst: weekFigures(input, weekOf('2026-10-25', 1)),
      }));
    `;
    const days = [
      '2026-11-18',
      '2025-10-02',
      '2026-01-01',
      '2028-02-29',
      '2026-03-29',
      '2026-03-30',
      '2026-10-25',
      '2026-10-26',
      '2026-03-08',
      '2026-11-01',
    ];
    const weeks = Object.fromEntries(days.map((d) => [d, WEEKDAYS.map((ws) => weekOf(day(d), ws))]));
    const expected = {
      weeks,
      chosen: plain(weekFigures(INPUT, CHOSEN)),
      current: plain(weekFigures(INPUT, weekOf(TODAY, 1))),
      acrossDst: plain(weekFigures(INPUT, weekOf(day('2026-10-25'), 1))),
    };
    // The expectations above are checked against hand-computed values in the tests before this one.
    assert.deepEqual(weeks['2026-03-29']?.[1], week('2026-03-23', '2026-03-29'));
    assert.deepEqual(weeks['2026-11-01']?.[0], week('2026-11-01', '2026-11-07'));
    const offsets = new Set<number>();
    for (const zone of ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati']) {
      const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
      const { offset, ...result } = JSON.parse(out) as Record<string, unknown> & { offset: number };
      offsets.add(offset);
      assert.deepEqual(result, expected, zone);
    }
    assert.equal(offsets.size, 4, 'the child processes did not all run in their own time zone: the check proved nothing');
  });
});

describe('action counts', () => {
  it('count each action over the days given, both included', () => {
    assert.deepEqual(actionCounts(INPUT, day('2026-11-16'), day('2026-11-16')), {
      checkIns: 1,
      biggerPicture: 1,
      modelling: 0,
      delegating: 0,
      feedback: 0,
    });
    // 1 Oct: Dee's 1:1 and the delegation nudge; 2 Oct: d8's check-in.
    assert.deepEqual(actionCounts(INPUT, day('2026-10-01'), day('2026-10-02')), {
      checkIns: 2,
      biggerPicture: 0,
      modelling: 0,
      delegating: 1,
      feedback: 0,
    });
    assert.deepEqual(actionCounts(INPUT, day('2026-11-22'), day('2026-11-16')), {
      checkIns: 0,
      biggerPicture: 0,
      modelling: 0,
      delegating: 0,
      feedback: 0,
    });
  });
});

describe('the neglected action', () => {
  const today = day('2026-11-25');
  /** One practice of each action in the last 14 days (12 to 25 Nov), except `skip`, plus `extra`. */
  function team(
    skip: Action | undefined,
    extra: Partial<Record<'oneOnOnes' | 'delegations' | 'feedback', readonly unknown[]>> = {},
    picks: Record<string, string> = {},
  ): Omit<ReviewInput, 'weekStartsOn'> {
    const people = [person('p-bo', 'Bo', 14, '2026-09-01')];
    const oneOnOnes: OneOnOne[] = skip === 'checkIns' ? [] : [meeting('p-bo', '2026-11-20')];
    const delegations: Delegation[] = skip === 'delegating' ? [] : [delegation('d-new', 'p-bo', 4, '2026-11-23', '2026-12-01')];
    const feedback: Feedback[] = skip === 'feedback' ? [] : [asked('f-new', 'p-bo', '2026-11-24')];
    const nudgePicks: Record<string, string> = { ...picks };
    if (skip !== 'biggerPicture') {
      nudgePicks['2026-11-21'] = 'n-big';
    }
    if (skip !== 'modelling') {
      nudgePicks['2026-11-22'] = 'n-model';
    }
    const data: TeamData = {
      ...EMPTY_TEAM,
      people,
      oneOnOnes: [...oneOnOnes, ...((extra.oneOnOnes ?? []) as OneOnOne[])],
      delegations: [...delegations, ...((extra.delegations ?? []) as Delegation[])],
      feedback: [...feedback, ...((extra.feedback ?? []) as Feedback[])],
    };
    return { data, progress: progress(nudgePicks, Object.keys(nudgePicks)), catalogue: CATALOGUE, today };
  }

  it('is checking in, last done 26 days ago by a delegation check-in', () => {
    // Logged 20 Oct (outside the window), checked in on 30 Oct.
    const old = delegation('d-old', 'p-bo', 4, '2026-10-20', '2026-11-30', [['checkIn', '2026-10-30']]);
    assert.deepEqual(neglectedAction(team('checkIns', { delegations: [old] }), 14), { action: 'checkIns', daysSince: 26 });
  });

  it('is the bigger picture, never practised', () => {
    // A bigger-picture pick that was not done does not count.
    const input = team('biggerPicture', {}, {});
    const notDone = {
      ...input,
      progress: {
        ...input.progress,
        picks: { ...input.progress.picks, '2026-11-19': { id: 'n-big', source: 'daily' as const, rerolls: 0 } },
      },
    };
    assert.deepEqual(neglectedAction(notDone, 14), { action: 'biggerPicture', daysSince: undefined });
  });

  it('is modelling, last done 25 days ago', () => {
    assert.deepEqual(neglectedAction(team('modelling', {}, { '2026-10-31': 'n-model' }), 14), { action: 'modelling', daysSince: 25 });
  });

  it('is delegating, last done 14 days ago, just outside the window', () => {
    const old = delegation('d-old', 'p-bo', 4, '2026-11-11', '2026-11-30');
    assert.deepEqual(neglectedAction(team('delegating', { delegations: [old] }), 14), { action: 'delegating', daysSince: 14 });
  });

  it('is feedback, where feedback given does not count', () => {
    const feedback = [asked('f-old', 'p-bo', '2026-11-01'), given('f-given', 'p-bo', '2026-11-24')];
    assert.deepEqual(neglectedAction(team('feedback', { feedback }), 14), { action: 'feedback', daysSince: 24 });
  });

  it('is nothing when every action was practised equally often', () => {
    assert.equal(neglectedAction(team(undefined), 14), undefined);
    // Twice each, still equal.
    const twice = team(
      undefined,
      {
        oneOnOnes: [meeting('p-bo', '2026-11-12')],
        delegations: [delegation('d-2', 'p-bo', 4, '2026-11-13', '2026-12-01')],
        feedback: [asked('f-2', 'p-bo', '2026-11-14')],
      },
      { '2026-11-15': 'n-vision', '2026-11-16': 'n-model' },
    );
    assert.equal(neglectedAction(twice, 14), undefined);
  });

  it('goes to the first action on a tie, and to check-ins when nothing happened', () => {
    const more = team(undefined, { oneOnOnes: [meeting('p-bo', '2026-11-19')], feedback: [asked('f-2', 'p-bo', '2026-11-14')] });
    assert.deepEqual(neglectedAction(more, 14), { action: 'biggerPicture', daysSince: 4 });
    assert.deepEqual(neglectedAction({ data: EMPTY_TEAM, progress: EMPTY_PROGRESS, catalogue: CATALOGUE, today }, 14), {
      action: 'checkIns',
      daysSince: undefined,
    });
  });

  it('counts days since across a month end', () => {
    // Today is Wed 2 Dec; the last 7 days are 26 Nov to 2 Dec. The last check-in was the 1:1 of 25 Nov.
    const people = [person('p-bo', 'Bo', 14, '2026-09-01')];
    const data: TeamData = {
      ...EMPTY_TEAM,
      people,
      oneOnOnes: [meeting('p-bo', '2026-11-25')],
      delegations: [delegation('d', 'p-bo', 4, '2026-11-30', '2026-12-09')],
      feedback: [asked('f', 'p-bo', '2026-12-02')],
    };
    const picks = { '2026-11-30': 'n-vision', '2026-12-01': 'n-model' };
    const input = { data, progress: progress(picks, Object.keys(picks)), catalogue: CATALOGUE, today: day('2026-12-02') };
    assert.deepEqual(neglectedAction(input, 7), { action: 'checkIns', daysSince: 7 });
    // Over 8 days the 1:1 counts: every action once.
    assert.equal(neglectedAction(input, 8), undefined);
    assert.deepEqual(actionCounts(input, day('2026-11-25'), day('2026-12-02')), {
      checkIns: 1,
      biggerPicture: 1,
      modelling: 1,
      delegating: 1,
      feedback: 1,
    });
  });
});
