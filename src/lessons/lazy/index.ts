/**
 * The lesson reader: the webview panel, showing the HTML rendered at build time (see
 * lessons/build/renderLessons.ts). Bundled apart (dist/lessons.js) and loaded when the first lesson
 * opens; `lessons/register.ts` imports only its types.
 */
export { createLessonPanel, LessonPanel } from './lessonPanel';
