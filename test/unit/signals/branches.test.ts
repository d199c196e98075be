/**
 * Linked branches: which open delegations' branches are read and from when, the refs parsed, the
 * main line chosen (origin/HEAD's target, else HEAD, else local main when HEAD is the branch), the
 * histories kept with a version; and, with the real git on a test repository and its clone, a
 * branch's own commits read with the product's arguments, a branch that does not exist giving none.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DateKey } from '../../../src/domain/core/dates';
import {
  BranchHistories,
  branchLogArgs,
  branchRange,
  forEachRefArgs,
  linkedBranches,
  mainLineFor,
  parseRefs,
  type HeadRef,
} from '../../../src/domain/signals/branches';
import { GitLogParser } from '../../../src/domain/signals/gitLog';
import { CommitHistory } from '../../../src/domain/signals/history';
import type { Delegation } from '../../../src/domain/team/delegations';
import { instantOf } from './generated';

const day = (text: string): DateKey => text as DateKey;
const utcDayStart = (d: DateKey): number => instantOf(`${d}T00:00`, 'Z');

const delegation = (id: string, extra: Partial<Delegation>): Delegation => ({
  id,
  task: `Task ${id}`,
  personId: 'p-priya',
  level: 4,
  createdOn: day('2026-05-04'),
  followUpOn: day('2026-05-18'),
  history: [],
  ...extra,
});

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('signals: linked branches', () => {
  it('reads the branches of open delegations only, each from the earliest day delegated, sorted', () => {
    const found = linkedBranches([
      delegation('1', { code: { branch: 'priya/checkout' }, createdOn: day('2026-05-10') }),
      delegation('2', { code: { branch: 'priya/checkout' }, createdOn: day('2026-05-02') }),
      delegation('3', { code: { branch: 'done-work' }, doneOn: day('2026-05-12') }),
      delegation('4', { code: { paths: ['billing/'] } }),
      delegation('5', { code: { branch: '--upload-pack=evil' } }),
      delegation('6', { code: { branch: 'a..b' } }),
      delegation('7', { code: { branch: ' invoice-rounding ' } }),
    ]);
    assert.deepEqual(
      [...found],
      [
        ['invoice-rounding', '2026-05-04'],
        ['priya/checkout', '2026-05-02'],
      ],
    );
  });

  it('parses for-each-ref and chooses the main line', () => {
    const refs = parseRefs(
      [
        `refs/heads/main\t${A}\t`,
        `refs/heads/feature\t${B}\t`,
        `refs/remotes/origin/HEAD\t${A}\trefs/remotes/origin/main`,
        `refs/remotes/origin/main\t${C}\t`,
        'garbage line',
        '',
      ].join('\n'),
    );
    assert.equal(refs.originHead, 'refs/remotes/origin/main');
    assert.equal(refs.tips.get('refs/heads/feature'), B);
    assert.equal(refs.tips.size, 4);
    assert.deepEqual(forEachRefArgs().slice(0, 1), ['for-each-ref']);

    const noOrigin = { localDefaults: ['refs/heads/main'] };
    assert.equal(mainLineFor('refs/heads/feature', { ...noOrigin, originHead: 'refs/remotes/origin/main' }), 'refs/remotes/origin/main');
    assert.equal(mainLineFor('refs/heads/feature', { ...noOrigin, headBranch: 'refs/heads/main' }), 'HEAD');
    assert.equal(mainLineFor('refs/heads/feature', { ...noOrigin, headBranch: 'refs/heads/feature' }), 'refs/heads/main');
    assert.equal(mainLineFor('refs/heads/main', { localDefaults: ['refs/heads/main'], headBranch: 'refs/heads/main' }), 'HEAD');

    const head: HeadRef = { branch: 'refs/heads/main', tip: A };
    assert.deepEqual(branchRange('feature', refs, head), { tip: B, mainTip: C });
    assert.deepEqual(branchRange('feature', { tips: refs.tips }, head), { tip: B, mainTip: A });
    assert.deepEqual(branchRange('main', { tips: refs.tips }, head), { tip: A, mainTip: A });
    assert.equal(branchRange('not-yet', refs, head), undefined, 'a branch that does not exist has no range');
    assert.equal(branchRange('feature', { tips: refs.tips }, {}), undefined, 'no commit on HEAD yet');
  });

  it('keeps the histories read with a version that changes when one does', () => {
    const branches = new BranchHistories();
    assert.equal(branches.stale('x', 's1'), true);
    branches.set('x', 's1', new CommitHistory());
    assert.equal(branches.stale('x', 's1'), false);
    assert.equal(branches.stale('x', 's2'), true);
    const version = branches.version;
    branches.keepOnly(['x']);
    assert.equal(branches.version, version);
    branches.keepOnly([]);
    assert.equal(branches.version, version + 1);
    assert.equal(branches.get('x'), undefined);
  });
});

describe('signals: a linked branch read with the real git', function () {
  this.timeout(30_000);
  let origin = '';
  let clone = '';
  let home = '';

  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env['PATH'],
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, 'no-global-config'),
    GIT_AUTHOR_NAME: 'Priya Sharma',
    GIT_AUTHOR_EMAIL: 'priya@work.example',
    GIT_AUTHOR_DATE: '2026-05-12T10:00:00+00:00',
    GIT_COMMITTER_NAME: 'Priya Sharma',
    GIT_COMMITTER_EMAIL: 'priya@work.example',
    GIT_COMMITTER_DATE: '2026-05-12T10:00:00+00:00',
  });
  const git = (cwd: string, args: readonly string[]): string => {
    const run = spawnSync('git', args, { cwd, encoding: 'utf8', env: env() });
    assert.equal(run.status, 0, `git ${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  };
  const commitFile = (cwd: string, file: string): void => {
    fs.mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
    fs.writeFileSync(path.join(cwd, file), `${file}\n`);
    git(cwd, ['add', '-A']);
    git(cwd, ['commit', '-q', '-m', `Change ${file}`]);
  };
  /** What the engine does for one repository: refs, HEAD, the range, the log into a history. */
  const readBranch = (cwd: string, branch: string): CommitHistory => {
    const refs = parseRefs(git(cwd, forEachRefArgs()));
    const headBranch = spawnSync('git', ['symbolic-ref', '-q', 'HEAD'], { cwd, encoding: 'utf8', env: env() }).stdout.trim();
    const head: HeadRef = { ...(headBranch ? { branch: headBranch } : {}), tip: git(cwd, ['rev-parse', 'HEAD']).trim() };
    const history = new CommitHistory();
    const range = branchRange(branch, refs, head);
    if (range !== undefined) {
      const parser = new GitLogParser();
      history.add(parser.feed(git(cwd, branchLogArgs(range.mainTip, range.tip, day('2026-05-12'), utcDayStart))));
      history.add(parser.end());
    }
    return history;
  };

  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-branches-home-'));
    origin = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-branches-origin-'));
    git(origin, ['init', '-q']);
    git(origin, ['checkout', '-q', '-b', 'main']);
    commitFile(origin, 'billing/a.ts');
    git(origin, ['checkout', '-q', '-b', 'priya/checkout']);
    commitFile(origin, 'web/checkout.ts');
    commitFile(origin, 'web/cart.ts');
    git(origin, ['checkout', '-q', 'main']);
    commitFile(origin, 'billing/b.ts');
    clone = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-branches-clone-'));
    git(clone, ['clone', '-q', origin, '.']);
  });

  after(() => {
    for (const dir of [origin, clone, home]) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the commits of the branch not on the main line, with or without origin, on the branch or not', () => {
    const subjects = (history: CommitHistory): string[] => Array.from({ length: history.size }, (_, i) => history.subjectOf(i)).sort();
    const own = ['Change web/cart.ts', 'Change web/checkout.ts'];
    // The origin repository: no origin/HEAD, HEAD on main.
    assert.deepEqual(subjects(readBranch(origin, 'priya/checkout')), own);
    // The clone: the branch only as origin's remote-tracking branch; the main line origin/main.
    assert.deepEqual(subjects(readBranch(clone, 'priya/checkout')), own);
    // HEAD on the branch itself, no origin: counted against the local main.
    git(origin, ['checkout', '-q', 'priya/checkout']);
    try {
      assert.deepEqual(subjects(readBranch(origin, 'priya/checkout')), own);
    } finally {
      git(origin, ['checkout', '-q', 'main']);
    }
    assert.equal(readBranch(clone, 'not-pushed-yet').size, 0);
  });
});
