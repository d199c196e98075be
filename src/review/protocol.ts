import { isBareMessage, readPageMessage } from '../shared/pageMessages';

/**
 * Messages between the Weekly Review panel and the extension. Both sides import this module.
 *
 * The extension sends a finished model: numbers, and texts already worded. The page draws the
 * charts from the numbers (inline SVG, its own small module) and puts every text in with
 * textContent only.
 */

/** One bar or column: a label and a value, with an optional second value stacked on it. */
export interface ChartDatum {
  readonly label: string;
  readonly value: number;
  /** For stacked columns (follow-ups late on top of on time; feedback asked on top of given). */
  readonly second?: number;
  /** Marks a bar the page highlights (the action done least, someone past their 1:1 cadence), said in words too. */
  readonly highlight?: boolean;
}

export interface ReviewChart {
  /** Stable id, used for the section and its table toggle. */
  readonly id: 'actions' | 'delegationsPerPerson' | 'levels' | 'followUps' | 'oneOnOnes' | 'feedback' | 'nudges';
  readonly title: string;
  /** The chart's accessible name: what it shows and the key figures, in one sentence. */
  readonly summary: string;
  /** 'bars': horizontal bars (per person, per action); 'columns': vertical columns (per week, per level). */
  readonly kind: 'bars' | 'columns';
  /** What `value` and `second` mean, e.g. ["on time", "late"]; one entry when there is no second value. */
  readonly series: readonly string[];
  readonly data: readonly ChartDatum[];
  /** A line under the chart in words, e.g. "Nobody got a delegation: Kim, Lee." */
  readonly note?: string;
}

export interface ReflectionPrompt {
  readonly id: string;
  readonly text: string;
  /** The saved answer, or an empty string. */
  readonly answer: string;
}

export interface ReviewPageModel {
  /** `YYYY-MM-DD` of the week's first day: what the page sends back with answers. */
  readonly weekStart: string;
  /** "Week of Mon 17 Nov 2026 (17 to 23 Nov)". */
  readonly title: string;
  /** "This week, so far" / "Last week" / "4 weeks ago". */
  readonly when: string;
  readonly canGoNext: boolean;
  /** One sentence naming the action done least: "You asked for feedback least this week: not once." */
  readonly headline: string;
  readonly charts: readonly ReviewChart[];
  readonly streak: string;
  readonly prompts: readonly ReflectionPrompt[];
  /**
   * The lead's own week from the repository (only while the signals are on): their commits, the
   * reviews that name them and their late days, beside their 1:1s, delegations and feedback of the
   * week. The lead's own data; never in the Markdown export (the signals leave nothing behind).
   */
  readonly balance?: {
    readonly lines: readonly string[];
    /** "Beside 2 1:1s, 3 delegations and 1 feedback entry." */
    readonly beside: string;
    /** "You made 41 commits and held no 1:1 this week." */
    readonly crowding?: string;
    readonly question?: string;
  };
}

export type ReviewToPage =
  { readonly type: 'model'; readonly model: ReviewPageModel } | { readonly type: 'saved'; readonly promptId: string };

export type ReviewToExtension =
  | { readonly type: 'ready' }
  | { readonly type: 'previousWeek' }
  | { readonly type: 'nextWeek' }
  | { readonly type: 'thisWeek' }
  | { readonly type: 'exportMarkdown' }
  | { readonly type: 'copyMarkdown' }
  | { readonly type: 'saveAnswer'; readonly weekStart: string; readonly promptId: string; readonly answer: string };

const BARE: ReadonlySet<string> = new Set(['ready', 'previousWeek', 'nextWeek', 'thisWeek', 'exportMarkdown', 'copyMarkdown']);

/** Longest answer accepted from the page. */
export const ANSWER_MAX = 4000;

/** The extension accepts only these exact shapes from the page. */
export function isReviewToExtension(message: unknown): message is ReviewToExtension {
  const m = readPageMessage(message);
  if (m === undefined) {
    return false;
  }
  if (BARE.has(m.type)) {
    return isBareMessage(m, BARE);
  }
  const { weekStart, promptId, answer } = m.fields;
  return (
    m.type === 'saveAnswer' &&
    m.keys === 'answer,promptId,type,weekStart' &&
    typeof weekStart === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(weekStart) &&
    typeof promptId === 'string' &&
    promptId.length > 0 &&
    promptId.length <= 100 &&
    typeof answer === 'string' &&
    answer.length <= ANSWER_MAX * 2
  );
}

export function isReviewToPage(message: unknown): message is ReviewToPage {
  if (typeof message !== 'object' || message === null) {
    return false;
  }
  const m = message as { type?: unknown; model?: unknown; promptId?: unknown };
  return (m.type === 'model' && typeof m.model === 'object' && m.model !== null) || (m.type === 'saved' && typeof m.promptId === 'string');
}
