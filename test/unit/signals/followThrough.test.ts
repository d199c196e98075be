/**
 * Follow-through on a generated history with known answers: moves by the delegate, by the lead and
 * by others, since the delegation and since the last check-in; renames into and out of the area;
 * "moving" at levels 6–7 and its absence when work stalled or only the lead moved it; work taken
 * back at levels 1–3; a linked branch; bots left out.
 */
import * as assert from 'node:assert/strict';
import type { DateKey } from '../../../src/domain/core/dates';
import { followThrough, type DelegationInCode, type SignalPeople } from '../../../src/domain/signals/followThrough';
import { identityKeyOf } from '../../../src/domain/signals/history';
import { commit, historyOf, instantOf } from './generated';

const day = (text: string): DateKey => text as DateKey;
const utcDayStart = (d: DateKey): number => instantOf(`${d}T00:00`, 'Z');
const NOW = instantOf('2026-05-14T12:00', 'Z');
const people: SignalPeople = {
  links: {
    'p-priya': [identityKeyOf('Priya Sharma', 'priya.sharma@example.com')],
    'p-sam': [identityKeyOf('Sam Lee', 'sam.lee@example.com')],
  },
  lead: new Set([identityKeyOf('Jo Lead', 'jo.lead@example.com')]),
};
const PRIYA = 'Priya Sharma';
const SAM = 'Sam Lee';
const LEAD = 'Jo Lead';
const at = (author: string, local: string, files: (string | [string, string])[], email?: string) =>
  commit({ author, local: `${local}T10:00`, files, ...(email === undefined ? {} : { email }) });

const commits = [
  at(PRIYA, '2026-05-01', ['billing/early.ts']),
  at(PRIYA, '2026-05-05', ['billing/a.ts']),
  at(LEAD, '2026-05-06', ['billing/c.ts']),
  at(SAM, '2026-05-07', ['billing/d.ts']),
  at(SAM, '2026-05-08', [['auth/helper.ts', 'billing/helper.ts']]),
  at(PRIYA, '2026-05-09', [['billing/pdf.ts', 'docs/pdf.ts']]),
  at(PRIYA, '2026-05-12', ['billing/b.ts']),
  at(LEAD, '2026-05-12', ['billing/c.ts']),
  at(SAM, '2026-05-12', ['auth/x.ts']),
  at('dependabot[bot]', '2026-05-12', ['billing/package.json'], '49699333+dependabot[bot]@users.noreply.github.com'),
  commit({ author: PRIYA, local: '2026-05-12T16:00', parents: 2 }),
  at(LEAD, '2026-05-13', ['billing/c.ts']),
  at(PRIYA, '2026-05-13', ['docs/pdf.ts']),
];
const history = historyOf(commits);

const delegation = (extra: Partial<DelegationInCode> = {}): DelegationInCode => ({
  delegateId: 'p-priya',
  level: 6,
  createdOn: day('2026-05-04'),
  lastCheckInOn: day('2026-05-11'),
  followUpOn: day('2026-05-18'),
  code: { paths: ['billing/'] },
  ...extra,
});

describe('signals: follow-through of delegations', () => {
  it('counts commits in the area by the delegate, the lead and others, since delegated and since the last check-in', () => {
    const result = followThrough(history, delegation(), people, NOW, { dayStart: utcDayStart });
    assert.ok(result !== undefined);
    assert.deepEqual(
      [result.sinceDelegated.byDelegate, result.sinceDelegated.byLead, result.sinceDelegated.byOthers],
      [4, 3, 2],
      'delegate: 5, 9 (renamed out), 12, 13 (followed); lead: 6, 12, 13; others: Sam 7, 8 (renamed in); not the bot, the merge or 1 May',
    );
    assert.deepEqual([result.sinceCheckIn.byDelegate, result.sinceCheckIn.byLead, result.sinceCheckIn.byOthers], [2, 2, 0]);
    assert.equal(result.sinceCheckIn.lastByDelegateAt, instantOf('2026-05-13T10:00', 'Z'));
    assert.equal(result.sinceDelegated.lastAt, instantOf('2026-05-13T10:00', 'Z'));
  });

  it('follows a file renamed out of the area to its new name, and counts a file renamed into it', () => {
    const result = followThrough(history, delegation(), people, NOW, { dayStart: utcDayStart });
    assert.deepEqual(result?.followed, ['billing/', 'docs/pdf.ts']);
    const beforeRename = followThrough(
      history,
      delegation({ createdOn: day('2026-05-10'), lastCheckInOn: day('2026-05-10') }),
      people,
      NOW,
      { dayStart: utcDayStart },
    );
    assert.deepEqual(beforeRename?.followed, ['billing/'], 'a rename before the delegation is not followed');
    assert.equal(beforeRename?.sinceDelegated.byDelegate, 1);
  });

  it('shows work as moving at levels 6–7 when someone other than the lead changed it within the follow-up interval since the check-in', () => {
    assert.equal(followThrough(history, delegation(), people, NOW, { dayStart: utcDayStart })?.moving, true);
    assert.equal(followThrough(history, delegation({ level: 7 }), people, NOW, { dayStart: utcDayStart })?.moving, true);
    assert.equal(
      followThrough(history, delegation({ level: 5 }), people, NOW, { dayStart: utcDayStart })?.moving,
      false,
      'only at levels 6 and 7',
    );
    const stalled = followThrough(history, delegation(), people, instantOf('2026-06-10T12:00', 'Z'), { dayStart: utcDayStart });
    assert.equal(stalled?.moving, false, 'the last change is older than the 7-day interval');
    const onlyLead = followThrough(
      history,
      delegation({ lastCheckInOn: day('2026-05-13'), code: { paths: ['billing/c.ts'] } }),
      people,
      NOW,
      { dayStart: utcDayStart },
    );
    assert.deepEqual([onlyLead?.sinceCheckIn.byLead, onlyLead?.moving], [1, false], 'the lead moving it is not the delegation moving');
  });

  it('notes work taken back at levels 1–3: by the lead and by others', () => {
    const tell = followThrough(history, delegation({ level: 2 }), people, NOW, { dayStart: utcDayStart });
    assert.deepEqual(tell?.takenBack, { byLead: 3, byOthers: 2 });
    assert.equal(tell?.moving, false);
    const own = followThrough(history, delegation({ level: 3, code: { paths: ['billing/a.ts', 'billing/b.ts'] } }), people, NOW, {
      dayStart: utcDayStart,
    });
    assert.equal(own?.takenBack, undefined, 'only the delegate worked there');
    assert.equal(own?.sinceDelegated.byDelegate, 2);
    assert.equal(followThrough(history, delegation({ level: 4 }), people, NOW, { dayStart: utcDayStart })?.takenBack, undefined);
  });

  it('counts the commits of a linked branch, once, and nothing for a delegation without code', () => {
    const branch = historyOf([
      at(PRIYA, '2026-05-12', ['web/checkout.ts']),
      at(PRIYA, '2026-05-13', ['web/checkout.ts']),
      at(PRIYA, '2026-05-02', ['web/old.ts']),
    ]);
    const linked = delegation({ code: { branch: 'priya/checkout' } });
    const result = followThrough(history, linked, people, NOW, { dayStart: utcDayStart, branch });
    assert.deepEqual([result?.sinceDelegated.byDelegate, result?.sinceCheckIn.byDelegate, result?.moving], [2, 2, true]);
    // With paths and a branch: the area on the main line, and the branch's own commits once
    // (a branch commit the history holds too, as when HEAD is the branch, is not counted twice).
    const inArea = commits[12];
    const elsewhere = commits[6];
    assert.ok(inArea !== undefined && elsewhere !== undefined);
    const both = followThrough(history, { ...linked, code: { branch: 'priya/checkout', paths: ['docs/'] } }, people, NOW, {
      dayStart: utcDayStart,
      branch: historyOf([inArea, elsewhere, at(PRIYA, '2026-05-12', ['web/cart.ts'])]),
    });
    assert.equal(
      both?.sinceDelegated.byDelegate,
      4,
      'docs/ on 9 and 13 May (the 13th also on the branch, once), billing/b.ts and the new commit of the branch',
    );
    assert.equal(followThrough(history, delegation({ code: {} }), people, NOW), undefined);
    assert.equal(followThrough(history, delegation({ code: { paths: [] } }), people, NOW), undefined);
  });
});
