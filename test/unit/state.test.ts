/**
 * The storage map: every stored key declared once, read from what earlier releases stored
 * (fixtures in test/fixtures/state), written with its schema version, and never written over
 * when a newer version saved it.
 */
import { loadTeamStore } from '../../src/domain/team/store/load';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readNudgeProgress } from '../../src/domain/coach/nudges';
import { TodayCoach } from '../../src/domain/coach/todayCoach';
import { NewerDataError, State, type StateEntry } from '../../src/platform/state';
import { readShownTip, StateMap } from '../../src/platform/stateMap';
import { FakeClock, loadTeam, MemoryStorage, sequentialIds } from '../support/fakes';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'state');

function fixture(name: string): MemoryStorage {
  const { _about: _ignored, ...values } = JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8')) as Record<string, unknown>;
  return new MemoryStorage(values);
}

function release01(): { state: State; workspace: MemoryStorage; global: MemoryStorage } {
  const workspace = fixture('release-0.1-workspace.json');
  const global = fixture('release-0.1-global.json');
  return { state: new State({ workspace, global }), workspace, global };
}

const entries: StateEntry<unknown>[] = Object.values(StateMap);

describe('the storage map', () => {
  it('names every key once, in the extension namespace, each with a version', () => {
    const keys = entries.map((e) => e.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const entry of entries) {
      assert.match(entry.key, /^techLead\./);
      assert.ok(Number.isInteger(entry.version) && entry.version >= 1, entry.key);
    }
  });

  it('reads what release 0.1 stored (the migration from unversioned values)', () => {
    const { state } = release01();
    assert.deepEqual(state.get(StateMap.reminders), { lastShownOn: '2026-11-20', snoozedThrough: '2026-11-21' });
    assert.equal(state.get(StateMap.groupBy), 'person');
    assert.deepEqual(state.get(StateMap.lessonsRead), ['trust', 'check-ins']);
  });

  it('writes values with their schema version, and reads them back', async () => {
    const { state, workspace, global } = release01();
    assert.equal(await state.update(StateMap.groupBy, 'followUp'), true);
    assert.deepEqual(workspace.get(StateMap.groupBy.key), { schemaVersion: 1, value: 'followUp' });
    assert.equal(state.get(StateMap.groupBy), 'followUp');
    await state.cell(StateMap.lessonsRead).update(['trust']);
    assert.deepEqual(global.get(StateMap.lessonsRead.key), { schemaVersion: 1, value: ['trust'] });
    assert.deepEqual(state.get(StateMap.lessonsRead), ['trust']);
  });

  it('falls back to the default for damaged values, and for nothing stored', () => {
    const workspace = new MemoryStorage({
      [StateMap.groupBy.key]: 'sideways',
      [StateMap.reminders.key]: { schemaVersion: 1, value: 'nope' },
    });
    const state = new State({ workspace, global: new MemoryStorage({ [StateMap.lessonsRead.key]: 'trust' }) });
    assert.equal(state.get(StateMap.groupBy), 'followUp');
    assert.deepEqual(state.get(StateMap.reminders), {});
    assert.deepEqual(state.get(StateMap.lessonsRead), []);
    assert.deepEqual(new State({ workspace: new MemoryStorage(), global: new MemoryStorage() }).get(StateMap.lessonsRead), []);
  });

  it('never writes over a value a newer version saved', async () => {
    const newer = { schemaVersion: 7, value: { shape: 'from the future' } };
    const workspace = new MemoryStorage({ [StateMap.reminders.key]: newer });
    const state = new State({ workspace, global: new MemoryStorage() });
    assert.deepEqual(state.get(StateMap.reminders), {});
    assert.equal(await state.update(StateMap.reminders, { lastShownOn: '2026-11-25' } as never), false);
    assert.deepEqual(workspace.get(StateMap.reminders.key), newer);
    assert.equal(workspace.writes.length, 0);
  });

  it('guards the stores that version their own data: newer nudge progress is kept, and the failure reported', async () => {
    const newer = { schemaVersion: 2, somethingNew: true };
    const global = new MemoryStorage({ [StateMap.nudgeProgress.key]: newer });
    const state = new State({ workspace: new MemoryStorage(), global });
    const storage = state.storage(StateMap.nudgeProgress);
    await assert.rejects(Promise.resolve(storage.update(StateMap.nudgeProgress.key, readNudgeProgress(undefined))), NewerDataError);
    const errors: unknown[] = [];
    const clock = new FakeClock('2026-11-25');
    const team = await loadTeam(new MemoryStorage(), clock, sequentialIds());
    const nudge = { id: 'check-ins-01', theme: 'check-ins', short: 's', action: 'a', why: 'w', lesson: 'trust' };
    const coach = new TodayCoach({
      storage,
      progressKey: StateMap.nudgeProgress.key,
      clock,
      catalogue: [nudge] as never,
      team,
      themes: () => [],
      adaptive: () => false,
      onSaveError: (error) => errors.push(error),
    });
    coach.current();
    await coach.flushed();
    assert.deepEqual(global.get(StateMap.nudgeProgress.key), newer);
    assert.equal(errors.length, 1);
    assert.ok(errors[0] instanceof NewerDataError);
  });

  it('gives the tracker its stored data as release 0.1 wrote it, moved to the team key', async () => {
    const { state, workspace } = release01();
    const store = await loadTeamStore(
      state.storage(StateMap.team, StateMap.legacyDelegations),
      workspace.files,
      { team: StateMap.team.key, legacy: StateMap.legacyDelegations.key, keptAside: StateMap.keptAside.key },
      new FakeClock('2026-11-25'),
      sequentialIds(),
      { cadenceDays: () => 14 },
    );
    assert.deepEqual(
      store.delegations().map((d) => [d.task, store.nameOf(d.personId), d.history.length]),
      [['Run the release retro', 'Priya', 2]],
    );
    assert.equal(store.keptAsideOnLoad, 0);
    assert.equal(store.migratedPeople, 1);
    assert.deepEqual(state.raw(StateMap.legacyDelegations), { schemaVersion: 2, movedTo: StateMap.team.key });
    assert.equal((state.raw(StateMap.team) as { schemaVersion: number }).schemaVersion, StateMap.team.version);
    // The chunks first (files, beside workspace state), then the index, then the marker.
    const order = workspace.writes.map((w) => w.key);
    assert.deepEqual(order, [StateMap.team.key, StateMap.legacyDelegations.key]);
    assert.deepEqual(
      workspace.files.writes.map((w) => w.name),
      (state.raw(StateMap.team) as { chunks: string[] }).chunks,
    );
  });

  it('refuses to write the team over a newer version of either of its keys', async () => {
    for (const key of [StateMap.team.key, StateMap.legacyDelegations.key]) {
      const workspace = new MemoryStorage({ [key]: { schemaVersion: 7 } });
      const storage = new State({ workspace, global: new MemoryStorage() }).storage(StateMap.team, StateMap.legacyDelegations);
      await assert.rejects(Promise.resolve(storage.update(key, { schemaVersion: 2 })), NewerDataError);
      assert.deepEqual(workspace.writes, []);
    }
  });
});

describe('the status-bar tip kept for the next window', () => {
  it('reads back what was shown, and nothing from a value that is not one', () => {
    const tip = { day: '2026-12-02', short: 'Ask why', action: 'Ask one person why.', why: 'Because.', done: true };
    assert.deepEqual(readShownTip(tip), tip);
    assert.deepEqual(readShownTip({ ...tip, done: 'yes' }), { ...tip, done: false });
    for (const bad of [
      undefined,
      null,
      'tip',
      { ...tip, day: 'today' },
      { ...tip, short: '' },
      { ...tip, why: 3 },
      { ...tip, action: 'x'.repeat(2001) },
    ]) {
      assert.equal(readShownTip(bad), undefined, JSON.stringify(bad)?.slice(0, 80));
    }
  });
});
