import type { DateKey } from '../core/dates';
import { asObject, storedText } from '../core/fields';
import { cleanLine } from '../core/text';
import { fail, ok, type Validation } from '../core/validation';
import { readEntryHead } from './entries';
import * as l10n from '../core/l10n';

/** Feedback given to a person and asked of them: plain data, no `vscode`. */

export const FEEDBACK_LINE_MAX = 300;
/** The most feedback entries one team keeps. */
export const FEEDBACK_MAX = 50_000;
/** Days without asking anyone for feedback before the daily nudge turns to feedback. */
export const NOT_ASKING_FEEDBACK_DAYS = 30;

/** Feedback given (situation, behavior, impact) or asked for (what they said, what you will change). */
export type Feedback =
  | {
      readonly id: string;
      readonly personId: string;
      readonly on: DateKey;
      readonly kind: 'given';
      readonly situation: string;
      readonly behaviour: string;
      readonly impact: string;
    }
  | {
      readonly id: string;
      readonly personId: string;
      readonly on: DateKey;
      readonly kind: 'asked';
      readonly said: string;
      readonly change: string;
    };

/** One short line of feedback: the situation, the behavior, the impact, what they said, what you will change. */
export function validateFeedbackLine(value: unknown, what: string): Validation<string> {
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(l10n.t('The {0} cannot be empty.', what));
  }
  return cleanLine(value, { what, max: FEEDBACK_LINE_MAX });
}

/** The last day the lead asked anyone for feedback, or undefined when never. */
export function lastFeedbackAsked(feedback: readonly Feedback[]): DateKey | undefined {
  let last: DateKey | undefined;
  for (const entry of feedback) {
    if (entry.kind === 'asked' && (last === undefined || entry.on > last)) {
      last = entry.on;
    }
  }
  return last;
}

const FEEDBACK_KEYS: Readonly<Record<Feedback['kind'], readonly string[]>> = {
  given: ['id', 'personId', 'on', 'kind', 'situation', 'behaviour', 'impact'],
  asked: ['id', 'personId', 'on', 'kind', 'said', 'change'],
};

/** A stored feedback entry: the same rules as typing, every field known, rebuilt from the known fields only. */
export function validateStoredFeedback(raw: unknown, today: DateKey): Validation<Feedback> {
  const r = asObject(raw);
  if (!r) {
    return fail(l10n.t('not an object'));
  }
  const kind = r['kind'];
  if (kind !== 'given' && kind !== 'asked') {
    return fail(l10n.t('invalid kind (given or asked)'));
  }
  const head = readEntryHead(r, FEEDBACK_KEYS[kind], today);
  if (!head.ok) {
    return head;
  }
  const { id, personId, on } = head.value;
  const line = (key: string): string | undefined => storedText(r[key], (v) => validateFeedbackLine(v, key));
  if (kind === 'given') {
    const [situation, behaviour, impact] = [line('situation'), line('behaviour'), line('impact')];
    if (situation === undefined || behaviour === undefined || impact === undefined) {
      return fail(l10n.t('invalid "situation", "behaviour" or "impact"'));
    }
    return ok({ id, personId, on, kind, situation, behaviour, impact });
  }
  const [said, change] = [line('said'), line('change')];
  if (said === undefined || change === undefined) {
    return fail(l10n.t('invalid said or change'));
  }
  return ok({ id, personId, on, kind, said, change });
}
