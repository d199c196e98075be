import { StoreRefusal } from '../../src/domain/team/store/change';
import { loadTeamStore, unavailableTeamStore } from '../../src/domain/team/store/load';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDelegation, HISTORY_MAX, type DelegationV1, type NewDelegation } from '../../src/domain/team/delegations';
import { personKey } from '../../src/domain/team/people';
import type { Feedback } from '../../src/domain/team/feedback';
import type { OneOnOne } from '../../src/domain/team/oneOnOnes';
import type { Person } from '../../src/domain/team/people';
import { CHUNKED, COLLECTIONS, EMPTY_TEAM, type Collection, type TeamData } from '../../src/domain/team/kinds';
import { chunkFileName, parseChunkName } from '../../src/domain/team/storage/format';
import { StateChunkFiles } from '../../src/domain/team/storage/files';
import { describeImport } from '../../src/domain/team/store/import';
import { describeUndoLeft, undoMarkDone } from '../../src/domain/team/store/undo';
import { ORPHAN_MS, SETTLED_MS } from '../../src/domain/team/storage/writer';
import { TeamStore } from '../../src/domain/team/store/store';
import { TEAM_CHUNK_KEYS } from '../../src/platform/stateMap';
import {
  assertSameTeam,
  day,
  FakeClock,
  loadTeam,
  MemoryStorage,
  namedFiles,
  readStored,
  sequentialIds,
  teamKeys as keys,
  writeCount,
} from '../support/fakes';

function input(task: string, person = 'Sam', followUpOn = '2026-11-27'): NewDelegation {
  return { task, person, level: 3, followUpOn: day(followUpOn) };
}

async function newStore(storage = new MemoryStorage(), clock = new FakeClock('2026-11-24')) {
  return { store: await loadTeam(storage, clock, sequentialIds()), storage, clock };
}

/** A collection's records, ordered by id, so two lists compare whatever order Undo put them back in. */
function byId<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function sameTeam(actual: TeamData, expected: TeamData, message?: string): void {
  for (const collection of COLLECTIONS) {
    assert.deepEqual(
      byId<{ id: string }>(actual[collection]),
      byId<{ id: string }>(expected[collection]),
      `${collection}${message ? `: ${message}` : ''}`,
    );
  }
}

/** What is stored, read back, equals what the store shows. */
async function storedMatches(store: TeamStore, storage: MemoryStorage): Promise<void> {
  const stored = await readStored(storage);
  assert.deepEqual(stored.keptAside, []);
  for (const collection of COLLECTIONS) {
    // Storage holds records by chunk (person and year), memory in the order they came: compared by id.
    assert.deepEqual(
      byId<{ id: string }>(stored[collection]),
      byId<{ id: string }>(store.snapshot()[collection]),
      `${collection} in storage differ from memory`,
    );
  }
}

describe('TeamStore', () => {
  it('starts empty and saves a versioned team', async () => {
    const { store, storage } = await newStore();
    assert.equal(store.delegations().length, 0);
    const logged = await store.logDelegation(input('Run the retro'));
    const sam = store.findPerson('Sam');
    assert.ok(sam);
    const index = storage.get(keys.team) as {
      schemaVersion: number;
      lineage: string;
      generation: number;
      people: unknown;
      chunks: string[];
    };
    assert.equal(index.schemaVersion, 6);
    assert.match(index.lineage, /^[0-9a-z]{8}$/);
    assert.equal(index.generation, 1);
    assert.deepEqual(index.people, [sam]);
    // The chunk is a file (the person id in hex, the lineage, a stamp of its own), not a key of workspace state.
    assert.equal(index.chunks.length, 1);
    assert.match(
      index.chunks[0] ?? '',
      new RegExp(`^delegations-${Buffer.from(sam.id).toString('hex')}-2026-${index.lineage}-[0-9a-z]+\\.[0-9a-z]{4}\\.json$`),
    );
    // The index is of version 6; a chunk holds schema 5, as since version 5 (see storage/versions.ts).
    assert.deepEqual(storage.files.json(index.chunks[0] ?? ''), { schemaVersion: 5, records: [logged.value] });
    assert.deepEqual(storage.keys(), [keys.team], 'workspace state holds more than the index');
    assert.deepEqual(logged.value.history, [{ kind: 'created', on: '2026-11-24' }]);
    assert.equal(logged.value.personId, sam.id);
    assert.equal(storage.get(keys.legacy), undefined, 'nothing to migrate, so no marker either');
  });

  it('reads back what it wrote, in a new session', async () => {
    const { store, storage } = await newStore();
    await store.logDelegation(input('Run the retro'));
    await store.logDelegation(input('Own the dashboard', 'Ana'));
    await store.logOneOnOne({ person: 'Ana', on: day('2026-11-20'), mood: 4, notes: 'Wants more on-call', topics: ['career'] });
    await store.logFeedback({ person: 'Sam', on: day('2026-11-24'), kind: 'asked', said: 'More context', change: 'Write the why' });
    const reopened = await loadTeam(storage, new FakeClock('2026-11-25'), sequentialIds('e'));
    assert.deepEqual(reopened.snapshot(), store.snapshot());
    assert.equal(reopened.keptAsideOnLoad, 0);
  });

  it('keeps invalid records aside intact, loads the rest, and never throws', async () => {
    const { store: writer, storage } = await newStore();
    const good = (await writer.logDelegation(input('Run the retro'))).value;
    const people = writer.people();
    const bad = { id: 'broken', task: 42 };
    const orphan = { ...good, id: 'orphan', personId: 'nobody' };
    storage.data.set(
      keys.team,
      JSON.stringify({ schemaVersion: 2, people, delegations: [good, bad, good, orphan], oneOnOnes: [], feedback: [] }),
    );
    const { store } = await newStore(storage);
    assert.deepEqual(store.delegations(), [good]);
    assert.equal(store.keptAsideOnLoad, 3);
    const aside = store.keptAside();
    assert.deepEqual(
      aside.map((r) => r.raw),
      [bad, good, orphan],
    );
    assert.deepEqual(
      aside.map((r) => r.reason),
      ['delegation: invalid task', 'delegation: duplicate id', 'delegation: its person is not in the tracker'],
    );
    assert.equal(aside[0]?.keptOn, '2026-11-24');
    await storedMatches(store, storage);
  });

  it('never writes over a tracker from a newer version: it goes read-only and leaves storage alone', async () => {
    const future = { schemaVersion: 9, people: [{ anything: true }] };
    const storage = new MemoryStorage({ [keys.team]: future });
    const { store } = await newStore(storage);
    assert.equal(store.delegations().length, 0);
    assert.equal(store.newer?.schemaVersion, 9);
    assert.deepEqual(store.newer?.raw, future);
    await assert.rejects(store.logDelegation(input('Anything')), /newer version of Tech Lead Coach \(schema 9\)/);
    await assert.rejects(store.importMerge(EMPTY_TEAM), /read-only|does not change/);
    await assert.rejects(store.addPerson({ name: 'Ana' }), /newer version/);
    assert.throws(() => store.refuseIfReadOnly(), StoreRefusal);
    assert.deepEqual(storage.writes, [], 'something was written');
    assert.deepEqual(storage.files.writes, [], 'a chunk file was written or removed');
    assert.deepEqual(storage.get(keys.team), future);
    assert.equal(storage.get(keys.keptAside), undefined);
  });

  it('keeps garbage aside too: a string, an array, an unknown version, an unknown field', async () => {
    for (const garbage of ['oops', [1, 2], { schemaVersion: 1 }, { schemaVersion: 2, people: [], colour: 'red' }]) {
      const storage = new MemoryStorage({ [keys.team]: garbage });
      const { store } = await newStore(storage);
      assert.equal(store.delegations().length, 0);
      assert.deepEqual(store.keptAside()[0]?.raw, garbage);
    }
    // A list that is not a list is kept aside; the other lists still load.
    const storage = new MemoryStorage({ [keys.team]: { schemaVersion: 2, people: 'everyone', delegations: [] } });
    const { store } = await newStore(storage);
    assert.deepEqual(
      store.keptAside().map((r) => [r.raw, r.reason]),
      [['everyone', 'the people list is not a list']],
    );
  });

  it('adds to what was kept aside before rather than replacing it', async () => {
    const storage = new MemoryStorage({ [keys.keptAside]: [{ raw: 'earlier', reason: 'old', keptOn: '2026-01-01' }], [keys.team]: 'oops' });
    const { store } = await newStore(storage);
    assert.deepEqual(
      store.keptAside().map((r) => r.raw),
      ['earlier', 'oops'],
    );
  });

  it('serialises writes: many quick changes all land, in order', async () => {
    const storage = new MemoryStorage();
    storage.delayMs = 5;
    const { store } = await newStore(storage);
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.logDelegation(input(`Task ${i}`, i % 2 === 0 ? 'Sam' : 'Ana'))));
    assert.equal(store.people().length, 2, 'two quick logs to a new name added the person twice');
    const [first, second, third] = store.delegations();
    assert.ok(first && second && third);
    await Promise.all([store.markDone(first.id), store.changeFollowUp(second.id, day('2026-12-24')), store.deleteDelegation(third.id)]);
    await store.flushed();
    const reread = await readStored(storage);
    assert.equal(reread.delegations.length, 29);
    assert.deepEqual(byId(reread.delegations), byId(store.delegations()));
    assert.equal(reread.delegations.find((d) => d.id === first.id)?.doneOn, '2026-11-24');
    assert.equal(reread.delegations.find((d) => d.id === second.id)?.followUpOn, '2026-12-24');
  });

  it('a failed write leaves no trace: memory, storage and listeners as before, and the next write works', async () => {
    const { store, storage } = await newStore();
    const kept = (await store.logDelegation(input('Kept'))).value;
    const seen: (readonly Collection[])[] = [];
    store.onDidChange((change) => seen.push(change.collections));
    const before = store.snapshot();
    storage.failNext = true;
    await assert.rejects(store.logDelegation(input('First')), /could not be saved \(disk full\)\. Nothing was changed/);
    assert.deepEqual(store.delegations(), [kept]);
    assert.deepEqual(seen, [], 'listeners heard of a change that was not stored');
    storage.failNext = true;
    await assert.rejects(store.markDone(kept.id), /disk full/);
    assert.equal(store.delegation(kept.id)?.doneOn, undefined);
    // A new name and its delegation fail together: the person is not added on their own.
    storage.failNext = true;
    await assert.rejects(store.logDelegation(input('For someone new', 'Noor')), /disk full/);
    assert.equal(store.findPerson('Noor'), undefined);
    storage.failNext = true;
    await assert.rejects(store.addPerson({ name: 'Lee' }), /disk full/);
    storage.failNext = true;
    await assert.rejects(store.logOneOnOne({ person: 'Sam', on: day('2026-11-24'), topics: [] }), /disk full/);
    // A chunk file refused rather than the index: the same.
    storage.files.failNext = true;
    await assert.rejects(store.logDelegation(input('Third', 'Noor')), /could not be saved \(disk full\)\. Nothing was changed/);
    storage.files.failNext = true;
    await assert.rejects(store.markDone(kept.id), /disk full/);
    assert.equal(store.findPerson('Noor'), undefined);
    assert.equal(store.delegation(kept.id)?.doneOn, undefined);
    assert.equal(store.snapshot(), before, 'memory changed after failed writes');
    await store.logDelegation(input('Second'));
    assert.deepEqual(
      (await readStored(storage)).delegations.map((d) => d.task),
      ['Kept', 'Second'],
    );
    assert.deepEqual(seen, [['delegations']]);
  });

  it('shows a change only once storage has it', async () => {
    const { store, storage } = await newStore();
    storage.delayMs = 20;
    const pending = store.logDelegation(input('Slow'));
    assert.equal(store.delegations().length, 0, 'shown before it was stored');
    assert.equal(store.people().length, 0, 'the new person shown before it was stored');
    await pending;
    assert.equal(store.delegations().length, 1);
  });

  it('refuses a check-in on a done delegation, and stores nothing for it', async () => {
    const { store, storage } = await newStore();
    const d = (await store.logDelegation(input('Run the retro'))).value;
    await store.markDone(d.id);
    const writes = writeCount(storage);
    await assert.rejects(store.checkIn(d.id, 'late note', day('2026-12-01')), /is done; reopen it/);
    assert.equal(writeCount(storage), writes);
  });

  it('keeps the history within its cap as it is written, so nothing vanishes on reload', async () => {
    const { store, storage, clock } = await newStore();
    const d = (await store.logDelegation(input('Flip-flop'))).value;
    for (let i = 0; i < HISTORY_MAX / 2 + 5; i++) {
      await store.markDone(d.id);
      await store.reopen(d.id);
    }
    const saved = store.delegation(d.id);
    assert.equal(saved?.history.length, HISTORY_MAX);
    assert.equal(saved?.history[0]?.kind, 'created', 'the created event is kept');
    assert.equal(saved?.history.at(-1)?.kind, 'reopened', 'the newest event is kept');
    const reloaded = await loadTeam(storage, clock, sequentialIds('e'));
    assert.deepEqual(reloaded.delegations(), store.delegations());
    assert.equal(reloaded.keptAsideOnLoad, 0);
  });

  it('records each change in the history; Undo reverses that one change and nothing after', async () => {
    const { store, clock } = await newStore();
    const logged = (await store.logDelegation(input('Run the retro'))).value;
    clock.setDay('2026-11-26');
    await store.changeLevel(logged.id, 5);
    await store.changeFollowUp(logged.id, day('2026-12-01'));
    await store.editDelegation(logged.id, 'note', 'agreed a weekly check');
    const beforeDone = store.delegation(logged.id);
    assert.ok(beforeDone);
    const done = await store.markDone(logged.id);
    assert.ok(done);
    assert.deepEqual(
      store.delegation(logged.id)?.history.map((e) => e.kind),
      ['created', 'levelChanged', 'followUpChanged', 'edited', 'done'],
    );
    // A change made after Mark done survives its Undo: the Undo reopens, it does not roll back.
    await store.editDelegation(logged.id, 'task', 'Run the retro, renamed');
    assert.deepEqual(await store.undo(undoMarkDone(done)), { applied: 1, left: [] });
    const reopened = store.delegation(logged.id);
    assert.equal(reopened?.doneOn, undefined);
    assert.equal(reopened?.task, 'Run the retro, renamed');
    assert.deepEqual(reopened?.history.map((e) => e.kind).slice(-2), ['edited', 'reopened']);
    // Undo of Mark done once it was reopened by hand: nothing to do, nothing reported.
    assert.deepEqual(await store.undo(undoMarkDone(done)), { applied: 0, left: [] });
    const deleted = await store.deleteDelegation(logged.id);
    assert.equal(store.delegations().length, 0);
    assert.ok(deleted);
    assert.equal(store.findPerson('Sam')?.name, 'Sam', 'deleting their last delegation keeps the person');
    const other = (await store.logDelegation(input('Logged after the delete'))).value;
    assert.deepEqual(await store.undo(deleted.undo), { applied: 1, left: [] });
    assert.deepEqual(store.delegations(), [other, reopened]);
    // The same Undo again: the id is taken, so it leaves it and says why.
    const again = await store.undo(deleted.undo);
    assert.equal(again.applied, 0);
    assert.match(again.left[0]?.reason ?? '', /same id exists/);
  });

  it('undoes a Log only while the record is as it was logged', async () => {
    const { store } = await newStore();
    const a = await store.logDelegation(input('a'));
    const b = await store.logDelegation(input('b', 'Ana'));
    await store.changeLevel(b.value.id, 6);
    assert.deepEqual(await store.undo(a.undo), { applied: 2, left: [] }, 'the delegation and the person it added');
    const left = await store.undo(b.undo);
    assert.equal(left.applied, 0);
    assert.match(left.left[0]?.reason ?? '', /changed after/);
    assert.deepEqual(
      store.delegations().map((d) => d.task),
      ['b'],
    );
    assert.deepEqual(store.personNames(), ['Ana']);
  });

  it('undoes an import exactly: removes what it added, reverts what it changed, keeps later work', async () => {
    const { store } = await newStore();
    const mine = (await store.logDelegation(input('Mine'))).value;
    const other = (await store.logDelegation(input('Other'))).value;
    const imported = { ...mine, task: 'Mine, as the file has it', level: 6 as const };
    const fresh = { ...mine, id: 'from-file', task: 'New from the file' };
    const result = await store.importMerge({
      ...EMPTY_TEAM,
      people: [],
      delegations: [imported, fresh, other],
      oneOnOnes: [],
      feedback: [],
    });
    assert.deepEqual([result.added, result.updated, result.unchanged], [1, 1, 1]);
    // Later work: a new delegation, and a level change on the imported record.
    const later = (await store.logDelegation(input('Logged after the import'))).value;
    await store.changeLevel(mine.id, 2);
    const undone = await store.undo(result.undo);
    assert.equal(undone.applied, 2);
    assert.equal(undone.left.length, 1);
    assert.match(undone.left[0]?.reason ?? '', /level changed after/);
    assert.match(
      describeUndoLeft(undone) ?? '',
      /^Undo put back 2 changes and left 1 as it is \("Mine, as the file has it": its level changed after/,
    );
    assert.equal(store.delegation('from-file'), undefined, 'the added record stays');
    assert.ok(store.delegation(later.id), 'work after the import was lost');
    const back = store.delegation(mine.id);
    assert.equal(back?.task, 'Mine', 'the task the import changed is not back');
    assert.equal(back?.level, 2, 'the later level change was undone');
  });

  it('reopens a done delegation and removes an emptied note', async () => {
    const { store } = await newStore();
    const logged = (await store.logDelegation({ ...input('Pair on the migration'), note: 'x' })).value;
    await store.markDone(logged.id);
    const reopened = await store.reopen(logged.id);
    assert.equal(reopened?.doneOn, undefined);
    const noNote = await store.editDelegation(logged.id, 'note', undefined);
    assert.equal(noNote && 'note' in noNote, false);
  });

  it('lists people most recently delegated to first, one person whatever the case of the name', async () => {
    const { store, clock } = await newStore();
    const a = (await store.logDelegation(input('a', 'Sam'))).value;
    clock.setDay('2026-11-25');
    await store.logDelegation(input('b', 'Ana'));
    clock.setDay('2026-11-26');
    const c = (await store.logDelegation(input('c', 'sam'))).value;
    assert.equal(c.personId, a.personId, '"sam" is Sam');
    assert.deepEqual(store.personNames(), ['Sam', 'Ana']);
    await store.addPerson({ name: 'Zoë' });
    await store.addPerson({ name: 'Bea' });
    assert.deepEqual(store.personNames(), ['Sam', 'Ana', 'Bea', 'Zoë'], 'then the rest by name');
  });

  it('knows what is overdue and how long since anything was delegated', async () => {
    const { store, clock } = await newStore();
    assert.equal(store.daysSinceLastDelegated(), undefined);
    await store.logDelegation(input('a', 'Sam', '2026-11-25'));
    clock.setDay('2026-11-27');
    assert.deepEqual(
      store.overdue().map((d) => d.task),
      ['a'],
    );
    assert.equal(store.daysSinceLastDelegated(), 3);
  });

  it('tells listeners which collections every change touched', async () => {
    const { store } = await newStore();
    const seen: (readonly Collection[])[] = [];
    store.onDidChange((change) => seen.push(change.collections));
    const d = await store.logDelegation(input('a'));
    await store.logDelegation(input('b'));
    await store.markDone(d.value.id);
    await store.markDone(d.value.id); // no change, no event
    const deleted = await store.deleteDelegation(d.value.id);
    assert.ok(deleted);
    await store.undo(deleted.undo);
    await store.undo(deleted.undo); // nothing applied, no event
    await store.addPerson({ name: 'Ana' });
    assert.deepEqual(seen, [['people', 'delegations'], ['delegations'], ['delegations'], ['delegations'], [...COLLECTIONS], ['people']]);
  });
});

describe('TeamStore: people', () => {
  it('adds a person with the default cadence, refuses a name already in the team whatever its case, and undoes the add', async () => {
    const { store, storage } = await newStore();
    const sam = await store.addPerson({ name: 'Sam', role: 'Backend engineer' });
    assert.deepEqual(sam.value, { id: sam.value.id, name: 'Sam', role: 'Backend engineer', cadenceDays: 14, addedOn: '2026-11-24' });
    const ana = await store.addPerson({ name: 'Ana', cadenceDays: 7 });
    assert.equal(ana.value.cadenceDays, 7);
    assert.equal('role' in ana.value, false);
    const writes = writeCount(storage);
    for (const name of ['Sam', 'sam', 'SAM']) {
      await assert.rejects(
        store.addPerson({ name }),
        (error: Error) => error instanceof StoreRefusal && /Sam is already in the team/.test(error.message),
      );
    }
    assert.equal(writeCount(storage), writes, 'a refused add wrote something');
    assert.deepEqual(await store.undo(ana.undo), { applied: 1, left: [] });
    assert.deepEqual(store.personNames(), ['Sam']);
    await storedMatches(store, storage);
  });

  it('renames: one record changes, delegations keep the person id; a name in use is refused', async () => {
    const { store, storage } = await newStore();
    const d = (await store.logDelegation(input('Own the dashboard', 'Sam'))).value;
    await store.logDelegation(input('Write the guide', 'Ana'));
    await store.logOneOnOne({ person: 'Sam', on: day('2026-11-20'), topics: [] });
    const sam = store.findPerson('Sam');
    assert.ok(sam);
    const before = store.snapshot();
    const renamed = await store.updatePerson(sam.id, { name: 'Samira' });
    assert.equal(renamed?.value.name, 'Samira');
    const after = store.snapshot();
    assert.deepEqual(after.delegations, before.delegations, 'a rename touched the delegations');
    assert.deepEqual(after.oneOnOnes, before.oneOnOnes);
    assert.deepEqual(
      after.people.filter((p) => p.id !== sam.id),
      before.people.filter((p) => p.id !== sam.id),
    );
    assert.equal(store.delegation(d.id)?.personId, sam.id);
    assert.equal(store.nameOf(d.personId), 'Samira');
    assert.equal(store.findPerson('sam'), undefined);
    assert.equal(store.findPerson('SAMIRA')?.id, sam.id);
    // The person's own name in another case is not a clash.
    assert.equal((await store.updatePerson(sam.id, { name: 'SAMIRA' }))?.value.name, 'SAMIRA');
    const writes = writeCount(storage);
    await assert.rejects(store.updatePerson(sam.id, { name: 'ana' }), /Ana is already in the team; choose another name/);
    assert.equal(writeCount(storage), writes);
    await storedMatches(store, storage);
    // Undo of the first rename: the name was changed again since, so the later name stays.
    assert.ok(renamed);
    const undone = await store.undo(renamed.undo);
    assert.equal(undone.applied, 0);
    assert.match(undone.left[0]?.reason ?? '', /its name changed after/);
    assert.equal(store.person(sam.id)?.name, 'SAMIRA');
  });

  it('undoes a rename, unless someone has that name now', async () => {
    const { store } = await newStore();
    const sam = await store.addPerson({ name: 'Sam' });
    const renamed = await store.updatePerson(sam.value.id, { name: 'Samira' });
    assert.ok(renamed);
    assert.deepEqual(await store.undo(renamed.undo), { applied: 1, left: [] });
    assert.equal(store.person(sam.value.id)?.name, 'Sam');
    const again = await store.updatePerson(sam.value.id, { name: 'Samira' });
    assert.ok(again);
    await store.addPerson({ name: 'SAM' });
    const clash = await store.undo(again.undo);
    assert.equal(clash.applied, 0);
    assert.match(clash.left[0]?.reason ?? '', /SAM is in the team under that name now/);
    assert.equal(store.person(sam.value.id)?.name, 'Samira');
  });

  it('sets and removes the role and the cadence', async () => {
    const { store } = await newStore();
    const sam = await store.addPerson({ name: 'Sam' });
    const changed = await store.updatePerson(sam.value.id, { role: 'Tech lead', cadenceDays: 7 });
    assert.deepEqual([changed?.value.role, changed?.value.cadenceDays], ['Tech lead', 7]);
    const noRole = await store.updatePerson(sam.value.id, { role: null });
    assert.equal(noRole && 'role' in noRole.value, false);
    await assert.rejects(store.updatePerson(sam.value.id, { cadenceDays: 0 }), /invalid person \(invalid cadenceDays\)/);
    assert.deepEqual(
      await store.updatePerson(sam.value.id, { cadenceDays: 7 }),
      { value: store.person(sam.value.id), undo: { steps: [] } },
      'no change, nothing to undo',
    );
    assert.equal(await store.updatePerson('nobody', { name: 'X' }), undefined);
  });

  it('archives and restores: archived people are kept but not listed, and get no new work', async () => {
    const { store, storage } = await newStore();
    const d = (await store.logDelegation(input('Own the dashboard', 'Sam'))).value;
    const sam = store.findPerson('Sam');
    assert.ok(sam);
    const archived = await store.updatePerson(sam.id, { archived: true });
    assert.equal(archived?.value.archived, true);
    assert.deepEqual(store.personNames(), []);
    assert.equal(store.people().length, 1);
    assert.equal(store.delegation(d.id)?.personId, sam.id, 'their work is kept');
    const writes = writeCount(storage);
    for (const name of ['Sam', 'sam']) {
      await assert.rejects(
        store.logDelegation(input('More work', name)),
        (error: Error) => error instanceof StoreRefusal && error.message === 'Sam is archived. Restore them from the Team view first.',
      );
    }
    await assert.rejects(store.logOneOnOne({ person: 'Sam', on: day('2026-11-24'), topics: [] }), /Sam is archived/);
    await assert.rejects(
      store.logFeedback({ person: 'Sam', on: day('2026-11-24'), kind: 'asked', said: 'x', change: 'y' }),
      /Sam is archived/,
    );
    await assert.rejects(store.reassign(d.id, 'Sam'), /Sam is archived/);
    await assert.rejects(store.addPerson({ name: 'Sam' }), /Sam is already in the team \(archived: restore them from the Team view\)/);
    assert.equal(writeCount(storage), writes, 'a refused change wrote something');
    const restored = await store.updatePerson(sam.id, { archived: false });
    assert.equal(restored && 'archived' in restored.value, false, 'restored people carry no archived flag');
    assert.deepEqual(store.personNames(), ['Sam']);
    await store.logDelegation(input('More work', 'sam'));
    // Undo of the archive after the restore: nothing left to do.
    assert.ok(archived);
    assert.equal((await store.undo(archived.undo)).applied, 0);
    assert.deepEqual(store.personNames(), ['Sam']);
  });

  it('leaves archived people out of the overdue 1:1s', async () => {
    const { store, clock } = await newStore();
    await store.addPerson({ name: 'Sam' });
    const ana = await store.addPerson({ name: 'Ana', cadenceDays: 7 });
    await store.addPerson({ name: 'Lee', cadenceDays: 30 });
    clock.setDay('2026-12-20');
    assert.deepEqual(
      store.overdueOneOnOnes().map((p) => p.name),
      ['Ana', 'Sam'],
      'the most overdue first',
    );
    await store.updatePerson(ana.value.id, { archived: true });
    assert.deepEqual(
      store.overdueOneOnOnes().map((p) => p.name),
      ['Sam'],
    );
    await store.logOneOnOne({ person: 'Sam', on: day('2026-12-19'), topics: [] });
    assert.deepEqual(store.overdueOneOnOnes(), []);
  });

  it('deletes a person with everything about them; Undo puts every record back', async () => {
    const { store, storage } = await newStore();
    await store.logDelegation(input('Own the dashboard', 'Sam'));
    await store.logDelegation(input('Write the guide', 'Sam'));
    const anaWork = (await store.logDelegation(input('Fix the build', 'Ana'))).value;
    await store.logOneOnOne({ person: 'Sam', on: day('2026-11-20'), mood: 2, notes: 'Tired', topics: ['blockers'] });
    await store.logOneOnOne({ person: 'Ana', on: day('2026-11-21'), topics: [] });
    await store.logFeedback({
      person: 'Sam',
      on: day('2026-11-22'),
      kind: 'given',
      situation: 'The demo',
      behaviour: 'Calm answers',
      impact: 'Trust',
    });
    await store.logFeedback({ person: 'Sam', on: day('2026-11-23'), kind: 'asked', said: 'More context', change: 'Write the why' });
    const before = store.snapshot();
    const sam = store.findPerson('Sam');
    assert.ok(sam);
    const deleted = await store.deletePerson(sam.id);
    assert.ok(deleted);
    assert.equal(deleted.value.person.id, sam.id);
    assert.equal(deleted.value.records, 5);
    const after = store.snapshot();
    assert.deepEqual(
      after.people.map((p) => p.name),
      ['Ana'],
    );
    assert.deepEqual(after.delegations, [anaWork]);
    assert.equal(after.oneOnOnes.length, 1);
    assert.equal(after.feedback.length, 0);
    for (const collection of ['delegations', 'oneOnOnes', 'feedback'] as const) {
      assert.ok(
        after[collection].every((r) => r.personId !== sam.id),
        `${collection} still point to the deleted person`,
      );
    }
    await storedMatches(store, storage);
    assert.deepEqual(await store.undo(deleted.undo), { applied: 6, left: [] });
    sameTeam(store.snapshot(), before, 'Undo of Delete did not put everything back');
    await storedMatches(store, storage);
    assert.equal(await store.deletePerson('nobody'), undefined);
  });

  it('undoes a person delete without making two people of one name', async () => {
    const { store } = await newStore();
    await store.logDelegation(input('Own the dashboard', 'Sam'));
    const sam = store.findPerson('Sam');
    assert.ok(sam);
    const deleted = await store.deletePerson(sam.id);
    assert.ok(deleted);
    const newSam = await store.addPerson({ name: 'sam' });
    const undone = await store.undo(deleted.undo);
    const keys = store.people().map((p) => personKey(p.name));
    assert.equal(
      new Set(keys).size,
      keys.length,
      `two people of one name: ${store
        .people()
        .map((p) => p.name)
        .join(', ')}`,
    );
    assert.equal(undone.applied, 0);
    assert.match(undone.left[0]?.reason ?? '', /sam is in the team under that name now/);
    assert.deepEqual(store.people(), [newSam.value]);
    assert.deepEqual(store.delegations(), [], 'their delegation stays out with them');
  });

  it('adds a new name with its delegation in one write; Undo removes both, or keeps the person a 1:1 was logged for since', async () => {
    const { store, storage } = await newStore();
    // A team's very first write stores its lineage first, as an index naming nothing; then the index of the change.
    const indexWrites = (): number =>
      storage.writes.filter((w) => w.key === keys.team && (w.value as { generation: number }).generation > 0).length;
    const writes = indexWrites();
    const logged = await store.logDelegation(input('Own the dashboard', 'Noor'));
    assert.equal(indexWrites(), writes + 1, 'one change, one index written (the moment it happens)');
    const noor = store.findPerson('Noor');
    assert.ok(noor);
    assert.deepEqual([noor.cadenceDays, noor.addedOn], [14, '2026-11-24']);
    assert.equal(logged.value.personId, noor.id);
    assert.deepEqual((await readStored(storage)).people, [noor]);
    assert.deepEqual(await store.undo(logged.undo), { applied: 2, left: [] });
    assert.deepEqual(store.snapshot(), EMPTY_TEAM);
    assert.equal(indexWrites(), writes + 2, 'one Undo, one index written');

    const again = await store.logDelegation(input('Own the dashboard', 'Noor'));
    const meeting = await store.logOneOnOne({ person: 'noor', on: day('2026-11-24'), topics: ['career'] });
    assert.equal(meeting.undo.steps.length, 1, 'the 1:1 added nobody');
    const undone = await store.undo(again.undo);
    assert.equal(undone.applied, 1);
    assert.deepEqual(store.delegations(), []);
    assert.deepEqual(store.personNames(), ['Noor'], 'the person a 1:1 was logged for was removed');
    assert.match(undone.left[0]?.reason ?? '', /records about them were added after/);
    await storedMatches(store, storage);
  });

  it('logs 1:1s and feedback, each about a person found by name or added, each with an Undo', async () => {
    const { store, storage } = await newStore();
    await store.addPerson({ name: 'Sam' });
    const meeting = await store.logOneOnOne({
      person: 'SAM',
      on: day('2026-11-20'),
      mood: 3,
      notes: 'Line one\nLine two',
      topics: ['blockers', 'career'],
    });
    const sam = store.findPerson('Sam');
    // Topics are stored once each, in one order, however they were given.
    assert.deepEqual(meeting.value, {
      id: meeting.value.id,
      personId: sam?.id,
      on: '2026-11-20',
      mood: 3,
      notes: 'Line one\nLine two',
      topics: ['career', 'blockers'],
    } as unknown as OneOnOne);
    const asked = await store.logFeedback({
      person: 'Kim',
      on: day('2026-11-24'),
      kind: 'asked',
      said: 'Shorter standups',
      change: 'Timebox to 10 minutes',
    });
    const kim = store.findPerson('Kim');
    assert.ok(kim);
    assert.deepEqual(asked.value, {
      id: asked.value.id,
      personId: kim.id,
      on: '2026-11-24',
      kind: 'asked',
      said: 'Shorter standups',
      change: 'Timebox to 10 minutes',
    } as unknown as Feedback);
    const given = await store.logFeedback({
      person: 'Sam',
      on: day('2026-11-23'),
      kind: 'given',
      situation: 'The incident',
      behaviour: 'You wrote the timeline',
      impact: 'We learned fast',
    });
    assert.deepEqual(store.oneOnOnes(), [meeting.value]);
    assert.deepEqual(store.feedback(), [asked.value, given.value]);
    await storedMatches(store, storage);
    // Stored text is checked as typed text is: a control character is refused, nothing written.
    const writes = writeCount(storage);
    await assert.rejects(store.logOneOnOne({ person: 'Sam', on: day('2026-11-24'), notes: 'bell\u0007', topics: [] }), StoreRefusal);
    await assert.rejects(
      store.logFeedback({ person: 'Sam', on: day('2026-11-24'), kind: 'given', situation: '', behaviour: 'b', impact: 'i' }),
      StoreRefusal,
    );
    assert.equal(writeCount(storage), writes);
    assert.deepEqual(await store.undo(asked.undo), { applied: 2, left: [] }, 'the feedback and Kim, added with it');
    assert.equal(store.findPerson('Kim'), undefined);
    assert.deepEqual(await store.undo(meeting.undo), { applied: 1, left: [] });
    assert.deepEqual(store.oneOnOnes(), []);
    assert.deepEqual(store.personNames(), ['Sam']);
  });
});

describe('TeamStore: import', () => {
  const on = day('2026-11-20');
  const person = (id: string, name: string, extra: Partial<Person> = {}): Person => ({ id, name, cadenceDays: 14, addedOn: on, ...extra });

  it('matches imported people by id, then by name; counts; and undoes exactly', async () => {
    const { store, storage } = await newStore();
    await store.logDelegation(input('Own the dashboard', 'Sam'));
    await store.addPerson({ name: 'Ana' });
    const sam = store.findPerson('Sam');
    const ana = store.findPerson('Ana');
    assert.ok(sam && ana);
    const before = store.snapshot();
    const file: TeamData = {
      ...EMPTY_TEAM,
      // Sam by id (with a role now), Ana under another id (the same person on another machine), Kim new.
      people: [{ ...sam, role: 'Staff engineer' }, person('other-ana', 'ANA'), person('kim', 'Kim')],
      delegations: [{ ...createDelegation('imp-1', { task: 'Review the RFC', level: 4, followUpOn: day('2026-11-30') }, 'other-ana', on) }],
      oneOnOnes: [{ id: 'imp-m1', personId: 'kim', on, topics: [] }],
      feedback: [{ id: 'imp-f1', personId: 'other-ana', on, kind: 'asked', said: 'Fewer meetings', change: 'Cancel the sync' }],
    };
    const result = await store.importMerge(file);
    assert.deepEqual([result.added, result.updated, result.unchanged], [4, 1, 1]);
    assert.deepEqual(store.personNames().sort(), ['Ana', 'Kim', 'Sam']);
    assert.equal(store.findPerson('Ana')?.id, ana.id, 'Ana was added twice');
    assert.equal(store.findPerson('Ana')?.name, 'Ana', 'the name in the tracker is kept');
    assert.equal(store.delegation('imp-1')?.personId, ana.id, "the imported delegation points to the file's id, not to Ana");
    assert.equal(store.feedback()[0]?.personId, ana.id);
    assert.equal(store.person(sam.id)?.role, 'Staff engineer');
    assert.deepEqual(result.keptByName, [], "Ana's record in the file differs only in its id and the case of the name");
    await storedMatches(store, storage);
    // The same file again changes nothing.
    const again = await store.importMerge(file);
    assert.deepEqual([again.added, again.updated], [0, 0]);
    const undone = await store.undo(result.undo);
    assert.deepEqual(undone, { applied: 5, left: [] });
    sameTeam(store.snapshot(), before);
    await storedMatches(store, storage);
  });

  it('says when a person matched by name keeps the role and cadence of the team, not the file', async () => {
    const { store } = await newStore();
    const ana = await store.addPerson({ name: 'Ana', role: 'Engineer', cadenceDays: 14 });
    const file: TeamData = {
      ...EMPTY_TEAM,
      people: [{ ...person('other-ana', 'ana'), role: 'Tech lead', cadenceDays: 7 }],
      delegations: [],
      oneOnOnes: [],
      feedback: [],
    };
    const result = await store.importMerge(file);
    assert.deepEqual(result.keptByName, ['Ana']);
    assert.deepEqual(store.person(ana.value.id), ana.value, 'the team keeps its own role and cadence');
    assert.equal(
      describeImport(result),
      '0 added, 0 updated, 1 unchanged. Ana was matched by name to the person in the team, whose role, 1:1 cadence and archived state were kept',
    );
  });

  it('never makes two people of one name: a file renaming someone to a name in use is refused whole', async () => {
    const { store, storage } = await newStore();
    await store.addPerson({ name: 'Sam' });
    const ana = await store.addPerson({ name: 'Ana' });
    const writes = writeCount(storage);
    await assert.rejects(
      store.importMerge({ ...EMPTY_TEAM, people: [{ ...ana.value, name: 'sam' }], delegations: [], oneOnOnes: [], feedback: [] }),
      StoreRefusal,
    );
    assert.equal(writeCount(storage), writes);
    assert.deepEqual(store.personNames().sort(), ['Ana', 'Sam']);
  });

  it("one person for two of the file's entries of one name", async () => {
    const { store } = await newStore();
    const result = await store.importMerge({
      ...EMPTY_TEAM,
      people: [person('x1', 'Lee'), person('x2', 'LEE')],
      delegations: [createDelegation('imp-1', { task: 'a', level: 4, followUpOn: day('2026-11-30') }, 'x2', on)],
      oneOnOnes: [],
      feedback: [],
    });
    assert.equal(result.added, 2);
    assert.deepEqual(
      store.people().map((p) => p.id),
      ['x1'],
    );
    assert.equal(store.delegation('imp-1')?.personId, 'x1');
  });

  it('keeps the private notes it has when the file left them out, if asked to', async () => {
    const { store } = await newStore();
    const meeting = (await store.logOneOnOne({ person: 'Sam', on, mood: 4, notes: 'Private: thinking about a move', topics: ['career'] }))
      .value;
    const sam = store.findPerson('Sam');
    assert.ok(sam);
    const { notes: _notes, ...withoutNotes } = meeting;
    const file: TeamData = { ...EMPTY_TEAM, people: [sam], delegations: [], oneOnOnes: [withoutNotes], feedback: [] };
    const kept = await store.importMerge(file, { keepNotes: true });
    assert.deepEqual([kept.added, kept.updated, kept.unchanged], [0, 0, 2]);
    assert.equal(store.oneOnOnes()[0]?.notes, 'Private: thinking about a move');
    // Other changes in the file still apply; the notes stay.
    const moodChanged = await store.importMerge({ ...file, oneOnOnes: [{ ...withoutNotes, mood: 5 }] }, { keepNotes: true });
    assert.equal(moodChanged.updated, 1);
    assert.deepEqual([store.oneOnOnes()[0]?.mood, store.oneOnOnes()[0]?.notes], [5, 'Private: thinking about a move']);
    // Without keepNotes the file is taken as it is, and the Undo brings the notes back.
    const replaced = await store.importMerge(file);
    assert.equal(replaced.updated, 1);
    assert.equal(store.oneOnOnes()[0]?.notes, undefined);
    await store.undo(replaced.undo);
    assert.equal(store.oneOnOnes()[0]?.notes, 'Private: thinking about a move');
  });

  it('imports a release 0.1 file: each name joins the team member of that name, or the team', async () => {
    const { store, storage } = await newStore();
    await store.addPerson({ name: 'Sam' });
    const sam = store.findPerson('Sam');
    assert.ok(sam);
    const before = store.snapshot();
    const named = (id: string, person: string): DelegationV1 => {
      const { personId: _personId, ...rest } = createDelegation(
        id,
        { task: `Task ${id}`, level: 4, followUpOn: day('2026-11-30') },
        'x',
        on,
      );
      return { ...rest, person };
    };
    const result = await store.importLegacy([named('v1-a', 'sam'), named('v1-b', 'Priya'), named('v1-c', 'PRIYA')]);
    assert.deepEqual([result.added, result.updated, result.unchanged], [4, 0, 0], 'three delegations and Priya');
    assert.equal(store.delegation('v1-a')?.personId, sam.id);
    const priya = store.findPerson('priya');
    assert.ok(priya);
    assert.deepEqual([priya.addedOn, priya.cadenceDays], ['2026-11-24', 14]);
    assert.equal(store.delegation('v1-b')?.personId, priya.id);
    assert.equal(store.delegation('v1-c')?.personId, priya.id);
    assert.equal(store.people().length, 2);
    await storedMatches(store, storage);
    assert.deepEqual(await store.undo(result.undo), { applied: 4, left: [] });
    sameTeam(store.snapshot(), before);
  });
});

describe('TeamStore: data that could not be loaded', () => {
  it('refuses every change with the reason, writes nothing, and shows nothing', async () => {
    const storage = new MemoryStorage({ [keys.legacy]: { schemaVersion: 1, delegations: [] } });
    const store = unavailableTeamStore(
      storage,
      storage.files,
      keys,
      new FakeClock('2026-11-24'),
      sequentialIds(),
      { cadenceDays: () => 14 },
      'disk full',
    );
    assert.equal(store.delegations().length, 0);
    assert.equal(store.people().length, 0);
    await assert.rejects(
      store.logDelegation(input('Anything')),
      (error: unknown) => error instanceof StoreRefusal && /could not be loaded \(disk full\).*nothing was changed/.test(error.message),
    );
    await assert.rejects(store.addPerson({ name: 'Sam' }), /could not be loaded/);
    await assert.rejects(store.importMerge(EMPTY_TEAM), /could not be loaded/);
    assert.throws(() => store.refuseIfReadOnly(), /reload the window/);
    assert.deepEqual(storage.writes, []);
    assert.deepEqual(storage.files.writes, []);
  });
});

describe('TeamStore: deleting a 1:1 or a feedback entry', () => {
  it('removes the one entry, and Undo puts it back unless its person went since', async () => {
    const { store, storage } = await newStore();
    const meeting = (await store.logOneOnOne({ person: 'Sam', on: day('2026-11-24'), topics: ['career'] })).value;
    const other = (await store.logOneOnOne({ person: 'Sam', on: day('2026-11-20'), topics: [] })).value;
    const feedback = (
      await store.logFeedback({ person: 'Sam', on: day('2026-11-24'), kind: 'asked', said: 'More context', change: 'Share the roadmap' })
    ).value;
    const deleted = await store.deleteEntry('oneOnOnes', meeting.id);
    assert.ok(deleted);
    assert.deepEqual(
      store.oneOnOnes().map((m) => m.id),
      [other.id],
    );
    await storedMatches(store, storage);
    await store.undo(deleted.undo);
    assert.deepEqual(byId(store.oneOnOnes()), byId([meeting, other]));
    const gone = await store.deleteEntry('feedback', feedback.id);
    assert.ok(gone);
    assert.equal(store.feedback().length, 0);
    assert.equal(await store.deleteEntry('feedback', feedback.id), undefined, 'a second delete finds nothing');
    const sam = store.findPerson('Sam');
    assert.ok(sam);
    await store.deletePerson(sam.id);
    const result = await store.undo(gone.undo);
    assert.equal(result.applied, 0);
    assert.match(describeUndoLeft(result) ?? '', /no longer in the team/);
    await storedMatches(store, storage);
  });
});

describe('TeamStore: history in chunk files', () => {
  it('writes only the chunk a change touched, as a new file, and the index; the file it replaced goes at a load once that index has settled', async () => {
    const { store, storage, clock } = await newStore();
    for (const [task, person] of [
      ['A', 'Sam'],
      ['B', 'Sam'],
      ['C', 'Ana'],
      ['D', 'Ana'],
    ] as const) {
      await store.logDelegation(input(task, person));
    }
    await store.logOneOnOne({ person: 'Ana', on: day('2026-11-20'), topics: [] });
    const target = store.delegations().find((d) => d.task === 'C');
    assert.ok(target);
    const ana = store.findPerson('Ana');
    assert.ok(ana);
    const anasDelegations = (): string | undefined =>
      namedFiles(storage).find((name) => parseChunkName(name)?.bucket === `delegations/${ana.id}/2026`);
    const replaced = anasDelegations() ?? '';
    const from = storage.writes.length;
    const filesFrom = storage.files.writes.length;
    await store.markDone(target.id);
    assert.deepEqual(
      storage.files.writes.slice(filesFrom).map((w) => [parseChunkName(w.name)?.bucket, w.text !== undefined]),
      [[`delegations/${ana.id}/2026`, true]],
      'more than the touched chunk',
    );
    assert.notEqual(anasDelegations(), replaced, 'the chunk was written over instead of under a new name');
    assert.deepEqual(
      storage.writes.slice(from).map((w) => w.key),
      [keys.team],
      'more than the index in workspace state',
    );
    // The file it replaced stays until the next load: an index on disk older than the one just
    // written may still name it (VS Code writes workspace state to disk after \`update\` resolved).
    assert.ok(storage.files.data.has(replaced));
    assert.ok(!namedFiles(storage).includes(replaced));
    assert.ok(
      (storage.get(keys.team) as { retired: { name: string }[] }).retired.some((r) => r.name === replaced),
      'the index does not list the file it replaced as retired',
    );
    await storedMatches(store, storage);
    // A load right after (the extension host restarted, VS Code may not have written the index to
    // disk yet): the replaced file is kept, unread.
    storage.files.reads.length = 0;
    const soon = await loadTeam(storage, clock, sequentialIds('s'));
    assertSameTeam(soon.snapshot(), store.snapshot());
    assert.ok(!storage.files.reads.includes(replaced), 'a file no index names was read');
    assert.ok(storage.files.data.has(replaced), 'the replaced file was removed while an older index on disk may still name it');
    // A load once the index has settled removes it.
    clock.advance(SETTLED_MS);
    const reloaded = await loadTeam(storage, clock, sequentialIds('e'));
    assertSameTeam(reloaded.snapshot(), store.snapshot());
    assert.ok(!storage.files.reads.includes(replaced), 'a file no index names was read');
    assert.ok(!storage.files.data.has(replaced), 'the replaced file was left after a load');
    assert.deepEqual([...storage.files.data.keys()].sort(), namedFiles(storage).sort());
  });

  it('a write that stops before its index leaves the old state whole; what it left is never read, and goes once a day old', async () => {
    const { store, storage, clock } = await newStore();
    await store.logDelegation(input('Kept'));
    const before = await readStored(storage);
    storage.failKey = keys.team;
    await assert.rejects(store.logDelegation(input('Lost', 'Ana')), /could not be saved/);
    storage.failKey = undefined;
    assertSameTeam(await readStored(storage), before, 'storage changed');
    assertSameTeam(store.snapshot(), before, 'memory changed');
    const orphans = [...storage.files.data.keys()].filter((name) => !namedFiles(storage).includes(name));
    assert.equal(orphans.length, 1, 'the chunk written before the failed index');
    storage.files.reads.length = 0;
    const reloaded = await loadTeam(storage, clock);
    assertSameTeam(reloaded.snapshot(), before);
    // Within a day another writer could still be about to name it: it stays.
    assert.ok(
      orphans.every((name) => storage.files.data.has(name)),
      'a file of this lineage was removed while a writer could still name it',
    );
    clock.advance(ORPHAN_MS);
    assertSameTeam((await loadTeam(storage, clock)).snapshot(), before);
    assert.deepEqual(
      storage.files.reads.filter((name) => orphans.includes(name)),
      [],
      'an orphan file was read',
    );
    assert.ok(
      orphans.every((name) => !storage.files.data.has(name)),
      'an orphan file was left after a load once a day old',
    );
  });

  it('a failed removal at load is harmless: the file stays unread, and goes at a later load', async () => {
    const { store, storage, clock } = await newStore();
    const d = (await store.logDelegation(input('Kept'))).value;
    await store.markDone(d.id);
    const replaced = [...storage.files.data.keys()].filter((name) => !namedFiles(storage).includes(name));
    assert.equal(replaced.length, 1);
    clock.advance(SETTLED_MS);
    storage.files.failRemove = true;
    const reloaded = await loadTeam(storage, clock);
    assertSameTeam(reloaded.snapshot(), store.snapshot());
    assert.ok(storage.files.data.has(replaced[0] ?? ''));
    storage.files.failRemove = false;
    storage.files.reads.length = 0;
    await loadTeam(storage, clock);
    assert.deepEqual(storage.files.reads, namedFiles(storage), 'read more than the files the index names');
    assert.ok(!storage.files.data.has(replaced[0] ?? ''));
  });

  it('leaves alone what is in the folder and is not a chunk file name', async () => {
    const { store, storage, clock } = await newStore();
    await store.logDelegation(input('Kept'));
    const foreign = ['notes.txt', 'delegations-zz-2026-1.json', 'delegations-7365-2026-1.json.tmp', 'DELEGATIONS-73-2026-1.json'];
    for (const name of foreign) {
      storage.files.data.set(name, 'not ours');
    }
    const reloaded = await loadTeam(storage, clock);
    assert.equal(reloaded.delegations().length, 1);
    assert.ok(
      foreign.every((name) => storage.files.data.has(name)),
      'removed a file that is not a chunk file',
    );
    assert.ok(
      foreign.every((name) => !storage.files.reads.includes(name)),
      'read a file no index names',
    );
  });

  it('keeps naming a missing, damaged or unreadable chunk file, loads the rest, keeps its person read-only, and reads it again at the next load', async () => {
    const { store, storage, clock } = await newStore();
    await store.logDelegation(input('One', 'Sam'));
    await store.logDelegation(input('Two', 'Ana'));
    await store.logOneOnOne({ person: 'Ana', on: day('2026-11-20'), topics: [] });
    const [gone, damaged] = namedFiles(storage).filter((name) => name.startsWith('delegations-'));
    assert.ok(gone && damaged);
    const goneText = storage.files.data.get(gone) ?? '';
    const damagedText = storage.files.data.get(damaged) ?? '';
    const named = namedFiles(storage);
    storage.files.data.delete(gone);
    storage.files.data.set(damaged, '{"schemaVersion":5,"records":[{"id"');
    clock.advance(ORPHAN_MS + SETTLED_MS);
    const reloaded = await loadTeam(storage, clock);
    assert.equal(reloaded.delegations().length, 0);
    assert.equal(reloaded.oneOnOnes().length, 1);
    assert.equal(reloaded.keptAsideOnLoad, 0, 'a chunk that may come back was kept aside');
    assert.deepEqual(
      reloaded
        .unreadChunks()
        .map((u) => [u.name, u.reason])
        .sort(),
      [
        [gone, 'missing'],
        [damaged, 'damaged'],
      ].sort(),
    );
    assert.deepEqual(namedFiles(storage), named, 'the index was rewritten without a chunk it could not read');
    // Nothing about their people can change; everyone else can.
    const sam = reloaded.findPerson('Sam');
    const ana = reloaded.findPerson('Ana');
    assert.ok(sam && ana);
    const owner = parseChunkName(gone)?.personId === sam.id ? sam : ana;
    await assert.rejects(reloaded.logDelegation(input('Three', owner.name)), StoreRefusal);
    await assert.rejects(reloaded.updatePerson(owner.id, { name: 'Renamed' }), StoreRefusal);
    await assert.rejects(reloaded.deletePerson(owner.id), StoreRefusal);
    assert.deepEqual(namedFiles(storage), named, 'a refused change wrote the index');
    await reloaded.addPerson({ name: 'Kim' });
    assert.ok(namedFiles(storage).includes(gone) && namedFiles(storage).includes(damaged), 'a write dropped a chunk it could not read');
    // The files come back (a sync tool let go of them): the next load reads them, and loses nothing.
    storage.files.data.set(gone, goneText);
    storage.files.data.set(damaged, damagedText);
    clock.advance(ORPHAN_MS + SETTLED_MS);
    const back = await loadTeam(storage, clock);
    assert.deepEqual(back.unreadChunks(), []);
    assert.deepEqual(
      back
        .delegations()
        .map((d) => d.task)
        .sort(),
      ['One', 'Two'],
    );
    assert.ok(storage.files.data.has(gone) && storage.files.data.has(damaged));
  });

  it('goes on without an unreadable chunk when the lead says so: what was there is kept aside, and the index stops naming it', async () => {
    const { store, storage, clock } = await newStore();
    await store.logDelegation(input('One', 'Sam'));
    const [damaged] = namedFiles(storage);
    assert.ok(damaged);
    storage.files.data.set(damaged, 'cut sho');
    const reloaded = await loadTeam(storage, clock);
    assert.equal(await reloaded.goOnWithoutUnread(), 1);
    assert.deepEqual(reloaded.unreadChunks(), []);
    assert.ok(!namedFiles(storage).includes(damaged));
    assert.deepEqual(
      reloaded.keptAside().map((r) => (r.raw as { chunk: string; value: unknown }).value),
      ['cut sho'],
    );
    await reloaded.logDelegation(input('Two', 'Sam'));
    assert.deepEqual(
      (await loadTeam(storage, clock)).delegations().map((d) => d.task),
      ['Two'],
    );
  });

  it('loads what it can when a chunk file is there but cannot be read, writing nothing, and reads it at the next load', async () => {
    const { store, storage, clock } = await newStore();
    await store.logDelegation(input('One', 'Sam'));
    const writes = writeCount(storage);
    storage.files.failRead = true;
    const unreadable = await loadTeam(storage, clock);
    assert.deepEqual(
      unreadable.unreadChunks().map((u) => u.reason),
      ['unreadable'],
    );
    assert.equal(unreadable.delegations().length, 0);
    assert.equal(writeCount(storage), writes);
    storage.files.failRead = false;
    assert.equal((await loadTeam(storage, clock)).delegations().length, 1);
  });
});

describe('TeamStore in a window with no folder open (chunks in workspace state)', () => {
  it('keeps each chunk under its file name as a key of workspace state, reads them back, and removes the unnamed at a load once the index has settled', async () => {
    const storage = new MemoryStorage();
    const files = new StateChunkFiles(storage, TEAM_CHUNK_KEYS);
    const clock = new FakeClock('2026-11-24');
    const load = (): Promise<TeamStore> => loadTeamStore(storage, files, keys, clock, sequentialIds(), { cadenceDays: () => 14 });
    const store = await load();
    const d = (await store.logDelegation(input('Run the retro'))).value;
    await store.logOneOnOne({ person: 'Sam', on: day('2026-11-20'), topics: [] });
    await store.markDone(d.id);
    const chunkKeys = (): string[] =>
      storage
        .keys()
        .filter((key) => key.startsWith(TEAM_CHUNK_KEYS))
        .sort();
    const named = (): string[] =>
      namedFiles(storage)
        .map((name) => TEAM_CHUNK_KEYS + name)
        .sort();
    assert.equal((storage.get(keys.team) as { schemaVersion: number }).schemaVersion, 6);
    assert.equal(chunkKeys().length, 3, 'the two chunks, and the one Mark done replaced (until the next load)');
    assert.deepEqual(storage.files.data.size, 0, 'a file was written');
    const back = await store.readBack();
    assert.ok(back.kind === 'read' && back.keptAside.length === 0);
    assertSameTeam(back.data, store.snapshot());
    clock.advance(SETTLED_MS);
    const reloaded = await load();
    assertSameTeam(reloaded.snapshot(), store.snapshot());
    assert.deepEqual(chunkKeys(), named());
    assert.deepEqual(
      storage.keys().filter((key) => key !== keys.team && !key.startsWith(TEAM_CHUNK_KEYS)),
      [],
    );
  });
});

describe('chunk file names', () => {
  const id = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,100}$/);
  const collection = fc.constantFrom(...CHUNKED);
  const year = fc.integer({ min: 2000, max: 2099 }).map(String);

  it('map back to their bucket, whatever the person id, are one name on every file system, and never repeat', () => {
    fc.assert(
      fc.property(collection, id, year, fc.nat(4_000_000_000_000), (c, personId, y, now) => {
        const bucket = `${c}/${personId}/${y}`;
        const name = chunkFileName(bucket, 'abcd1234', now);
        const parsed = parseChunkName(name);
        assert.equal(parsed?.bucket, bucket);
        assert.equal(parsed?.lineage, 'abcd1234');
        assert.equal(parsed?.writtenAt, now);
        assert.match(name, /^[a-z0-9.-]+$/, 'a character some file system refuses, or an upper-case letter');
        assert.ok(name.length <= 255);
        assert.notEqual(chunkFileName(bucket, 'abcd1234', now), name, 'two writes at one moment share a name');
      }),
    );
    fc.assert(
      fc.property(id, id, (a, b) => {
        fc.pre(a !== b);
        assert.notEqual(
          chunkFileName(`delegations/${a}/2026`, 'abcd1234', 1)
            .replace(/\.[0-9a-z]{4}\.json$/, '')
            .toLowerCase(),
          chunkFileName(`delegations/${b}/2026`, 'abcd1234', 1)
            .replace(/\.[0-9a-z]{4}\.json$/, '')
            .toLowerCase(),
          'two people share a name on a case-insensitive disk',
        );
      }),
    );
  });

  it("read version 4 names back too, and know a later version's kinds as chunks (kept), not as damage", () => {
    const hex = Buffer.from('p-1').toString('hex');
    assert.deepEqual(parseChunkName(`oneonones-${hex}-2026-7.json`), {
      file: 'oneonones',
      collection: 'oneOnOnes',
      personId: 'p-1',
      year: '2026',
      bucket: 'oneOnOnes/p-1/2026',
      version: 4,
      lineage: undefined,
      writtenAt: undefined,
      generation: 7,
    });
    const later = parseChunkName(`decisions-${hex}-2026-abcd1234-mi4b8c2d.x7q2.json`);
    assert.equal(later?.collection, undefined);
    assert.equal(later?.bucket, undefined);
    assert.equal(later?.personId, 'p-1');
  });

  it('reads no other name as a chunk', () => {
    const hex = (text: string): string => Buffer.from(text).toString('hex');
    for (const name of [
      'notes.txt',
      `delegations-${hex('p-1')}-2026-1.json.tmp`,
      `Delegations-${hex('p-1')}-2026-1.json`,
      `delegations-${hex('p-1').toUpperCase()}-2026-1.json`,
      `oneOnOnes-${hex('p-1')}-2026-1.json`,
      `delegations-${hex('a/b')}-2026-1.json`,
      `delegations-${hex('ü')}-2026-1.json`,
      'delegations-ff-2026-1.json',
      'delegations-7-2026-1.json',
      `delegations-${hex('p-1')}-26-1.json`,
      `delegations-${hex('p-1')}-2026-.json`,
      'techLead.team/delegations/p-1/2026#1',
    ]) {
      assert.equal(parseChunkName(name), undefined, name);
    }
  });
});
