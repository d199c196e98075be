/**
 * The 10,000 delegations across 50 people used by scale.ts (in Node) and heap.ts (imported into the
 * real extension host): deterministic, spread around today like a long-used tracker.
 * The records follow the `techLead.importDelegations` file contract:
 * `{ id, task, person, level (1-7), createdOn, followUpOn, history: [{ kind: "created", on }], note?, doneOn? }`.
 */
import { addDays, type DateKey } from '../src/domain/dates';

export const SCALE_DELEGATIONS = 10_000;
export const SCALE_PEOPLE = 50;
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

export interface ImportFile {
  format: typeof IMPORT_FORMAT;
  version: 1;
  delegations: ImportRecord[];
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
  const names = Array.from({ length: people }, (_, i) => `${FIRST[i % FIRST.length] as string} ${LAST[Math.floor(i / FIRST.length) % LAST.length] as string}`);
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

export function makeImportFile(today: DateKey): ImportFile {
  return { format: IMPORT_FORMAT, version: 1, delegations: makeDelegations(today) };
}
