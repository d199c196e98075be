/**
 * The lesson reader: the webview panel and markdown-it. Bundled apart (dist/lessonReader.js) and
 * loaded when the first lesson opens, so none of it costs anything at start-up.
 */
export { createLessonPanel, LessonPanel } from './lessonPanel';
export { renderLessonMarkdown } from './lessonRenderer';
