import * as assert from 'node:assert/strict';
import { LessonCatalogue, parseLesson, readLessonsRead } from '../../src/domain/lessons';
import { countWords } from '../support/words';

const file = (front: string, body = '# Title\n\nText.\n'): string => `---\n${front}\n---\n${body}`;
const valid = 'id: trust\ntitle: Build trust\nsummary: Why trust matters.\ntags: [trust, feedback]\norder: 2';

describe('lesson files', () => {
  it('parses the front matter and keeps the body', () => {
    const parsed = parseLesson('trust.md', file(valid));
    assert.deepEqual(parsed, {
      ok: true,
      lesson: { id: 'trust', title: 'Build trust', summary: 'Why trust matters.', tags: ['trust', 'feedback'], order: 2, body: '# Title\n\nText.\n' },
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
    assert.deepEqual(catalogue.all().map((l) => l.id), ['a', 'b', 'c']);
  });

  it('counts words, not markdown', () => {
    assert.equal(countWords('# Heading\n\n- one *two*\n- [three](https://example.com) -- 4'), 6);
  });

  it('reads the stored read marks defensively', () => {
    assert.deepEqual(readLessonsRead(['trust', 5, 'Not An Id', 'check-in']), ['trust', 'check-in']);
    assert.deepEqual(readLessonsRead({}), []);
  });
});
