import * as l10n from './l10n';

/** A calendar day in the user's local time zone, written `YYYY-MM-DD`. */
export type DateKey = string & { readonly __dateKey: true };

/** The source of "now". Passed in so that every date rule can be tested with a fixed day. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The local calendar day of `date`. */
export function toDateKey(date: Date): DateKey {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` as DateKey;
}

export function todayKey(clock: Clock): DateKey {
  return toDateKey(clock.now());
}

/** Returns the key when `text` is a real calendar day in `YYYY-MM-DD` form, otherwise undefined. */
export function parseDateKey(text: unknown): DateKey | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const match = DATE_KEY.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    return undefined;
  }
  return text.trim() as DateKey;
}

/** Days since 1970-01-01 for a key; calendar arithmetic that no daylight-saving change can skew. */
function dayNumber(key: DateKey): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

function fromDayNumber(n: number): DateKey {
  const date = new Date(n * MS_PER_DAY);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` as DateKey;
}

export function addDays(key: DateKey, days: number): DateKey {
  return fromDayNumber(dayNumber(key) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: DateKey, to: DateKey): number {
  return dayNumber(to) - dayNumber(from);
}

/** Milliseconds from `now` until the next local midnight (always more than zero). */
export function msUntilNextLocalMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 0, 0);
  return Math.max(1, next.getTime() - now.getTime());
}

/** A weekday's short name, Sunday first (0). */
function weekdayName(day: number): string {
  const names = [l10n.t('Sun'), l10n.t('Mon'), l10n.t('Tue'), l10n.t('Wed'), l10n.t('Thu'), l10n.t('Fri'), l10n.t('Sat')];
  return names[day] ?? '';
}

/** A month's short name, January first (0). */
function monthName(month: number): string {
  const names = [
    l10n.t('Jan'),
    l10n.t('Feb'),
    l10n.t('Mar'),
    l10n.t('Apr'),
    l10n.t('May'),
    l10n.t('Jun'),
    l10n.t('Jul'),
    l10n.t('Aug'),
    l10n.t('Sep'),
    l10n.t('Oct'),
    l10n.t('Nov'),
    l10n.t('Dec'),
  ];
  return names[month] ?? '';
}

/** "28 Nov", with the year added when it is not the year of `today`: {@link formatDay} without the weekday. */
export function formatDayOfMonth(key: DateKey, today: DateKey): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const month = monthName(m - 1);
  // {0} day of the month, {1} month, {2} year.
  return key.slice(0, 4) === today.slice(0, 4) ? l10n.t('{0} {1}', d, month) : l10n.t('{0} {1} {2}', d, month, y);
}

/** "Fri 28 Nov", with the year added when it is not the year of `today`. */
export function formatDay(key: DateKey, today: DateKey): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const weekday = weekdayName(new Date(Date.UTC(y, m - 1, d)).getUTCDay());
  const month = monthName(m - 1);
  // {0} weekday, {1} day of the month, {2} month, {3} year.
  return key.slice(0, 4) === today.slice(0, 4) ? l10n.t('{0} {1} {2}', weekday, d, month) : l10n.t('{0} {1} {2} {3}', weekday, d, month, y);
}

/** "today", "yesterday", "12 days ago", and the date itself for longer gaps or a day ahead. */
export function describeDaysAgo(day: DateKey, today: DateKey): string {
  const ago = daysBetween(day, today);
  if (ago <= 0) {
    return ago === 0 ? l10n.t('today') : l10n.t('on {0}', formatDay(day, today));
  }
  if (ago === 1) {
    return l10n.t('yesterday');
  }
  if (ago < 60) {
    return l10n.t('{0} days ago', ago);
  }
  return l10n.t('on {0}', formatDay(day, today));
}

/** 0 Sunday … 6 Saturday, as `Date.getDay()`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Monday to Friday: the working week unless the lead sets another. */
export const MONDAY_TO_FRIDAY: readonly Weekday[] = [1, 2, 3, 4, 5];

/** A Sunday: the day the weekday arithmetic counts from. */
const A_SUNDAY = '1970-01-04' as DateKey;

/** The weekday of a calendar day (0 Sunday … 6 Saturday), from the date itself: no time zone or DST can move it. */
export function weekdayOf(day: DateKey): Weekday {
  return (((daysBetween(A_SUNDAY, day) % 7) + 7) % 7) as Weekday;
}
