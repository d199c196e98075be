/**
 * The in-memory history: identities and paths stored once, commits found by hash, window queries
 * by time, identity and path prefix, and growth by later reads in any order.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CommitHistory, identityKeyOf, isUnder } from '../../../src/domain/signals/history';
import { commit, historyOf, instantOf } from './generated';

describe('signals: the commit history', () => {
  it('stores each identity and path once, and every field of a commit', () => {
    const a = commit({
      author: 'Ana',
      local: '2026-04-01T10:00',
      offset: '+02:00',
      files: ['billing/a.ts', ['old/b.ts', 'billing/b.ts']],
      subject: 'Ana 1',
      reviewedBy: [{ name: 'Lea', email: 'LEA@x.example' }],
    });
    const b = commit({
      author: 'Ana',
      local: '2026-04-02T10:00',
      offset: '+02:00',
      files: ['billing/a.ts'],
      coAuthors: [{ name: 'Bo', email: 'bo@x.example' }],
    });
    const history = historyOf([a, b]);
    assert.equal(history.identityCount, 1);
    assert.equal(history.pathCount, 3);
    assert.equal(history.identity(0).commits, 2);
    assert.equal(history.identity(0).firstSeen, a.authoredAt);
    assert.equal(history.identity(0).lastSeen, b.authoredAt);
    const i = history.indexOf(a.hash);
    assert.equal(history.hashOf(i), a.hash);
    assert.equal(history.authoredAt(i), a.authoredAt);
    assert.equal(history.offsetMinutes(i), 120);
    assert.equal(history.subjectOf(i), 'Ana 1');
    assert.deepEqual(history.filesOf(i), a.files);
    assert.deepEqual(history.trailersOf(i, 0), [{ name: 'Lea', email: 'lea@x.example' }]);
    assert.deepEqual(history.trailersOf(history.indexOf(b.hash), 1), [{ name: 'Bo', email: 'bo@x.example' }]);
    assert.equal(history.indexOf('f'.repeat(40)), -1);
  });

  it('keys an identity by its name and its email without case', () => {
    const history = historyOf([
      commit({ author: 'Ana', email: 'Ana@X.example', local: '2026-04-01T10:00' }),
      commit({ author: 'Ana', email: 'ana@x.example', local: '2026-04-01T11:00' }),
      commit({ author: 'Ana B', email: 'ana@x.example', local: '2026-04-01T12:00' }),
    ]);
    assert.deepEqual(
      history.identities().map((i) => [i.key, i.commits]),
      [
        [identityKeyOf('Ana', 'ana@x.example'), 2],
        [identityKeyOf('Ana B', 'ana@x.example'), 1],
      ],
    );
  });

  it('answers window queries by time, identity, path prefix and merges', () => {
    const commits = [
      commit({ author: 'Ana', local: '2026-04-01T10:00', files: ['billing/a.ts'] }),
      commit({ author: 'Bo', local: '2026-04-02T10:00', files: ['billingx/a.ts'] }),
      commit({ author: 'Ana', local: '2026-04-03T10:00', files: [['auth/x.ts', 'billing/x.ts']] }),
      commit({ author: 'Bo', local: '2026-04-04T10:00', files: [['billing/y.ts', 'auth/y.ts']] }),
      commit({ author: 'Ana', local: '2026-04-05T10:00', parents: 2 }),
      commit({ author: 'Ana', local: '2026-04-06T10:00', files: ['billing'] }),
    ];
    const history = historyOf(commits);
    const subjects = (ids: number[]): number[] => ids.map((i) => commits.findIndex((c) => c.hash === history.hashOf(i)));
    const ana = new Set([identityKeyOf('Ana', 'ana@example.com')]);
    assert.deepEqual(subjects(history.select()), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(
      subjects(history.select({ from: instantOf('2026-04-02T10:00', 'Z'), to: instantOf('2026-04-04T10:00', 'Z') })),
      [1, 2],
    );
    assert.deepEqual(subjects(history.select({ authors: ana })), [0, 2, 4, 5]);
    assert.deepEqual(subjects(history.select({ paths: ['billing/'] })), [0, 2, 3, 5], 'renamed in and out count, billingx/ does not');
    assert.deepEqual(subjects(history.select({ paths: ['billing'] })), [0, 2, 3, 5]);
    assert.deepEqual(subjects(history.select({ authors: ana, merges: 'only' })), [4]);
    assert.deepEqual(subjects(history.select({ authors: ana, merges: 'exclude', paths: ['auth'] })), [2]);
    assert.ok(isUnder('billing/a.ts', './billing/') && isUnder('billing', 'billing/') && !isUnder('billingx/a.ts', 'billing'));
  });

  it('grows with later reads in any order, keeping the time order, and ignores commits it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 30 }), { maxLength: 6 }), (batches) => {
        const history = new CommitHistory();
        const all: number[] = [];
        for (const batch of batches) {
          const commits = batch
            .map((minute) => commit({ author: `P${minute % 3}`, local: `2026-01-01T00:00`, files: [`f${minute % 5}`] }))
            .map((c, k) => ({ ...c, authoredAt: c.authoredAt + (batch[k] ?? 0) * 60_000 }));
          assert.equal(history.add(commits), commits.length);
          assert.equal(history.add(commits.slice(0, 2)), 0);
          all.push(...commits.map((c) => c.authoredAt));
          const times = Array.from(history.byTime(), (i) => history.authoredAt(i));
          assert.deepEqual(
            times,
            [...all].sort((x, y) => x - y),
          );
        }
        assert.equal(history.size, all.length);
      }),
      { numRuns: 100 },
    );
  });

  it('finds every commit by hash after the table has grown many times', () => {
    const commits = Array.from({ length: 3000 }, (_, k) =>
      commit({ author: 'Ana', local: `2026-01-01T00:${String(k % 60).padStart(2, '0')}` }),
    );
    const history = new CommitHistory();
    for (let k = 0; k < commits.length; k += 100) {
      history.add(commits.slice(k, k + 100));
    }
    assert.ok(commits.every((c, k) => history.indexOf(c.hash) === k));
  });
});
