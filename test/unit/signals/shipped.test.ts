/**
 * Shipped since the last 1:1: the person's commits and merges since the day, newest first,
 * grouped by folder at a depth that separates them, capped with a count of the rest.
 */
import * as assert from 'node:assert/strict';
import { identityKeyOf } from '../../../src/domain/signals/history';
import { folderAt, shippedSince, SHIPPED_CAP } from '../../../src/domain/signals/shipped';
import { commit, historyOf, instantOf } from './generated';

const priya = new Set([identityKeyOf('Priya Sharma', 'priya.sharma@example.com')]);
const SINCE = instantOf('2026-05-04T00:00', 'Z');
const by = (local: string, subject: string, files: string[], extra: { author?: string; parents?: number } = {}) =>
  commit({
    author: extra.author ?? 'Priya Sharma',
    local,
    subject,
    files,
    ...(extra.parents === undefined ? {} : { parents: extra.parents }),
  });

describe('signals: shipped since the last 1:1', () => {
  it('lists the person own commits and merges since the day, newest first, grouped by top folder', () => {
    const history = historyOf([
      by('2026-05-01T10:00', 'Before the 1:1', ['billing/old.ts']),
      by('2026-05-04T09:00', 'Retry failed charges', ['billing/retry.ts', 'billing/retry.test.ts']),
      by('2026-05-05T09:00', 'Session timeout', ['auth/session.ts']),
      by('2026-05-05T11:00', 'Someone else', ['billing/x.ts'], { author: 'Sam Lee' }),
      by('2026-05-06T09:00', 'Invoice totals', ['billing/invoice.ts', 'auth/token.ts', 'billing/total.ts']),
      by('2026-05-07T09:00', 'Fix the README', ['README.md']),
      by('2026-05-08T09:00', 'Merge pull request #12 from priya/retry', [], { parents: 2 }),
    ]);
    const shipped = shippedSince(history, priya, SINCE);
    assert.equal(shipped.commits, 4);
    assert.equal(shipped.merges, 1);
    assert.equal(shipped.more, 0);
    assert.equal(shipped.depth, 1);
    assert.deepEqual(
      shipped.groups.map((g) => [g.merges ? '(merges)' : g.folder, g.lines.map((l) => l.subject)]),
      [
        ['(merges)', ['Merge pull request #12 from priya/retry']],
        ['', ['Fix the README']],
        ['billing/', ['Invoice totals', 'Retry failed charges']],
        ['auth/', ['Session timeout']],
      ],
    );
    assert.equal(
      shipped.groups[2]?.lines[0]?.hash,
      history.hashOf(history.select({ from: instantOf('2026-05-06T00:00', 'Z'), to: instantOf('2026-05-07T00:00', 'Z') })[0] ?? -1),
    );
  });

  it('groups one level deeper when everything is in one folder', () => {
    const history = historyOf([
      by('2026-05-05T09:00', 'A', ['src/billing/a.ts']),
      by('2026-05-05T10:00', 'B', ['src/auth/b.ts']),
      by('2026-05-05T11:00', 'C', ['src/billing/c.ts']),
    ]);
    const shipped = shippedSince(history, priya, SINCE);
    assert.equal(shipped.depth, 2);
    assert.deepEqual(
      shipped.groups.map((g) => g.folder),
      ['src/billing/', 'src/auth/'],
    );
    const deep = shippedSince(
      historyOf([by('2026-05-05T09:00', 'A', ['src/billing/api/a.ts']), by('2026-05-05T10:00', 'B', ['src/billing/api/v2/b.ts'])]),
      priya,
      SINCE,
    );
    assert.deepEqual([deep.depth, deep.groups.map((g) => g.folder)], [3, ['src/billing/api/']]);
  });

  it('caps the list at 20 lines, the newest, and counts the rest', () => {
    const many = Array.from({ length: 27 }, (_, k) =>
      by(`2026-05-${String(5 + Math.floor(k / 10)).padStart(2, '0')}T${String(8 + (k % 10)).padStart(2, '0')}:00`, `Change ${k}`, [
        k % 2 === 0 ? 'billing/x.ts' : 'auth/y.ts',
      ]),
    );
    const shipped = shippedSince(historyOf(many), priya, SINCE);
    assert.equal(SHIPPED_CAP, 20);
    assert.equal(
      shipped.groups.reduce((n, g) => n + g.lines.length, 0),
      20,
    );
    assert.equal(shipped.more, 7);
    assert.equal(shipped.commits, 27);
    const lines = shipped.groups.flatMap((g) => g.lines);
    assert.ok(
      lines.every((l) => l.authoredAt >= (many[7]?.authoredAt ?? Infinity)),
      'only the newest 20',
    );
    for (const group of shipped.groups) {
      assert.deepEqual(
        group.lines.map((l) => l.authoredAt),
        [...group.lines.map((l) => l.authoredAt)].sort((a, b) => b - a),
      );
    }
  });

  it('cuts paths into folders', () => {
    assert.equal(folderAt('a/b/c.ts', 1), 'a/');
    assert.equal(folderAt('a/b/c.ts', 2), 'a/b/');
    assert.equal(folderAt('a/b/c.ts', 3), 'a/b/');
    assert.equal(folderAt('c.ts', 2), '');
  });
});
