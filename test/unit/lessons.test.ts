import * as assert from 'node:assert/strict';
import { LessonCatalogue, parseLesson, readLessonsRead } from '../../src/domain/lessons/lessons';
import { countWords } from '../support/words';
import { renderLessonFiles } from '../../src/lessons/build/renderLessons';
import * as fs from 'node:fs';
import * as path from 'node:path';

const file = (front: string, body = '# Title\n\nText.\n'): string => `---\n${front}\n---\n${body}`;
const valid = 'id: trust\ntitle: Build trust\nsummary: Why trust matters.\ntags: [trust, feedback]\norder: 2';

describe('lesson files', () => {
  it('parses the front matter and keeps the body', () => {
    const parsed = parseLesson('trust.md', file(valid));
    assert.deepEqual(parsed, {
      ok: true,
      lesson: {
        id: 'trust',
        title: 'Build trust',
        summary: 'Why trust matters.',
        tags: ['trust', 'feedback'],
        order: 2,
        body: '# Title\n\nText.\n',
      },
    });
  });

  it('refuses a file whose front matter is missing or wrong', () => {
    assert.match(JSON.stringify(parseLesson('trust.md', '# No front matter')), /no front matter/);
    assert.match(JSON.stringify(parseLesson('other.md', file(valid))), /match the file name/);
    assert.match(JSON.stringify(parseLesson('trust.md', file(valid.replace('order: 2', 'order: first')))), /order/);
    assert.match(JSON.stringify(parseLesson('trust.md', file(valid.replace('tags: [trust, feedback]', 'tags: trust')))), /tags/);
    assert.match(JSON.stringify(parseLesson('trust.md', file(valid.replace('title: Build trust', 'title:')))), /title/);
  });

  it('orders lessons', () => {
    const lesson = (id: string, order: number) => ({ id, title: id, summary: '', tags: [], order, body: '' });
    const catalogue = new LessonCatalogue([lesson('c', 3), lesson('a', 1), lesson('b', 2)]);
    assert.deepEqual(
      catalogue.all().map((l) => l.id),
      ['a', 'b', 'c'],
    );
  });

  it('counts words, not markdown', () => {
    assert.equal(countWords('# Heading\n\n- one *two*\n- [three](https://example.com) -- 4'), 6);
  });

  it('reads the stored read marks defensively', () => {
    assert.deepEqual(readLessonsRead(['trust', 5, 'Not An Id', 'check-in']), ['trust', 'check-in']);
    assert.deepEqual(readLessonsRead({}), []);
  });
});

describe('lessons rendered at build time', () => {
  it('renders a lesson body by id, with raw HTML shown as text and no script: link', () => {
    const body = '# Title\n\n<script>alert(1)</script> <b>bold?</b>\n\n[click](javascript:alert(1)) and https://example.com\n';
    const [rendered, ...rest] = renderLessonFiles([{ name: 'trust.md', text: file(valid, body) }]);
    assert.equal(rest.length, 0);
    assert.equal(rendered?.id, 'trust');
    const html = rendered?.html ?? '';
    assert.match(html, /<h1>Title<\/h1>/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &lt;b&gt;bold\?&lt;\/b&gt;/);
    assert.doesNotMatch(html, /<script|<b>|href="javascript:/i);
    assert.match(html, /<a href="https:\/\/example\.com">/);
  });

  it('fails the build on a lesson file that does not parse, naming it', () => {
    assert.throws(() => renderLessonFiles([{ name: 'broken.md', text: '# No front matter' }]), /broken\.md: no front matter/);
  });

  it('renders every shipped lesson', () => {
    const dir = path.resolve(__dirname, '..', '..', '..', 'media', 'lessons');
    const files = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
    const rendered = renderLessonFiles(files);
    assert.equal(rendered.length, files.length);
    assert.ok(files.length >= 20);
    for (const { id, html } of rendered) {
      assert.match(html, /<p>/, id);
    }
  });
});
