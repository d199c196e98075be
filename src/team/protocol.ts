import { isBareMessage, readPageMessage } from '../shared/pageMessages';

/**
 * The team's two pages and the extension, both sides of each importing this module: a person page
 * (Person…) and the Log 1:1 form (OneOnOne…), each with its own messages and checks.
 */

// ---------------------------------------------------------------------------------------------
// A person page

/**
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
    | 'feedbackAsked'
    | 'biggerPicture'
    | 'modelling';
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
  /**
   * What moved in the code it points at (the repository signals, when on and it points at code):
   * "Moving: changed 2 days ago" at levels 6–7, the line since it was delegated and since the last
   * check-in, what others did there at levels 1–3, and the question that goes with it.
   */
  readonly code?: {
    readonly moving?: string;
    readonly lines: readonly string[];
    readonly question?: string;
  };
}

/**
 * The repository signals' part of a person page, only when the lead turned them on and linked this
 * person to commit identities (see domain/signals/personSignals.ts, which words it).
 */
export interface PersonSignalsPart {
  /** `Name <email>` of each identity linked to them. */
  readonly identities: readonly string[];
  /** Only when their pace rose clearly against their own usual pattern. */
  readonly pace?: { readonly lines: readonly string[]; readonly question: string; readonly basis: string };
  /** Shipped since the last 1:1, for Prepare next 1:1. */
  readonly shipped: {
    readonly summary: string;
    readonly groups: readonly { readonly heading: string; readonly lines: readonly { readonly hash: string; readonly text: string }[] }[];
    readonly more?: string;
  };
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
  readonly signals?: PersonSignalsPart;
}

export type PersonToPage = { readonly type: 'model'; readonly model: PersonPageModel };

export type PersonToExtension =
  | { readonly type: 'ready' }
  | { readonly type: 'logOneOnOne' }
  | { readonly type: 'logFeedback' }
  | { readonly type: 'logDelegation' }
  | { readonly type: 'logMoment' }
  | { readonly type: 'rename' }
  | { readonly type: 'checkIn'; readonly delegationId: string }
  | { readonly type: 'copyPrepare' }
  /** Copy one shipped-since line (by its commit) to the clipboard, for the 1:1 notes. */
  | { readonly type: 'copyShipped'; readonly hash: string };

const BARE: ReadonlySet<string> = new Set(['ready', 'logOneOnOne', 'logFeedback', 'logDelegation', 'logMoment', 'rename', 'copyPrepare']);

/** The extension accepts only these exact shapes from the page. */
export function isPersonToExtension(message: unknown): message is PersonToExtension {
  const m = readPageMessage(message);
  if (m === undefined) {
    return false;
  }
  if (BARE.has(m.type)) {
    return isBareMessage(m, BARE);
  }
  const hash = m.fields['hash'];
  if (m.type === 'copyShipped') {
    return m.keys === 'hash,type' && typeof hash === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(hash);
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

// ---------------------------------------------------------------------------------------------
// The Log 1:1 form

export interface OneOnOneFormState {
  /** Names of the people in the team (not archived), for the name field's suggestions. */
  readonly people: readonly string[];
  /** The person the form opened for, if any. */
  readonly person?: string;
  /** `YYYY-MM-DD`: the default day and the latest allowed. */
  readonly today: string;
  readonly moods: readonly { readonly value: number; readonly word: string }[];
  readonly topics: readonly { readonly value: string; readonly label: string }[];
}

/** What the form sends: the fields as typed; the extension validates them with the same rules as the command's argument. */
export interface OneOnOneForm {
  readonly person: string;
  readonly date: string;
  readonly mood: number | null;
  readonly topics: readonly string[];
  readonly notes: string;
}

export type OneOnOneToExtension = { readonly type: 'save'; readonly form: OneOnOneForm } | { readonly type: 'cancel' };

export type OneOnOneToPage = { readonly type: 'errors'; readonly errors: readonly string[] };

const MAX_FIELD = 20_000;
const CANCEL: ReadonlySet<string> = new Set(['cancel']);

/** The extension accepts only these exact shapes from the page. */
export function isOneOnOneToExtension(message: unknown): message is OneOnOneToExtension {
  const m = readPageMessage(message);
  if (m === undefined) {
    return false;
  }
  if (m.type === 'cancel') {
    return isBareMessage(m, CANCEL);
  }
  const form = m.fields['form'];
  if (m.type !== 'save' || m.keys !== 'form,type' || typeof form !== 'object' || form === null) {
    return false;
  }
  const f = form as Record<string, unknown>;
  return (
    Object.keys(f).sort().join(',') === 'date,mood,notes,person,topics' &&
    typeof f['person'] === 'string' &&
    f['person'].length <= MAX_FIELD &&
    typeof f['date'] === 'string' &&
    f['date'].length <= 20 &&
    (f['mood'] === null || typeof f['mood'] === 'number') &&
    typeof f['notes'] === 'string' &&
    f['notes'].length <= MAX_FIELD &&
    Array.isArray(f['topics']) &&
    f['topics'].length <= 10 &&
    f['topics'].every((t) => typeof t === 'string' && t.length <= 40)
  );
}

export function isOneOnOneToPage(message: unknown): message is OneOnOneToPage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'errors' &&
    Array.isArray((message as { errors?: unknown }).errors)
  );
}
