/**
 * The worded contract the Delegations view, the person page, the islands list and the Weekly Review
 * read: a delegation's follow-through in words (since delegated, since the last check-in only when
 * there was one, moving at levels 6–7, what others did at levels 1–3 with its question), islands in
 * words with people no longer in the team left out, and the lead's week with its one crowding line.
 */
import * as assert from 'node:assert/strict';
import type { DateKey } from '../../../src/domain/core/dates';
import type { LeadWeek } from '../../../src/domain/signals/balance';
import {
  delegationInCode,
  followThroughView,
  islandViews,
  lastCheckInOn,
  leadWeekView,
} from '../../../src/domain/signals/delegationSignals';
import type { SignalPeople } from '../../../src/domain/signals/followThrough';
import { identityKeyOf } from '../../../src/domain/signals/history';
import type { KnowledgeIsland } from '../../../src/domain/signals/islands';
import type { Delegation } from '../../../src/domain/team/delegations';
import { commit, historyOf, instantOf } from './generated';

const day = (text: string): DateKey => text as DateKey;
const utcDayStart = (d: DateKey): number => instantOf(`${d}T00:00`, 'Z');
const NOW = instantOf('2026-05-14T12:00', 'Z');
const TODAY = day('2026-05-14');
const PRIYA = 'Priya Sharma';
const LEAD = 'Jo Lead';
const people: SignalPeople = {
  links: { 'p-priya': [identityKeyOf(PRIYA, 'priya.sharma@example.com')] },
  lead: new Set([identityKeyOf(LEAD, 'jo.lead@example.com')]),
};
const at = (author: string, local: string, files: string[]) => commit({ author, local: `${local}T10:00`, files });
const history = historyOf([
  at(PRIYA, '2026-05-05', ['billing/a.ts']),
  at(PRIYA, '2026-05-12', ['billing/b.ts']),
  at(LEAD, '2026-05-13', ['billing/c.ts']),
  at(PRIYA, '2026-05-13', ['docs/readme.md']),
]);

function delegation(extra: Partial<Delegation> = {}): Delegation {
  return {
    id: 'd1',
    task: 'Invoice rounding',
    personId: 'p-priya',
    level: 6,
    createdOn: day('2026-05-04'),
    followUpOn: day('2026-05-10'),
    code: { paths: ['billing/'] },
    history: [{ kind: 'created', on: day('2026-05-04') }],
    ...extra,
  };
}

const view = (d: Delegation) => followThroughView(history, d, 'Priya', people, NOW, TODAY, { dayStart: utcDayStart });

describe('signals: the worded follow-through, islands and lead week', () => {
  it('a delegation without code, or with an empty link, has no follow-through', () => {
    const { code: _code, ...bare } = delegation();
    assert.equal(delegationInCode(bare), undefined);
    assert.equal(delegationInCode(delegation({ code: { paths: [] } })), undefined);
    assert.equal(view(bare), undefined);
  });

  it('takes the last check-in from the history, whatever order the events are in', () => {
    const d = delegation({
      history: [
        { kind: 'created', on: day('2026-05-04') },
        { kind: 'checkIn', on: day('2026-05-11') },
        { kind: 'checkIn', on: day('2026-05-08'), note: 'earlier' },
      ],
    });
    assert.equal(lastCheckInOn(d), '2026-05-11');
    assert.equal(delegationInCode(d)?.lastCheckInOn, '2026-05-11');
    assert.equal(lastCheckInOn(delegation()), undefined);
  });

  it('at level 6, work by the delegate since the check-in and within the follow-up interval is moving, and both lines are worded', () => {
    // Checked in on 8 May, follow-up 12 May (passed): an interval of 4 days, and Priya changed billing/ on 12 May.
    const checkedIn = delegation({
      followUpOn: day('2026-05-12'),
      history: [
        { kind: 'created', on: day('2026-05-04') },
        { kind: 'checkIn', on: day('2026-05-08') },
      ],
    });
    const result = view(checkedIn);
    assert.ok(result !== undefined);
    assert.equal(result.area, 'billing/');
    assert.match(result.line, /^2 commits by Priya in billing\/ since .*; last 2 days ago\.$/);
    assert.match(result.sinceCheckIn ?? '', /^1 commit by Priya in billing\/ since .*, 2 days ago\.$/);
    assert.equal(
      result.moving,
      'Moving: changed 2 days ago',
      "Priya's change of 12 May: the lead's own commit of 13 May is not the work moving",
    );
    assert.deepEqual(result.takenBack, []);
    assert.equal(result.question, undefined);
  });

  it('with nothing moved within the follow-up interval, it is not moving (the reminder still fires)', () => {
    // Checked in on 11 May, follow-up 12 May: an interval of 1 day, and nobody but the lead changed billing/ since 13 May noon.
    const stalled = delegation({
      followUpOn: day('2026-05-12'),
      history: [
        { kind: 'created', on: day('2026-05-04') },
        { kind: 'checkIn', on: day('2026-05-11') },
      ],
    });
    assert.equal(view(stalled)?.moving, undefined);
  });

  it('without a check-in, the line since the check-in is left out (it would repeat the first)', () => {
    const result = view(delegation());
    assert.ok(result !== undefined);
    assert.equal(result.sinceCheckIn, undefined);
  });

  it('at level 2, the lead committing in the area is said, with the question that goes with it', () => {
    const result = view(delegation({ level: 2 }));
    assert.ok(result !== undefined);
    assert.equal(result.moving, undefined, 'moving is only for levels 6–7');
    assert.deepEqual(result.takenBack, ['You committed there once.']);
    assert.match(result.question ?? '', /^Is this still Priya's to do\?/);
  });

  it('islands are worded with care, and one whose holder left the team is left out', () => {
    const island = (personId: string | undefined, folder: string): KnowledgeIsland => ({
      folder,
      holder: personId === undefined ? { kind: 'lead' } : { kind: 'person', personId },
      holderChanges: 18,
      changes: 20,
      share: 0.9,
      lastChangeAt: NOW,
    });
    const views = islandViews([island('p-priya', 'billing/'), island('p-gone', 'auth/'), island(undefined, 'infra/')], (id) =>
      id === 'p-priya' ? 'Priya' : undefined,
    );
    assert.deepEqual(
      views.map((v) => v.folder),
      ['billing/', 'infra/'],
    );
    assert.match(views[0]?.text ?? '', /^Priya knows billing\/ best/);
    assert.match(views[0]?.lesson ?? '', /protects Priya too/);
    assert.match(views[1]?.text ?? '', /^You made nearly all the changes in infra\//);
  });

  it("the lead's week says when coding crowded out leading, and only then asks", () => {
    const week: LeadWeek = { commits: 41, merges: 2, reviews: 3, lateDays: 2, lateCommits: 5 };
    const crowded = leadWeekView(week, 0);
    assert.equal(crowded.crowding, 'You made 41 commits and held no 1:1 this week.');
    assert.ok(crowded.question !== undefined);
    assert.deepEqual(crowded.lines, [
      'You made 41 commits this week.',
      'You reviewed 3 commits this week.',
      'You committed late on 2 days this week.',
    ]);
    const balanced = leadWeekView(week, 2);
    assert.equal(balanced.crowding, undefined);
    assert.equal(balanced.question, undefined);
  });
});
