/**
 * Cleaning and checking what a lead types or imports: examples for every rule, then properties over
 * random text (any code point, printable graphemes, and text biased towards the tricky characters).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanLine, cleanText, findUnsafeCharacter } from '../../src/domain/core/text';
import { type Validation } from '../../src/domain/core/validation';

const task = { what: 'task', max: 200 };
const name = { what: 'name', max: 80 };
const note = { what: 'note', max: 2000 };

function errorOf<T>(result: Validation<T>): string {
  assert.equal(result.ok, false, `expected a refusal, got ${JSON.stringify(result)}`);
  return result.ok ? '' : result.error;
}

function valueOf<T>(result: Validation<T>): T {
  if (!result.ok) {
    assert.fail(`expected success, got: ${result.error}`);
  }
  return result.value;
}

const ZWNJ = '\u200c';
const ZWJ = '\u200d';

describe('cleanLine', () => {
  it('refuses anything that is not text, naming the field', () => {
    assert.deepEqual(cleanLine(42, task), { ok: false, error: 'The task must be text.' });
    assert.deepEqual(cleanLine(undefined, name), { ok: false, error: 'The name must be text.' });
    assert.equal(cleanLine(null, task).ok, false);
    assert.equal(cleanLine(['a'], task).ok, false);
  });

  it('normalises to NFC, so an accent typed as a combining mark is stored as one character', () => {
    const value = valueOf(cleanLine('Jose\u0301', name));
    assert.equal(value, 'Jos\u00e9');
    assert.equal(value.length, 4);
    assert.equal(valueOf(cleanLine('Jos\u00e9', name)), 'Jos\u00e9');
  });

  it('collapses every run of whitespace to one space and trims', () => {
    assert.equal(valueOf(cleanLine('  Own\tthe\r\n\n release\u00a0\u00a0notes  ', task)), 'Own the release notes');
    assert.equal(valueOf(cleanLine('a\u2028b\u2029c\u3000d\u2003e', task)), 'a b c d e');
    assert.equal(valueOf(cleanLine('a\v\fb', task)), 'a b');
  });

  it('refuses an empty or blank value', () => {
    assert.match(errorOf(cleanLine('', task)), /task cannot be empty/);
    assert.match(errorOf(cleanLine(' \t\n\u00a0 ', name)), /name cannot be empty/);
  });

  it('applies the length limit after cleaning and says the numbers', () => {
    assert.equal(valueOf(cleanLine('x'.repeat(200), task)).length, 200);
    const error = errorOf(cleanLine('x'.repeat(201), task));
    assert.match(error, /200 characters/);
    assert.match(error, /201/);
    assert.equal(valueOf(cleanLine(`a${' '.repeat(300)}b`, { what: 'name', max: 3 })), 'a b');
    assert.equal(valueOf(cleanLine('e\u0301'.repeat(3), { what: 'name', max: 3 })), '\u00e9\u00e9\u00e9');
  });

  it('accepts names in scripts that need a zero-width non-joiner or joiner inside a word', () => {
    for (const word of [
      'می\u200cخواهم', // Persian: "I want", ZWNJ between two letters
      'علی\u200cرضا', // Persian name Alireza
      'क्\u200dष', // Devanagari: virama, ZWJ, letter
      'क्\u200cष', // Devanagari: virama, ZWNJ, letter
      'ന്\u200dറ', // Malayalam: virama, ZWJ, letter
    ]) {
      assert.equal(valueOf(cleanLine(word, name)), word);
    }
    assert.equal(valueOf(cleanLine('Priya क्\u200dष Sharma', name)), 'Priya क्\u200dष Sharma');
  });

  it('accepts emoji sequences joined with a zero-width joiner', () => {
    for (const emoji of ['👩\u200d💻', '🏳\ufe0f\u200d🌈', '👩🏽\u200d💻', '👨\u200d👩\u200d👧', '🏴\u200d☠\ufe0f']) {
      assert.equal(valueOf(cleanLine(`Sam ${emoji}`, name)), `Sam ${emoji}`);
    }
  });

  it('refuses a joiner or non-joiner that joins nothing', () => {
    const cases = [
      `${ZWJ}Sam`, // at the start
      `Sam${ZWJ}`, // at the end
      ZWJ, // alone
      `Sam ${ZWJ} Lee`, // between spaces (collapsing keeps one space on each side)
      `Sa${ZWJ}${ZWJ}m`, // two in a row
      `Sa${ZWNJ}${ZWJ}m`, // two different ones in a row
      `1${ZWJ}2`, // between digits
      `a${ZWJ}👩`, // a letter then an emoji
      `👩${ZWNJ}💻`, // the non-joiner never joins emoji
      `${ZWNJ}Sam`,
      `Sam${ZWNJ}`,
    ];
    for (const text of cases) {
      const error = errorOf(cleanLine(text, name));
      assert.match(error, /^The name contains an invisible character \(U\+200[CD] ZERO WIDTH (NON-)?JOINER\)/, text);
    }
  });

  it('refuses zero-width characters wherever they are', () => {
    for (const [ch, code] of [
      ['\u200b', 'U+200B'],
      ['\u2060', 'U+2060'],
      ['\ufeff', 'U+FEFF'],
      ['\u180e', 'U+180E'],
    ] as const) {
      for (const text of [`Sa${ch}m`, `${ch}Sam`, `Sam${ch}`, `می${ch}خواهم`]) {
        const error = errorOf(cleanLine(text, name));
        assert.ok(error.includes(code), `${error} should name ${code}`);
        assert.ok(error.startsWith('The name '), error);
      }
    }
  });

  it('refuses bidirectional formatting characters, naming them (the Trojan Source trick)', () => {
    const error = errorOf(cleanLine('Pay \u202eecnatpecca\u202c now', task));
    assert.match(error, /^The task /);
    assert.match(error, /U\+202E RIGHT-TO-LEFT OVERRIDE/);
    assert.match(error, /different order than it is stored/);
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]) {
      const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      const message = errorOf(cleanLine(`abc${String.fromCodePoint(cp)}def`, task));
      assert.ok(message.includes(code), `${message} should name ${code}`);
    }
  });

  it('refuses control characters, naming the code point', () => {
    for (const [cp, code] of [
      [0x00, 'U+0000'],
      [0x07, 'U+0007'],
      [0x1b, 'U+001B'],
      [0x7f, 'U+007F'],
      [0x80, 'U+0080'],
      [0x85, 'U+0085'],
      [0x9f, 'U+009F'],
    ] as const) {
      const error = errorOf(cleanLine(`a${String.fromCodePoint(cp)}b`, task));
      assert.ok(error.includes(code), `${error} should name ${code}`);
      assert.match(error, /^The task contains an invisible control character/);
    }
  });

  it('refuses broken UTF-16 (an unpaired surrogate)', () => {
    assert.match(errorOf(cleanLine('a\ud800b', task)), /U\+D800/);
    assert.match(errorOf(cleanLine('\udc00', task)), /U\+DC00/);
    assert.match(errorOf(cleanLine('ends badly \ud83d', task)), /U\+D83D/);
    assert.match(errorOf(cleanLine('\ude00 starts badly', task)), /U\+DE00/);
  });

  it('allows private-use and unassigned code points, ordinary astral characters and variation selectors after what they vary', () => {
    for (const text of [
      'a\ue000b',
      'a\u0378b',
      '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
      '😀 done',
      '日本語の名前',
      '❤\ufe0f team',
      '1\ufe0f\u20e3 first',
      '葛\u{e0100}城',
    ]) {
      assert.equal(valueOf(cleanLine(text, task)), text);
    }
  });

  it('refuses every other character that renders as nothing, alone or inside text, and text with nothing visible', () => {
    const invisible = [
      0x00ad, 0x034f, 0x115f, 0x1160, 0x17b4, 0x2061, 0x2062, 0x2063, 0x2064, 0x206a, 0x206f, 0x3164, 0xffa0, 0xe0001, 0xe0020, 0xe007f,
    ];
    for (const cp of invisible) {
      const char = String.fromCodePoint(cp);
      const name = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      for (const text of [char, `Ana${char}Lee`, `Ana ${char}`, `${char}Ana`]) {
        const result = cleanLine(text, task);
        assert.equal(result.ok, false, `${name} in ${JSON.stringify(text)}`);
        assert.match(result.ok ? '' : result.error, new RegExp(`^The task contains an invisible character \\(${name.replace('+', '\\+')}`));
      }
    }
    // A variation selector with nothing to vary: at the start, after a space.
    for (const text of ['\ufe0fAna', 'Ana \ufe0f']) {
      assert.equal(cleanLine(text, task).ok, false, JSON.stringify(text));
    }
    for (const text of ['\u2800', '\u0301', '\u2800 \u2800']) {
      assert.deepEqual(cleanLine(text, task), { ok: false, error: 'The task looks empty: it holds only invisible or blank characters.' });
      assert.equal(cleanText(text, note).ok, false, JSON.stringify(text));
    }
  });
});

describe('cleanText', () => {
  it('gives undefined for nothing, and refuses what is not text', () => {
    assert.deepEqual(cleanText(undefined, note), { ok: true, value: undefined });
    assert.deepEqual(cleanText(null, note), { ok: true, value: undefined });
    assert.deepEqual(cleanText('', note), { ok: true, value: undefined });
    assert.deepEqual(cleanText(' \n\t\r\n \u00a0', note), { ok: true, value: undefined });
    assert.deepEqual(cleanText(7, note), { ok: false, error: 'The note must be text.' });
  });

  it('turns every kind of line break into \\n and trims the spaces that end each line', () => {
    assert.equal(valueOf(cleanText('one\r\ntwo\rthree\u2028four\u2029five\nsix', note)), 'one\ntwo\nthree\nfour\nfive\nsix');
    assert.equal(valueOf(cleanText('one  \ntwo\t\u00a0\nthree', note)), 'one\ntwo\nthree');
  });

  it('keeps at most two blank lines in a row, and trims the whole note', () => {
    assert.equal(valueOf(cleanText('\n\n  a\n\n\n\n\n\nb\n\n', note)), 'a\n\n\nb');
    assert.equal(valueOf(cleanText('a\n \n\t\n  \n \nb', note)), 'a\n\n\nb');
    assert.equal(valueOf(cleanText('a\n\n\n\nb', note)), 'a\n\n\nb');
    assert.equal(valueOf(cleanText('a\n\n\nb', note)), 'a\n\n\nb');
    assert.equal(valueOf(cleanText('a\n\nb', note)), 'a\n\nb');
  });

  it('keeps tabs and indentation inside the note, and normalises to NFC', () => {
    assert.equal(valueOf(cleanText('Steps:\n\t1. ask\n    2. listen', note)), 'Steps:\n\t1. ask\n    2. listen');
    assert.equal(valueOf(cleanText('cafe\u0301', note)), 'caf\u00e9');
  });

  it('applies the length limit after cleaning and says the numbers', () => {
    assert.equal(valueOf(cleanText(`${'x'.repeat(10)}${' '.repeat(50)}`, { what: 'note', max: 10 })), 'x'.repeat(10));
    const error = errorOf(cleanText('x'.repeat(11), { what: 'note', max: 10 }));
    assert.match(error, /note to 10 characters/);
    assert.match(error, /11/);
  });

  it('refuses control characters other than newline and tab, and every invisible trick', () => {
    assert.match(errorOf(cleanText('a\u0007b', note)), /^The note contains an invisible control character \(U\+0007\)/);
    assert.match(errorOf(cleanText('a\vb', note)), /U\+000B/);
    assert.match(errorOf(cleanText('a\fb', note)), /U\+000C/);
    assert.match(errorOf(cleanText('a\u0085b', note)), /U\+0085/);
    assert.match(errorOf(cleanText('a\u200bb', note)), /U\+200B/);
    assert.match(errorOf(cleanText('x = 1 \u202e// comment', note)), /U\+202E RIGHT-TO-LEFT OVERRIDE/);
    assert.match(errorOf(cleanText('line\n\u200dnext', note)), /U\+200D/);
    assert.equal(valueOf(cleanText('می\u200cخواهم\n👩\u200d💻', note)), 'می\u200cخواهم\n👩\u200d💻');
  });
});

describe('findUnsafeCharacter', () => {
  it('allows newline and tab only when asked to', () => {
    assert.equal(findUnsafeCharacter('a\nb\tc', true), undefined);
    assert.match(findUnsafeCharacter('a\nb', false) ?? '', /U\+000A/);
    assert.match(findUnsafeCharacter('a\tb', false) ?? '', /U\+0009/);
    assert.match(findUnsafeCharacter('a\r\nb', true) ?? '', /U\+000D/);
  });

  it('refuses U+2028 and U+2029, which the cleaners turn into ordinary breaks first', () => {
    assert.match(findUnsafeCharacter('a\u2028b', true) ?? '', /U\+2028/);
    assert.match(findUnsafeCharacter('a\u2029b', false) ?? '', /U\+2029/);
  });

  it('names the field it is given, and calls it "text" otherwise', () => {
    assert.match(findUnsafeCharacter('\u0000', false, 'person') ?? '', /^The person /);
    assert.match(findUnsafeCharacter('\u0000', false) ?? '', /^The text /);
  });

  it('reports the first problem', () => {
    assert.match(findUnsafeCharacter('a\u200bb\u202ec', false) ?? '', /U\+200B/);
    assert.match(findUnsafeCharacter('a\u202eb\u200bc', false) ?? '', /U\+202E/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** Characters that make the rules work: joiners, marks, letters of several scripts, emoji parts, spaces, controls. */
const tricky = fc.constantFrom(
  ZWJ,
  ZWNJ,
  '\u200b',
  '\ufeff',
  '\u2060',
  '\u180e',
  '\u202e',
  '\u2066',
  '\u200f',
  '\u061c',
  '\u0000',
  '\u0007',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u009f',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  ' ',
  '  ',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u3000',
  '\u00ad',
  'e',
  '\u0301',
  '\u0327',
  'A',
  'z',
  '1',
  '-',
  'ی',
  'خ',
  'क',
  '्',
  'ष',
  '👩',
  '💻',
  '🏽',
  '\ufe0f',
  '🏳',
  '🌈',
  '\ud800',
  '\udc00',
  '\ud83d',
);
const trickyText = fc.array(tricky, { maxLength: 20 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  trickyText,
);
const runs = { numRuns: 1000 };

/** Whitespace in the JavaScript sense other than the plain space. */
const OTHER_WHITESPACE = /[^\S ]/;

describe('cleanLine properties', () => {
  it('an accepted line is NFC, trimmed, single-spaced, within the limit, safe, and cleans to itself', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 30 }), (input, max) => {
        const rule = { what: 'task', max };
        const result = cleanLine(input, rule);
        if (!result.ok) {
          assert.match(result.error, /^(The|Keep the) task /);
          return;
        }
        const line = result.value;
        assert.equal(line, line.normalize('NFC'));
        assert.ok(line.length >= 1 && line.length <= max);
        assert.equal(line, line.trim());
        assert.ok(!line.includes('  '));
        assert.ok(!OTHER_WHITESPACE.test(line));
        assert.equal(findUnsafeCharacter(line, false), undefined);
        assert.deepEqual(cleanLine(line, rule), result);
      }),
      runs,
    );
  });

  it('changes nothing but whitespace and normalisation: the other characters all stay, in order', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = cleanLine(input, { what: 'task', max: 1000 });
        if (result.ok) {
          assert.equal(result.value.replace(/\s/g, ''), input.normalize('NFC').replace(/\s/g, ''));
        }
      }),
      runs,
    );
  });

  it('refuses exactly the lines holding a character from the always-refused sets', () => {
    const alwaysRefused = /[\u0000-\u001f\u007f-\u009f\u200b\u2060\ufeff\u180e\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
    fc.assert(
      fc.property(anyText, (input) => {
        // The same cleaning as cleanLine's, written differently: U+FEFF is refused, not whitespace.
        const line = input
          .normalize('NFC')
          .replace(/[^\S\ufeff]+/g, ' ')
          .replace(/^ | $/g, '');
        const result = cleanLine(input, { what: 'task', max: 1000 });
        if (alwaysRefused.test(line)) {
          assert.equal(result.ok, false);
        }
        if (
          line.length > 0 &&
          !/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060\ufeff\u180e\u202a-\u202e\u2066-\u2069\u061c\ud800-\udfff]/.test(line) &&
          !/\p{Default_Ignorable_Code_Point}/u.test(line) &&
          /[^\p{White_Space}\p{M}\u2800]/u.test(line)
        ) {
          assert.equal(result.ok, true, JSON.stringify(input));
        }
      }),
      runs,
    );
  });
});

describe('cleanText properties', () => {
  /** Notes made mostly of line breaks and spaces, where the blank-line and trailing-space rules matter. */
  const noteLike = fc
    .array(fc.constantFrom('\n', '\n', '\r\n', '\r', '\u2028', ' ', '\t', '\u00a0', 'a', 'é', '\u200c'), { maxLength: 30 })
    .map((parts) => parts.join(''));

  it('an accepted note is NFC, has only \\n breaks, no trailing spaces, at most two blank lines, is safe and cleans to itself', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, noteLike), (input) => {
        const result = cleanText(input, note);
        if (!result.ok) {
          assert.match(result.error, /^(The|Keep the) note /);
          return;
        }
        const text = result.value;
        if (text === undefined) {
          assert.equal(input.replace(/[\s]/g, ''), '', `only whitespace may vanish: ${JSON.stringify(input)}`);
          return;
        }
        assert.equal(text, text.normalize('NFC'));
        assert.ok(!/[\r\u2028\u2029]/.test(text));
        assert.ok(!/[ \t\u00a0]\n/.test(text) && !text.includes('\n\n\n\n'));
        assert.equal(text, text.trim());
        assert.equal(findUnsafeCharacter(text, true), undefined);
        assert.deepEqual(cleanText(text, note), result);
        assert.equal(text.replace(/\s/g, ''), input.normalize('NFC').replace(/\s/g, ''));
      }),
      runs,
    );
  });
});

describe('findUnsafeCharacter properties', () => {
  /** Printable graphemes, without the two Unicode line separators that are refused in stored text. */
  const printable = fc
    .string({ unit: 'grapheme', maxLength: 30 })
    .filter((s) => !/[\u2028\u2029]/.test(s) && !/\p{Default_Ignorable_Code_Point}/u.test(s.replace(/[\u200c\u200d\ufe0e\ufe0f]/g, '')));

  it('accepts any printable text', () => {
    fc.assert(
      fc.property(printable, (text) => {
        assert.equal(findUnsafeCharacter(text, false), undefined);
      }),
      runs,
    );
  });

  it('finds, and names, one unsafe character put anywhere in printable text', () => {
    const unsafe = fc.constantFrom(
      0x00,
      0x09,
      0x0a,
      0x0d,
      0x1f,
      0x7f,
      0x80,
      0x9f,
      0x200b,
      0x2060,
      0xfeff,
      0x180e,
      0x202a,
      0x202b,
      0x202c,
      0x202d,
      0x202e,
      0x2066,
      0x2067,
      0x2068,
      0x2069,
      0x200e,
      0x200f,
      0x061c,
      0xd800,
      0xdbff,
      0xdc00,
      0xdfff,
      0x2028,
      0x2029,
    );
    fc.assert(
      fc.property(printable, unsafe, fc.nat(), (text, cp, at) => {
        const points = Array.from(text);
        const where = at % (points.length + 1);
        points.splice(where, 0, String.fromCharCode(cp));
        const message = findUnsafeCharacter(points.join(''), false, 'task') ?? '';
        assert.ok(message.startsWith('The task '), message);
        assert.ok(message.includes(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`), message);
      }),
      runs,
    );
  });

  const letters = fc.constantFrom('ی', 'م', 'خ', 'ر', 'क', 'ष', 'ത', 'a', 'é');
  const marks = fc.constantFrom('्', '്', '\u0301', '\u064e');
  const emoji = fc.constantFrom('👩', '💻', '🌈', '☠', '❤', '👨', '👧');
  const tone = fc.constantFrom('', '🏽', '\ufe0f', '🏻');

  it('accepts a joiner or non-joiner between letters and marks, and a joiner between emoji', () => {
    const wordPart = fc.tuple(letters, fc.option(marks, { nil: '' })).map(([l, m]) => l + m);
    const word = fc
      .tuple(fc.array(wordPart, { minLength: 2, maxLength: 6 }), fc.array(fc.constantFrom(ZWJ, ZWNJ, ''), { minLength: 6, maxLength: 6 }))
      .map(([parts, joiners]) => parts.map((p, i) => (i === 0 ? p : (joiners[i] ?? '') + p)).join(''));
    const emojiSequence = fc
      .array(
        fc.tuple(emoji, tone).map(([e, t]) => e + t),
        { minLength: 2, maxLength: 4 },
      )
      .map((parts) => parts.join(ZWJ));
    fc.assert(
      fc.property(fc.array(fc.oneof(word, emojiSequence), { minLength: 1, maxLength: 4 }), (words) => {
        const text = words.join(' ');
        assert.equal(findUnsafeCharacter(text, false), undefined, JSON.stringify(text));
        assert.deepEqual(cleanLine(text, name), { ok: true, value: text.normalize('NFC') });
      }),
      runs,
    );
  });

  it('refuses a joiner or non-joiner at either end, next to a space, digit or another joiner', () => {
    const joiner = fc.constantFrom(ZWJ, ZWNJ);
    const breaker = fc.constantFrom(' ', '1', '-', '.', ZWJ, ZWNJ, '\n');
    const side = fc.oneof(letters, marks, emoji);
    const misplaced = fc.oneof(
      fc.tuple(joiner, side).map(([j, s]) => j + s),
      fc.tuple(side, joiner).map(([s, j]) => s + j),
      fc.tuple(side, joiner, breaker, side).map(([a, j, b, c]) => a + j + b + c),
      fc.tuple(side, breaker, joiner, side).map(([a, b, j, c]) => a + b + j + c),
    );
    fc.assert(
      fc.property(misplaced, (text) => {
        assert.notEqual(findUnsafeCharacter(text, true), undefined, JSON.stringify(text));
      }),
      runs,
    );
  });
});
