/**
 * Today's nudge may become a check-in with a person whose pace signal fired: by name, phrased as
 * care and a question, never with the count; after the overdue follow-ups and 1:1s, before the
 * catalogue's pick; never for an archived person or someone not in the team.
 */
import * as assert from 'node:assert/strict';
import { EMPTY_PROGRESS, pickNudgeForDay, type Nudge, type NudgeContext } from '../../../src/domain/coach/nudges';
import { createDelegation } from '../../../src/domain/team/delegations';
import type { Person } from '../../../src/domain/team/people';
import { day } from '../../support/fakes';

const catalogue: Nudge[] = [{ id: 'trust-1', theme: 'trust', short: 'Short', action: 'Do', why: 'Because', lesson: 'check-in' }];
const person = (id: string, name: string, extra: Partial<Person> = {}): Person => ({
  id,
  name,
  cadenceDays: 14,
  addedOn: day('2026-11-20'),
  ...extra,
});

function context(extra: Partial<NudgeContext> = {}): NudgeContext {
  return {
    catalogue,
    themes: [],
    today: day('2026-11-24'),
    delegations: [],
    daysSinceLastDelegated: 1,
    people: [person('p-sam', 'Sam'), person('p-ana', 'Ana')],
    oneOnOnes: [],
    feedback: [],
    ...extra,
  };
}

describe('signals: the check-in nudge', () => {
  it('names the person whose pace signal fired, as a question, without a count', () => {
    const result = pickNudgeForDay(context({ paceCheckIns: ['p-sam'] }), EMPTY_PROGRESS);
    assert.equal(result?.nudge.reason, 'paceCheckIn');
    assert.equal(result?.nudge.personId, 'p-sam');
    assert.match(result?.nudge.short ?? '', /Check in with Sam/);
    assert.match(result?.nudge.action ?? '', /Sam: how is the load at the moment\?/);
    assert.doesNotMatch(`${result?.nudge.action ?? ''} ${result?.nudge.why ?? ''}`, /\d/);
    // Not recorded as a catalogue pick: tomorrow's pick is not used up by it.
    assert.equal(result?.progress, EMPTY_PROGRESS);
  });

  it('is the plain daily pick without a signal, and for archived or unknown people', () => {
    assert.equal(pickNudgeForDay(context(), EMPTY_PROGRESS)?.nudge.reason, 'daily');
    assert.equal(pickNudgeForDay(context({ paceCheckIns: ['p-gone'] }), EMPTY_PROGRESS)?.nudge.reason, 'daily');
    const archived = context({ paceCheckIns: ['p-sam'], people: [person('p-sam', 'Sam', { archived: true })] });
    assert.equal(pickNudgeForDay(archived, EMPTY_PROGRESS)?.nudge.reason, 'daily');
  });

  it('picks the same person all day when two signal, and gives way to an overdue follow-up', () => {
    const both = pickNudgeForDay(context({ paceCheckIns: ['p-sam', 'p-ana'] }), EMPTY_PROGRESS);
    assert.equal(both?.nudge.personId, 'p-ana');
    const overdue = createDelegation('d1', { task: 'Release', level: 4, followUpOn: day('2026-11-22') }, 'p-sam', day('2026-11-20'));
    const withOverdue = pickNudgeForDay(context({ paceCheckIns: ['p-sam'], delegations: [overdue] }), EMPTY_PROGRESS);
    assert.equal(withOverdue?.nudge.reason, 'overdueFollowUp');
  });
});
