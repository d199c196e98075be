/**
 * The signals' cache on a real disk: a full read replaces, an incremental one appends, the log reads
 * back through the same parser, a damaged or foreign index is ignored, and Forget leaves nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseGitLog } from '../../../src/domain/signals/gitLog';
import { SignalsCache } from '../../../src/signals/lazy/cache';
import { commit, logText } from './generated';

describe('signals: the cache in workspace storage', () => {
  let storage = '';
  beforeEach(() => {
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-signals-cache-'));
  });
  afterEach(() => fs.rmSync(storage, { recursive: true, force: true }));

  it('keeps the log as git wrote it, appends what an incremental read brings, and forgets it all', async () => {
    const cache = new SignalsCache(path.join(storage, 'signals'));
    const [a, b, c] = [1, 2, 3].map((n) => commit({ author: 'Sam', local: `2026-11-0${n}T10:00`, subject: `Change ${n}` }));
    assert.ok(a && b && c);
    const head1 = b.hash;
    await cache.save({ root: '/repo', head: head1, since: 1 }, [Buffer.from(logText([b, a]))], true);
    await cache.save({ root: '/repo', head: c.hash, since: 1 }, [Buffer.from(logText([c]))], false);
    await cache.save({ root: '/other', head: a.hash, since: 2 }, [Buffer.from(logText([a]))], true);
    assert.deepEqual(await cache.repositories(), [
      { root: '/repo', head: c.hash, since: 1 },
      { root: '/other', head: a.hash, since: 2 },
    ]);
    const log = await cache.readLog('/repo');
    assert.deepEqual(
      parseGitLog(log?.toString('utf8') ?? '').map((x) => x.subject),
      ['Change 2', 'Change 1', 'Change 3'],
    );
    // A full read takes the place of what was there.
    await cache.save({ root: '/repo', head: c.hash, since: 1 }, [Buffer.from(logText([c]))], true);
    assert.deepEqual(
      parseGitLog((await cache.readLog('/repo'))?.toString('utf8') ?? '').map((x) => x.subject),
      ['Change 3'],
    );
    assert.ok(fs.readdirSync(path.join(storage, 'signals')).length === 3);
    await cache.forget();
    assert.deepEqual(fs.readdirSync(storage), []);
    assert.deepEqual(await cache.repositories(), []);
    assert.equal(await cache.readLog('/repo'), undefined);
  });

  it('ignores an index it cannot read or of another schema', async () => {
    const dir = path.join(storage, 'signals');
    fs.mkdirSync(dir);
    const cache = new SignalsCache(dir);
    fs.writeFileSync(path.join(dir, 'index.json'), '{not json');
    assert.deepEqual(await cache.repositories(), []);
    fs.writeFileSync(
      path.join(dir, 'index.json'),
      JSON.stringify({ schemaVersion: 99, repositories: [{ root: '/r', head: 'a'.repeat(40), since: 0 }] }),
    );
    assert.deepEqual(await cache.repositories(), []);
    fs.writeFileSync(
      path.join(dir, 'index.json'),
      JSON.stringify({ schemaVersion: 1, repositories: [{ root: '/r', head: 'HEAD; rm', since: 0 }] }),
    );
    assert.deepEqual(await cache.repositories(), []);
  });
});
