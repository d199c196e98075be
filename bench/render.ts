/**
 * renderMsMedian: markdown-it rendering of one lesson in plain Node, with the renderer the build
 * runs to write dist/lessons/lessons.json (lessons are rendered once, at build time, not in the
 * extension host), over every lesson × 200; and the median lesson length in words.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseLesson } from '../src/domain/lessons/lessons';
import { renderLessonMarkdown } from '../src/lessons/build/renderLessons';
import { countWords } from '../test/support/words';
import { median, percentile } from './stats';

export const RENDERS_PER_LESSON = 200;
const WARM_UP_PER_LESSON = 20;

export interface RenderResult {
  renderMsMedian: number | null;
  renderMsP95: number | null;
  lessonWordsMedian: number | null;
  lessons: number;
  samples: number;
  /** Where the renderer came from. */
  bundle?: string;
  /** Why a figure is null. */
  why?: string;
}

export function measureRender(root: string): RenderResult {
  const lessonsDir = path.join(root, 'media', 'lessons');
  const bodies: string[] = [];
  const words: number[] = [];
  for (const name of fs
    .readdirSync(lessonsDir)
    .filter((n) => n.endsWith('.md'))
    .sort()) {
    const parsed = parseLesson(name, fs.readFileSync(path.join(lessonsDir, name), 'utf8'));
    if (parsed.ok) {
      bodies.push(parsed.lesson.body);
      words.push(countWords(parsed.lesson.body));
    }
  }
  const base = { lessons: bodies.length, lessonWordsMedian: median(words) };
  if (bodies.length === 0) {
    return { ...base, renderMsMedian: null, renderMsP95: null, samples: 0, why: 'no lesson parsed in media/lessons' };
  }
  const found = { fn: renderLessonMarkdown, bundle: 'src/lessons/build/renderLessons.ts, which the build runs' };
  let sink = 0;
  for (const body of bodies) for (let i = 0; i < WARM_UP_PER_LESSON; i++) sink += found.fn(body).length;
  const samples: number[] = [];
  for (let round = 0; round < RENDERS_PER_LESSON; round++) {
    for (const body of bodies) {
      const t0 = performance.now();
      sink += found.fn(body).length;
      samples.push(performance.now() - t0);
    }
  }
  if (sink === 0) throw new Error('the renderer produced no HTML');
  return {
    ...base,
    renderMsMedian: median(samples),
    renderMsP95: percentile(samples, 95),
    samples: samples.length,
    bundle: found.bundle,
  };
}
