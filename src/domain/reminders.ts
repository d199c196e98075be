import { addDays, parseDateKey, type DateKey } from './dates';

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

/** At most one reminder a day, only with something overdue, never while snoozed or turned off. */
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

/** "Follow-up with Sam is overdue" or "3 follow-ups are overdue (Sam, Ana and 1 more)". */
export function reminderMessage(people: readonly string[]): string {
  if (people.length === 1) {
    return `Your follow-up with ${people[0]} is overdue.`;
  }
  const names = [...new Set(people)];
  const shown = names.slice(0, 2).join(', ');
  const rest = names.length > 2 ? ` and ${names.length - 2} more` : '';
  return `${people.length} follow-ups are overdue (${shown}${rest}).`;
}
