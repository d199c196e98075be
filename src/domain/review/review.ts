/**
 * The weekly review's figures: how the lead spent their attention on people in one week and the
 * weeks before it, computed from the stored data alone (plain TypeScript, the day passed in).
 *
 * Weeks are local calendar days (`DateKey`), starting on the day the lead chose; no date here is
 * ever a UTC slice, so daylight-saving changes and time zones cannot move a record to another week.
 */
import { addDays, daysBetween, weekdayOf, type DateKey, type Weekday } from '../core/dates';
import { type Delegation } from '../team/delegations';
import { compareDays, compareText } from '../core/compare';
import { currentStreak, type Nudge, type NudgeProgress, type NudgeTheme } from '../coach/nudges';
import { isOneOnOneOverdue, type OneOnOne } from '../team/oneOnOnes';
import type { TeamData } from '../team/kinds';
import type { MomentAction } from '../team/moments';
import * as l10n from '../core/l10n';

/** The article's five actions. */
export const ACTIONS = ['checkIns', 'biggerPicture', 'modelling', 'delegating', 'feedback'] as const;
export type Action = (typeof ACTIONS)[number];

/** Each action in words, translated when read. */
export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  get checkIns() {
    return l10n.t('Check in with people');
  },
  get biggerPicture() {
    return l10n.t('Explain the bigger picture');
  },
  get modelling() {
    return l10n.t('Model the behavior you want');
  },
  get delegating() {
    return l10n.t('Delegate more');
  },
  get feedback() {
    return l10n.t('Ask for feedback');
  },
};

/** The nudge themes whose done nudges count as practising an action (check-ins and delegating also count records). */
export const ACTION_THEMES: Readonly<Record<Action, readonly NudgeTheme[]>> = {
  checkIns: ['check-ins'],
  biggerPicture: ['bigger-picture', 'vision'],
  modelling: ['modelling'],
  delegating: ['delegation'],
  feedback: ['feedback'],
};

/** The kind of moment a nudge of this theme is about: the two actions moments record; undefined for the others. */
export function momentActionOf(theme: NudgeTheme): MomentAction | undefined {
  return ACTION_THEMES.biggerPicture.includes(theme) ? 'biggerPicture' : ACTION_THEMES.modelling.includes(theme) ? 'modelling' : undefined;
}

export interface Week {
  /** The first day of the week. */
  readonly start: DateKey;
  /** The last day (start + 6). */
  readonly end: DateKey;
}

export interface ActionCounts {
  /** Delegation check-ins plus 1:1s, plus check-in nudges done. */
  readonly checkIns: number;
  /** Bigger-picture moments logged, plus bigger-picture and vision nudges done. */
  readonly biggerPicture: number;
  /** Modeling moments logged, plus modelling nudges done. */
  readonly modelling: number;
  /** Delegations logged, plus delegation nudges done. */
  readonly delegating: number;
  /** Feedback asked for, plus feedback nudges done. */
  readonly feedback: number;
}

export interface PersonWeek {
  readonly personId: string;
  readonly name: string;
  /** Delegations logged for them this week. */
  readonly delegated: number;
  /** 1:1s with them this week. */
  readonly oneOnOnes: number;
  /** Days since the last 1:1 as of the week's end (or today, for the current week); undefined when never. */
  readonly daysSinceOneOnOne: number | undefined;
  /** Past their cadence at the week's end (or today). */
  readonly oneOnOneOverdue: boolean;
}

export interface WeekSeriesPoint {
  readonly week: Week;
  /** Follow-ups due that week, kept by their date (a check-in, a new date set or done, on or before it). */
  readonly followUpsOnTime: number;
  /** Follow-ups due that week, kept late or still open after their date. */
  readonly followUpsLate: number;
  readonly feedbackGiven: number;
  readonly feedbackAsked: number;
  readonly nudgesDone: number;
}

export interface WeekFigures {
  readonly week: Week;
  /** True when the week holds today: counts are so far. */
  readonly current: boolean;
  readonly actions: ActionCounts;
  /** Of `actions`, those counted from nudges marked done (the rest from what was logged: 1:1s, moments…). */
  readonly actionsFromNudges: ActionCounts;
  /** The action done least this week (the first in ACTIONS order on a tie). */
  readonly least: Action;
  /** People not archived, and archived people with something this week; by name. */
  readonly people: readonly PersonWeek[];
  /** Names of the people (not archived) given no delegation this week. */
  readonly noDelegation: readonly string[];
  /** Delegations logged this week by level: index 0 is level 1 (Tell) … index 6 level 7 (Delegate). */
  readonly levels: readonly number[];
  /** The chosen week and the 8 before it, oldest first (9 points; the last is the chosen week). */
  readonly series: readonly WeekSeriesPoint[];
  /** The nudge streak as of the week's end (or today). */
  readonly streak: number;
}

export interface ReviewInput {
  readonly data: TeamData;
  readonly progress: NudgeProgress;
  readonly catalogue: readonly Nudge[];
  readonly today: DateKey;
  readonly weekStartsOn: Weekday;
  /** The days the lead works, for the streak (Monday to Friday when left out). */
  readonly workdays?: readonly Weekday[];
}

/** The weeks a review chart shows: the chosen week and the 8 before it. */
export const SERIES_WEEKS = 9;

/** The week holding `day` that starts on `weekStartsOn`: always 7 calendar days, `day` among them. */
export function weekOf(day: DateKey, weekStartsOn: Weekday): Week {
  const start = addDays(day, -((weekdayOf(day) - weekStartsOn + 7) % 7));
  return { start, end: addDays(start, 6) };
}

/**
 * True on the first workday (Monday to Friday) of the week `day` is in, counting from the week's
 * first day: Monday for weeks starting on Saturday, Sunday or Monday, otherwise the first day.
 */
export function isFirstWorkdayOfWeek(day: DateKey, weekStartsOn: Weekday): boolean {
  let first = weekOf(day, weekStartsOn).start;
  while (weekdayOf(first) === 0 || weekdayOf(first) === 6) {
    first = addDays(first, 1);
  }
  return first === day;
}

/** What the review reads; the week's first day does not matter to counts over given days. */
export type PracticeInput = Omit<ReviewInput, 'weekStartsOn'>;

/** A nudge the lead marked done, with its theme. */
export interface DoneNudge {
  readonly day: DateKey;
  readonly id: string;
  readonly theme: NudgeTheme;
}

/**
 * The catalogue nudges marked done, one per day: a done day counts when that day's pick is a
 * catalogue nudge (a `follow-up:…` or `one-on-one:…` pick, or none, has no theme).
 */
export function doneNudges(progress: NudgeProgress, catalogue: readonly Nudge[]): DoneNudge[] {
  const byId = new Map(catalogue.map((n) => [n.id, n]));
  const done: DoneNudge[] = [];
  for (const day of new Set(progress.doneDays)) {
    const pick = Object.hasOwn(progress.picks, day) ? progress.picks[day] : undefined;
    const nudge = pick ? byId.get(pick.id) : undefined;
    if (nudge) {
      done.push({ day, id: nudge.id, theme: nudge.theme });
    }
  }
  return done;
}

/** The actions a theme's done nudges count for. */
function actionsOfTheme(theme: NudgeTheme): Action[] {
  return ACTIONS.filter((action) => ACTION_THEMES[action].includes(theme));
}

/** Where one practice of an action was counted from: a record the lead logged, or a nudge marked done. */
export type PracticeSource = 'record' | 'nudge';

/**
 * Every time an action was practised, by day: delegation check-ins and 1:1s (check-ins),
 * delegations created (delegating), feedback asked for (feedback), moments logged (bigger
 * picture, modeling), and done nudges of each action's themes, except a nudge whose Done logged a
 * moment (counted once, as the moment). The one definition that counts and "last practised" share.
 */
function forEachPractice(input: PracticeInput, visitSource: (action: Action, day: DateKey, source: PracticeSource) => void): void {
  const { data } = input;
  const visit = (action: Action, day: DateKey, source: PracticeSource = 'record'): void => visitSource(action, day, source);
  for (const delegation of data.delegations) {
    visit('delegating', delegation.createdOn);
    for (const event of delegation.history) {
      if (event.kind === 'checkIn') {
        visit('checkIns', event.on);
      }
    }
  }
  for (const meeting of data.oneOnOnes) {
    visit('checkIns', meeting.on);
  }
  for (const entry of data.feedback) {
    if (entry.kind === 'asked') {
      visit('feedback', entry.on);
    }
  }
  const logged = new Set<string>();
  for (const moment of data.moments) {
    visit(moment.action, moment.on);
    if (moment.nudgeId !== undefined) {
      logged.add(`${moment.on} ${moment.nudgeId}`);
    }
  }
  for (const { day, id, theme } of doneNudges(input.progress, input.catalogue)) {
    if (logged.has(`${day} ${id}`)) {
      continue;
    }
    for (const action of actionsOfTheme(theme)) {
      visit(action, day, 'nudge');
    }
  }
}

function zeroCounts(): Record<Action, number> {
  return { checkIns: 0, biggerPicture: 0, modelling: 0, delegating: 0, feedback: 0 };
}

/** Counts of the five actions over the days from `from` to `to`, both included. */
export function actionCounts(input: PracticeInput, from: DateKey, to: DateKey): ActionCounts {
  const counts = zeroCounts();
  forEachPractice(input, (action, day) => {
    if (from <= day && day <= to) {
      counts[action]++;
    }
  });
  return counts;
}

/** Of the counts over those days, how many came from nudges marked done (the rest are records logged). */
export function actionCountsFromNudges(input: PracticeInput, from: DateKey, to: DateKey): ActionCounts {
  const counts = zeroCounts();
  forEachPractice(input, (action, day, source) => {
    if (source === 'nudge' && from <= day && day <= to) {
      counts[action]++;
    }
  });
  return counts;
}

/** The action with the smallest count; on a tie, the first in ACTIONS order. */
export function leastAction(counts: ActionCounts): Action {
  let least: Action = ACTIONS[0];
  for (const action of ACTIONS) {
    if (counts[action] < counts[least]) {
      least = action;
    }
  }
  return least;
}

/** The last day on or before `today` the action was practised (same definitions as the counts); undefined when never. */
export function lastPractised(input: PracticeInput, action: Action): DateKey | undefined {
  let last: DateKey | undefined;
  forEachPractice(input, (a, day) => {
    if (a === action && day <= input.today && (last === undefined || day > last)) {
      last = day;
    }
  });
  return last;
}

/** One follow-up date of a delegation and how it was kept. */
export interface FollowUpOutcome {
  readonly due: DateKey;
  readonly onTime: boolean;
}

/**
 * The follow-up dates a delegation has had, each with how it was kept. The original date is the
 * first `followUpChanged` event's `from` (with none, the current follow-up is the only date); each
 * `followUpChanged` sets the next. A date is kept by the first later check-in, new date or done:
 * on time when that falls on or before it, late otherwise. A date nothing kept is late once it is
 * before `asOf` and the delegation is open; on or after `asOf` it is left out (not due yet).
 */
export function followUpOutcomes(delegation: Delegation, asOf: DateKey): FollowUpOutcome[] {
  // Stable: events of one day keep their stored order (a check-in, then the new date it set).
  const events = [...delegation.history].sort((a, b) => compareDays(a.on, b.on));
  const firstChange = events.find((event) => event.kind === 'followUpChanged');
  let pending: DateKey | undefined = firstChange?.kind === 'followUpChanged' ? firstChange.from : delegation.followUpOn;
  const outcomes: FollowUpOutcome[] = [];
  for (const event of events) {
    if (event.kind !== 'checkIn' && event.kind !== 'followUpChanged' && event.kind !== 'done') {
      continue;
    }
    if (pending !== undefined) {
      outcomes.push({ due: pending, onTime: event.on <= pending });
      pending = undefined;
    }
    if (event.kind === 'followUpChanged') {
      pending = event.to;
    }
  }
  if (pending !== undefined) {
    if (delegation.doneOn !== undefined) {
      // Done, though the history no longer holds the event (the oldest events make room past HISTORY_MAX).
      outcomes.push({ due: pending, onTime: delegation.doneOn <= pending });
    } else if (pending < asOf) {
      outcomes.push({ due: pending, onTime: false });
    }
  }
  return outcomes;
}

/** The day a week's figures are as of: its last day, or today when the week holds today (never after today). */
export function asOfDay(week: Week, today: DateKey): DateKey {
  return week.end < today ? week.end : today;
}

/**
 * Everything the weekly review shows for `week`: the five actions, per person, levels, the series
 * of the 9 weeks ending with it, and the streak, as of its last day (or today, for the current week).
 */
export function weekFigures(input: ReviewInput, week: Week): WeekFigures {
  const { data, today } = input;
  const inWeek = (day: DateKey): boolean => week.start <= day && day <= week.end;
  const current = inWeek(today);
  const asOf = asOfDay(week, today);

  const delegated = new Map<string, number>();
  const levels = [0, 0, 0, 0, 0, 0, 0];
  for (const delegation of data.delegations) {
    if (inWeek(delegation.createdOn)) {
      delegated.set(delegation.personId, (delegated.get(delegation.personId) ?? 0) + 1);
      levels[delegation.level - 1] = (levels[delegation.level - 1] ?? 0) + 1;
    }
  }
  const meetings = new Map<string, number>();
  const lastMeeting = new Map<string, OneOnOne>();
  for (const meeting of data.oneOnOnes) {
    if (inWeek(meeting.on)) {
      meetings.set(meeting.personId, (meetings.get(meeting.personId) ?? 0) + 1);
    }
    const last = lastMeeting.get(meeting.personId);
    if (meeting.on <= asOf && (last === undefined || meeting.on > last.on)) {
      lastMeeting.set(meeting.personId, meeting);
    }
  }
  const people: PersonWeek[] = data.people
    .map((person) => ({ person, delegated: delegated.get(person.id) ?? 0, oneOnOnes: meetings.get(person.id) ?? 0 }))
    .filter(({ person, delegated: d, oneOnOnes }) => !person.archived || d > 0 || oneOnOnes > 0)
    .sort(
      (a, b) =>
        compareText(a.person.name, b.person.name) || compareDays(a.person.name, b.person.name) || compareDays(a.person.id, b.person.id),
    )
    .map(({ person, delegated: d, oneOnOnes }) => {
      const last = lastMeeting.get(person.id);
      return {
        personId: person.id,
        name: person.name,
        delegated: d,
        oneOnOnes,
        daysSinceOneOnOne: last === undefined ? undefined : daysBetween(last.on, asOf),
        oneOnOneOverdue: isOneOnOneOverdue(person, last, asOf),
      };
    });
  const archived = new Set(data.people.filter((p) => p.archived).map((p) => p.id));
  const noDelegation = people.filter((p) => !archived.has(p.personId) && p.delegated === 0).map((p) => p.name);

  const outcomes = data.delegations.flatMap((delegation) => followUpOutcomes(delegation, asOf));
  const doneDays = [...new Set(input.progress.doneDays)];
  const series: WeekSeriesPoint[] = [];
  for (let back = SERIES_WEEKS - 1; back >= 0; back--) {
    const start = addDays(week.start, -7 * back);
    const w: Week = back === 0 ? week : { start, end: addDays(start, 6) };
    const within = (day: DateKey): boolean => w.start <= day && day <= w.end;
    const due = outcomes.filter((o) => within(o.due));
    series.push({
      week: w,
      followUpsOnTime: due.filter((o) => o.onTime).length,
      followUpsLate: due.filter((o) => !o.onTime).length,
      feedbackGiven: data.feedback.filter((f) => f.kind === 'given' && within(f.on)).length,
      feedbackAsked: data.feedback.filter((f) => f.kind === 'asked' && within(f.on)).length,
      nudgesDone: doneDays.filter(within).length,
    });
  }

  const actions = actionCounts(input, week.start, week.end);
  return {
    week,
    current,
    actions,
    actionsFromNudges: actionCountsFromNudges(input, week.start, week.end),
    least: leastAction(actions),
    people,
    noDelegation,
    levels,
    series,
    streak: currentStreak(input.progress, asOf, input.workdays),
  };
}

/**
 * The action practised least over the last `days` days (today included; fewer than 1 counts as 1);
 * undefined when all are equal and above zero. `daysSince`: days since it was last practised, on
 * any day the data holds up to today; undefined when never.
 */
export function neglectedAction(input: PracticeInput, days: number): { action: Action; daysSince: number | undefined } | undefined {
  const span = Number.isFinite(days) && days >= 1 ? Math.floor(days) : 1;
  const counts = actionCounts(input, addDays(input.today, -(span - 1)), input.today);
  const first = counts[ACTIONS[0]];
  if (first > 0 && ACTIONS.every((action) => counts[action] === first)) {
    return undefined;
  }
  const action = leastAction(counts);
  const last = lastPractised(input, action);
  return { action, daysSince: last === undefined ? undefined : daysBetween(last, input.today) };
}
