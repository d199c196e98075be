/**
 * The seven ways issue 21 found the chunked storage and Undo to lose or hide data, each
 * reproduced at the domain level (written against the store as it was before the fix).
 */
import * as assert from 'node:assert/strict';
import { cleanLine } from '../../src/domain/core/text';
import { parseImport, toExportJson } from '../../src/domain/team/exchange';
import { SETTLED_MS } from '../../src/domain/team/storage/writer';
import { undoMarkDone } from '../../src/domain/team/store/undo';
import { day, FakeClock, filesOf, loadTeam, MemoryStorage, namedFiles, sequentialIds, teamKeys, valuesOf } from '../support/fakes';

const input = (task: string, person: string) => ({ task, person, level: 3 as const, followUpOn: day('2026-11-27') });

/** Workspace state whose index write waits for `release`. */
class GatedStorage extends MemoryStorage {
  gate: Promise<void> | undefined;
  override async update(key: string, value: unknown): Promise<void> {
    if (key === teamKeys.team && this.gate) {
      await this.gate;
    }
    return super.update(key, value);
  }
}

async function sixDelegations(storage: MemoryStorage, clock: FakeClock) {
  const store = await loadTeam(storage, clock, sequentialIds('a'));
  for (const [task, person] of [
    ['A1', 'Ana'],
    ['A2', 'Ana'],
    ['A3', 'Ana'],
    ['S1', 'Sam'],
    ['S2', 'Sam'],
    ['S3', 'Sam'],
  ] as const) {
    await store.logDelegation(input(task, person));
  }
  await store.logOneOnOne({ person: 'Ana', on: day('2026-11-20'), topics: [] });
  return store;
}

describe('storage safety (issue 21)', () => {
  it('1. a chunk missing at one load is not dropped, and not deleted when it comes back', async () => {
    const clock = new FakeClock('2026-11-24');
    const storage = new MemoryStorage();
    await sixDelegations(storage, clock);
    clock.advance(SETTLED_MS + 60_000);
    const ana = namedFiles(storage).find((n) => n.startsWith('delegations-') && storage.files.data.get(n)?.includes('A1'));
    assert.ok(ana);
    const text = storage.files.data.get(ana) as string;
    storage.files.data.delete(ana);
    const partial = await loadTeam(storage, clock, sequentialIds('b'));
    assert.equal(partial.delegations().length, 3);
    storage.files.data.set(ana, text);
    clock.advance(SETTLED_MS + 60_000);
    await loadTeam(storage, clock, sequentialIds('c'));
    const back = await loadTeam(storage, clock, sequentialIds('d'));
    assert.equal(back.delegations().length, 6, 'delegations lost for good');
  });

  it('1b. a second store over the same state and an empty folder loses nothing of the first folder', async () => {
    const clock = new FakeClock('2026-11-24');
    const storage = new MemoryStorage();
    await sixDelegations(storage, clock);
    clock.advance(SETTLED_MS + 60_000);
    const other = new MemoryStorage(valuesOf(storage));
    await loadTeam(other, clock, sequentialIds('x'));
    // The shared state now is what the second store left; the first folder is read with it.
    const shared = new MemoryStorage(valuesOf(other), filesOf(storage));
    const first = await loadTeam(shared, clock, sequentialIds('y'));
    assert.equal(first.delegations().length, 6);
  });

  it('2. a store with an empty state leaves alone the files another index names', async () => {
    const clock = new FakeClock('2026-11-24');
    const storage = new MemoryStorage();
    await sixDelegations(storage, clock);
    clock.advance(SETTLED_MS + 60_000);
    const empty = new MemoryStorage({}, filesOf(storage));
    await loadTeam(empty, clock, sequentialIds('e'));
    const first = await loadTeam(new MemoryStorage(valuesOf(storage), filesOf(empty)), clock, sequentialIds('f'));
    assert.equal(first.delegations().length, 6);
    assert.equal(first.oneOnOnes().length, 1);
    // The store over the empty state says the folder holds another team's files, and can export them for an import.
    const other = await loadTeam(new MemoryStorage({}, filesOf(storage)), clock, sequentialIds('g'));
    assert.deepEqual(
      other.foreign.map((f) => f.files),
      [storage.files.data.size],
    );
    const found = await other.readForeign();
    assert.equal(found.data.delegations.length, 6);
    assert.equal(found.data.oneOnOnes.length, 1);
    assert.equal(found.data.people.length, 2, 'a placeholder for each person the records point to');
    assert.ok(
      (await parseImport(toExportJson(found.data, day('2026-11-24'), { includeNotes: true }), day('2026-11-24'))).ok,
      'the export does not import',
    );
  });

  it('3a. two stores on one state and folder: both changes survive a reload', async () => {
    const clock = new FakeClock('2026-11-24');
    const storage = new MemoryStorage();
    await (await loadTeam(storage, clock, sequentialIds('p'))).addPerson({ name: 'Ana' });
    const one = await loadTeam(storage, clock, sequentialIds('q'));
    const two = await loadTeam(storage, clock, sequentialIds('r'));
    await one.logDelegation(input('From one', 'Ana'));
    await two.logDelegation(input('From two', 'Ana'));
    const reloaded = await loadTeam(storage, clock, sequentialIds('s'));
    assert.deepEqual(
      reloaded
        .delegations()
        .map((d) => d.task)
        .sort(),
      ['From one', 'From two'],
    );
  });

  it("3b. a load between another store's chunk write and its index write deletes nothing it is about to name", async () => {
    const clock = new FakeClock('2026-11-24');
    const storage = new GatedStorage();
    const writer = await loadTeam(storage, clock, sequentialIds('w'));
    await writer.logDelegation(input('First', 'Ana'));
    let release = (): void => undefined;
    storage.gate = new Promise((resolve) => (release = resolve));
    const chunks = storage.files.writes.length;
    const pending = writer.logDelegation(input('Second', 'Ana'));
    while (storage.files.writes.length === chunks) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await loadTeam(storage, clock, sequentialIds('v'));
    release();
    storage.gate = undefined;
    await pending;
    const reloaded = await loadTeam(storage, clock, sequentialIds('u'));
    assert.deepEqual(
      reloaded
        .delegations()
        .map((d) => d.task)
        .sort(),
      ['First', 'Second'],
    );
  });

  it('4. a failed change never overwrites a later successful one', async () => {
    const clock = new FakeClock('2026-11-24');
    const storage = new MemoryStorage();
    const store = await loadTeam(storage, clock, sequentialIds('i'));
    const a1 = (await store.logDelegation(input('A1', 'Ana'))).value;
    const ana = store.findPerson('Ana');
    assert.ok(ana);
    const file = JSON.parse(
      toExportJson(
        {
          ...store.snapshot(),
          delegations: [{ ...a1, task: 'A1 renamed' }],
          people: [...store.snapshot().people, { id: 'cy', name: 'Cy', cadenceDays: 14, addedOn: day('2026-11-24') }],
        },
        day('2026-11-24'),
        { includeNotes: true },
      ),
    );
    file.delegations.push({ ...a1, id: 'cy-1', task: 'C1', personId: 'cy' });
    const parsed = await parseImport(JSON.stringify(file), day('2026-11-24'));
    assert.ok(parsed.ok && parsed.version !== 1);
    const files = storage.files;
    const slow = files.write.bind(files);
    const cyHex = Buffer.from('cy').toString('hex');
    files.write = async (name: string, text: string) => {
      if (name.includes(`-${cyHex}-`)) {
        throw new Error('disk full');
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      return slow(name, text);
    };
    await assert.rejects(store.importMerge(parsed.data), /could not be saved/);
    files.write = slow;
    await store.markDone(a1.id);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const reloaded = await loadTeam(storage, clock, sequentialIds('j'));
    const back = reloaded.delegations().find((d) => d.id === a1.id);
    assert.equal(back?.task, 'A1');
    assert.ok(back?.doneOn !== undefined, 'the later Mark done was lost');
  });

  it('5. Undo of an earlier Mark done leaves a later one alone, and says so', async () => {
    const clock = new FakeClock('2026-06-10');
    const store = await loadTeam(new MemoryStorage(), clock, sequentialIds('m'));
    const logged = (await store.logDelegation(input('Ship it', 'Ana'))).value;
    const first = await store.markDone(logged.id);
    assert.ok(first);
    await store.reopen(logged.id);
    clock.setDay('2026-06-11');
    await store.markDone(logged.id);
    const result = await store.undo(undoMarkDone(first));
    assert.equal(result.applied, 0);
    assert.equal(result.left.length, 1);
    assert.ok(store.delegation(logged.id)?.doneOn !== undefined);
  });

  it('6. text that holds invisible characters or looks like nothing is refused', async () => {
    for (const cp of [0x2061, 0x2064, 0x206a, 0x206f, 0x3164, 0x115f, 0x1160, 0xffa0, 0x034f, 0xe0001, 0xe0020, 0xe007f]) {
      const char = String.fromCodePoint(cp);
      assert.equal(cleanLine(`Ana${char}Lee`, { what: 'name', max: 80 }).ok, false, `U+${cp.toString(16)} inside text`);
      assert.equal(cleanLine(char, { what: 'name', max: 80 }).ok, false, `U+${cp.toString(16)} alone`);
    }
    const file = {
      format: 'tech-lead-coach/delegations',
      version: 2,
      people: [
        { id: 'p1', name: 'Ana Lee', cadenceDays: 14, addedOn: '2026-11-01' },
        { id: 'p2', name: 'Ana\u2063 Lee', cadenceDays: 14, addedOn: '2026-11-01' },
      ],
    };
    assert.equal((await parseImport(JSON.stringify(file), day('2026-11-24'))).ok, false);
  });
});
