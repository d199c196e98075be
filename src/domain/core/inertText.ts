/**
 * The one way text that a lead typed (or imported) is put into anything VS Code interprets.
 *
 * VS Code reads syntax in places that look like plain text:
 * - notifications turn `[label](command:id?args)` into a link that runs the command when clicked;
 * - quick-pick labels, descriptions and details, tree items and status-bar messages draw
 *   `$(icon-name)` as an icon;
 * - a MarkdownString (tooltips, hovers) renders full markdown: links, images `![](…)`, reference
 *   definitions `[a]: command:x`, autolinks `<command:x>`, and, in VS Code's renderer, bare URLs.
 *   Only {@link inertMarkdown} may feed one.
 *
 * Notification links have no backslash escape, so {@link inert} breaks each pattern instead, with
 * an invisible U+200B ZERO WIDTH SPACE between the two characters that would start it. The text
 * reads the same; nothing in it can be a link or an icon. {@link inertMarkdown} is for
 * MarkdownString content, where backslash escapes do work.
 *
 * Plain TypeScript with no VS Code dependency.
 */

/** The invisible character that {@link inert} inserts to break link and icon syntax: U+200B ZERO WIDTH SPACE. */
export const INERT_BREAK = '\u200b';

/**
 * The two places where a plain-text sink finds syntax: `](` (a notification link `[label](target)`,
 * also the tail of an image) and `$(` (an icon). Nothing else in those sinks is interpreted: they
 * render no HTML, autolinks or reference definitions (those are markdown, see inertMarkdown), so
 * nothing else is broken, and a name such as `<Ana>` or `Q&A!` keeps exactly its characters.
 */
const PATTERN_START = /\](?=\()|\$(?=\()/g;

/**
 * `text` for a notification, a quick-pick item, a status-bar message or a tree label or
 * description: it reads the same, but {@link INERT_BREAK} is inserted after each `]` followed by
 * `(` and each `$` followed by `(`, so no link (or image) and no icon survives.
 *
 * Idempotent: a break is only inserted right after a character whose next character is `(`, and
 * the break itself is not, so a second pass finds nothing to do (`inert(inert(x)) === inert(x)`).
 * Removing every U+200B from the result gives back the input, less any U+200B it already had.
 */
export function inert(text: string): string {
  return text.replace(PATTERN_START, (start) => start + INERT_BREAK);
}

/** Every ASCII punctuation character: CommonMark (and the renderer VS Code uses) lets each be escaped with a backslash. */
const ASCII_PUNCTUATION = /[!-\/:-@[-`{-~]/g;
/** Leading spaces and tabs of a line: four of them would start a code block, and markdown drops fewer. */
const INDENT = /^[ \t]+/;
/** A no-break space as a markdown entity: renderers trim a literal one at the start of a paragraph. */
const NO_BREAK_SPACE = '&nbsp;';

/**
 * `text` as MarkdownString content (a tooltip or hover) that renders as the same text and nothing
 * else:
 * - every ASCII punctuation character is backslash-escaped, not only those the markdown spec gives
 *   a meaning today: `=` makes a heading under a line, `&` starts an entity, `:` `/` `.` `@` let
 *   VS Code's renderer turn bare URLs and e-mail addresses into links, and escaping them all is the
 *   simplest rule that leaves nothing out;
 * - `$(` also gets {@link INERT_BREAK} after the `$`, because VS Code draws icons in the rendered
 *   text, after the backslashes are gone;
 * - each line's leading spaces and tabs become `&nbsp;` (four per tab), so indentation shows and
 *   never turns a line into a code block (the `&` of the input is escaped, so this entity is ours);
 * - line breaks (LF, CRLF or CR) become markdown hard line breaks ("  \n"), so a multi-line note
 *   keeps its lines. An empty line still separates paragraphs, as it reads in the note.
 */
export function inertMarkdown(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.map(escapeLine).join('  \n');
}

function escapeLine(line: string): string {
  const indent = INDENT.exec(line)?.[0] ?? '';
  const shown = indent.replace(/ /g, NO_BREAK_SPACE).replace(/\t/g, NO_BREAK_SPACE.repeat(4));
  const rest = line
    .slice(indent.length)
    .replace(ASCII_PUNCTUATION, (ch: string, at: number, whole: string) =>
      ch === '$' && whole[at + 1] === '(' ? '\\$' + INERT_BREAK : '\\' + ch,
    );
  return shown + rest;
}
