/**
 * Two years of a busy lead's data, used by scale.ts (in Node) and heap.ts (imported into the real
 * extension host): 10,000 delegations across 50 people, 2,000 1:1s and 500 feedback entries (the
 * data set the 10k goals were set for: no moments), deterministic, spread around today like a
 * long-used tracker. The file follows the `techLead.importTeamData` contract, format version 4.
 */
import { addDays, type DateKey } from '../src/domain/core/dates';
import type { DelegationV1 } from '../src/domain/team/delegations';
import { TOPICS, type Mood, type OneOnOne } from '../src/domain/team/oneOnOnes';
import { type Feedback } from '../src/domain/team/feedback';
import { attachPeople } from '../src/domain/team/storage/legacy';
import { type TeamData } from '../src/domain/team/kinds';

export const SCALE_DELEGATIONS = 10_000;
export const SCALE_PEOPLE = 50;
export const SCALE_ONE_ON_ONES = 2_000;
export const SCALE_FEEDBACK = 500;
export const IMPORT_FORMAT = 'tech-lead-coach/delegations';

export interface ImportRecord {
  id: string;
  task: string;
  person: string;
  level: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  createdOn: string;
  followUpOn: string;
  history: Array<{ kind: 'created'; on: string }>;
  note?: string;
  doneOn?: string;
}

export interface ImportFile extends TeamData {
  format: typeof IMPORT_FORMAT;
  version: 4;
  exportedOn: string;
}

/** mulberry32: a small seeded generator, so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dev', 'Elif', 'Femi', 'Greta', 'Hiro', 'Ines', 'Jonas'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Patel', 'Yilmaz'];
const VERBS = ['Own', 'Draft', 'Review', 'Lead', 'Investigate', 'Plan', 'Run', 'Write up', 'Prototype', 'Fix'];
const THINGS = [
  'the release checklist for the billing service',
  'the on-call handover notes',
  'the flaky integration tests in CI',
  'the design doc for search ranking',
  'next sprint’s capacity planning',
  'the incident review for the login outage',
  'the migration of the reports job to the queue',
  'onboarding for the two new joiners',
  'the API deprecation announcement',
  'the dependency upgrade of the web client',
  'the accessibility pass on settings',
  'the cost report for the staging clusters',
];
const NOTES = [
  'Agreed they decide the approach; I only want a heads-up before it ships.',
  'Pair with the platform team on the rollout plan; check in at the next one-on-one.',
  'Stretch goal for their promotion case. Offer a review of the first draft, not more.',
  'They asked for this one. Keep out of the way unless they ask.',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** `count` records relative to `today`: about 70 % done, the open ones overdue, due this week or later. */
export function makeDelegations(today: DateKey, count = SCALE_DELEGATIONS, people = SCALE_PEOPLE, seed = 10_000): ImportRecord[] {
  const rand = random(seed);
  const names = Array.from(
    { length: people },
    (_, i) => `${FIRST[i % FIRST.length] as string} ${LAST[Math.floor(i / FIRST.length) % LAST.length] as string}`,
  );
  const records: ImportRecord[] = [];
  for (let i = 0; i < count; i++) {
    const age = Math.floor(rand() * 730); // created in the last two years
    const createdOn = addDays(today, -age);
    const roll = rand();
    let followUpOn: DateKey;
    let doneOn: DateKey | undefined;
    if (roll < 0.7) {
      followUpOn = addDays(createdOn, 1 + Math.floor(rand() * 14));
      doneOn = addDays(createdOn, Math.min(age, Math.floor(rand() * 20)));
    } else if (roll < 0.8) {
      followUpOn = addDays(today, -1 - Math.floor(rand() * Math.max(1, Math.min(age, 60)))); // overdue
      if (followUpOn < createdOn) followUpOn = createdOn;
    } else if (roll < 0.9) {
      followUpOn = addDays(today, Math.floor(rand() * 7)); // this week
    } else {
      followUpOn = addDays(today, 7 + Math.floor(rand() * 80)); // later
    }
    const record: ImportRecord = {
      id: `bench-${String(i + 1).padStart(5, '0')}`,
      task: `${pick(rand, VERBS)} ${pick(rand, THINGS)}`,
      person: names[i % people] as string,
      level: (1 + Math.floor(rand() * 7)) as ImportRecord['level'],
      createdOn,
      followUpOn,
      history: [{ kind: 'created', on: createdOn }],
    };
    if (rand() < 0.25) record.note = pick(rand, NOTES);
    if (doneOn !== undefined) record.doneOn = doneOn;
    records.push(record);
  }
  return records;
}

/** The whole team: the 10,000 delegations with their 50 people, 2,000 1:1s and 500 feedback entries. */
export function makeTeamData(today: DateKey, seed = 20_000): TeamData {
  const rand = random(seed);
  let id = 0;
  const { people, delegations } = attachPeople(
    makeDelegations(today) as unknown as DelegationV1[],
    [],
    today,
    () => `bench-person-${String(++id).padStart(3, '0')}`,
  );
  const oneOnOnes: OneOnOne[] = [];
  for (let i = 0; i < SCALE_ONE_ON_ONES; i++) {
    const person = people[i % people.length];
    if (!person) continue;
    const on = addDays(today, -Math.floor(rand() * 730));
    const topics = TOPICS.filter(() => rand() < 0.3);
    oneOnOnes.push({
      id: `bench-1on1-${String(i + 1).padStart(5, '0')}`,
      personId: person.id,
      on,
      ...(rand() < 0.8 ? { mood: (1 + Math.floor(rand() * 5)) as Mood } : {}),
      ...(rand() < 0.6 ? { notes: pick(rand, NOTES) } : {}),
      topics,
    });
  }
  const feedback: Feedback[] = [];
  for (let i = 0; i < SCALE_FEEDBACK; i++) {
    const person = people[i % people.length];
    if (!person) continue;
    const on = addDays(today, -Math.floor(rand() * 730));
    const base = { id: `bench-feedback-${String(i + 1).padStart(4, '0')}`, personId: person.id, on };
    feedback.push(
      rand() < 0.6
        ? {
            ...base,
            kind: 'given',
            situation: 'In the planning meeting',
            behaviour: pick(rand, THINGS),
            impact: 'The team left with a clear plan',
          }
        : { ...base, kind: 'asked', said: 'Reviews come late in the week', change: 'Review by Wednesday' },
    );
  }
  return { people, delegations, oneOnOnes, feedback, moments: [] };
}

export function makeImportFile(today: DateKey): ImportFile {
  return { format: IMPORT_FORMAT, version: 4, exportedOn: today, ...makeTeamData(today) };
}
