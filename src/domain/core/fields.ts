import { addDays, parseDateKey, type DateKey } from './dates';
import { fail, ok, type Validation } from './validation';
import * as l10n from './l10n';

/** Any count of days a user or a file gives is a whole number in this range. */
export const DAY_COUNT_MAX = 3650;
/** Stored and imported dates lie within ten years of today, either way. */
export const DATE_RANGE_DAYS = 3653;

/** A whole number of days from 0 to 3,650, the one rule for every day count typed or imported; `what` is translated. */
export function validateDayCount(value: unknown, what: string): Validation<number> {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > DAY_COUNT_MAX) {
    return fail(l10n.t('{0} must be a whole number of days from 0 to {1}.', what, DAY_COUNT_MAX.toLocaleString('en')));
  }
  return ok(value);
}

/** A cache: the days DATE_RANGE_DAYS before and after `today`, for the last `today` asked about. */
let range: { today: DateKey; from: DateKey; to: DateKey } | undefined;
/** A cache of days already found to be real calendar dates: a tracker repeats the same few hundred days. */
const realDays = new Set<string>();

/**
 * A stored day: a real calendar date, written exactly, within ten years of today. Loading years of
 * history checks tens of thousands of days, so the range is compared as text (`YYYY-MM-DD` sorts as
 * dates do) and each distinct day is parsed once.
 */
export function storedDay(value: unknown, today: DateKey): DateKey | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  if (range?.today !== today) {
    range = { today, from: addDays(today, -DATE_RANGE_DAYS), to: addDays(today, DATE_RANGE_DAYS) };
  }
  if (value < range.from || value > range.to) {
    return undefined;
  }
  if (!realDays.has(value)) {
    if (parseDateKey(value) !== value) {
      return undefined;
    }
    realDays.add(value);
  }
  return value as DateKey;
}

/** Stored text must already be in the form the validators produce, so what loads is what was checked. */
export function storedText<T extends string | undefined>(value: unknown, validate: (v: unknown) => Validation<T>): T | undefined {
  const result = validate(value);
  return result.ok && result.value === value ? result.value : undefined;
}

/** A plain object (not null, not a list), or undefined. */
export function asObject(raw: unknown): Record<string, unknown> | undefined {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

/** "unknown field "x", "y"" when `r` has fields beyond `allowed`, else undefined. */
export function unknownFields(r: Record<string, unknown>, allowed: readonly string[] | ReadonlySet<string>): string | undefined {
  const known = (key: string): boolean => (Array.isArray(allowed) ? allowed.includes(key) : (allowed as ReadonlySet<string>).has(key));
  const unknown = Object.keys(r).filter((key) => !known(key));
  return unknown.length > 0
    ? l10n.t(
        'unknown field {0}',
        unknown
          .slice(0, 3)
          .map((key) => JSON.stringify(key.slice(0, 40)))
          .join(', '),
      )
    : undefined;
}

/**
 * For a command's argument object: the one message naming its unknown fields and the fields it
 * takes, or none.
 */
export function unknownArguments(args: Record<string, unknown>, allowed: readonly string[]): string[] {
  const extra = Object.keys(args).filter((key) => !allowed.includes(key));
  if (extra.length === 0) {
    return [];
  }
  return [
    extra.length > 1
      ? l10n.t('Unknown fields: {0} (expected {1}).', extra.join(', '), allowed.join(', '))
      : l10n.t('Unknown field: {0} (expected {1}).', extra.join(', '), allowed.join(', ')),
  ];
}
