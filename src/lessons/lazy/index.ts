/**
 * The lesson reader: the webview panel and markdown-it. Bundled apart (dist/lessons.js) and loaded
 * when the first lesson opens, so none of it costs anything at start-up; `lessons/register.ts`
 * imports only its types.
 */
export { createLessonPanel, LessonPanel } from './lessonPanel';
export { renderLessonMarkdown } from './lessonRenderer';
