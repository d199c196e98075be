/** A lesson from `media/lessons/<id>.md`: front matter plus a markdown body. */
export interface Lesson {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly order: number;
  readonly body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Parses a lesson file. The front matter is a small YAML subset (`key: value` lines and
 * `tags: [a, b]`), so no YAML library is loaded for it.
 */
export function parseLesson(fileName: string, text: string): { ok: true; lesson: Lesson } | { ok: false; error: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    return { ok: false, error: `${fileName}: no front matter` };
  }
  const fields = new Map<string, string>();
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (line.trim().length === 0) {
      continue;
    }
    if (colon <= 0) {
      return { ok: false, error: `${fileName}: front matter line "${line}" is not key: value` };
    }
    fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const id = fields.get('id') ?? '';
  const title = fields.get('title') ?? '';
  const summary = fields.get('summary') ?? '';
  const order = Number(fields.get('order'));
  const tagsText = fields.get('tags') ?? '[]';
  if (!LESSON_ID.test(id) || `${id}.md` !== fileName) {
    return { ok: false, error: `${fileName}: id must be kebab-case and match the file name` };
  }
  if (!title || !summary) {
    return { ok: false, error: `${fileName}: title and summary are required` };
  }
  if (!Number.isInteger(order) || order < 1) {
    return { ok: false, error: `${fileName}: order must be a positive whole number` };
  }
  if (!/^\[.*\]$/.test(tagsText)) {
    return { ok: false, error: `${fileName}: tags must be a list like [trust, feedback]` };
  }
  const tags = tagsText
    .slice(1, -1)
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  return { ok: true, lesson: { id, title, summary, tags, order, body: text.slice(match[0].length) } };
}

/** Lessons in reading order. */
export class LessonCatalogue {
  private readonly ordered: readonly Lesson[];

  constructor(lessons: readonly Lesson[]) {
    this.ordered = [...lessons].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  }

  all(): readonly Lesson[] {
    return this.ordered;
  }

  get(id: string): Lesson | undefined {
    return this.ordered.find((l) => l.id === id);
  }
}

/** Ids of lessons the lead has marked read, validated when read back from storage. */
export function readLessonsRead(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string' && LESSON_ID.test(id)) : [];
}
