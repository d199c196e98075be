import { isBareMessage, readPageMessage } from '../shared/pageMessages';

/**
 * The Turn On Repository Signals page and the extension, both sides importing this module. The page
 * says what is read, what is computed and what is not, with the text the lead can share with the
 * team; it sends one of four bare messages.
 */

export interface SignalsConsentState {
  /** The folders whose repositories would be read (their names as the workspace shows them). */
  readonly folders: readonly string[];
  /** The short text to share with the team (plain text, put in with textContent). */
  readonly shareText: string;
  /** Whether the signals are on already (the page then offers Turn Off instead). */
  readonly on: boolean;
}

export type SignalsConsentToExtension =
  { readonly type: 'ready' } | { readonly type: 'turnOn' } | { readonly type: 'notNow' } | { readonly type: 'copyShareText' };

export type SignalsConsentToPage = { readonly type: 'state'; readonly state: SignalsConsentState };

const BARE: ReadonlySet<string> = new Set(['ready', 'turnOn', 'notNow', 'copyShareText']);

/** The extension accepts only these exact shapes from the page. */
export function isSignalsConsentToExtension(message: unknown): message is SignalsConsentToExtension {
  const m = readPageMessage(message);
  return m !== undefined && isBareMessage(m, BARE);
}

export function isSignalsConsentToPage(message: unknown): message is SignalsConsentToPage {
  const m = readPageMessage(message);
  const state = m?.fields['state'];
  return m?.type === 'state' && typeof state === 'object' && state !== null;
}
