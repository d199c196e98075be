/**
 * The one way user-facing text is written, on every side: the extension, the domain and the pages.
 *
 * `l10n.t('A sentence with {0}', value)` has the shape and the placeholder rules of VS Code's
 * `vscode.l10n.t` (`{0}`, `{1}`… for positional arguments, `{name}` with an object), so the strings
 * are extracted from the sources into `l10n/bundle.l10n.json` (`npm run l10n`). With no translator
 * installed it formats the English message. `activate()` installs `vscode.l10n.t`; a page installs
 * the bundle the extension sent it; the unit tests install a pseudo-locale.
 *
 * Rules for callers: the first argument is a string literal (it is the bundle's key); a sentence or
 * a plural form is one whole message with placeholders, never fragments joined together.
 *
 * Plain TypeScript with no VS Code dependency.
 */

export type Argument = string | number | boolean;
export type Arguments = readonly Argument[] | Readonly<Record<string, Argument>>;

/** Turns an English message (the bundle's key) and its arguments into the text to show. */
export type Translator = (message: string, args: Arguments) => string;

/** A translation bundle as VS Code gives it (`vscode.l10n.bundle`): key → message or `{ message, comment }`. */
export type Bundle = Readonly<Record<string, string | { readonly message: string; readonly comment?: readonly string[] }>>;

const PLACEHOLDER = /{([^}]+)}/g;

/** VS Code's formatting: each `{key}` with a value is replaced, any other brace text is kept. */
export function format(message: string, args: Arguments): string {
  const values = args as Readonly<Record<string, Argument | undefined>>;
  if (Object.keys(values).length === 0) {
    return message;
  }
  return message.replace(PLACEHOLDER, (match, key: string) => {
    const value = values[key];
    return value === undefined ? match : String(value);
  });
}

const english: Translator = format;
let translator: Translator = english;

/** The text for `message` in the user's language, with `{0}`… (or `{name}` from an object) filled in. */
export function t(message: string, ...args: Argument[]): string;
export function t(message: string, args: Readonly<Record<string, Argument>>): string;
export function t(message: string, ...rest: (Argument | Readonly<Record<string, Argument>>)[]): string {
  const first = rest[0];
  const args: Arguments = rest.length === 1 && typeof first === 'object' ? first : (rest as Argument[]);
  return translator(message, args);
}

/** Installs the translator every later `t` goes through; `undefined` goes back to English. */
export function setTranslator(next: Translator | undefined): void {
  translator = next ?? english;
}

/** A translator that looks each message up in `bundle` (falling back to English) and formats it. */
export function bundleTranslator(bundle: Bundle): Translator {
  return (message, args) => {
    const entry = Object.prototype.hasOwnProperty.call(bundle, message) ? bundle[message] : undefined;
    const translated = entry === undefined ? message : typeof entry === 'string' ? entry : entry.message;
    return format(translated, args);
  };
}

/** The start and end marks of the pseudo-locale. */
export const PSEUDO_OPEN = '[!! ';
export const PSEUDO_CLOSE = ' !!]';

/**
 * A pseudo-locale for tests: every message becomes `[!! message !!]`, after its placeholders are
 * filled (arguments are not marked). Text built by joining messages shows a seam, see {@link isWholeMessage}.
 */
export const pseudoTranslator: Translator = (message, args) => `${PSEUDO_OPEN}${format(message, args)}${PSEUDO_CLOSE}`;

/**
 * Under the pseudo-locale: whether `text` is one whole message, `[!! … !!]`, whose arguments may hold
 * whole messages of their own; false for text joined from several messages or with text around one.
 */
export function isWholeMessage(text: string): boolean {
  if (!text.startsWith(PSEUDO_OPEN) || !text.endsWith(PSEUDO_CLOSE)) {
    return false;
  }
  let depth = 0;
  for (let i = 0; i < text.length;) {
    if (text.startsWith(PSEUDO_OPEN, i)) {
      depth += 1;
      i += PSEUDO_OPEN.length;
    } else if (text.startsWith(PSEUDO_CLOSE, i)) {
      depth -= 1;
      i += PSEUDO_CLOSE.length;
      if (depth === 0 && i < text.length) {
        return false;
      }
    } else {
      i += 1;
    }
  }
  return depth === 0;
}
