/**
 * The lead's own week, from the history: their commits, the reviews that name them in a
 * Reviewed-by trailer, and the late-hour days. The lead's own data, for the lead's Weekly Review,
 * beside their 1:1s, delegations and feedback of the week (which the caller counts): the only place
 * a figure about one person appears. *The Manager's Path*: a tech lead who keeps every hard task
 * becomes the bottleneck.
 *
 * The rules:
 * - The week is seven of the lead's calendar days from `weekStart`, local midnight to midnight.
 * - A review is a commit by someone else with a Reviewed-by trailer naming the lead: the trailer's
 *   email is one of the lead's (their identities' emails or git user.email, case aside), or, with
 *   no email, the trailer's name is the lead's full name.
 * - Late days as for pace (workingHours.ts): days with a commit between 22:00 and 06:00 in the
 *   commit's own time zone, a night counted to the evening it continues.
 * - Coding crowds out leading when the lead made at least {@link CROWDING_COMMITS} (15) commits and
 *   held no 1:1 that week: a week of that much code and no 1:1 is worth a look, whatever the reason.
 *
 * Plain TypeScript with no VS Code dependency.
 */
import { addDays, type DateKey } from '../core/dates';
import { localDayStart } from './followThrough';
import { TRAILER_REVIEWED, type CommitHistory, type IdentityKey } from './history';
import { normaliseName, type LeadGitUser } from './identities';
import { isLateHour, workingDayOf } from './workingHours';

export const CROWDING_COMMITS = 15;

export interface LeadWeek {
  /** Commits (not merges) by the lead. */
  readonly commits: number;
  readonly merges: number;
  /** Commits by others whose Reviewed-by names the lead. */
  readonly reviews: number;
  /** Days with a late-hour commit by the lead. */
  readonly lateDays: number;
  readonly lateCommits: number;
}

export interface LeadWeekOptions {
  /** The instant a lead's calendar day starts; local midnight unless given (tests). */
  readonly dayStart?: (day: DateKey) => number;
}

/** The lead's week from `weekStart` (a day in the lead's calendar). */
export function leadWeek(
  history: CommitHistory,
  lead: ReadonlySet<IdentityKey>,
  user: LeadGitUser,
  weekStart: DateKey,
  options: LeadWeekOptions = {},
): LeadWeek {
  const dayStart = options.dayStart ?? localDayStart;
  const from = dayStart(weekStart);
  const to = dayStart(addDays(weekStart, 7));
  const mine = history.identityMask(lead);
  const emails = new Set<string>();
  const names = new Set<string>();
  for (const key of lead) {
    const id = history.identityIdOf(key);
    if (id !== undefined) {
      const identity = history.identity(id);
      emails.add(identity.email.toLowerCase());
      names.add(normaliseName(identity.name));
    }
  }
  if (user.email !== undefined && user.email.trim().length > 0) {
    emails.add(user.email.trim().toLowerCase());
  }
  if (user.name !== undefined) {
    names.add(normaliseName(user.name));
  }
  emails.delete('');
  const fullNames = [...names].filter((n) => n.includes(' '));

  let commits = 0;
  let merges = 0;
  let reviews = 0;
  let lateCommits = 0;
  const lateDays = new Set<number>();
  for (const i of history.select({ from, to })) {
    if (mine[history.authorOf(i)] === 1) {
      if (history.isMerge(i)) {
        merges += 1;
      } else {
        commits += 1;
      }
      const at = history.authoredAt(i);
      const offset = history.offsetMinutes(i);
      if (isLateHour(at, offset)) {
        lateCommits += 1;
        lateDays.add(workingDayOf(at, offset));
      }
    } else if (
      history
        .trailersOf(i, TRAILER_REVIEWED)
        .some((p) => (p.email.length > 0 ? emails.has(p.email) : fullNames.includes(normaliseName(p.name))))
    ) {
      reviews += 1;
    }
  }
  return { commits, merges, reviews, lateDays: lateDays.size, lateCommits };
}

/** Whether the week's code crowded out its 1:1s (see the module comment). */
export function codingCrowdsOutLeading(week: LeadWeek, oneOnOnes: number): boolean {
  return week.commits >= CROWDING_COMMITS && oneOnOnes === 0;
}
