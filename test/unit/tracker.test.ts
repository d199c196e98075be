import * as assert from 'node:assert/strict';
import { EMPTY_TEAM } from '../../src/domain/team/kinds';
import { DEFAULT_CADENCE, readCadence } from '../../src/domain/team/cadence';
import { addDays } from '../../src/domain/core/dates';
import { createDelegation, type Delegation, type DelegationV1 } from '../../src/domain/team/delegations';
import { DELEGATION_LEVELS } from '../../src/domain/team/delegationLevels';
import { EXPORT_FORMAT, parseImport, toExportJson, toMarkdown, toRescueJson } from '../../src/domain/team/exchange';
import { describeEvent } from '../../src/domain/team/delegationHistory';
import { summarisePeople } from '../../src/domain/team/byPerson';
import type { Feedback } from '../../src/domain/team/feedback';
import type { OneOnOne } from '../../src/domain/team/oneOnOnes';
import type { Person } from '../../src/domain/team/people';
import type { TeamData } from '../../src/domain/team/kinds';
import { day, FakeClock, loadTeam, MemoryStorage, readStored, sequentialIds } from '../support/fakes';

const today = day('2026-11-24');

function delegation(id: string, personId: string, followUpOn: string, extra: Partial<Delegation> = {}): Delegation {
  return { ...createDelegation(id, { task: `Task ${id}`, level: 4, followUpOn: day(followUpOn) }, personId, day('2026-11-01')), ...extra };
}

function person(id: string, name: string, extra: Partial<Person> = {}): Person {
  return { id, name, cadenceDays: 14, addedOn: day('2026-11-01'), ...extra };
}

/** The same record as release 0.1 stored and exported it: the person by name. */
function named(d: Delegation, name: string): DelegationV1 {
  const { personId: _personId, ...rest } = d;
  return { ...rest, person: name };
}

describe('follow-up cadence by level', () => {
  it('checks in often at low levels and rarely at high ones', () => {
    const days = DELEGATION_LEVELS.map((l) => DEFAULT_CADENCE[l.level]);
    assert.deepEqual(
      [...days].sort((a, b) => a - b),
      days,
      'cadence grows with the level',
    );
    assert.equal(addDays(today, DEFAULT_CADENCE[5]), '2026-12-01');
  });

  it('reads the setting by level name or number and ignores bad entries', () => {
    const cadence = readCadence({ tell: 1, '7': 30, consult: 0, agree: 'soon', boss: 4, advise: 91 });
    assert.equal(cadence[1], 1);
    assert.equal(cadence[7], 30);
    assert.equal(cadence[3], DEFAULT_CADENCE[3]);
    assert.equal(cadence[4], DEFAULT_CADENCE[4]);
    assert.equal(cadence[5], DEFAULT_CADENCE[5]);
    assert.deepEqual(readCadence('fast'), DEFAULT_CADENCE);
  });
});

describe('history in words', () => {
  it('describes each kind of event', () => {
    assert.equal(
      describeEvent({ kind: 'levelChanged', on: day('2026-03-12'), from: 3, to: 5 }, today),
      'Raised from Consult to Advise on Thu 12 Mar',
    );
    assert.equal(describeEvent({ kind: 'levelChanged', on: today, from: 5, to: 2 }, today), 'Lowered from Advise to Sell on Tue 24 Nov');
    assert.equal(describeEvent({ kind: 'checkIn', on: today, note: 'on track' }, today), 'Checked in on Tue 24 Nov: on track');
    assert.equal(
      describeEvent({ kind: 'followUpChanged', on: today, from: day('2026-11-25'), to: day('2026-12-02') }, today),
      'Follow-up moved from Wed 25 Nov to Wed 2 Dec on Tue 24 Nov',
    );
    assert.equal(describeEvent({ kind: 'reopened', on: today }, today), 'Reopened on Tue 24 Nov');
  });
});

describe('check-ins', () => {
  it('record the note and move the follow-up, both in the history', async () => {
    const storage = new MemoryStorage();
    const store = await loadTeam(storage, new FakeClock('2026-11-24'), sequentialIds());
    const d = (await store.logDelegation({ task: 'Own the release', person: 'Sam', level: 5, followUpOn: day('2026-11-24') })).value;
    const checked = await store.checkIn(d.id, 'going well', day('2026-12-01'));
    assert.equal(checked?.followUpOn, '2026-12-01');
    assert.deepEqual(checked?.history.slice(1), [
      { kind: 'checkIn', on: '2026-11-24', note: 'going well' },
      { kind: 'followUpChanged', on: '2026-11-24', from: '2026-11-24', to: '2026-12-01' },
    ]);
    assert.deepEqual((await readStored(storage)).delegations, store.delegations());
  });
});

describe('people', () => {
  it('counts active, overdue and done per person, busiest first, by id, under their current name', () => {
    const names: Record<string, string> = { 'p-sam': 'Sam', 'p-ana': 'Ana', 'p-lee': 'Lee' };
    const delegations = [
      delegation('1', 'p-sam', '2026-11-20'),
      delegation('2', 'p-sam', '2026-11-30'),
      delegation('3', 'p-ana', '2026-11-30', { doneOn: today }),
      delegation('4', 'p-lee', '2026-12-30'),
    ];
    const people = summarisePeople(delegations, today, (id) => names[id] ?? id);
    assert.deepEqual(
      people.map((p) => [p.personId, p.person, p.active, p.overdue, p.done]),
      [
        ['p-sam', 'Sam', 2, 1, 0],
        ['p-lee', 'Lee', 1, 0, 0],
        ['p-ana', 'Ana', 0, 0, 1],
      ],
    );
    // A rename changes the name shown, never who the work is with.
    const renamed = summarisePeople(delegations, today, (id) => (id === 'p-sam' ? 'Samira' : (names[id] ?? id)));
    assert.deepEqual(renamed.map((p) => [p.personId, p.person, p.active]).slice(0, 1), [['p-sam', 'Samira', 2]]);
  });
});

describe('export and import', () => {
  const people = [person('p-sam', 'Sam'), person('p-ana', 'Ana', { role: 'Staff engineer' }), person('p-kim', 'Kim', { archived: true })];
  const delegations = [delegation('a', 'p-sam', '2026-11-20', { note: 'pipes | and *stars*' }), delegation('b', 'p-ana', '2026-11-30')];
  const oneOnOnes: OneOnOne[] = [
    {
      id: 'm1',
      personId: 'p-sam',
      on: day('2026-11-10'),
      mood: 4,
      notes: 'Private: thinking about a move',
      topics: ['career', 'blockers'],
    },
    { id: 'm2', personId: 'p-ana', on: day('2026-11-20'), topics: [] },
  ];
  const feedback: Feedback[] = [
    {
      id: 'f1',
      personId: 'p-sam',
      on: day('2026-11-12'),
      kind: 'given',
      situation: 'The demo',
      behaviour: 'You took questions calmly',
      impact: 'The client signed',
    },
    { id: 'f2', personId: 'p-ana', on: day('2026-11-13'), kind: 'asked', said: 'More context in reviews', change: 'Write the why first' },
  ];
  const data: TeamData = { ...EMPTY_TEAM, people, delegations, oneOnOnes, feedback };
  const all = delegations;

  it('writes a readable Markdown section per person, escaping what could break it', () => {
    const md = toMarkdown(data, today, { includeNotes: false });
    assert.match(md, /^## Sam$/m);
    assert.match(md, /^## Ana$/m);
    assert.match(md, /^## Kim \(archived\)$/m);
    assert.ok(md.indexOf('## Kim') > md.indexOf('## Sam'), 'archived people come last');
    assert.match(md, /^Staff engineer\.$/m);
    assert.match(md, /\| Task a \| 4 · Agree \| 2026-11-20 \| 4 days overdue \| pipes \\\| and \\\*stars\\\* \|/);
    assert.match(md, /^1:1 14 days ago; next 1:1 due today \(every 14 days\)\.$/m);
    // Kim is archived: no 1:1 is due with someone who left the team.
    assert.match(md, /^no 1:1 yet\.$/m, 'Kim, archived, never met');
    assert.doesNotMatch(md, /overdue by 9 days/);
    assert.match(md, /^\| 2026-11-10 \| 4\/5, good \| career, blockers \|$/m);
    assert.match(md, /Situation: The demo\. Behavior: You took questions calmly\. Impact: The client signed\./);
    assert.match(md, /They said: More context in reviews\. I will change: Write the why first\./);
    assert.doesNotMatch(md, /thinking about a move/, 'private notes left the editor');
    assert.match(md, /Private 1:1 notes are left out/);
    const withNotes = toMarkdown(data, today, { includeNotes: true });
    assert.match(withNotes, /\| 2026-11-10 \| 4\/5, good \| career, blockers \| Private: thinking about a move \|/);
  });

  it('round-trips the full data through JSON', async () => {
    const parsed = await parseImport(toExportJson(data, today, { includeNotes: true }), today);
    assert.deepEqual(parsed, { ok: true, version: 4, data, notesLeftOut: false });
  });

  it('carries a delegation’s code link in format 4, and refuses one in a file of format 3 or 2, which had none', async () => {
    const linked = delegation('c', 'p-sam', '2026-11-30', {
      code: { paths: ['api/billing/', 'src/auth/session.ts'], branch: 'retry-queue' },
    });
    const withCode = {
      ...linked,
      history: [...linked.history, { kind: 'edited' as const, on: day('2026-11-02'), field: 'code' as const }],
    };
    const team: TeamData = { ...data, delegations: [...delegations, withCode] };
    const text = toExportJson(team, today, { includeNotes: true });
    assert.equal((JSON.parse(text) as { version: unknown }).version, 4);
    assert.deepEqual(await parseImport(text, today), { ok: true, version: 4, data: team, notesLeftOut: false });

    // The same file as format 3 had it: without the link it imports as version 3, with it it is refused whole.
    const asV3 = (list: readonly unknown[]): string => JSON.stringify({ ...(JSON.parse(text) as object), version: 3, delegations: list });
    const imported = await parseImport(asV3(delegations), today);
    assert.deepEqual(imported, { ok: true, version: 3, data, notesLeftOut: false });
    const refused = await parseImport(asV3([...delegations, linked]), today);
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.error, /delegations #3: unknown field "code"\)\. Nothing was imported\./);
    const { code: _code, ...unlinked } = withCode;
    const editedInV3 = await parseImport(asV3([unlinked]), today);
    assert.match(editedInV3.ok ? '' : editedInV3.error, /delegations #1: invalid history/);
    const v2 = { format: 'tech-lead-coach/delegations', version: 2, exportedOn: today, people, delegations: [linked] };
    const refusedV2 = await parseImport(JSON.stringify(v2), today);
    assert.match(refusedV2.ok ? '' : refusedV2.error, /unknown field "code"/);
    // A link that breaks the rules is refused in format 4 too.
    const bad = { ...linked, code: { paths: ['../outside/'] } };
    const badFile = JSON.stringify({ ...(JSON.parse(text) as object), delegations: [bad] });
    assert.match(((await parseImport(badFile, today)) as { error?: string }).error ?? '', /invalid code link/);
  });

  it('leaves private 1:1 notes out of the file unless the setting allows them, and says so', async () => {
    const text = toExportJson(data, today, { includeNotes: false });
    assert.doesNotMatch(text, /thinking about a move/);
    const parsed = await parseImport(text, today);
    assert.ok(parsed.ok && parsed.version !== 1);
    assert.equal(parsed.notesLeftOut, true);
    assert.deepEqual(
      parsed.data.oneOnOnes.map((m) => m.notes),
      [undefined, undefined],
    );
    assert.deepEqual({ ...parsed.data, oneOnOnes: [] }, { ...data, oneOnOnes: [] });
  });

  it('still imports a release 0.1 file, with each person by name', async () => {
    const file = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      exportedOn: '2026-11-20',
      delegations: [named(all[0] as Delegation, 'Sam'), named(all[1] as Delegation, 'Ana')],
    });
    assert.deepEqual(await parseImport(file, today), {
      ok: true,
      version: 1,
      delegations: [named(all[0] as Delegation, 'Sam'), named(all[1] as Delegation, 'Ana')],
    });
  });

  it('rejects a bad file whole, with a reason', async () => {
    const good = JSON.parse(toExportJson(data, today, { includeNotes: true })) as Record<string, unknown>;
    const v1 = { format: EXPORT_FORMAT, version: 1, exportedOn: '2026-11-20', delegations: [named(all[0] as Delegation, 'Sam')] };
    const cases: [string, RegExp][] = [
      ['{ not json', /not valid JSON/],
      ['[]', /not a Tech Lead Coach export/],
      [JSON.stringify({ ...good, format: 'other' }), /not a Tech Lead Coach/],
      [JSON.stringify({ ...good, version: 5 }), /newer version/],
      [JSON.stringify({ ...good, version: 'one' }), /unknown export version/],
      [JSON.stringify({ ...good, delegations: {} }), /"delegations" is not a list/],
      [
        JSON.stringify({ ...good, delegations: [all[0], { ...all[1], level: 'high' }] }),
        /1 of 9 records .* not valid .*delegations #2: invalid level.*Nothing was imported/,
      ],
      [JSON.stringify({ ...good, delegations: [all[0], all[0]] }), /delegations #2: duplicate id/],
      [JSON.stringify({ ...good, people: [...people, people[0]] }), /people #4: duplicate id/],
      [JSON.stringify({ ...good, extra: 1 }), /fields this version does not know \("extra"\)/],
      [JSON.stringify({ ...good, delegations: [{ ...all[0], colour: 'red' }] }), /delegations #1: unknown field "colour"/],
      // A deeply nested extra field on a history event once passed and then broke every later write.
      [
        JSON.stringify({
          ...good,
          delegations: [{ ...all[0], history: [{ kind: 'created', on: '2026-11-01', extra: { a: { b: { c: [1, { d: 2 }] } } } }] }],
        }),
        /delegations #1: invalid history/,
      ],
      [JSON.stringify({ ...good, delegations: [{ ...all[0], followUpOn: '0NaN-NaN-NaN' }] }), /delegations #1: invalid date/],
      [JSON.stringify({ ...good, delegations: [{ ...all[0], followUpOn: '2046-11-24' }] }), /delegations #1: invalid date .*ten years/],
      [JSON.stringify({ ...good, delegations: [{ ...all[0], personId: 'Sam\u202Eevil' }] }), /delegations #1: missing or invalid personId/],
      [JSON.stringify({ ...good, people: [{ ...people[0], name: 'Sam\u202Eevil' }] }), /people #1: invalid name/],
      [JSON.stringify({ ...good, delegations: [{ ...all[0], task: 'Ship\u0007it' }] }), /delegations #1: invalid task/],
      [JSON.stringify({ ...good, delegations: [{ ...all[0], id: 'a b' }] }), /delegations #1: missing or invalid id/],
      [
        JSON.stringify({ ...good, delegations: [{ ...all[0], personId: 'p-nobody' }] }),
        /delegation a: its person \(p-nobody\) is not in the file/,
      ],
      [JSON.stringify({ ...good, oneOnOnes: [{ ...oneOnOnes[0], mood: 6 }] }), /oneOnOnes #1: invalid mood/],
      [JSON.stringify({ ...good, feedback: [{ ...feedback[0], kind: 'shouted' }] }), /feedback #1: invalid kind/],
      [JSON.stringify({ ...good, privateNotes: 'maybe' }), /"privateNotes" must be/],
      [JSON.stringify({ ...good, delegations: new Array(50_001).fill(0) }), /limit is 50000/],
      ['x'.repeat(21 * 1024 * 1024), /larger than 20 MB/],
      // Release 0.1 files, by the rules of that format.
      [JSON.stringify({ ...v1, delegations: undefined }), /no "delegations" list/],
      [JSON.stringify({ ...v1, people }), /fields this version does not know \("people"\)/],
      [JSON.stringify({ ...v1, delegations: [{ ...v1.delegations[0], person: 'Sam\u202Eevil' }] }), /#1: invalid person/],
      [JSON.stringify({ ...v1, delegations: [all[0]] }), /#1: unknown field "personId"/],
      [JSON.stringify({ ...v1, delegations: [v1.delegations[0], v1.delegations[0]] }), /#2: duplicate id/],
    ];
    for (const [text, reason] of cases) {
      const result = await parseImport(text, today);
      assert.equal(result.ok, false, text.slice(0, 60));
      assert.match(result.ok ? '' : result.error, reason);
    }
    assert.equal(EXPORT_FORMAT, 'tech-lead-coach/delegations');
  });

  it('writes kept-aside records in the import format, so a repaired file imports', async () => {
    const broken = { ...named(all[0] as Delegation, 'Sam'), level: 9 };
    const rescue = JSON.parse(toRescueJson([{ raw: broken, reason: 'invalid level' }], today)) as {
      version: number;
      problems: string[];
      delegations: Record<string, unknown>[];
    };
    assert.equal(rescue.version, 1, "release 0.1's delegations alone: the format that release wrote");
    assert.deepEqual(rescue.problems, ['#1: invalid level']);
    assert.match(((await parseImport(JSON.stringify(rescue), today)) as { error: string }).error, /#1: invalid level/);
    const repaired = { ...rescue, delegations: rescue.delegations.map((d) => ({ ...d, level: 4 })) };
    assert.deepEqual(await parseImport(JSON.stringify(repaired), today), {
      ok: true,
      version: 1,
      delegations: [named(all[0] as Delegation, 'Sam')],
    });
  });

  it('writes kept-aside people, delegations, 1:1s and feedback in the team format (version 4), notes kept, so repaired they import', async () => {
    const kim = person('p-kim', 'Kim');
    const meeting: OneOnOne = { id: 'm1', personId: 'p-kim', on: day('2026-11-20'), topics: [], notes: 'Wants to lead the migration' };
    const asked: Feedback = {
      id: 'f1',
      personId: 'p-kim',
      on: day('2026-11-21'),
      kind: 'asked',
      said: 'More context',
      change: 'Share the roadmap',
    };
    const work = delegation('d9', 'p-kim', '2026-12-01');
    const kept = [
      { raw: { ...meeting, mood: 9 }, reason: '1:1: mood must be 1 to 5' },
      { raw: { ...kim, cadenceDays: -1 }, reason: 'person: cadence must be at least 1 day' },
      { raw: asked, reason: 'feedback entry: its person is not in the tracker' },
      { raw: { ...work, level: 0 }, reason: 'delegation: invalid level' },
      { raw: { chunk: 'techLead.team/x', value: null }, reason: 'a stored chunk of the tracker is missing or not in a known shape' },
    ];
    const rescue = JSON.parse(toRescueJson(kept, today)) as Record<string, unknown> & {
      version: number;
      problems: string[];
      people: Person[];
      delegations: unknown[];
      oneOnOnes: OneOnOne[];
      feedback: Feedback[];
    };
    assert.equal(rescue.version, 4);
    assert.equal(rescue['privateNotes'], 'included');
    // Every record is in the file, each in its list, and the problems number them in the file's order.
    assert.deepEqual(rescue.people, [kept[1]?.raw]);
    assert.deepEqual(rescue.delegations, [kept[3]?.raw, kept[4]?.raw]);
    assert.deepEqual(rescue.oneOnOnes, [kept[0]?.raw]);
    assert.deepEqual(rescue.feedback, [asked]);
    assert.deepEqual(rescue.problems, [
      '#1: person: cadence must be at least 1 day',
      '#2: delegation: invalid level',
      '#3: 1:1: mood must be 1 to 5',
      '#4: feedback entry: its person is not in the tracker',
      '#5: a stored chunk of the tracker is missing or not in a known shape',
    ]);
    assert.equal(((await parseImport(JSON.stringify(rescue), today)) as { ok: boolean }).ok, false, 'unrepaired, it is refused');
    const repaired = { ...rescue, people: [kim], delegations: [work], oneOnOnes: [meeting] };
    assert.deepEqual(await parseImport(JSON.stringify(repaired), today), {
      ok: true,
      version: 4,
      data: { ...EMPTY_TEAM, people: [kim], delegations: [work], oneOnOnes: [meeting], feedback: [asked] },
      notesLeftOut: false,
    });
  });

  it('merges by id: adds new, updates changed, leaves identical alone, and undoes exactly', async () => {
    const storage = new MemoryStorage();
    const store = await loadTeam(storage, new FakeClock('2026-11-24'), sequentialIds());
    await store.importMerge({ ...EMPTY_TEAM, people, delegations: all, oneOnOnes: [], feedback: [] });
    const before = store.snapshot();
    const changed = { ...all[1], task: 'Task b, renamed' } as Delegation;
    const result = await store.importMerge({
      ...EMPTY_TEAM,
      people: [],
      delegations: [all[0] as Delegation, changed, delegation('c', 'p-sam', '2026-12-01')],
      oneOnOnes: [],
      feedback: [],
    });
    assert.deepEqual([result.added, result.updated, result.unchanged], [1, 1, 1]);
    assert.equal(store.delegation('b')?.task, 'Task b, renamed');
    await store.undo(result.undo);
    assert.deepEqual(store.snapshot(), before);
    const sorted = (list: readonly Delegation[]): Delegation[] => [...list].sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(sorted((await readStored(storage)).delegations), sorted(before.delegations));
  });
});
