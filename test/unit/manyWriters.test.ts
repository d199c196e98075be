/**
 * Two to four stores writing one team: one workspace state and one folder (or, with no folder
 * open, chunks in workspace state), each store holding what it read when it last loaded or wrote,
 * so most changes are made on a stale view. Random sequences of changes and Undos from any store,
 * sometimes two at once, with slow and reordered storage, refused writes, a chunk file missing at
 * a reload, and stores reloading. After every step the stored team is compared with the one before:
 * a confirmed change is in it (computed again on what another store wrote, where it had to be),
 * nothing it did not touch changed, and a refused or failed change left no trace. At the end every
 * store reloads and shows exactly what is stored.
 */
import { StoreRefusal, type Undoable } from '../../src/domain/team/store/change';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { sameValue } from '../../src/domain/core/compare';
import type { DateKey } from '../../src/domain/core/dates';
import { COLLECTIONS, type Collection, type PersonRecord, type TeamData, type TeamRecord } from '../../src/domain/team/kinds';
import { StateChunkFiles, type ChunkFiles } from '../../src/domain/team/storage/files';
import { loadTeamStore } from '../../src/domain/team/store/load';
import type { TeamStore } from '../../src/domain/team/store/store';
import { StoreWriteError } from '../../src/domain/team/store/store';
import { undoMarkDone } from '../../src/domain/team/store/undo';
import { TEAM_CHUNK_KEYS } from '../../src/platform/stateMap';
import { FolderIndexCell } from '../../src/domain/team/storage/folder';
import { parseChunkName } from '../../src/domain/team/storage/format';
import { readStoredTeam } from '../../src/domain/team/storage/read';
import { day, FakeClock, MemoryStorage, MemoryTeamFolder, namedFiles, readStored, sequentialIds, teamKeys } from '../support/fakes';

type Op =
  | { op: 'log'; person: string }
  | { op: 'oneOnOne'; person: string }
  | { op: 'feedback'; person: string }
  | { op: 'addPerson'; person: string }
  | { op: 'rename'; pick: number; person: string }
  | { op: 'done'; pick: number }
  | { op: 'reopen'; pick: number }
  | { op: 'checkIn'; pick: number }
  | { op: 'delete'; pick: number }
  | { op: 'deletePerson'; pick: number }
  | { op: 'undo'; pick: number };

type Step =
  | { kind: 'one'; store: number; change: Op; fault: 'none' | 'index' | 'chunk' }
  | { kind: 'two'; stores: [number, number]; changes: [Op, Op] }
  | { kind: 'reload'; store: number; hide: boolean }
  | { kind: 'follow'; store: number };

const person = fc.constantFrom('Ana', 'Sam', 'Lee', 'Kim');
const pick = fc.nat(40);
const change: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('log' as const), person }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('oneOnOne' as const), person }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('feedback' as const), person }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addPerson' as const), person }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), pick, person }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('done' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reopen' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('checkIn' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deletePerson' as const), pick }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('undo' as const), pick }) },
);
/** Changes that may run at once in two stores: each touches only records it adds, or one record it names. */
const commuting = fc.oneof(
  fc.record({ op: fc.constant('log' as const), person }),
  fc.record({ op: fc.constant('oneOnOne' as const), person }),
  fc.record({ op: fc.constant('done' as const), pick }),
  fc.record({ op: fc.constant('checkIn' as const), pick }),
);
const storeIndex = fc.nat(3);
const steps: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('one' as const),
      store: storeIndex,
      change,
      fault: fc.constantFrom<'none' | 'index' | 'chunk'>('none', 'none', 'none', 'none', 'index', 'chunk'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('two' as const),
      stores: fc.tuple(storeIndex, storeIndex),
      changes: fc.tuple(commuting, commuting),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reload' as const), store: storeIndex, hide: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('follow' as const), store: storeIndex }) },
);

/**
 * Where the stores keep the team: one workspace state and one storage folder; one workspace state
 * with no folder open; or one team folder every window shares (the `user` location, a folder the
 * lead chose), whose index is a file and whose changes reach each window through file events that
 * come late, out of order or not at all.
 */
type Where = 'state and folder' | 'state' | 'shared folder';

/** Every record by `collection:id`. */
function recordsOf(data: TeamData): Map<string, TeamRecord> {
  const all = new Map<string, TeamRecord>();
  for (const collection of COLLECTIONS) {
    for (const record of data[collection] as readonly TeamRecord[]) {
      all.set(`${collection}:${record.id}`, record);
    }
  }
  return all;
}

const key = (collection: Collection, id: string): string => `${collection}:${id}`;

/** What a confirmed change touched, and a check that its effect is in the stored team. */
interface Effect {
  readonly touched: ReadonlySet<string>;
  check(stored: Map<string, TeamRecord>): void;
}

async function run(writers: number, sequence: readonly Step[], where: Where): Promise<void> {
  const withFolder = where === 'state and folder';
  const shared = where === 'shared folder';
  const storage = new MemoryStorage();
  storage.delayMs = 3;
  storage.files.delayMs = 3;
  const folder = new MemoryTeamFolder();
  folder.delayMs = 3;
  folder.loseEvents = 0.3;
  const files: ChunkFiles = withFolder ? storage.files : shared ? folder : new StateChunkFiles(storage, TEAM_CHUNK_KEYS);
  const clock = new FakeClock('2026-11-24');
  const today = day('2026-11-24');
  let ids = 0;
  const newId = (): string => `r${++ids}`;
  const watching: { dispose(): void }[] = [];
  const load = async (slot: number): Promise<TeamStore> => {
    if (!shared) {
      return loadTeamStore(storage, files, teamKeys, clock, newId, { cadenceDays: () => 14 });
    }
    const cell = new FolderIndexCell(folder, teamKeys, clock);
    const store = await loadTeamStore(cell.state, folder, teamKeys, clock, newId, { cadenceDays: () => 14 }, { cell });
    // Each window follows the others' changes as it is told of them (late, out of order, or not at all).
    watching[slot]?.dispose();
    watching[slot] = folder.watch(() => {
      store.followOthers().catch((error: unknown) => assert.ok(error instanceof StoreWriteError, String(error)));
    });
    return store;
  };
  const stores: TeamStore[] = [];
  for (let i = 0; i < writers; i++) {
    stores.push(await load(i));
  }
  const offered: Undoable[][] = stores.map(() => []);
  let notes = 0;

  const stored = async (): Promise<Map<string, TeamRecord>> => {
    if (shared) {
      const cell = new FolderIndexCell(folder, teamKeys, clock);
      await cell.refresh();
      const back = await readStoredTeam(cell.state.get, folder, teamKeys.team, today);
      assert.ok(back.kind === 'read');
      assert.deepEqual(back.keptAside, []);
      return recordsOf(back.data);
    }
    const read = withFolder
      ? await readStored(storage, today)
      : await (async () => {
          const back = await stores[0]?.readBack(today);
          assert.ok(back?.kind === 'read');
          return { ...back.data, keptAside: back.keptAside };
        })();
    return recordsOf(read);
  };

  /** Runs one change in one store: its effect when confirmed, undefined when refused or failed (then nothing may have changed). */
  const apply = async (s: number, op: Op): Promise<Effect | undefined> => {
    const store = stores[s % writers] as TeamStore;
    const view = store.snapshot();
    const pickOf = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
    const refusedOrFailed = (error: unknown): undefined => {
      assert.ok(error instanceof StoreRefusal || error instanceof StoreWriteError, `an unexpected error: ${String(error)}`);
      assert.ok(error.message.length > 20, `a refusal that does not say why: ${error.message}`);
      return undefined;
    };
    const touchedFrom = (undo: Undoable): Set<string> =>
      new Set(
        undo.steps.flatMap((step) =>
          step.kind === 'reopen'
            ? [key('delegations', step.id)]
            : step.kind === 'revert'
              ? [key(step.collection, step.after.id)]
              : [key(step.collection, step.record.id)],
        ),
      );
    try {
      switch (op.op) {
        case 'log': {
          const done = await store.logDelegation({ task: `Task ${ids + 1}`, person: op.person, level: 3, followUpOn: today });
          offered[s % writers]?.push(done.undo);
          return {
            touched: touchedFrom(done.undo),
            check: (now) =>
              assert.deepEqual(now.get(key('delegations', done.value.id)), done.value, 'a confirmed delegation is not stored as confirmed'),
          };
        }
        case 'oneOnOne': {
          const done = await store.logOneOnOne({ person: op.person, on: today, topics: [] });
          offered[s % writers]?.push(done.undo);
          return {
            touched: touchedFrom(done.undo),
            check: (now) => assert.ok(now.has(key('oneOnOnes', done.value.id)), 'a confirmed 1:1 is lost'),
          };
        }
        case 'feedback': {
          const done = await store.logFeedback({
            person: op.person,
            on: today,
            kind: 'asked',
            said: 'More context',
            change: 'Write the why',
          });
          offered[s % writers]?.push(done.undo);
          return {
            touched: touchedFrom(done.undo),
            check: (now) => assert.ok(now.has(key('feedback', done.value.id)), 'confirmed feedback is lost'),
          };
        }
        case 'addPerson': {
          const done = await store.addPerson({ name: op.person });
          offered[s % writers]?.push(done.undo);
          return {
            touched: touchedFrom(done.undo),
            check: (now) => assert.ok(now.has(key('people', done.value.id)), 'a confirmed person is lost'),
          };
        }
        case 'rename': {
          const target = pickOf(view.people, op.pick);
          if (!target) {
            return { touched: new Set(), check: () => undefined };
          }
          const done = await store.updatePerson(target.id, { name: `${op.person} ${op.pick}` });
          if (!done) {
            return { touched: new Set(), check: () => undefined };
          }
          offered[s % writers]?.push(done.undo);
          return {
            touched: new Set([key('people', target.id)]),
            check: (now) =>
              assert.equal(
                (now.get(key('people', target.id)) as { name?: string } | undefined)?.name,
                done.value.name,
                'a confirmed rename is lost',
              ),
          };
        }
        case 'done':
        case 'reopen':
        case 'checkIn':
        case 'delete': {
          const target = pickOf(view.delegations, op.pick);
          if (!target) {
            return { touched: new Set(), check: () => undefined };
          }
          const id = target.id;
          const touched = new Set([key('delegations', id)]);
          if (op.op === 'done') {
            const done = await store.markDone(id);
            if (done) {
              offered[s % writers]?.push(undoMarkDone(done));
            }
            return {
              touched,
              check: (now) =>
                done && assert.ok((now.get(key('delegations', id)) as { doneOn?: string }).doneOn, 'a confirmed Mark done is lost'),
            };
          }
          if (op.op === 'reopen') {
            const done = await store.reopen(id);
            return {
              touched,
              check: (now) =>
                done &&
                assert.equal((now.get(key('delegations', id)) as { doneOn?: string }).doneOn, undefined, 'a confirmed Reopen is lost'),
            };
          }
          if (op.op === 'checkIn') {
            const note = `note ${++notes}`;
            const done = await store.checkIn(id, note, today);
            return {
              touched,
              check: (now) =>
                done &&
                assert.ok(
                  (now.get(key('delegations', id)) as unknown as { history: { note?: string }[] }).history.some((e) => e.note === note),
                  'a confirmed check-in is lost',
                ),
            };
          }
          const done = await store.deleteDelegation(id);
          if (done) {
            offered[s % writers]?.push(done.undo);
          }
          return { touched, check: (now) => done && assert.ok(!now.has(key('delegations', id)), 'a confirmed Delete is undone') };
        }
        case 'deletePerson': {
          const target = pickOf(view.people, op.pick);
          if (!target) {
            return { touched: new Set(), check: () => undefined };
          }
          const done = await store.deletePerson(target.id);
          if (!done) {
            return { touched: new Set(), check: () => undefined };
          }
          offered[s % writers]?.push(done.undo);
          return {
            touched: touchedFrom(done.undo),
            check: (now) => {
              assert.ok(!now.has(key('people', target.id)), 'a confirmed Delete Person is undone');
              for (const [k, record] of now) {
                assert.notEqual((record as Partial<PersonRecord>).personId, target.id, `${k} is left without its person`);
              }
            },
          };
        }
        case 'undo': {
          const list = offered[s % writers] ?? [];
          const chosen = list.length === 0 ? undefined : list.splice(op.pick % list.length, 1)[0];
          if (!chosen) {
            return { touched: new Set(), check: () => undefined };
          }
          await store.undo(chosen);
          return { touched: touchedFrom(chosen), check: () => undefined };
        }
      }
    } catch (error) {
      return refusedOrFailed(error);
    }
  };

  /** The records a change to a person also touches: everything about a person deleted. */
  const widen = (touched: ReadonlySet<string>, before: Map<string, TeamRecord>): Set<string> => {
    const people = new Set([...touched].filter((k) => k.startsWith('people:')).map((k) => k.slice('people:'.length)));
    const wide = new Set(touched);
    for (const [k, record] of before) {
      if (people.has((record as Partial<PersonRecord>).personId ?? '')) {
        wide.add(k);
      }
    }
    return wide;
  };

  const assertOnlyTouched = (
    before: Map<string, TeamRecord>,
    after: Map<string, TeamRecord>,
    touched: ReadonlySet<string>,
    what: string,
  ): void => {
    for (const k of new Set([...before.keys(), ...after.keys()])) {
      if (!touched.has(k)) {
        assert.ok(
          sameValue(before.get(k), after.get(k)),
          `${what} changed ${k}, which it did not touch: ${JSON.stringify(before.get(k))} → ${JSON.stringify(after.get(k))}`,
        );
      }
    }
  };

  let hidden: { name: string; text: string } | undefined;
  for (const [at, step] of sequence.entries()) {
    const before = await stored();
    const what = `step ${at} (${JSON.stringify(step)})`;
    if (step.kind === 'follow') {
      // A window's timer: it reads what the others wrote, whichever file events it missed.
      const store = stores[step.store % writers] as TeamStore;
      await store.followOthers();
      if (shared) {
        assert.deepEqual(
          recordsOf(store.snapshot()),
          before,
          `${what}: a window that followed the others shows something else than is stored`,
        );
      }
      continue;
    }
    if (step.kind === 'reload') {
      const chunkFolder = withFolder ? storage.files.data : shared ? folder.data : undefined;
      if (step.hide && chunkFolder) {
        // A chunk file is not there for this load (a sync tool holds it): it is read again at the next load.
        const names = shared ? [...chunkFolder.keys()].filter((n) => parseChunkName(n) !== undefined).sort() : namedFiles(storage);
        const name = names[at % Math.max(1, names.length)];
        const text = name === undefined ? undefined : chunkFolder.get(name);
        if (name !== undefined && text !== undefined) {
          hidden = { name, text };
          chunkFolder.delete(name);
        }
      }
      stores[step.store % writers] = await load(step.store % writers);
      offered[step.store % writers] = [];
      if (hidden) {
        chunkFolder?.set(hidden.name, hidden.text);
        hidden = undefined;
      }
      assertOnlyTouched(before, await stored(), new Set(), `${what}: a reload`);
      continue;
    }
    if (step.kind === 'one') {
      storage.failNext = step.fault === 'index' && !shared;
      storage.files.failNext = step.fault === 'chunk' && withFolder;
      folder.failClaims = step.fault === 'index' && shared;
      folder.failNext = step.fault === 'chunk' && shared;
      const effect = await apply(step.store, step.change);
      storage.failNext = false;
      storage.files.failNext = false;
      folder.failClaims = false;
      folder.failNext = false;
      const after = await stored();
      if (effect) {
        effect.check(after);
        assertOnlyTouched(before, after, widen(effect.touched, before), what);
      } else {
        assertOnlyTouched(before, after, new Set(), `${what}, refused or failed,`);
      }
      continue;
    }
    const [a, b] = step.stores;
    const effects = await Promise.all([apply(a, step.changes[0]), apply(b, step.changes[1])]);
    const after = await stored();
    const touched = new Set<string>();
    for (const effect of effects) {
      effect?.check(after);
      effect?.touched.forEach((k) => touched.add(k));
    }
    assertOnlyTouched(before, after, widen(touched, before), what);
  }
  // Every store reads what is stored: nothing any of them confirmed is lost, nothing is duplicated.
  const final = await stored();
  if (shared) {
    // Once the file events have arrived and each window's timer has run, every window shows what is stored.
    await folder.settled();
    for (const [i, store] of stores.entries()) {
      await store.flushed();
      await store.followOthers();
      assert.deepEqual(recordsOf(store.snapshot()), final, `window ${i} does not show what is stored after following the others`);
    }
  }
  watching.forEach((w) => w.dispose());
  for (let i = 0; i < writers; i++) {
    const reloaded = await load(i);
    assert.deepEqual(recordsOf(reloaded.snapshot()), final, `store ${i} after a reload differs from what is stored`);
    assert.deepEqual(reloaded.unreadChunks(), []);
  }
}

describe('many writers on one team', function () {
  this.timeout(600_000);

  const described: Record<Where, string> = {
    'state and folder': 'one workspace state and one folder',
    state: 'one workspace state, no folder open',
    'shared folder': 'one shared team folder (index files, lost and late file events)',
  };
  for (const where of ['state and folder', 'state', 'shared folder'] as const) {
    it(`2 to 4 stores on ${described[where]}: every confirmed change is stored, nothing else changes, a refused or failed one leaves no trace (200 random sequences)`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 4 }),
          fc.array(steps, { minLength: 1, maxLength: 25, size: 'max' }),
          (writers, sequence) => run(writers, sequence, where),
        ),
        { numRuns: 200 },
      );
    });
  }

  it('the stale store computes its change again on what the other wrote, and a change that no longer applies is refused with why', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock('2026-11-24');
    const load = (): Promise<TeamStore> =>
      loadTeamStore(storage, storage.files, teamKeys, clock, sequentialIds(), { cadenceDays: () => 14 });
    const one = await load();
    const logged = (await one.logDelegation({ task: 'Ship it', person: 'Ana', level: 3, followUpOn: '2026-11-27' as DateKey })).value;
    const two = await load();
    await one.deleteDelegation(logged.id);
    // The second store still shows it; its Mark done finds it gone once it reads the team again.
    assert.ok(two.delegation(logged.id));
    await assert.rejects(two.markDone(logged.id), /changed or removed in another window meanwhile/);
    assert.equal(two.delegation(logged.id), undefined, 'the stale store did not read the team again');
    // A change that still applies is made on what the other store wrote.
    await one.logDelegation({ task: 'From one', person: 'Ana', level: 3, followUpOn: '2026-11-27' as DateKey });
    await two.logDelegation({ task: 'From two', person: 'Ana', level: 3, followUpOn: '2026-11-27' as DateKey });
    assert.deepEqual(
      (await load())
        .delegations()
        .map((d) => d.task)
        .sort(),
      ['From one', 'From two'],
    );
    assert.equal((await load()).people().length, 1, 'two stores made two people of one name');
  });

  it('a store locked because the setting moved the team away writes again when unlocked with that reason, on what others wrote meanwhile', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock('2026-11-24');
    const ids = sequentialIds();
    const load = (): Promise<TeamStore> => loadTeamStore(storage, storage.files, teamKeys, clock, ids, { cadenceDays: () => 14 });
    const one = await load();
    const two = await load();
    one.lock('the setting changed');
    await assert.rejects(one.addPerson({ name: 'Kim' }), StoreRefusal);
    await two.addPerson({ name: 'Lee' });
    // Another reason (the team moved elsewhere) is not taken back by this one, nor the reverse.
    assert.equal(await one.unlock('moved elsewhere'), false);
    assert.equal(one.lockedReason, 'the setting changed');
    assert.equal(await one.unlock('the setting changed'), true);
    assert.equal(one.lockedReason, undefined);
    assert.deepEqual(
      one.people().map((p) => p.name),
      ['Lee'],
      'the unlocked store did not read what the other wrote',
    );
    await one.addPerson({ name: 'Kim' });
    assert.deepEqual(
      (await load())
        .people()
        .map((p) => p.name)
        .sort(),
      ['Kim', 'Lee'],
    );
    assert.equal(await one.unlock('the setting changed'), false, 'an unlocked store has nothing to take back');
  });
});
