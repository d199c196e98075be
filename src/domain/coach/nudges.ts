import { addDays, daysBetween, MONDAY_TO_FRIDAY, weekdayOf, type DateKey, type Weekday } from '../core/dates';
import { describeFollowUp, isOverdue, type Delegation, type MovingTest } from '../team/delegations';
import { compareDays } from '../core/compare';
import { describeLastOneOnOne, isOneOnOneOverdue, lastOneOnOne, nextOneOnOneDue, type OneOnOne } from '../team/oneOnOnes';
import { lastFeedbackAsked, NOT_ASKING_FEEDBACK_DAYS, type Feedback } from '../team/feedback';
import { type Person } from '../team/people';
import * as l10n from '../core/l10n';

export const NUDGE_THEMES = [
  'check-ins',
  'bigger-picture',
  'modelling',
  'delegation',
  'feedback',
  'burnout',
  'creativity',
  'trust',
  'coaching',
  'wellbeing',
  'career-growth',
  'communication',
  'vision',
] as const;

export type NudgeTheme = (typeof NUDGE_THEMES)[number];

export const SHORT_MAX = 36;

/** One entry of `media/nudges.json`. */
export interface Nudge {
  readonly id: string;
  readonly theme: NudgeTheme;
  /** The status-bar text. */
  readonly short: string;
  /** One concrete thing to do today. */
  readonly action: string;
  /** One line on why it matters. */
  readonly why: string;
  /** The id of the related lesson. */
  readonly lesson: string;
  /** A question to ask in a 1:1, offered by "Prepare next 1:1". */
  readonly question?: string;
  /** A question the lead asks themselves, offered by the weekly review. */
  readonly reflection?: string;
}

export const QUESTION_MAX = 160;

export function isNudgeTheme(value: unknown): value is NudgeTheme {
  return typeof value === 'string' && (NUDGE_THEMES as readonly string[]).includes(value);
}

/** Validates the catalogue file; entries that fail are left out and named in `problems`. */
export function parseNudgeCatalogue(raw: unknown): { nudges: Nudge[]; problems: string[] } {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1) {
    return { nudges: [], problems: ['nudges.json must be an object with "version": 1'] };
  }
  const list = (raw as { nudges?: unknown }).nudges;
  if (!Array.isArray(list)) {
    return { nudges: [], problems: ['nudges.json has no "nudges" list'] };
  }
  const nudges: Nudge[] = [];
  const ids = new Set<string>();
  list.forEach((entry: unknown, index) => {
    const n = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const where = `nudge #${index + 1}${typeof n['id'] === 'string' ? ` (${n['id']})` : ''}`;
    const text = (key: string, max: number): string | undefined => {
      const value = n[key];
      return typeof value === 'string' && value.trim().length > 0 && value.length <= max ? value : undefined;
    };
    const id = text('id', 60);
    const short = text('short', SHORT_MAX);
    const action = text('action', 240);
    const why = text('why', 200);
    const lesson = text('lesson', 60);
    const question = n['question'] === undefined ? undefined : text('question', QUESTION_MAX);
    const reflection = n['reflection'] === undefined ? undefined : text('reflection', QUESTION_MAX);
    if (!id || !short || !action || !why || !lesson || !isNudgeTheme(n['theme'])) {
      problems.push(`${where}: missing or invalid field`);
    } else if (n['question'] !== undefined && (question === undefined || !question.trimEnd().endsWith('?'))) {
      problems.push(`${where}: "question" must be one question of at most ${QUESTION_MAX} characters, ending in "?"`);
    } else if (n['reflection'] !== undefined && (reflection === undefined || !reflection.trimEnd().endsWith('?'))) {
      problems.push(`${where}: "reflection" must be one question of at most ${QUESTION_MAX} characters, ending in "?"`);
    } else if (ids.has(id)) {
      problems.push(`${where}: duplicate id`);
    } else {
      ids.add(id);
      nudges.push({
        id,
        theme: n['theme'],
        short,
        action,
        why,
        lesson,
        ...(question === undefined ? {} : { question }),
        ...(reflection === undefined ? {} : { reflection }),
      });
    }
  });
  return { nudges, problems };
}

/** Why today's nudge was chosen. */
export type NudgeReason =
  'daily' | 'another' | 'overdueFollowUp' | 'overdueOneOnOne' | 'paceCheckIn' | 'notDelegating' | 'notAskingFeedback' | 'neglected';

/** What the Today view and the status bar show. */
export interface TodayNudge {
  readonly id: string;
  readonly reason: NudgeReason;
  readonly short: string;
  readonly action: string;
  readonly why: string;
  readonly lesson: string;
  /** The catalogue theme, for a nudge from the catalogue (the Done of a bigger-picture or modeling one offers a moment). */
  readonly theme?: NudgeTheme;
  /** Set when the nudge is about one delegation. */
  readonly delegationId?: string;
  /** Set when the nudge is about one person. */
  readonly personId?: string;
  /** Set when it was picked for the action practised least lately: which, and days since it was last practised. */
  readonly neglect?: Neglect;
}

/** The action the lead practised least over the last two weeks, worked out by the caller (see review.ts). */
export interface Neglect {
  readonly action: string;
  /** The themes whose nudges practise it. */
  readonly themes: readonly NudgeTheme[];
  /** Days since it was last practised; undefined when never. */
  readonly daysSince: number | undefined;
}

/** On how many days out of three a neglected action decides the pick (the others stay the plain daily pick). */
const NEGLECT_DAYS_OF_THREE = 2;

/** Per-user progress through the catalogue, kept in global state. */
export interface NudgeProgress {
  readonly schemaVersion: 1;
  /** Catalogue ids shown since the cycle last started over. */
  readonly shownInCycle: readonly string[];
  /** The pick remembered for each day, with why it was picked (`another`: the lead asked for it). */
  readonly picks: Readonly<Record<string, StoredPick>>;
  /** Days on which the lead marked the nudge done. */
  readonly doneDays: readonly DateKey[];
}

type PickSource = 'daily' | 'notDelegating' | 'notAskingFeedback' | 'neglected' | 'another';
const PICK_SOURCES: readonly string[] = ['daily', 'notDelegating', 'notAskingFeedback', 'neglected', 'another'] satisfies PickSource[];

export interface StoredPick {
  readonly id: string;
  readonly source: PickSource;
  readonly rerolls: number;
}

export const EMPTY_PROGRESS: NudgeProgress = { schemaVersion: 1, shownInCycle: [], picks: {}, doneDays: [] };

/** How long picks and done days are remembered: enough for any streak a person will look at. */
const KEEP_DAYS = 400;

export function readNudgeProgress(raw: unknown): NudgeProgress {
  if (typeof raw !== 'object' || raw === null) {
    return EMPTY_PROGRESS;
  }
  const r = raw as Record<string, unknown>;
  if (r['schemaVersion'] !== 1) {
    return EMPTY_PROGRESS;
  }
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const picks: Record<string, StoredPick> = {};
  if (typeof r['picks'] === 'object' && r['picks'] !== null) {
    for (const [day, pick] of Object.entries(r['picks'] as Record<string, unknown>)) {
      const p = pick as Record<string, unknown> | null;
      if (p && typeof p['id'] === 'string' && PICK_SOURCES.includes(p['source'] as string) && typeof p['rerolls'] === 'number') {
        picks[day] = { id: p['id'], source: p['source'] as PickSource, rerolls: p['rerolls'] };
      }
    }
  }
  return {
    schemaVersion: 1,
    shownInCycle: strings(r['shownInCycle']),
    picks,
    doneDays: strings(r['doneDays']).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)) as DateKey[],
  };
}

/** FNV-1a: a small, stable string hash, so the same day always gives the same pick. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface NudgeContext {
  readonly catalogue: readonly Nudge[];
  /** Themes the lead wants; empty means all. */
  readonly themes: readonly NudgeTheme[];
  readonly today: DateKey;
  readonly delegations: readonly Delegation[];
  /** Days since the lead last logged a delegation; undefined when never. */
  readonly daysSinceLastDelegated: number | undefined;
  readonly people: readonly Person[];
  readonly oneOnOnes: readonly OneOnOne[];
  readonly feedback: readonly Feedback[];
  /** The action practised least over the last 14 days, when the adaptive coach is on; undefined otherwise. */
  readonly neglected?: Neglect;
  /**
   * People (ids) whose commits moved clearly later or into their weekends against their own usual
   * pattern (the repository signals, only when the lead turned them on): a check-in with one of
   * them, phrased as care, may become today's nudge.
   */
  readonly paceCheckIns?: readonly string[];
  /** Whether a delegation's work visibly moves (levels 6–7, the repository signals): its passed follow-up is no follow-up nudge. */
  readonly moving?: MovingTest;
}

/** A person's name for a nudge. */
function nameIn(context: NudgeContext, personId: string): string {
  return context.people.find((p) => p.id === personId)?.name ?? 'them';
}

/**
 * Days since the lead last asked anyone for feedback; with no ask yet, since the first person
 * joined the team (a lead who started tracking yesterday has not neglected anything).
 */
export function daysSinceFeedbackAsked(context: Pick<NudgeContext, 'people' | 'feedback' | 'today'>): number | undefined {
  const last = lastFeedbackAsked(context.feedback);
  if (last !== undefined) {
    return daysBetween(last, context.today);
  }
  let first: DateKey | undefined;
  for (const person of context.people) {
    if (first === undefined || person.addedOn < first) {
      first = person.addedOn;
    }
  }
  return first === undefined ? undefined : daysBetween(first, context.today);
}

/** Days without a delegation before the daily nudge turns to delegating. */
export const NOT_DELEGATING_DAYS = 7;

function enabled(context: NudgeContext): readonly Nudge[] {
  const wanted = context.themes.length === 0 ? context.catalogue : context.catalogue.filter((n) => context.themes.includes(n.theme));
  return wanted.length === 0 ? context.catalogue : wanted;
}

function fromCatalogue(nudge: Nudge, reason: NudgeReason): TodayNudge {
  return { id: nudge.id, reason, short: nudge.short, action: nudge.action, why: nudge.why, lesson: nudge.lesson, theme: nudge.theme };
}

/** The follow-up nudge for the most overdue delegation, naming the person and the task. */
function overdueNudge(context: NudgeContext): TodayNudge | undefined {
  const overdue = context.delegations
    .filter((d) => isOverdue(d, context.today, context.moving))
    .sort((a, b) => compareDays(a.followUpOn, b.followUpOn) || a.id.localeCompare(b.id));
  const first = overdue[0];
  if (!first) {
    return undefined;
  }
  const name = nameIn(context, first.personId);
  const when = describeFollowUp(first, context.today);
  return {
    id: `follow-up:${first.id}`,
    reason: 'overdueFollowUp',
    short: truncate(l10n.t('Follow up with {0}', name), SHORT_MAX),
    action:
      overdue.length > 1
        ? l10n.t(
            'Check in with {0} on "{1}" ({2}) ({3} more overdue in the tracker). Ask how it is going and what they need from you, then mark it done or set the next follow-up.',
            name,
            first.task,
            when,
            overdue.length - 1,
          )
        : l10n.t(
            'Check in with {0} on "{1}" ({2}). Ask how it is going and what they need from you, then mark it done or set the next follow-up.',
            name,
            first.task,
            when,
          ),
    why: l10n.t('A follow-up that slips tells people the work stopped mattering, or that they are on their own.'),
    lesson: 'delegation-levels',
    delegationId: first.id,
  };
}

/** The 1:1 most overdue, by name: meet that person. */
function overdueOneOnOneNudge(context: NudgeContext): TodayNudge | undefined {
  const overdue = context.people
    .map((person) => ({ person, last: lastOneOnOne(context.oneOnOnes, person.id) }))
    .filter(({ person, last }) => isOneOnOneOverdue(person, last, context.today))
    .sort(
      (a, b) => compareDays(nextOneOnOneDue(a.person, a.last), nextOneOnOneDue(b.person, b.last)) || a.person.id.localeCompare(b.person.id),
    );
  const first = overdue[0];
  if (!first) {
    return undefined;
  }
  const late = -daysBetween(context.today, nextOneOnOneDue(first.person, first.last));
  const name = first.person.name;
  const last = describeLastOneOnOne(first.last, context.today);
  const past = late === 1 ? l10n.t('1 day') : l10n.t('{0} days', late);
  const cadence = first.person.cadenceDays;
  return {
    id: `one-on-one:${first.person.id}`,
    reason: 'overdueOneOnOne',
    short: truncate(l10n.t('Meet {0}', name), SHORT_MAX),
    action:
      overdue.length === 1
        ? l10n.t('Book a 1:1 with {0} ({1}, {2} past their {3}-day rhythm). Ask how they are before any status.', name, last, past, cadence)
        : overdue.length === 2
          ? l10n.t(
              'Book a 1:1 with {0} ({1}, {2} past their {3}-day rhythm). Ask how they are before any status. 1 more is due a 1:1 too.',
              name,
              last,
              past,
              cadence,
            )
          : l10n.t(
              'Book a 1:1 with {0} ({1}, {2} past their {3}-day rhythm). Ask how they are before any status. {4} more are due a 1:1 too.',
              name,
              last,
              past,
              cadence,
              overdue.length - 1,
            ),
    why: l10n.t('Regular 1:1s are where people raise what they would never post in a channel, while it is still small.'),
    lesson: 'check-in',
    personId: first.person.id,
  };
}

/**
 * A check-in with a person whose pace signal fired, by name, as care and a question: never the count.
 * The same person all day (the first in id order of those still active), so it does not hop about.
 */
function paceCheckInNudge(context: NudgeContext): TodayNudge | undefined {
  const wanted = new Set(context.paceCheckIns ?? []);
  const person = context.people.filter((p) => wanted.has(p.id) && p.archived !== true).sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!person) {
    return undefined;
  }
  return {
    id: `pace:${person.id}`,
    reason: 'paceCheckIn',
    short: truncate(l10n.t('Check in with {0}', person.name), SHORT_MAX),
    action: l10n.t(
      'Check in with {0}: how is the load at the moment? Ask how they are, and whether anything is keeping them late; listen before you suggest anything.',
      person.name,
    ),
    why: l10n.t(
      'Their commits moved later or into their weekends, compared with their own usual pattern. That is a reason to ask, not an answer: only they know what is behind it.',
    ),
    lesson: 'check-in',
    personId: person.id,
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Chooses deterministically among `pool` for a seed, preferring nudges not yet shown this cycle. */
function choose(
  pool: readonly Nudge[],
  shown: ReadonlySet<string>,
  seed: string,
  exclude?: string,
): { nudge: Nudge; cycleRestarted: boolean } | undefined {
  const sorted = [...pool].sort((a, b) => a.id.localeCompare(b.id));
  let candidates = sorted.filter((n) => !shown.has(n.id) && n.id !== exclude);
  let cycleRestarted = false;
  if (candidates.length === 0) {
    candidates = sorted.filter((n) => n.id !== exclude);
    cycleRestarted = true;
  }
  const nudge = candidates[hashText(seed) % Math.max(1, candidates.length)];
  return nudge ? { nudge, cycleRestarted } : undefined;
}

function record(
  progress: NudgeProgress,
  today: DateKey,
  id: string,
  source: PickSource,
  rerolls: number,
  cycleRestarted: boolean,
): NudgeProgress {
  const oldest = addDays(today, -KEEP_DAYS);
  const picks: NudgeProgress['picks'] = Object.fromEntries([
    ...Object.entries(progress.picks).filter(([day]) => day >= oldest),
    [today, { id, source, rerolls }],
  ]);
  const shownInCycle = cycleRestarted ? [id] : progress.shownInCycle.includes(id) ? progress.shownInCycle : [...progress.shownInCycle, id];
  return { ...progress, shownInCycle, picks };
}

/**
 * Today's nudge. In order: a nudge the lead asked for with "Another one" today; a follow-up on the
 * most overdue delegation, by name; a 1:1 with the person most overdue for one, by name; a check-in
 * with a person whose pace signal fired (repository signals), by name; the pick
 * already made for today; otherwise a new pick: from the feedback theme when nobody was asked for
 * feedback in 30 days, from the delegation theme when nothing was delegated for a week, on two days
 * out of three from the themes of the action practised least lately (when the adaptive coach is
 * on), else from all enabled themes. A new pick never repeats a catalogue nudge until every nudge
 * of its pool has been shown. Returns the progress to save.
 */
export function pickNudgeForDay(
  context: NudgeContext,
  progress: NudgeProgress,
): { nudge: TodayNudge; progress: NudgeProgress } | undefined {
  const byId = new Map(context.catalogue.map((n) => [n.id, n]));
  const existing = progress.picks[context.today];
  const existingNudge = existing ? byId.get(existing.id) : undefined;
  if (existing?.source === 'another' && existingNudge) {
    return { nudge: fromCatalogue(existingNudge, 'another'), progress };
  }
  const followUp = overdueNudge(context) ?? overdueOneOnOneNudge(context) ?? paceCheckInNudge(context);
  if (followUp) {
    return { nudge: followUp, progress };
  }
  if (existing && existingNudge) {
    const nudge = fromCatalogue(existingNudge, existing.source);
    // Today's pick for a neglected action says why while that action is still the one neglected.
    const still =
      existing.source === 'neglected' && context.neglected?.themes.includes(existingNudge.theme) ? context.neglected : undefined;
    return { nudge: still ? { ...nudge, neglect: still } : nudge, progress };
  }
  const pool = enabled(context);
  const shown = new Set(progress.shownInCycle);
  const sinceAsked = daysSinceFeedbackAsked(context);
  if (sinceAsked !== undefined && sinceAsked >= NOT_ASKING_FEEDBACK_DAYS) {
    const feedbackPool = pool.filter((n) => n.theme === 'feedback' && !shown.has(n.id));
    const pick = choose(feedbackPool.length > 0 ? feedbackPool : pool.filter((n) => n.theme === 'feedback'), shown, context.today);
    if (pick) {
      return {
        nudge: fromCatalogue(pick.nudge, 'notAskingFeedback'),
        progress: record(progress, context.today, pick.nudge.id, 'notAskingFeedback', 0, false),
      };
    }
  }
  const notDelegating = context.daysSinceLastDelegated === undefined || context.daysSinceLastDelegated >= NOT_DELEGATING_DAYS;
  if (notDelegating) {
    const delegationPool = pool.filter((n) => n.theme === 'delegation' && !shown.has(n.id));
    const pick = choose(delegationPool, shown, context.today);
    if (pick) {
      return {
        nudge: fromCatalogue(pick.nudge, 'notDelegating'),
        progress: record(progress, context.today, pick.nudge.id, 'notDelegating', 0, false),
      };
    }
  }
  const neglected = context.neglected;
  if (neglected && hashText(`${context.today}#neglect`) % 3 < NEGLECT_DAYS_OF_THREE) {
    const themePool = pool.filter((n) => neglected.themes.includes(n.theme));
    const fresh = themePool.filter((n) => !shown.has(n.id));
    // Within the theme, no repeat until every nudge of it was shown.
    const pick = choose(fresh.length > 0 ? fresh : themePool, shown, `${context.today}#${neglected.action}`);
    if (pick) {
      return {
        nudge: { ...fromCatalogue(pick.nudge, 'neglected'), neglect: neglected },
        progress: record(progress, context.today, pick.nudge.id, 'neglected', 0, false),
      };
    }
  }
  const pick = choose(pool, shown, context.today);
  if (!pick) {
    return undefined;
  }
  return {
    nudge: fromCatalogue(pick.nudge, 'daily'),
    progress: record(progress, context.today, pick.nudge.id, 'daily', 0, pick.cycleRestarted),
  };
}

/** "Another one": a different catalogue nudge for today, remembered for the rest of the day. */
export function pickAnotherNudge(
  context: NudgeContext,
  progress: NudgeProgress,
  currentId: string,
): { nudge: TodayNudge; progress: NudgeProgress } | undefined {
  const rerolls = (progress.picks[context.today]?.rerolls ?? 0) + 1;
  const pick = choose(enabled(context), new Set(progress.shownInCycle), `${context.today}#${rerolls}`, currentId);
  if (!pick) {
    return undefined;
  }
  return {
    nudge: fromCatalogue(pick.nudge, 'another'),
    progress: record(progress, context.today, pick.nudge.id, 'another', rerolls, pick.cycleRestarted),
  };
}

export function markNudgeDone(progress: NudgeProgress, today: DateKey): NudgeProgress {
  if (progress.doneDays.includes(today)) {
    return progress;
  }
  const oldest = addDays(today, -KEEP_DAYS);
  return { ...progress, doneDays: [...progress.doneDays.filter((d) => d >= oldest), today] };
}

export function isNudgeDoneToday(progress: NudgeProgress, today: DateKey): boolean {
  return progress.doneDays.includes(today);
}

/** A streak of nudges done: how many workdays it counts, and the missed workdays it forgave. */
export interface Streak {
  /** Workdays with a nudge done, since the streak began. */
  readonly days: number;
  /** Workdays missed inside it, each on its own, which did not end it. */
  readonly forgiven: number;
}

/** How far back a streak is counted: about ten years of workdays, far more than anyone's streak. */
const STREAK_MAX_DAYS = 3660;

/**
 * The current streak of nudges done, counted on workdays only (`workdays`, Monday to Friday by
 * default): a day off neither counts nor breaks it, and one missed workday on its own is forgiven,
 * so only two missed workdays in a row end it. Habits form through repetition and survive a single
 * miss (Lally et al., 2010); a streak that breaks on one day off teaches the opposite. Today, while
 * still open, is not a miss. A nudge done on a day off counts like any other: pressing Done on a
 * Saturday must not show a streak of 0.
 */
export function streakOf(progress: NudgeProgress, today: DateKey, workdays: readonly Weekday[] = MONDAY_TO_FRIDAY): Streak {
  const done = new Set(progress.doneDays);
  const work = new Set(workdays.length > 0 ? workdays : MONDAY_TO_FRIDAY);
  let days = 0;
  let forgiven = 0;
  let missedInARow = 0;
  for (let back = 0; back < STREAK_MAX_DAYS; back++) {
    const day = addDays(today, -back);
    if (done.has(day)) {
      days++;
      forgiven += missedInARow;
      missedInARow = 0;
    } else if (!work.has(weekdayOf(day))) {
      continue;
    } else if (back > 0) {
      // Today, not done yet, is still open; an earlier workday without one is a miss.
      missedInARow++;
      if (missedInARow >= 2) {
        break;
      }
    }
  }
  return { days, forgiven };
}

/** The streak's length in workdays (see streakOf). */
export function currentStreak(progress: NudgeProgress, today: DateKey, workdays: readonly Weekday[] = MONDAY_TO_FRIDAY): number {
  return streakOf(progress, today, workdays).days;
}
