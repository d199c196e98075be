import { isBareMessage, readPageMessage } from './pageMessages';

/** Messages between the Log 1:1 form and the extension. Both sides import this module. */

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
