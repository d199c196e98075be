/**
 * Lesson rendering, at build time: esbuild.mjs runs this over media/lessons/*.md and writes each
 * lesson's HTML to dist/lessons/<id>.html, so neither the extension nor its web build carries
 * markdown-it (about 150 KB) to render the same fixed text on every machine. Never bundled into
 * the extension.
 */
import MarkdownIt from 'markdown-it';
import { parseLesson } from '../../domain/lessons/lessons';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

/** Raw HTML in the source is shown as text, never parsed; markdown-it also refuses script: links. */
export function renderLessonMarkdown(source: string): string {
  return markdown.render(source);
}

/** Each lesson file's body as HTML, by lesson id; a file that does not parse fails the build. */
export function renderLessonFiles(files: readonly { readonly name: string; readonly text: string }[]): { id: string; html: string }[] {
  return files.map(({ name, text }) => {
    const parsed = parseLesson(name, text);
    if (!parsed.ok) {
      throw new Error(`Lesson ${parsed.error}`);
    }
    return { id: parsed.lesson.id, html: renderLessonMarkdown(parsed.lesson.body) };
  });
}
