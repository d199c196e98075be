import { type NewFeedback, type NewOneOnOne } from './store/change';
import type { DateKey } from '../core/dates';
import { unknownArguments } from '../core/fields';
import { validatePersonName } from './people';
import { validateFeedbackLine } from './feedback';
import { validateMood, validateOneOnOneNotes, validateTopics } from './oneOnOnes';
import { validatePastDay } from './entries';
import * as l10n from '../core/l10n';

/** The argument objects of "Log 1:1" and "Log Feedback", checked with the same rules as typing. Every problem is reported at once. */

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };

function asRecord(raw: unknown, example: string): Record<string, unknown> | string {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
    ? (raw as Record<string, unknown>)
    : l10n.t('Expected an object like {0}.', example);
}

const ONE_ON_ONE_KEYS = ['person', 'date', 'mood', 'notes', 'topics'] as const;

/** `{ person, date?, mood?, notes?, topics? }`: date is `YYYY-MM-DD` or days ago (today by default). */
export function parseLogOneOnOneArgs(raw: unknown, today: DateKey): Parsed<NewOneOnOne> {
  const args = asRecord(raw, '{ "person": "…" }');
  if (typeof args === 'string') {
    return { ok: false, errors: [args] };
  }
  const errors = unknownArguments(args, ONE_ON_ONE_KEYS);
  const person = validatePersonName(args['person']);
  const on = validatePastDay(args['date'] ?? 0, today, l10n.t('The 1:1 date'));
  const mood = validateMood(args['mood']);
  const notes = validateOneOnOneNotes(args['notes']);
  const topics = validateTopics(args['topics']);
  for (const result of [person, on, mood, notes, topics]) {
    if (!result.ok) {
      errors.push(result.error);
    }
  }
  if (errors.length > 0 || !person.ok || !on.ok || !mood.ok || !notes.ok || !topics.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      person: person.value,
      on: on.value,
      ...(mood.value === undefined ? {} : { mood: mood.value }),
      ...(notes.value === undefined ? {} : { notes: notes.value }),
      topics: topics.value,
    },
  };
}

const GIVEN_KEYS = ['kind', 'person', 'date', 'situation', 'behaviour', 'impact'] as const;
const ASKED_KEYS = ['kind', 'person', 'date', 'said', 'change'] as const;

/**
 * `{ kind: "given", person, situation, behaviour, impact, date? }` or
 * `{ kind: "asked", person, said, change, date? }`.
 */
export function parseLogFeedbackArgs(raw: unknown, today: DateKey): Parsed<NewFeedback> {
  const args = asRecord(raw, '{ "kind": "given", "person": "…", "situation": "…", "behaviour": "…", "impact": "…" }');
  if (typeof args === 'string') {
    return { ok: false, errors: [args] };
  }
  const kind = args['kind'];
  if (kind !== 'given' && kind !== 'asked') {
    return {
      ok: false,
      errors: [l10n.t('"kind" must be "given" (with "situation", "behaviour", "impact") or "asked" (with "said", "change").')],
    };
  }
  const errors = unknownArguments(args, kind === 'given' ? GIVEN_KEYS : ASKED_KEYS);
  const person = validatePersonName(args['person']);
  const on = validatePastDay(args['date'] ?? 0, today, l10n.t('The feedback date'));
  const lines = (kind === 'given' ? (['situation', 'behaviour', 'impact'] as const) : (['said', 'change'] as const)).map((key) => ({
    key,
    result: validateFeedbackLine(args[key], feedbackWhat(key)),
  }));
  for (const result of [person, on, ...lines.map((l) => l.result)]) {
    if (!result.ok) {
      errors.push(result.error);
    }
  }
  if (errors.length > 0 || !person.ok || !on.ok) {
    return { ok: false, errors };
  }
  const value = (key: string): string => {
    const line = lines.find((l) => l.key === key)?.result;
    return line?.ok ? line.value : '';
  };
  return {
    ok: true,
    value:
      kind === 'given'
        ? {
            kind,
            person: person.value,
            on: on.value,
            situation: value('situation'),
            behaviour: value('behaviour'),
            impact: value('impact'),
          }
        : { kind, person: person.value, on: on.value, said: value('said'), change: value('change') },
  };
}

/** How each feedback line is named in messages, translated. */
export function feedbackWhat(key: 'situation' | 'behaviour' | 'impact' | 'said' | 'change'): string {
  switch (key) {
    case 'situation':
      return l10n.t('situation');
    case 'behaviour':
      return l10n.t('behavior');
    case 'impact':
      return l10n.t('impact');
    case 'said':
      return l10n.t('answer (what they said)');
    case 'change':
      return l10n.t('change (what you will do differently)');
  }
}
