import * as path from 'path';
import type * as LessonRenderer from './lessonRenderer';

let renderer: typeof LessonRenderer | undefined;

/** Loads dist/lessonRenderer.js (markdown-it) the first time a lesson is shown. */
export function loadLessonRenderer(): typeof LessonRenderer {
  // A computed path keeps the bundler from inlining the renderer into the activation bundle.
  renderer ??= require(path.join(__dirname, 'lessonRenderer.js')) as typeof LessonRenderer;
  return renderer;
}
