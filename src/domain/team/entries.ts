import { addDays, daysBetween, parseDateKey, type DateKey } from '../core/dates';
import { DATE_RANGE_DAYS, DAY_COUNT_MAX, storedDay, unknownFields, validateDayCount } from '../core/fields';
import { isStoredId } from '../core/ids';
import { fail, ok, type Validation } from '../core/validation';
import * as l10n from '../core/l10n';

/** What 1:1s, feedback and moments share: an entry about a person on one day. */

/**
 * An entry's day: `YYYY-MM-DD` or a whole number of days ago; today or earlier, within ten years.
 * `what` names it as the subject of a sentence, translated ("The 1:1 date").
 */
export function validatePastDay(value: unknown, today: DateKey, what: string): Validation<DateKey> {
  let day: DateKey | undefined;
  if (typeof value === 'number') {
    const ago = validateDayCount(value, l10n.t('{0} given in days ago', what));
    if (!ago.ok) {
      return ago;
    }
    day = addDays(today, -ago.value);
  } else {
    day = parseDateKey(value);
    if (!day) {
      return fail(l10n.t('Give {0} as a date like {1}, or a number of days ago.', lowerFirst(what), today));
    }
  }
  if (daysBetween(today, day) > 0) {
    return fail(l10n.t('{0} cannot be in the future (today is {1}).', what, today));
  }
  if (daysBetween(day, today) > Math.min(DATE_RANGE_DAYS, DAY_COUNT_MAX)) {
    return fail(l10n.t('{0} must be within the last ten years.', what));
  }
  return ok(day);
}

/** "The 1:1 date" → "the 1:1 date", for the middle of a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** What a stored entry starts with: only known fields, an id, a person and a day. */
export function readEntryHead(
  r: Record<string, unknown>,
  allowed: readonly string[],
  today: DateKey,
): Validation<{ id: string; personId: string; on: DateKey }> {
  const extra = unknownFields(r, allowed);
  if (extra) {
    return fail(extra);
  }
  const id = r['id'];
  const personId = r['personId'];
  if (!isStoredId(id)) {
    return fail(l10n.t('missing or invalid id'));
  }
  if (!isStoredId(personId)) {
    return fail(l10n.t('missing or invalid personId'));
  }
  const on = storedDay(r['on'], today);
  // Not checked against today: after a flight west, an entry logged "today" lies a day ahead.
  if (!on) {
    return fail(l10n.t('invalid day (a real date within ten years of today)'));
  }
  return ok({ id, personId, on });
}
