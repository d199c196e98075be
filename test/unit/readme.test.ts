/**
 * The README's counts follow the data: the lesson paragraph near the top ("Thirty short lessons")
 * counts media/lessons, and "How the daily nudge is chosen" ("The 87 nudges are data") counts
 * media/nudges.json.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A number under 100 written in words ("Thirty", "twenty-four"), or undefined when it is not one. */
function numberInWords(text: string): number | undefined {
  const [tens, unit, ...rest] = text.toLowerCase().split('-');
  if (tens === undefined || rest.length > 0) {
    return undefined;
  }
  if (unit === undefined) {
    const small = UNITS.indexOf(tens);
    return small >= 0 ? small : TENS.indexOf(tens) >= 2 ? TENS.indexOf(tens) * 10 : undefined;
  }
  const [t, u] = [TENS.indexOf(tens), UNITS.indexOf(unit)];
  return t >= 2 && u >= 1 && u <= 9 ? t * 10 + u : undefined;
}

/** The counts the README states: lessons in words in its bold lesson line, nudges in figures. */
function readmeCounts(readme: string): { lessons: number | undefined; nudges: number | undefined } {
  const lessons = /^- \*\*([A-Za-z-]+) short lessons\*\*/m.exec(readme)?.[1];
  const nudges = /^The (\d+) nudges are data\b/m.exec(readme)?.[1];
  return { lessons: lessons === undefined ? undefined : numberInWords(lessons), nudges: nudges === undefined ? undefined : Number(nudges) };
}

describe('the README', () => {
  it('the count reader understands numbers in words and the two sentences', () => {
    assert.equal(numberInWords('Thirty'), 30);
    assert.equal(numberInWords('Twenty-four'), 24);
    assert.equal(numberInWords('nineteen'), 19);
    assert.equal(numberInWords('thirty-zero'), undefined);
    assert.equal(numberInWords('Several'), undefined);
    assert.deepEqual(
      readmeCounts('- **Twenty-four short lessons** (about 3 minutes each)\n\nThe 60 nudges are data, in `media/nudges.json`.'),
      { lessons: 24, nudges: 60 },
    );
    assert.deepEqual(readmeCounts('Short lessons and some nudges.'), { lessons: undefined, nudges: undefined });
  });

  it('states as many lessons as media/lessons holds and as many nudges as media/nudges.json', () => {
    const counts = readmeCounts(readFileSync(join(root, 'README.md'), 'utf8'));
    const lessons = readdirSync(join(root, 'media', 'lessons')).filter((name) => name.endsWith('.md')).length;
    const nudges = (JSON.parse(readFileSync(join(root, 'media', 'nudges.json'), 'utf8')) as { nudges: unknown[] }).nudges.length;
    assert.equal(counts.lessons, lessons, 'the "short lessons" count near the top of the README');
    assert.equal(counts.nudges, nudges, 'the count in "How the daily nudge is chosen"');
  });
});
