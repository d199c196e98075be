import { addDays, daysBetween, formatDay, parseDateKey, type DateKey } from './dates';
import { DATE_RANGE_DAYS, DAY_COUNT_MAX, isStoredId, personKey, storedDay, storedText, validateDayCount, validatePerson, type Validation } from './delegation';
import { cleanLine, cleanText } from './text';
import * as l10n from './l10n';

/** The people a lead works with, their 1:1s and the feedback given and asked: plain data, no `vscode`. */

export const ROLE_MAX = 80;
export const ONE_ON_ONE_NOTES_MAX = 10_000;
export const FEEDBACK_LINE_MAX = 300;
export const CADENCE_MIN_DAYS = 1;
export const CADENCE_MAX_DAYS = 365;
export const DEFAULT_CADENCE_DAYS = 14;
/** The most people, 1:1s and feedback entries one workspace keeps. */
export const PEOPLE_MAX = 2_000;
export const ONE_ON_ONES_MAX = 50_000;
export const FEEDBACK_MAX = 50_000;
/** Days without asking anyone for feedback before the daily nudge turns to feedback. */
export const NOT_ASKING_FEEDBACK_DAYS = 30;

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role?: string;
  /** Days between 1:1s. */
  readonly cadenceDays: number;
  /** The day the person was added; with no 1:1 yet, the first is due a cadence after it. */
  readonly addedOn: DateKey;
  /** Hidden from pickers and views; everything about them is kept, and they can be restored. */
  readonly archived?: true;
}

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

/** Feedback given (situation, behaviour, impact) or asked for (what they said, what you will change). */
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

const ok = <T>(value: T): Validation<T> => ({ ok: true, value });
const fail = <T>(error: string): Validation<T> => ({ ok: false, error });

export function isMood(value: unknown): value is Mood {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && (TOPICS as readonly string[]).includes(value);
}

export function validateRole(value: unknown): Validation<string | undefined> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return ok(undefined);
  }
  return cleanLine(value, { what: l10n.t('role'), max: ROLE_MAX });
}

export function validateCadence(value: unknown): Validation<number> {
  const days = validateDayCount(value, l10n.t('The 1:1 cadence'));
  if (!days.ok) {
    return days;
  }
  return days.value < CADENCE_MIN_DAYS || days.value > CADENCE_MAX_DAYS
    ? fail(l10n.t('The 1:1 cadence must be from {0} to {1} days.', CADENCE_MIN_DAYS, CADENCE_MAX_DAYS))
    : days;
}

/**
 * A 1:1 or feedback day: `YYYY-MM-DD` or a whole number of days ago; today or earlier, within ten
 * years. `what` names it as the subject of a sentence, translated ("The 1:1 date").
 */
export function validatePastDay(value: unknown, today: DateKey, what: string): Validation<DateKey> {
  let day: DateKey | undefined;
  if (typeof value === 'number') {
    const ago = validateDayCount(value, l10n.t('{0} given in days ago', what));
    if (!ago.ok) {
      return ago;
    }
    day = addDays(today, -ago.value);
  } else {
    day = parseDateKey(value);
    if (!day) {
      return fail(l10n.t('Give {0} as a date like {1}, or a number of days ago.', lowerFirst(what), today));
    }
  }
  if (daysBetween(today, day) > 0) {
    return fail(l10n.t('{0} cannot be in the future (today is {1}).', what, today));
  }
  if (daysBetween(day, today) > Math.min(DATE_RANGE_DAYS, DAY_COUNT_MAX)) {
    return fail(l10n.t('{0} must be within the last ten years.', what));
  }
  return ok(day);
}

/** "The 1:1 date" → "the 1:1 date", for the middle of a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
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

/** One short line of feedback: the situation, the behaviour, the impact, what they said, what you will change. */
export function validateFeedbackLine(value: unknown, what: string): Validation<string> {
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(l10n.t('The {0} cannot be empty.', what));
  }
  return cleanLine(value, { what, max: FEEDBACK_LINE_MAX });
}

export { validatePerson as validatePersonName };

// ---------------------------------------------------------------------------------------------
// Cadence and wording

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

/** "today", "yesterday", "12 days ago", with weeks and months for longer gaps. */
export function describeDaysAgo(day: DateKey, today: DateKey): string {
  const ago = daysBetween(day, today);
  if (ago <= 0) {
    return ago === 0 ? l10n.t('today') : l10n.t('on {0}', formatDay(day, today));
  }
  if (ago === 1) {
    return l10n.t('yesterday');
  }
  if (ago < 60) {
    return l10n.t('{0} days ago', ago);
  }
  return l10n.t('on {0}', formatDay(day, today));
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

/** The person a name refers to among `people` (names compared as personKey does), archived ones included. */
export function findPersonByName(people: readonly Person[], name: string): Person | undefined {
  const key = personKey(name);
  return people.find((p) => personKey(p.name) === key);
}

// ---------------------------------------------------------------------------------------------
// Stored records: the same rules as typing, every field known, rebuilt from the known fields only

function unknownFields(r: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  const unknown = Object.keys(r).filter((key) => !allowed.includes(key));
  return unknown.length > 0 ? l10n.t('unknown field {0}', unknown.slice(0, 3).map((key) => JSON.stringify(key.slice(0, 40))).join(', ')) : undefined;
}

function asObject(raw: unknown): Record<string, unknown> | undefined {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

const PERSON_KEYS = ['id', 'name', 'role', 'cadenceDays', 'addedOn', 'archived'] as const;

export function validateStoredPerson(raw: unknown, today: DateKey): Validation<Person> {
  const r = asObject(raw);
  if (!r) {
    return fail(l10n.t('not an object'));
  }
  const extra = unknownFields(r, PERSON_KEYS);
  if (extra) {
    return fail(extra);
  }
  if (!isStoredId(r['id'])) {
    return fail(l10n.t('missing or invalid id'));
  }
  const name = storedText(r['name'], validatePerson);
  if (name === undefined) {
    return fail(l10n.t('invalid name'));
  }
  const role = r['role'] === undefined ? undefined : storedText(r['role'], validateRole);
  if (r['role'] !== undefined && role === undefined) {
    return fail(l10n.t('invalid role'));
  }
  const cadence = validateCadence(r['cadenceDays']);
  if (!cadence.ok) {
    return fail(l10n.t('invalid cadenceDays'));
  }
  const addedOn = storedDay(r['addedOn'], today);
  if (!addedOn) {
    return fail(l10n.t('invalid addedOn (a real date within ten years of today)'));
  }
  if (r['archived'] !== undefined && r['archived'] !== true) {
    return fail(l10n.t('invalid archived (true or left out)'));
  }
  return ok({
    id: r['id'],
    name,
    ...(role === undefined ? {} : { role }),
    cadenceDays: cadence.value,
    addedOn,
    ...(r['archived'] === true ? { archived: true as const } : {}),
  });
}

/** What a stored 1:1 and a feedback entry both start with: only known fields, an id, a person and a day. */
function readEntryHead(r: Record<string, unknown>, allowed: readonly string[], today: DateKey): Validation<{ id: string; personId: string; on: DateKey }> {
  const extra = unknownFields(r, allowed);
  if (extra) {
    return fail(extra);
  }
  const id = r['id'];
  const personId = r['personId'];
  if (!isStoredId(id)) {
    return fail(l10n.t('missing or invalid id'));
  }
  if (!isStoredId(personId)) {
    return fail(l10n.t('missing or invalid personId'));
  }
  const on = storedDay(r['on'], today);
  // Not checked against today: after a flight west, a 1:1 logged "today" lies a day ahead.
  if (!on) {
    return fail(l10n.t('invalid day (a real date within ten years of today)'));
  }
  return ok({ id, personId, on });
}

const ONE_ON_ONE_KEYS = ['id', 'personId', 'on', 'mood', 'notes', 'topics'] as const;

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
  if (!topics.ok || !Array.isArray(r['topics']) || topics.value.length !== r['topics'].length || topics.value.some((t, i) => t !== (r['topics'] as unknown[])[i])) {
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

const FEEDBACK_KEYS: Readonly<Record<Feedback['kind'], readonly string[]>> = {
  given: ['id', 'personId', 'on', 'kind', 'situation', 'behaviour', 'impact'],
  asked: ['id', 'personId', 'on', 'kind', 'said', 'change'],
};

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
