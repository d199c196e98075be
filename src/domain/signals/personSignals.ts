/**
 * What the repository signals say about one linked person, worded for the person page, and which
 * people today's nudge may suggest a check-in with. The contract between the signals feature (which
 * holds the history) and the team feature (which shows a person): plain data, every text already
 * worded, so the team's page puts it in with textContent like the rest of its model.
 *
 * Nothing here is about an unlinked author: a person's signals come only from the identities the lead
 * linked to them, and an author nobody linked is never named.
 *
 * Plain TypeScript with no VS Code dependency.
 */
import { MONDAY_TO_FRIDAY, type DateKey, type Weekday } from '../core/dates';
import type { CommitHistory, IdentityKey } from './history';
import { readPace } from './pace';
import { shippedSince } from './shipped';
import {
  describePace,
  describePaceBasis,
  describeShipped,
  describeShippedGroup,
  describeShippedLine,
  describeShippedMore,
  paceQuestion,
} from './wording';

/** The signals part of a person page. */
export interface PersonSignals {
  /** The commit identities linked to them, `Name <email>`, as the lead linked them. */
  readonly identities: readonly string[];
  /** Set only when their pace rose clearly against their own usual pattern. */
  readonly pace?: {
    /** "Sam committed late on 4 of the last 14 days; usually about 1." */
    readonly lines: readonly string[];
    /** The question to ask them. */
    readonly question: string;
    /** What the line is compared with. */
    readonly basis: string;
  };
  readonly shipped: {
    /** "12 commits by Sam since Tue 24 Nov." */
    readonly summary: string;
    readonly groups: readonly {
      readonly heading: string;
      /** Each line as it is copied into 1:1 notes: "Fix the invoice rounding (Mon 30 Nov)". */
      readonly lines: readonly { readonly hash: string; readonly text: string }[];
    }[];
    /** "and 4 more". */
    readonly more?: string;
  };
}

export interface PersonSignalsInput {
  readonly name: string;
  readonly identities: ReadonlySet<IdentityKey>;
  /** The day of the last 1:1 with them; without one, the last 14 days. */
  readonly lastOneOnOne?: DateKey;
  readonly now: number;
  readonly today: DateKey;
  readonly workdays?: readonly Weekday[];
}

/** The days "shipped since" covers when there was no 1:1 yet. */
export const SHIPPED_DAYS_WITHOUT_ONE_ON_ONE = 14;

/** Midnight at the start of a day, in the machine's time zone (the lead's calendar, as dates.ts). */
function startOfDay(day: DateKey): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

function dayKeyOf(at: number): DateKey {
  const date = new Date(at);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` as DateKey;
}

/** The signals part of one person's page, from the history and their linked identities. */
export function buildPersonSignals(history: CommitHistory, input: PersonSignalsInput): PersonSignals {
  const pace = readPace(history, input.identities, input.now, { workdays: input.workdays ?? MONDAY_TO_FRIDAY });
  const lines = describePace(input.name, pace);
  const question = paceQuestion(pace);
  const sinceDay = input.lastOneOnOne ?? dayKeyOf(input.now - SHIPPED_DAYS_WITHOUT_ONE_ON_ONE * 86_400_000);
  // From the start of that day, as "since Tue 24 Nov" reads.
  const since = startOfDay(sinceDay);
  const shipped = shippedSince(history, input.identities, since, { until: input.now + 1 });
  const more = describeShippedMore(shipped);
  return {
    identities: [...input.identities].sort(),
    ...(lines.length > 0 && question !== undefined ? { pace: { lines, question, basis: describePaceBasis(input.name) } } : {}),
    shipped: {
      summary: describeShipped(input.name, shipped, sinceDay, input.today),
      groups: shipped.groups.map((group) => ({
        heading: describeShippedGroup(group),
        lines: group.lines.map((line) => ({ hash: line.hash, text: describeShippedLine(line, input.today) })),
      })),
      ...(more === undefined ? {} : { more }),
    },
  };
}

/** Whether one person's pace signals now (for today's nudge). */
export function paceSignals(
  history: CommitHistory,
  identities: ReadonlySet<IdentityKey>,
  now: number,
  workdays?: readonly Weekday[],
): boolean {
  return identities.size > 0 && readPace(history, identities, now, { workdays: workdays ?? MONDAY_TO_FRIDAY }).signal;
}
