/**
 * Property-based tests of the tracker: random sequences of everything a lead can do, with Undo of
 * any earlier change at any point and storage refusing writes at random steps, checking after every
 * step that nothing is lost or duplicated, that an Undo reverses only its own change, and that what
 * is stored is exactly what is shown.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from '../../src/domain/dates';
import { validateStoredDelegation, validateTask, type Delegation } from '../../src/domain/delegation';
import type { DelegationLevel } from '../../src/domain/delegationLevels';
import { DelegationStore, undoDelete, undoLog, undoMarkDone, type Undoable } from '../../src/domain/delegationStore';
import { parseImport, toExportJson } from '../../src/domain/exchange';
import { day, FakeClock, MemoryStorage, readStored, sequentialIds } from '../support/fakes';

type Op =
  | { op: 'log'; task: string; person: string; level: DelegationLevel; days: number }
  | { op: 'checkIn'; pick: number; note: string; days: number }
  | { op: 'edit'; pick: number; field: 'task' | 'person' | 'note'; value: string }
  | { op: 'level'; pick: number; level: DelegationLevel }
  | { op: 'done'; pick: number }
  | { op: 'reopen'; pick: number }
  | { op: 'delete'; pick: number }
  | { op: 'undo'; pick: number }
  | { op: 'roundTrip' }
  | { op: 'importEdited'; pick: number; task: string }
  | { op: 'nextDay' };

/** Text as the validators leave it (what the commands hand the store). */
const text = fc
  .string({ minLength: 1, maxLength: 30 })
  .map((s) => validateTask(s))
  .filter((v): v is { ok: true; value: string } => v.ok)
  .map((v) => v.value);
const level = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<DelegationLevel>;
const pick = fc.nat(50);

const ops: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('log' as const), task: text, person: fc.constantFrom('Sam', 'Ana', 'Lee', 'sam', '"><b>x</b>', '[Click me](command:workbench.action.toggleZenMode)'), level, days: fc.integer({ min: 0, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('checkIn' as const), pick, note: fc.string({ maxLength: 20 }), days: fc.integer({ min: 0, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('edit' as const), pick, field: fc.constantFrom('task' as const, 'person' as const, 'note' as const), value: text }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('level' as const), pick, level }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('done' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reopen' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('undo' as const), pick }) },
  { weight: 1, arbitrary: fc.constant({ op: 'roundTrip' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('importEdited' as const), pick, task: text }) },
  { weight: 1, arbitrary: fc.constant({ op: 'nextDay' as const }) },
);

type Field = 'exists' | 'task' | 'person' | 'note' | 'level' | 'followUpOn' | 'doneOn' | 'history';
const FIELDS: readonly Field[] = ['exists', 'task', 'person', 'note', 'level', 'followUpOn', 'doneOn', 'history'];

/** What the model knows of one field: its value and the step that last wrote it. */
interface Written {
  readonly value: unknown;
  readonly at: number;
}

function valueOf(d: Delegation | undefined, field: Field): unknown {
  if (field === 'exists') {
    return d !== undefined;
  }
  return d === undefined ? undefined : d[field];
}

/** An Undo offered at step `at`, and what the change it undoes wrote. */
interface Offered {
  readonly at: number;
  readonly undo: Undoable;
  readonly kind: 'log' | 'done' | 'delete' | 'import';
  readonly id: string;
  /** For an import: the values the record had before it. */
  readonly before?: Delegation;
  /** The record right after the change (undefined once deleted). */
  readonly after: Delegation | undefined;
}

async function runSequence(sequence: readonly Op[], failures: readonly boolean[]): Promise<void> {
  const storage = new MemoryStorage();
  const clock = new FakeClock('2026-11-24');
  const keys = { delegations: 'techLead.delegations', keptAside: 'techLead.delegations.keptAside' };
  const store = await DelegationStore.load(storage, keys, clock, sequentialIds());
  /** The model: per record, per field, the value the latest successful change wrote and when. */
  const model = new Map<string, Map<Field, Written>>();
  const offered: Offered[] = [];
  let today = day('2026-11-24');
  const target = (n: number): Delegation | undefined => store.all()[n % Math.max(1, store.all().length)];
  /** Records in the model every field of `id` that now differs from what the model holds, as written at `at`. */
  const observe = (id: string, at: number): void => {
    const fields = model.get(id) ?? new Map<Field, Written>();
    model.set(id, fields);
    const current = store.get(id);
    // A deleted record keeps its last values in the model: putting it back changes only `exists`.
    for (const field of current === undefined ? (['exists'] as const) : FIELDS) {
      const value = valueOf(current, field);
      if (!fields.has(field) || JSON.stringify(fields.get(field)?.value) !== JSON.stringify(value)) {
        fields.set(field, { value, at });
      }
    }
  };

  for (const [at, step] of sequence.entries()) {
    const failThisStep = failures[at] === true;
    storage.failNext = failThisStep;
    const writesBefore = storage.writes.length;
    const shownBefore = store.all();
    let failed = false;
    try {
      switch (step.op) {
        case 'log': {
          const d = await store.log({ task: step.task, person: step.person, level: step.level, followUpOn: addDays(today, step.days) });
          assert.ok(!model.get(d.id)?.get('exists')?.value, 'a new delegation reused an id');
          observe(d.id, at);
          offered.push({ at, undo: undoLog(d), kind: 'log', id: d.id, after: d });
          break;
        }
        case 'checkIn': {
          const d = target(step.pick);
          if (d && d.doneOn === undefined) {
            const after = await store.checkIn(d.id, step.note.trim() || undefined, addDays(today, step.days));
            assert.ok(after && after.history.length > d.history.length, 'a check-in left no trace');
            observe(d.id, at);
          } else if (d) {
            await assert.rejects(store.checkIn(d.id, undefined, today), /is done; reopen it/);
          }
          break;
        }
        case 'edit': {
          const d = target(step.pick);
          if (d) {
            await store.edit(d.id, step.field, step.value);
            assert.equal(store.get(d.id)?.[step.field], step.value);
            observe(d.id, at);
          }
          break;
        }
        case 'level': {
          const d = target(step.pick);
          if (d) {
            await store.changeLevel(d.id, step.level);
            assert.equal(store.get(d.id)?.level, step.level);
            observe(d.id, at);
          }
          break;
        }
        case 'done': {
          const d = target(step.pick);
          if (d && d.doneOn === undefined) {
            const done = await store.markDone(d.id);
            assert.equal(done?.doneOn, today);
            observe(d.id, at);
            offered.push({ at, undo: undoMarkDone(d), kind: 'done', id: d.id, after: done });
          }
          break;
        }
        case 'reopen': {
          const d = target(step.pick);
          if (d) {
            await store.reopen(d.id);
            assert.equal(store.get(d.id)?.doneOn, undefined);
            observe(d.id, at);
          }
          break;
        }
        case 'delete': {
          const d = target(step.pick);
          if (d) {
            const removed = await store.delete(d.id);
            assert.deepEqual(removed, d);
            observe(d.id, at);
            offered.push({ at, undo: undoDelete(d), kind: 'delete', id: d.id, after: undefined });
          }
          break;
        }
        case 'undo': {
          // Any Undo still on screen, not only the latest: notifications stay clickable.
          const chosen = offered.length === 0 ? undefined : offered.splice(step.pick % offered.length, 1)[0];
          if (!chosen) {
            break;
          }
          const fields = model.get(chosen.id);
          assert.ok(fields);
          const beforeUndo = store.get(chosen.id);
          // What was written after the undone change, and is there now (the model matches the store).
          // A field set back to the value the change left is not a later change.
          const laterWrites =
            beforeUndo === undefined
              ? []
              : [...fields.entries()].filter(([field, w]) => w.at > chosen.at && JSON.stringify(w.value) !== JSON.stringify(valueOf(chosen.after, field)));
          let result;
          try {
            result = await store.undo(chosen.undo);
          } catch (error) {
            offered.push(chosen); // the Undo failed to save: still offered
            throw error;
          }
          const current = store.get(chosen.id);
          // Nothing written after the undone change is lost.
          for (const [field, written] of laterWrites) {
            if (chosen.kind === 'delete' && field === 'exists') {
              continue; // re-adding is the Undo; a later delete of the same id cannot happen
            }
            if (chosen.kind === 'done' && (field === 'doneOn' || field === 'exists')) {
              continue;
            }
            if (chosen.kind === 'log' && field === 'exists') {
              continue; // deleted and put back since: as logged again, so its Undo may remove it
            }
            const now = valueOf(current, field);
            const message: string = `the Undo of ${chosen.kind} (step ${chosen.at}) lost the later change of ${field} (step ${written.at})`;
            if (field === 'history') {
              // An Undo may add to the history (a reopen), never take away what came after.
              const later = written.value as unknown[];
              assert.deepEqual((now as unknown[] | undefined)?.slice(0, later.length), later, message);
            } else {
              assert.deepEqual(now, written.value, message);
            }
          }
          // And the undone change itself is reversed wherever nothing changed it since.
          const untouched = (field: Field): boolean => (fields.get(field)?.at ?? -1) <= chosen.at;
          if (chosen.kind === 'log' && FIELDS.every(untouched)) {
            assert.equal(current, undefined, 'Undo of Log left the record');
          }
          if (chosen.kind === 'done' && fields.get('exists')?.value === true) {
            assert.equal(current?.doneOn, undefined, 'Undo of Mark done left it done');
          }
          if (chosen.kind === 'delete' && untouched('exists')) {
            assert.ok(current, 'Undo of Delete did not put it back');
          }
          if (chosen.kind === 'import' && untouched('task') && fields.get('exists')?.value === true) {
            assert.equal(current?.task, chosen.before?.task, 'Undo of the import left its task');
          }
          assert.ok(result.applied + result.left.length <= chosen.undo.steps.length);
          observe(chosen.id, at);
          break;
        }
        case 'roundTrip': {
          const parsed = parseImport(toExportJson(store.all(), today), today);
          assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
          const result = await store.importMerge(parsed.delegations);
          assert.deepEqual([result.added, result.updated, result.unchanged], [0, 0, shownBefore.length], 'a round trip changed something');
          break;
        }
        case 'importEdited': {
          const d = target(step.pick);
          if (d) {
            const edited = { ...d, task: `${step.task} (imported)`.slice(0, 200) };
            const parsed = parseImport(toExportJson([edited], today), today);
            assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
            const result = await store.importMerge(parsed.delegations);
            assert.deepEqual([result.added, result.updated, result.unchanged], edited.task === d.task ? [0, 0, 1] : [0, 1, 0]);
            observe(d.id, at);
            offered.push({ at, undo: result.undo, kind: 'import', id: d.id, before: d, after: store.get(d.id) });
          }
          break;
        }
        case 'nextDay': {
          today = addDays(today, 1);
          clock.setDay(today);
          break;
        }
      }
    } catch (error) {
      // Only an injected storage failure may make a step fail, and then it must leave no trace.
      assert.ok(failThisStep, `step ${at} (${step.op}) failed without an injected fault: ${String(error)}`);
      assert.match(String(error), /could not be saved \(disk full\)\. Nothing was changed/);
      assert.deepEqual(store.all(), shownBefore, 'a failed write changed what is shown');
      assert.equal(storage.writes.length, writesBefore, 'a failed write reached storage');
      failed = true;
    }
    storage.failNext = false;
    if (failThisStep && !failed) {
      assert.equal(storage.writes.length, writesBefore, 'a write succeeded although storage was failing');
    }
    // Invariants after every step.
    const all = store.all();
    const shown = all.map((d) => d.id);
    assert.equal(new Set(shown).size, shown.length, 'duplicate ids');
    const expected = [...model.entries()].filter(([, f]) => f.get('exists')?.value === true).map(([id]) => id);
    assert.deepEqual(new Set(shown), new Set(expected), 'the tracker lost or gained a delegation');
    for (const d of all) {
      assert.ok(validateStoredDelegation(JSON.parse(JSON.stringify(d)), today).ok, `an invalid record: ${JSON.stringify(d)}`);
      for (const field of FIELDS) {
        assert.deepEqual(valueOf(d, field), model.get(d.id)?.get(field)?.value, `${field} of ${d.id} differs from the model`);
      }
    }
    await store.flushed();
    const stored = readStored(storage.get(keys.delegations), today);
    assert.deepEqual(stored.keptAside, [], 'storage holds something unreadable');
    assert.deepEqual(stored.delegations, all, 'storage differs from what is shown');
  }
}

describe('tracker properties', function () {
  this.timeout(300_000);

  it('never loses or duplicates a delegation, Undo reverses only its own change, and storage always matches (1,000 random sequences)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ops, { minLength: 1, maxLength: 25 }), fc.array(fc.boolean(), { maxLength: 25 }), (sequence, failures) =>
        runSequence(sequence, failures.map((f, i) => f && i % 3 === 0)),
      ),
      { numRuns: 1000 },
    );
  });
});
