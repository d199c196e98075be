/**
 * renderMsMedian: markdown-it rendering of one lesson in plain Node, through the production bundle
 * that exports `renderLessonMarkdown` (dist/lessonRenderer.js, or whichever lazily loaded dist/*.js
 * carries it now), over every lesson × 200; and the median lesson length in words.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseLesson } from '../src/domain/lessons';
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
  /** The bundle the renderer came from, e.g. dist/lessonReader.js. */
  bundle?: string;
  /** Why a figure is null. */
  why?: string;
}

type RenderFn = (body: string) => string;

/**
 * A stand-in for the `vscode` module: any property, call or `new` gives another stand-in. Its
 * prototype answers every property too, because esbuild's CommonJS interop copies the module onto
 * an object created from that prototype.
 */
function vscodeStub(): unknown {
  const get = (_target: object, prop: string | symbol): unknown => (prop === Symbol.toPrimitive ? () => '' : prop === 'then' ? undefined : stub);
  const proto: object = new Proxy({}, { get });
  const stub: unknown = new Proxy(function vscode() {}, {
    get,
    getPrototypeOf: () => proto,
    apply: () => stub,
    construct: () => stub as object,
  });
  return stub;
}

/**
 * Requires `file` with `vscode` resolved to a stub (the reader bundle imports it at top level for
 * the panel code; the renderer itself never touches it).
 */
function requireWithVscodeStub(file: string): unknown {
  const mod = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = mod._load;
  const stub = vscodeStub();
  mod._load = function load(request: string, parent: unknown, isMain: boolean): unknown {
    return request === 'vscode' ? stub : original.call(this, request, parent, isMain);
  };
  try {
    return require(file) as unknown;
  } finally {
    mod._load = original;
  }
}

/** `bundles`: this build's dist/*.js other than extension.js, relative to the repository. */
function findRenderer(root: string, bundles: readonly string[]): { fn: RenderFn; bundle: string } | { why: string } {
  const dist = path.join(root, 'dist');
  const names = bundles.map((b) => path.basename(b));
  if (names.length === 0) return { why: 'no lazily loaded bundle in this production build' };
  names.sort((a, b) => (a === 'lessonRenderer.js' ? -1 : b === 'lessonRenderer.js' ? 1 : a.localeCompare(b)));
  const problems: string[] = [];
  for (const name of names) {
    try {
      const exported = requireWithVscodeStub(path.join(dist, name)) as { renderLessonMarkdown?: unknown };
      if (typeof exported.renderLessonMarkdown === 'function') {
        return { fn: exported.renderLessonMarkdown as RenderFn, bundle: `dist/${name}` };
      }
    } catch (err) {
      problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { why: `no dist/*.js exports renderLessonMarkdown${problems.length ? ` (${problems.join('; ')})` : ''}` };
}

export function measureRender(root: string, bundles: readonly string[]): RenderResult {
  const lessonsDir = path.join(root, 'media', 'lessons');
  const bodies: string[] = [];
  const words: number[] = [];
  for (const name of fs.readdirSync(lessonsDir).filter((n) => n.endsWith('.md')).sort()) {
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
  const found = findRenderer(root, bundles);
  if ('why' in found) {
    return { ...base, renderMsMedian: null, renderMsP95: null, samples: 0, why: found.why };
  }
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
