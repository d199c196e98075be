import { compareDays, compareText, sameValue } from '../core/compare';
import { addDays, daysBetween, formatDay, parseDateKey, type DateKey } from '../core/dates';
import { storedDay, storedText, unknownArguments, unknownFields, validateDayCount } from '../core/fields';
import { isStoredId } from '../core/ids';
import { cleanLine, cleanText } from '../core/text';
import { fail, ok, type Validation } from '../core/validation';
import { isDelegationLevel, parseDelegationLevel, type DelegationLevel } from './delegationLevels';
import { tidy, validatePersonName } from './people';
import * as l10n from '../core/l10n';

export const TASK_MAX = 200;
export const NOTE_MAX = 1000;
/** Events kept per delegation; far more than years of weekly check-ins. */
export const HISTORY_MAX = 2000;
/** The furthest a follow-up may be set, in days from today. */
export const FOLLOW_UP_MAX_DAYS = 366;

export type DelegationEvent =
  | { readonly kind: 'created'; readonly on: DateKey }
  | { readonly kind: 'edited'; readonly on: DateKey; readonly field: 'task' | 'person' | 'note' | 'code' }
  | { readonly kind: 'levelChanged'; readonly on: DateKey; readonly from: DelegationLevel; readonly to: DelegationLevel }
  | { readonly kind: 'followUpChanged'; readonly on: DateKey; readonly from: DateKey; readonly to: DateKey }
  | { readonly kind: 'checkIn'; readonly on: DateKey; readonly note?: string }
  | { readonly kind: 'done'; readonly on: DateKey }
  | { readonly kind: 'reopened'; readonly on: DateKey };

/**
 * Where in the code a delegation's work is: folders (`billing/`, with the slash) or files
 * (`src/auth/session.ts`), relative to the workspace (prefixed with the folder's name in a
 * multi-root workspace), and a branch name. Read by the repository signals' follow-through.
 */
export interface CodeLink {
  readonly paths?: readonly string[];
  readonly branch?: string;
}

/** The most paths one delegation points at. */
export const CODE_PATHS_MAX = 20;
export const CODE_PATH_MAX = 300;
export const BRANCH_MAX = 200;

/** C0 and C1 controls, and the bidirectional formatting characters (text shown in another order than stored). */
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const DRIVE_LETTER = /^[A-Za-z]:/;

/**
 * One path of a code link: relative to the workspace with forward slashes, a folder ending with
 * `/`. Refused: nothing in it, a leading `/` or a drive letter (absolute), a `..` segment (outside
 * the workspace), an empty segment (`a//b`), backslashes, control characters, more than 300 characters.
 */
export function validateCodePath(value: unknown): Validation<string> {
  if (typeof value !== 'string') {
    return fail(l10n.t('A path in the code link must be text.'));
  }
  if (value.trim().length === 0) {
    return fail(l10n.t('A path in the code link cannot be empty.'));
  }
  if (value.length > CODE_PATH_MAX) {
    return fail(l10n.t('A path in the code link can be at most {0} characters.', CODE_PATH_MAX));
  }
  if (UNSAFE_IN_NAME.test(value)) {
    return fail(l10n.t('A path in the code link cannot hold control characters.'));
  }
  if (value.includes('\\')) {
    return fail(l10n.t('Write the path {0} with forward slashes (/), not backslashes.', JSON.stringify(value)));
  }
  if (value.startsWith('/') || DRIVE_LETTER.test(value)) {
    return fail(l10n.t('The path {0} must be relative to the workspace, not absolute.', JSON.stringify(value)));
  }
  const segments = value.split('/');
  // A folder ends with "/": its last segment is the one that may be empty.
  if (segments.some((segment, i) => segment === '..' || (segment === '' && i < segments.length - 1))) {
    return fail(l10n.t('The path {0} must stay inside the workspace (no ".." and no empty part).', JSON.stringify(value)));
  }
  return ok(value);
}

/**
 * A branch name, by git's rules for a ref name (git check-ref-format): no `..`, `@{`, `//`, spaces,
 * control characters or any of `~^:?*[\`; not `@`; not starting with `-` or `/`; not ending with
 * `/`, `.` or `.lock`; no part starting with `.` or ending with `.lock`; at most 200 characters.
 * Typed input is trimmed first (see validateCodeLink).
 */
export function validateBranch(value: unknown): Validation<string> {
  if (typeof value !== 'string') {
    return fail(l10n.t('The branch must be text.'));
  }
  if (value.length === 0) {
    return fail(l10n.t('The branch name cannot be empty.'));
  }
  if (value.length > BRANCH_MAX) {
    return fail(l10n.t('A branch name can be at most {0} characters.', BRANCH_MAX));
  }
  const parts = value.split('/');
  if (
    UNSAFE_IN_NAME.test(value) ||
    /[\s~^:?*[\\]/.test(value) ||
    value.includes('..') ||
    value.includes('@{') ||
    value === '@' ||
    value.startsWith('-') ||
    value.endsWith('.') ||
    parts.some((part) => part === '' || part.startsWith('.') || part.endsWith('.lock'))
  ) {
    return fail(
      l10n.t(
        '{0} is not a branch name git accepts (no spaces, "..", "~^:?*[\\", no part starting with "." or ending with ".lock", not starting with "-" or "/", not ending with "/" or ".").',
        JSON.stringify(value.slice(0, 60)),
      ),
    );
  }
  return ok(value);
}

const CODE_KEYS = ['paths', 'branch'] as const;

/**
 * Validates a code link given by the lead (the picker, a command's argument): `{ paths?, branch? }`,
 * at most 20 paths, each checked by validateCodePath, duplicates dropped (the first kept, in the
 * order given), the branch trimmed and checked by validateBranch. A link with no path and no branch
 * is no link: undefined, so nothing is stored.
 */
export function validateCodeLink(value: unknown): Validation<CodeLink | undefined> {
  if (value === undefined || value === null) {
    return ok(undefined);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return fail(l10n.t('The code link must be an object like {"paths": ["billing/"], "branch": "retry-queue"}.'));
  }
  const r = value as Record<string, unknown>;
  const extra = unknownFields(r, CODE_KEYS);
  if (extra) {
    return fail(l10n.t('The code link has an {0}.', extra));
  }
  const rawPaths = r['paths'];
  const paths: string[] = [];
  if (rawPaths !== undefined) {
    if (!Array.isArray(rawPaths)) {
      return fail(l10n.t("The code link's paths must be a list of paths."));
    }
    for (const raw of rawPaths as unknown[]) {
      const path = validateCodePath(raw);
      if (!path.ok) {
        return path;
      }
      if (!paths.includes(path.value)) {
        paths.push(path.value);
      }
    }
    if (paths.length > CODE_PATHS_MAX) {
      return fail(l10n.t('A delegation can point at {0} paths at most; pick the folders that matter most.', CODE_PATHS_MAX));
    }
  }
  const rawBranch = r['branch'];
  let branch: string | undefined;
  if (rawBranch !== undefined && !(typeof rawBranch === 'string' && rawBranch.trim() === '')) {
    const checked = validateBranch(typeof rawBranch === 'string' ? rawBranch.trim() : rawBranch);
    if (!checked.ok) {
      return checked;
    }
    branch = checked.value;
  }
  if (paths.length === 0 && branch === undefined) {
    return ok(undefined);
  }
  return ok({ ...(paths.length > 0 ? { paths } : {}), ...(branch === undefined ? {} : { branch }) });
}

/** A stored code link: exactly in the form validateCodeLink gives (no duplicate, nothing empty, nothing to trim). */
function storedCodeLink(value: unknown): CodeLink | undefined {
  const result = validateCodeLink(value);
  return result.ok && result.value !== undefined && sameValue(result.value, value) ? result.value : undefined;
}

/** A code link in words: "billing/, src/auth/session.ts, branch retry-queue" (at most three paths, then how many more). */
export function describeCodeLink(code: CodeLink): string {
  const paths = code.paths ?? [];
  const shown = paths.length > 3 ? [...paths.slice(0, 3), l10n.t('{0} more', paths.length - 3)] : [...paths];
  return [...shown, ...(code.branch === undefined ? [] : [l10n.t('branch {0}', code.branch)])].join(', ');
}

/** Whether two code links (or none) point at the same paths, in the same order, and the same branch. */
export function sameCodeLink(a: CodeLink | undefined, b: CodeLink | undefined): boolean {
  return sameValue(a ?? null, b ?? null);
}

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
  /** Where in the code the work is, when the lead said. */
  readonly code?: CodeLink;
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
  /** Where in the code the work is: a link validateCodeLink gave (never an empty one). */
  readonly code?: CodeLink;
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

export function validateNote(value: unknown): Validation<string | undefined> {
  if (value === undefined || value === null) {
    return ok(undefined);
  }
  if (typeof value !== 'string') {
    return fail(l10n.t('The note must be text.'));
  }
  return cleanText(value, { what: l10n.t('note'), max: NOTE_MAX });
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

const ARGUMENT_KEYS = ['task', 'person', 'level', 'followUp', 'note', 'code'] as const;

/**
 * Validates the argument object of the "Log delegation" command
 * (`{ task, person, level?, followUp?, note?, code? }`, code as `{ paths?, branch? }`), used by keybindings and automation.
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
  const errors: string[] = unknownArguments(args, ARGUMENT_KEYS);
  const task = validateTask(args['task']);
  const person = validatePersonName(args['person']);
  const level = args['level'] === undefined ? ok(defaults.level) : validateLevel(args['level']);
  const followUp = validateFollowUp(args['followUp'] ?? defaults.followUpDays, today);
  const note = validateNote(args['note']);
  const code = validateCodeLink(args['code']);
  for (const result of [task, person, level, followUp, note, code]) {
    if (!result.ok) {
      errors.push(result.error);
    }
  }
  if (errors.length > 0 || !task.ok || !person.ok || !level.ok || !followUp.ok || !note.ok || !code.ok) {
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
      ...(code.value === undefined ? {} : { code: code.value }),
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
    ...(input.code === undefined ? {} : { code: input.code }),
    history: [{ kind: 'created', on: today }],
  };
}

export function isDone(delegation: Delegation): boolean {
  return delegation.doneOn !== undefined;
}

/**
 * Whether a delegation's work visibly moves in the code it points at (levels 6–7, read by the
 * repository signals): then a follow-up day that passed is shown as moving, and does not nag.
 */
export type MovingTest = (delegation: Delegation) => boolean;

/** Past its follow-up day and not done; with `moving`, work that visibly moves is not overdue. */
export function isOverdue(delegation: Delegation, today: DateKey, moving?: MovingTest): boolean {
  return !isDone(delegation) && daysBetween(today, delegation.followUpOn) < 0 && !(moving?.(delegation) ?? false);
}

export type FollowUpGroup = 'overdue' | 'moving' | 'thisWeek' | 'later' | 'done';

export const FOLLOW_UP_GROUPS: readonly FollowUpGroup[] = ['overdue', 'moving', 'thisWeek', 'later', 'done'];

/** "This week" is the next seven days, today included; a passed follow-up whose work moves is "moving". */
export function followUpGroup(delegation: Delegation, today: DateKey, moving?: MovingTest): FollowUpGroup {
  if (isDone(delegation)) {
    return 'done';
  }
  const ahead = daysBetween(today, delegation.followUpOn);
  if (ahead < 0) {
    return (moving?.(delegation) ?? false) ? 'moving' : 'overdue';
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

/** Orders by follow-up date, then by task, so every list reads soonest first. */
export function compareByFollowUp(a: Delegation, b: Delegation): number {
  return compareDays(a.followUpOn, b.followUpOn) || compareText(a.task, b.task);
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
  'code',
  'doneOn',
  'history',
]);
/** Release 0.1's fields: it had no code link. */
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
  const person = storedText((raw as Record<string, unknown>)['person'], validatePersonName);
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
  const extra = unknownFields(r, keys);
  if (extra) {
    return fail(extra);
  }
  const id = r['id'];
  if (!isStoredId(id)) {
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
  // Only a kind of record whose keys include "code" gets this far with one (release 0.1's do not).
  const code = r['code'] === undefined ? undefined : storedCodeLink(r['code']);
  if (r['code'] !== undefined && code === undefined) {
    return fail(l10n.t('invalid code link'));
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
    ...(code !== undefined ? { code } : {}),
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
      return field === 'task' || field === 'person' || field === 'note' || field === 'code' ? { kind: 'edited', on, field } : undefined;
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

/** The code a delegation points at, in a few words. */
export function describeArea(code: CodeLink): string {
  const paths = code.paths ?? [];
  const first = paths[0];
  if (first === undefined) {
    return l10n.t('branch {0}', code.branch ?? '');
  }
  if (code.branch !== undefined) {
    return paths.length === 1
      ? l10n.t('{0} and branch {1}', first, code.branch)
      : l10n.t('{0}, {1} other places and branch {2}', first, paths.length - 1, code.branch);
  }
  if (paths.length === 1) {
    return first;
  }
  return paths.length === 2 ? l10n.t('{0} and 1 other place', first) : l10n.t('{0} and {1} other places', first, paths.length - 1);
}
