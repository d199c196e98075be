import type { Weekday } from '../core/dates';
/**
 * When in the author's own day a commit was made: late hours, the day a night's commit counts to,
 * and the author's weekend. Always in the commit's own time zone (its author date's offset), never
 * the machine's: 23:30 in Sydney is late for the person in Sydney, whatever the lead's clock says,
 * and after a daylight-saving change the offset in the commit changes with the person's clock.
 *
 * The day a commit counts to: the local calendar day, except that from 00:00 to 05:59 it counts to
 * the day before. A 01:00 commit on Saturday is Friday's late night, not a Saturday at work: a
 * night belongs to the evening it continues, as people say "I worked late on Friday". So a day here
 * runs from 06:00 to 06:00, and a late evening that runs past midnight is one late day, not two.
 *
 * Plain TypeScript with no VS Code dependency.
 */

/** Late hours are from 22:00 (inclusive) to 06:00 (exclusive), local to the commit. */
export const LATE_FROM_HOUR = 22;
export const LATE_UNTIL_HOUR = 6;

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** The commit's local wall-clock time as ms since 1970-01-01T00:00 *local* (read its parts as UTC). */
function wallClock(at: number, offsetMinutes: number): number {
  return at + offsetMinutes * MS_PER_MINUTE;
}

/** The local hour, 0–23, of a commit made at `at` with that offset. */
export function localHour(at: number, offsetMinutes: number): number {
  const wall = wallClock(at, offsetMinutes);
  return Math.floor((((wall % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_HOUR);
}

export function isLateHour(at: number, offsetMinutes: number): boolean {
  const hour = localHour(at, offsetMinutes);
  return hour >= LATE_FROM_HOUR || hour < LATE_UNTIL_HOUR;
}

/** The day the commit counts to (see the module comment), as days since 1970-01-01. */
export function workingDayOf(at: number, offsetMinutes: number): number {
  return Math.floor((wallClock(at, offsetMinutes) - LATE_UNTIL_HOUR * MS_PER_HOUR) / MS_PER_DAY);
}

/** The weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): Weekday {
  return ((((day + 4) % 7) + 7) % 7) as Weekday;
}

/** The days outside the working week, from the days in it. */
export function isOffDay(day: number, workdays: ReadonlySet<Weekday>): boolean {
  return !workdays.has(weekdayOf(day));
}
