/**
 * The git checks behind the folder location's privacy rule (a folder inside the workspace's
 * repository is refused unless git ignores it), on a real repository in a temporary folder.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitIgnores, gitTopLevel } from '../../src/platform/git';

describe('git: which repository a folder is in, and whether it ignores a path', () => {
  let dir = '';
  before(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'tlc-git-')));
    execFileSync('git', ['init', '-q', join(dir, 'repo')]);
    writeFileSync(join(dir, 'repo', '.gitignore'), 'private/\n');
    mkdirSync(join(dir, 'repo', 'src', 'deep'), { recursive: true });
    mkdirSync(join(dir, 'outside'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('names the top of the repository from any folder inside it, and none outside', async () => {
    assert.equal(await gitTopLevel(join(dir, 'repo', 'src', 'deep')), join(dir, 'repo'));
    assert.equal(await gitTopLevel(join(dir, 'outside')), null);
  });

  it('says a git-ignored folder is ignored and another is not, even before it exists', async () => {
    const repo = join(dir, 'repo');
    assert.equal(await gitIgnores(repo, join(repo, 'private', 'team', 'index-0.json')), true);
    assert.equal(await gitIgnores(repo, join(repo, 'team', 'index-0.json')), false);
  });
});
