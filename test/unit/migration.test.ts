/**
 * The move from release 0.1's tracker (`techLead.delegations`, schema 1: delegations naming their
 * person) to the team (`techLead.team`, schema 2), run on real workspace-state dumps of 0.1
 * (test/fixtures/state/release-0.1-*.json).
 */
import { loadTeamStore } from '../../src/domain/team/store/load';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateStoredDelegationV1, type DelegationV1 } from '../../src/domain/team/delegations';
import { personKey } from '../../src/domain/team/people';
import { DEFAULT_CADENCE_DAYS } from '../../src/domain/team/people';
import { COLLECTIONS, EMPTY_TEAM, type Collection, type TeamData } from '../../src/domain/team/kinds';
import { readStoredTeam } from '../../src/domain/team/storage/read';
import { parseChunkName } from '../../src/domain/team/storage/format';
import { addDays } from '../../src/domain/core/dates';
import type { KeptAsideRecord, TeamStore } from '../../src/domain/team/store/store';
import { StateChunkFiles } from '../../src/domain/team/storage/files';
import { State } from '../../src/platform/state';
import { StateMap, TEAM_CHUNK_KEYS } from '../../src/platform/stateMap';
import { assertSameTeam, day, FakeClock, filesOf, loadTeam, MemoryStorage, sequentialIds, teamKeys, valuesOf } from '../support/fakes';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'state');
const dumps = fs
  .readdirSync(fixtures)
  .filter((name) => /^release-0\.1-.*\.json$/.test(name))
  .sort();
const today = day('2026-11-25');

function dump(name: string): Record<string, unknown> {
  const { _about: _ignored, ...values } = JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8')) as Record<string, unknown>;
  return values;
}

/** The workspace state of a dump, behind the same guarded storage the extension gives the store. */
function workspaceOf(values: Record<string, unknown>): { workspace: MemoryStorage; load: (ids?: () => string) => Promise<TeamStore> } {
  const workspace = new MemoryStorage(values);
  const storage = new State({ workspace, global: new MemoryStorage() }).storage(StateMap.team, StateMap.legacyDelegations);
  const keys = { team: StateMap.team.key, legacy: StateMap.legacyDelegations.key, keptAside: StateMap.keptAside.key };
  return {
    workspace,
    load: (ids = sequentialIds('p')) =>
      loadTeamStore(storage, workspace.files, keys, new FakeClock(today), ids, { cadenceDays: () => DEFAULT_CADENCE_DAYS }),
  };
}

/** What 0.1 stored, sorted into what this version can read and what it cannot, record by record. */
function expectedOf(values: Record<string, unknown>): {
  valid: DelegationV1[];
  invalid: unknown[];
  previouslyKeptAside: unknown[];
  hasTracker: boolean;
} {
  const legacy = values[StateMap.legacyDelegations.key] as { delegations?: unknown } | undefined;
  const listed = legacy && Array.isArray(legacy.delegations) ? (legacy.delegations as unknown[]) : [];
  const valid: DelegationV1[] = [];
  const invalid: unknown[] = [];
  for (const raw of listed) {
    const result = validateStoredDelegationV1(raw, today);
    if (result.ok && !valid.some((d) => d.id === result.value.id)) {
      valid.push(result.value);
    } else {
      invalid.push(raw);
    }
  }
  const previous = values[StateMap.keptAside.key];
  return { valid, invalid, previouslyKeptAside: Array.isArray(previous) ? previous : [], hasTracker: legacy !== undefined };
}

/** What each dump is known to hold, written out by hand rather than computed. */
const KNOWN: Readonly<Record<string, { people: string[]; delegations: [string, string][]; newlyKeptAside: [string, string][] }>> = {
  'release-0.1-global.json': { people: [], delegations: [], newlyKeptAside: [] },
  'release-0.1-workspace.json': { people: ['Priya'], delegations: [['Run the release retro', 'Priya']], newlyKeptAside: [] },
  'release-0.1-with-kept-aside.json': {
    // Names that differ only in case are one person, named as most recently written.
    people: ['Imani', 'priya', 'ZOË LINDQVIST'],
    delegations: [
      ['Run the release retro', 'priya'],
      ['Own the on-call handbook', 'priya'],
      ['Pick the metrics for the dashboard', 'ZOË LINDQVIST'],
      ['Review the API naming', 'ZOË LINDQVIST'],
      ['Write the incident timeline', 'Imani'],
    ],
    newlyKeptAside: [['Fix the flaky login test', 'invalid level']],
  },
};

describe('migration from release 0.1', () => {
  it('has dumps to run on, one of them with records kept aside before', () => {
    assert.ok(dumps.length >= 3, dumps.join(', '));
    assert.deepEqual(
      dumps.filter((name) => !(name in KNOWN)),
      [],
      'a dump without known contents',
    );
    assert.ok(dumps.some((name) => expectedOf(dump(name)).previouslyKeptAside.length > 0 && expectedOf(dump(name)).invalid.length > 0));
  });

  for (const name of dumps) {
    describe(name, () => {
      it('keeps every delegation 0.1 could read, as it was, each with one person per name', async () => {
        const values = dump(name);
        const { valid } = expectedOf(values);
        const { load } = workspaceOf(values);
        const store = await load();
        assert.equal(store.delegations().length, valid.length);
        for (const old of valid) {
          const now = store.delegation(old.id);
          assert.ok(now, `${old.task} was lost`);
          const { person, ...fields } = old;
          const { personId, ...kept } = now;
          assert.deepEqual(kept, fields, `${old.task} changed on the way`);
          assert.equal(personKey(store.nameOf(personId)), personKey(person), `${old.task} is with someone else now`);
        }
        const keys = store.people().map((p) => personKey(p.name));
        assert.equal(new Set(keys).size, keys.length, 'two people of one name');
        assert.deepEqual(new Set(keys), new Set(valid.map((d) => personKey(d.person))), 'each distinct name is one person');
        assert.equal(new Set(store.people().map((p) => p.id)).size, store.people().length);
        assert.equal(store.migratedPeople, store.people().length);
        for (const person of store.people()) {
          assert.deepEqual([person.addedOn, person.cadenceDays, person.archived], [today, DEFAULT_CADENCE_DAYS, undefined]);
        }
        const known = KNOWN[name];
        assert.ok(known);
        assert.deepEqual(store.personNames().sort(), [...known.people].sort());
        assert.deepEqual(
          store.delegations().map((d) => [d.task, store.nameOf(d.personId)]),
          known.delegations,
        );
      });

      it('keeps aside what 0.1 could not read, after what was kept aside before', async () => {
        const values = dump(name);
        const { invalid, previouslyKeptAside } = expectedOf(values);
        const { load } = workspaceOf(values);
        const store = await load();
        assert.equal(store.keptAsideOnLoad, invalid.length);
        const aside = store.keptAside();
        assert.deepEqual(aside.slice(0, previouslyKeptAside.length), previouslyKeptAside, 'what was kept aside before was replaced');
        const added = aside.slice(previouslyKeptAside.length);
        assert.deepEqual(
          added.map((r) => r.raw),
          invalid,
        );
        assert.ok(added.every((r) => r.keptOn === today && r.reason.length > 0));
        assert.deepEqual(
          added.map((r) => [(r.raw as { task?: string }).task, r.reason]),
          KNOWN[name]?.newlyKeptAside,
        );
      });

      it('writes the new key, reads it back, and only then leaves the marker under the old one', async () => {
        const values = dump(name);
        const { hasTracker } = expectedOf(values);
        const { workspace, load } = workspaceOf(values);
        const store = await load();
        const order = workspace.writes.map((w) => w.key);
        if (!hasTracker) {
          assert.deepEqual(order, [], 'nothing to migrate, yet something was written');
          assert.equal(workspace.get(StateMap.team.key), undefined);
          return;
        }
        const stored = workspace.get(StateMap.team.key) as { schemaVersion?: unknown };
        assert.equal(stored.schemaVersion, 6);
        const read = await readStoredTeam((key) => workspace.get(key), workspace.files, StateMap.team.key, today);
        assert.ok(read.kind === 'read');
        assert.deepEqual(read.keptAside, []);
        assertSameTeam(read.data, store.snapshot());
        assert.deepEqual(workspace.get(StateMap.legacyDelegations.key), { schemaVersion: 2, movedTo: StateMap.team.key });
        assert.equal(order.filter((key) => key === StateMap.team.key).length, 1);
        assert.equal(order.filter((key) => key === StateMap.legacyDelegations.key).length, 1);
        assert.ok(
          order.indexOf(StateMap.team.key) < order.indexOf(StateMap.legacyDelegations.key),
          `written in the order ${order.join(', ')}`,
        );
        assert.equal(order.at(-1), StateMap.legacyDelegations.key, 'the marker is the last write');
      });

      it('leaves the old key untouched and rejects when the new key cannot be written; a later load migrates once', async () => {
        const values = dump(name);
        const { hasTracker, invalid, previouslyKeptAside } = expectedOf(values);
        if (!hasTracker) {
          return;
        }
        const { workspace, load } = workspaceOf(values);
        workspace.failKey = StateMap.team.key;
        await assert.rejects(load(), /disk full/);
        assert.deepEqual(workspace.get(StateMap.legacyDelegations.key), values[StateMap.legacyDelegations.key], 'the old key changed');
        assert.equal(workspace.get(StateMap.team.key), undefined);
        assert.ok(!workspace.writes.some((w) => w.key === StateMap.legacyDelegations.key));
        workspace.failKey = undefined;
        const store = await load();
        assert.equal(store.delegations().length, expectedOf(values).valid.length);
        assert.deepEqual(workspace.get(StateMap.legacyDelegations.key), { schemaVersion: 2, movedTo: StateMap.team.key });
        assert.equal(store.keptAside().length, previouslyKeptAside.length + invalid.length, 'a record was kept aside twice');
      });

      it('does not migrate twice: a second load reads the new key and writes nothing', async () => {
        const values = dump(name);
        const { workspace, load } = workspaceOf(values);
        const first = await load();
        const writes = workspace.writes.length;
        const fileWrites = workspace.files.writes.length;
        const aside = first.keptAside();
        const second = await load(sequentialIds('again'));
        assert.equal(workspace.writes.length, writes, 'the second load wrote something');
        assert.equal(workspace.files.writes.length, fileWrites, 'the second load wrote or removed a chunk file');
        assertSameTeam(second.snapshot(), first.snapshot());
        assert.equal(second.migratedPeople, 0);
        assert.equal(second.keptAsideOnLoad, 0);
        assert.deepEqual(second.keptAside(), aside);
      });
    });
  }
});

describe('migration edge cases', () => {
  const v1 = dump('release-0.1-workspace.json')[StateMap.legacyDelegations.key];
  const marker = { schemaVersion: 2, movedTo: teamKeys.team };

  it('loads empty from a marker with no new key beside it, and writes nothing', async () => {
    const storage = new MemoryStorage({ [teamKeys.legacy]: marker });
    const store = await loadTeam(storage, new FakeClock(today));
    assert.equal(store.delegations().length, 0);
    assert.equal(store.people().length, 0);
    assert.equal(store.newer, undefined);
    assert.deepEqual(storage.writes, []);
    assert.deepEqual(storage.get(teamKeys.legacy), marker);
  });

  it('reads the new key when both are there, migrates nothing twice, and then writes the marker', async () => {
    const migrated = new MemoryStorage({ [teamKeys.legacy]: v1 });
    const first = await loadTeam(migrated, new FakeClock(today));
    const team = valuesOf(migrated, [teamKeys.legacy]);
    // The old data back under the old key (a crash before the marker was written): the new key wins.
    const storage = new MemoryStorage({ ...team, [teamKeys.legacy]: v1 }, filesOf(migrated));
    const store = await loadTeam(storage, new FakeClock(today), sequentialIds('x'));
    assertSameTeam(store.snapshot(), first.snapshot());
    assert.deepEqual(
      storage.writes.filter((w) => w.key.startsWith(teamKeys.team)),
      [],
      'migrated again over the team',
    );
    assert.deepEqual(storage.files.writes, [], 'migrated again over the chunk files');
    assert.equal(storage.get(teamKeys.keptAside), undefined, 'the same records kept aside again');
    assert.deepEqual(storage.get(teamKeys.legacy), marker);
  });

  it('keeps what 0.1 wrote after an interrupted move: new delegations join, a changed one is kept aside', async () => {
    const migrated = new MemoryStorage({ [teamKeys.legacy]: v1 });
    await loadTeam(migrated, new FakeClock(today));
    const team = valuesOf(migrated, [teamKeys.legacy]);
    const legacy = v1 as { schemaVersion: 1; delegations: Record<string, unknown>[] };
    const [original] = legacy.delegations;
    assert.ok(original, 'the fixture has a delegation');
    const changed = { ...original, task: 'Run the release retro, with the new format' };
    const added = { ...original, id: 'written-by-0.1', task: 'Write the onboarding guide', person: 'Noor' };
    const storage = new MemoryStorage({ ...team, [teamKeys.legacy]: { ...legacy, delegations: [changed, added] } }, filesOf(migrated));
    const store = await loadTeam(storage, new FakeClock(today), sequentialIds('x'));
    const noor = store.findPerson('Noor');
    assert.ok(noor, 'the new name joined the team');
    assert.equal(store.delegation('written-by-0.1')?.personId, noor.id);
    assert.equal(store.delegation(String(original['id']))?.task, original['task'], 'the version-2 record was kept');
    const kept = store.keptAside();
    assert.equal(kept.length, 1);
    assert.match(kept[0]?.reason ?? '', /changed by release 0\.1 after the move/);
    assert.deepEqual(kept[0]?.raw, changed);
    const order = storage.writes.map((w) => w.key);
    assert.ok(order.indexOf(teamKeys.team) < order.indexOf(teamKeys.legacy), `the marker came last: ${order.join(', ')}`);
    assert.deepEqual(storage.get(teamKeys.legacy), marker);
  });

  it('goes read-only, writing nothing, when either key holds a newer schema', async () => {
    const newer = { schemaVersion: 7, people: [{ id: 'x', name: 'From the future' }] };
    const migrated = new MemoryStorage({ [teamKeys.legacy]: v1 });
    await loadTeam(migrated, new FakeClock(today));
    const team = valuesOf(migrated, [teamKeys.legacy]);
    const cases: [string, Record<string, unknown>][] = [
      ['a newer team, 0.1 data beside it', { [teamKeys.team]: newer, [teamKeys.legacy]: v1 }],
      ['a newer team, a marker beside it', { [teamKeys.team]: newer, [teamKeys.legacy]: marker }],
      ['a newer old key, no team', { [teamKeys.legacy]: newer }],
      ['a newer old key, a team beside it', { ...team, [teamKeys.legacy]: newer }],
    ];
    for (const [what, values] of cases) {
      const storage = new MemoryStorage(values, filesOf(migrated));
      const store = await loadTeam(storage, new FakeClock(today));
      assert.equal(store.newer?.schemaVersion, 7, what);
      assert.equal(store.delegations().length, 0, what);
      await assert.rejects(
        store.logDelegation({ task: 'Anything', person: 'Sam', level: 3, followUpOn: today }),
        /newer version of Tech Lead Coach \(schema 7\)/,
        what,
      );
      await assert.rejects(store.addPerson({ name: 'Sam' }), /newer version/, what);
      assert.deepEqual(storage.writes, [], `${what}: something was written`);
      assert.deepEqual(storage.files.writes, [], `${what}: a chunk file was written or removed`);
      assert.deepEqual(storage.files.data, new Map(Object.entries(filesOf(migrated))), `${what}: the chunk files changed`);
      for (const [key, value] of Object.entries(values)) {
        assert.deepEqual(storage.get(key), value, `${what}: ${key} changed`);
      }
      assert.equal(storage.get(teamKeys.keptAside), undefined, what);
    }
  });

  it('keeps a damaged old key aside whole, and still moves on to the new key', async () => {
    for (const garbage of ['oops', [1, 2], { schemaVersion: 1 }, { schemaVersion: 1, delegations: 'none' }]) {
      const storage = new MemoryStorage({ [teamKeys.legacy]: garbage });
      const store = await loadTeam(storage, new FakeClock(today));
      assert.equal(store.delegations().length, 0);
      assert.deepEqual(
        store.keptAside().map((r: KeptAsideRecord) => r.raw),
        [garbage],
      );
      assert.deepEqual(storage.get(teamKeys.legacy), marker);
    }
  });
});

/**
 * The move from version 3 (the index and its chunks, all in workspace state) to version 6 (the
 * index in state, the chunks in files), run on workspace state as the version-3 store wrote it
 * (test/fixtures/state/version-3-workspace.json).
 */
describe('migration from version 3 (chunks in workspace state) to chunk files', () => {
  const v3 = (): Record<string, unknown> => dump('version-3-workspace.json');
  const chunkKeysOf = (values: Record<string, unknown>): string[] =>
    Object.keys(values).filter((key) => key.startsWith(`${StateMap.team.key}/`));
  /** What the dump holds, gathered from its keys by hand rather than by the code under test. */
  /** Version 3 knew these collections only; any other is empty. */
  const expected = (): Record<Collection, readonly { id: string }[]> => {
    const values = v3();
    const index = values[StateMap.team.key] as { people: { id: string }[]; chunks: string[] };
    const records = (collection: string): { id: string }[] =>
      index.chunks
        .filter((key) => key.split('/')[1] === collection)
        .flatMap((key) => (values[key] as { records: { id: string }[] }).records);
    return {
      ...EMPTY_TEAM,
      people: index.people,
      delegations: records('delegations'),
      oneOnOnes: records('oneOnOnes'),
      feedback: records('feedback'),
    };
  };
  const sorted = (list: readonly { id: string }[]): { id: string }[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const assertHoldsAll = (data: TeamData, message: string): void => {
    const want = expected();
    for (const collection of COLLECTIONS) {
      assert.deepEqual(sorted(data[collection]), sorted(want[collection]), `${collection}: ${message}`);
    }
  };
  /** Workspace state and chunk files after a completed move: v5 index, every chunk a named file, no version-3 key, the rest untouched. */
  const assertMoved = async (workspace: MemoryStorage): Promise<void> => {
    const index = workspace.get(StateMap.team.key) as { schemaVersion: number; chunks: string[] };
    assert.equal(index.schemaVersion, 6);
    const lineage = (index as unknown as { lineage: string }).lineage;
    assert.ok(
      index.chunks.every((name) => workspace.files.data.has(name)),
      'a file the index names is not there',
    );
    // Files a failed try left are this team's (the same lineage: the retried move takes it from the same data), and go once a day old.
    assert.deepEqual(
      [...workspace.files.data.keys()].filter((name) => !index.chunks.includes(name) && parseChunkName(name)?.lineage !== lineage),
      [],
      'a file in the folder belongs to no index of this team',
    );
    // A load two days later has removed them: the folder holds exactly what the index names.
    await loadTeam(workspace, new FakeClock(addDays(today, 2)), sequentialIds('later'));
    assert.deepEqual([...workspace.files.data.keys()].sort(), [...index.chunks].sort(), 'the files are not exactly those the index names');
    assert.deepEqual(chunkKeysOf(valuesOf(workspace)), [], 'a version-3 chunk key is left in workspace state');
    assert.deepEqual(workspace.get('techLead.delegations.groupBy'), v3()['techLead.delegations.groupBy'], 'another key changed');
    const read = await readStoredTeam((key) => workspace.get(key), workspace.files, StateMap.team.key, today);
    assert.ok(read.kind === 'read' && read.version === 6);
    assert.deepEqual(read.keptAside, []);
    assertHoldsAll(read.data, 'read back from the files');
  };

  it('is a real version-3 dump: an index of schema 3 and its chunk keys, two years, every collection, an id with upper case and a colon', () => {
    const values = v3();
    const index = values[StateMap.team.key] as { schemaVersion: number; chunks: string[]; people: { id: string }[] };
    assert.equal(index.schemaVersion, 3);
    assert.deepEqual(chunkKeysOf(values).sort(), [...index.chunks].sort());
    assert.ok(index.people.some((p) => /[A-Z]/.test(p.id) && p.id.includes(':')));
    const want = expected();
    assert.ok(want.delegations.length > 0 && want.oneOnOnes.length > 0 && want.feedback.length > 0);
    assert.ok(['/2025#', '/2026#'].every((year) => index.chunks.some((key) => key.includes(year))));
  });

  it('keeps every record, writes each chunk as a file, then the index, removes the version-3 keys, and reads back equal', async () => {
    const { workspace, load } = workspaceOf(v3());
    const store = await load();
    assertHoldsAll(store.snapshot(), 'in the store');
    assert.equal(store.keptAsideOnLoad, 0);
    assert.equal(workspace.get(StateMap.keptAside.key), undefined);
    await assertMoved(workspace);
    // Names safe on every file system: lower-case letters, digits, '-' and '.', one per chunk.
    const names = [...workspace.files.data.keys()];
    assert.equal(names.length, chunkKeysOf(v3()).length);
    assert.ok(
      names.every((name) => /^[a-z0-9.-]+$/.test(name)),
      names.join(', '),
    );
    assert.equal(new Set(names.map((name) => name.toLowerCase())).size, names.length);
    const zoe = Buffer.from('Imported:Zoe.Lindqvist_01').toString('hex');
    assert.ok(
      names.some((name) => name.startsWith(`delegations-${zoe}-2025-`)),
      names.join(', '),
    );
    // Files first, then the index (the moment the move happens), then the old keys removed.
    const stateWrites = workspace.writes.map((w) => [w.key, w.value === undefined ? 'removed' : 'written']);
    assert.deepEqual(stateWrites[0], [StateMap.team.key, 'written']);
    assert.deepEqual(
      stateWrites.slice(1).sort(),
      chunkKeysOf(v3())
        .map((key) => [key, 'removed'])
        .sort(),
    );
    assert.ok(
      workspace.files.writes.every((w) => w.text !== undefined),
      'a file was removed',
    );
    // A second load reads the files and writes nothing.
    const writes = workspace.writes.length;
    const fileWrites = workspace.files.writes.length;
    const again = await load(sequentialIds('again'));
    assertSameTeam(again.snapshot(), store.snapshot());
    assert.equal(workspace.writes.length, writes);
    assert.equal(workspace.files.writes.length, fileWrites);
  });

  it('a chunk file that cannot be written fails the load with version 3 whole; the next load moves it', async () => {
    const values = v3();
    const { workspace, load } = workspaceOf(values);
    workspace.files.failWrite = /^oneonones-/;
    await assert.rejects(load(), /disk full/);
    assert.deepEqual(valuesOf(workspace), values, 'workspace state changed');
    workspace.files.failWrite = undefined;
    assertHoldsAll((await load()).snapshot(), 'after the second load');
    await assertMoved(workspace);
  });

  it('an index that cannot be written fails the load with version 3 whole; the files it left are never read and go at the next load', async () => {
    const values = v3();
    const { workspace, load } = workspaceOf(values);
    workspace.failKey = StateMap.team.key;
    await assert.rejects(load(), /disk full/);
    assert.deepEqual(valuesOf(workspace), values, 'workspace state changed');
    assert.ok(workspace.files.data.size > 0, 'the files were written first');
    workspace.failKey = undefined;
    assertHoldsAll((await load()).snapshot(), 'after the second load');
    await assertMoved(workspace);
  });

  it('a move that does not read back as written puts the version-3 index back and fails the load; the next load moves it', async () => {
    const values = v3();
    const { workspace, load } = workspaceOf(values);
    workspace.files.garbleReads = '{"schemaVersion":5,"records":[]}';
    await assert.rejects(load(), /did not read back as written/);
    assert.deepEqual(valuesOf(workspace), values, 'workspace state is not as it was');
    workspace.files.garbleReads = undefined;
    assertHoldsAll((await load()).snapshot(), 'after the second load');
    await assertMoved(workspace);
  });

  it('old keys that cannot be removed are left, never read, and removed at the next load', async () => {
    const { workspace, load } = workspaceOf(v3());
    workspace.failRemovals = true;
    const store = await load();
    assertHoldsAll(store.snapshot(), 'with the old keys left');
    const left = chunkKeysOf(valuesOf(workspace));
    assert.equal(left.length, chunkKeysOf(v3()).length);
    workspace.failRemovals = false;
    // Were they read, the garbage would be kept aside.
    for (const key of left) {
      workspace.data.set(key, JSON.stringify('garbage'));
    }
    const next = await load();
    assert.equal(next.keptAsideOnLoad, 0);
    assertHoldsAll(next.snapshot(), 'after the next load');
    await assertMoved(workspace);
  });

  it('moves the chunks to keys of their own when no folder is open (no storage folder), with the same result', async () => {
    const workspace = new MemoryStorage(v3());
    const storage = new State({ workspace, global: new MemoryStorage() }).storage(StateMap.team, StateMap.legacyDelegations);
    const files = new StateChunkFiles(storage, TEAM_CHUNK_KEYS);
    const keys = { team: StateMap.team.key, legacy: StateMap.legacyDelegations.key, keptAside: StateMap.keptAside.key };
    const store = await loadTeamStore(storage, files, keys, new FakeClock(today), sequentialIds('p'), {
      cadenceDays: () => DEFAULT_CADENCE_DAYS,
    });
    assertHoldsAll(store.snapshot(), 'in the store');
    const index = workspace.get(StateMap.team.key) as { schemaVersion: number; chunks: string[] };
    assert.equal(index.schemaVersion, 6);
    assert.deepEqual(chunkKeysOf(valuesOf(workspace)), [], 'a version-3 chunk key is left');
    assert.deepEqual(
      workspace
        .keys()
        .filter((key) => key.startsWith(TEAM_CHUNK_KEYS))
        .sort(),
      index.chunks.map((name) => TEAM_CHUNK_KEYS + name).sort(),
    );
    const read = await readStoredTeam((key) => workspace.get(key), files, StateMap.team.key, today);
    assert.ok(read.kind === 'read' && read.keptAside.length === 0);
    assertHoldsAll(read.data, 'read back');
  });

  it('a crash after any write, with any of the state writes before it not yet on disk, leaves version 3 or version 6 whole', async () => {
    const values = v3();
    // The writes a whole move makes, to state and files together.
    const full = workspaceOf(values);
    await full.load();
    const total = full.workspace.writes.length + full.workspace.files.writes.length;
    assert.ok(total > chunkKeysOf(values).length * 2);
    for (let landed = 0; landed <= total; landed++) {
      const { workspace, load } = workspaceOf(values);
      workspace.crashAfter(landed);
      await load().then(
        // Once the index is written the move has happened; the old keys' removal is tried, and tried again at the next load.
        () =>
          assert.ok(
            landed > full.workspace.files.writes.length,
            `the load finished after only ${landed} of ${total} writes, before the index`,
          ),
        (error: Error) => assert.match(error.message, /the process stopped/),
      );
      // VS Code writes workspace state to disk after `update` resolved: any prefix of the state
      // writes may be what is on disk, beside every file written.
      for (let onDisk = 0; onDisk <= workspace.writes.length; onDisk++) {
        const after = new MemoryStorage(values, filesOf(workspace));
        for (const { key, value } of workspace.writes.slice(0, onDisk)) {
          await after.update(key, value);
        }
        const restarted = await loadTeam(after, new FakeClock(today), sequentialIds('r'));
        const what = `${landed} writes landed, ${onDisk} of the state writes on disk`;
        assert.equal(restarted.keptAsideOnLoad, 0, what);
        assertHoldsAll(restarted.snapshot(), what);
        await assertMoved(after);
      }
    }
  });
});

describe('chunk files and a crash before workspace state reached disk', () => {
  /** Three delegations logged, and workspace state as it is on disk then; `first` is the first of them. */
  async function threeLogged() {
    const storage = new MemoryStorage();
    const clock = new FakeClock(today);
    const store = await loadTeam(storage, clock);
    for (const task of ['One', 'Two', 'Three']) {
      await store.logDelegation({ task, person: 'Sam', level: 3, followUpOn: today });
    }
    const [first] = store.delegations();
    assert.ok(first);
    return { storage, clock, store, first, onDisk: valuesOf(storage), before: store.snapshot() };
  }

  it('a change whose index never reached disk leaves the previous state whole: the files that index named are still there', async () => {
    const { storage, clock, store, first, onDisk, before } = await threeLogged();
    // Marking one done replaces the chunk file; the index that names the new file is lost in the crash.
    await store.markDone(first.id);
    await store.logDelegation({ task: 'Four', person: 'Ana', level: 3, followUpOn: today });
    const restarted = await loadTeam(new MemoryStorage(onDisk, filesOf(storage)), clock, sequentialIds('r'));
    assert.equal(restarted.keptAsideOnLoad, 0, 'a file the index on disk names was removed');
    assertSameTeam(restarted.snapshot(), before);
  });

  it('a load soon after a change (the extension host restarted) removes no file an older index on disk names: a crash then loses nothing', async () => {
    const { storage, clock, store, first, onDisk, before } = await threeLogged();
    await store.markDone(first.id);
    // The extension host restarts: VS Code hands it the state it holds, with the newest index.
    const afterRestart = await loadTeam(storage, clock, sequentialIds('h'));
    assertSameTeam(afterRestart.snapshot(), store.snapshot());
    // Then the whole application stops before that state reached disk: the older index comes back.
    const restarted = await loadTeam(new MemoryStorage(onDisk, filesOf(storage)), clock, sequentialIds('r'));
    assert.equal(restarted.keptAsideOnLoad, 0, 'a file the index on disk names was removed');
    assertSameTeam(restarted.snapshot(), before);
  });
});

/**
 * The move from version 4 (chunk files named by generation, an index without lineage) to version 6,
 * on the workspace state and folder as the version-4 store wrote them
 * (test/fixtures/state/version-4-workspace.json, version-4-no-folder-workspace.json).
 */
describe('migration from version 4 (chunk files named by generation) to version 6 (a lineage)', () => {
  const v4 = (name: string): { state: Record<string, unknown>; files: Record<string, string> } => {
    const { state, files } = dump(name) as { state: Record<string, unknown>; files?: Record<string, string> };
    return { state, files: files ?? {} };
  };
  /** What the dump's index names, read by hand rather than by the code under test. */
  const expected = (name: string): TeamData => {
    const { state, files } = v4(name);
    const index = state[StateMap.team.key] as { people: TeamData['people']; chunks: string[] };
    const text = (chunk: string): string => files[chunk] ?? (state[TEAM_CHUNK_KEYS + chunk] as string);
    const records = index.chunks.flatMap((chunk) =>
      (JSON.parse(text(chunk)) as { records: { id: string; on?: string }[] }).records.map((r) => ({ chunk, r })),
    );
    const of = (prefix: string): never[] => records.filter(({ chunk }) => chunk.startsWith(prefix)).map(({ r }) => r) as never[];
    return { ...EMPTY_TEAM, people: index.people, delegations: of('delegations-'), oneOnOnes: of('oneonones-'), feedback: of('feedback-') };
  };
  const sorted = (list: readonly { id: string }[]): { id: string }[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  it('is a real version-4 dump: an index of schema 4 with savedAt, chunk files of every kind named by generation, two years, a replaced file left', () => {
    const { state, files } = v4('version-4-workspace.json');
    const index = state[StateMap.team.key] as { schemaVersion: number; generation: number; savedAt: number; chunks: string[] };
    assert.equal(index.schemaVersion, 4);
    assert.equal(typeof index.savedAt, 'number');
    assert.ok(index.chunks.every((name) => parseChunkName(name)?.version === 4));
    assert.ok(['delegations-', 'oneonones-', 'feedback-'].every((kind) => index.chunks.some((name) => name.startsWith(kind))));
    assert.ok(['-2025-', '-2026-'].every((year) => index.chunks.some((name) => name.includes(year))));
    assert.ok(
      Object.keys(files).some((name) => !index.chunks.includes(name)),
      'no replaced file waiting to be removed',
    );
    const want = expected('version-4-workspace.json');
    assert.ok(want.people.some((p) => p.archived === true) && want.people.some((p) => /[A-Z]/.test(p.id) && p.id.includes(':')));
  });

  for (const name of ['version-4-workspace.json', 'version-4-no-folder-workspace.json']) {
    const withFolder = name === 'version-4-workspace.json';
    it(`${withFolder ? 'with a folder' : 'with no folder open'}: keeps every record, names the same files under an index of schema 6 with a lineage, and touches no file`, async () => {
      const { state, files } = v4(name);
      const workspace = new MemoryStorage(state, files);
      const storage = new State({ workspace, global: new MemoryStorage() }).storage(StateMap.team, StateMap.legacyDelegations);
      const chunkFiles = withFolder ? workspace.files : new StateChunkFiles(storage, TEAM_CHUNK_KEYS);
      const keys = { team: StateMap.team.key, legacy: StateMap.legacyDelegations.key, keptAside: StateMap.keptAside.key };
      const load = (): Promise<TeamStore> =>
        loadTeamStore(storage, chunkFiles, keys, new FakeClock(today), sequentialIds('p'), { cadenceDays: () => DEFAULT_CADENCE_DAYS });
      const store = await load();
      const want = expected(name);
      for (const collection of COLLECTIONS) {
        assert.deepEqual(sorted(store.snapshot()[collection]), sorted(want[collection]), collection);
      }
      assert.equal(store.keptAsideOnLoad, 0);
      assert.deepEqual(store.unreadChunks(), []);
      assert.deepEqual(store.foreign, [], 'its own files reported as another team’s');
      const before = state[StateMap.team.key] as { generation: number; chunks: string[] };
      const index = workspace.get(StateMap.team.key) as { schemaVersion: number; lineage: string; generation: number; chunks: string[] };
      assert.equal(index.schemaVersion, 6);
      assert.match(index.lineage, /^[0-9a-z]{8}$/);
      assert.equal(index.generation, before.generation + 1);
      assert.deepEqual([...index.chunks].sort(), [...before.chunks].sort(), 'the move rewrote chunks it could name as they are');
      assert.deepEqual(workspace.files.writes, [], 'a file was written or removed');
      for (const [key, value] of Object.entries(state)) {
        if (key !== StateMap.team.key) {
          assert.deepEqual(workspace.get(key), value, `${key} changed`);
        }
      }
      // A change then writes version-5 names with the lineage; the next load reads all of it.
      assert.ok(store.findPerson('Priya'));
      await store.logOneOnOne({ person: 'Priya', on: today, topics: [] });
      const reloaded = await load();
      assert.equal(reloaded.oneOnOnes().length, want.oneOnOnes.length + 1);
      assert.ok(namedOf(workspace).some((chunk) => parseChunkName(chunk)?.lineage === index.lineage));
    });
  }

  it('a crash after any write of the move leaves version 4 or version 6 whole', async () => {
    const { state, files } = v4('version-4-workspace.json');
    const want = expected('version-4-workspace.json');
    for (let landed = 0; landed <= 2; landed++) {
      const workspace = new MemoryStorage(state, files);
      workspace.crashAfter(landed);
      await loadTeam(workspace, new FakeClock(today)).catch((error: Error) => assert.match(error.message, /the process stopped/));
      const restarted = await loadTeam(new MemoryStorage(valuesOf(workspace), filesOf(workspace)), new FakeClock(today));
      for (const collection of COLLECTIONS) {
        assert.deepEqual(sorted(restarted.snapshot()[collection]), sorted(want[collection]), `${landed} writes landed: ${collection}`);
      }
    }
  });
});

function namedOf(storage: MemoryStorage): string[] {
  return (storage.get(StateMap.team.key) as { chunks: string[] }).chunks;
}

/**
 * Version 5 (the same index and chunk files as version 6, delegations without a code link) as its
 * store wrote them (test/fixtures/state/version-5-workspace.json): read as it is, written as
 * version 6 by the next change; and an index of a later version is left alone.
 */
describe('a team stored by version 5, and one by a later version', () => {
  const v5 = (): { state: Record<string, unknown>; files: Record<string, string> } =>
    dump('version-5-workspace.json') as { state: Record<string, unknown>; files: Record<string, string> };
  type Index = { schemaVersion: number; lineage: string; generation: number; chunks: string[]; people: TeamData['people'] };
  /** What the dump's index names, read by hand rather than by the code under test. */
  const expected = (): TeamData => {
    const { state, files } = v5();
    const index = state[StateMap.team.key] as Index;
    const records = index.chunks.flatMap((chunk) =>
      (JSON.parse(files[chunk] ?? '') as { records: { id: string }[] }).records.map((r) => ({ chunk, r })),
    );
    const of = (prefix: string): never[] => records.filter(({ chunk }) => chunk.startsWith(prefix)).map(({ r }) => r) as never[];
    return {
      people: index.people,
      delegations: of('delegations-'),
      oneOnOnes: of('oneonones-'),
      feedback: of('feedback-'),
      moments: of('moments-'),
    };
  };
  const sorted = (list: readonly { id: string }[]): { id: string }[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const open = (state: Record<string, unknown>, files: Record<string, string>) => {
    const workspace = new MemoryStorage(state, files);
    const storage = new State({ workspace, global: new MemoryStorage() }).storage(StateMap.team, StateMap.legacyDelegations);
    const keys = { team: StateMap.team.key, legacy: StateMap.legacyDelegations.key, keptAside: StateMap.keptAside.key };
    const load = (): Promise<TeamStore> =>
      loadTeamStore(storage, workspace.files, keys, new FakeClock(today), sequentialIds('n'), { cadenceDays: () => DEFAULT_CADENCE_DAYS });
    return { workspace, load };
  };

  it('is a real version-5 dump: an index of schema 5 with a lineage and retired files, chunk files of every kind holding schema 5', () => {
    const { state, files } = v5();
    const index = state[StateMap.team.key] as Index & { retired: { name: string }[] };
    assert.equal(index.schemaVersion, 5);
    assert.match(index.lineage, /^[0-9a-z]{8}$/);
    assert.ok(index.retired.length > 0 && index.retired.every((r) => r.name in files), 'no retired file left in the folder');
    for (const name of index.chunks) {
      assert.equal(parseChunkName(name)?.lineage, index.lineage, name);
      assert.equal((JSON.parse(files[name] ?? '') as { schemaVersion: unknown }).schemaVersion, 5, name);
    }
    const want = expected();
    assert.ok(
      COLLECTIONS.every((c) => want[c].length > 0),
      'a kind of record is missing',
    );
    assert.ok(want.people.some((p) => p.archived === true));
    assert.ok(
      want.delegations.every((d) => !('code' in d)),
      'version 5 had no code link',
    );
  });

  it('loads every record and leaves the index at version 5 until something changes', async () => {
    const { state, files } = v5();
    const { workspace, load } = open(state, files);
    const store = await load();
    const want = expected();
    for (const collection of COLLECTIONS) {
      assert.deepEqual(sorted(store.snapshot()[collection]), sorted(want[collection]), collection);
    }
    assert.equal(store.keptAsideOnLoad, 0);
    assert.deepEqual(store.unreadChunks(), []);
    assert.deepEqual(store.foreign, []);
    assert.equal(store.newer, undefined);
    assert.deepEqual(workspace.get(StateMap.team.key), state[StateMap.team.key], 'the load rewrote the index');
    assert.deepEqual(
      workspace.files.writes.filter((w) => w.text !== undefined),
      [],
      'the load wrote a file',
    );
  });

  it('a delegation gains a code link through a change, written under an index of version 6 of the same lineage, and loads back', async () => {
    const { state, files } = v5();
    const { workspace, load } = open(state, files);
    const store = await load();
    const before = state[StateMap.team.key] as Index;
    const target = store.delegations().find((d) => d.task === 'Own the billing retry and queue rework');
    assert.ok(target);
    const linked = await store.linkToCode(target.id, { paths: ['billing/', 'src/queue/worker.ts'], branch: 'retry-queue' });
    assert.ok(linked);
    const index = workspace.get(StateMap.team.key) as Index;
    assert.equal(index.schemaVersion, 6);
    assert.equal(index.lineage, before.lineage);
    assert.equal(index.generation, before.generation + 1);
    // Only the changed person's delegations chunk is new; every other chunk file is named as it was.
    const added = index.chunks.filter((name) => !before.chunks.includes(name));
    assert.equal(added.length, 1);
    assert.match(added[0] ?? '', /^delegations-/);
    assert.equal(before.chunks.filter((name) => !index.chunks.includes(name)).length, 1);
    const chunk = workspace.files.json(added[0] ?? '') as { schemaVersion: number; records: { id: string; code?: unknown }[] };
    assert.equal(chunk.schemaVersion, 5, 'chunk files keep the content schema of version 5');
    assert.deepEqual(chunk.records.find((r) => r.id === target.id)?.code, {
      paths: ['billing/', 'src/queue/worker.ts'],
      branch: 'retry-queue',
    });
    const reloaded = await load();
    assert.deepEqual(reloaded.delegation(target.id), store.delegation(target.id));
    assert.deepEqual(reloaded.delegation(target.id)?.history.at(-1), { kind: 'edited', on: today, field: 'code' });
    assert.equal(reloaded.keptAsideOnLoad, 0);
  });

  it('a version-7 index is left exactly as it is: read-only, nothing written, its files untouched', async () => {
    const { state, files } = v5();
    const later = { ...(state[StateMap.team.key] as Index), schemaVersion: 7, somethingNew: true };
    const values = { ...state, [StateMap.team.key]: later };
    const { workspace, load } = open(values, files);
    const store = await load();
    assert.equal(store.newer?.schemaVersion, 7);
    assert.equal(store.delegations().length, 0);
    await assert.rejects(
      store.logDelegation({ task: 'Anything', person: 'Priya', level: 3, followUpOn: today }),
      /newer version of Tech Lead Coach \(schema 7\)/,
    );
    assert.deepEqual(workspace.writes, []);
    assert.deepEqual(workspace.files.writes, [], 'a file was written or removed');
    assert.deepEqual(workspace.get(StateMap.team.key), later);
  });
});
