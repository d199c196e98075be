import * as assert from 'node:assert/strict';
import { HISTORY_MAX, type NewDelegation } from '../../src/domain/delegation';
import { DelegationStore, undoDelete, undoLog, undoMarkDone } from '../../src/domain/delegationStore';
import { day, FakeClock, MemoryStorage, readStored, sequentialIds } from '../support/fakes';

const keys = { delegations: 'techLead.delegations', keptAside: 'techLead.delegations.keptAside' };

function input(task: string, person = 'Sam', followUpOn = '2026-11-27'): NewDelegation {
  return { task, person, level: 3, followUpOn: day(followUpOn) };
}

async function newStore(storage = new MemoryStorage(), clock = new FakeClock('2026-11-24')) {
  return { store: await DelegationStore.load(storage, keys, clock, sequentialIds()), storage, clock };
}

describe('DelegationStore', () => {
  it('starts empty and saves a versioned list', async () => {
    const { store, storage } = await newStore();
    assert.equal(store.all().length, 0);
    const logged = await store.log(input('Run the retro'));
    assert.deepEqual(storage.get(keys.delegations), { schemaVersion: 1, delegations: [logged] });
    assert.deepEqual(logged.history, [{ kind: 'created', on: '2026-11-24' }]);
  });

  it('reads back what it wrote, in a new session', async () => {
    const { store, storage } = await newStore();
    await store.log(input('Run the retro'));
    await store.log(input('Own the dashboard', 'Ana'));
    const reopened = await DelegationStore.load(storage, keys, new FakeClock('2026-11-25'), sequentialIds('e'));
    assert.deepEqual(reopened.all(), store.all());
    assert.equal(reopened.keptAsideOnLoad, 0);
  });

  it('keeps invalid records aside intact, loads the rest, and never throws', async () => {
    const { store: writer, storage } = await newStore();
    const good = await writer.log(input('Run the retro'));
    const bad = { id: 'broken', task: 42 };
    storage.data.set(keys.delegations, JSON.stringify({ schemaVersion: 1, delegations: [good, bad, good] }));
    const { store } = await newStore(storage);
    assert.deepEqual(store.all(), [good]);
    assert.equal(store.keptAsideOnLoad, 2);
    const aside = store.keptAside();
    assert.deepEqual(aside.map((r) => r.raw), [bad, good]);
    assert.deepEqual(aside.map((r) => r.reason), ['invalid task', 'duplicate id']);
    assert.equal(aside[0]?.keptOn, '2026-11-24');
  });

  it('never writes over a tracker from a newer version: it goes read-only and leaves storage alone', async () => {
    const future = { schemaVersion: 9, delegations: [{ anything: true }] };
    const storage = new MemoryStorage({ [keys.delegations]: future });
    const { store } = await newStore(storage);
    assert.equal(store.all().length, 0);
    assert.equal(store.newer?.schemaVersion, 9);
    assert.deepEqual(store.newer?.raw, future);
    await assert.rejects(store.log(input('Anything')), /newer version of Tech Lead Coach \(schema 9\)/);
    await assert.rejects(store.importMerge([]), /read-only|does not change/);
    assert.deepEqual(storage.writes, [], 'something was written');
    assert.deepEqual(storage.get(keys.delegations), future);
    assert.equal(storage.get(keys.keptAside), undefined);
  });

  it('keeps garbage aside too: a string, an array, a missing list', async () => {
    for (const garbage of ['oops', [1, 2], { schemaVersion: 1 }]) {
      const storage = new MemoryStorage({ [keys.delegations]: garbage });
      const { store } = await newStore(storage);
      assert.equal(store.all().length, 0);
      assert.deepEqual(store.keptAside()[0]?.raw, garbage);
    }
  });

  it('adds to what was kept aside before rather than replacing it', async () => {
    const storage = new MemoryStorage({ [keys.keptAside]: [{ raw: 'earlier', reason: 'old', keptOn: '2026-01-01' }], [keys.delegations]: 'oops' });
    const { store } = await newStore(storage);
    assert.deepEqual(store.keptAside().map((r) => r.raw), ['earlier', 'oops']);
  });

  it('serialises writes: many quick changes all land, in order', async () => {
    const storage = new MemoryStorage();
    storage.delayMs = 5;
    const { store } = await newStore(storage);
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.log(input(`Task ${i}`))));
    const first = store.all()[0];
    assert.ok(first);
    await Promise.all([store.markDone(first.id), store.changeFollowUp(store.all()[1]?.id ?? '', day('2026-12-24')), store.delete(store.all()[2]?.id ?? '')]);
    await store.flushed();
    const reread = readStored(storage.get(keys.delegations));
    assert.equal(reread.delegations.length, 29);
    assert.deepEqual(reread.delegations, store.all());
    assert.equal(reread.delegations[0]?.doneOn, '2026-11-24');
    assert.equal(reread.delegations[1]?.followUpOn, '2026-12-24');
  });

  it('a failed write leaves no trace: memory, storage and listeners as before, and the next write works', async () => {
    const { store, storage } = await newStore();
    const kept = await store.log(input('Kept'));
    const seen: string[] = [];
    store.onDidChange((change) => seen.push(change.kind));
    storage.failNext = true;
    await assert.rejects(store.log(input('First')), /could not be saved \(disk full\)\. Nothing was changed/);
    assert.deepEqual(store.all(), [kept]);
    assert.deepEqual(seen, [], 'listeners heard of a change that was not stored');
    storage.failNext = true;
    await assert.rejects(store.markDone(kept.id), /disk full/);
    assert.equal(store.get(kept.id)?.doneOn, undefined);
    await store.log(input('Second'));
    assert.deepEqual(readStored(storage.get(keys.delegations)).delegations.map((d) => d.task), ['Kept', 'Second']);
    assert.deepEqual(seen, ['logged']);
  });

  it('shows a change only once storage has it', async () => {
    const { store, storage } = await newStore();
    storage.delayMs = 20;
    const pending = store.log(input('Slow'));
    assert.equal(store.all().length, 0, 'shown before it was stored');
    await pending;
    assert.equal(store.all().length, 1);
  });

  it('refuses a check-in on a done delegation, and stores nothing for it', async () => {
    const { store, storage } = await newStore();
    const d = await store.log(input('Run the retro'));
    await store.markDone(d.id);
    const writes = storage.writes.length;
    await assert.rejects(store.checkIn(d.id, 'late note', day('2026-12-01')), /is done; reopen it/);
    assert.equal(storage.writes.length, writes);
  });

  it('keeps the history within its cap as it is written, so nothing vanishes on reload', async () => {
    const { store, storage, clock } = await newStore();
    const d = await store.log(input('Flip-flop'));
    for (let i = 0; i < HISTORY_MAX / 2 + 5; i++) {
      await store.markDone(d.id);
      await store.reopen(d.id);
    }
    const saved = store.get(d.id);
    assert.equal(saved?.history.length, HISTORY_MAX);
    assert.equal(saved?.history[0]?.kind, 'created', 'the created event is kept');
    assert.equal(saved?.history.at(-1)?.kind, 'reopened', 'the newest event is kept');
    const reloaded = await DelegationStore.load(storage, keys, clock, sequentialIds('e'));
    assert.deepEqual(reloaded.all(), store.all());
    assert.equal(reloaded.keptAsideOnLoad, 0);
  });

  it('records each change in the history; Undo reverses that one change and nothing after', async () => {
    const { store, clock } = await newStore();
    const logged = await store.log(input('Run the retro'));
    clock.setDay('2026-11-26');
    await store.changeLevel(logged.id, 5);
    await store.changeFollowUp(logged.id, day('2026-12-01'));
    await store.edit(logged.id, 'note', 'agreed a weekly check');
    const beforeDone = store.get(logged.id);
    assert.ok(beforeDone);
    const done = await store.markDone(logged.id);
    assert.ok(done);
    assert.deepEqual(store.get(logged.id)?.history.map((e) => e.kind), ['created', 'levelChanged', 'followUpChanged', 'edited', 'done']);
    // A change made after Mark done survives its Undo: the Undo reopens, it does not roll back.
    await store.edit(logged.id, 'task', 'Run the retro, renamed');
    assert.deepEqual(await store.undo(undoMarkDone(done)), { applied: 1, left: [] });
    const reopened = store.get(logged.id);
    assert.equal(reopened?.doneOn, undefined);
    assert.equal(reopened?.task, 'Run the retro, renamed');
    assert.deepEqual(reopened?.history.map((e) => e.kind).slice(-2), ['edited', 'reopened']);
    // Undo of Mark done once it was reopened by hand: nothing to do, nothing reported.
    assert.deepEqual(await store.undo(undoMarkDone(done)), { applied: 0, left: [] });
    const deleted = await store.delete(logged.id);
    assert.equal(store.all().length, 0);
    assert.ok(deleted);
    const other = await store.log(input('Logged after the delete'));
    assert.deepEqual(await store.undo(undoDelete(deleted)), { applied: 1, left: [] });
    assert.deepEqual(store.all(), [other, reopened]);
    // The same Undo again: the id is taken, so it leaves it and says why.
    const again = await store.undo(undoDelete(deleted));
    assert.equal(again.applied, 0);
    assert.match(again.left[0]?.reason ?? '', /same id exists/);
  });

  it('undoes a Log only while the record is as it was logged', async () => {
    const { store } = await newStore();
    const a = await store.log(input('a'));
    const b = await store.log(input('b'));
    await store.changeLevel(b.id, 6);
    assert.deepEqual(await store.undo(undoLog(a)), { applied: 1, left: [] });
    const left = await store.undo(undoLog(b));
    assert.equal(left.applied, 0);
    assert.match(left.left[0]?.reason ?? '', /changed after/);
    assert.deepEqual(store.all().map((d) => d.task), ['b']);
  });

  it('undoes an import exactly: removes what it added, reverts what it changed, keeps later work', async () => {
    const { store } = await newStore();
    const mine = await store.log(input('Mine'));
    const other = await store.log(input('Other'));
    const imported = { ...mine, task: 'Mine, as the file has it', level: 6 as const };
    const fresh = { ...mine, id: 'from-file', task: 'New from the file' };
    const result = await store.importMerge([imported, fresh, other]);
    assert.deepEqual([result.added, result.updated, result.unchanged], [1, 1, 1]);
    // Later work: a new delegation, and a level change on the imported record.
    const later = await store.log(input('Logged after the import'));
    await store.changeLevel(mine.id, 2);
    const undone = await store.undo(result.undo);
    assert.equal(undone.applied, 2);
    assert.equal(undone.left.length, 1);
    assert.match(undone.left[0]?.reason ?? '', /level .*changed after the import/);
    assert.equal(store.get('from-file'), undefined, 'the added record stays');
    assert.ok(store.get(later.id), 'work after the import was lost');
    const back = store.get(mine.id);
    assert.equal(back?.task, 'Mine', 'the task the import changed is not back');
    assert.equal(back?.level, 2, 'the later level change was undone');
  });

  it('reopens a done delegation and removes an emptied note', async () => {
    const { store } = await newStore();
    const logged = await store.log({ ...input('Pair on the migration'), note: 'x' });
    await store.markDone(logged.id);
    const reopened = await store.reopen(logged.id);
    assert.equal(reopened?.doneOn, undefined);
    const noNote = await store.edit(logged.id, 'note', undefined);
    assert.equal(noNote && 'note' in noNote, false);
  });

  it('lists people most recent first, without duplicates by case', async () => {
    const { store, clock } = await newStore();
    await store.log(input('a', 'Sam'));
    clock.setDay('2026-11-25');
    await store.log(input('b', 'Ana'));
    clock.setDay('2026-11-26');
    await store.log(input('c', 'sam'));
    assert.deepEqual(store.people(), ['sam', 'Ana']);
  });

  it('knows what is overdue and how long since anything was delegated', async () => {
    const { store, clock } = await newStore();
    assert.equal(store.daysSinceLastDelegated(), undefined);
    await store.log(input('a', 'Sam', '2026-11-25'));
    clock.setDay('2026-11-27');
    assert.deepEqual(store.overdue().map((d) => d.task), ['a']);
    assert.equal(store.daysSinceLastDelegated(), 3);
  });

  it('tells listeners about every change', async () => {
    const { store } = await newStore();
    const seen: string[] = [];
    store.onDidChange((change) => seen.push(change.kind));
    const d = await store.log(input('a'));
    await store.markDone(d.id);
    await store.markDone(d.id); // no change, no event
    const deleted = await store.delete(d.id);
    assert.ok(deleted);
    await store.undo(undoDelete(deleted));
    assert.deepEqual(seen, ['logged', 'updated', 'deleted', 'undone']);
  });
});
