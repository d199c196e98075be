/**
 * Markdown rendering for lessons. Bundled apart (dist/lessonRenderer.js) and loaded on the first
 * lesson opened, so markdown-it costs nothing at start-up.
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

/** Raw HTML in the source is shown as text, never parsed; markdown-it also refuses script: links. */
export function renderLessonMarkdown(source: string): string {
  return markdown.render(source);
}
