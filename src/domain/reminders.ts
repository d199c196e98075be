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
  return unique.length > 2 ? `${shown} and ${unique.length - 2} more` : shown;
}

/**
 * "Your follow-up with Sam is overdue." or "3 follow-ups are overdue (Sam, Ana and 1 more).", then
 * "Your 1:1 with Lee is overdue." or "2 people are due a 1:1 (Lee, Kim)." One sentence each, in one
 * notification.
 */
export function reminderMessage(followUpPeople: readonly string[], oneOnOnePeople: readonly string[] = []): string {
  const sentences: string[] = [];
  if (followUpPeople.length === 1) {
    sentences.push(`Your follow-up with ${followUpPeople[0]} is overdue.`);
  } else if (followUpPeople.length > 1) {
    sentences.push(`${followUpPeople.length} follow-ups are overdue (${someNames(followUpPeople)}).`);
  }
  if (oneOnOnePeople.length === 1) {
    sentences.push(`Your 1:1 with ${oneOnOnePeople[0]} is overdue.`);
  } else if (oneOnOnePeople.length > 1) {
    sentences.push(`${oneOnOnePeople.length} people are due a 1:1 (${someNames(oneOnOnePeople)}).`);
  }
  return sentences.join(' ');
}
