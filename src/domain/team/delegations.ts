import { addDays, daysBetween, formatDay, parseDateKey, type DateKey } from '../core/dates';
import { isDelegationLevel, parseDelegationLevel, type DelegationLevel } from './delegationLevels';
import { cleanLine, cleanText } from '../core/text';
import * as l10n from '../core/l10n';

export const TASK_MAX = 200;
export const PERSON_MAX = 80;
export const NOTE_MAX = 1000;
/** Events kept per delegation; far more than years of weekly check-ins. */
export const HISTORY_MAX = 2000;
/** The furthest a follow-up may be set, in days from today. */
export const FOLLOW_UP_MAX_DAYS = 366;
/** Any count of days a user or a file gives is a whole number in this range. */
export const DAY_COUNT_MAX = 3650;
/** Stored and imported dates lie within ten years of today, either way. */
export const DATE_RANGE_DAYS = 3653;
/** Ids are made by the extension; a file may bring others, but only in this plain form. */
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

/** An id as the extension makes them, or as a file may bring them. */
export function isStoredId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

export type DelegationEvent =
  | { readonly kind: 'created'; readonly on: DateKey }
  | { readonly kind: 'edited'; readonly on: DateKey; readonly field: 'task' | 'person' | 'note' }
  | { readonly kind: 'levelChanged'; readonly on: DateKey; readonly from: DelegationLevel; readonly to: DelegationLevel }
  | { readonly kind: 'followUpChanged'; readonly on: DateKey; readonly from: DateKey; readonly to: DateKey }
  | { readonly kind: 'checkIn'; readonly on: DateKey; readonly note?: string }
  | { readonly kind: 'done'; readonly on: DateKey }
  | { readonly kind: 'reopened'; readonly on: DateKey };

/** Who was given what, at which level, and when to follow up. */
export interface Delegation {
  readonly id: string;
  readonly task: string;
  /** The person's id (see team.ts): a rename changes the person, never the delegations. */
  readonly personId: string;
  readonly level: DelegationLevel;
  readonly createdOn: DateKey;
  readonly followUpOn: DateKey;
  readonly note?: string;
  readonly doneOn?: DateKey;
  readonly history: readonly DelegationEvent[];
}

/** A delegation as release 0.1 stored and exported it: the person by name. */
export type DelegationV1 = Omit<Delegation, 'personId'> & { readonly person: string };

/** What the lead provides when logging a delegation: the person by name, found or added. */
export interface NewDelegation {
  readonly task: string;
  readonly person: string;
  readonly level: DelegationLevel;
  readonly followUpOn: DateKey;
  readonly note?: string;
}

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Validation<T> => ({ ok: true, value });

/** The message of a failed validation, or undefined when it passed: what an input box's validator returns. */
export function errorOf(result: Validation<unknown>): string | undefined {
  return result.ok ? undefined : result.error;
}
const fail = <T>(error: string): Validation<T> => ({ ok: false, error });

/** Collapses runs of whitespace so that a pasted task or name stays on one line. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The key a person is known by: names that differ only in case or Unicode form are one person.
 * The one place names are compared.
 */
export function personKey(name: string): string {
  return tidy(name).normalize('NFC').toLocaleLowerCase();
}

export function validateTask(value: unknown): Validation<string> {
  if (typeof value !== 'string') {
    return fail(l10n.t('The task must be text.'));
  }
  if (tidy(value).length === 0) {
    return fail(l10n.t('Say what you delegated: the task cannot be empty.'));
  }
  return cleanLine(value, { what: l10n.t('task'), max: TASK_MAX });
}

export function validatePerson(value: unknown): Validation<string> {
  if (typeof value !== 'string') {
    return fail(l10n.t('The person must be a name.'));
  }
  if (tidy(value).length === 0) {
    return fail(l10n.t('Say who you delegated to: the name cannot be empty.'));
  }
  return cleanLine(value, { what: l10n.t('name'), max: PERSON_MAX });
}

export function validateNote(value: unknown): Validation<string | undefined> {
  if (value === undefined || value === null) {
    return ok(undefined);
  }
  if (typeof value !== 'string') {
    return fail(l10n.t('The note must be text.'));
  }
  return cleanText(value, { what: l10n.t('note'), max: NOTE_MAX });
}

/** A whole number of days from 0 to 3,650, the one rule for every day count typed or imported; `what` is translated. */
export function validateDayCount(value: unknown, what: string): Validation<number> {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > DAY_COUNT_MAX) {
    return fail(l10n.t('{0} must be a whole number of days from 0 to {1}.', what, DAY_COUNT_MAX.toLocaleString('en')));
  }
  return ok(value);
}

/**
 * A follow-up is a `YYYY-MM-DD` day or a whole number of days from today;
 * it may be today but never in the past, and at most a year ahead.
 */
export function validateFollowUp(value: unknown, today: DateKey): Validation<DateKey> {
  let day: DateKey | undefined;
  if (typeof value === 'number') {
    if (value < 0) {
      return fail(l10n.t('The follow-up cannot be in the past.'));
    }
    const days = validateDayCount(value, l10n.t('A follow-up given in days'));
    if (!days.ok) {
      return days;
    }
    day = addDays(today, days.value);
  } else {
    day = parseDateKey(value);
    if (!day) {
      return fail(l10n.t('Give the follow-up as a date like 2026-12-01, or a number of days from today.'));
    }
  }
  const ahead = daysBetween(today, day);
  if (ahead < 0) {
    return fail(l10n.t('The follow-up cannot be in the past (today is {0}).', today));
  }
  if (ahead > FOLLOW_UP_MAX_DAYS) {
    return fail(l10n.t('Choose a follow-up within the next year: long gaps are where delegations get lost.'));
  }
  return ok(day);
}

export function validateLevel(value: unknown): Validation<DelegationLevel> {
  const level = parseDelegationLevel(value);
  return level === undefined
    ? fail(l10n.t('The level must be 1 to 7 or a level name: Tell, Sell, Consult, Agree, Advise, Inquire, Delegate.'))
    : ok(level);
}

export interface LogDefaults {
  readonly level: DelegationLevel;
  readonly followUpDays: number;
}

const ARGUMENT_KEYS = ['task', 'person', 'level', 'followUp', 'note'] as const;

/**
 * Validates the argument object of the "Log delegation" command
 * (`{ task, person, level?, followUp?, note? }`), used by keybindings and automation.
 * Every problem is reported at once so a script author can fix them in one go.
 */
export function parseLogDelegationArgs(
  raw: unknown,
  today: DateKey,
  defaults: LogDefaults,
): { ok: true; value: NewDelegation } | { ok: false; errors: string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [l10n.t('Expected an object like { "task": "…", "person": "…" }.')] };
  }
  const args = raw as Record<string, unknown>;
  const errors: string[] = [];
  const unknownKeys = Object.keys(args).filter((key) => !(ARGUMENT_KEYS as readonly string[]).includes(key));
  if (unknownKeys.length > 0) {
    errors.push(
      unknownKeys.length > 1
        ? l10n.t('Unknown fields: {0} (expected {1}).', unknownKeys.join(', '), ARGUMENT_KEYS.join(', '))
        : l10n.t('Unknown field: {0} (expected {1}).', unknownKeys.join(', '), ARGUMENT_KEYS.join(', ')),
    );
  }
  const task = validateTask(args['task']);
  const person = validatePerson(args['person']);
  const level = args['level'] === undefined ? ok(defaults.level) : validateLevel(args['level']);
  const followUp = validateFollowUp(args['followUp'] ?? defaults.followUpDays, today);
  const note = validateNote(args['note']);
  for (const result of [task, person, level, followUp, note]) {
    if (!result.ok) {
      errors.push(result.error);
    }
  }
  if (errors.length > 0 || !task.ok || !person.ok || !level.ok || !followUp.ok || !note.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      task: task.value,
      person: person.value,
      level: level.value,
      followUpOn: followUp.value,
      ...(note.value === undefined ? {} : { note: note.value }),
    },
  };
}

export function createDelegation(id: string, input: Omit<NewDelegation, 'person'>, personId: string, today: DateKey): Delegation {
  return {
    id,
    task: input.task,
    personId,
    level: input.level,
    createdOn: today,
    followUpOn: input.followUpOn,
    ...(input.note === undefined ? {} : { note: input.note }),
    history: [{ kind: 'created', on: today }],
  };
}

export function isDone(delegation: Delegation): boolean {
  return delegation.doneOn !== undefined;
}

export function isOverdue(delegation: Delegation, today: DateKey): boolean {
  return !isDone(delegation) && daysBetween(today, delegation.followUpOn) < 0;
}

export type FollowUpGroup = 'overdue' | 'thisWeek' | 'later' | 'done';

export const FOLLOW_UP_GROUPS: readonly FollowUpGroup[] = ['overdue', 'thisWeek', 'later', 'done'];

/** "This week" is the next seven days, today included. */
export function followUpGroup(delegation: Delegation, today: DateKey): FollowUpGroup {
  if (isDone(delegation)) {
    return 'done';
  }
  const ahead = daysBetween(today, delegation.followUpOn);
  if (ahead < 0) {
    return 'overdue';
  }
  return ahead <= 6 ? 'thisWeek' : 'later';
}

/** The follow-up date in words: "due tomorrow", "3 days overdue", "done Fri 28 Nov". */
export function describeFollowUp(delegation: Delegation, today: DateKey): string {
  if (delegation.doneOn !== undefined) {
    return l10n.t('done {0}', formatDay(delegation.doneOn, today));
  }
  const ahead = daysBetween(today, delegation.followUpOn);
  if (ahead < -1) {
    return l10n.t('{0} days overdue', -ahead);
  }
  if (ahead === -1) {
    return l10n.t('1 day overdue');
  }
  if (ahead === 0) {
    return l10n.t('due today');
  }
  if (ahead === 1) {
    return l10n.t('due tomorrow');
  }
  if (ahead <= 13) {
    return l10n.t('due in {0} days', ahead);
  }
  return l10n.t('due {0}', formatDay(delegation.followUpOn, today));
}

/** A cache: the collator compareText makes on first use. */
let collator: Intl.Collator | undefined;

/**
 * Compares text for people (case and accents aside). One collator, far faster than localeCompare
 * per call, made on first use: creating it costs milliseconds that activation should not pay.
 */
export function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}

/** Compares `YYYY-MM-DD` days (plain text order is date order). */
export function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders by follow-up date, then by task, so every list reads soonest first. */
export function compareByFollowUp(a: Delegation, b: Delegation): number {
  return compareDays(a.followUpOn, b.followUpOn) || compareText(a.task, b.task);
}

/** JSON with object keys sorted, so two values compare equal whatever order their fields were set in. */
function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** True when two plain JSON values hold the same data. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** True when two records hold the same data. */
export function sameDelegation(a: Delegation, b: Delegation): boolean {
  return sameValue(a, b);
}

const RECORD_KEYS: ReadonlySet<string> = new Set([
  'id',
  'task',
  'personId',
  'level',
  'createdOn',
  'followUpOn',
  'note',
  'doneOn',
  'history',
]);
const RECORD_KEYS_V1: ReadonlySet<string> = new Set([
  'id',
  'task',
  'person',
  'level',
  'createdOn',
  'followUpOn',
  'note',
  'doneOn',
  'history',
]);

/** A cache: the days DATE_RANGE_DAYS before and after `today`, for the last `today` asked about. */
let range: { today: DateKey; from: DateKey; to: DateKey } | undefined;
/** A cache of days already found to be real calendar dates: a tracker repeats the same few hundred days. */
const realDays = new Set<string>();

/**
 * A stored day: a real calendar date, written exactly, within ten years of today. Loading years of
 * history checks tens of thousands of days, so the range is compared as text (`YYYY-MM-DD` sorts as
 * dates do) and each distinct day is parsed once.
 */
export function storedDay(value: unknown, today: DateKey): DateKey | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  if (range?.today !== today) {
    range = { today, from: addDays(today, -DATE_RANGE_DAYS), to: addDays(today, DATE_RANGE_DAYS) };
  }
  if (value < range.from || value > range.to) {
    return undefined;
  }
  if (!realDays.has(value)) {
    if (parseDateKey(value) !== value) {
      return undefined;
    }
    realDays.add(value);
  }
  return value as DateKey;
}

/** Stored text must already be in the form the validators produce, so what loads is what was checked. */
export function storedText<T extends string | undefined>(value: unknown, validate: (v: unknown) => Validation<T>): T | undefined {
  const result = validate(value);
  return result.ok && result.value === value ? result.value : undefined;
}

/**
 * Validates one stored or imported record against this version's rules: every field's type, form
 * and length, no field it does not know, history included. What passes is rebuilt from the known
 * fields only, so it always survives a JSON round trip. Returns the reason when it fails.
 */
export function validateStoredDelegation(raw: unknown, today: DateKey): Validation<Delegation> {
  const result = validateRecord(raw, today, RECORD_KEYS);
  if (!result.ok) {
    return result;
  }
  const personId = (raw as Record<string, unknown>)['personId'];
  if (!isStoredId(personId)) {
    return fail(l10n.t('missing or invalid personId'));
  }
  const { id, task, ...rest } = result.value;
  return ok({ id, task, personId, ...rest });
}

/** The same rules for a record of release 0.1, which named the person instead of pointing to them. */
export function validateStoredDelegationV1(raw: unknown, today: DateKey): Validation<DelegationV1> {
  const result = validateRecord(raw, today, RECORD_KEYS_V1);
  if (!result.ok) {
    return result;
  }
  const person = storedText((raw as Record<string, unknown>)['person'], validatePerson);
  if (person === undefined) {
    return fail(l10n.t('invalid person'));
  }
  const { id, task, ...rest } = result.value;
  return ok({ id, task, person, ...rest });
}

function validateRecord(raw: unknown, today: DateKey, keys: ReadonlySet<string>): Validation<Omit<Delegation, 'personId'>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail(l10n.t('not an object'));
  }
  const r = raw as Record<string, unknown>;
  const unknown = Object.keys(r).filter((key) => !keys.has(key));
  if (unknown.length > 0) {
    return fail(
      l10n.t(
        'unknown field {0}',
        unknown
          .slice(0, 3)
          .map((key) => JSON.stringify(key.slice(0, 40)))
          .join(', '),
      ),
    );
  }
  const id = r['id'];
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    return fail(l10n.t('missing or invalid id'));
  }
  const task = storedText(r['task'], validateTask);
  if (task === undefined) {
    return fail(l10n.t('invalid task'));
  }
  const level = r['level'];
  if (!isDelegationLevel(level)) {
    return fail(l10n.t('invalid level'));
  }
  const createdOn = storedDay(r['createdOn'], today);
  const followUpOn = storedDay(r['followUpOn'], today);
  if (!createdOn || !followUpOn) {
    return fail(l10n.t('invalid date (a real date within ten years of today)'));
  }
  const note = r['note'] === undefined ? undefined : storedText(r['note'], validateNote);
  if (r['note'] !== undefined && note === undefined) {
    return fail(l10n.t('invalid note'));
  }
  const doneOn = r['doneOn'] === undefined ? undefined : storedDay(r['doneOn'], today);
  if (r['doneOn'] !== undefined && !doneOn) {
    return fail(l10n.t('invalid done date'));
  }
  const rawHistory = r['history'];
  if (!Array.isArray(rawHistory) || rawHistory.length === 0 || rawHistory.length > HISTORY_MAX) {
    return fail(l10n.t('invalid history'));
  }
  const history: DelegationEvent[] = [];
  for (const rawEvent of rawHistory as unknown[]) {
    const event = readEvent(rawEvent, today);
    if (!event) {
      return fail(l10n.t('invalid history'));
    }
    history.push(event);
  }
  return ok({
    id,
    task,
    level,
    createdOn,
    followUpOn,
    ...(note !== undefined ? { note } : {}),
    ...(doneOn ? { doneOn } : {}),
    history,
  });
}

const EVENT_KEYS: Readonly<Record<DelegationEvent['kind'], readonly string[]>> = {
  created: ['kind', 'on'],
  done: ['kind', 'on'],
  reopened: ['kind', 'on'],
  edited: ['kind', 'on', 'field'],
  levelChanged: ['kind', 'on', 'from', 'to'],
  followUpChanged: ['kind', 'on', 'from', 'to'],
  checkIn: ['kind', 'on', 'note'],
};

/** One history event, rebuilt from its known fields; undefined when anything about it is off. */
function readEvent(raw: unknown, today: DateKey): DelegationEvent | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return undefined;
  }
  const e = raw as Record<string, unknown>;
  const kind = e['kind'];
  if (typeof kind !== 'string' || !Object.hasOwn(EVENT_KEYS, kind)) {
    return undefined;
  }
  const allowed = EVENT_KEYS[kind as DelegationEvent['kind']];
  const on = storedDay(e['on'], today);
  if (!on || Object.keys(e).some((key) => !allowed.includes(key))) {
    return undefined;
  }
  switch (kind as DelegationEvent['kind']) {
    case 'created':
    case 'done':
    case 'reopened':
      return { kind: kind as 'created' | 'done' | 'reopened', on };
    case 'edited': {
      const field = e['field'];
      return field === 'task' || field === 'person' || field === 'note' ? { kind: 'edited', on, field } : undefined;
    }
    case 'levelChanged': {
      const from = e['from'];
      const to = e['to'];
      return isDelegationLevel(from) && isDelegationLevel(to) ? { kind: 'levelChanged', on, from, to } : undefined;
    }
    case 'followUpChanged': {
      const from = storedDay(e['from'], today);
      const to = storedDay(e['to'], today);
      return from && to ? { kind: 'followUpChanged', on, from, to } : undefined;
    }
    case 'checkIn': {
      if (e['note'] === undefined) {
        return { kind: 'checkIn', on };
      }
      const note = storedText(e['note'], validateNote);
      return note === undefined ? undefined : { kind: 'checkIn', on, note };
    }
  }
}
