/**
 * Property-based tests of the tracker: random sequences of everything a lead can do, checking after
 * every step that nothing is lost or duplicated and that what is stored is what is shown.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from '../../src/domain/dates';
import { validateStoredDelegation, type Delegation } from '../../src/domain/delegation';
import type { DelegationLevel } from '../../src/domain/delegationLevels';
import { DelegationStore, readStoredDelegations } from '../../src/domain/delegationStore';
import { parseImport, toExportJson } from '../../src/domain/exchange';
import { day, FakeClock, MemoryStorage, sequentialIds } from '../support/fakes';

type Op =
  | { op: 'log'; task: string; person: string; level: DelegationLevel; days: number }
  | { op: 'checkIn'; pick: number; note: string; days: number }
  | { op: 'edit'; pick: number; field: 'task' | 'person' | 'note'; value: string }
  | { op: 'level'; pick: number; level: DelegationLevel }
  | { op: 'done'; pick: number }
  | { op: 'reopen'; pick: number }
  | { op: 'delete'; pick: number }
  | { op: 'undo' }
  | { op: 'roundTrip' }
  | { op: 'importEdited'; pick: number; task: string }
  | { op: 'nextDay' };

const text = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
const level = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<DelegationLevel>;
const pick = fc.nat(50);

const ops: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('log' as const), task: text, person: fc.constantFrom('Sam', 'Ana', 'Lee', 'sam', '"><b>x</b>'), level, days: fc.integer({ min: 0, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('checkIn' as const), pick, note: fc.string({ maxLength: 20 }), days: fc.integer({ min: 0, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('edit' as const), pick, field: fc.constantFrom('task' as const, 'person' as const, 'note' as const), value: text }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('level' as const), pick, level }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('done' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reopen' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick }) },
  { weight: 2, arbitrary: fc.constant({ op: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'roundTrip' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('importEdited' as const), pick, task: text }) },
  { weight: 1, arbitrary: fc.constant({ op: 'nextDay' as const }) },
);

type Undo = { kind: 'restore'; record: Delegation; expectIds: ReadonlySet<string> } | { kind: 'replaceAll'; records: readonly Delegation[] };

async function runSequence(sequence: readonly Op[]): Promise<void> {
  const storage = new MemoryStorage();
  const clock = new FakeClock('2026-11-24');
  const keys = { delegations: 'techLead.delegations', keptAside: 'techLead.delegations.keptAside' };
  const store = await DelegationStore.load(storage, keys, clock, sequentialIds());
  /** The model: which ids the tracker must hold. */
  let ids = new Set<string>();
  const undo: Undo[] = [];
  let today = day('2026-11-24');
  const target = (n: number): Delegation | undefined => store.all()[n % Math.max(1, store.all().length)];

  for (const step of sequence) {
    const before = new Map(store.all().map((d) => [d.id, d]));
    switch (step.op) {
      case 'log': {
        const d = await store.log({ task: step.task, person: step.person, level: step.level, followUpOn: addDays(today, step.days) });
        assert.ok(!ids.has(d.id), 'a new delegation reused an id');
        ids.add(d.id);
        break;
      }
      case 'checkIn': {
        const d = target(step.pick);
        if (d) {
          const after = await store.checkIn(d.id, step.note.trim() || undefined, addDays(today, step.days));
          assert.ok(after && after.history.length > d.history.length, 'a check-in left no trace');
        }
        break;
      }
      case 'edit': {
        const d = target(step.pick);
        if (d) {
          await store.edit(d.id, step.field, step.value);
          assert.equal(store.get(d.id)?.[step.field], step.value);
        }
        break;
      }
      case 'level': {
        const d = target(step.pick);
        if (d) {
          await store.changeLevel(d.id, step.level);
          assert.equal(store.get(d.id)?.level, step.level);
        }
        break;
      }
      case 'done': {
        const d = target(step.pick);
        if (d && d.doneOn === undefined) {
          await store.markDone(d.id);
          assert.equal(store.get(d.id)?.doneOn, today);
          undo.push({ kind: 'restore', record: d, expectIds: new Set(ids) });
        }
        break;
      }
      case 'reopen': {
        const d = target(step.pick);
        if (d) {
          await store.reopen(d.id);
          assert.equal(store.get(d.id)?.doneOn, undefined);
        }
        break;
      }
      case 'delete': {
        const d = target(step.pick);
        if (d) {
          const removed = await store.delete(d.id);
          assert.deepEqual(removed, d);
          ids.delete(d.id);
          undo.push({ kind: 'restore', record: d, expectIds: new Set([...ids, d.id]) });
        }
        break;
      }
      case 'undo': {
        const last = undo.pop();
        if (last?.kind === 'restore') {
          await store.restore(last.record);
          ids.add(last.record.id);
          assert.deepEqual(store.get(last.record.id), last.record);
        } else if (last?.kind === 'replaceAll') {
          await store.replaceAll(last.records);
          ids = new Set(last.records.map((d) => d.id));
          assert.deepEqual(store.all(), last.records);
        }
        break;
      }
      case 'roundTrip': {
        const parsed = parseImport(toExportJson(store.all(), today));
        assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
        const result = await store.importMerge(parsed.delegations);
        assert.deepEqual([result.added, result.updated, result.unchanged], [0, 0, before.size], 'a round trip changed something');
        break;
      }
      case 'importEdited': {
        const d = target(step.pick);
        if (d) {
          const edited = { ...d, task: `${step.task} (imported)` };
          const parsed = parseImport(toExportJson([edited], today));
          assert.ok(parsed.ok);
          const result = await store.importMerge(parsed.delegations);
          assert.deepEqual([result.added, result.updated], [0, 1]);
          undo.push({ kind: 'replaceAll', records: result.before });
        }
        break;
      }
      case 'nextDay': {
        today = addDays(today, 1);
        clock.setDay(today);
        break;
      }
    }
    // Invariants after every step.
    const all = store.all();
    const shown = all.map((d) => d.id);
    assert.equal(new Set(shown).size, shown.length, 'duplicate ids');
    assert.deepEqual(new Set(shown), ids, 'the tracker lost or gained a delegation');
    for (const d of all) {
      assert.ok(validateStoredDelegation(JSON.parse(JSON.stringify(d))).ok, `an invalid record: ${JSON.stringify(d)}`);
      assert.equal(d.doneOn === undefined, d.history.filter((e) => e.kind === 'done').length <= d.history.filter((e) => e.kind === 'reopened').length);
    }
    await store.flushed();
    const stored = readStoredDelegations(storage.get(keys.delegations));
    assert.deepEqual(stored.keptAside, [], 'storage holds something unreadable');
    assert.deepEqual(stored.delegations, all, 'storage differs from what is shown');
  }
}

describe('tracker properties', function () {
  this.timeout(120_000);

  it('never loses or duplicates a delegation, and storage always matches (1,000 random sequences)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ops, { minLength: 1, maxLength: 25 }), (sequence) => runSequence(sequence)),
      { numRuns: 1000 },
    );
  });
});
