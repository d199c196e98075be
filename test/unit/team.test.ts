/**
 * People, 1:1 cadence and the words for it: "12 days ago", "1:1 overdue by 3 days". Day arithmetic
 * is on local calendar days, whatever the time of day and the time zone.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { todayKey, type Clock, type DateKey } from '../../src/domain/core/dates';
import { describeDaysAgo } from '../../src/domain/core/dates';
import {
  describeLastOneOnOne,
  describeNextOneOnOne,
  isOneOnOneOverdue,
  lastOneOnOne,
  nextOneOnOneDue,
  type OneOnOne,
} from '../../src/domain/team/oneOnOnes';
import { lastFeedbackAsked, type Feedback } from '../../src/domain/team/feedback';
import { validatePastDay } from '../../src/domain/team/entries';
import { type Person } from '../../src/domain/team/people';
import { day, loadTeam, MemoryStorage, teamKeys } from '../support/fakes';

function person(addedOn: string, cadenceDays = 14, extra: Partial<Person> = {}): Person {
  return { id: 'p-sam', name: 'Sam', cadenceDays, addedOn: day(addedOn), ...extra };
}

function meeting(on: string, personId = 'p-sam', id = `m-${on}`): OneOnOne {
  return { id, personId, on: day(on), topics: [] };
}

/** A clock that reads whatever Date it is given: the local time of day matters here. */
class WallClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
}

describe('days since, in words', () => {
  const cases: [string, string, string][] = [
    ['2026-11-24', '2026-11-24', 'today'],
    ['2026-11-23', '2026-11-24', 'yesterday'],
    ['2026-11-22', '2026-11-24', '2 days ago'],
    ['2026-11-12', '2026-11-24', '12 days ago'],
    ['2026-09-26', '2026-11-24', '59 days ago'],
    ['2026-09-25', '2026-11-24', 'on Fri 25 Sep'],
    ['2026-12-31', '2027-01-01', 'yesterday'],
    ['2026-12-20', '2027-01-02', '13 days ago'],
    ['2026-10-01', '2027-01-02', 'on Thu 1 Oct 2026'],
    ['2028-02-28', '2028-03-01', '2 days ago'],
    ['2027-02-28', '2027-03-01', 'yesterday'],
    // A day after today (a 1:1 logged "today" before a flight west): named, never "-1 days ago".
    ['2026-11-25', '2026-11-24', 'on Wed 25 Nov'],
  ];
  for (const [then, today, words] of cases) {
    it(`${then} seen on ${today} is "${words}"`, () => {
      assert.equal(describeDaysAgo(day(then), day(today)), words);
    });
  }

  it('says when the last 1:1 was, or that there was none', () => {
    assert.equal(describeLastOneOnOne(undefined, day('2026-11-24')), 'no 1:1 yet');
    assert.equal(describeLastOneOnOne(meeting('2026-11-24'), day('2026-11-24')), '1:1 today');
    assert.equal(describeLastOneOnOne(meeting('2026-11-23'), day('2026-11-24')), '1:1 yesterday');
    assert.equal(describeLastOneOnOne(meeting('2026-11-12'), day('2026-11-24')), '1:1 12 days ago');
  });
});

describe('1:1 cadence', () => {
  const due: [string, number, string][] = [
    ['2026-01-31', 14, '2026-02-14'],
    ['2026-01-31', 30, '2026-03-02'],
    ['2028-01-31', 30, '2028-03-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 14, '2028-03-14'],
    ['2027-02-15', 14, '2027-03-01'],
    ['2028-02-15', 14, '2028-02-29'],
    ['2026-12-31', 14, '2027-01-14'],
    ['2026-12-25', 7, '2027-01-01'],
    ['2026-12-31', 365, '2027-12-31'],
    ['2027-03-01', 365, '2028-02-29'],
  ];
  for (const [last, cadence, next] of due) {
    it(`after a 1:1 on ${last}, every ${cadence} days: next due ${next}`, () => {
      assert.equal(nextOneOnOneDue(person('2025-06-01', cadence), meeting(last)), next);
    });
  }

  it('with no 1:1 yet, the first is due a cadence after the person was added', () => {
    assert.equal(nextOneOnOneDue(person('2026-01-31', 14), undefined), '2026-02-14');
    assert.equal(nextOneOnOneDue(person('2028-02-15', 14), undefined), '2028-02-29');
    assert.equal(describeNextOneOnOne(person('2026-11-24', 14), undefined, day('2026-11-24')), 'next 1:1 due in 14 days');
    assert.equal(describeNextOneOnOne(person('2026-11-10', 14), undefined, day('2026-11-24')), 'next 1:1 due today');
    assert.equal(describeNextOneOnOne(person('2026-11-09', 14), undefined, day('2026-11-24')), '1:1 overdue by 1 day');
  });

  const words: [string, string, string][] = [
    ['2026-01-31', '2026-02-12', 'next 1:1 due in 2 days'],
    ['2026-01-31', '2026-02-13', 'next 1:1 due tomorrow'],
    ['2026-01-31', '2026-02-14', 'next 1:1 due today'],
    ['2026-01-31', '2026-02-15', '1:1 overdue by 1 day'],
    ['2026-01-31', '2026-02-16', '1:1 overdue by 2 days'],
    ['2026-01-31', '2026-03-01', '1:1 overdue by 15 days'],
    ['2027-02-15', '2027-02-28', 'next 1:1 due tomorrow'],
    ['2027-02-15', '2027-03-01', 'next 1:1 due today'],
    ['2028-02-15', '2028-02-29', 'next 1:1 due today'],
    ['2028-02-15', '2028-03-01', '1:1 overdue by 1 day'],
    ['2026-12-31', '2027-01-13', 'next 1:1 due tomorrow'],
    ['2026-12-31', '2027-01-15', '1:1 overdue by 1 day'],
    ['2026-12-20', '2027-01-24', '1:1 overdue by 21 days'],
  ];
  for (const [last, today, text] of words) {
    it(`after a 1:1 on ${last}, on ${today}: "${text}"`, () => {
      const sam = person('2025-06-01', 14);
      assert.equal(describeNextOneOnOne(sam, meeting(last), day(today)), text);
      assert.equal(isOneOnOneOverdue(sam, meeting(last), day(today)), text.includes('overdue'));
    });
  }

  it('is never overdue for someone archived', () => {
    const archived = person('2025-06-01', 14, { archived: true });
    assert.equal(isOneOnOneOverdue(archived, meeting('2026-01-01'), day('2026-11-24')), false);
    assert.equal(isOneOnOneOverdue(archived, undefined, day('2026-11-24')), false);
  });

  it('finds the last 1:1 with that person, whatever order they were logged in', () => {
    const list = [meeting('2026-11-10'), meeting('2026-11-20'), meeting('2026-11-22', 'p-ana'), meeting('2026-11-01')];
    assert.equal(lastOneOnOne(list, 'p-sam')?.on, '2026-11-20');
    assert.equal(lastOneOnOne(list, 'p-ana')?.on, '2026-11-22');
    assert.equal(lastOneOnOne(list, 'p-lee'), undefined);
  });

  it('finds the last time anyone was asked for feedback; feedback given does not count', () => {
    const asked = (on: string): Feedback => ({ id: `a-${on}`, personId: 'p-sam', on: day(on), kind: 'asked', said: 's', change: 'c' });
    const given = (on: string): Feedback => ({
      id: `g-${on}`,
      personId: 'p-sam',
      on: day(on),
      kind: 'given',
      situation: 's',
      behaviour: 'b',
      impact: 'i',
    });
    assert.equal(lastFeedbackAsked([]), undefined);
    assert.equal(lastFeedbackAsked([given('2026-11-24')]), undefined);
    assert.equal(lastFeedbackAsked([asked('2026-10-01'), given('2026-11-24'), asked('2026-11-02'), asked('2026-10-20')]), '2026-11-02');
  });

  it('takes a 1:1 day as a date or days ago, today or earlier', () => {
    const today = day('2026-03-01');
    assert.deepEqual(validatePastDay(1, today, 'The 1:1 date'), { ok: true, value: '2026-02-28' });
    assert.deepEqual(validatePastDay(1, day('2028-03-01'), 'The 1:1 date'), { ok: true, value: '2028-02-29' });
    assert.deepEqual(validatePastDay('2026-02-28', today, 'The 1:1 date'), { ok: true, value: '2026-02-28' });
    assert.match(errorOf(validatePastDay('2026-03-02', today, 'The 1:1 date')), /cannot be in the future/);
    assert.match(errorOf(validatePastDay('2026-02-29', today, 'The 1:1 date')), /as a date like/);
  });
});

function errorOf(result: { ok: true } | { ok: false; error: string }): string {
  return result.ok ? '' : result.error;
}

describe('local days, whatever the time of day', () => {
  const lateOnTheLast = new Date(2026, 0, 31, 23, 59);
  const earlyOnTheFirst = new Date(2026, 1, 1, 0, 1);

  it('a minute before and after local midnight are two days', () => {
    assert.equal(todayKey(new WallClock(lateOnTheLast)), '2026-01-31');
    assert.equal(todayKey(new WallClock(earlyOnTheFirst)), '2026-02-01');
    assert.equal(todayKey(new WallClock(new Date(2026, 11, 31, 23, 59))), '2026-12-31');
    assert.equal(todayKey(new WallClock(new Date(2027, 0, 1, 0, 1))), '2027-01-01');
    assert.equal(todayKey(new WallClock(new Date(2028, 1, 29, 23, 59))), '2028-02-29');
  });

  it('counts 1:1s and cadence in local days, from a minute to midnight to a minute after', async () => {
    const clock = new WallClock(lateOnTheLast);
    const storage = new MemoryStorage();
    const store = await loadTeam(storage, clock);
    await store.addPerson({ name: 'Sam' });
    const logged = await store.logOneOnOne({ person: 'Sam', on: todayKey(clock), topics: [] });
    assert.equal(logged.value.on, '2026-01-31', 'the 1:1 is on the local day it was logged');
    assert.equal(store.findPerson('Sam')?.addedOn, '2026-01-31');
    clock.current = earlyOnTheFirst;
    const today = todayKey(clock);
    const sam = store.findPerson('Sam');
    assert.ok(sam);
    assert.equal(describeLastOneOnOne(lastOneOnOne(store.oneOnOnes(), sam.id), today), '1:1 yesterday');
    assert.equal(nextOneOnOneDue(sam, logged.value), '2026-02-14');
    assert.equal(describeNextOneOnOne(sam, logged.value, today), 'next 1:1 due in 13 days');
    clock.current = new Date(2026, 1, 14, 23, 59);
    assert.equal(describeNextOneOnOne(sam, logged.value, todayKey(clock)), 'next 1:1 due today');
    assert.deepEqual(store.overdueOneOnOnes(), []);
    clock.current = new Date(2026, 1, 15, 0, 1);
    assert.equal(describeNextOneOnOne(sam, logged.value, todayKey(clock)), '1:1 overdue by 1 day');
    assert.deepEqual(
      store.overdueOneOnOnes().map((p) => p.name),
      ['Sam'],
    );
    // Logged a minute after midnight, a delegation is created on the new local day.
    const d = await store.logDelegation({ task: 'Own the retro', person: 'Sam', level: 4, followUpOn: todayKey(clock) });
    assert.equal(d.value.createdOn, '2026-02-15');
  });

  it('loads a 1:1 dated tomorrow (logged before a flight west) rather than keeping it aside', async () => {
    // Logged just after midnight on 25 Nov in Berlin; opened the same evening, 24 Nov, in New York.
    const sam: Person = { id: 'p-sam', name: 'Sam', cadenceDays: 14, addedOn: day('2026-11-25') };
    const ahead: OneOnOne = { id: 'm1', personId: 'p-sam', on: day('2026-11-25'), mood: 4, topics: ['career'] };
    const asked: Feedback = {
      id: 'f1',
      personId: 'p-sam',
      on: day('2026-11-25'),
      kind: 'asked',
      said: 'More pairing',
      change: 'Pair on Fridays',
    };
    const storage = new MemoryStorage({
      [teamKeys.team]: { schemaVersion: 2, people: [sam], delegations: [], oneOnOnes: [ahead], feedback: [asked] },
    });
    const clock = new WallClock(new Date(2026, 10, 24, 19, 0));
    const store = await loadTeam(storage, clock);
    assert.equal(store.keptAsideOnLoad, 0);
    assert.deepEqual(store.keptAside(), []);
    assert.deepEqual(store.oneOnOnes(), [ahead]);
    assert.deepEqual(store.feedback(), [asked]);
    // Version 2 (one key) moves to chunks on this load; nothing is kept aside.
    assert.equal(storage.get(teamKeys.keptAside), undefined);
    const reloaded = await loadTeam(storage, clock);
    assert.deepEqual(reloaded.oneOnOnes(), [ahead]);
    const writes = storage.writes.length;
    const fileWrites = storage.files.writes.length;
    await loadTeam(storage, clock);
    assert.equal(storage.writes.length, writes, 'loading chunks that hold the day ahead rewrote them');
    assert.equal(storage.files.writes.length, fileWrites, 'loading chunks that hold the day ahead rewrote or removed a chunk file');
    const today = todayKey(clock) as DateKey;
    assert.equal(describeLastOneOnOne(ahead, today), '1:1 on Wed 25 Nov');
    assert.equal(describeNextOneOnOne(sam, ahead, today), 'next 1:1 due in 15 days');
    // Further changes still write: the day ahead is not a reason to refuse anything.
    await store.logOneOnOne({ person: 'Sam', on: today, topics: [] });
    assert.equal(store.oneOnOnes().length, 2);
  });

  it('gives the same local days in time zones far east and far west of UTC', function () {
    this.timeout(20_000);
    // In a child process, where TZ is read at start: this process's own zone cannot be changed reliably.
    const domain = path.resolve(__dirname, '..', '..', 'src', 'domain');
    const script = `
      const { todayKey, toDateKey } = require(${JSON.stringify(path.join(domain, 'core', 'dates.js'))});
      const { describeNextOneOnOne, describeLastOneOnOne } = require(${JSON.stringify(path.join(domain, 'team', 'oneOnOnes.js'))});
      const at = (...args) => ({ now: () => new Date(...args) });
      const sam = { id: 'p', name: 'Sam', cadenceDays: 14, addedOn: '2026-01-17' };
      const last = { id: 'm', personId: 'p', on: '2026-01-31', topics: [] };
      process.stdout.write(JSON.stringify({
        offset: new Date(2026, 0, 31, 12).getTimezoneOffset(),
        late: todayKey(at(2026, 0, 31, 23, 59)),
        early: todayKey(at(2026, 1, 1, 0, 1)),
        leap: toDateKey(new Date(2028, 1, 29, 23, 59)),
        last: describeLastOneOnOne(last, todayKey(at(2026, 1, 1, 0, 1))),
        dueToday: describeNextOneOnOne(sam, last, todayKey(at(2026, 1, 14, 23, 59))),
        overdue: describeNextOneOnOne(sam, last, todayKey(at(2026, 1, 15, 0, 1))),
      }));
    `;
    const offsets = new Set<number>();
    for (const zone of ['UTC', 'Pacific/Kiritimati', 'Asia/Kolkata', 'America/Los_Angeles', 'Pacific/Pago_Pago']) {
      const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
      const result = JSON.parse(out) as Record<string, string | number>;
      offsets.add(result['offset'] as number);
      assert.deepEqual(
        { ...result, offset: undefined },
        {
          offset: undefined,
          late: '2026-01-31',
          early: '2026-02-01',
          leap: '2028-02-29',
          last: '1:1 yesterday',
          dueToday: 'next 1:1 due today',
          overdue: '1:1 overdue by 1 day',
        },
        zone,
      );
    }
    assert.ok(offsets.size > 1, 'the child processes all ran in one time zone: the check proved nothing');
  });
});
