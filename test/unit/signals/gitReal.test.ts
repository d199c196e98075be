/**
 * The real `git` binary on a repository the test creates: the arguments of gitLog.ts run, .mailmap
 * merges an alias into one identity, a cherry-picked (rebased) commit keeps its author date and
 * the author's own offset, a rename and a merge read back, and an incremental read brings only the
 * new commit. The repository has its own user.name / user.email; no global config is read or written.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitLogArgs, GitLogParser, type ParsedCommit } from '../../../src/domain/signals/gitLog';
import { CommitHistory, identityKeyOf } from '../../../src/domain/signals/history';
import { listIdentities } from '../../../src/domain/signals/identities';
import { isLateHour } from '../../../src/domain/signals/workingHours';

interface Author {
  readonly name: string;
  readonly email: string;
}

const SAM: Author = { name: 'Sam Lee', email: 'sam@work.example' };
const SAM_AT_HOME: Author = { name: 'sam', email: 'Sam.Lee@home.example' };
const PRIYA: Author = { name: 'Priya Sharma', email: 'priya@work.example' };
const BOT: Author = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

describe('signals: the real git on a test repository', function () {
  this.timeout(30_000);
  let dir = '';
  let home = '';

  const env = (author: Author, authorDate: string, committerDate: string): NodeJS.ProcessEnv => ({
    PATH: process.env['PATH'],
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, 'no-global-config'),
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: authorDate,
    GIT_COMMITTER_NAME: 'Lead Person',
    GIT_COMMITTER_EMAIL: 'lead@work.example',
    GIT_COMMITTER_DATE: committerDate,
  });

  const git = (
    args: readonly string[],
    e: NodeJS.ProcessEnv = env(SAM, '2026-03-02T12:00:00+00:00', '2026-03-02T12:00:00+00:00'),
  ): string => {
    const run = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: e });
    assert.equal(run.status, 0, `git ${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  };

  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };

  const commitAs = (author: Author, authorDate: string, committerDate: string, message: string): void => {
    git(['add', '-A']);
    git(['commit', '-q', '-m', message], env(author, authorDate, committerDate));
  };

  /** Runs git log with the product's arguments and feeds stdout to the parser in 7-character pieces. */
  const read = (args: readonly string[]): ParsedCommit[] => {
    const stdout = git(args);
    const parser = new GitLogParser();
    const commits: ParsedCommit[] = [];
    for (let at = 0; at < stdout.length; at += 7) {
      commits.push(...parser.feed(stdout.slice(at, at + 7)));
    }
    commits.push(...parser.end());
    assert.equal(parser.skipped, 0);
    return commits;
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-signals-git-'));
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-signals-home-'));
    git(['init', '-q']);
    git(['config', 'user.name', 'Lead Person']);
    git(['config', 'user.email', 'lead@work.example']);
    git(['checkout', '-q', '-b', 'main']);
    write('.mailmap', `${SAM.name} <${SAM.email}> ${SAM_AT_HOME.name} <${SAM_AT_HOME.email}>\n`);
    write('billing/invoice.ts', 'export {};\n');
    commitAs(SAM, '2026-03-02T10:00:00+01:00', '2026-03-02T10:00:00+01:00', 'Start billing');
    write('billing/café notes.md', 'notes\n');
    commitAs(SAM_AT_HOME, '2026-03-03T23:30:00+01:00', '2026-03-03T23:30:00+01:00', 'Notes from home');
    write('package.json', '{}\n');
    commitAs(BOT, '2026-03-04T06:00:00+00:00', '2026-03-04T06:00:00+00:00', 'Bump a dependency');
    // A late commit by Priya (UTC−7) on a side branch, cherry-picked onto main a day later at noon:
    // git keeps the author date, the committer date is new.
    git(['checkout', '-q', '-b', 'side']);
    write('billing/retry.ts', 'export {};\n');
    commitAs(PRIYA, '2026-03-04T23:50:00-07:00', '2026-03-04T23:50:00-07:00', 'Retry failed charges');
    git(['checkout', '-q', 'main']);
    git(['cherry-pick', 'side'], env(PRIYA, '2026-03-06T12:00:00+00:00', '2026-03-06T12:00:00+00:00'));
    fs.mkdirSync(path.join(dir, 'billing', 'invoices'));
    git(['mv', 'billing/invoice.ts', 'billing/invoices/invoice.ts']);
    commitAs(PRIYA, '2026-03-09T09:00:00-07:00', '2026-03-09T09:00:00-07:00', 'Move invoices into their own folder');
    git(['checkout', '-q', '-b', 'topic']);
    write('docs/billing.md', 'how billing works\n');
    commitAs(SAM, '2026-03-10T11:00:00+01:00', '2026-03-10T11:00:00+01:00', 'Document billing');
    git(['checkout', '-q', 'main']);
    git(
      ['merge', '-q', '--no-ff', '-m', "Merge branch 'topic'", 'topic'],
      env(PRIYA, '2026-03-11T15:00:00-07:00', '2026-03-11T15:00:00-07:00'),
    );
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('reads every commit with the product arguments', () => {
    const commits = read(gitLogArgs());
    assert.deepEqual(
      commits.map((c) => c.subject).sort(),
      [
        'Bump a dependency',
        'Document billing',
        "Merge branch 'topic'",
        'Move invoices into their own folder',
        'Notes from home',
        'Retry failed charges',
        'Start billing',
      ].sort(),
    );
  });

  it('merges an alias into one identity through .mailmap', () => {
    const history = new CommitHistory();
    history.add(read(gitLogArgs()));
    const identities = listIdentities(history, { name: 'Lead Person', email: 'lead@work.example' });
    const sam = identities.filter((i) => i.name.startsWith('Sam') || i.name === 'sam');
    assert.deepEqual(
      sam.map((i) => [i.key, i.commits]),
      [[identityKeyOf(SAM.name, SAM.email), 3]],
    );
    assert.deepEqual(
      identities.filter((i) => i.bot).map((i) => i.name),
      ['dependabot[bot]'],
    );
    assert.ok(!identities.some((i) => i.lead), 'the lead committed nothing as author');
  });

  it('keeps the author date and offset of a cherry-picked commit, not the committer date', () => {
    const retry = read(gitLogArgs()).find((c) => c.subject === 'Retry failed charges');
    assert.ok(retry !== undefined);
    assert.equal(retry.authoredAt, Date.UTC(2026, 2, 5, 6, 50));
    assert.equal(retry.offsetMinutes, -420);
    assert.ok(isLateHour(retry.authoredAt, retry.offsetMinutes), '23:50 in the author’s own time zone');
    const notes = read(gitLogArgs()).find((c) => c.subject === 'Notes from home');
    assert.equal(notes?.offsetMinutes, 60);
    assert.deepEqual(notes?.files, [{ status: 'added', path: 'billing/café notes.md' }]);
  });

  it('reads a rename with both paths, and a merge with two parents and no files', () => {
    const commits = read(gitLogArgs());
    const move = commits.find((c) => c.subject.startsWith('Move invoices'));
    assert.deepEqual(move?.files, [{ status: 'renamed', path: 'billing/invoices/invoice.ts', from: 'billing/invoice.ts' }]);
    const merge = commits.find((c) => c.subject.startsWith('Merge'));
    assert.equal(merge?.parents.length, 2);
    assert.deepEqual(merge?.files, []);
  });

  it('reads from a start date by the committer date, and incrementally after the last head', () => {
    const since = read(gitLogArgs({ sinceMs: Date.UTC(2026, 2, 6, 0, 0) })).map((c) => c.subject);
    // The cherry-pick was committed on 6 March: read, though written on 4 March.
    assert.ok(since.includes('Retry failed charges'));
    assert.ok(!since.includes('Start billing'));

    const history = new CommitHistory();
    history.add(read(gitLogArgs()));
    const head = git(['rev-parse', 'HEAD']).trim();
    write('billing/invoices/invoice.ts', 'export const total = 0;\n');
    commitAs(SAM, '2026-03-12T22:40:00+01:00', '2026-03-12T22:40:00+01:00', 'Totals');
    const fresh = read(gitLogArgs({ from: head }));
    assert.deepEqual(
      fresh.map((c) => c.subject),
      ['Totals'],
    );
    const before = history.size;
    assert.equal(history.add(fresh), 1);
    assert.equal(history.add(fresh), 0, 'a commit already held is not added twice');
    assert.equal(history.size, before + 1);
    assert.equal(history.indexOf(git(['rev-parse', 'HEAD']).trim()), before);
  });
});
