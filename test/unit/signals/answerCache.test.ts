/**
 * The engine's answer caches: a delegation's follow-through kept while its key holds and computed
 * again when anything it depends on changes; the knowledge islands computed in slices, never on the
 * caller's call, the last reading kept, a newer key stopping the work under way.
 */
import * as assert from 'node:assert/strict';
import type { DateKey } from '../../../src/domain/core/dates';
import { FollowThroughCache, followThroughKey, SlicedIslands, type AnswerContext } from '../../../src/domain/signals/answerCache';
import type { FollowThroughView } from '../../../src/domain/signals/delegationSignals';
import type { IslandReading } from '../../../src/domain/signals/islands';
import type { Delegation } from '../../../src/domain/team/delegations';

const day = (text: string): DateKey => text as DateKey;
const delegation = (extra: Partial<Delegation> = {}): Delegation => ({
  id: 'd-1',
  task: 'Invoices',
  personId: 'p-priya',
  level: 6,
  createdOn: day('2026-05-04'),
  followUpOn: day('2026-05-18'),
  code: { paths: ['billing/'] },
  history: [{ kind: 'created', on: day('2026-05-04') }],
  ...extra,
});
const context: AnswerContext = { history: 100, branches: 0, people: '{}', today: day('2026-05-14') };
const view = (line: string): FollowThroughView => ({ area: 'billing/', line, takenBack: [] });

describe('signals: the engine answer caches', () => {
  it('keys a follow-through on everything it depends on', () => {
    const base = followThroughKey(delegation(), 'Priya', context);
    assert.equal(followThroughKey(delegation({ task: 'Renamed', note: 'a note' }), 'Priya', context), base, 'task and note do not matter');
    const changed = [
      followThroughKey(delegation(), 'Priya S.', context),
      followThroughKey(delegation({ id: 'd-2' }), 'Priya', context),
      followThroughKey(delegation({ personId: 'p-sam' }), 'Priya', context),
      followThroughKey(delegation({ level: 5 }), 'Priya', context),
      followThroughKey(delegation({ createdOn: day('2026-05-05') }), 'Priya', context),
      followThroughKey(delegation({ followUpOn: day('2026-05-19') }), 'Priya', context),
      followThroughKey(
        delegation({
          history: [
            { kind: 'created', on: day('2026-05-04') },
            { kind: 'checkIn', on: day('2026-05-11') },
          ],
        }),
        'Priya',
        context,
      ),
      followThroughKey(delegation({ code: { paths: ['billing/', 'docs/'] } }), 'Priya', context),
      followThroughKey(delegation({ code: { paths: ['billing/'], branch: 'x' } }), 'Priya', context),
      followThroughKey(delegation(), 'Priya', { ...context, history: 101 }),
      followThroughKey(delegation(), 'Priya', { ...context, branches: 1 }),
      followThroughKey(delegation(), 'Priya', { ...context, people: '{"p":[]}' }),
      followThroughKey(delegation(), 'Priya', { ...context, today: day('2026-05-15') }),
    ];
    changed.forEach((key, n) => assert.notEqual(key, base, `change ${n}`));
    assert.equal(new Set(changed).size, changed.length);
  });

  it('computes a view once per key, and again when the key changes', () => {
    const cache = new FollowThroughCache();
    let computed = 0;
    const compute = (): FollowThroughView => view(`line ${++computed}`);
    assert.equal(cache.view(delegation(), 'Priya', context, compute)?.line, 'line 1');
    assert.equal(cache.view(delegation(), 'Priya', context, compute)?.line, 'line 1');
    assert.equal(cache.view(delegation(), 'Priya', { ...context, history: 101 }, compute)?.line, 'line 2');
    assert.equal(
      cache.view(delegation({ id: 'd-2', code: {} }), 'Priya', context, () => undefined),
      undefined,
    );
    assert.equal(cache.view(delegation({ id: 'd-2', code: {} }), 'Priya', context, compute), undefined, 'undefined is kept too');
    assert.equal(cache.size, 2);
  });

  it('computes the islands in slices, after the call, keeping the last reading', async () => {
    let ready = 0;
    const islands = new SlicedIslands(
      () => (ready += 1),
      (error) => assert.fail(String(error)),
      0,
    );
    const log: string[] = [];
    // Read through functions: an assertion would narrow the getter and the array for good.
    const depth = (): number | undefined => islands.reading?.depth;
    const logged = (): readonly string[] => log;
    function* work(name: string, steps: number): Generator<undefined, IslandReading, void> {
      for (let k = 0; k < steps; k++) {
        log.push(`${name}${k}`);
        yield;
      }
      return { depth: steps, islands: [] };
    }
    islands.want('k1', () => work('a', 3));
    assert.deepEqual(logged(), [], 'no step runs on the call');
    assert.equal(depth(), undefined);
    assert.equal(islands.busy, true);
    islands.want('k1', () => work('again', 3));
    await islands.settled();
    assert.deepEqual(logged(), ['a0', 'a1', 'a2'], 'each step in its own slice with a budget of 0, and one run per key');
    assert.equal(islands.readyFor('k1'), true);
    assert.equal(depth(), 3);
    assert.equal(ready, 1);

    // A newer key stops the work under way; the last reading stays until the new one is ready.
    log.length = 0;
    islands.want('k2', () => work('b', 50));
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
    islands.want('k3', () => work('c', 2));
    assert.equal(depth(), 3);
    assert.equal(islands.readyFor('k3'), false);
    await islands.settled();
    assert.equal(islands.readyFor('k3'), true);
    assert.equal(depth(), 2);
    assert.ok(logged().filter((l) => l.startsWith('b')).length < 50, 'the stopped work did not run to its end');
    assert.equal(ready, 2);

    islands.dispose();
    islands.want('k4', () => work('d', 1));
    await islands.settled();
    assert.equal(islands.readyFor('k4'), false, 'nothing starts after dispose');
  });

  it('reports an error of the steps', async () => {
    const errors: unknown[] = [];
    const islands = new SlicedIslands(
      () => undefined,
      (error) => errors.push(error),
      0,
    );
    islands.want('k', function* () {
      yield;
      throw new Error('broken');
    });
    await islands.settled();
    assert.equal(errors.length, 1);
    assert.equal(islands.busy, false);
  });
});
