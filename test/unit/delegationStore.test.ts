import * as assert from 'node:assert/strict';
import { DelegationStore, readStoredDelegations } from '../../src/domain/delegationStore';
import type { NewDelegation } from '../../src/domain/delegation';
import { day, FakeClock, MemoryStorage, sequentialIds } from '../support/fakes';

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

  it('keeps a tracker from a newer version aside whole instead of overwriting it', async () => {
    const future = { schemaVersion: 9, delegations: [{ anything: true }] };
    const storage = new MemoryStorage({ [keys.delegations]: future });
    const { store } = await newStore(storage);
    assert.equal(store.all().length, 0);
    assert.deepEqual(store.keptAside()[0]?.raw, future);
    assert.match(store.keptAside()[0]?.reason ?? '', /newer version/);
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
    const reread = readStoredDelegations(storage.get(keys.delegations));
    assert.equal(reread.delegations.length, 29);
    assert.deepEqual(reread.delegations, store.all());
    assert.equal(reread.delegations[0]?.doneOn, '2026-11-24');
    assert.equal(reread.delegations[1]?.followUpOn, '2026-12-24');
  });

  it('keeps going after a failed write, and the next write saves everything', async () => {
    const { store, storage } = await newStore();
    storage.failNext = true;
    await assert.rejects(store.log(input('First')), /disk full/);
    await store.log(input('Second'));
    assert.deepEqual(readStoredDelegations(storage.get(keys.delegations)).delegations.map((d) => d.task), ['First', 'Second']);
  });

  it('records each change in the history and puts a record back exactly on undo', async () => {
    const { store, clock } = await newStore();
    const logged = await store.log(input('Run the retro'));
    clock.setDay('2026-11-26');
    await store.changeLevel(logged.id, 5);
    await store.changeFollowUp(logged.id, day('2026-12-01'));
    await store.edit(logged.id, 'note', 'agreed a weekly check');
    const beforeDone = store.get(logged.id);
    assert.ok(beforeDone);
    await store.markDone(logged.id);
    assert.deepEqual(store.get(logged.id)?.history.map((e) => e.kind), ['created', 'levelChanged', 'followUpChanged', 'edited', 'done']);
    await store.restore(beforeDone);
    assert.deepEqual(store.get(logged.id), beforeDone);
    const deleted = await store.delete(logged.id);
    assert.equal(store.all().length, 0);
    assert.ok(deleted);
    await store.restore(deleted);
    assert.deepEqual(store.all(), [beforeDone]);
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
    await store.delete(d.id);
    await store.restore(d);
    assert.deepEqual(seen, ['logged', 'updated', 'deleted', 'restored']);
  });
});
