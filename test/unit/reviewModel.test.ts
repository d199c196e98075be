/** The Weekly Review's words and its Markdown export, from a week's figures written out by hand. */
import * as assert from 'node:assert/strict';
import { addDays, type DateKey } from '../../src/domain/core/dates';
import type { WeekFigures, WeekSeriesPoint } from '../../src/domain/review/review';
import { buildReviewModel, reviewMarkdown } from '../../src/review/lazy/reviewModel';
import { day } from '../support/fakes';

const today = day('2026-11-25');

function point(start: DateKey, values: Partial<WeekSeriesPoint> = {}): WeekSeriesPoint {
  return {
    week: { start, end: addDays(start, 6) },
    followUpsOnTime: 0,
    followUpsLate: 0,
    feedbackGiven: 0,
    feedbackAsked: 0,
    nudgesDone: 0,
    ...values,
  };
}

function figures(start: string, extra: Partial<WeekFigures> = {}): WeekFigures {
  const s = day(start);
  return {
    week: { start: s, end: addDays(s, 6) },
    current: s <= today && today <= addDays(s, 6),
    actions: { checkIns: 3, biggerPicture: 1, modelling: 2, delegating: 4, feedback: 0 },
    actionsFromNudges: { checkIns: 0, biggerPicture: 1, modelling: 0, delegating: 0, feedback: 0 },
    least: 'feedback',
    people: [
      { personId: 'a', name: 'Ana', delegated: 3, oneOnOnes: 1, daysSinceOneOnOne: 2, oneOnOneOverdue: false },
      { personId: 'k', name: 'Kim | the *new* one', delegated: 0, oneOnOnes: 0, daysSinceOneOnOne: undefined, oneOnOneOverdue: true },
    ],
    noDelegation: ['Kim | the *new* one'],
    levels: [0, 1, 0, 2, 1, 0, 0],
    series: Array.from({ length: 9 }, (_, i) =>
      point(addDays(s, (i - 8) * 7), i === 8 ? { followUpsOnTime: 2, followUpsLate: 1, feedbackGiven: 1 } : {}),
    ),
    streak: 3,
    ...extra,
  };
}

describe('the weekly review page', () => {
  it('names the week, how long ago, and the action done least in words', () => {
    const model = buildReviewModel(figures('2026-11-23'), [], today);
    assert.equal(model.title, 'Week of Mon 23 Nov (23 to 29)');
    assert.equal(model.when, 'This week, so far');
    assert.equal(model.headline, 'You asked for feedback least so far this week: not once.');
    assert.equal(model.canGoNext, false);
    const earlier = buildReviewModel(figures('2026-10-26', { current: false, least: 'biggerPicture' }), [], today);
    assert.equal(earlier.title, 'Week of Mon 26 Oct (26 to 1 Nov)');
    assert.equal(earlier.when, '4 weeks ago');
    assert.equal(earlier.headline, 'You explained the bigger picture least that week: once.');
    assert.equal(earlier.canGoNext, true);
  });

  it('gives every chart an accessible summary with the figures, and marks what needs attention in words', () => {
    const model = buildReviewModel(figures('2026-11-23'), [], today);
    const byId = new Map(model.charts.map((c) => [c.id, c]));
    assert.deepEqual([...byId.keys()], ['actions', 'delegationsPerPerson', 'levels', 'followUps', 'oneOnOnes', 'feedback', 'nudges']);
    assert.match(byId.get('actions')?.summary ?? '', /Ask for feedback: 0\. Done least: ask for feedback\./);
    assert.deepEqual(
      byId
        .get('actions')
        ?.data.filter((d) => d.highlight)
        .map((d) => d.label),
      ['Ask for feedback'],
    );
    assert.equal(byId.get('delegationsPerPerson')?.note, 'No delegation this week: Kim | the *new* one.');
    assert.equal(byId.get('oneOnOnes')?.note, 'Past their 1:1 cadence: Kim | the *new* one.');
    assert.match(byId.get('followUps')?.summary ?? '', /23 Nov 2 on time, 1 late\.$/);
    assert.equal(byId.get('followUps')?.data.length, 9);
    assert.deepEqual(
      byId.get('levels')?.data.map((d) => d.value),
      [0, 1, 0, 2, 1, 0, 0],
    );
    assert.equal(model.streak, 'Nudge streak: 3 days.');
  });

  it('exports Markdown with a table per chart and the answers, escaping what could become markup', () => {
    const model = buildReviewModel(
      figures('2026-11-23'),
      [
        { id: 'r1', prompt: 'Whose work did you explain?', answer: "Ana's. Not Kim's | yet." },
        { id: 'r2', prompt: 'What did you skip?', answer: '' },
      ],
      today,
    );
    const md = reviewMarkdown(model);
    assert.match(md, /^# Weekly review: Week of Mon 23 Nov \(23 to 29\)$/m);
    assert.match(md, /^\| Ask for feedback \(!\) \| 0 \|$/m);
    assert.match(md, /^\| Kim \\\| the \\\*new\\\* one \(no 1:1 yet\) \(!\) \| 0 \|$/m);
    assert.match(md, /^\| 23 Nov \| 2 \| 1 \|$/m);
    assert.match(md, /^> Ana's\. Not Kim's \\\| yet\.$/m);
    assert.match(md, /^_\(no answer\)_$/m);
  });

  it("shows the lead's own week from the repository only while the signals are on, beside their leading, and never exports it", () => {
    assert.equal(buildReviewModel(figures('2026-11-23'), [], today).balance, undefined, 'signals off: no section');
    const asked: { weekStart: string; oneOnOnes: number }[] = [];
    const model = buildReviewModel(figures('2026-11-23'), [], today, (weekStart, oneOnOnes) => {
      asked.push({ weekStart, oneOnOnes });
      return { lines: ['You made 41 commits this week.'], crowding: 'You made 41 commits and held no 1:1 this week.', question: 'Which?' };
    });
    assert.deepEqual(asked, [{ weekStart: '2026-11-23', oneOnOnes: 1 }], "the week's 1:1s, summed over people");
    assert.deepEqual(model.balance, {
      lines: ['You made 41 commits this week.'],
      beside: 'Beside 1 1:1, 3 delegations and 1 feedback entry this week.',
      crowding: 'You made 41 commits and held no 1:1 this week.',
      question: 'Which?',
    });
    assert.doesNotMatch(reviewMarkdown(model), /41 commits/, 'the Markdown export leaves what the signals read out');
  });
});
