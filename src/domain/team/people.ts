import type { DateKey } from '../core/dates';
import { asObject, storedDay, storedText, unknownFields, validateDayCount } from '../core/fields';
import { isStoredId } from '../core/ids';
import { cleanLine } from '../core/text';
import { fail, ok, type Validation } from '../core/validation';
import * as l10n from '../core/l10n';

/** The people a lead works with: plain data, no `vscode`. */

export const PERSON_MAX = 80;
export const ROLE_MAX = 80;
export const CADENCE_MIN_DAYS = 1;
export const CADENCE_MAX_DAYS = 365;
export const DEFAULT_CADENCE_DAYS = 14;
/** The most people one team keeps. */
export const PEOPLE_MAX = 2_000;

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

/** Collapses runs of whitespace so that a pasted task or name stays on one line. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Characters that render as nothing (see core/text.ts); the rules refuse most, and a key ignores all. */
const IGNORABLES = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * The key a person is known by: names that are equal once invisible characters are removed,
 * compatibility forms folded (NFKC: "Ａｎａ" is "Ana") and case folded fully ("STRASSE" is
 * "Straße") are one person. The one place names are compared.
 */
export function personKey(name: string): string {
  const tidied = tidy(name);
  // Printable ASCII, most names: none of the foldings changes anything but the case.
  return ASCII.test(tidied) ? tidied.toLowerCase() : tidied.normalize('NFKC').replace(IGNORABLES, '').toUpperCase().toLowerCase();
}

const ASCII = /^[ -~]*$/;

/** The person a name refers to among `people` (names compared as personKey does), archived ones included. */
export function findPersonByName(people: readonly Person[], name: string): Person | undefined {
  const key = personKey(name);
  return people.find((p) => personKey(p.name) === key);
}

export function validatePersonName(value: unknown): Validation<string> {
  if (typeof value !== 'string') {
    return fail(l10n.t('The person must be a name.'));
  }
  if (tidy(value).length === 0) {
    return fail(l10n.t('Say who you delegated to: the name cannot be empty.'));
  }
  return cleanLine(value, { what: l10n.t('name'), max: PERSON_MAX });
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

const PERSON_KEYS = ['id', 'name', 'role', 'cadenceDays', 'addedOn', 'archived'] as const;

/** A stored person: the same rules as typing, every field known, rebuilt from the known fields only. */
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
  const name = storedText(r['name'], validatePersonName);
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
