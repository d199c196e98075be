/**
 * Follow-through: what moved in the code a delegation points at, since it was delegated and since
 * the last check-in, by the delegate, by the lead and by others.
 *
 * A delegation may point at folders or files (path prefixes) and at a branch. A commit counts when
 * it changed a path under one of the prefixes, before or after a rename: a file renamed into the
 * area counts from then on, and a file renamed out of it is followed to its new name (the work
 * moved, not stopped). Commits of the branch count whatever they touched; the caller reads them
 * separately (`<main line>..<branch>`, see gitLog.ts and branches.ts) because they are not on the
 * main line. A branch commit the history holds too (HEAD is the branch, or has it merged in) counts
 * once: on the main-line pass when it touched the paths, else on the branch's. Bots and merges are
 * left out (a merge lists no files; the commits it brought are counted themselves).
 *
 * The rules drawn from it:
 * - *Moving* (levels 6–7, where the lead has stepped back): someone other than the lead changed the
 *   area since the last check-in (or since it was delegated) and within the follow-up interval
 *   before now (the days from the last check-in to the follow-up day, at least 1; 14 with no
 *   follow-up day). A follow-up whose work is moving is shown as moving instead of overdue; with
 *   nothing moved the reminder fires as it always does.
 * - *Taken back* (levels 1–3): commits in the area by anyone but the delegate, the lead counted
 *   apart ("you committed there 3 times"), since it was delegated.
 *
 * Days (created, check-in, follow-up) are the lead's calendar days and start at local midnight; a
 * check-in day counts whole, so a commit the morning of a check-in counts as since the check-in.
 *
 * Plain TypeScript with no VS Code dependency.
 */
import { daysBetween, type DateKey } from '../core/dates';
import type { CodeLink } from '../team/delegations';
import type { CommitHistory, IdentityKey } from './history';
import { botMask, identitiesOf, type IdentityLinks } from './identities';
import { MS_PER_DAY } from './workingHours';

/** What follow-through needs of a delegation. */
export interface DelegationInCode {
  readonly delegateId: string;
  /** Management 3.0 delegation level, 1–7. */
  readonly level: number;
  readonly createdOn: DateKey;
  readonly lastCheckInOn?: DateKey;
  readonly followUpOn?: DateKey;
  readonly code: CodeLink;
}

/** The identities of the people involved. */
export interface SignalPeople {
  readonly links: IdentityLinks;
  readonly lead: ReadonlySet<IdentityKey>;
}

export interface Moved {
  readonly byDelegate: number;
  readonly byLead: number;
  readonly byOthers: number;
  /** The last change by anyone (ms). */
  readonly lastAt?: number;
  readonly lastByDelegateAt?: number;
}

export interface FollowThrough {
  readonly sinceDelegated: Moved;
  /** Since the last check-in; the same as {@link sinceDelegated} before the first. */
  readonly sinceCheckIn: Moved;
  /** Levels 6–7 only: the work visibly moved (see the module comment). */
  readonly moving: boolean;
  /** When someone other than the lead last changed the area since the last check-in (ms), if anyone did. */
  readonly lastMoveAt?: number;
  /** Levels 1–3 only, when anyone but the delegate committed in the area since it was delegated. */
  readonly takenBack?: { readonly byLead: number; readonly byOthers: number };
  /** The paths followed now: the prefixes and the new names of files renamed out of them. */
  readonly followed: readonly string[];
}

export interface FollowThroughOptions {
  /** The commits of the linked branch that are not on the main line. */
  readonly branch?: CommitHistory;
  /** The instant a lead's calendar day starts; local midnight unless given (tests). */
  readonly dayStart?: (day: DateKey) => number;
}

/** Local midnight of a day, in the machine's (the lead's) time zone. */
export function localDayStart(day: DateKey): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

const NO_FOLLOW_UP_INTERVAL_DAYS = 14;
const OTHER = 0;
const DELEGATE = 1;
const LEAD = 2;
const BOT = 3;

class Tally {
  byDelegate = 0;
  byLead = 0;
  byOthers = 0;
  lastAt: number | undefined;
  lastByDelegateAt: number | undefined;

  count(who: 'delegate' | 'lead' | 'other', at: number): void {
    if (who === 'delegate') {
      this.byDelegate += 1;
      this.lastByDelegateAt = Math.max(this.lastByDelegateAt ?? -Infinity, at);
    } else if (who === 'lead') {
      this.byLead += 1;
    } else {
      this.byOthers += 1;
    }
    this.lastAt = Math.max(this.lastAt ?? -Infinity, at);
  }

  done(): Moved {
    return {
      byDelegate: this.byDelegate,
      byLead: this.byLead,
      byOthers: this.byOthers,
      ...(this.lastAt === undefined ? {} : { lastAt: this.lastAt }),
      ...(this.lastByDelegateAt === undefined ? {} : { lastByDelegateAt: this.lastByDelegateAt }),
    };
  }
}

/**
 * What moved in a delegation's code up to `now` (ms), or undefined when it points at no code.
 */
export function followThrough(
  history: CommitHistory,
  delegation: DelegationInCode,
  people: SignalPeople,
  now: number,
  options: FollowThroughOptions = {},
): FollowThrough | undefined {
  const prefixes = delegation.code.paths ?? [];
  const branch = delegation.code.branch !== undefined ? options.branch : undefined;
  if (prefixes.length === 0 && delegation.code.branch === undefined) {
    return undefined;
  }
  const dayStart = options.dayStart ?? localDayStart;
  const delegatedAt = dayStart(delegation.createdOn);
  const checkInAt = delegation.lastCheckInOn === undefined ? delegatedAt : Math.max(delegatedAt, dayStart(delegation.lastCheckInOn));
  const delegate = identitiesOf(people.links, delegation.delegateId);
  const sinceDelegated = new Tally();
  const sinceCheckIn = new Tally();
  let lastMoveAt = -Infinity;

  const roles = new Map<CommitHistory, Uint8Array>();
  const roleOf = (source: CommitHistory, i: number): number => {
    let table = roles.get(source);
    if (table === undefined || table.length < source.identityCount) {
      table = new Uint8Array(source.identityCount);
      const bots = botMask(source);
      const delegates = source.identityMask(delegate);
      const leads = source.identityMask(people.lead);
      for (let id = 0; id < table.length; id++) {
        table[id] = bots[id] === 1 ? BOT : delegates[id] === 1 ? DELEGATE : leads[id] === 1 ? LEAD : OTHER;
      }
      roles.set(source, table);
    }
    return table[source.authorOf(i)] ?? OTHER;
  };

  const visit = (source: CommitHistory, i: number): void => {
    const role = roleOf(source, i);
    if (role === BOT) {
      return;
    }
    const who = role === DELEGATE ? 'delegate' : role === LEAD ? 'lead' : 'other';
    const at = source.authoredAt(i);
    sinceDelegated.count(who, at);
    if (at >= checkInAt) {
      sinceCheckIn.count(who, at);
      if (who !== 'lead') {
        lastMoveAt = Math.max(lastMoveAt, at);
      }
    }
  };

  // The main line, in author-date order, following renames out of the area as they happen.
  const followed = new Set<number>();
  const onMainLine = prefixes.length > 0 ? history.commitsInArea(history.pathMask(prefixes).slice(), delegatedAt, now + 1, followed) : [];
  for (const i of onMainLine) {
    visit(history, i);
  }
  if (branch !== undefined) {
    // A branch commit the main-line pass counted already counts once.
    const counted = onMainLine.length === 0 ? undefined : new Set(onMainLine);
    const order = branch.byTime();
    const [start, end] = branch.timeRange(delegatedAt, now + 1);
    for (let k = start; k < end; k++) {
      const i = order[k] ?? 0;
      if (!branch.isMerge(i) && (counted === undefined || !counted.has(history.indexOf(branch.hashOf(i))))) {
        visit(branch, i);
      }
    }
  }

  const interval =
    delegation.followUpOn === undefined
      ? NO_FOLLOW_UP_INTERVAL_DAYS
      : Math.max(1, daysBetween(delegation.lastCheckInOn ?? delegation.createdOn, delegation.followUpOn));
  const moving = delegation.level >= 6 && lastMoveAt >= Math.max(checkInAt, now - interval * MS_PER_DAY);
  const delegated = sinceDelegated.done();
  const takenBack =
    delegation.level <= 3 && delegated.byLead + delegated.byOthers > 0
      ? { byLead: delegated.byLead, byOthers: delegated.byOthers }
      : undefined;
  return {
    sinceDelegated: delegated,
    sinceCheckIn: sinceCheckIn.done(),
    moving,
    ...(lastMoveAt === -Infinity ? {} : { lastMoveAt }),
    ...(takenBack === undefined ? {} : { takenBack }),
    followed: [...prefixes, ...[...followed].map((id) => history.pathOf(id)).sort()],
  };
}
