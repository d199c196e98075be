import { addDays, daysBetween, formatDay, parseDateKey, type DateKey } from './dates';
import { isDelegationLevel, parseDelegationLevel, type DelegationLevel } from './delegationLevels';

export const TASK_MAX = 200;
export const PERSON_MAX = 80;
export const NOTE_MAX = 1000;
/** Events kept per delegation; far more than years of weekly check-ins. */
export const HISTORY_MAX = 2000;
/** The furthest a follow-up may be set, in days from today. */
export const FOLLOW_UP_MAX_DAYS = 366;

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
  readonly person: string;
  readonly level: DelegationLevel;
  readonly createdOn: DateKey;
  readonly followUpOn: DateKey;
  readonly note?: string;
  readonly doneOn?: DateKey;
  readonly history: readonly DelegationEvent[];
}

/** What the lead provides when logging a delegation. */
export interface NewDelegation {
  readonly task: string;
  readonly person: string;
  readonly level: DelegationLevel;
  readonly followUpOn: DateKey;
  readonly note?: string;
}

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Validation<T> => ({ ok: true, value });
const fail = <T>(error: string): Validation<T> => ({ ok: false, error });

/** Collapses runs of whitespace so that a pasted task or name stays on one line. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function validateTask(value: unknown): Validation<string> {
  if (typeof value !== 'string') {
    return fail('The task must be text.');
  }
  const task = tidy(value);
  if (task.length === 0) {
    return fail('Say what you delegated: the task cannot be empty.');
  }
  if (task.length > TASK_MAX) {
    return fail(`Keep the task to ${TASK_MAX} characters or fewer (it has ${task.length}).`);
  }
  return ok(task);
}

export function validatePerson(value: unknown): Validation<string> {
  if (typeof value !== 'string') {
    return fail('The person must be a name.');
  }
  const person = tidy(value);
  if (person.length === 0) {
    return fail('Say who you delegated to: the name cannot be empty.');
  }
  if (person.length > PERSON_MAX) {
    return fail(`Keep the name to ${PERSON_MAX} characters or fewer.`);
  }
  return ok(person);
}

export function validateNote(value: unknown): Validation<string | undefined> {
  if (value === undefined || value === null) {
    return ok(undefined);
  }
  if (typeof value !== 'string') {
    return fail('The note must be text.');
  }
  const note = value.trim();
  if (note.length > NOTE_MAX) {
    return fail(`Keep the note to ${NOTE_MAX} characters or fewer.`);
  }
  return ok(note.length === 0 ? undefined : note);
}

/**
 * A follow-up is a `YYYY-MM-DD` day or a whole number of days from today;
 * it may be today but never in the past, and at most a year ahead.
 */
export function validateFollowUp(value: unknown, today: DateKey): Validation<DateKey> {
  let day: DateKey | undefined;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      return fail('A follow-up given in days must be a whole number.');
    }
    if (value < 0) {
      return fail('The follow-up cannot be in the past.');
    }
    day = addDays(today, value);
  } else {
    day = parseDateKey(value);
    if (!day) {
      return fail('Give the follow-up as a date like 2026-12-01, or a number of days from today.');
    }
  }
  const ahead = daysBetween(today, day);
  if (ahead < 0) {
    return fail(`The follow-up cannot be in the past (today is ${today}).`);
  }
  if (ahead > FOLLOW_UP_MAX_DAYS) {
    return fail('Choose a follow-up within the next year: long gaps are where delegations get lost.');
  }
  return ok(day);
}

export function validateLevel(value: unknown): Validation<DelegationLevel> {
  const level = parseDelegationLevel(value);
  return level === undefined
    ? fail('The level must be 1 to 7 or a level name: Tell, Sell, Consult, Agree, Advise, Inquire, Delegate.')
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
    return { ok: false, errors: ['Expected an object like { "task": "…", "person": "…" }.'] };
  }
  const args = raw as Record<string, unknown>;
  const errors: string[] = [];
  const unknownKeys = Object.keys(args).filter((key) => !(ARGUMENT_KEYS as readonly string[]).includes(key));
  if (unknownKeys.length > 0) {
    errors.push(`Unknown field${unknownKeys.length > 1 ? 's' : ''}: ${unknownKeys.join(', ')} (expected ${ARGUMENT_KEYS.join(', ')}).`);
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

export function createDelegation(id: string, input: NewDelegation, today: DateKey): Delegation {
  return {
    id,
    task: input.task,
    person: input.person,
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
    return `done ${formatDay(delegation.doneOn, today)}`;
  }
  const ahead = daysBetween(today, delegation.followUpOn);
  if (ahead < -1) {
    return `${-ahead} days overdue`;
  }
  if (ahead === -1) {
    return '1 day overdue';
  }
  if (ahead === 0) {
    return 'due today';
  }
  if (ahead === 1) {
    return 'due tomorrow';
  }
  if (ahead <= 13) {
    return `due in ${ahead} days`;
  }
  return `due ${formatDay(delegation.followUpOn, today)}`;
}

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

/** JSON with object keys sorted, so two records compare equal whatever order their fields were set in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** True when two records hold the same data. */
export function sameDelegation(a: Delegation, b: Delegation): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Validates one stored record; returns the reason when it is not a delegation this version understands. */
export function validateStoredDelegation(raw: unknown): Validation<Delegation> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('not an object');
  }
  const r = raw as Record<string, unknown>;
  if (typeof r['id'] !== 'string' || r['id'].length === 0 || r['id'].length > 100) {
    return fail('missing or invalid id');
  }
  const task = validateTask(r['task']);
  if (!task.ok || task.value !== r['task']) {
    return fail('invalid task');
  }
  const person = validatePerson(r['person']);
  if (!person.ok || person.value !== r['person']) {
    return fail('invalid person');
  }
  if (!isDelegationLevel(r['level'])) {
    return fail('invalid level');
  }
  const createdOn = parseDateKey(r['createdOn']);
  const followUpOn = parseDateKey(r['followUpOn']);
  if (!createdOn || !followUpOn) {
    return fail('invalid date');
  }
  if (r['note'] !== undefined && (typeof r['note'] !== 'string' || r['note'].length > NOTE_MAX)) {
    return fail('invalid note');
  }
  const doneOn = r['doneOn'] === undefined ? undefined : parseDateKey(r['doneOn']);
  if (r['doneOn'] !== undefined && !doneOn) {
    return fail('invalid done date');
  }
  if (!Array.isArray(r['history']) || r['history'].length > HISTORY_MAX || !r['history'].every(isDelegationEvent)) {
    return fail('invalid history');
  }
  return ok({
    id: r['id'],
    task: task.value,
    person: person.value,
    level: r['level'],
    createdOn,
    followUpOn,
    ...(typeof r['note'] === 'string' ? { note: r['note'] } : {}),
    ...(doneOn ? { doneOn } : {}),
    history: r['history'] as DelegationEvent[],
  });
}

function isDelegationEvent(raw: unknown): raw is DelegationEvent {
  if (typeof raw !== 'object' || raw === null) {
    return false;
  }
  const e = raw as Record<string, unknown>;
  if (!parseDateKey(e['on'])) {
    return false;
  }
  switch (e['kind']) {
    case 'created':
    case 'done':
    case 'reopened':
      return true;
    case 'edited':
      return e['field'] === 'task' || e['field'] === 'person' || e['field'] === 'note';
    case 'levelChanged':
      return isDelegationLevel(e['from']) && isDelegationLevel(e['to']);
    case 'followUpChanged':
      return parseDateKey(e['from']) !== undefined && parseDateKey(e['to']) !== undefined;
    case 'checkIn':
      return e['note'] === undefined || (typeof e['note'] === 'string' && e['note'].length <= NOTE_MAX);
    default:
      return false;
  }
}
