import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson, type Lesson } from '../../src/domain/lessons';
import { countWords } from '../support/words';
import { NUDGE_THEMES, parseNudgeCatalogue, SHORT_MAX } from '../../src/domain/nudges';

const root = join(__dirname, '..', '..', '..');
const lessonsDir = join(root, 'media', 'lessons');
const articlePath = join(root, '..', 'shared', 'source', 'article.md');

function loadLessons(): Lesson[] {
  return readdirSync(lessonsDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const parsed = parseLesson(name, readFileSync(join(lessonsDir, name), 'utf8'));
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
      return parsed.lesson;
    });
}

/** Lower-case word runs of `size`, for finding sentences copied from the article. */
function shingles(text: string, size: number): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const result = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) {
    result.add(words.slice(i, i + size).join(' '));
  }
  return result;
}

describe('the shipped lessons', () => {
  const lessons = loadLessons();

  it('has at least 12 lessons with unique ids and orders', () => {
    assert.ok(lessons.length >= 12, `only ${lessons.length} lessons`);
    assert.equal(new Set(lessons.map((l) => l.id)).size, lessons.length);
    assert.equal(new Set(lessons.map((l) => l.order)).size, lessons.length);
  });

  it('covers every topic the product promises', () => {
    const ids = new Set(lessons.map((l) => l.id));
    for (const id of ['afterthought', 'learned-skill', 'preventing-burnout', 'encouraging-creativity', 'building-trust', 'check-in', 'bigger-picture', 'model-behavior', 'delegate-more', 'ask-for-feedback', 'project-oxygen', 'microsoft-culture']) {
      assert.ok(ids.has(id), `missing lesson ${id}`);
    }
  });

  for (const lesson of loadLessons()) {
    it(`${lesson.id}: 150 to 400 words, a list, no HTML, ends with one thing to try this week`, () => {
      const words = countWords(lesson.body);
      assert.ok(words >= 150 && words <= 400, `${words} words`);
      assert.match(lesson.body, /^\s*(?:[-*]|\d+\.)\s/m, 'no list');
      assert.doesNotMatch(lesson.body, /<\/?[a-z][^>]*>/i, 'raw HTML');
      const headings = [...lesson.body.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]);
      assert.equal(headings.at(-1), 'Try this week');
      assert.equal(headings[0], lesson.title, 'the body opens with the title');
    });
  }

  it('copies no run of 6 words from the source article', () => {
    assert.ok(existsSync(articlePath), `The source article is needed for this check and was not found at ${articlePath}`);
    const article = shingles(readFileSync(articlePath, 'utf8'), 6);
    const nudges = readFileSync(join(root, 'media', 'nudges.json'), 'utf8');
    for (const [name, text] of [...lessons.map((l) => [l.id, l.body] as const), ['nudges.json', nudges] as const]) {
      const copied = [...shingles(text, 6)].filter((s) => article.has(s));
      assert.deepEqual(copied, [], `${name} repeats the article`);
    }
  });
});

describe('the shipped nudges', () => {
  const raw: unknown = JSON.parse(readFileSync(join(root, 'media', 'nudges.json'), 'utf8'));
  const { nudges, problems } = parseNudgeCatalogue(raw);
  const lessonIds = new Set(loadLessons().map((l) => l.id));

  it('are all valid, at least 40 of them', () => {
    assert.deepEqual(problems, []);
    assert.ok(nudges.length >= 40, `only ${nudges.length}`);
  });

  it('cover every theme, delegation and check-ins most', () => {
    for (const theme of NUDGE_THEMES) {
      const count = nudges.filter((n) => n.theme === theme).length;
      assert.ok(count >= (theme === 'delegation' || theme === 'check-ins' ? 5 : 3), `${theme}: ${count}`);
    }
  });

  it('link to lessons that exist and fit the status bar', () => {
    for (const nudge of nudges) {
      assert.ok(lessonIds.has(nudge.lesson), `${nudge.id} links to missing lesson ${nudge.lesson}`);
      assert.ok(nudge.short.length <= SHORT_MAX, nudge.id);
    }
  });
});
