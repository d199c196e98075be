/**
 * A delegation pointing at code (folders, files, a branch): how a link is checked when typed, given
 * to the Log Delegation command, stored and read back, and how Link to Code changes and undoes it.
 */
import * as assert from 'node:assert/strict';
import {
  CODE_PATHS_MAX,
  createDelegation,
  describeCodeLink,
  parseLogDelegationArgs,
  validateBranch,
  validateCodeLink,
  validateCodePath,
  validateStoredDelegation,
  type Delegation,
} from '../../src/domain/team/delegations';
import { describeEvent } from '../../src/domain/team/delegationHistory';
import { folderPrefix, listCodeFolders, relativeCodePath, type CodeRoot } from '../../src/domain/team/codeFolders';
import { day, FakeClock, loadTeam, MemoryStorage, readStored, sequentialIds } from '../support/fakes';

const today = day('2026-11-24');
const defaults = { level: 5 as const, followUpDays: 3 };

describe('code link validation', () => {
  it('takes relative paths with forward slashes, folders ending with a slash, and multi-root prefixes', () => {
    for (const path of ['billing/', 'src/auth/session.ts', 'api/billing/', 'README.md', 'docs/My Notes/', 'src/ünïcode.ts']) {
      assert.deepEqual(validateCodePath(path), { ok: true, value: path });
    }
  });

  it('refuses absolute paths, paths leaving the workspace, backslashes, control characters and long paths, saying why', () => {
    const refused: [unknown, RegExp][] = [
      ['', /cannot be empty/],
      ['   ', /cannot be empty/],
      [7, /must be text/],
      ['/etc/passwd', /relative to the workspace/],
      ['C:/Users/sam', /relative to the workspace/],
      ['c:notes.txt', /relative to the workspace/],
      ['../secrets/', /inside the workspace/],
      ['src/../../x', /inside the workspace/],
      ['src/..', /inside the workspace/],
      ['src//auth', /inside the workspace/],
      ['src\\auth\\session.ts', /forward slashes/],
      ['src/a\u0000b', /control characters/],
      ['src/a\nb', /control characters/],
      ['src/evil\u202Egnp.ts', /control characters/],
      [`${'a/'.repeat(150)}b`, /at most 300/],
    ];
    for (const [raw, reason] of refused) {
      const result = validateCodePath(raw);
      assert.equal(result.ok, false, JSON.stringify(raw));
      assert.match(result.ok ? '' : result.error, reason, JSON.stringify(raw));
    }
    assert.equal(validateCodePath('a'.repeat(300)).ok, true);
    assert.equal(validateCodePath('a..b/c...d.ts').ok, true, 'dots inside a name are not a ".." segment');
  });

  it('takes branch names git takes and refuses the rest (git check-ref-format)', () => {
    for (const branch of ['main', 'feature/retry-queue', 'sam/JIRA-123_fix', 'release-2.4', 'a.b', 'x'.repeat(200)]) {
      assert.deepEqual(validateBranch(branch), { ok: true, value: branch }, branch);
    }
    const refused = [
      '',
      'two words',
      'a..b',
      'a~1',
      'a^',
      'a:b',
      'a?',
      'a*',
      'a[b',
      'a\\b',
      '-starts-with-dash',
      '/starts-with-slash',
      'ends-with-slash/',
      'ends.lock',
      'part.lock/x',
      'a/.hidden',
      '.hidden',
      'ends-with-dot.',
      'a//b',
      'a@{1}',
      '@',
      'tab\there',
      'nul\u0000',
      'x'.repeat(201),
    ];
    for (const branch of refused) {
      assert.equal(validateBranch(branch).ok, false, JSON.stringify(branch));
    }
    assert.equal(validateBranch(3).ok, false);
  });

  it('drops duplicate paths (the first kept, in order), trims the branch, and makes an empty link no link', () => {
    assert.deepEqual(validateCodeLink({ paths: ['billing/', 'src/a.ts', 'billing/'], branch: '  retry-queue ' }), {
      ok: true,
      value: { paths: ['billing/', 'src/a.ts'], branch: 'retry-queue' },
    });
    assert.deepEqual(validateCodeLink({ branch: 'main' }), { ok: true, value: { branch: 'main' } });
    for (const empty of [undefined, null, {}, { paths: [] }, { branch: '' }, { paths: [], branch: '   ' }]) {
      assert.deepEqual(validateCodeLink(empty), { ok: true, value: undefined }, JSON.stringify(empty));
    }
  });

  it('refuses more than 20 distinct paths, unknown fields, a path list that is not a list, and a bad path or branch', () => {
    const many = Array.from({ length: CODE_PATHS_MAX + 1 }, (_, i) => `folder-${i}/`);
    assert.match(errorOf(validateCodeLink({ paths: many })), /20 paths at most/);
    assert.equal(validateCodeLink({ paths: [...many.slice(0, CODE_PATHS_MAX), 'folder-0/'] }).ok, true, 'a duplicate is not one more');
    assert.match(errorOf(validateCodeLink({ paths: ['a/'], repo: 'x' })), /unknown field "repo"/);
    assert.match(errorOf(validateCodeLink({ paths: 'billing/' })), /must be a list/);
    assert.match(errorOf(validateCodeLink(['billing/'])), /must be an object/);
    assert.match(errorOf(validateCodeLink({ paths: ['/abs'] })), /relative/);
    assert.match(errorOf(validateCodeLink({ branch: 'a..b' })), /not a branch name/);
    assert.match(errorOf(validateCodeLink({ branch: 5 })), /must be text/);
  });
});

function errorOf(result: { ok: boolean; error?: string }): string {
  assert.equal(result.ok, false);
  return result.error ?? '';
}

describe('Log delegation command arguments with code', () => {
  it('accepts code: { paths, branch }, cleaned, and leaves an empty link out', () => {
    const result = parseLogDelegationArgs(
      { task: 'Rework retries', person: 'Ana', code: { paths: ['billing/', 'billing/'], branch: ' retry ' } },
      today,
      defaults,
    );
    assert.deepEqual(result.ok && result.value.code, { paths: ['billing/'], branch: 'retry' });
    const empty = parseLogDelegationArgs({ task: 'Rework retries', person: 'Ana', code: { paths: [] } }, today, defaults);
    assert.ok(empty.ok);
    assert.equal('code' in empty.value, false);
  });

  it('reports a bad code link with the other problems, and still refuses unknown keys', () => {
    const result = parseLogDelegationArgs({ task: '', person: 'Ana', code: { paths: ['../x'] }, repo: 'x' }, today, defaults);
    assert.equal(result.ok, false);
    const errors = result.ok ? [] : result.errors;
    assert.equal(errors.length, 3);
    assert.match(errors.join(' '), /Unknown field: repo \(expected task, person, level, followUp, note, code\)/);
    assert.match(errors.join(' '), /inside the workspace/);
  });
});

describe('stored delegations with a code link', () => {
  const good: Delegation = {
    ...createDelegation('d-1', { task: 'Rework retries', level: 4, followUpOn: day('2026-11-30') }, 'p-ana', today),
    code: { paths: ['billing/', 'src/retry.ts'], branch: 'retry-queue' },
  };

  it('reads the link back as written, and an edit event of the link', () => {
    const withEvent = { ...good, history: [...good.history, { kind: 'edited', on: today, field: 'code' }] };
    assert.deepEqual(validateStoredDelegation(JSON.parse(JSON.stringify(withEvent)), today), { ok: true, value: withEvent });
    assert.equal(describeEvent({ kind: 'edited', on: today, field: 'code' }, today), 'Code link edited on Tue 24 Nov');
  });

  it('refuses a stored link not in the form a change writes: empty, duplicated, untrimmed, with a bad path or an unknown field', () => {
    for (const code of [
      {},
      { paths: [] },
      { paths: ['a/', 'a/'] },
      { branch: ' main' },
      { branch: '' },
      { paths: ['/abs'] },
      { paths: ['a/'], commit: 'abc' },
      'billing/',
      null,
    ]) {
      const result = validateStoredDelegation({ ...good, code }, today);
      assert.equal(result.ok, false, JSON.stringify(code));
      assert.match(result.ok ? '' : result.error, /code link/, JSON.stringify(code));
    }
  });
});

describe('Link to Code on a delegation', () => {
  it('stores the link with an edit event, changes nothing when it is the same, and Undo puts back the link and the history', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock('2026-11-24');
    const store = await loadTeam(storage, clock, sequentialIds());
    const logged = (
      await store.logDelegation({
        task: 'Rework retries',
        person: 'Ana',
        level: 4,
        followUpOn: day('2026-11-30'),
        code: { branch: 'retry' },
      })
    ).value;
    assert.deepEqual(logged.code, { branch: 'retry' });
    clock.setDay('2026-11-25');
    const linked = await store.linkToCode(logged.id, { paths: ['billing/'], branch: 'retry' });
    assert.ok(linked);
    assert.deepEqual(store.delegation(logged.id)?.code, { paths: ['billing/'], branch: 'retry' });
    assert.deepEqual(store.delegation(logged.id)?.history.at(-1), { kind: 'edited', on: '2026-11-25', field: 'code' });
    const stored = await readStored(storage);
    assert.deepEqual(stored.keptAside, []);
    assert.deepEqual(
      stored.delegations.find((d) => d.id === logged.id),
      store.delegation(logged.id),
      'what is stored reads back as shown',
    );

    const same = await store.linkToCode(logged.id, { paths: ['billing/'], branch: 'retry' });
    assert.deepEqual(same?.undo.steps, [], 'the same link again is no change');
    assert.equal(store.delegation(logged.id)?.history.length, 2);

    assert.deepEqual(await store.undo(linked.undo), { applied: 1, left: [] });
    assert.deepEqual(store.delegation(logged.id), logged, 'the link and the history are as logged');

    // Removing every path and the branch removes the link, and its Undo brings it back.
    const removed = await store.linkToCode(logged.id, undefined);
    assert.ok(removed);
    assert.equal('code' in (store.delegation(logged.id) ?? {}), false);
    await store.undo(removed.undo);
    assert.deepEqual(store.delegation(logged.id)?.code, { branch: 'retry' });
    assert.equal(await store.linkToCode('no-such-id', { branch: 'x' }), undefined);
  });

  it('keeps a later change of the link when undoing an earlier one', async () => {
    const store = await loadTeam(new MemoryStorage(), new FakeClock('2026-11-24'), sequentialIds());
    const logged = (await store.logDelegation({ task: 'Rework retries', person: 'Ana', level: 4, followUpOn: day('2026-11-30') })).value;
    const first = await store.linkToCode(logged.id, { paths: ['billing/'] });
    await store.linkToCode(logged.id, { paths: ['payments/'] });
    assert.ok(first);
    const result = await store.undo(first.undo);
    assert.equal(result.applied, 0);
    assert.deepEqual(store.delegation(logged.id)?.code, { paths: ['payments/'] });
  });
});

describe('what the code link picker offers', () => {
  /** A workspace folder in memory: folder names end with "/", the rest are files. */
  const rootOf = (prefix: string, tree: Record<string, readonly string[]>, unreadable: readonly string[] = []): CodeRoot => ({
    prefix,
    read: (relative) =>
      unreadable.includes(relative)
        ? Promise.reject(new Error('permission denied'))
        : Promise.resolve((tree[relative] ?? []).map((name) => [name.replace(/\/$/, ''), name.endsWith('/')] as const)),
  });

  it('lists two levels of folders by name, each under its parent, skipping dot-folders, node_modules and files', async () => {
    const root = rootOf('', {
      '': ['src/', 'billing/', '.git/', '.vscode/', 'node_modules/', 'README.md', 'docs/'],
      src: ['auth/', 'api/', 'index.ts', '.cache/'],
      billing: ['retry/'],
      docs: [],
    });
    assert.deepEqual(await listCodeFolders([root]), ['billing/', 'billing/retry/', 'docs/', 'src/', 'src/api/', 'src/auth/']);
  });

  it('prefixes each folder of a multi-root workspace, leaves out what cannot be read, and stops at the limit', async () => {
    const api = rootOf('api/', { '': ['billing/', 'locked/'], billing: ['retry/'] }, ['locked']);
    const web = rootOf('web/', { '': ['app/'] }, []);
    assert.deepEqual(await listCodeFolders([api, web]), ['api/billing/', 'api/billing/retry/', 'api/locked/', 'web/app/']);
    assert.deepEqual(await listCodeFolders([rootOf('', {}, [''])]), []);
    const wide = rootOf('', { '': Array.from({ length: 30 }, (_, i) => `f${String(i).padStart(2, '0')}/`) });
    assert.equal((await listCodeFolders([wide], 10)).length, 10);
  });

  it('gives the editor file’s path relative to its folder, prefixed in a multi-root workspace, and nothing outside it', () => {
    assert.equal(relativeCodePath('/work/repo', '/work/repo/src/auth/session.ts', ''), 'src/auth/session.ts');
    assert.equal(relativeCodePath('/work/repo/', '/work/repo/README.md', ''), 'README.md');
    assert.equal(relativeCodePath('/work/api', '/work/api/billing/x.ts', folderPrefix('/work/api', 2)), 'api/billing/x.ts');
    assert.equal(relativeCodePath('/work/repo', '/work/repository/x.ts', ''), undefined, 'a sibling folder with a longer name');
    assert.equal(relativeCodePath('/work/repo', '/work/repo/', ''), undefined);
    assert.equal(folderPrefix('/work/api', 1), '');
    assert.equal(folderPrefix('/c:/work/web/', 3), 'web/');
  });

  it('describes a link in a few words', () => {
    assert.equal(describeCodeLink({ paths: ['billing/'], branch: 'x' }), 'billing/, branch x');
    assert.equal(describeCodeLink({ paths: ['a/', 'b/', 'c/', 'd/', 'e/'] }), 'a/, b/, c/, 2 more');
  });
});
