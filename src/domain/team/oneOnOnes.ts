import { addDays, daysBetween, describeDaysAgo, type DateKey } from '../core/dates';
import { asObject, storedText } from '../core/fields';
import { cleanText } from '../core/text';
import { fail, ok, type Validation } from '../core/validation';
import { readEntryHead } from './entries';
import type { Person } from './people';
import * as l10n from '../core/l10n';

/** 1:1s and check-ins with a person: plain data, no `vscode`. */

export const ONE_ON_ONE_NOTES_MAX = 10_000;
/** The most 1:1s one team keeps. */
export const ONE_ON_ONES_MAX = 50_000;

/** 1 struggling … 5 thriving. */
export type Mood = 1 | 2 | 3 | 4 | 5;
/** The mood in one word, translated when read. */
export const MOOD_WORDS: Readonly<Record<Mood, string>> = {
  get 1() {
    return l10n.t('struggling');
  },
  get 2() {
    return l10n.t('strained');
  },
  get 3() {
    return l10n.t('steady');
  },
  get 4() {
    return l10n.t('good');
  },
  get 5() {
    return l10n.t('thriving');
  },
};

/** What came up in a 1:1. */
export const TOPICS = ['career', 'feedbackGiven', 'feedbackAsked', 'blockers', 'biggerPicture'] as const;
export type Topic = (typeof TOPICS)[number];
/** Each topic in words, translated when read. */
export const TOPIC_LABELS: Readonly<Record<Topic, string>> = {
  get career() {
    return l10n.t('career');
  },
  get feedbackGiven() {
    return l10n.t('feedback given');
  },
  get feedbackAsked() {
    return l10n.t('feedback asked');
  },
  get blockers() {
    return l10n.t('blockers');
  },
  get biggerPicture() {
    return l10n.t('the bigger picture');
  },
};

export interface OneOnOne {
  readonly id: string;
  readonly personId: string;
  readonly on: DateKey;
  readonly mood?: Mood;
  /** Private notes: they leave the editor only when the export setting allows. */
  readonly notes?: string;
  readonly topics: readonly Topic[];
}

export function isMood(value: unknown): value is Mood {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && (TOPICS as readonly string[]).includes(value);
}

export function validateMood(value: unknown): Validation<Mood | undefined> {
  if (value === undefined || value === null) {
    return ok(undefined);
  }
  return isMood(value) ? ok(value) : fail(l10n.t('How they are doing is 1 (struggling) to 5 (thriving), or left out.'));
}

export function validateTopics(value: unknown): Validation<Topic[]> {
  if (value === undefined || value === null) {
    return ok([]);
  }
  if (!Array.isArray(value) || !value.every(isTopic)) {
    return fail(l10n.t('Topics must be a list of: {0}.', TOPICS.join(', ')));
  }
  // Stored in one order, each once, so two entries with the same topics compare equal.
  return ok(TOPICS.filter((topic) => (value as unknown[]).includes(topic)));
}

export function validateOneOnOneNotes(value: unknown): Validation<string | undefined> {
  if (value === undefined || value === null) {
    return ok(undefined);
  }
  if (typeof value === 'string' && value.trim() === '') {
    return ok(undefined);
  }
  return cleanText(value, { what: l10n.t('notes'), max: ONE_ON_ONE_NOTES_MAX });
}

/** The last 1:1 with a person, or undefined when there has been none. */
export function lastOneOnOne(oneOnOnes: readonly OneOnOne[], personId: string): OneOnOne | undefined {
  let last: OneOnOne | undefined;
  for (const meeting of oneOnOnes) {
    if (meeting.personId === personId && (last === undefined || meeting.on > last.on)) {
      last = meeting;
    }
  }
  return last;
}

/** When the next 1:1 is due: a cadence after the last one, or after the day they were added. */
export function nextOneOnOneDue(person: Person, last: OneOnOne | undefined): DateKey {
  return addDays(last?.on ?? person.addedOn, person.cadenceDays);
}

export function isOneOnOneOverdue(person: Person, last: OneOnOne | undefined, today: DateKey): boolean {
  return !person.archived && daysBetween(today, nextOneOnOneDue(person, last)) < 0;
}

/** "1:1 12 days ago", or "no 1:1 yet". */
export function describeLastOneOnOne(last: OneOnOne | undefined, today: DateKey): string {
  return last === undefined ? l10n.t('no 1:1 yet') : l10n.t('1:1 {0}', describeDaysAgo(last.on, today));
}

/** "next 1:1 due in 3 days", "next 1:1 due today", "1:1 overdue by 4 days". */
export function describeNextOneOnOne(person: Person, last: OneOnOne | undefined, today: DateKey): string {
  const ahead = daysBetween(today, nextOneOnOneDue(person, last));
  if (ahead < 0) {
    return ahead === -1 ? l10n.t('1:1 overdue by 1 day') : l10n.t('1:1 overdue by {0} days', -ahead);
  }
  if (ahead === 0) {
    return l10n.t('next 1:1 due today');
  }
  if (ahead === 1) {
    return l10n.t('next 1:1 due tomorrow');
  }
  return l10n.t('next 1:1 due in {0} days', ahead);
}

export function describeMood(mood: Mood): string {
  return l10n.t('{0}/5, {1}', mood, MOOD_WORDS[mood]);
}

const ONE_ON_ONE_KEYS = ['id', 'personId', 'on', 'mood', 'notes', 'topics'] as const;

/** A stored 1:1: the same rules as typing, every field known, rebuilt from the known fields only. */
export function validateStoredOneOnOne(raw: unknown, today: DateKey): Validation<OneOnOne> {
  const r = asObject(raw);
  if (!r) {
    return fail(l10n.t('not an object'));
  }
  const head = readEntryHead(r, ONE_ON_ONE_KEYS, today);
  if (!head.ok) {
    return head;
  }
  const { id, personId, on } = head.value;
  if (r['mood'] !== undefined && !isMood(r['mood'])) {
    return fail(l10n.t('invalid mood (1 to 5)'));
  }
  const notes = r['notes'] === undefined ? undefined : storedText(r['notes'], validateOneOnOneNotes);
  if (r['notes'] !== undefined && notes === undefined) {
    return fail(l10n.t('invalid notes'));
  }
  const topics = validateTopics(r['topics']);
  if (
    !topics.ok ||
    !Array.isArray(r['topics']) ||
    topics.value.length !== r['topics'].length ||
    topics.value.some((t, i) => t !== (r['topics'] as unknown[])[i])
  ) {
    return fail(l10n.t('invalid topics'));
  }
  return ok({
    id,
    personId,
    on,
    ...(isMood(r['mood']) ? { mood: r['mood'] } : {}),
    ...(notes === undefined ? {} : { notes }),
    topics: topics.value,
  });
}
