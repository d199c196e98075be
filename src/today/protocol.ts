import { isBareMessage, readPageMessage } from '../shared/pageMessages';

/** Messages between the Today view and the extension. Both sides import this module. */

export interface TodayViewState {
  readonly nudge?: {
    readonly short: string;
    readonly action: string;
    readonly why: string;
    /** Why this nudge was picked, in words, when it was not the plain daily pick. */
    readonly reasonNote?: string;
    readonly lessonTitle?: string;
    /** Set on a bigger-picture or modeling nudge: Done then offers one optional line, kept as a moment. */
    readonly offersMoment?: boolean;
  };
  readonly doneToday: boolean;
  readonly stats: {
    readonly active: number;
    readonly overdue: number;
    readonly streak: number;
    /** The streak's rule in words, with the missed workdays it forgave: the streak's tooltip. */
    readonly streakNote: string;
    /** Days since the lead last asked anyone for feedback; undefined when never. */
    readonly daysSinceFeedbackAsked?: number;
  };
  /** On the first workday of a week: offer last week's review. */
  readonly offerLastWeekReview?: boolean;
  /** Shown instead of a nudge when the catalogue could not be read. */
  readonly problem?: string;
}

export type TodayToPage = { readonly type: 'state'; readonly state: TodayViewState };

export type TodayToExtension =
  | { readonly type: 'ready' }
  | { readonly type: 'done' }
  | { readonly type: 'another' }
  | { readonly type: 'openLesson' }
  | { readonly type: 'showDelegations' }
  | { readonly type: 'logDelegation' }
  | { readonly type: 'logOneOnOne' }
  | { readonly type: 'logFeedbackAsked' }
  | { readonly type: 'openReview' }
  | { readonly type: 'openLastWeekReview' };

const TODAY_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'ready',
  'done',
  'another',
  'openLesson',
  'showDelegations',
  'logDelegation',
  'logOneOnOne',
  'logFeedbackAsked',
  'openReview',
  'openLastWeekReview',
]);

/** The extension accepts only these exact shapes from the page. */
export function isTodayToExtension(message: unknown): message is TodayToExtension {
  const m = readPageMessage(message);
  return m !== undefined && isBareMessage(m, TODAY_MESSAGE_TYPES);
}
