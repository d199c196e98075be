/**
 * The sentences of the repository signals: each one `l10n.t` message, every plural form and every
 * variant its own literal. Phrased as care and as a question for a conversation, never as a count
 * to confront someone with, never as a ranking: a figure about a person appears only beside the
 * question it is meant to prompt, and only to the lead. Knowledge islands are never framed as a
 * fault of the person who knows the code: spreading the knowledge protects them, too.
 *
 * Days are the lead's calendar days (the machine's time zone, as dates.ts); counts come from the
 * signal modules, the 1:1 count of a week from the caller.
 *
 * Plain TypeScript with no VS Code dependency.
 */
import { daysBetween, formatDay, toDateKey, type DateKey } from '../core/dates';
import * as l10n from '../core/l10n';
import { codingCrowdsOutLeading, type LeadWeek } from './balance';
import type { FollowThrough, Moved } from './followThrough';
import type { KnowledgeIsland } from './islands';
import type { DayCount, PaceReading } from './pace';
import type { Shipped, ShippedGroup, ShippedLine } from './shipped';

/** The lead's calendar day of an instant. */
export function dayOfInstant(at: number): DateKey {
  return toDateKey(new Date(at));
}

// ---------------------------------------------------------------------------------------------
// Pace

function lateLine(name: string, late: DayCount): string {
  const usual = Math.round(late.usual);
  return usual === 0
    ? l10n.t('{0} committed late on {1} of the last 14 days; usually hardly ever.', name, late.recent)
    : l10n.t('{0} committed late on {1} of the last 14 days; usually about {2}.', name, late.recent, usual);
}

function offDaysLine(name: string, off: DayCount): string {
  const usual = Math.round(off.usual);
  return usual === 0
    ? l10n.t('{0} committed on {1} weekend days in the last 14 days; usually hardly ever.', name, off.recent)
    : l10n.t('{0} committed on {1} weekend days in the last 14 days; usually about {2}.', name, off.recent, usual);
}

/** The pace lines for a person page: one per kind that signals; none without a signal. */
export function describePace(name: string, reading: PaceReading): string[] {
  const lines: string[] = [];
  if (reading.late.signal) {
    lines.push(lateLine(name, reading.late));
  }
  if (reading.offDays.signal) {
    lines.push(offDaysLine(name, reading.offDays));
  }
  return lines;
}

/** The question to ask, in the lead's own words to the person. */
export function paceQuestion(reading: PaceReading): string | undefined {
  if (reading.late.signal && reading.offDays.signal) {
    return l10n.t('How is the load at the moment? Is anything keeping you late or eating into your weekends?');
  }
  if (reading.late.signal) {
    return l10n.t('How is the load at the moment? Is anything keeping you late?');
  }
  return reading.offDays.signal ? l10n.t('How is the load at the moment? Is work spilling into your weekends?') : undefined;
}

/** Today's nudge when a person's pace signals. */
export function paceCheckInNudge(name: string): string {
  return l10n.t('Check in with {0}: how is the load at the moment?', name);
}

/** What the pace line is compared with, said once beside it. */
export function describePaceBasis(name: string): string {
  return l10n.t(
    "Compared only with {0}'s own usual pattern over the 8 weeks before. A prompt for a conversation, not a measure of anyone.",
    name,
  );
}

// ---------------------------------------------------------------------------------------------
// Shipped since the last 1:1

/** "12 commits by Priya since Tue 24 Nov." */
export function describeShipped(name: string, shipped: Shipped, since: DateKey, today: DateKey): string {
  const total = shipped.commits + shipped.merges;
  const day = formatDay(since, today);
  if (total === 0) {
    return l10n.t('No commits by {0} since {1}. Much good work never shows in the history: ask what they have been working on.', name, day);
  }
  return total === 1 ? l10n.t('1 commit by {0} since {1}.', name, day) : l10n.t('{0} commits by {1} since {2}.', total, name, day);
}

/** A group's heading: the folder, or the top level, or the merges. */
export function describeShippedGroup(group: ShippedGroup): string {
  if (group.merges) {
    return l10n.t('Merges');
  }
  return group.folder === '' ? l10n.t('Top-level files') : group.folder;
}

/** One line, as copied into the 1:1 notes. */
export function describeShippedLine(line: ShippedLine, today: DateKey): string {
  // {0} the commit's subject, {1} its day.
  return l10n.t('{0} ({1})', line.subject, formatDay(dayOfInstant(line.authoredAt), today));
}

/** "and 4 more", or undefined when nothing was left out. */
export function describeShippedMore(shipped: Shipped): string | undefined {
  if (shipped.more === 0) {
    return undefined;
  }
  return shipped.more === 1 ? l10n.t('and 1 more') : l10n.t('and {0} more', shipped.more);
}

// ---------------------------------------------------------------------------------------------
// Follow-through

/** "5 commits by Priya in billing/ since Tue 24 Nov; last 2 days ago." */
export function describeFollowThrough(name: string, area: string, moved: Moved, since: DateKey, today: DateKey): string {
  const day = formatDay(since, today);
  const count = moved.byDelegate;
  if (count === 0 || moved.lastByDelegateAt === undefined) {
    return l10n.t('No commits by {0} in {1} since {2}.', name, area, day);
  }
  const last = dayOfInstant(moved.lastByDelegateAt);
  const ago = daysBetween(last, today);
  if (count === 1) {
    if (ago <= 0) {
      return l10n.t('1 commit by {0} in {1} since {2}, today.', name, area, day);
    }
    if (ago === 1) {
      return l10n.t('1 commit by {0} in {1} since {2}, yesterday.', name, area, day);
    }
    return ago < 60
      ? l10n.t('1 commit by {0} in {1} since {2}, {3} days ago.', name, area, day, ago)
      : l10n.t('1 commit by {0} in {1} since {2}, on {3}.', name, area, day, formatDay(last, today));
  }
  if (ago <= 0) {
    return l10n.t('{0} commits by {1} in {2} since {3}; last today.', count, name, area, day);
  }
  if (ago === 1) {
    return l10n.t('{0} commits by {1} in {2} since {3}; last yesterday.', count, name, area, day);
  }
  return ago < 60
    ? l10n.t('{0} commits by {1} in {2} since {3}; last {4} days ago.', count, name, area, day, ago)
    : l10n.t('{0} commits by {1} in {2} since {3}; last on {4}.', count, name, area, day, formatDay(last, today));
}

/** "Moving: changed 2 days ago", for a level 6–7 follow-up whose work moved; undefined otherwise. */
export function describeMoving(followThrough: FollowThrough, today: DateKey): string | undefined {
  // The last change by someone other than the lead: the lead's own commit there is not the work moving.
  const last = followThrough.lastMoveAt;
  if (!followThrough.moving || last === undefined) {
    return undefined;
  }
  const ago = daysBetween(dayOfInstant(last), today);
  if (ago <= 0) {
    return l10n.t('Moving: changed today');
  }
  return ago === 1 ? l10n.t('Moving: changed yesterday') : l10n.t('Moving: changed {0} days ago', ago);
}

/** At levels 1–3: the lead's and others' commits in the delegated area, each its own sentence. */
export function describeTakenBack(followThrough: FollowThrough): string[] {
  const taken = followThrough.takenBack;
  if (taken === undefined) {
    return [];
  }
  const lines: string[] = [];
  if (taken.byLead > 0) {
    lines.push(taken.byLead === 1 ? l10n.t('You committed there once.') : l10n.t('You committed there {0} times.', taken.byLead));
  }
  if (taken.byOthers > 0) {
    lines.push(taken.byOthers === 1 ? l10n.t('1 commit there by someone else.') : l10n.t('{0} commits there by others.', taken.byOthers));
  }
  return lines;
}

/** The question for the lead when work was taken back. */
export function takenBackQuestion(name: string, byLead: boolean): string {
  return byLead
    ? l10n.t("Is this still {0}'s to do? If you need it done your way, say so; if not, could you step back?", name)
    : l10n.t('Does {0} know others are working there too?', name);
}

// ---------------------------------------------------------------------------------------------
// Knowledge islands

/** "Priya knows billing/ best: …" (the holder named with care) or the lead's own. */
export function describeIsland(island: KnowledgeIsland, holderName: string): string {
  return island.holder.kind === 'lead'
    ? l10n.t('You made nearly all the changes in {0} in the last 6 months.', island.folder)
    : l10n.t('{0} knows {1} best: nearly all its changes in the last 6 months are theirs.', holderName, island.folder);
}

/** Why spreading the knowledge protects the person who holds it, too. */
export function islandLesson(island: KnowledgeIsland, holderName: string): string {
  return island.holder.kind === 'lead'
    ? l10n.t('Handing {0} over frees your time for leading, and gives someone on the team the chance to grow into it.', island.folder)
    : l10n.t(
        'Sharing {0} protects {1} too: questions and incidents stop landing only on them, and they can take a holiday or move on to new work without being called back.',
        island.folder,
        holderName,
      );
}

/** The question that goes with an island. */
export function islandQuestion(island: KnowledgeIsland, holderName: string): string {
  return island.holder.kind === 'lead'
    ? l10n.t('Who could take over part of {0}?', island.folder)
    : l10n.t('Who could pair with {0} on {1} next?', holderName, island.folder);
}

// ---------------------------------------------------------------------------------------------
// The lead's own week

/** "You made 41 commits and held no 1:1 this week", only when coding crowds out leading. */
export function describeCrowding(week: LeadWeek, oneOnOnes: number): string | undefined {
  return codingCrowdsOutLeading(week, oneOnOnes) ? l10n.t('You made {0} commits and held no 1:1 this week.', week.commits) : undefined;
}

/** The lead's week in figures, each its own sentence. */
export function describeLeadWeek(week: LeadWeek): string[] {
  const lines = [
    week.commits === 0
      ? l10n.t('No commits by you this week.')
      : week.commits === 1
        ? l10n.t('You made 1 commit this week.')
        : l10n.t('You made {0} commits this week.', week.commits),
    week.reviews === 0
      ? l10n.t('No commits this week name you as reviewer.')
      : week.reviews === 1
        ? l10n.t('You reviewed 1 commit this week.')
        : l10n.t('You reviewed {0} commits this week.', week.reviews),
  ];
  if (week.lateDays > 0) {
    lines.push(
      week.lateDays === 1
        ? l10n.t('You committed late on 1 day this week.')
        : l10n.t('You committed late on {0} days this week.', week.lateDays),
    );
  }
  return lines;
}

/** The question for the lead when coding crowds out leading. */
export function crowdingQuestion(): string {
  return l10n.t("Which of this week's code could someone on the team have written, with you reviewing?");
}
