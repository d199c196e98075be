/**
 * User text shown by VS Code must read the same and do nothing: no command link in a notification,
 * no icon in a quick pick or the status bar, no link, image or formatting in a markdown tooltip.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { INERT_BREAK, inert, inertMarkdown } from '../../src/domain/core/inertText';

const B = INERT_BREAK;

/** A notification link as VS Code finds one: `[label](target)` or `[label](target "title")`, no gap allowed. */
const NOTIFICATION_LINK = /\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+(?: (["']).+?\1)?\)/i;
/** An icon as VS Code finds one in labels and the status bar: `$(name)` or `$(name~spin)`. */
const ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z0-9-]+)?\)/;
/** Every pattern start that inert must break: a link (or image) and an icon, the syntax plain-text sinks read. */
const PATTERN_STARTS = [/\]\(/, /\$\(/];

const removeBreaks = (text: string): string => text.split(B).join('');

describe('inert', () => {
  it('uses U+200B ZERO WIDTH SPACE as the break', () => {
    assert.equal(INERT_BREAK, '\u200b');
    assert.equal(INERT_BREAK.length, 1);
  });

  it('breaks a command link so a notification shows it as text', () => {
    const text = 'Review [Open settings](command:workbench.action.openSettings?%5B%22x%22%5D) today';
    assert.match(text, NOTIFICATION_LINK);
    const shown = inert(text);
    assert.equal(shown, `Review [Open settings]${B}(command:workbench.action.openSettings?%5B%22x%22%5D) today`);
    assert.doesNotMatch(shown, NOTIFICATION_LINK);
  });

  it('breaks icons and images, and leaves what plain-text sinks do not read exactly as typed', () => {
    assert.equal(inert('$(zap) ship it $(sync~spin)'), `$${B}(zap) ship it $${B}(sync~spin)`);
    assert.equal(inert('![x](https://e.test/a.png)'), `![x]${B}(https://e.test/a.png)`);
    assert.equal(inert('[a]: command:x'), '[a]: command:x');
    assert.equal(inert('<img src=x onerror=alert(1)> and <b>bold</b>'), '<img src=x onerror=alert(1)> and <b>bold</b>');
    assert.equal(inert('[a]]]('), `[a]]]${B}(`);
  });

  it('leaves ordinary text alone, including brackets, dollars and comparisons that start nothing', () => {
    for (const text of ['Own the release — ça va?', 'a < b, 3 > 2, <3', 'costs $5 (maybe)', '[draft] notes', 'Hi! [team]', 'x: y', '']) {
      assert.equal(inert(text), text);
    }
  });

  it('is idempotent', () => {
    const once = inert('[a](command:x) $(zap) ![i](y) <z>');
    assert.equal(inert(once), once);
  });

  const linkish = fc
    .array(
      fc.constantFrom(
        '[',
        ']',
        '(',
        ')',
        '$',
        '!',
        '<',
        '>',
        ':',
        'command:',
        'workbench.action.x',
        'https://',
        ' ',
        'a',
        'Z',
        'é',
        '\n',
        '~',
        '"',
        'zap',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));
  const anyText = fc.oneof(linkish, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }));
  const runs = { numRuns: 1000 };

  it('property: no pattern start survives, and removing the breaks gives the input back', () => {
    fc.assert(
      fc.property(
        anyText.filter((s) => !s.includes(B)),
        (text) => {
          const shown = inert(text);
          for (const pattern of PATTERN_STARTS) {
            assert.doesNotMatch(shown, pattern);
          }
          assert.doesNotMatch(shown, NOTIFICATION_LINK);
          assert.doesNotMatch(shown, ICON);
          assert.equal(removeBreaks(shown), text);
        },
      ),
      runs,
    );
  });

  it('property: only breaks are added, and a second pass adds none, even to text that already had some', () => {
    const withBreaks = fc.array(fc.oneof(linkish, fc.constant(B)), { maxLength: 5 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(anyText, withBreaks), (text) => {
        const shown = inert(text);
        assert.equal(removeBreaks(shown), removeBreaks(text));
        assert.equal(inert(shown), shown);
      }),
      runs,
    );
  });
});

// ---------------------------------------------------------------------------------------------

const markdown = new MarkdownIt({ html: false, linkify: false });
/** VS Code's own renderer also turns bare URLs into links; markdown-it does so with linkify on. */
const markdownLinkify = new MarkdownIt({ html: false, linkify: true });

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text a reader sees in rendered HTML: tags removed, the entities markdown-it writes decoded. */
function textContent(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39);/g, (_entity, key: string) => ENTITIES[key] ?? '');
}

/**
 * Text compared the way it reads: whitespace runs as one space, ends trimmed, our breaks removed,
 * and NUL as markdown shows it (every markdown renderer replaces it with U+FFFD).
 */
function reads(text: string): string {
  return removeBreaks(text)
    .replace(/\u0000/g, '\ufffd')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('inertMarkdown', () => {
  const render = (text: string): string => markdown.render(inertMarkdown(text));

  it('shows links, images, reference links and autolinks as text', () => {
    for (const text of [
      '[Open](command:workbench.action.openSettings)',
      '![pic](https://e.test/a.png)',
      '[a]\n\n[a]: command:x',
      '<command:x> <https://e.test>',
      '[a][b]\n\n[b]: https://e.test',
    ]) {
      const html = render(text);
      assert.doesNotMatch(html, /<a |<img /, html);
      assert.equal(reads(textContent(html)), reads(text));
    }
  });

  it('leaves bare URLs and addresses as text even where the renderer links them', () => {
    const text = 'see https://e.test/x, www.e.test and sam@e.test';
    assert.match(markdownLinkify.render(text), /<a /); // the renderer would link them as they are
    const html = markdownLinkify.render(inertMarkdown(text));
    assert.doesNotMatch(html, /<a /);
    assert.equal(reads(textContent(html)), reads(text));
  });

  it('shows markdown formatting and block syntax as the characters typed', () => {
    const samples: readonly [string, RegExp][] = [
      ['# Title', /<h1/],
      ['Title\n===', /<h1/],
      ['Title\n---', /<h2/],
      ['- item', /<ul/],
      ['+ item', /<ul/],
      ['1. item', /<ol/],
      ['1) item', /<ol/],
      ['> quoted', /<blockquote/],
      ['```\ncode\n```', /<pre/],
      ['~~~\ncode\n~~~', /<pre/],
      ['    indented', /<pre|<code/],
      ['\tindented', /<pre|<code/],
      ['*em* _em_', /<em/],
      ['**strong** __strong__', /<strong/],
      ['`code`', /<code/],
      ['~~gone~~', /<s>/],
      ['a | b\n--|--\n1 | 2', /<table/],
      ['***', /<hr/],
    ];
    for (const [text, syntax] of samples) {
      assert.match(markdown.render(text), syntax, `${text} should be syntax when not escaped`);
      const html = render(text);
      assert.doesNotMatch(html, syntax, html);
      assert.equal(reads(textContent(html)), reads(text), html);
    }
  });

  it('shows character references as typed rather than decoding them', () => {
    const text = '&amp; &lt; &#65; &#x5B;';
    assert.equal(reads(textContent(markdown.render(text))), '& < A [');
    assert.equal(reads(textContent(render(text))), text);
  });

  it('breaks icon syntax in the rendered text', () => {
    const html = render('$(zap) go');
    assert.equal(textContent(html).trim(), `$${B}(zap) go`);
    assert.doesNotMatch(textContent(html), ICON);
  });

  it('keeps each line of a note as a line, and indentation as no-break spaces', () => {
    assert.equal(inertMarkdown('one\ntwo'), 'one  \ntwo');
    assert.equal(inertMarkdown('one\r\ntwo\rthree'), 'one  \ntwo  \nthree');
    assert.equal(render('one\ntwo'), '<p>one<br>\ntwo</p>\n');
    assert.equal(inertMarkdown('  a\n\tb'), '&nbsp;&nbsp;a  \n&nbsp;&nbsp;&nbsp;&nbsp;b');
    assert.equal(render('one\n\ntwo'), '<p>one</p>\n<p>two</p>\n');
  });

  it('escapes every ASCII punctuation character and nothing else', () => {
    const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    assert.equal(inertMarkdown(punctuation), Array.from(punctuation, (ch) => `\\${ch}`).join(''));
    assert.equal(inertMarkdown('Ünïcødé 日本 émoji 👩\u200d💻 0-9'), 'Ünïcødé 日本 émoji 👩\u200d💻 0\\-9');
  });

  const markdownish = fc
    .array(
      fc.constantFrom(
        '[',
        ']',
        '(',
        ')',
        '$',
        '!',
        '<',
        '>',
        ':',
        '*',
        '_',
        '`',
        '~',
        '#',
        '-',
        '+',
        '=',
        '|',
        '\\',
        '&',
        ';',
        '.',
        '&amp;',
        '&#91;',
        'command:x',
        'https://e.test',
        'www.e.test',
        'a@e.test',
        ' ',
        '  ',
        '    ',
        '\t',
        '\n',
        '\r\n',
        'a',
        'é',
        '1',
        '1.',
        'zap',
        '\u00a0',
        '\u0000',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));
  const anyText = fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }));

  it('property: renders no link or image, no icon, and the same text as the input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const renderer of [markdown, markdownLinkify]) {
          const html = renderer.render(inertMarkdown(text));
          assert.doesNotMatch(html, /<a[\s>]|<img[\s>]/);
          const shown = textContent(html);
          assert.doesNotMatch(shown, ICON);
          assert.equal(reads(shown), reads(text));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property: renders no formatting at all, only paragraphs and line breaks', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tags = markdown.render(inertMarkdown(text)).match(/<\/?[a-z0-9]+/g) ?? [];
        for (const tag of tags) {
          assert.ok(['<p', '</p', '<br'].includes(tag), `${tag} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
