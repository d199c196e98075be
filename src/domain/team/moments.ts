import type { DateKey } from '../core/dates';
import { asObject, storedDay, storedText, unknownArguments, unknownFields } from '../core/fields';
import { isStoredId } from '../core/ids';
import { cleanLine } from '../core/text';
import { fail, ok, type Validation } from '../core/validation';
import { validatePastDay } from './entries';
import { validatePersonName } from './people';
import * as l10n from '../core/l10n';

/**
 * Moments: the two of the article's five actions that leave no other record. Explaining the
 * bigger picture (what, to the team or to one person) and modeling a behavior you want to see
 * (which one, with whom if it was with someone).
 */

export const MOMENT_ACTIONS = ['biggerPicture', 'modelling'] as const;
export type MomentAction = (typeof MOMENT_ACTIONS)[number];

/** The behaviors a lead models most often, and their own words for any other. */
export const BEHAVIORS = ['admittedMistake', 'askedForHelp', 'sharedUnfinishedIdea', 'tookBreak', 'other'] as const;
export type Behavior = (typeof BEHAVIORS)[number];

export const MOMENT_NOTE_MAX = 300;
/** The most moments one team keeps. */
export const MOMENTS_MAX = 50_000;

export interface Moment {
  readonly id: string;
  readonly on: DateKey;
  readonly action: MomentAction;
  /** With whom; left out when it was with the team. */
  readonly personId?: string;
  /** For modeling: which behavior. */
  readonly behavior?: Behavior;
  /** What was explained (bigger picture), or the lead's own words for the behavior. */
  readonly note?: string;
  /** The daily nudge marked done with it, so the review counts the two once. */
  readonly nudgeId?: string;
}

/** Each behavior in words, translated when read. */
export const BEHAVIOR_LABELS: Readonly<Record<Behavior, string>> = {
  get admittedMistake() {
    return l10n.t('admitted a mistake');
  },
  get askedForHelp() {
    return l10n.t('asked for help');
  },
  get sharedUnfinishedIdea() {
    return l10n.t('shared an unfinished idea');
  },
  get tookBreak() {
    return l10n.t('took a real break');
  },
  get other() {
    return l10n.t('something else');
  },
};

export function isMomentAction(value: unknown): value is MomentAction {
  return typeof value === 'string' && (MOMENT_ACTIONS as readonly string[]).includes(value);
}

export function isBehavior(value: unknown): value is Behavior {
  return typeof value === 'string' && (BEHAVIORS as readonly string[]).includes(value);
}

export function validateMomentNote(value: unknown): Validation<string | undefined> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return ok(undefined);
  }
  return cleanLine(value, { what: l10n.t('note'), max: MOMENT_NOTE_MAX });
}

/** The fields a moment must have: bigger picture says what; modeling says which behavior, and "other" in the lead's words. */
function missingPart(action: MomentAction, behavior: Behavior | undefined, note: string | undefined): string | undefined {
  if (action === 'biggerPicture') {
    if (behavior !== undefined) {
      return l10n.t('A bigger-picture moment has no behavior.');
    }
    return note === undefined ? l10n.t('Say what you explained: the note cannot be empty.') : undefined;
  }
  if (behavior === undefined) {
    return l10n.t('Say which behavior you modeled.');
  }
  return behavior === 'other' && note === undefined ? l10n.t('Say in a few words what you modeled.') : undefined;
}

const MOMENT_KEYS = ['id', 'on', 'action', 'personId', 'behavior', 'note', 'nudgeId'] as const;
const NUDGE_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** A stored moment: the same rules as typing, every field known, rebuilt from the known fields only. */
export function validateStoredMoment(raw: unknown, today: DateKey): Validation<Moment> {
  const r = asObject(raw);
  if (!r) {
    return fail(l10n.t('not an object'));
  }
  const extra = unknownFields(r, MOMENT_KEYS);
  if (extra) {
    return fail(extra);
  }
  if (!isStoredId(r['id'])) {
    return fail(l10n.t('missing or invalid id'));
  }
  if (r['personId'] !== undefined && !isStoredId(r['personId'])) {
    return fail(l10n.t('missing or invalid personId'));
  }
  const on = storedDay(r['on'], today);
  if (!on) {
    return fail(l10n.t('invalid day (a real date within ten years of today)'));
  }
  const action = r['action'];
  if (!isMomentAction(action)) {
    return fail(l10n.t('invalid action ("biggerPicture" or "modelling")'));
  }
  if (r['behavior'] !== undefined && !isBehavior(r['behavior'])) {
    return fail(l10n.t('invalid behavior'));
  }
  const note = r['note'] === undefined ? undefined : storedText(r['note'], validateMomentNote);
  if (r['note'] !== undefined && note === undefined) {
    return fail(l10n.t('invalid note'));
  }
  if (r['nudgeId'] !== undefined && (typeof r['nudgeId'] !== 'string' || !NUDGE_ID.test(r['nudgeId']))) {
    return fail(l10n.t('invalid nudgeId'));
  }
  const behavior = r['behavior'] as Behavior | undefined;
  const missing = missingPart(action, behavior, note);
  if (missing) {
    return fail(missing);
  }
  return ok({
    id: r['id'],
    on,
    action,
    ...(r['personId'] === undefined ? {} : { personId: r['personId'] as string }),
    ...(behavior === undefined ? {} : { behavior }),
    ...(note === undefined ? {} : { note }),
    ...(r['nudgeId'] === undefined ? {} : { nudgeId: r['nudgeId'] as string }),
  });
}

/** What the lead gives when logging a moment: with a person by name (found or added), or the team. */
export interface NewMoment {
  readonly action: MomentAction;
  readonly on: DateKey;
  readonly person?: string;
  readonly behavior?: Behavior;
  readonly note?: string;
  readonly nudgeId?: string;
}

const ARGUMENT_KEYS = ['action', 'what', 'behavior', 'person', 'date'] as const;

/**
 * The argument object of Log Moment (keybindings and automation):
 * `{ "action": "biggerPicture", "what": "…", "person"?: "Sam", "date"?: "2026-11-20" or days ago }` or
 * `{ "action": "modelling", "behavior": "askedForHelp" | … | "other", "what"?: "…", "person"?, "date"? }`.
 * Every problem is reported at once.
 */
export function parseLogMomentArgs(raw: unknown, today: DateKey): { ok: true; value: NewMoment } | { ok: false; errors: string[] } {
  const args = asObject(raw);
  if (!args) {
    return { ok: false, errors: [l10n.t('Expected an object like { "action": "biggerPicture", "what": "…" }.')] };
  }
  const errors: string[] = unknownArguments(args, ARGUMENT_KEYS);
  const action = args['action'];
  if (!isMomentAction(action)) {
    errors.push(l10n.t('"action" must be "biggerPicture" or "modelling".'));
  }
  const behavior = args['behavior'];
  if (behavior !== undefined && !isBehavior(behavior)) {
    errors.push(l10n.t('"behavior" must be one of: {0}.', BEHAVIORS.join(', ')));
  }
  const note = validateMomentNote(args['what']);
  const person = args['person'] === undefined ? ok(undefined) : validatePersonName(args['person']);
  const on = validatePastDay(args['date'] ?? 0, today, l10n.t('The date of the moment'));
  for (const result of [note, person, on]) {
    if (!result.ok) {
      errors.push(result.error);
    }
  }
  if (isMomentAction(action) && (behavior === undefined || isBehavior(behavior)) && note.ok) {
    const missing = missingPart(action, behavior, note.value);
    if (missing) {
      errors.push(missing);
    }
  }
  if (errors.length > 0 || !isMomentAction(action) || !note.ok || !person.ok || !on.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      action,
      on: on.value,
      ...(person.value === undefined ? {} : { person: person.value }),
      ...(behavior === undefined ? {} : { behavior: behavior as Behavior }),
      ...(note.value === undefined ? {} : { note: note.value }),
    },
  };
}

/** A moment in words: "Explained the bigger picture to the team: the Q3 migration", "Modeled: asked for help (with Sam)". */
export function describeMoment(moment: Moment, nameOf: (personId: string) => string): string {
  const who = moment.personId === undefined ? undefined : nameOf(moment.personId);
  if (moment.action === 'biggerPicture') {
    return who === undefined
      ? l10n.t('Explained the bigger picture to the team: {0}', moment.note ?? '')
      : l10n.t('Explained the bigger picture to {0}: {1}', who, moment.note ?? '');
  }
  const label = moment.behavior === undefined || moment.behavior === 'other' ? undefined : BEHAVIOR_LABELS[moment.behavior];
  // {0} the behavior, {1} the lead's own note about it.
  const what = label === undefined ? (moment.note ?? '') : moment.note === undefined ? label : l10n.t('{0} ({1})', label, moment.note);
  return who === undefined ? l10n.t('Modeled: {0}', what) : l10n.t('Modeled with {0}: {1}', who, what);
}
