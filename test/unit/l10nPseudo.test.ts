/**
 * The pseudo-locale run: with every message translated as `[!! … !!]`, each message the domain
 * produces for the user (validation errors, wording, import and Undo summaries, reminders, nudge
 * reasons, the figures of the weekly review) must be one whole message. A sentence joined from
 * translated fragments, or with English glued around a translation, shows a seam and fails. Every
 * message used must also be in the English bundle, so the extraction missed none of them.
 */
import * as assert from 'node:assert/strict';
import { COLLECTIONS, EMPTY_TEAM, type Collection } from '../../src/domain/team/kinds';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDays, formatDay } from '../../src/domain/core/dates';
import {
  createDelegation,
  describeFollowUp,
  parseLogDelegationArgs,
  validateFollowUp,
  validateLevel,
  validateNote,
  validateTask,
  type Delegation,
} from '../../src/domain/team/delegations';
import { validatePersonName } from '../../src/domain/team/people';
import { levelLabel } from '../../src/domain/team/delegationLevels';
import { parseImport, toMarkdown } from '../../src/domain/team/exchange';
import { describeEvent } from '../../src/domain/team/delegationHistory';
import * as l10n from '../../src/domain/core/l10n';
import { describeNeglect } from '../../src/domain/coach/neglect';
import { EMPTY_PROGRESS, pickNudgeForDay, type NudgeContext } from '../../src/domain/coach/nudges';
import { reminderMessage } from '../../src/domain/coach/reminders';
import { ACTION_LABELS, ACTIONS } from '../../src/domain/review/review';
import { describeDaysAgo } from '../../src/domain/core/dates';
import {
  describeLastOneOnOne,
  describeMood,
  describeNextOneOnOne,
  MOOD_WORDS,
  TOPIC_LABELS,
  TOPICS,
  validateMood,
  validateTopics,
  type Mood,
} from '../../src/domain/team/oneOnOnes';
import { validateCadence, validateRole, type Person } from '../../src/domain/team/people';
import { validateFeedbackLine } from '../../src/domain/team/feedback';
import { validatePastDay } from '../../src/domain/team/entries';
import { parseLogFeedbackArgs, parseLogOneOnOneArgs } from '../../src/domain/team/input';
import { describeImport, type ImportResult } from '../../src/domain/team/store/import';
import { describeUndoLeft } from '../../src/domain/team/store/undo';
import { cleanLine, cleanText } from '../../src/domain/core/text';
import { buildReviewModel } from '../../src/review/lazy/reviewModel';
import { chartTable, datumTitle, markedLabel } from '../../src/review/page/charts';
import { moodLabel, moodScaleDescription, moodSummary } from '../../src/team/page/moodLine';
import type { WeekFigures } from '../../src/domain/review/review';
import { day } from '../support/fakes';

const root = path.resolve(__dirname, '..', '..', '..');
const today = day('2026-11-24');

/** Every message key the pseudo-locale translated during the suite. */
const used = new Set<string>();
const recordingPseudo: l10n.Translator = (message, args) => {
  used.add(message);
  return l10n.pseudoTranslator(message, args);
};

function assertWhole(text: string | undefined, what: string): void {
  assert.ok(text !== undefined, `${what}: no message`);
  assert.ok(l10n.isWholeMessage(text), `${what} is not one whole message: ${text}`);
}

function errorOf(result: { readonly ok: boolean; readonly error?: string }): string | undefined {
  return result.ok ? undefined : result.error;
}

function delegation(followUpOn: string, extra: Partial<Delegation> = {}): Delegation {
  return { ...createDelegation('x', { task: 'Run the retro', level: 3, followUpOn: day(followUpOn) }, 'p-sam', today), ...extra };
}

const sam: Person = { id: 'p-sam', name: 'Sam', cadenceDays: 14, addedOn: day('2026-10-01') };

describe('localisation: the pseudo-locale run', () => {
  before(() => l10n.setTranslator(recordingPseudo));
  after(() => l10n.setTranslator(undefined));

  it('the check itself fails on a message joined from fragments', () => {
    // What the code did before: a sentence built from pieces.
    const count = 2;
    const joined = `${l10n.t('Tech Lead Coach could not read {0} stored records. They were kept aside, not deleted.', count)} ${l10n.t('Export Them')}`;
    assert.throws(() => assertWhole(joined, 'joined'), /not one whole message/);
    assert.throws(() => assertWhole(`${count} ${l10n.t('days streak')}`, 'prefixed'), /not one whole message/);
  });

  it('validation errors of typed and imported text are whole messages', () => {
    const tab = String.fromCharCode(9);
    const cases: [string, string | undefined][] = [
      ['task not text', errorOf(validateTask(3))],
      ['task empty', errorOf(validateTask('  '))],
      ['task too long', errorOf(validateTask('x'.repeat(201)))],
      ['task control character', errorOf(validateTask(`a${String.fromCharCode(7)}b`))],
      ['task bidi', errorOf(validateTask('a\u202eb'))],
      ['task zero width', errorOf(validateTask('a\u200bb'))],
      ['task broken surrogate', errorOf(validateTask('a\ud800b'))],
      ['task stray joiner', errorOf(validateTask('a\u200d'))],
      ['person not text', errorOf(validatePersonName(3))],
      ['person empty', errorOf(validatePersonName(''))],
      ['note not text', errorOf(validateNote(3))],
      ['note too long', errorOf(validateNote('x'.repeat(5000)))],
      ['one-character rule', errorOf(cleanLine('ab', { what: l10n.t('name'), max: 1 }))],
      ['text rule', errorOf(cleanText(`a${tab}\u0007`, { what: l10n.t('note'), max: 10 }))],
      ['follow-up in the past (days)', errorOf(validateFollowUp(-1, today))],
      ['follow-up not a day count', errorOf(validateFollowUp(2.5, today))],
      ['follow-up not a date', errorOf(validateFollowUp('soon', today))],
      ['follow-up in the past', errorOf(validateFollowUp('2026-11-01', today))],
      ['follow-up too far', errorOf(validateFollowUp(400, today))],
      ['level', errorOf(validateLevel('boss'))],
      ['role', errorOf(validateRole('x'.repeat(500)))],
      ['cadence', errorOf(validateCadence(0))],
      ['cadence not days', errorOf(validateCadence(-1))],
      ['past day in the future', errorOf(validatePastDay('2026-12-01', today, l10n.t('The 1:1 date')))],
      ['past day not a date', errorOf(validatePastDay('soon', today, l10n.t('The 1:1 date')))],
      ['past day too old', errorOf(validatePastDay('2010-01-01', today, l10n.t('The feedback date')))],
      ['past day in days', errorOf(validatePastDay(-2, today, l10n.t('The feedback date')))],
      ['mood', errorOf(validateMood(9))],
      ['topics', errorOf(validateTopics(['gossip']))],
      ['feedback line', errorOf(validateFeedbackLine('', l10n.t('situation')))],
    ];
    for (const [what, message] of cases) {
      assertWhole(message, what);
    }
  });

  it('every problem of an argument object is a whole message', () => {
    const args = parseLogDelegationArgs({ task: '', person: 3, level: 'boss', followUp: 'x', note: 4, extra: 1, more: 2 }, today, {
      level: 3,
      followUpDays: 3,
    });
    assert.equal(args.ok, false);
    const one = parseLogDelegationArgs({ task: 'a', person: 'b', extra: 1 }, today, { level: 3, followUpDays: 3 });
    const notObject = parseLogDelegationArgs('x', today, { level: 3, followUpDays: 3 });
    const oneOnOne = parseLogOneOnOneArgs({ person: 'Sam', date: 'soon', mood: 7, topics: 3, x: 1 }, today);
    const feedbackKind = parseLogFeedbackArgs({ kind: 'other' }, today);
    const feedback = parseLogFeedbackArgs({ kind: 'asked', person: 'Sam', said: '', change: '', y: 2 }, today);
    const notAnObject = parseLogFeedbackArgs([], today);
    for (const parsed of [args, one, notObject, oneOnOne, feedbackKind, feedback, notAnObject]) {
      assert.equal(parsed.ok, false);
      if (!parsed.ok) {
        assert.ok(parsed.errors.length > 0);
        parsed.errors.forEach((error, i) => assertWhole(error, `error ${i}`));
      }
    }
  });

  it('wording of days, follow-ups, 1:1s, moods, levels, topics, actions and history is whole', () => {
    assertWhole(formatDay(day('2026-11-27'), today), 'day this year');
    assertWhole(formatDay(day('2027-01-04'), today), 'day another year');
    for (const followUpOn of ['2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-30', '2027-01-20']) {
      assertWhole(describeFollowUp(delegation(followUpOn), today), `follow-up ${followUpOn}`);
    }
    assertWhole(describeFollowUp(delegation('2026-11-30', { doneOn: day('2026-11-22') }), today), 'done');
    for (const then of ['2026-11-24', '2026-11-23', '2026-11-10', '2026-06-01', '2026-11-25']) {
      assertWhole(describeDaysAgo(day(then), today), `days ago ${then}`);
    }
    const meeting = { id: 'm', personId: 'p-sam', on: day('2026-11-12'), topics: [] };
    assertWhole(describeLastOneOnOne(undefined, today), 'no 1:1 yet');
    assertWhole(describeLastOneOnOne(meeting, today), 'last 1:1');
    for (const lastOn of ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-01', '2026-10-01']) {
      assertWhole(describeNextOneOnOne(sam, { ...meeting, on: day(lastOn) }, today), `next 1:1 after ${lastOn}`);
    }
    for (const mood of [1, 2, 3, 4, 5] as Mood[]) {
      assertWhole(describeMood(mood), `mood ${mood}`);
      assertWhole(MOOD_WORDS[mood], `mood word ${mood}`);
    }
    for (const level of [1, 2, 3, 4, 5, 6, 7] as const) {
      assertWhole(levelLabel(level), `level ${level}`);
    }
    TOPICS.forEach((topic) => assertWhole(TOPIC_LABELS[topic], topic));
    ACTIONS.forEach((action) => assertWhole(ACTION_LABELS[action], action));
    const on = day('2026-11-20');
    const events = [
      { kind: 'created', on },
      { kind: 'edited', on, field: 'task' },
      { kind: 'edited', on, field: 'person' },
      { kind: 'edited', on, field: 'note' },
      { kind: 'levelChanged', on, from: 3, to: 5 },
      { kind: 'levelChanged', on, from: 5, to: 3 },
      { kind: 'followUpChanged', on, from: day('2026-11-21'), to: day('2026-11-28') },
      { kind: 'checkIn', on },
      { kind: 'checkIn', on, note: 'going well' },
      { kind: 'done', on },
      { kind: 'reopened', on },
    ] as const;
    for (const event of events) {
      assertWhole(describeEvent(event as unknown as Delegation['history'][number], today), `event ${event.kind}`);
    }
  });

  it('reminders, nudge reasons and the overdue nudges are whole messages', () => {
    const names = (n: number): string[] => ['Sam', 'Ana', 'Lee', 'Kim'].slice(0, n);
    for (const f of [0, 1, 2, 4]) {
      for (const o of [0, 1, 2, 4]) {
        if (f + o > 0) {
          assertWhole(reminderMessage(names(f), names(o)), `reminder ${f} follow-ups, ${o} 1:1s`);
        }
      }
    }
    for (const action of ['checkIns', 'biggerPicture', 'modelling', 'delegating', 'feedback', 'unknown']) {
      for (const days of [undefined, 3, 1, 10, 21]) {
        assertWhole(describeNeglect(action, days), `neglect ${action} ${String(days)}`);
      }
    }
    const base: NudgeContext = {
      catalogue: [],
      themes: [],
      today,
      delegations: [],
      daysSinceLastDelegated: 1,
      people: [sam],
      oneOnOnes: [],
      feedback: [],
    };
    const followUp = pickNudgeForDay(
      { ...base, delegations: [delegation('2026-11-20'), delegation('2026-11-21', { id: 'y' })] },
      EMPTY_PROGRESS,
    )?.nudge;
    for (const text of [followUp?.short, followUp?.action, followUp?.why]) {
      assertWhole(text, 'follow-up nudge');
    }
    for (const people of [
      [sam],
      [sam, { ...sam, id: 'p-ana', name: 'Ana' }],
      [sam, { ...sam, id: 'p-ana', name: 'Ana' }, { ...sam, id: 'p-lee', name: 'Lee' }],
    ]) {
      const meet = pickNudgeForDay({ ...base, people }, EMPTY_PROGRESS)?.nudge;
      for (const text of [meet?.short, meet?.action, meet?.why]) {
        assertWhole(text, `1:1 nudge, ${people.length} overdue`);
      }
    }
  });

  it('import problems, import summaries and Undo reports are whole messages', async () => {
    const files = [
      'x'.repeat(21 * 1024 * 1024),
      '{not json',
      '{"format":"other"}',
      '{"format":"tech-lead-coach","version":99}',
      '{"format":"tech-lead-coach","version":"x"}',
      '{"format":"tech-lead-coach","version":2,"surprise":1}',
      '{"format":"tech-lead-coach","version":2,"people":{}}',
      '{"format":"tech-lead-coach","version":1}',
      '{"format":"tech-lead-coach","version":2,"privateNotes":"maybe"}',
      '{"format":"tech-lead-coach","version":1,"delegations":[{"id":"a"},{"id":"a"}]}',
      '{"format":"tech-lead-coach","version":2,"people":[1,2,3,4],"delegations":[{"id":"d1","personId":"nobody"}]}',
    ];
    for (const text of files) {
      const parsed = await parseImport(text, today);
      assert.equal(parsed.ok, false, text.slice(0, 60));
      assertWhole(parsed.ok ? undefined : parsed.error, `import of ${text.slice(0, 60)}`);
    }
    const NONE_CHANGED = Object.fromEntries(COLLECTIONS.map((c) => [c, 0])) as Record<Collection, number>;
    const result = (changedBy: ImportResult['changedBy'], keptByName: readonly string[] = []): ImportResult => ({
      added: 2,
      updated: 1,
      unchanged: 5,
      changedBy,
      keptByName,
      undo: { steps: [] } as unknown as ImportResult['undo'],
    });
    assertWhole(
      describeImport(result({ ...NONE_CHANGED, people: 0, delegations: 0, oneOnOnes: 0, feedback: 0 })),
      'import summary, nothing changed',
    );
    assertWhole(describeImport(result({ ...NONE_CHANGED, people: 1, delegations: 2, oneOnOnes: 1, feedback: 3 })), 'import summary');
    assertWhole(
      describeImport(result({ ...NONE_CHANGED, people: 0, delegations: 2, oneOnOnes: 0, feedback: 0 }, ['Ana'])),
      'import summary, one person kept by name',
    );
    assertWhole(
      describeImport(result({ ...NONE_CHANGED, people: 0, delegations: 2, oneOnOnes: 0, feedback: 0 }, ['Ana', 'Sam'])),
      'import summary, people kept by name',
    );
    const left = (n: number) => Array.from({ length: n }, (_, i) => ({ what: `"Task ${i}"`, reason: l10n.t('it was deleted after') }));
    for (const applied of [0, 1, 3]) {
      for (const n of [1, 2, 5]) {
        assertWhole(describeUndoLeft({ applied, left: left(n) }), `Undo ${applied} applied, ${n} left`);
      }
    }
  });

  it('the weekly review, its charts and the mood line read as whole messages', () => {
    const start = day('2026-11-16');
    const figures = (extra: Partial<WeekFigures>): WeekFigures => ({
      week: { start, end: addDays(start, 6) },
      current: false,
      actions: { checkIns: 3, biggerPicture: 1, modelling: 2, delegating: 1, feedback: 0 },
      actionsFromNudges: { checkIns: 0, biggerPicture: 1, modelling: 0, delegating: 0, feedback: 0 },
      least: 'feedback',
      people: [
        { personId: 'a', name: 'Ana', delegated: 1, oneOnOnes: 1, daysSinceOneOnOne: 2, oneOnOneOverdue: false },
        { personId: 'k', name: 'Kim', delegated: 0, oneOnOnes: 0, daysSinceOneOnOne: undefined, oneOnOneOverdue: true },
      ],
      noDelegation: ['Kim'],
      levels: [0, 1, 0, 0, 0, 0, 0],
      series: [0, 1, 2].map((i) => ({
        week: { start: addDays(start, (i - 2) * 7), end: addDays(start, (i - 2) * 7 + 6) },
        followUpsOnTime: i,
        followUpsLate: 1,
        feedbackGiven: 1,
        feedbackAsked: 0,
        nudgesDone: i,
      })),
      streak: 1,
      ...extra,
    });
    for (const [least, current, streak] of [
      ['feedback', false, 1],
      ['checkIns', true, 0],
      ['biggerPicture', false, 4],
      ['modelling', true, 2],
      ['delegating', false, 3],
    ] as const) {
      const model = buildReviewModel(
        figures({
          least,
          current,
          streak,
          week: current ? { start: day('2026-11-23'), end: day('2026-11-29') } : { start, end: addDays(start, 6) },
        }),
        [],
        today,
      );
      for (const text of [model.title, model.when, model.headline, model.streak]) {
        assertWhole(text, `review ${least}`);
      }
      for (const chart of model.charts) {
        for (const text of [chart.title, chart.summary, ...(chart.note === undefined ? [] : [chart.note]), ...chart.series]) {
          assertWhole(text, `chart ${chart.id}`);
        }
        const table = chartTable(chart);
        table.headers.forEach((header) => assertWhole(header, `table header of ${chart.id}`));
        for (const datum of chart.data) {
          assertWhole(datumTitle(datum, chart.series), `title of a datum of ${chart.id}`);
        }
      }
    }
    assertWhole(markedLabel({ label: 'Ana', value: 1, highlight: true }, l10n.t('least')), 'marked label');
    const point = (mood: number, dayText: string) => ({ mood, day: dayText, label: moodLabel(mood) });
    for (const moods of [
      [],
      [point(4, 'Fri')],
      [point(3, 'a'), point(3, 'b')],
      [point(3, 'a'), point(4, 'b')],
      [point(3, 'a'), point(1, 'b'), point(4, 'c')],
      [point(2, 'a'), point(5, 'b'), point(3, 'c')],
      [point(3, 'a'), point(1, 'b'), point(5, 'c'), point(3, 'd')],
    ]) {
      assertWhole(moodSummary(moods), `mood summary of ${moods.length}`);
    }
    assertWhole(moodScaleDescription(), 'mood scale');
  });

  it('uses only messages that are in the English bundle', () => {
    // The export is a document; it is rendered here for the messages it uses, not checked as one message.
    toMarkdown(
      {
        ...EMPTY_TEAM,
        people: [sam, { ...sam, id: 'p-old', name: 'Old', archived: true }],
        delegations: [delegation('2026-11-20')],
        oneOnOnes: [{ id: 'm', personId: 'p-sam', on: addDays(today, -3), topics: ['career'], mood: 4 }],
        feedback: [],
      },
      today,
      { includeNotes: true },
    );
    const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const missing = [...used].filter((message) => !(message in bundle));
    assert.ok(used.size > 100, `only ${used.size} messages were exercised`);
    assert.deepEqual(missing, []);
  });
});
