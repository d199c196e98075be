/** Markdown rendering for lessons, in the lesson reader's bundle with markdown-it. */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

/** Raw HTML in the source is shown as text, never parsed; markdown-it also refuses script: links. */
export function renderLessonMarkdown(source: string): string {
  return markdown.render(source);
}
