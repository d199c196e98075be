/**
 * Cleaning and checking text that a lead typed or imported: a task, a person's name, a note.
 *
 * Everything that is kept is meant to be shown back exactly as the lead sees it. So besides tidying
 * whitespace and normalising to NFC (so that "é" typed two ways is stored one way), the text is
 * refused when it holds characters that are invisible or that change how the rest is displayed:
 * control characters, bidirectional formatting (the "Trojan Source" trick: text that displays in a
 * different order than it is stored), zero-width characters, every other character Unicode says
 * renders as nothing (Default_Ignorable_Code_Point: soft hyphens, Hangul fillers, invisible
 * operators, tags…) and broken UTF-16; and text with nothing visible in it at all. The exceptions
 * are the ones a script or an emoji needs: the zero-width joiner and non-joiner where they join
 * something (Persian and the Indic scripts, emoji sequences), and a variation selector right after
 * what it varies.
 *
 * Plain TypeScript with no VS Code dependency; the limits belong to the callers.
 */

import * as l10n from './l10n';

import { fail, ok, type Validation } from './validation';

/** What the field is called in messages ("task", "name", "note", translated) and its longest allowed length. */
export interface TextRule {
  readonly what: string;
  /** The most UTF-16 code units allowed (what `String.length` counts). */
  readonly max: number;
}

/**
 * Printable ASCII words separated by single spaces, nothing at either end: text every rule below
 * leaves exactly as it is. Most stored text is like this, and loading years of a tracker checks
 * every task and note, so such text skips the full pass.
 */
const PLAIN = /^[!-~]+(?: [!-~]+)*$/;

/**
 * Whitespace for a one-line field: what `\s` matches, less U+FEFF (the byte-order mark), which is
 * refused as a zero-width character rather than silently turned into a space.
 */
const LINE_WHITESPACE_RUN = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
/** After collapsing, the one space that may start or end the line. */
const EDGE_SPACE = /^ | $/g;

/** Horizontal spaces (and tab) that may end a line of a note; controls such as \v and \f are not among them. */
const TRAILING_SPACES = /[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$/gm;
/** Line breaks of every kind a note may arrive with; all become "\n". */
const LINE_BREAKS = /\r\n|\r|\u2028|\u2029/g;
/** Four or more line breaks in a row hold three or more blank lines: keep two. */
const TOO_MANY_BLANK_LINES = /\n{4,}/g;
const LEADING_BLANK = /^[\t\n \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/;
const TRAILING_BLANK = /[\t\n \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$/;

/**
 * Cleans a one-line field such as a task or a person's name: it must be text; it is normalised to
 * NFC; every run of whitespace (tabs and line breaks included) becomes one space; it is trimmed; it
 * must then be non-empty, at most `rule.max` long, and free of unsafe characters.
 */
export function cleanLine(value: unknown, rule: TextRule): Validation<string> {
  if (typeof value !== 'string') {
    return fail(l10n.t('The {0} must be text.', rule.what));
  }
  if (value.length <= rule.max && PLAIN.test(value)) {
    return ok(value);
  }
  // Not String.trim(): it would also drop U+FEFF, which is refused below instead.
  const line = value.normalize('NFC').replace(LINE_WHITESPACE_RUN, ' ').replace(EDGE_SPACE, '');
  if (line.length === 0) {
    return fail(l10n.t('The {0} cannot be empty.', rule.what));
  }
  if (line.length > rule.max) {
    return fail(tooLong(rule, line.length));
  }
  const unsafe = findUnsafeCharacter(line, false, rule.what) ?? blankLooking(line, rule.what);
  return unsafe === undefined ? ok(line) : fail(unsafe);
}

/**
 * Cleans a multi-line field such as a note. Nothing (undefined, null, or only whitespace) is fine
 * and gives `undefined`. Otherwise: NFC; every line break becomes "\n" (CRLF, CR, U+2028 and U+2029
 * included); spaces at the end of each line go; more than two blank lines in a row become two; the
 * whole is trimmed; tabs stay. Then the length limit and the unsafe-character rules, with line
 * breaks and tabs allowed.
 */
export function cleanText(value: unknown, rule: TextRule): Validation<string | undefined> {
  if (value === undefined || value === null) {
    return ok(undefined);
  }
  if (typeof value !== 'string') {
    return fail(l10n.t('The {0} must be text.', rule.what));
  }
  if (value.length <= rule.max && PLAIN.test(value)) {
    return ok(value);
  }
  const text = value
    .normalize('NFC')
    .replace(LINE_BREAKS, '\n')
    .replace(TRAILING_SPACES, '')
    .replace(TOO_MANY_BLANK_LINES, '\n\n\n')
    .replace(LEADING_BLANK, '')
    .replace(TRAILING_BLANK, '');
  if (text.length === 0) {
    return ok(undefined);
  }
  if (text.length > rule.max) {
    return fail(tooLong(rule, text.length));
  }
  const unsafe = findUnsafeCharacter(text, true, rule.what) ?? blankLooking(text, rule.what);
  return unsafe === undefined ? ok(text) : fail(unsafe);
}

function tooLong(rule: TextRule, length: number): string {
  return rule.max === 1
    ? l10n.t('Keep the {0} to 1 character or fewer (it has {1}).', rule.what, length)
    : l10n.t('Keep the {0} to {1} characters or fewer (it has {2}).', rule.what, rule.max, length);
}

const ZWNJ = 0x200c;
const ZWJ = 0x200d;

/** Bidirectional formatting characters, with the names people can look up. */
const BIDI_NAMES: ReadonlyMap<number, string> = new Map([
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
]);

/** Zero-width characters that no text needs. */
const ZERO_WIDTH_NAMES: ReadonlyMap<number, string> = new Map([
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x2060, 'WORD JOINER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)'],
]);

const LINE_SEPARATOR_NAMES: ReadonlyMap<number, string> = new Map([
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
]);

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
/**
 * Unicode's Default_Ignorable_Code_Point: characters a renderer shows as nothing (soft hyphen,
 * combining grapheme joiner, Hangul fillers, invisible operators, deprecated format characters,
 * variation selectors, tags…). The Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) are in it.
 */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
/** What a variation selector may follow: a letter, digit, symbol, mark or emoji, never a space or the start. */
const VARIATION_BASE = /^[\p{L}\p{M}\p{N}\p{S}\p{Extended_Pictographic}]$/u;
/** Something that shows: not whitespace, not an ignorable, not the braille blank, not a combining mark on its own. */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\u2800]/u;

/** The ignorable characters with a name people can look up (others are shown by code point only). */
const IGNORABLE_NAMES: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'SOFT HYPHEN'],
  [0x034f, 'COMBINING GRAPHEME JOINER'],
  [0x115f, 'HANGUL CHOSEONG FILLER'],
  [0x1160, 'HANGUL JUNGSEONG FILLER'],
  [0x3164, 'HANGUL FILLER'],
  [0xffa0, 'HALFWIDTH HANGUL FILLER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0xe0001, 'LANGUAGE TAG'],
]);

/**
 * A variation selector (U+FE00–FE0F, U+E0100–E01EF, the Mongolian free variation selectors) is
 * allowed right after what it varies: an emoji, a letter, a digit (keycaps), a symbol.
 */
function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0x180b && cp <= 0x180d) || cp === 0x180f;
}

/** When text holds nothing that shows (only spaces, ignorables, blanks or lone marks): the reason, else undefined. */
function blankLooking(text: string, what: string): string | undefined {
  return VISIBLE.test(text) ? undefined : l10n.t('The {0} looks empty: it holds only invisible or blank characters.', what);
}
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;

/** "U+200D", with at least four hex digits. */
function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isLetterOrMark(cp: number | undefined): boolean {
  return cp !== undefined && LETTER_OR_MARK.test(String.fromCodePoint(cp));
}

function isPictographic(cp: number | undefined): boolean {
  return cp !== undefined && PICTOGRAPHIC.test(String.fromCodePoint(cp));
}

/** What may come just before a joiner inside an emoji sequence: an emoji, a skin tone, or the emoji presentation selector. */
function endsEmoji(cp: number | undefined): boolean {
  return cp !== undefined && ((cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0xfe0f || isPictographic(cp));
}

/**
 * Whether a zero-width joiner or non-joiner, between `before` and `after` (undefined at either end
 * of the text), is doing its job: inside a word (a letter or combining mark on both sides), or, for
 * the joiner only, between the parts of an emoji sequence.
 */
function joins(cp: number, before: number | undefined, after: number | undefined): boolean {
  if (isLetterOrMark(before) && isLetterOrMark(after)) {
    return true;
  }
  return cp === ZWJ && endsEmoji(before) && isPictographic(after);
}

/**
 * The first reason `text` is not safe to keep, as a sentence for the lead, or undefined when it is
 * fine. Refused: control characters (C0, DEL and C1; "\n" and "\t" are allowed when
 * `allowNewlines`), U+2028/U+2029 (the cleaners turn them into ordinary line breaks first),
 * bidirectional formatting characters, zero-width characters (the joiner and non-joiner only where
 * they join letters, or emoji for the joiner), the other default-ignorable characters (a variation
 * selector only right after a letter, digit, symbol or emoji) and unpaired UTF-16 surrogates.
 * `what` names the field in the message.
 *
 * One pass over the code points; the Unicode property tests only run next to a joiner.
 */
export function findUnsafeCharacter(text: string, allowNewlines: boolean, what = 'text'): string | undefined {
  let before: number | undefined;
  let i = 0;
  while (i < text.length) {
    // codePointAt never returns undefined for an index inside the string.
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const problem = describeProblem(text, cp, i + width, before, allowNewlines, what);
    if (problem !== undefined) {
      return problem;
    }
    before = cp;
    i += width;
  }
  return undefined;
}

function describeProblem(
  text: string,
  cp: number,
  next: number,
  before: number | undefined,
  allowNewlines: boolean,
  what: string,
): string | undefined {
  // The ordinary printable range comes first and costs two comparisons.
  if (cp >= 0x20 && cp < 0x7f) {
    return undefined;
  }
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
    if (allowNewlines && (cp === 0x0a || cp === 0x09)) {
      return undefined;
    }
    return l10n.t('The {0} contains an invisible control character ({1}); remove it and try again.', what, codePointName(cp));
  }
  if (cp >= 0xd800 && cp <= 0xdfff) {
    return l10n.t(
      'The {0} contains a broken character (an unpaired half of a UTF-16 surrogate pair, {1}); retype that part of the text.',
      what,
      codePointName(cp),
    );
  }
  const bidi = BIDI_NAMES.get(cp);
  if (bidi !== undefined) {
    return l10n.t(
      'The {0} contains an invisible text-direction character ({1} {2}), which can make the text display in a different order than it is stored; remove it and try again.',
      what,
      codePointName(cp),
      bidi,
    );
  }
  const zeroWidth = ZERO_WIDTH_NAMES.get(cp);
  if (zeroWidth !== undefined) {
    return l10n.t('The {0} contains an invisible character ({1} {2}); remove it and try again.', what, codePointName(cp), zeroWidth);
  }
  const separator = LINE_SEPARATOR_NAMES.get(cp);
  if (separator !== undefined) {
    return l10n.t(
      'The {0} contains an unusual line break ({1} {2}); replace it with an ordinary line break or a space.',
      what,
      codePointName(cp),
      separator,
    );
  }
  if (cp >= 0xad && cp !== ZWJ && cp !== ZWNJ && IGNORABLE.test(String.fromCodePoint(cp))) {
    if (isVariationSelector(cp) && before !== undefined && VARIATION_BASE.test(String.fromCodePoint(before))) {
      return undefined;
    }
    const name = IGNORABLE_NAMES.get(cp);
    return name === undefined
      ? l10n.t('The {0} contains an invisible character ({1}); remove it and try again.', what, codePointName(cp))
      : l10n.t('The {0} contains an invisible character ({1} {2}); remove it and try again.', what, codePointName(cp), name);
  }
  if (cp === ZWJ || cp === ZWNJ) {
    const after = next < text.length ? text.codePointAt(next) : undefined;
    if (!joins(cp, before, after)) {
      const name = cp === ZWJ ? 'ZERO WIDTH JOINER' : 'ZERO WIDTH NON-JOINER';
      return l10n.t(
        'The {0} contains an invisible character ({1} {2}) that does not join two letters of a word or two parts of an emoji here; remove it and try again.',
        what,
        codePointName(cp),
        name,
      );
    }
  }
  return undefined;
}
