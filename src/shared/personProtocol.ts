import { isBareMessage, readPageMessage } from './pageMessages';

/**
 * Messages between a person page and the extension. Both sides import this module.
 *
 * The extension sends a finished model: every text is plain text, already worded ("12 days ago"),
 * and the page puts it in with textContent only. Nothing in the model is markup.
 */

export interface PersonTimelineEntry {
  /** `YYYY-MM-DD`. */
  readonly on: string;
  /** The day in words: "Fri 28 Nov". */
  readonly day: string;
  readonly kind:
    | 'delegated'
    | 'checkIn'
    | 'levelChanged'
    | 'followUpChanged'
    | 'done'
    | 'reopened'
    | 'edited'
    | 'oneOnOne'
    | 'feedbackGiven'
    | 'feedbackAsked';
  /** One line: "Delegated \"Release notes\" at level 3, Consult". */
  readonly title: string;
  /** Further lines shown under the title (a check-in note, the SBI lines, 1:1 notes when shown). */
  readonly details: readonly string[];
  /** 1 to 5 on a 1:1 that recorded how they were doing. */
  readonly mood?: number;
}

export interface PersonMoodPoint {
  readonly on: string;
  readonly day: string;
  /** 1 struggling … 5 thriving. */
  readonly mood: number;
  /** "4/5, good". */
  readonly label: string;
}

export interface PersonOpenDelegation {
  readonly id: string;
  readonly task: string;
  /** "Consult (3)". */
  readonly level: string;
  /** "due in 3 days", "2 days overdue". */
  readonly followUp: string;
  readonly overdue: boolean;
}

export interface PersonPageModel {
  readonly personId: string;
  readonly name: string;
  readonly role?: string;
  readonly archived: boolean;
  /** "1:1 12 days ago" / "no 1:1 yet". */
  readonly lastOneOnOne: string;
  /** "next 1:1 due in 2 days" / "1:1 overdue by 4 days". */
  readonly nextOneOnOne: string;
  readonly oneOnOneOverdue: boolean;
  /** "every 14 days". */
  readonly cadence: string;
  /** The last up-to-10 1:1s with a mood, oldest first. */
  readonly moods: readonly PersonMoodPoint[];
  readonly openDelegations: readonly PersonOpenDelegation[];
  /** Newest first. */
  readonly timeline: readonly PersonTimelineEntry[];
  readonly prepare: {
    /** What is due with them: overdue follow-ups, the 1:1 itself, follow-ups due before the next 1:1. */
    readonly due: readonly string[];
    /** The notes of the last 1:1, when there are any. */
    readonly lastNotes?: string;
    /** Three questions: how they are, career, feedback. */
    readonly questions: readonly { readonly topic: 'check-in' | 'career' | 'feedback'; readonly text: string }[];
  };
}

export type PersonToPage = { readonly type: 'model'; readonly model: PersonPageModel };

export type PersonToExtension =
  | { readonly type: 'ready' }
  | { readonly type: 'logOneOnOne' }
  | { readonly type: 'logFeedback' }
  | { readonly type: 'logDelegation' }
  | { readonly type: 'rename' }
  | { readonly type: 'checkIn'; readonly delegationId: string }
  | { readonly type: 'copyPrepare' };

const BARE: ReadonlySet<string> = new Set(['ready', 'logOneOnOne', 'logFeedback', 'logDelegation', 'rename', 'copyPrepare']);

/** The extension accepts only these exact shapes from the page. */
export function isPersonToExtension(message: unknown): message is PersonToExtension {
  const m = readPageMessage(message);
  if (m === undefined) {
    return false;
  }
  if (BARE.has(m.type)) {
    return isBareMessage(m, BARE);
  }
  const id = m.fields['delegationId'];
  return m.type === 'checkIn' && m.keys === 'delegationId,type' && typeof id === 'string' && id.length > 0 && id.length <= 100;
}

export function isPersonToPage(message: unknown): message is PersonToPage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'model' &&
    typeof (message as { model?: unknown }).model === 'object' &&
    (message as { model?: unknown }).model !== null
  );
}
