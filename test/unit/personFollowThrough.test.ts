/**
 * The person page's open delegations with what moved in their code (the repository signals, when
 * on): the follow-through lines and the question go into the model as text, and a passed follow-up
 * whose work moves is not overdue there, nor in "What is due" of the next 1:1.
 */
import * as assert from 'node:assert/strict';
import type { FollowThroughView } from '../../src/domain/signals/delegationSignals';
import { createDelegation, type Delegation } from '../../src/domain/team/delegations';
import { EMPTY_TEAM, type TeamData } from '../../src/domain/team/kinds';
import { buildPersonModel } from '../../src/team/lazy/personModel';
import { day } from '../support/fakes';

const today = day('2026-11-24');
const moving = createDelegation(
  'd-moving',
  { task: 'Billing export', level: 6, followUpOn: day('2026-11-20') },
  'p-ana',
  day('2026-11-02'),
);
const stalled = createDelegation(
  'd-stalled',
  { task: 'On-call guide', level: 6, followUpOn: day('2026-11-21') },
  'p-ana',
  day('2026-11-02'),
);
const plain = createDelegation('d-plain', { task: 'Retro', level: 3, followUpOn: day('2026-11-22') }, 'p-ana', day('2026-11-02'));
const data: TeamData = {
  ...EMPTY_TEAM,
  people: [{ id: 'p-ana', name: 'Ana', cadenceDays: 14, addedOn: day('2026-11-01') }],
  delegations: [moving, stalled, plain],
};

const views: Record<string, FollowThroughView> = {
  'd-moving': {
    area: 'billing/',
    line: '5 commits by Ana in billing/ since Mon 2 Nov; last 2 days ago.',
    sinceCheckIn: '2 commits by Ana in billing/ since Thu 19 Nov; last 2 days ago.',
    moving: 'Moving: changed 2 days ago',
    takenBack: [],
  },
  'd-stalled': {
    area: 'docs/',
    line: 'No commits by Ana in docs/ since Mon 2 Nov.',
    takenBack: ['You committed there 3 times.'],
    question: "Is this still Ana's to do?",
  },
};
const codeOf = (d: Delegation): FollowThroughView | undefined => views[d.id];

describe('person page: follow-through of open delegations', () => {
  it('puts the lines, the moving state and the question of each linked delegation in the model', () => {
    const model = buildPersonModel(data, 'p-ana', today, [], undefined, codeOf);
    assert.ok(model !== undefined);
    const byId = new Map(model.openDelegations.map((d) => [d.id, d]));
    assert.deepEqual(byId.get('d-moving')?.code, {
      moving: 'Moving: changed 2 days ago',
      lines: [views['d-moving']?.line, views['d-moving']?.sinceCheckIn],
    });
    assert.deepEqual(byId.get('d-stalled')?.code, {
      lines: ['No commits by Ana in docs/ since Mon 2 Nov.', 'You committed there 3 times.'],
      question: "Is this still Ana's to do?",
    });
    assert.equal(byId.get('d-plain')?.code, undefined, 'a delegation without code has no such part');
  });

  it('a passed follow-up whose work moves is not overdue, and "What is due" leaves it out; the others stay overdue', () => {
    const model = buildPersonModel(data, 'p-ana', today, [], undefined, codeOf);
    assert.ok(model !== undefined);
    const overdue = Object.fromEntries(model.openDelegations.map((d) => [d.id, d.overdue]));
    assert.deepEqual(overdue, { 'd-moving': false, 'd-stalled': true, 'd-plain': true });
    assert.ok(!model.prepare.due.some((line) => line.includes('Billing export')));
    assert.ok(model.prepare.due.some((line) => line.includes('On-call guide')));
  });

  it('without the signals, nothing changes: every passed follow-up is overdue and no code part is sent', () => {
    const model = buildPersonModel(data, 'p-ana', today, []);
    assert.ok(model !== undefined);
    assert.ok(model.openDelegations.every((d) => d.overdue && d.code === undefined));
  });
});
