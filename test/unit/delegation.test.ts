import * as assert from 'node:assert/strict';
import {
  createDelegation,
  describeFollowUp,
  followUpGroup,
  isOverdue,
  parseLogDelegationArgs,
  validateFollowUp,
  validateStoredDelegation,
  validateStoredDelegationV1,
  validateTask,
  type Delegation,
} from '../../src/domain/team/delegations';
import { parseDelegationLevel } from '../../src/domain/team/delegationLevels';
import { day } from '../support/fakes';

const today = day('2026-11-24');
const defaults = { level: 5 as const, followUpDays: 3 };

function delegation(followUpOn: string, extra: Partial<Delegation> = {}): Delegation {
  return { ...createDelegation('x', { task: 'Run the retro', level: 3, followUpOn: day(followUpOn) }, 'p-sam', today), ...extra };
}

describe('delegation levels', () => {
  it('reads numbers, numeric text and names in any case', () => {
    assert.equal(parseDelegationLevel(3), 3);
    assert.equal(parseDelegationLevel('7'), 7);
    assert.equal(parseDelegationLevel('Consult'), 3);
    assert.equal(parseDelegationLevel(' inquire '), 6);
    assert.equal(parseDelegationLevel(0), undefined);
    assert.equal(parseDelegationLevel(8), undefined);
    assert.equal(parseDelegationLevel(2.5), undefined);
    assert.equal(parseDelegationLevel('boss'), undefined);
  });
});

describe('task validation', () => {
  it('trims and collapses whitespace, and requires 1 to 200 characters', () => {
    assert.deepEqual(validateTask('  Own the\n release  '), { ok: true, value: 'Own the release' });
    assert.equal(validateTask('   ').ok, false);
    assert.equal(validateTask('x'.repeat(200)).ok, true);
    const tooLong = validateTask('x'.repeat(201));
    assert.equal(tooLong.ok, false);
    assert.match(!tooLong.ok ? tooLong.error : '', /200 characters/);
  });
});

describe('follow-up validation', () => {
  it('takes a date or a number of days, never the past, at most a year ahead', () => {
    assert.deepEqual(validateFollowUp('2026-11-24', today), { ok: true, value: '2026-11-24' });
    assert.deepEqual(validateFollowUp(7, today), { ok: true, value: '2026-12-01' });
    assert.equal(validateFollowUp('2026-11-23', today).ok, false);
    assert.equal(validateFollowUp(-1, today).ok, false);
    assert.equal(validateFollowUp(1.5, today).ok, false);
    assert.equal(validateFollowUp('next friday', today).ok, false);
    assert.equal(validateFollowUp('2027-11-25', today).ok, true);
    assert.equal(validateFollowUp('2027-11-26', today).ok, false);
  });

  it('refuses day counts that are not whole numbers from 0 to 3,650, instead of making an invalid date', () => {
    for (const days of [1e9, 3651, Number.MAX_SAFE_INTEGER, Infinity, NaN, -0.5]) {
      const result = validateFollowUp(days, today);
      assert.equal(result.ok, false, String(days));
    }
    assert.match((validateFollowUp(1e9, today) as { error: string }).error, /whole number of days from 0 to 3,650/);
    const args = parseLogDelegationArgs({ task: 'Ship it', person: 'Sam', followUp: 1e9 }, today, defaults);
    assert.equal(args.ok, false);
  });
});

describe('Log delegation command arguments', () => {
  it('accepts a full object and applies the defaults for what is left out', () => {
    const result = parseLogDelegationArgs({ task: ' Review the API ', person: 'Ana' }, today, defaults);
    assert.deepEqual(result, { ok: true, value: { task: 'Review the API', person: 'Ana', level: 5, followUpOn: '2026-11-27' } });
    const full = parseLogDelegationArgs(
      { task: 'Own on-call', person: 'Lee', level: 'agree', followUp: '2026-12-02', note: ' weekly ' },
      today,
      defaults,
    );
    assert.deepEqual(full, { ok: true, value: { task: 'Own on-call', person: 'Lee', level: 4, followUpOn: '2026-12-02', note: 'weekly' } });
  });

  it('reports every problem at once and accepts nothing', () => {
    const result = parseLogDelegationArgs({ task: '', person: 42, level: 9, followUp: '2020-01-01', colour: 'red' }, today, defaults);
    assert.equal(result.ok, false);
    const errors = result.ok ? [] : result.errors;
    assert.equal(errors.length, 5);
    assert.match(errors.join(' '), /Unknown field: colour/);
    assert.match(errors.join(' '), /task cannot be empty/);
    assert.match(errors.join(' '), /person must be a name/);
    assert.match(errors.join(' '), /level must be 1 to 7/);
    assert.match(errors.join(' '), /past/);
  });

  it('normalises names and tasks, and refuses control, bidirectional and stray zero-width characters', () => {
    const ok = parseLogDelegationArgs({ task: 'Cafe\u0301  review', person: ' Ana\tMaria ' }, today, defaults);
    assert.deepEqual(ok.ok && [ok.value.task, ok.value.person], ['Café review', 'Ana Maria']);
    const persian = parseLogDelegationArgs({ task: 'Review', person: 'می\u200Cخواهم' }, today, defaults);
    assert.equal(persian.ok, true, 'a joiner inside a Persian name is part of the name');
    for (const person of ['Sam\u202Eevil', 'Sam\u0000', '\u200BSam', 'Sam\u200D', 'Sam\u2066x\u2069']) {
      const result = parseLogDelegationArgs({ task: 'Review', person }, today, defaults);
      assert.equal(result.ok, false, JSON.stringify(person));
    }
  });

  it('refuses anything that is not a plain object', () => {
    for (const raw of ['Run the retro', 42, [], true]) {
      assert.equal(parseLogDelegationArgs(raw, today, defaults).ok, false, JSON.stringify(raw));
    }
  });
});

describe('follow-up wording and groups', () => {
  const cases: [string, string, string][] = [
    ['2026-11-20', '4 days overdue', 'overdue'],
    ['2026-11-23', '1 day overdue', 'overdue'],
    ['2026-11-24', 'due today', 'thisWeek'],
    ['2026-11-25', 'due tomorrow', 'thisWeek'],
    ['2026-11-30', 'due in 6 days', 'thisWeek'],
    ['2026-12-01', 'due in 7 days', 'later'],
    ['2026-12-07', 'due in 13 days', 'later'],
    ['2026-12-08', 'due Tue 8 Dec', 'later'],
    ['2027-01-05', 'due Tue 5 Jan 2027', 'later'],
  ];
  for (const [followUpOn, words, group] of cases) {
    it(`${followUpOn} reads "${words}" in ${group}`, () => {
      assert.equal(describeFollowUp(delegation(followUpOn), today), words);
      assert.equal(followUpGroup(delegation(followUpOn), today), group);
    });
  }

  it('puts done delegations in Done, whatever their date', () => {
    const done = delegation('2026-11-01', { doneOn: day('2026-11-22') });
    assert.equal(followUpGroup(done, today), 'done');
    assert.equal(describeFollowUp(done, today), 'done Sun 22 Nov');
  });
});

describe('stored record validation', () => {
  const good = delegation('2026-11-30');

  it('accepts a record this version wrote', () => {
    assert.deepEqual(validateStoredDelegation(JSON.parse(JSON.stringify(good)), today), { ok: true, value: good });
  });

  it('names what is wrong with a damaged record', () => {
    const broken: [unknown, RegExp][] = [
      [null, /not an object/],
      [{ ...good, id: '' }, /id/],
      [{ ...good, task: '' }, /task/],
      [{ ...good, task: ' padded ' }, /task/],
      [{ ...good, personId: 7 }, /personId/],
      [{ ...good, personId: 'Sam Lee' }, /personId/],
      // A record of release 0.1, which named the person, is not a version-2 record.
      [{ ...good, person: 'Sam' }, /unknown field "person"/],
      [{ ...good, level: 8 }, /level/],
      [{ ...good, followUpOn: '2026-02-30' }, /date/],
      [{ ...good, doneOn: 'yesterday' }, /done date/],
      [{ ...good, note: 5 }, /note/],
      [{ ...good, history: [{ kind: 'teleported', on: '2026-11-24' }] }, /history/],
    ];
    for (const [raw, reason] of broken) {
      const result = validateStoredDelegation(raw, today);
      assert.equal(result.ok, false, JSON.stringify(raw));
      assert.match(result.ok ? '' : result.error, reason);
    }
  });

  it('reads a record of release 0.1 by the same rules, with the person by name', () => {
    const { personId: _personId, ...rest } = good;
    const v1 = { ...rest, person: 'Sam' };
    assert.deepEqual(validateStoredDelegationV1(JSON.parse(JSON.stringify(v1)), today), { ok: true, value: v1 });
    const broken: [unknown, RegExp][] = [
      [{ ...v1, person: 7 }, /person/],
      [{ ...v1, person: ' Sam ' }, /person/],
      [{ ...v1, person: 'Sam\u202Eevil' }, /person/],
      [{ ...v1, personId: 'p-sam' }, /unknown field "personId"/],
      [{ ...v1, level: 8 }, /level/],
    ];
    for (const [raw, reason] of broken) {
      const result = validateStoredDelegationV1(raw, today);
      assert.equal(result.ok, false, JSON.stringify(raw));
      assert.match(result.ok ? '' : result.error, reason);
    }
  });
});

describe('grouping for the Delegations view', () => {
  it('gives tree items ids that no name can forge', async () => {
    const { treeId } = await import('../../src/domain/team/delegationGroups');
    // Before, a person named "x:delegation:abc" had the id of delegation abc under person x.
    assert.notEqual(treeId('person', 'x:delegation:abc'), treeId('person', 'x', 'delegation', 'abc'));
    assert.notEqual(treeId('person', 'x/delegation/abc'), treeId('person', 'x', 'delegation', 'abc'));
    assert.notEqual(treeId('group', 'overdue'), treeId('person', 'group/overdue'));
    assert.equal(treeId('person', 'sam'), 'person/sam');
  });

  it('groups and orders: soonest first, most recently done first', async () => {
    const { groupByFollowUp } = await import('../../src/domain/team/delegationGroups');
    const make = (id: string, followUpOn: string, doneOn?: string): Delegation => ({
      ...createDelegation(id, { task: `task ${id}`, level: 3, followUpOn: day(followUpOn) }, 'p-sam', day('2026-11-01')),
      ...(doneOn ? { doneOn: day(doneOn) } : {}),
    });
    const groups = groupByFollowUp(
      [
        make('a', '2026-12-20'),
        make('b', '2026-11-25'),
        make('c', '2026-11-20'),
        make('d', '2026-11-24'),
        make('e', '2026-11-01', '2026-11-10'),
        make('f', '2026-11-01', '2026-11-12'),
      ],
      today,
    );
    assert.deepEqual(
      [...groups.entries()].map(([g, list]) => [g, list.map((d) => d.id)]),
      [
        ['overdue', ['c']],
        ['moving', []],
        ['thisWeek', ['d', 'b']],
        ['later', ['a']],
        ['done', ['f', 'e']],
      ],
    );
  });

  it('a passed follow-up whose work moves is grouped as moving, not overdue, and counts as overdue nowhere', async () => {
    const { groupByFollowUp } = await import('../../src/domain/team/delegationGroups');
    const { summarisePeople } = await import('../../src/domain/team/byPerson');
    const make = (id: string, followUpOn: string): Delegation =>
      createDelegation(id, { task: `task ${id}`, level: 6, followUpOn: day(followUpOn) }, 'p-sam', day('2026-11-01'));
    const moving = (d: Delegation): boolean => d.id === 'm';
    const list = [make('m', '2026-11-20'), make('o', '2026-11-19'), make('w', '2026-11-25')];
    const groups = groupByFollowUp(list, today, moving);
    assert.deepEqual(
      groups.get('moving')?.map((d) => d.id),
      ['m'],
    );
    assert.deepEqual(
      groups.get('overdue')?.map((d) => d.id),
      ['o'],
    );
    assert.equal(isOverdue(list[0] as Delegation, today), true, 'without the signals it is overdue as before');
    assert.equal(isOverdue(list[0] as Delegation, today, moving), false);
    assert.equal(
      followUpGroup(list[2] as Delegation, today, () => true),
      'thisWeek',
      'moving changes only a passed follow-up',
    );
    assert.equal(summarisePeople(list, today, () => 'Sam', moving)[0]?.overdue, 1);
  });
});
