/**
 * Reading `git log`: the arguments, the format, and the streaming parser (a commit split across
 * chunks at any offset reads the same; paths and subjects holding the separators; unreadable
 * records skipped; the cost per 64 KB chunk).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { COMMIT_FORMAT, gitLogArgs, GitLogParser, parseGitLog, parseIsoDate, type ParsedCommit } from '../../../src/domain/signals/gitLog';
import { commit, logText } from './generated';

/** The output git 2.39 wrote for a small repository (from `od -c`), with the hashes shortened to readable ones. */
const H = (c: string): string => c.repeat(40);
const REAL = [
  `\x1e${H('a')}\x1f${H('b')}\x1fT\x1ft@x\x1f2026-12-01T20:12:26+00:00\x1f\x1fempty\x1f\0`,
  `\x1e${H('b')}\x1f${H('c')} ${H('d')}\x1fT\x1ft@x\x1f2026-12-01T20:12:26+00:00\x1f\x1fMerge branch 'br'\x1f\0`,
  `\x1e${H('c')}\x1f${H('e')}\x1fT\x1ft@x\x1f2026-12-01T20:12:26+00:00\x1f\x1fy\x1f\0\nA\0y\0`,
  `\x1e${H('e')}\x1f${H('f')}\x1fT\x1ft@x\x1f2026-12-01T20:12:26+00:00\x1fReviewed-by: Lea <l@x>\x1dCo-authored-by: Bo <b@x>\x1fsecond\x1f\0\nR100\0a/b/f.txt\0a/g.txt\0M\0a/sp ace.txt\0`,
  `\x1e${H('f')}\x1f\x1fT\x1ft@x\x1f2026-12-01T20:12:25+00:00\x1f\x1ffirst\x1f\0\nA\0a/b/f.txt\0A\0a/sp ace.txt\0`,
].join('');

function feedInPieces(text: string, cuts: readonly number[]): ParsedCommit[] {
  const parser = new GitLogParser();
  const out: ParsedCommit[] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(...parser.feed(text.slice(at, cut)));
    at = cut;
  }
  out.push(...parser.feed(text.slice(at)), ...parser.end());
  return out;
}

describe('signals: reading git log', () => {
  describe('the arguments', () => {
    it('ask for the mailmap-aware author, the author date with its offset, the trailers, the subject and the files with renames, NUL-separated', () => {
      const args = gitLogArgs();
      assert.equal(args[0], 'log');
      assert.ok(args.includes(`--format=${COMMIT_FORMAT}`));
      for (const placeholder of ['%H', '%P', '%aN', '%aE', '%aI', '%s', 'key=Reviewed-by', 'key=Co-authored-by', '%x1e', '%x1f']) {
        assert.ok(COMMIT_FORMAT.includes(placeholder), placeholder);
      }
      assert.ok(
        !COMMIT_FORMAT.includes('%an') && !COMMIT_FORMAT.includes('%ae') && !COMMIT_FORMAT.includes('%cI'),
        'raw author or committer fields',
      );
      for (const option of ['--name-status', '-M', '-z', '--no-color', '--no-show-signature', '--no-ext-diff']) {
        assert.ok(args.includes(option), option);
      }
      assert.deepEqual(args.slice(-2), ['HEAD', '--']);
    });

    it('read from a start date, and incrementally from the head read last time', () => {
      const since = Date.UTC(2026, 5, 1, 0, 0, 0);
      const args = gitLogArgs({ sinceMs: since, from: H('a') });
      assert.ok(args.includes('--since=2026-06-01T00:00:00Z'));
      assert.deepEqual(args.slice(-2), [`${H('a')}..HEAD`, '--']);
      assert.deepEqual(gitLogArgs({ from: 'HEAD', to: 'feature/billing-retry' }).slice(-2), ['HEAD..feature/billing-retry', '--']);
    });

    it('refuse a revision git could read as an option or a range', () => {
      for (const bad of ['--output=/tmp/x', '-p', 'a..b', 'has space', '', 'x\ny']) {
        assert.throws(() => gitLogArgs({ to: bad }), RangeError, bad);
        assert.throws(() => gitLogArgs({ from: bad }), RangeError, bad);
      }
    });
  });

  describe('the parser', () => {
    it('reads what git wrote: merges without files, renames with both paths, trailers, paths with spaces', () => {
      const commits = parseGitLog(REAL);
      assert.deepEqual(
        commits.map((c) => [c.subject, c.parents.length, c.files.map((f) => `${f.status} ${f.from ?? ''}>${f.path}`)]),
        [
          ['empty', 1, []],
          ["Merge branch 'br'", 2, []],
          ['y', 1, ['added >y']],
          ['second', 1, ['renamed a/b/f.txt>a/g.txt', 'modified >a/sp ace.txt']],
          ['first', 0, ['added >a/b/f.txt', 'added >a/sp ace.txt']],
        ],
      );
      const second = commits[3];
      assert.deepEqual(second?.reviewedBy, [{ name: 'Lea', email: 'l@x' }]);
      assert.deepEqual(second?.coAuthors, [{ name: 'Bo', email: 'b@x' }]);
      assert.equal(second?.hash, H('e'));
      assert.equal(second?.authoredAt, Date.UTC(2026, 11, 1, 20, 12, 26));
    });

    it('keeps the author date as an instant and the author own offset, on both sides of UTC', () => {
      assert.deepEqual(parseIsoDate('2026-03-29T23:10:00+02:00'), { instant: Date.UTC(2026, 2, 29, 21, 10), offsetMinutes: 120 });
      assert.deepEqual(parseIsoDate('2026-03-29T23:10:00-07:00'), { instant: Date.UTC(2026, 2, 30, 6, 10), offsetMinutes: -420 });
      assert.deepEqual(parseIsoDate('2026-03-29T23:10:00+05:45'), { instant: Date.UTC(2026, 2, 29, 17, 25), offsetMinutes: 345 });
      assert.deepEqual(parseIsoDate('2026-03-29T23:10:00Z'), { instant: Date.UTC(2026, 2, 29, 23, 10), offsetMinutes: 0 });
      for (const bad of ['2026-03-29 23:10:00 +0200', '2026-13-29T23:10:00+02:00', 'yesterday', '2026-03-29T23:10:00+0200']) {
        assert.equal(parseIsoDate(bad), undefined, bad);
      }
    });

    it('reads a commit split across chunks at every offset the same as in one piece', () => {
      const whole = parseGitLog(REAL);
      for (let cut = 0; cut <= REAL.length; cut++) {
        assert.deepEqual(feedInPieces(REAL, [cut]), whole, `cut at ${cut}`);
      }
    });

    it('returns each commit as soon as the next one starts, and the last at end()', () => {
      const parser = new GitLogParser();
      const first = REAL.indexOf('\x1e', 1);
      assert.deepEqual(parser.feed(REAL.slice(0, first)), []);
      assert.deepEqual(
        parser.feed(REAL.slice(first, first + 1)).map((c) => c.subject),
        ['empty'],
      );
      const rest = parser.feed(REAL.slice(first + 1));
      assert.deepEqual(
        rest.map((c) => c.subject),
        ["Merge branch 'br'", 'y', 'second'],
      );
      assert.deepEqual(
        parser.end().map((c) => c.subject),
        ['first'],
      );
      assert.deepEqual(parser.end(), []);
      assert.throws(() => parser.feed('x'));
    });

    it('reads paths holding the record and field separators, and a subject holding a field separator', () => {
      const odd = commit({
        author: 'Ana',
        local: '2026-05-04T10:00',
        files: ['docs/\x1eodd\x1f name.md', ['old\x1e/x.ts', 'new/x.ts']],
        subject: 'Split\x1fsubject',
      });
      const [back] = parseGitLog(logText([odd, commit({ author: 'Bo', local: '2026-05-04T11:00' })]));
      assert.deepEqual(back, odd);
    });

    it('skips a record whose header does not read, and keeps reading after it', () => {
      const good = commit({ author: 'Ana', local: '2026-05-04T10:00' });
      const broken = logText([commit({ author: 'Bo', local: '2026-05-04T10:00' })]).replace(
        /\x1f20\d\d-[^\x1f]*\x1f/,
        '\x1fnot a date\x1f',
      );
      const parser = new GitLogParser();
      const out = [...parser.feed(broken + logText([good])), ...parser.end()];
      assert.deepEqual(out, [good]);
      assert.equal(parser.skipped, 1);
    });

    it('reads any generated history the same whatever the chunk boundaries (property)', () => {
      const person = fc.constantFrom('Ana', 'Bo Li', 'Zoë Ångström', '李雷', 'dependabot[bot]');
      const path = fc.constantFrom('a.txt', 'src/b c.ts', 'src/ü/ñ.md', 'x/\x1ey', 'deep/er/still/f');
      const arb = fc.array(
        fc.record({
          author: person,
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          offset: fc.constantFrom('+00:00', '+05:30', '-08:00', '+13:00', '-03:30'),
          files: fc.array(fc.oneof(path, fc.tuple(path, path)), { maxLength: 4 }),
          merge: fc.boolean(),
          subject: fc.string({ maxLength: 30 }).map((s) => s.replace(/[\0\x1e\x1d\n]/g, '')),
          reviewer: fc.option(person, { nil: undefined }),
        }),
        { maxLength: 8 },
      );
      fc.assert(
        fc.property(arb, fc.array(fc.nat(), { maxLength: 10 }), (specs, rawCuts) => {
          const commits = specs.map((s) =>
            commit({
              author: s.author,
              local: `2026-02-${String(s.day).padStart(2, '0')}T${String(s.hour).padStart(2, '0')}:15`,
              offset: s.offset,
              files: s.files,
              parents: s.merge ? 2 : 1,
              subject: s.subject,
              ...(s.reviewer === undefined ? {} : { reviewedBy: [{ name: s.reviewer, email: 'r@example.com' }] }),
            }),
          );
          const text = logText(commits);
          const cuts = rawCuts.map((c) => (text.length === 0 ? 0 : c % (text.length + 1)));
          assert.deepEqual(feedInPieces(text, cuts), commits);
        }),
        { numRuns: 300 },
      );
    });

    it('parses a 64 KB chunk far below 50 ms, in time linear in its length', () => {
      const commits: ParsedCommit[] = [];
      for (let i = 0; i < 8000; i++) {
        commits.push(
          commit({
            author: `Person ${i % 60}`,
            local: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T12:00`,
            files: [`src/area${i % 7}/module${i % 50}/file${i % 300}.ts`, `test/area${i % 7}/file${i}.test.ts`, 'package.json'],
          }),
        );
      }
      const text = logText(commits);
      assert.ok(text.length > 1_000_000, `only ${text.length} characters`);
      const times: number[] = [];
      const parser = new GitLogParser();
      let count = 0;
      for (let at = 0; at < text.length; at += 65_536) {
        const started = performance.now();
        count += parser.feed(text.slice(at, at + 65_536)).length;
        times.push(performance.now() - started);
      }
      count += parser.end().length;
      assert.equal(count, commits.length);
      // The median, not the longest: on a shared machine one chunk can wait for the CPU or a
      // scavenge of the test's own garbage. A parser that rescans earlier text fails on the median too.
      const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Infinity;
      assert.ok(median < 10, `the median 64 KB chunk took ${median.toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(' ')})`);
      const half = Math.floor(times.length / 2);
      const firstHalf = times.slice(0, half).sort((a, b) => a - b)[Math.floor(half / 2)] ?? 0;
      const secondHalf = times.slice(half).sort((a, b) => a - b)[Math.floor((times.length - half) / 2)] ?? 0;
      assert.ok(secondHalf < firstHalf * 4 + 2, `later chunks are slower: ${firstHalf.toFixed(1)} → ${secondHalf.toFixed(1)} ms`);
    });
  });
});
