/**
 * What the repository signals say about delegations and about the lead's own week, worded for the
 * views that show them: the contract between the signals feature (which holds the history) and
 * the delegations, team and review features (which show it), as personSignals.ts is for the
 * person page. Plain data, every text already worded, put into views and pages as text.
 *
 * - Follow-through: a delegation that points at code says what moved there (followThrough.ts).
 * - Knowledge islands: folders one person knows alone, for the lead only (islands.ts).
 * - The lead's week: their commits, reviews and late days beside their 1:1s (balance.ts).
 *
 * Plain TypeScript with no VS Code dependency.
 */
import type { DateKey } from '../core/dates';
import { describeArea, type Delegation } from '../team/delegations';
import type { LeadWeek } from './balance';
import { followThrough, type DelegationInCode, type FollowThrough, type FollowThroughOptions, type SignalPeople } from './followThrough';
import type { CommitHistory } from './history';
import type { IslandHolder, KnowledgeIsland } from './islands';
import {
  crowdingQuestion,
  describeCrowding,
  describeFollowThrough,
  describeIsland,
  describeLeadWeek,
  describeMoving,
  describeTakenBack,
  islandLesson,
  islandQuestion,
  takenBackQuestion,
} from './wording';

/** A delegation's follow-through, in words. */
export interface FollowThroughView {
  /** The code it points at, in a few words: "billing/", "billing/ and branch invoice-rounding". */
  readonly area: string;
  /** Since it was delegated: "5 commits by Priya in billing/ since Tue 24 Nov; last 2 days ago." */
  readonly line: string;
  /** Since the last check-in, when there was one. */
  readonly sinceCheckIn?: string;
  /** Levels 6–7, when the work visibly moved since the last check-in: "Moving: changed 2 days ago". */
  readonly moving?: string;
  /** Levels 1–3: "You committed there 3 times.", "2 commits there by others." */
  readonly takenBack: readonly string[];
  /** The question that goes with what was taken back. */
  readonly question?: string;
}

/** A knowledge island, in words, with its holder so the lead can delegate to someone else. */
export interface IslandView {
  readonly folder: string;
  readonly holder: IslandHolder;
  /** "Priya knows billing/ best: nearly all its changes in the last 6 months are theirs." */
  readonly text: string;
  /** Why spreading the knowledge protects the person who holds it. */
  readonly lesson: string;
  readonly question: string;
}

/** The lead's own week, in words. */
export interface LeadWeekView {
  /** "You made 12 commits this week.", "You reviewed 3 commits this week.", late days when any. */
  readonly lines: readonly string[];
  /** "You made 41 commits and held no 1:1 this week.", only when coding crowded out leading. */
  readonly crowding?: string;
  readonly question?: string;
}

/** The day of a delegation's last check-in, if any. */
export function lastCheckInOn(delegation: Delegation): DateKey | undefined {
  let last: DateKey | undefined;
  for (const event of delegation.history) {
    if (event.kind === 'checkIn' && (last === undefined || event.on > last)) {
      last = event.on;
    }
  }
  return last;
}

/** What follow-through reads of a delegation; undefined when it points at no code. */
export function delegationInCode(delegation: Delegation): DelegationInCode | undefined {
  const code = delegation.code;
  if (code === undefined || ((code.paths ?? []).length === 0 && code.branch === undefined)) {
    return undefined;
  }
  const checkIn = lastCheckInOn(delegation);
  return {
    delegateId: delegation.personId,
    level: delegation.level,
    createdOn: delegation.createdOn,
    followUpOn: delegation.followUpOn,
    ...(checkIn === undefined ? {} : { lastCheckInOn: checkIn }),
    code,
  };
}

/** Words for a follow-through already computed. */
export function describeFollowThroughView(
  delegation: Delegation,
  delegateName: string,
  reading: FollowThrough,
  today: DateKey,
): FollowThroughView {
  const area = describeArea(delegation.code ?? {});
  const checkIn = lastCheckInOn(delegation);
  const moving = describeMoving(reading, today);
  const takenBack = describeTakenBack(reading);
  const byLead = (reading.takenBack?.byLead ?? 0) > 0;
  return {
    area,
    line: describeFollowThrough(delegateName, area, reading.sinceDelegated, delegation.createdOn, today),
    ...(checkIn === undefined || checkIn <= delegation.createdOn
      ? {}
      : { sinceCheckIn: describeFollowThrough(delegateName, area, reading.sinceCheckIn, checkIn, today) }),
    ...(moving === undefined ? {} : { moving }),
    takenBack,
    ...(takenBack.length === 0 ? {} : { question: takenBackQuestion(delegateName, byLead) }),
  };
}

/** A delegation's follow-through in words, or undefined when it points at no code. */
export function followThroughView(
  history: CommitHistory,
  delegation: Delegation,
  delegateName: string,
  people: SignalPeople,
  now: number,
  today: DateKey,
  options: FollowThroughOptions = {},
): FollowThroughView | undefined {
  const query = delegationInCode(delegation);
  const reading = query === undefined ? undefined : followThrough(history, query, people, now, options);
  return reading === undefined ? undefined : describeFollowThroughView(delegation, delegateName, reading, today);
}

/** Islands in words; one whose holder is no longer in the team (`nameOf` gives undefined) is left out. */
export function islandViews(islands: readonly KnowledgeIsland[], nameOf: (personId: string) => string | undefined): IslandView[] {
  const views: IslandView[] = [];
  for (const island of islands) {
    const name = island.holder.kind === 'lead' ? '' : nameOf(island.holder.personId);
    if (name !== undefined) {
      views.push({
        folder: island.folder,
        holder: island.holder,
        text: describeIsland(island, name),
        lesson: islandLesson(island, name),
        question: islandQuestion(island, name),
      });
    }
  }
  return views;
}

/** The lead's week in words, beside the number of 1:1s they held that week. */
export function leadWeekView(week: LeadWeek, oneOnOnes: number): LeadWeekView {
  const crowding = describeCrowding(week, oneOnOnes);
  return {
    lines: describeLeadWeek(week),
    ...(crowding === undefined ? {} : { crowding, question: crowdingQuestion() }),
  };
}
