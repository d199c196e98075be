import type { DateKey } from '../core/dates';
import { compareByFollowUp, FOLLOW_UP_GROUPS, followUpGroup, type Delegation, type FollowUpGroup, type MovingTest } from './delegations';
import { compareDays, compareText } from '../core/compare';

/**
 * Delegations by follow-up group, each list in display order: soonest follow-up first, and for
 * Done the most recently finished first.
 */
/**
 * A tree item id from parts, each percent-encoded and joined with "/": a name or a task can never
 * produce another item's id, whatever characters it holds.
 */
export function treeId(...parts: string[]): string {
  return parts.map(encodeURIComponent).join('/');
}

/** How the Delegations view groups its rows. */
export type GroupBy = 'followUp' | 'person';

export function groupByFollowUp(delegations: readonly Delegation[], today: DateKey, moving?: MovingTest): Map<FollowUpGroup, Delegation[]> {
  const groups = new Map<FollowUpGroup, Delegation[]>(FOLLOW_UP_GROUPS.map((g) => [g, []]));
  for (const delegation of delegations) {
    groups.get(followUpGroup(delegation, today, moving))?.push(delegation);
  }
  for (const [group, list] of groups) {
    list.sort(group === 'done' ? compareByDoneDay : compareByFollowUp);
  }
  return groups;
}

function compareByDoneDay(a: Delegation, b: Delegation): number {
  return compareDays(b.doneOn ?? '', a.doneOn ?? '') || compareText(a.task, b.task);
}
