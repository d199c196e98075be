/**
 * Where the team is kept (issue 26): a folder many windows share, its index as files claimed one
 * generation at a time, conflict copies from sync tools, and Move Team Data, interrupted at every
 * step and then run again.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sameValue } from '../../src/domain/core/compare';
import { COLLECTIONS, type TeamData, type TeamRecord } from '../../src/domain/team/kinds';
import { FolderIndexCell, isConflictCopy, MOVED_FILE } from '../../src/domain/team/storage/folder';
import { ORPHAN_MS, SETTLED_MS } from '../../src/domain/team/storage/writer';
import { loadTeamStore } from '../../src/domain/team/store/load';
import { moveTeam, type MoveSteps } from '../../src/domain/team/store/move';
import type { TeamStore } from '../../src/domain/team/store/store';
import { day, FakeClock, loadTeam, MemoryStorage, MemoryTeamFolder, sequentialIds, teamKeys } from '../support/fakes';

const input = (task: string, person: string) => ({ task, person, level: 3 as const, followUpOn: day('2026-11-27') });

function loadFolder(folder: MemoryTeamFolder, clock: FakeClock, newId = sequentialIds('f')): Promise<TeamStore> {
  const cell = new FolderIndexCell(folder, teamKeys, clock);
  return loadTeamStore(cell.state, folder, teamKeys, clock, newId, { cadenceDays: () => 14 }, { cell });
}

function byId(records: readonly TeamRecord[]): TeamRecord[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function assertSame(actual: TeamData, expected: TeamData, message: string): void {
  for (const c of COLLECTIONS) {
    assert.ok(sameValue(byId(actual[c]), byId(expected[c])), `${message}: ${c} differ`);
  }
}

describe('team locations (issue 26)', () => {
  describe('a folder many windows share', () => {
    it('keeps the index as one file per generation and the highest is the team', async () => {
      const clock = new FakeClock('2026-11-24');
      const folder = new MemoryTeamFolder();
      const one = await loadFolder(folder, clock);
      await one.logDelegation(input('Ship it', 'Ana'));
      await one.logOneOnOne({ person: 'Ana', on: day('2026-11-24'), topics: [], notes: 'private' });
      const indexes = [...folder.data.keys()].filter((n) => /^index-\d+\.json$/.test(n)).sort();
      // The empty index that claims the lineage, then one per change.
      assert.deepEqual(indexes, ['index-0.json', 'index-1.json', 'index-2.json']);
      assert.ok(![...folder.data.keys()].some((n) => n.endsWith('.tmp')), 'a temporary file was left behind');
      const two = await loadFolder(folder, clock);
      assert.equal(two.delegations().length, 1);
      assert.equal(two.oneOnOnes()[0]?.notes, 'private');
    });

    it('a window whose index is stale computes its change again on the other window’s, and sees it without a reload', async () => {
      const clock = new FakeClock('2026-11-24');
      const folder = new MemoryTeamFolder();
      const one = await loadFolder(folder, clock, sequentialIds('a'));
      const two = await loadFolder(folder, clock, sequentialIds('b'));
      let told = 0;
      two.onDidChange(() => told++);
      await one.logOneOnOne({ person: 'Priya', on: day('2026-11-24'), topics: [] });
      assert.equal(await two.followOthers(), true, 'the second window did not notice the change');
      assert.equal(two.oneOnOnes().length, 1);
      assert.ok(told > 0, 'the views were not told');
      assert.equal(await two.followOthers(), false, 'nothing changed, yet the window read the team again');
      // Both change one person at once: both changes survive, one computed again on the other.
      await Promise.all([one.logDelegation(input('From one', 'Priya')), two.logDelegation(input('From two', 'Priya'))]);
      const back = await loadFolder(folder, clock);
      assert.deepEqual(
        back
          .delegations()
          .map((d) => d.task)
          .sort(),
        ['From one', 'From two'],
      );
      assert.equal(back.people().length, 1, 'two windows made two people of one name');
    });

    it('a change the other window made impossible is refused with why, and nothing is written', async () => {
      const clock = new FakeClock('2026-11-24');
      const folder = new MemoryTeamFolder();
      const one = await loadFolder(folder, clock, sequentialIds('a'));
      const logged = (await one.logDelegation(input('Ship it', 'Ana'))).value;
      const two = await loadFolder(folder, clock, sequentialIds('b'));
      await one.deleteDelegation(logged.id);
      const files = [...folder.data.keys()].sort();
      await assert.rejects(two.markDone(logged.id), /changed or removed in another window meanwhile/);
      assert.deepEqual([...folder.data.keys()].sort(), files);
    });

    it('two windows claiming the same generation: exactly one wins, the other computes again', async () => {
      const clock = new FakeClock('2026-11-24');
      const folder = new MemoryTeamFolder();
      folder.delayMs = 5;
      const stores = await Promise.all([1, 2, 3, 4].map((i) => loadFolder(folder, clock, sequentialIds(`s${i}`))));
      await stores[0]?.addPerson({ name: 'Ana' });
      const results = await Promise.allSettled(stores.map((s, i) => s.logDelegation(input(`Task ${i}`, 'Ana'))));
      const confirmed = results.filter((r) => r.status === 'fulfilled').length;
      const back = await loadFolder(folder, clock);
      assert.equal(back.delegations().length, confirmed, 'a confirmed change is lost, or a refused one stored');
      for (const r of results) {
        if (r.status === 'rejected') {
          assert.match(String(r.reason), /another window/);
        }
      }
    });

    it('never writes past an index it cannot read (a merge left conflict markers in it)', async () => {
      const clock = new FakeClock('2026-11-24');
      const folder = new MemoryTeamFolder();
      const one = await loadFolder(folder, clock);
      await one.logDelegation(input('Ship it', 'Ana'));
      folder.data.set('index-2.json', '<<<<<<< HEAD\n{"schemaVersion": 5\n=======\n');
      await assert.rejects(one.logDelegation(input('More', 'Ana')), /index-2\.json is not whole JSON/);
      assert.ok(!folder.data.has('index-3.json'));
    });

    it('a read that fails is not taken for an empty folder', async () => {
      const clock = new FakeClock('2026-11-24');
      const folder = new MemoryTeamFolder();
      const one = await loadFolder(folder, clock);
      await one.logDelegation(input('Ship it', 'Ana'));
      folder.failNextRead = true;
      await assert.rejects(loadFolder(folder, clock), /locked/);
      assert.equal((await loadFolder(folder, clock)).delegations().length, 1);
    });

    it('records kept aside in two windows at once are both kept (each in a file of its own)', async () => {
      const clock = new FakeClock('2026-11-24');
      const folder = new MemoryTeamFolder();
      folder.delayMs = 4;
      const [one, two] = await Promise.all([loadFolder(folder, clock), loadFolder(folder, clock)]);
      await Promise.all([
        one.addKeptAside([{ raw: { a: 1 }, reason: 'from one', keptOn: day('2026-11-24') }]),
        two.addKeptAside([{ raw: { b: 2 }, reason: 'from two', keptOn: day('2026-11-24') }]),
      ]);
      const back = await loadFolder(folder, clock);
      assert.deepEqual(
        back
          .keptAside()
          .map((r) => r.reason)
          .sort(),
        ['from one', 'from two'],
      );
    });

    it('replaced index files go once settled, temporary files once a day old, the newest index never', async () => {
      const clock = new FakeClock('2026-11-24');
      const folder = new MemoryTeamFolder();
      const one = await loadFolder(folder, clock);
      await one.logDelegation(input('Ship it', 'Ana'));
      folder.data.set(`.index-${clock.now().getTime().toString(36)}.abcd.tmp`, '{}');
      await loadFolder(folder, clock);
      assert.ok(folder.data.has('index-0.json'), 'an index was removed before it settled');
      clock.advance(SETTLED_MS + 1000);
      await loadFolder(folder, clock);
      assert.deepEqual([...folder.data.keys()].filter((n) => n.startsWith('index-') || n.endsWith('.tmp')).sort(), [
        `.index-${(clock.now().getTime() - SETTLED_MS - 1000).toString(36)}.abcd.tmp`,
        'index-1.json',
      ]);
      clock.advance(ORPHAN_MS);
      const last = await loadFolder(folder, clock);
      assert.ok(![...folder.data.keys()].some((n) => n.endsWith('.tmp')));
      assert.equal(last.delegations().length, 1);
    });
  });

  describe('an index written by version 5, or by a later version', () => {
    /** The team of the version-5 fixture as a folder location holds it: its index as `index-<generation>.json`, beside its chunk files. */
    const v5Folder = (schemaVersion = 5): { folder: MemoryTeamFolder; generation: number } => {
      const fixture = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'state', 'version-5-workspace.json');
      const { state, files } = JSON.parse(fs.readFileSync(fixture, 'utf8')) as {
        state: Record<string, unknown>;
        files: Record<string, string>;
      };
      const index = { ...(state[teamKeys.team] as { generation: number }), schemaVersion };
      const folder = new MemoryTeamFolder();
      for (const [name, text] of Object.entries(files)) {
        folder.data.set(name, text);
      }
      folder.data.set(`index-${index.generation}.json`, `${JSON.stringify(index, undefined, 1)}\n`);
      return { folder, generation: index.generation };
    };

    it('reads a version-5 index file as it is, and the next change claims the next generation as version 6', async () => {
      const clock = new FakeClock('2026-11-24');
      const { folder, generation } = v5Folder();
      const before = new Map(folder.data);
      const store = await loadFolder(folder, clock);
      assert.equal(store.people().length, 4);
      assert.ok(store.delegations().length > 0);
      assert.equal(store.keptAsideOnLoad, 0);
      const indexes = (): string[] => [...folder.data.keys()].filter((n) => /^index-\d+\.json$/.test(n)).sort();
      assert.deepEqual(indexes(), [`index-${generation}.json`], 'the load wrote an index');
      assert.equal(folder.data.get(`index-${generation}.json`), before.get(`index-${generation}.json`));
      const target = store.delegations()[0];
      assert.ok(target);
      await store.linkToCode(target.id, { paths: ['billing/'] });
      const next = JSON.parse(folder.data.get(`index-${generation + 1}.json`) ?? '{}') as { schemaVersion?: unknown };
      assert.equal(next.schemaVersion, 6);
      const again = await loadFolder(folder, clock);
      assert.deepEqual(again.delegation(target.id)?.code, { paths: ['billing/'] });
    });

    it('leaves a folder whose newest index is of version 7 alone: read-only, nothing written', async () => {
      const clock = new FakeClock('2026-11-24');
      const { folder } = v5Folder(7);
      const before = new Map(folder.data);
      const store = await loadFolder(folder, clock);
      assert.equal(store.newer?.schemaVersion, 7);
      await assert.rejects(store.addPerson({ name: 'Sam' }), /newer version/);
      assert.deepEqual(folder.data, before);
    });
  });

  describe('conflict copies from sync tools', () => {
    it('knows them by their names', () => {
      for (const name of [
        'index (conflicted copy 2026-12-01).json',
        "index-7 (Ana's conflicted copy 2026-12-01).json",
        'index-7.sync-conflict-20261201-123456-ABCDEFG.json',
        'index 2.json',
        'index-7 2.json',
        'index-conflict-1.json',
        'kept-aside (conflicted copy).json',
      ]) {
        assert.ok(isConflictCopy(name), name);
      }
      for (const name of ['index-7.json', 'README.md', MOVED_FILE, 'kept-aside-mgx1.abcd.json', '.index-mgx1.abcd.tmp', 'notes.md']) {
        assert.ok(!isConflictCopy(name), name);
      }
    });

    it('finds them, keeps the chunks they name, and their records merge by import', async () => {
      const clock = new FakeClock('2026-11-24');
      const folder = new MemoryTeamFolder();
      const one = await loadFolder(folder, clock, sequentialIds('a'));
      await one.logDelegation(input('Ours', 'Ana'));
      // The other machine wrote generation 2 as well; the sync tool kept ours and renamed theirs.
      const theirs = new MemoryTeamFolder();
      for (const [name, text] of folder.data) {
        theirs.data.set(name, text);
      }
      folder.data.delete('index-2.json');
      const other = await loadFolder(theirs, clock, sequentialIds('b'));
      await other.logDelegation(input('Theirs', 'Ana'));
      for (const [name, text] of theirs.data) {
        if (!folder.data.has(name)) {
          folder.data.set(name === 'index-2.json' ? 'index-2 (conflicted copy 2026-11-24).json' : name, text);
        }
      }
      const ours = new MemoryTeamFolder();
      for (const [name, text] of folder.data) {
        ours.data.set(name, text);
      }
      await one.logDelegation(input('Ours too', 'Ana'));
      clock.advance(ORPHAN_MS + 1000);
      const later = await loadFolder(folder, clock, sequentialIds('c'));
      assert.deepEqual(later.conflictCopies(), ['index-2 (conflicted copy 2026-11-24).json']);
      const chunksOfCopy = (JSON.parse(folder.data.get('index-2 (conflicted copy 2026-11-24).json') ?? '{}') as { chunks: string[] })
        .chunks;
      for (const chunk of chunksOfCopy) {
        assert.ok(folder.data.has(chunk), `${chunk}, which the conflict copy names, was removed`);
      }
      const copy = await later.readConflictCopy('index-2 (conflicted copy 2026-11-24).json');
      await later.importMerge(copy);
      assert.deepEqual(
        later
          .delegations()
          .map((d) => d.task)
          .sort(),
        ['Ours', 'Ours too', 'Theirs'],
      );
    });
  });

  describe('Move Team Data', () => {
    async function sourceTeam(storage: MemoryStorage, clock: FakeClock): Promise<TeamStore> {
      const store = await loadTeam(storage, clock, sequentialIds('m'));
      await store.logDelegation(input('Ship it', 'Ana'));
      await store.logDelegation(input('Review it', 'Sam'));
      await store.markDone((await store.logDelegation(input('Plan it', 'Ana'))).value.id);
      await store.logOneOnOne({ person: 'Ana', on: day('2026-11-20'), topics: [], notes: 'private notes' });
      await store.logFeedback({ person: 'Sam', on: day('2026-11-21'), kind: 'asked', said: 'More context', change: 'Write the why' });
      await storage.update(teamKeys.keptAside, [{ raw: { odd: true }, reason: 'a test record', keptOn: '2026-11-01' }]);
      return store;
    }

    /** Counts every write (state, files, the setting, the marker) and stops them all after `left`. */
    function stepsFor(
      storage: MemoryStorage,
      folder: MemoryTeamFolder,
      clock: FakeClock,
      where: { location: 'workspace' | 'folder' },
    ): MoveSteps {
      return {
        openDestination: () => loadFolder(folder, clock, sequentialIds('x')),
        switchLocation: () => {
          if (folder.crash && folder.crash.left-- <= 0) {
            return Promise.reject(new Error('the process stopped'));
          }
          where.location = 'folder';
          return Promise.resolve();
        },
        markMoved: () => storage.update('techLead.team.movedTo', { to: 'folder' }),
      };
    }

    it('copies everything, reads it back, then switches and marks the old copy, which is kept', async () => {
      const clock = new FakeClock('2026-11-24');
      const storage = new MemoryStorage();
      const source = await sourceTeam(storage, clock);
      const before = source.snapshot();
      const folder = new MemoryTeamFolder();
      const where = { location: 'workspace' as 'workspace' | 'folder' };
      const result = await moveTeam(source, stepsFor(storage, folder, clock, where), () => Promise.resolve(undefined));
      assert.equal(result?.how, 'copied');
      assert.equal(where.location, 'folder');
      assertSame((await loadFolder(folder, clock)).snapshot(), before, 'the folder');
      assert.equal((await loadFolder(folder, clock)).keptAside().length, 1);
      assertSame((await loadTeam(storage, clock)).snapshot(), before, 'the old copy');
      assert.ok(storage.get('techLead.team.movedTo'));
    });

    it('interrupted at every step, leaves one whole team where the setting points; run again, one whole copy', async () => {
      const clock = new FakeClock('2026-11-24');
      let completed = false;
      for (let writes = 0; !completed; writes++) {
        assert.ok(writes < 200, 'the move never completed');
        const storage = new MemoryStorage();
        const source = await sourceTeam(storage, clock);
        const before = source.snapshot();
        const folder = new MemoryTeamFolder();
        const where = { location: 'workspace' as 'workspace' | 'folder' };
        const crash = { left: writes };
        storage.files.crash = crash;
        folder.crash = crash;
        const steps = stepsFor(storage, folder, clock, where);
        try {
          await moveTeam(source, steps, () => Promise.resolve('merge'));
          completed = true;
        } catch (error) {
          assert.match(String(error), /process stopped/);
        }
        storage.files.crash = undefined;
        folder.crash = undefined;
        // What the next window loads, where the setting points, is the whole team.
        const active = where.location === 'workspace' ? await loadTeam(storage, clock) : await loadFolder(folder, clock);
        assertSame(active.snapshot(), before, `after ${writes} writes, the team where the setting points`);
        assertSame((await loadTeam(storage, clock)).snapshot(), before, `after ${writes} writes, the old copy`);
        if (completed) {
          break;
        }
        // Run again (a window still on the old copy, or the offer to bring it into the new place): one whole copy, nothing twice.
        const again = await loadTeam(storage, clock);
        await moveTeam(again, steps, () => Promise.resolve('merge'), { switchSetting: where.location === 'workspace' });
        assert.equal(where.location, 'folder');
        assertSame((await loadFolder(folder, clock)).snapshot(), before, `after ${writes} writes and again, the folder`);
        assert.equal((await loadFolder(folder, clock)).keptAside().length, 1, 'kept-aside records twice or lost');
        assert.ok(storage.get('techLead.team.movedTo'), 'the old copy is not marked moved');
      }
    });

    it('into a place that has a team: merged with the import rules (people matched by name), or not at all', async () => {
      const clock = new FakeClock('2026-11-24');
      const storage = new MemoryStorage();
      const source = await sourceTeam(storage, clock);
      const folder = new MemoryTeamFolder();
      const there = await loadFolder(folder, clock, sequentialIds('t'));
      await there.logDelegation(input('Their task', 'Ana'));
      const where = { location: 'workspace' as 'workspace' | 'folder' };
      const files = [...folder.data.keys()].sort();
      assert.equal(await moveTeam(source, stepsFor(storage, folder, clock, where), () => Promise.resolve(undefined)), undefined);
      assert.deepEqual([...folder.data.keys()].sort(), files, 'a cancelled move wrote something');
      const merged = await moveTeam(source, stepsFor(storage, folder, clock, where), () => Promise.resolve('merge'));
      assert.equal(merged?.how, 'merge');
      const back = await loadFolder(folder, clock);
      assert.deepEqual(
        back
          .people()
          .map((p) => p.name)
          .sort(),
        ['Ana', 'Sam'],
      );
      assert.equal(back.delegations().length, 4);
      assert.deepEqual(merged.imported?.keptByName, []);
    });
  });
});
