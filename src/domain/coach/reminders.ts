import { addDays, parseDateKey, type DateKey } from '../core/dates';
import * as l10n from '../core/l10n';

/** When the overdue reminder last showed and how long it is snoozed; kept per workspace. */
export interface ReminderState {
  readonly lastShownOn?: DateKey;
  /** No reminder on this day or before. */
  readonly snoozedThrough?: DateKey;
}

export function readReminderState(raw: unknown): ReminderState {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const lastShownOn = parseDateKey(r['lastShownOn']);
  const snoozedThrough = parseDateKey(r['snoozedThrough']);
  return { ...(lastShownOn ? { lastShownOn } : {}), ...(snoozedThrough ? { snoozedThrough } : {}) };
}

/** At most one reminder a day, only with something overdue (follow-ups and 1:1s together), never while snoozed or turned off. */
export function shouldRemind(state: ReminderState, today: DateKey, overdue: number, enabled: boolean): boolean {
  return enabled && overdue > 0 && state.lastShownOn !== today && (state.snoozedThrough === undefined || state.snoozedThrough < today);
}

/** "Snooze a day": no reminder tomorrow either; the next one comes the day after. */
export function snoozeADay(state: ReminderState, today: DateKey): ReminderState {
  return { ...state, snoozedThrough: addDays(today, 1) };
}

export function remindersShown(state: ReminderState, today: DateKey): ReminderState {
  return { ...state, lastShownOn: today };
}

function someNames(names: readonly string[]): string {
  const unique = [...new Set(names)];
  const shown = unique.slice(0, 2).join(', ');
  return unique.length > 2 ? l10n.t('{0} and {1} more', shown, unique.length - 2) : shown;
}

/**
 * "Your follow-up with Sam is overdue." or "3 follow-ups are overdue (Sam, Ana and 1 more).", then
 * "Your 1:1 with Lee is overdue." or "2 people are due a 1:1 (Lee, Kim)." One sentence each, in one
 * notification: each combination is one message, so a translation can order and join them.
 */
export function reminderMessage(followUpPeople: readonly string[], oneOnOnePeople: readonly string[] = []): string {
  const f = followUpPeople.length;
  const o = oneOnOnePeople.length;
  const first = followUpPeople[0] ?? '';
  const one = oneOnOnePeople[0] ?? '';
  if (o === 0) {
    return f === 0
      ? ''
      : f === 1
        ? l10n.t('Your follow-up with {0} is overdue.', first)
        : l10n.t('{0} follow-ups are overdue ({1}).', f, someNames(followUpPeople));
  }
  if (f === 0) {
    return o === 1 ? l10n.t('Your 1:1 with {0} is overdue.', one) : l10n.t('{0} people are due a 1:1 ({1}).', o, someNames(oneOnOnePeople));
  }
  if (f === 1) {
    return o === 1
      ? l10n.t('Your follow-up with {0} is overdue. Your 1:1 with {1} is overdue.', first, one)
      : l10n.t('Your follow-up with {0} is overdue. {1} people are due a 1:1 ({2}).', first, o, someNames(oneOnOnePeople));
  }
  return o === 1
    ? l10n.t('{0} follow-ups are overdue ({1}). Your 1:1 with {2} is overdue.', f, someNames(followUpPeople), one)
    : l10n.t(
        '{0} follow-ups are overdue ({1}). {2} people are due a 1:1 ({3}).',
        f,
        someNames(followUpPeople),
        o,
        someNames(oneOnOnePeople),
      );
}
