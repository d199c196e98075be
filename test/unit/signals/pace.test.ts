/**
 * Sustainable pace on generated histories with known answers: a day worker, a night owl (no
 * signal), someone who changes (signal), time zones on both sides of UTC, daylight-saving changes
 * inside the window, weekends by the workdays setting, two identities of one person, a person with
 * too little history; and two properties (a pattern that repeats every week never signals, a new
 * burst of late days over a daytime baseline always does).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ParsedCommit } from '../../../src/domain/signals/gitLog';
import { identityKeyOf, type IdentityKey } from '../../../src/domain/signals/history';
import { readPace } from '../../../src/domain/signals/pace';
import { isLateHour, workingDayOf } from '../../../src/domain/signals/workingHours';
import { type Weekday } from '../../../src/domain/core/dates';
import { commit, eachDay, historyOf, instantOf, MS_PER_DAY } from './generated';

const NOW = instantOf('2026-06-01T12:00', 'Z'); // a Monday
const SAM = 'Sam Lee';
const samKey = (email = 'sam.lee@example.com'): IdentityKey => identityKeyOf(SAM, email);
const only = (...keys: IdentityKey[]): ReadonlySet<IdentityKey> => new Set(keys);

interface Pattern {
  readonly first: string;
  readonly last: string;
  /** Local times (`HH:MM`) worked on a day, by weekday (0 Sunday) and date. */
  readonly times: (weekday: number, day: string) => readonly string[];
  readonly offset?: (day: string) => string;
  readonly email?: string;
  readonly author?: string;
}

function worked(p: Pattern): ParsedCommit[] {
  return eachDay(p.first, p.last).flatMap(({ day, weekday }) =>
    p.times(weekday, day).map((time) =>
      commit({
        author: p.author ?? SAM,
        ...(p.email === undefined ? {} : { email: p.email }),
        local: `${day}T${time}`,
        offset: p.offset?.(day) ?? '+00:00',
      }),
    ),
  );
}

const weekdays = (w: number): boolean => w >= 1 && w <= 5;
const dayWork = (w: number): string[] => (weekdays(w) ? ['10:30', '15:00'] : []);
const TEN_WEEKS = { first: '2026-03-16', last: '2026-05-31' };

describe('signals: sustainable pace', () => {
  it('gives a day worker no signal, and counts nothing out of hours', () => {
    const reading = readPace(historyOf(worked({ ...TEN_WEEKS, times: dayWork })), only(samKey()), NOW);
    assert.equal(reading.signal, false);
    assert.deepEqual([reading.late.recent, reading.late.usual, reading.offDays.recent, reading.offDays.usual], [0, 0, 0, 0]);
    assert.ok(reading.knownBaseline);
  });

  it('gives someone who always works at night no signal; their nights past midnight count to the evening before', () => {
    // 23:00 and 01:30 local after each workday: Friday's 01:30 falls on a Saturday but is Friday's night.
    const nights = worked({
      ...TEN_WEEKS,
      times: (w) => [...(weekdays(w) ? ['23:00'] : []), ...(w >= 2 && w <= 6 ? ['01:30'] : [])],
      offset: () => '-03:00',
    });
    const reading = readPace(historyOf(nights), only(samKey()), NOW);
    assert.equal(reading.signal, false);
    assert.equal(reading.late.recent, 10);
    assert.equal(reading.late.usual, 10);
    assert.equal(reading.offDays.recent, 0, 'a Saturday 01:30 belongs to Friday night');
    assert.equal(reading.offDays.usual, 0);
  });

  it('signals for someone who starts working late: at least 3 days, at least double their usual', () => {
    const lateFrom = (days: readonly string[]) => (w: number, day: string) => [...dayWork(w), ...(days.includes(day) ? ['23:15'] : [])];
    const four = readPace(
      historyOf(worked({ ...TEN_WEEKS, times: lateFrom(['2026-05-19', '2026-05-21', '2026-05-26', '2026-05-28']) })),
      only(samKey()),
      NOW,
    );
    assert.equal(four.signal, true);
    assert.deepEqual([four.late.recent, four.late.usual, four.late.signal, four.offDays.signal], [4, 0, true, false]);

    const two = readPace(historyOf(worked({ ...TEN_WEEKS, times: lateFrom(['2026-05-19', '2026-05-21']) })), only(samKey()), NOW);
    assert.equal(two.signal, false, 'two late days are not enough');

    // A usual of one late evening a week (2 per 14 days): 3 is not double, 4 is.
    const weekly = (extra: readonly string[]) => (w: number, day: string) => [
      ...dayWork(w),
      ...((w === 3 && day < '2026-05-18') || extra.includes(day) ? ['22:40'] : []),
    ];
    const three = readPace(
      historyOf(worked({ ...TEN_WEEKS, times: weekly(['2026-05-19', '2026-05-21', '2026-05-26']) })),
      only(samKey()),
      NOW,
    );
    assert.deepEqual([three.late.recent, three.late.usual, three.late.threshold, three.signal], [3, 2, 4, false]);
    const fourAgain = readPace(
      historyOf(worked({ ...TEN_WEEKS, times: weekly(['2026-05-19', '2026-05-21', '2026-05-26', '2026-05-28']) })),
      only(samKey()),
      NOW,
    );
    assert.deepEqual([fourAgain.late.recent, fourAgain.signal], [4, true]);
  });

  it('reads late hours in the commit own time zone, on both sides of UTC', () => {
    const late = ['2026-05-19', '2026-05-20', '2026-05-21', '2026-05-26'];
    const at = (offset: string, time: string) =>
      worked({ ...TEN_WEEKS, offset: () => offset, times: (w, day) => [...dayWork(w), ...(late.includes(day) ? [time] : [])] });
    // 23:00 in Tokyo is 14:00 UTC: late for the person in Tokyo.
    assert.equal(readPace(historyOf(at('+09:00', '23:00')), only(samKey()), NOW).late.signal, true);
    // 23:30 in Bogotá is 04:30 UTC the next day: late.
    assert.equal(readPace(historyOf(at('-05:00', '23:30')), only(samKey()), NOW).late.signal, true);
    // 06:00 in San Francisco (14:00 UTC, the same instants as Tokyo's 23:00) is an early start, not a late night.
    const early = worked({
      ...TEN_WEEKS,
      offset: () => '-08:00',
      times: (w, day) => [...dayWork(w), ...(late.includes(day) ? ['06:00'] : [])],
    });
    assert.equal(readPace(historyOf(early), only(samKey()), NOW).signal, false);
    // 14:00 UTC read in UTC would be a day commit: the Tokyo reading is not the machine's.
    assert.ok(isLateHour(instantOf('2026-05-19T23:00', '+09:00'), 540) && !isLateHour(instantOf('2026-05-19T23:00', '+09:00'), 0));
  });

  it('follows a daylight-saving change inside the window: 21:30 stays 21:30, in Europe and in America', () => {
    // Europe: +02:00 until 25 October 2026, then +01:00. With +02:00 kept, 21:30 would read 22:30.
    const europe = worked({
      first: '2026-08-24',
      last: '2026-11-06',
      times: (w) => (weekdays(w) ? ['10:00', '21:30'] : []),
      offset: (day) => (day < '2026-10-25' ? '+02:00' : '+01:00'),
    });
    const inEurope = readPace(historyOf(europe), only(samKey()), instantOf('2026-11-06T23:00', 'Z'));
    assert.deepEqual([inEurope.late.recent, inEurope.signal], [0, false]);
    // New York: −04:00 until 1 November 2026, then −05:00. 21:30 EST is 02:30 UTC.
    const newYork = worked({
      first: '2026-08-31',
      last: '2026-11-13',
      times: (w) => (weekdays(w) ? ['10:00', '21:30'] : []),
      offset: (day) => (day < '2026-11-01' ? '-04:00' : '-05:00'),
    });
    const inNewYork = readPace(historyOf(newYork), only(samKey()), instantOf('2026-11-14T06:00', 'Z'));
    assert.deepEqual([inNewYork.late.recent, inNewYork.signal], [0, false]);
  });

  it('counts weekends by the workdays setting', () => {
    // A Monday–Friday person who starts working both weekends.
    const weekends = worked({
      ...TEN_WEEKS,
      times: (w, day) => [...dayWork(w), ...((w === 0 || w === 6) && day >= '2026-05-23' ? ['11:00'] : [])],
    });
    const monFri = readPace(historyOf(weekends), only(samKey()), NOW);
    assert.deepEqual([monFri.offDays.recent, monFri.offDays.usual, monFri.offDays.signal, monFri.late.signal], [4, 0, true, false]);

    // A Sunday–Thursday team: Friday and Saturday are the weekend.
    const sunThu: Weekday[] = [0, 1, 2, 3, 4];
    const gulf = worked({
      ...TEN_WEEKS,
      offset: () => '+04:00',
      times: (w, day) => [...(w <= 4 ? ['09:00', '14:00'] : []), ...(w === 5 && day >= '2026-05-19' ? ['11:00'] : [])],
    });
    const theirWeek = readPace(historyOf(gulf), only(samKey()), NOW, { workdays: sunThu });
    assert.deepEqual(
      [theirWeek.offDays.recent, theirWeek.offDays.usual, theirWeek.offDays.signal],
      [2, 0, true],
      'Fridays are their weekend',
    );
    const wrongWeek = readPace(historyOf(gulf), only(samKey()), NOW);
    assert.deepEqual(
      [wrongWeek.offDays.recent, wrongWeek.offDays.usual, wrongWeek.offDays.signal],
      [2, 2, false],
      'read as Monday–Friday, their Sundays look like weekend work as usual',
    );
    // With a seven-day working week nothing is a weekend.
    assert.equal(readPace(historyOf(weekends), only(samKey()), NOW, { workdays: [0, 1, 2, 3, 4, 5, 6] }).offDays.signal, false);
  });

  it('reads a person through all their linked identities', () => {
    const work = worked({ ...TEN_WEEKS, times: dayWork, email: 'sam@work.example' });
    const home = worked({
      first: '2026-05-19',
      last: '2026-05-29',
      times: (w) => (weekdays(w) ? ['23:50'] : []),
      email: 'sam@home.example',
    });
    const history = historyOf([...work, ...home]);
    assert.equal(readPace(history, only(samKey('sam@work.example'), samKey('sam@home.example')), NOW).late.signal, true);
    assert.equal(readPace(history, only(samKey('sam@work.example')), NOW).late.signal, false);
  });

  it('gives no signal without a baseline to compare with', () => {
    const newcomer = worked({ first: '2026-05-13', last: '2026-05-31', times: (w) => (weekdays(w) ? ['11:00', '23:30'] : []) });
    const reading = readPace(historyOf(newcomer), only(samKey()), NOW);
    assert.equal(reading.knownBaseline, false);
    assert.ok(reading.late.recent >= 3);
    assert.equal(reading.signal, false);
  });

  it('never signals for a pattern that repeats every week (property)', () => {
    const slot = fc.record({ weekday: fc.integer({ min: 0, max: 6 }), minute: fc.integer({ min: 0, max: 1439 }) });
    fc.assert(
      fc.property(
        fc.array(slot, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('+00:00', '+09:00', '-07:00', '+05:30', '-03:30', '+13:00'),
        fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }),
        fc.subarray([0, 1, 2, 3, 4, 5, 6] as Weekday[], { minLength: 1 }),
        (slots, offset, shift, workdays) => {
          const times = (w: number): string[] =>
            slots
              .filter((s) => s.weekday === w)
              .map((s) => `${String(Math.floor(s.minute / 60)).padStart(2, '0')}:${String(s.minute % 60).padStart(2, '0')}`);
          const history = historyOf(worked({ first: '2026-03-02', last: '2026-06-14', offset: () => offset, times }));
          const reading = readPace(history, only(samKey()), NOW + shift * 60_000, { workdays });
          assert.equal(reading.signal, false, JSON.stringify({ late: reading.late, off: reading.offDays }));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('always signals for a burst of 3 or more new late days over a daytime baseline (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 13 }), { minLength: 3, maxLength: 10 }),
        fc.constantFrom('+00:00', '+10:00', '-06:00'),
        fc.constantFrom('22:05', '23:59', '00:30', '04:10'),
        (daysAgo, offset, time) => {
          const day = (n: number): string => new Date(NOW - n * MS_PER_DAY).toISOString().slice(0, 10);
          const burst = new Set(daysAgo.map(day));
          const commits = worked({
            ...TEN_WEEKS,
            offset: () => offset,
            times: (w, d) => [...(weekdays(w) && d < day(14) ? ['10:00', '16:00'] : []), ...(burst.has(d) ? [time] : [])],
          });
          const history = historyOf(commits);
          const lateDays = new Set(
            commits
              .filter((c) => isLateHour(c.authoredAt, c.offsetMinutes) && c.authoredAt > NOW - 14 * MS_PER_DAY && c.authoredAt <= NOW)
              .map((c) => workingDayOf(c.authoredAt, c.offsetMinutes)),
          );
          const reading = readPace(history, only(samKey()), NOW);
          assert.equal(reading.late.recent, lateDays.size);
          assert.equal(reading.late.signal, lateDays.size >= 3);
        },
      ),
      { numRuns: 100 },
    );
  });
});
