/**
 * Moments: the record of explaining the bigger picture and of modeling a behavior, through the
 * table of kinds like every other record: logged (with someone or with the team), undone, deleted
 * with their person, exported and imported (format 3; format 2 still imports), and counted in the
 * five actions once, whether a nudge's Done logged them or not.
 */
import { StoreRefusal } from '../../src/domain/team/store/change';
import * as assert from 'node:assert/strict';
import { EMPTY_PROGRESS, type Nudge, type NudgeProgress } from '../../src/domain/coach/nudges';
import { actionCounts, actionCountsFromNudges, momentActionOf } from '../../src/domain/review/review';
import { fromNudges } from '../../src/review/lazy/reviewModel';
import { describeStreak } from '../../src/today/lazy/todayState';
import { parseImport, toExportJson, toMarkdown } from '../../src/domain/team/exchange';
import { EMPTY_TEAM } from '../../src/domain/team/kinds';
import { describeMoment, parseLogMomentArgs, validateStoredMoment, type Moment } from '../../src/domain/team/moments';
import { day, FakeClock, loadTeam, MemoryStorage, readStored, sequentialIds } from '../support/fakes';

const today = day('2026-11-24');

describe('moments', () => {
  it('are checked like every record: what was explained, which behavior was modeled, with whom', () => {
    assert.ok(
      validateStoredMoment({ id: 'm1', on: '2026-11-20', action: 'biggerPicture', note: 'Why the migration comes first' }, today).ok,
    );
    assert.ok(
      validateStoredMoment({ id: 'm2', on: '2026-11-20', action: 'modelling', behavior: 'askedForHelp', personId: 'p-1' }, today).ok,
    );
    for (const bad of [
      { id: 'm', on: '2026-11-20', action: 'biggerPicture' },
      { id: 'm', on: '2026-11-20', action: 'modelling' },
      { id: 'm', on: '2026-11-20', action: 'modelling', behavior: 'other' },
      { id: 'm', on: '2026-11-20', action: 'modelling', behavior: 'juggled' },
      { id: 'm', on: '2026-11-20', action: 'biggerPicture', note: 'x', behavior: 'askedForHelp' },
      { id: 'm', on: '2026-11-20', action: 'cheered', note: 'x' },
      { id: 'm', on: '2026-11-20', action: 'biggerPicture', note: 'x', extra: 1 },
      { id: 'm', on: '2026-11-20', action: 'biggerPicture', note: 'x\u202e' },
    ]) {
      assert.equal(validateStoredMoment(bad, today).ok, false, JSON.stringify(bad));
    }
  });

  it('take an argument object, and say every problem at once', () => {
    assert.deepEqual(parseLogMomentArgs({ action: 'biggerPicture', what: 'The Q3 goal', person: 'Sam', date: 2 }, today), {
      ok: true,
      value: { action: 'biggerPicture', on: '2026-11-22', person: 'Sam', note: 'The Q3 goal' },
    });
    assert.deepEqual(parseLogMomentArgs({ action: 'modelling', behavior: 'tookBreak' }, today), {
      ok: true,
      value: { action: 'modelling', on: today, behavior: 'tookBreak' },
    });
    const bad = parseLogMomentArgs({ action: 'modelling', behavior: 'other', date: -1, colour: 'red' }, today);
    assert.equal(bad.ok, false);
    assert.equal(bad.ok ? 0 : bad.errors.length, 3, JSON.stringify(bad));
  });

  it('are logged with someone (found or added by name) or with the team, undone, and deleted with their person', async () => {
    const storage = new MemoryStorage();
    const store = await loadTeam(storage, new FakeClock('2026-11-24'), sequentialIds());
    const withTeam = await store.logMoment({ action: 'biggerPicture', on: today, note: 'Why we freeze in December' });
    assert.equal(withTeam.value.personId, undefined);
    const withSam = await store.logMoment({ action: 'modelling', on: today, behavior: 'admittedMistake', person: 'Sam' });
    const sam = store.findPerson('Sam');
    assert.ok(sam);
    assert.equal(withSam.value.personId, sam.id);
    assert.equal((await readStored(storage)).moments.length, 2, 'not stored');
    // Undo of a moment that added its person removes both.
    assert.deepEqual(await store.undo(withSam.undo), { applied: 2, left: [] });
    assert.equal(store.findPerson('Sam'), undefined);
    const again = await store.logMoment({ action: 'modelling', on: today, behavior: 'tookBreak', person: 'Ana' });
    const ana = store.findPerson('Ana');
    assert.ok(ana);
    const deleted = await store.deletePerson(ana.id);
    assert.equal(deleted?.value.records, 1);
    assert.deepEqual(
      store.moments().map((m) => m.id),
      [withTeam.value.id],
      'a moment with someone deleted stayed, or the one with the team went',
    );
    assert.ok(deleted);
    await store.undo(deleted.undo);
    assert.ok(store.moments().some((m) => m.id === again.value.id));
    const reloaded = await loadTeam(storage, new FakeClock('2026-11-24'), sequentialIds('r'));
    assert.deepEqual(reloaded.moments(), store.moments());
    // Archived people get no new moments, as they get no new work.
    await store.updatePerson(ana.id, { archived: true });
    await assert.rejects(store.logMoment({ action: 'modelling', on: today, behavior: 'tookBreak', person: 'Ana' }), StoreRefusal);
  });

  it('go out in exports (format 4) and come back; a format-2 file still imports, and one with moments under format 2 does not', async () => {
    const moment: Moment = { id: 'm1', on: today, action: 'biggerPicture', note: 'The why of the roadmap' };
    const data = { ...EMPTY_TEAM, moments: [moment] };
    const parsed = await parseImport(toExportJson(data, today, { includeNotes: false }), today);
    assert.deepEqual(parsed, { ok: true, version: 4, data, notesLeftOut: true });
    const v2 = { format: 'tech-lead-coach/delegations', version: 2, exportedOn: today, people: [], delegations: [] };
    assert.deepEqual(await parseImport(JSON.stringify(v2), today), { ok: true, version: 2, data: EMPTY_TEAM, notesLeftOut: false });
    const wrong = await parseImport(JSON.stringify({ ...v2, moments: [moment] }), today);
    assert.equal(wrong.ok, false);
    assert.match(
      toMarkdown(data, today, { includeNotes: false }),
      /## With the team\n\n- 2026-11-24: Explained the bigger picture to the team: The why of the roadmap/,
    );
  });

  it('count in the five actions once: a moment, a nudge done without one, and a nudge whose Done logged one', () => {
    const catalogue: Nudge[] = [
      { id: 'n-big', theme: 'bigger-picture', short: 'n', action: 'Do it.', why: 'Because.', lesson: 'bigger-picture' },
      { id: 'n-model', theme: 'modelling', short: 'n', action: 'Do it.', why: 'Because.', lesson: 'model-behavior' },
    ];
    const progress: NudgeProgress = {
      ...EMPTY_PROGRESS,
      picks: {
        '2026-11-16': { id: 'n-big', source: 'daily', rerolls: 0 },
        '2026-11-17': { id: 'n-big', source: 'daily', rerolls: 0 },
        '2026-11-18': { id: 'n-model', source: 'daily', rerolls: 0 },
      },
      doneDays: [day('2026-11-16'), day('2026-11-17'), day('2026-11-18')],
    };
    const moments: Moment[] = [
      // Logged by the Done of 11-17's nudge: one practice, not two.
      { id: 'm1', on: day('2026-11-17'), action: 'biggerPicture', note: 'Why', nudgeId: 'n-big' },
      { id: 'm2', on: day('2026-11-19'), action: 'modelling', behavior: 'askedForHelp' },
    ];
    const input = { data: { ...EMPTY_TEAM, moments }, progress, catalogue, today };
    const counts = actionCounts(input, day('2026-11-16'), day('2026-11-22'));
    assert.equal(counts.biggerPicture, 2, 'the nudge of 11-16 and the moment of 11-17');
    assert.equal(counts.modelling, 2, 'the nudge of 11-18 and the moment of 11-19');
    const fromNudges = actionCountsFromNudges(input, day('2026-11-16'), day('2026-11-22'));
    assert.equal(fromNudges.biggerPicture, 1);
    assert.equal(fromNudges.modelling, 1);
  });

  it('read as sentences: with the team or someone, a behavior or the lead’s own words', () => {
    const nameOf = (): string => 'Sam';
    assert.equal(
      describeMoment({ id: 'm', on: today, action: 'biggerPicture', note: 'The Q3 goal' }, nameOf),
      'Explained the bigger picture to the team: The Q3 goal',
    );
    assert.equal(
      describeMoment({ id: 'm', on: today, action: 'modelling', behavior: 'askedForHelp', personId: 'p' }, nameOf),
      'Modeled with Sam: asked for help',
    );
    assert.equal(
      describeMoment({ id: 'm', on: today, action: 'modelling', behavior: 'other', note: 'Left at five' }, nameOf),
      'Modeled: Left at five',
    );
  });
});

describe('moments in the views', () => {
  it('are offered after Done only on bigger-picture, vision and modeling nudges', () => {
    assert.equal(momentActionOf('bigger-picture'), 'biggerPicture');
    assert.equal(momentActionOf('vision'), 'biggerPicture');
    assert.equal(momentActionOf('modelling'), 'modelling');
    for (const theme of ['check-ins', 'delegation', 'feedback', 'burnout', 'coaching'] as const) {
      assert.equal(momentActionOf(theme), undefined, theme);
    }
  });

  it('the review says which of the five counts came from nudges marked done', () => {
    const none = { checkIns: 0, biggerPicture: 0, modelling: 0, delegating: 0, feedback: 0 };
    assert.equal(fromNudges(none), 'None of them came from nudges marked done: all from what you logged.');
    assert.equal(
      fromNudges({ ...none, biggerPicture: 2, feedback: 1 }),
      'From nudges marked done: Explain the bigger picture: 2; Ask for feedback: 1; the rest from what you logged.',
    );
  });

  it('the streak tooltip says what counts and how many missed workdays it forgave', () => {
    assert.match(describeStreak(0, 0), /start a streak/);
    assert.match(describeStreak(1, 0), /^1 day with a nudge done\./);
    assert.match(describeStreak(6, 0), /^6 days with a nudge done\. A day off without one never breaks/);
    assert.match(describeStreak(6, 1), /^6 days with a nudge done; 1 missed workday was forgiven\. Two missed in a row end/);
    assert.match(describeStreak(12, 2), /2 missed workdays were forgiven, each on its own/);
  });
});
