import type { DateKey } from '../core/dates';
import { isDone, isOverdue, type Delegation, type MovingTest } from './delegations';
import { compareDays, compareText } from '../core/compare';

/** One person in the "By person" view: how much is with them now. */
export interface PersonSummary {
  readonly personId: string;
  readonly person: string;
  readonly active: number;
  readonly overdue: number;
  readonly done: number;
  readonly delegations: readonly Delegation[];
}

/**
 * Delegations by person, busiest first, so a lead sees at a glance who gets all the work and who
 * gets none. `nameOf` gives the person's current name.
 */
export function summarisePeople(
  delegations: readonly Delegation[],
  today: DateKey,
  nameOf: (personId: string) => string,
  moving?: MovingTest,
): PersonSummary[] {
  const byKey = new Map<
    string,
    { personId: string; person: string; active: number; overdue: number; done: number; delegations: Delegation[] }
  >();
  for (const d of delegations) {
    let entry = byKey.get(d.personId);
    if (!entry) {
      entry = { personId: d.personId, person: nameOf(d.personId), active: 0, overdue: 0, done: 0, delegations: [] };
      byKey.set(d.personId, entry);
    }
    entry.delegations.push(d);
    if (isDone(d)) {
      entry.done++;
    } else {
      entry.active++;
      if (isOverdue(d, today, moving)) {
        entry.overdue++;
      }
    }
  }
  return [...byKey.values()]
    .map((entry) => ({
      ...entry,
      delegations: entry.delegations.sort((a, b) => Number(isDone(a)) - Number(isDone(b)) || compareDays(a.followUpOn, b.followUpOn)),
    }))
    .sort((a, b) => b.active - a.active || b.overdue - a.overdue || compareText(a.person, b.person));
}
