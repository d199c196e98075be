/**
 * Sustainable pace, against each person's own baseline.
 *
 * People differ widely in when they commit (Claes et al., ICSE 2018: two thirds commit mainly
 * between 10:00 and 18:00, the rest at every other hour), so a late commit says nothing on its own.
 * What can be worth a question is a *change*: someone committing out of hours clearly more often
 * than they themselves usually do. A person who always works at night has no signal; a person who
 * starts to, has. Nobody is compared with anybody else, and the result is data (day counts), for
 * the wording to turn into a question for a conversation.
 *
 * The rule, for one person (all the identities linked to them), at the instant `now`:
 * - A *late day* is a day (06:00–06:00 in the commit's own time zone, see workingHours.ts) with at
 *   least one commit between 22:00 and 06:00. An *off day* is a day outside the person's `workdays`
 *   (default Monday–Friday; a team in the Gulf passes Sunday–Thursday) with at least one commit.
 * - The recent window is the last 14 days, `(now − 14 d, now]`; the baseline is the 8 weeks before
 *   it, `(now − 70 d, now − 14 d]`. The usual count is the baseline's count scaled to 14 days (÷ 4).
 *   Both windows are whole weeks, so a pattern that repeats every week gives the same usual and
 *   recent count, and can never signal.
 * - Late hours signal when the recent late days are at least {@link MIN_LATE_DAYS} (3) *and* at
 *   least {@link RISE_FACTOR} (2) times the usual count: 3 late days against a usual 1 is a signal,
 *   3 against a usual 2 is not, 10 against a usual 9 (a night owl) is not.
 * - Off days signal on the same rise, with a floor scaled to how many off days there are in 14
 *   days: at least half of them and at least 2 (with a Monday–Friday week: 2 of the 4 weekend days,
 *   so both weekends; the floor of 3 would ask for 3 of 4).
 * - No signal without a baseline: fewer than {@link MIN_BASELINE_DAYS} (5) days with any commit in
 *   the 8 weeks (someone new, back from leave, or who rarely commits) means their usual pattern is
 *   not known, and a rise against nothing is not a rise.
 *
 * Plain TypeScript with no VS Code dependency.
 */
import type { CommitHistory, IdentityKey } from './history';
import { isLateHour, isOffDay, MS_PER_DAY, workingDayOf } from './workingHours';
import { MONDAY_TO_FRIDAY, type Weekday } from '../core/dates';

export const RECENT_DAYS = 14;
export const BASELINE_DAYS = 56;
export const MIN_LATE_DAYS = 3;
export const MIN_OFF_DAYS = 2;
export const RISE_FACTOR = 2;
export const MIN_BASELINE_DAYS = 5;

export interface PaceOptions {
  /** The person's working week; default Monday–Friday. */
  readonly workdays?: Iterable<Weekday>;
}

/** One kind of out-of-hours day, recent against usual. */
export interface DayCount {
  /** Days in the last 14. */
  readonly recent: number;
  /** Their usual count per 14 days, from the 8 weeks before (may be a fraction). */
  readonly usual: number;
  /** The smallest recent count that would signal against this usual (for explaining the rule). */
  readonly threshold: number;
  readonly signal: boolean;
}

export interface PaceReading {
  readonly late: DayCount;
  /** Days outside the working week. */
  readonly offDays: DayCount;
  /** Days with any commit in the 8-week baseline. */
  readonly baselineDays: number;
  /** Whether the baseline holds enough days to know the person's usual pattern. */
  readonly knownBaseline: boolean;
  /** Late hours or off days signal. */
  readonly signal: boolean;
}

function count(recent: number, usual: number, floor: number, knownBaseline: boolean, possible: boolean): DayCount {
  const threshold = Math.max(floor, Math.ceil(RISE_FACTOR * usual - 1e-9));
  return { recent, usual, threshold, signal: possible && knownBaseline && recent >= threshold };
}

function addIf(yes: boolean, days: Set<number>, day: number): void {
  if (yes) {
    days.add(day);
  }
}

/** The pace reading of one person at `now` (ms), from the commits of their identities. */
export function readPace(
  history: CommitHistory,
  identities: ReadonlySet<IdentityKey>,
  now: number,
  options: PaceOptions = {},
): PaceReading {
  const workdays = new Set<Weekday>(options.workdays ?? MONDAY_TO_FRIDAY);
  const recentFrom = now - RECENT_DAYS * MS_PER_DAY;
  const baselineFrom = recentFrom - BASELINE_DAYS * MS_PER_DAY;
  const sets = {
    recentLate: new Set<number>(),
    recentOff: new Set<number>(),
    baseLate: new Set<number>(),
    baseOff: new Set<number>(),
    baseAny: new Set<number>(),
  };
  const authors = history.identityMask(identities);
  // (from, to] windows: the history's ranges are [from, to), so shift by one millisecond.
  const [start, end] = history.timeRange(baselineFrom + 1, now + 1);
  const order = history.byTime();
  for (let k = start; k < end; k++) {
    const i = order[k] ?? 0;
    if (authors[history.authorOf(i)] !== 1) {
      continue;
    }
    const at = history.authoredAt(i);
    const offset = history.offsetMinutes(i);
    const day = workingDayOf(at, offset);
    const late = isLateHour(at, offset);
    const off = isOffDay(day, workdays);
    if (at > recentFrom) {
      addIf(late, sets.recentLate, day);
      addIf(off, sets.recentOff, day);
    } else {
      sets.baseAny.add(day);
      addIf(late, sets.baseLate, day);
      addIf(off, sets.baseOff, day);
    }
  }
  const knownBaseline = sets.baseAny.size >= MIN_BASELINE_DAYS;
  const scale = RECENT_DAYS / BASELINE_DAYS;
  const offDaysIn14 = (7 - workdays.size) * 2;
  const late = count(sets.recentLate.size, sets.baseLate.size * scale, MIN_LATE_DAYS, knownBaseline, true);
  const offDays = count(
    sets.recentOff.size,
    sets.baseOff.size * scale,
    Math.max(MIN_OFF_DAYS, Math.ceil(offDaysIn14 / 2)),
    knownBaseline,
    offDaysIn14 > 0,
  );
  return { late, offDays, baselineDays: sets.baseAny.size, knownBaseline, signal: late.signal || offDays.signal };
}
