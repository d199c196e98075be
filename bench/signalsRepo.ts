/**
 * The repository the repository-signals bench reads: 100,000 commits by 60 authors over 3 years,
 * generated deterministically (fixed seeds, no Math.random) as a `git fast-import` stream into a
 * bare repository (no working tree is written).
 *
 * What it holds:
 * - Time zones on both sides of UTC, most with daylight-saving-like offset changes twice a year
 *   (Europe, North America, Sydney, New Zealand, Chile), others without (India +05:30, Nepal
 *   +05:45, Japan, Brazil, UTC).
 * - Working patterns: most people 09:00–18:00 local on their workdays, a few night owls
 *   (20:00–02:00), a few early birds, and a few people with bursts of late work (two weeks of
 *   evenings, three times in the three years); holidays; little weekend work.
 * - Paths in a plausible tree: src/<area>/<module>/<file>.ts with tests beside them in
 *   test/<area>/<module>/, docs/, infra/, web/, .github/; each author works mostly in one or two
 *   home areas (so knowledge islands exist); files appear over time and some are renamed.
 * - Merges (about one in 25 commits is a merge of a short topic branch), rebased commits (a
 *   committer date days after the author date), Reviewed-by and Co-authored-by trailers.
 * - A .mailmap with aliases for 4 authors, and 2 bots (dependabot, github-actions).
 *
 * Run directly (`node out/bench/bench/signalsRepo.js [folder]`, after `tsc -p bench`) it creates
 * the repository (in a temporary folder unless given) and measures, in the same run:
 * (a) one plain `git log` with the product's arguments over the last 26 weeks (and over the whole
 *     history), its output read and dropped;
 * (b) the same `git log` read through the streaming parser into the CommitHistory, chunk by chunk
 *     as it arrives, with the longest synchronous slice; the heap the model holds (after a full GC);
 * (c) every signal computed from that model (pace for 60 people, knowledge islands in slices as the
 *     engine runs them, 200 delegations' follow-through lines worded through the engine's cache,
 *     then asked again from it, shipped lists);
 * (d) an incremental read after one new commit.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DateKey } from '../src/domain/core/dates';
import { leadWeek } from '../src/domain/signals/balance';
import type { SignalPeople } from '../src/domain/signals/followThrough';
import { gitLogArgs, GitLogParser } from '../src/domain/signals/gitLog';
import { CommitHistory, type IdentityKey } from '../src/domain/signals/history';
import { leadIdentities, listIdentities, type IdentityLinks } from '../src/domain/signals/identities';
import { islandSteps, type IslandReading } from '../src/domain/signals/islands';
import { FollowThroughCache, SlicedIslands, type AnswerContext } from '../src/domain/signals/answerCache';
import { followThroughView } from '../src/domain/signals/delegationSignals';
import type { DelegationLevel } from '../src/domain/team/delegationLevels';
import type { Delegation } from '../src/domain/team/delegations';
import { readPace } from '../src/domain/signals/pace';
import { shippedSince } from '../src/domain/signals/shipped';

export const SIGNALS_COMMITS = 100_000;
export const SIGNALS_AUTHORS = 60;
/** The generated history ends here (the bench's "now"). */
export const SIGNALS_END = Date.UTC(2026, 5, 1, 12, 0, 0);
const DAY = 86_400_000;
const YEARS = 3;
const START = SIGNALS_END - YEARS * 365 * DAY;
/** The range the signals read: the last 26 weeks (covers pace's 10 weeks and islands' 26). */
export const SIGNALS_READ_WEEKS = 26;

/** mulberry32: a small, fast, seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

interface Zone {
  readonly name: string;
  /** Standard offset (minutes east of UTC) and the summer offset, with the days of the year between which summer time runs (inverted south of the equator). */
  readonly standard: number;
  readonly summer?: { readonly offset: number; readonly from: number; readonly to: number };
}

const ZONES: readonly Zone[] = [
  { name: 'Europe/Berlin', standard: 60, summer: { offset: 120, from: 88, to: 298 } },
  { name: 'Europe/London', standard: 0, summer: { offset: 60, from: 88, to: 298 } },
  { name: 'America/New_York', standard: -300, summer: { offset: -240, from: 70, to: 305 } },
  { name: 'America/Los_Angeles', standard: -480, summer: { offset: -420, from: 70, to: 305 } },
  { name: 'America/Sao_Paulo', standard: -180 },
  { name: 'America/Santiago', standard: -240, summer: { offset: -180, from: 250, to: 95 } },
  { name: 'Asia/Kolkata', standard: 330 },
  { name: 'Asia/Kathmandu', standard: 345 },
  { name: 'Asia/Tokyo', standard: 540 },
  { name: 'Australia/Sydney', standard: 600, summer: { offset: 660, from: 277, to: 95 } },
  { name: 'Pacific/Auckland', standard: 720, summer: { offset: 780, from: 270, to: 95 } },
  { name: 'UTC', standard: 0 },
];

function offsetAt(zone: Zone, instant: number): number {
  const summer = zone.summer;
  if (summer === undefined) {
    return zone.standard;
  }
  const date = new Date(instant + zone.standard * 60_000);
  const dayOfYear = Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY);
  const inSummer =
    summer.from < summer.to ? dayOfYear >= summer.from && dayOfYear < summer.to : dayOfYear >= summer.from || dayOfYear < summer.to;
  return inSummer ? summer.offset : zone.standard;
}

type Pattern = 'day' | 'owl' | 'early' | 'bursty';

interface Author {
  readonly name: string;
  readonly email: string;
  /** Another identity this author sometimes commits as (mapped back by .mailmap). */
  readonly alias?: { readonly name: string; readonly email: string };
  readonly zone: Zone;
  readonly pattern: Pattern;
  readonly weight: number;
  readonly joins: number;
  readonly leaves: number;
  readonly homes: readonly number[];
  readonly bursts: readonly number[];
}

const FIRST = [
  'Priya',
  'Sam',
  'Ana',
  'Lee',
  'Zoë',
  'Jonas',
  'Mei',
  'Omar',
  'Ingrid',
  'Kofi',
  'Lucía',
  'Arjun',
  'Hana',
  'Mateo',
  'Sofia',
  'Yusuf',
  'Aiko',
  'Björn',
  'Chloé',
  'Dmitri',
];
const LAST = [
  'Sharma',
  'Lee',
  'Okafor',
  'Müller',
  'García',
  'Tanaka',
  'Nguyen',
  'Silva',
  'Kowalski',
  'Haddad',
  'Johansson',
  'Mensah',
  'Rossi',
  'Cohen',
  'Ivanova',
];
const AREAS = ['billing', 'auth', 'api', 'ui', 'core', 'search', 'notifications', 'reports', 'payments', 'admin'];
const MODULES = ['model', 'service', 'handlers', 'views', 'util', 'store', 'client', 'jobs'];
const VERBS = ['Fix', 'Add', 'Refactor', 'Speed up', 'Handle', 'Remove', 'Rename', 'Document', 'Test', 'Simplify'];
const NOUNS = [
  'rounding in totals',
  'retry on timeout',
  'empty state',
  'pagination',
  'session expiry',
  'error message',
  'cache invalidation',
  'date parsing',
  'permissions check',
  'CSV export',
  'webhook signature',
  'search ranking',
];

function makeAuthors(): Author[] {
  const rng = random(0x5eed_0001);
  const authors: Author[] = [];
  const used = new Set<string>();
  for (let i = 0; i < SIGNALS_AUTHORS; i++) {
    let name = '';
    do {
      name = `${pick(rng, FIRST)} ${pick(rng, LAST)}`;
    } while (used.has(name));
    used.add(name);
    const email = `${name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z]+/g, '.')}@example.com`;
    const pattern: Pattern = i % 15 === 3 || i % 15 === 11 ? 'owl' : i % 20 === 7 ? 'early' : i % 20 === 13 ? 'bursty' : 'day';
    const joins = i < 45 ? START : START + Math.floor(rng() * 2 * 365) * DAY;
    const leaves = i % 12 === 5 ? START + Math.floor((1 + rng()) * 365) * DAY : SIGNALS_END;
    const homes = [Math.floor(rng() * AREAS.length), ...(rng() < 0.5 ? [Math.floor(rng() * AREAS.length)] : [])];
    const bursts = pattern === 'bursty' ? [0, 1, 2].map(() => joins + Math.floor(rng() * (leaves - joins - 14 * DAY))) : [];
    const alias =
      i % 15 === 2
        ? { name: name.split(' ')[0]?.toLowerCase() ?? name, email: `${name.split(' ')[0]?.toLowerCase() ?? 'x'}@home.example` }
        : undefined;
    authors.push({
      name,
      email,
      ...(alias === undefined ? {} : { alias }),
      zone: ZONES[i % ZONES.length] as Zone,
      pattern,
      weight: 0.3 + rng() * rng() * 4,
      joins,
      leaves,
      homes,
      bursts,
    });
  }
  return authors;
}

const BOTS = [
  { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', zone: ZONES[11] as Zone },
  { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com', zone: ZONES[11] as Zone },
];

/** The .mailmap: each alias mapped to the canonical identity. */
export function mailmapText(authors: readonly Author[]): string {
  return authors
    .filter((a) => a.alias !== undefined)
    .map((a) => `${a.name} <${a.email}> ${a.alias?.name ?? ''} <${a.alias?.email ?? ''}>\n`)
    .join('');
}

interface Planned {
  readonly author: number;
  /** Author date (instant) and offset. */
  readonly at: number;
  readonly offset: number;
  /** Committer date: later than the author date for a rebased commit. */
  readonly committedAt: number;
  readonly bot: number;
}

/** A local hour (fractional) for a commit by this author on a day, by pattern. */
function localHour(rng: Rng, author: Author, dayStart: number): number {
  const inBurst = author.bursts.some((b) => dayStart >= b && dayStart < b + 14 * DAY);
  if (inBurst && rng() < 0.55) {
    return 21 + rng() * 4.5;
  }
  switch (author.pattern) {
    case 'owl':
      return (20 + rng() * 6.5) % 24;
    case 'early':
      return 6 + rng() * 8;
    default:
      // Mostly 09:00–18:00, with a tail into the evening.
      return rng() < 0.94 ? 9 + rng() * 9 : 18 + rng() * 5;
  }
}

function planCommits(authors: readonly Author[], total: number): Planned[] {
  const rng = random(0x5eed_0002);
  const planned: Planned[] = [];
  const weights = authors.reduce((sum, a) => sum + a.weight * ((a.leaves - a.joins) / (SIGNALS_END - START)), 0);
  const botCommits = YEARS * 52 * 3;
  const people = total - botCommits;
  for (let i = 0; i < authors.length; i++) {
    const author = authors[i] as Author;
    const span = author.leaves - author.joins;
    const count = Math.round((people * author.weight * (span / (SIGNALS_END - START))) / weights);
    // Two holidays a year of 1–3 weeks.
    const holidays = Array.from({ length: YEARS * 2 }, () => ({ from: author.joins + rng() * span, days: 7 + Math.floor(rng() * 15) }));
    for (let made = 0; made < count;) {
      const dayIndex = Math.floor(rng() * (span / DAY));
      const localMidnight = Math.floor((author.joins + dayIndex * DAY) / DAY) * DAY;
      if (holidays.some((h) => localMidnight >= h.from && localMidnight < h.from + h.days * DAY)) {
        continue;
      }
      const weekday = new Date(localMidnight).getUTCDay();
      if ((weekday === 0 || weekday === 6) && rng() > (author.pattern === 'owl' ? 0.25 : 0.04)) {
        continue;
      }
      const hour = localHour(rng, author, localMidnight);
      const wall = localMidnight + hour * 3_600_000;
      const offset = offsetAt(author.zone, wall - author.zone.standard * 60_000);
      const at = Math.floor((wall - offset * 60_000) / 1000) * 1000;
      if (at >= SIGNALS_END) {
        continue;
      }
      const rebased = rng() < 0.03;
      planned.push({
        author: i,
        at,
        offset,
        committedAt: rebased ? Math.min(SIGNALS_END, at + (1 + rng() * 5) * DAY) : at + Math.floor(rng() * 1800) * 1000,
        bot: -1,
      });
      made += 1;
    }
  }
  for (let k = 0; k < botCommits; k++) {
    const at = START + Math.floor((((k + rng()) / botCommits) * (SIGNALS_END - START)) / 1000) * 1000;
    planned.push({ author: -1, at, offset: 0, committedAt: at, bot: k % 2 });
  }
  return planned.sort((a, b) => a.committedAt - b.committedAt || a.at - b.at);
}

function signature(name: string, email: string, at: number, offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${name} <${email}> ${Math.floor(at / 1000)} ${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

type FileCommand = string;

/**
 * Writes the fast-import stream, piece by piece, to `write` (which returns false when the reader
 * wants a pause; `drain` waits for it).
 */
export async function writeFastImport(
  write: (text: string) => boolean,
  drain: () => Promise<void>,
  total = SIGNALS_COMMITS,
): Promise<{ readonly commits: number; readonly merges: number }> {
  const authors = makeAuthors();
  const rng = random(0x5eed_0003);
  // Merges are part of the total: plan the rest.
  const plannedMerges = Math.round(total / 25);
  const plan = planCommits(authors, total - plannedMerges - 1);
  const files: string[][][] = AREAS.map(() => MODULES.map(() => Array.from({ length: 8 + Math.floor(rng() * 20) }, (_, k) => `file${k}`)));
  const existing = new Set<string>();
  const owners = new Map<number, number>();
  const ownedBy = new Map<number, number>();
  authors.forEach((a, i) => {
    const module = (a.homes[0] ?? 0) * MODULES.length + (i % MODULES.length);
    if (i % 10 === 4 && !owners.has(module)) {
      owners.set(module, i);
      ownedBy.set(i, module);
    }
  });
  let mark = 0;
  let mainTip = 0;
  let pr = 1;
  let buffer = '';
  const flush = async (force = false): Promise<void> => {
    if (buffer.length > 1_000_000 || (force && buffer.length > 0)) {
      const ok = write(buffer);
      buffer = '';
      if (!ok) {
        await drain();
      }
    }
  };

  const emit = (
    ref: string,
    author: string,
    committer: string,
    message: string,
    commands: readonly FileCommand[],
    from: number,
    merge?: number,
  ): number => {
    mark += 1;
    buffer += `commit ${ref}\nmark :${mark}\nauthor ${author}\ncommitter ${committer}\n${data(message)}${from > 0 ? `from :${from}\n` : ''}${merge === undefined ? '' : `merge :${merge}\n`}${commands.join('')}\n`;
    return mark;
  };

  const changeFor = (author: number, commitIndex: number): FileCommand[] => {
    const a = authors[author] as Author;
    const commands: FileCommand[] = [];
    const roll = rng();
    const content = (p: string): string => `M 100644 inline ${p}\n${data(`${p} ${commitIndex}`)}`;
    const touch = (p: string): void => {
      commands.push(content(p));
      existing.add(p);
    };
    if (roll < 0.05) {
      touch(`docs/${pick(rng, AREAS)}/${pick(rng, ['overview', 'howto', 'faq', 'design'])}.md`);
      return commands;
    }
    if (roll < 0.09) {
      touch(
        pick(rng, [
          'infra/terraform/main.tf',
          'infra/terraform/network.tf',
          'infra/k8s/deploy.yaml',
          '.github/workflows/ci.yml',
          'infra/k8s/ingress.yaml',
        ]),
      );
      return commands;
    }
    if (roll < 0.15) {
      touch(
        `web/src/${pick(rng, ['pages', 'components', 'hooks'])}/${pick(rng, ['Checkout', 'Login', 'Invoice', 'Search', 'Settings', 'Header'])}.tsx`,
      );
      return commands;
    }
    let area = 0;
    let moduleIndex = 0;
    const owned = ownedBy.get(author);
    for (let attempt = 0; attempt < 4; attempt++) {
      if (owned !== undefined && rng() < 0.3) {
        area = Math.floor(owned / MODULES.length);
        moduleIndex = owned % MODULES.length;
        break;
      }
      area = rng() < 0.75 ? (pick(rng, a.homes) ?? 0) : Math.floor(rng() * AREAS.length);
      moduleIndex = Math.floor(rng() * MODULES.length);
      // A module one person owns is one the others mostly leave alone: the islands to find.
      const owner = owners.get(area * MODULES.length + moduleIndex);
      if (owner === undefined || owner === author || rng() < 0.03) {
        break;
      }
    }
    const names = files[area]?.[moduleIndex] ?? [];
    const folder = `src/${AREAS[area] ?? ''}/${MODULES[moduleIndex] ?? ''}`;
    if (rng() < 0.02) {
      names.push(`file${names.length}`);
    }
    const count = Math.min(6, 1 + Math.floor(-Math.log(1 - rng()) * 1.6));
    const chosen = new Set<number>();
    for (let n = 0; n < count; n++) {
      chosen.add(Math.floor(rng() * names.length));
    }
    for (const index of chosen) {
      const name = names[index] ?? 'file0';
      const source = `${folder}/${name}.ts`;
      if (rng() < 0.004 && existing.has(source)) {
        const renamed = `${name}_${commitIndex.toString(36)}`;
        names[index] = renamed;
        const target = `${folder}/${renamed}.ts`;
        commands.push(`R ${source} ${target}\n`);
        existing.delete(source);
        existing.add(target);
        continue;
      }
      touch(source);
      if (rng() < 0.35) {
        touch(`test/${AREAS[area] ?? ''}/${MODULES[moduleIndex] ?? ''}/${name}.test.ts`);
      }
    }
    return commands;
  };

  const messageFor = (author: number, area: string): string => {
    const subject = `${area}: ${pick(rng, VERBS)} ${pick(rng, NOUNS)} (#${pr++})`;
    const trailers: string[] = [];
    if (rng() < 0.12) {
      const reviewer = authors[Math.floor(rng() * authors.length)] as Author;
      if (reviewer !== authors[author]) {
        trailers.push(`Reviewed-by: ${reviewer.name} <${reviewer.email}>`);
      }
    }
    if (rng() < 0.03) {
      const pair = authors[Math.floor(rng() * authors.length)] as Author;
      if (pair !== authors[author]) {
        trailers.push(`Co-authored-by: ${pair.name} <${pair.email}>`);
      }
    }
    return trailers.length === 0 ? `${subject}\n` : `${subject}\n\nA change for the bench.\n\n${trailers.join('\n')}\n`;
  };

  // The first commit: the .mailmap and a README.
  const root = signature('Repo Setup', 'setup@example.com', START - DAY, 0);
  mainTip = emit(
    'refs/heads/main',
    root,
    root,
    'Initial commit\n',
    [`M 100644 inline .mailmap\n${data(mailmapText(authors))}`, `M 100644 inline README.md\n${data('# Generated\n')}`],
    0,
  );
  let commits = 1;
  let merges = 0;
  for (let k = 0; k < plan.length;) {
    const topic = merges < plannedMerges && rng() < plannedMerges / (plan.length / 3) ? 2 + Math.floor(rng() * 3) : 0;
    const group = plan.slice(k, k + Math.max(1, topic));
    k += group.length;
    const replay: FileCommand[] = [];
    let tip = mainTip;
    for (const c of group) {
      const isBot = c.bot >= 0;
      const author = isBot ? undefined : (authors[c.author] as Author);
      const identity = isBot ? (BOTS[c.bot] ?? BOTS[0]) : author?.alias !== undefined && rng() < 0.25 ? author.alias : author;
      const who = signature(identity?.name ?? '', identity?.email ?? '', c.at, c.offset);
      const committer = signature(identity?.name ?? '', identity?.email ?? '', c.committedAt, c.offset);
      const commands: FileCommand[] = isBot
        ? [`M 100644 inline package.json\n${data(`{"v":${commits}}`)}`, `M 100644 inline package-lock.json\n${data(`{"lock":${commits}}`)}`]
        : changeFor(c.author, commits);
      const area = commands[0]?.split(' ')[3]?.split('/')[1] ?? 'repo';
      const message = isBot ? `Bump dependencies (${commits})\n` : messageFor(c.author, area);
      tip = emit(topic > 0 ? 'refs/heads/topic' : 'refs/heads/main', who, committer, message, commands, tip);
      replay.push(...commands);
      commits += 1;
    }
    if (topic > 0) {
      const last = group[group.length - 1] as Planned;
      const merger = authors[Math.floor(rng() * authors.length)] as Author;
      const at = Math.min(SIGNALS_END - 1000, last.committedAt + 3_600_000);
      const sig = signature(merger.name, merger.email, at, offsetAt(merger.zone, at));
      mainTip = emit('refs/heads/main', sig, sig, `Merge pull request #${pr++} from topic\n`, replay, mainTip, tip);
      commits += 1;
      merges += 1;
    } else {
      mainTip = tip;
    }
    await flush();
  }
  await flush(true);
  return { commits, merges };
}

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: gitEnv() });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  }
  return result.stdout;
}

function gitEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    HOME: os.tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(os.tmpdir(), 'tlc-no-global-gitconfig'),
  };
}

/** Creates the bench repository in `folder` (a bare repository, HEAD on main). */
export async function createSignalsRepo(
  folder: string,
  total = SIGNALS_COMMITS,
): Promise<{ readonly commits: number; readonly merges: number }> {
  fs.mkdirSync(folder, { recursive: true });
  run('git', ['init', '--bare', '-q', folder], folder);
  run('git', ['symbolic-ref', 'HEAD', 'refs/heads/main'], folder);
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: folder, env: gitEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const counts = await writeFastImport(
    (text) => child.stdin.write(text),
    () => new Promise((resolve) => child.stdin.once('drain', () => resolve())),
    total,
  );
  child.stdin.end('done\n');
  const code = await exited;
  if (code !== 0) {
    throw new Error(`git fast-import failed (${code}): ${stderr}`);
  }
  run('git', ['update-ref', '-d', 'refs/heads/topic'], folder);
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface ReadResult {
  readonly ms: number;
  readonly bytes: number;
  readonly chunks: number;
  /** Sum of the synchronous work per chunk (parse + add). */
  readonly workMs: number;
  readonly longestChunkMs: number;
  /** The most CPU time one chunk took (user + system, all threads): what it costs without waiting for a core. */
  readonly longestChunkCpuMs: number;
}

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Runs git with `args` in `repo`; each chunk of stdout (UTF-8 text) goes to `onChunk`, timed. */
function readGit(repo: string, args: readonly string[], onChunk: (chunk: string) => void, onEnd: () => void): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('git', args, { cwd: repo, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8');
    let bytes = 0;
    let chunks = 0;
    let workMs = 0;
    let longest = 0;
    let stderr = '';
    let longestCpu = 0;
    child.stdout.on('data', (chunk: string) => {
      const t = performance.now();
      const c = cpuMs();
      onChunk(chunk);
      const dt = performance.now() - t;
      longestCpu = Math.max(longestCpu, cpuMs() - c);
      workMs += dt;
      longest = Math.max(longest, dt);
      bytes += chunk.length;
      chunks += 1;
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`git ${args.join(' ')}: ${stderr}`));
        return;
      }
      const t = performance.now();
      onEnd();
      const dt = performance.now() - t;
      workMs += dt;
      longest = Math.max(longest, dt);
      resolve({ ms: performance.now() - started, bytes, chunks, workMs, longestChunkMs: longest, longestChunkCpuMs: longestCpu });
    });
  });
}

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
};
/** The JavaScript heap plus the typed arrays' backing stores (which V8 keeps outside its heap). */
const heapMB = (): number => {
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1_048_576;
};
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function plainLog(repo: string, args: readonly string[]): Promise<ReadResult> {
  return readGit(
    repo,
    args,
    () => undefined,
    () => undefined,
  );
}

async function modelLog(repo: string, args: readonly string[], history: CommitHistory): Promise<ReadResult> {
  const parser = new GitLogParser();
  return readGit(
    repo,
    args,
    (chunk) => history.add(parser.feed(chunk)),
    () => history.add(parser.end()),
  );
}

/** Every signal from the model: pace for everyone, islands, 200 follow-throughs, shipped lists, the lead's week. */
async function allSignals(history: CommitHistory): Promise<{
  readonly ms: number;
  /** What the person pages and the coach compute: the identities, and pace and shipped-since for every person. */
  readonly paceAndShippedMs: number;
  /** Islands ready (in slices, yields included) and 200 follow-through lines computed, as the engine does them. */
  readonly islandsAndFollowThroughMs: number;
  readonly islandsMs: number;
  readonly longestIslandStepMs: number;
  readonly longestPaceMs: number;
  readonly longestFollowThroughMs: number;
  /** Each of the 200 delegations' worded follow-through line, first asked after the read (not cached yet). */
  readonly followThroughLineMs: readonly number[];
  /** The 200 lines asked again with nothing changed (a tree refresh): all of them, from the cache. */
  readonly followThroughRefreshMs: number;
  /** Listing the identities to find the lead's (the engine does it once per read, on the first answer). */
  readonly peopleMs: number;
  readonly islands: number;
  readonly paceSignals: number;
}> {
  const started = performance.now();
  const identities = listIdentities(history, { name: 'Nobody Here', email: 'lead@example.com' });
  const people = identities.filter((i) => !i.bot);
  const links: Record<string, IdentityKey[]> = {};
  people.forEach((identity, n) => {
    links[`p-${n}`] = [identity.key];
  });
  const lead = leadIdentities(identities);
  const signalPeople: SignalPeople = {
    links: links as IdentityLinks,
    lead: people[0] === undefined ? lead : new Set([...lead, people[0].key]),
  };
  const peopleMs = performance.now() - started;
  let paceSignals = 0;
  let longestPace = 0;
  for (const personId of Object.keys(links)) {
    const t = performance.now();
    if (readPace(history, new Set(links[personId]), SIGNALS_END).signal) {
      paceSignals += 1;
    }
    longestPace = Math.max(longestPace, performance.now() - t);
    shippedSince(history, new Set(links[personId]), SIGNALS_END - 14 * DAY);
  }
  const delegationStarted = performance.now();
  // The islands in slices, as the engine runs them (SlicedIslands: a yield to the event loop whenever a slice used its budget).
  let longestIslandStep = 0;
  function* timed(steps: Generator<undefined, IslandReading, void>): Generator<undefined, IslandReading, void> {
    for (;;) {
      const t = performance.now();
      const next = steps.next();
      longestIslandStep = Math.max(longestIslandStep, performance.now() - t);
      if (next.done === true) {
        return next.value;
      }
      yield;
    }
  }
  const sliced = new SlicedIslands(
    () => undefined,
    (error: unknown) => {
      throw error;
    },
  );
  sliced.want('bench', () => timed(islandSteps(history, signalPeople, SIGNALS_END)));
  await sliced.settled();
  const islands = sliced.reading?.islands.length ?? 0;
  const islandsMs = performance.now() - delegationStarted;
  // 200 delegations linked to a module each, their lines worded as a Delegations row gets them (the engine's cache in front).
  const rng = random(0x5eed_0004);
  const delegations: Delegation[] = [];
  for (let d = 0; d < 200; d++) {
    const created = new Date(SIGNALS_END - (5 + Math.floor(rng() * 60)) * DAY).toISOString().slice(0, 10) as DateKey;
    const checkIn =
      rng() < 0.5 ? [{ kind: 'checkIn' as const, on: new Date(SIGNALS_END - 3 * DAY).toISOString().slice(0, 10) as DateKey }] : [];
    delegations.push({
      id: `d-${d}`,
      task: `Delegated work ${d}`,
      personId: `p-${Math.floor(rng() * people.length)}`,
      level: (1 + Math.floor(rng() * 7)) as DelegationLevel,
      createdOn: created,
      followUpOn: new Date(SIGNALS_END + 7 * DAY).toISOString().slice(0, 10) as DateKey,
      code: { paths: [`src/${pick(rng, AREAS)}/${pick(rng, MODULES)}/`] },
      history: [{ kind: 'created', on: created }, ...checkIn],
    });
  }
  const today = new Date(SIGNALS_END).toISOString().slice(0, 10) as DateKey;
  const context: AnswerContext = { history: history.size, branches: 0, people: '0', today };
  const cache = new FollowThroughCache();
  const line = (delegation: Delegation): void => {
    cache.view(delegation, 'Priya Sharma', context, () =>
      followThroughView(history, delegation, 'Priya Sharma', signalPeople, SIGNALS_END, today),
    );
  };
  const lineMs: number[] = [];
  for (const delegation of delegations) {
    const t = performance.now();
    line(delegation);
    lineMs.push(performance.now() - t);
  }
  const islandsAndFollowThroughMs = performance.now() - delegationStarted;
  const refreshStarted = performance.now();
  delegations.forEach(line);
  const followThroughRefreshMs = performance.now() - refreshStarted;
  leadWeek(history, signalPeople.lead, {}, new Date(SIGNALS_END - 7 * DAY).toISOString().slice(0, 10) as DateKey);
  return {
    ms: performance.now() - started - followThroughRefreshMs,
    paceAndShippedMs: delegationStarted - started,
    islandsAndFollowThroughMs,
    islandsMs,
    longestIslandStepMs: longestIslandStep,
    longestPaceMs: longestPace,
    longestFollowThroughMs: Math.max(...lineMs),
    followThroughLineMs: lineMs,
    followThroughRefreshMs,
    peopleMs,
    islands,
    paceSignals,
  };
}

/** Appends one commit to main (as a new fast-import run). */
function addOneCommit(repo: string): void {
  const head = run('git', ['rev-parse', 'HEAD'], repo).trim();
  const at = SIGNALS_END - 60_000;
  const sig = signature('Priya Sharma', 'priya.sharma@example.com', at, 120);
  const stream = `commit refs/heads/main\nauthor ${sig}\ncommitter ${sig}\n${data('billing: One more change\n')}from ${head}\nM 100644 inline src/billing/model/file1.ts\n${data('one more')}\ndone\n`;
  const result = spawnSync('git', ['fast-import', '--quiet', '--done'], { cwd: repo, input: stream, env: gitEnv(), encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`fast-import of one commit failed: ${result.stderr}`);
  }
}

export interface SignalsBench {
  readonly commits: number;
  readonly merges: number;
  readonly createMs: number;
  readonly windowCommits: number;
  readonly gitLogMs: number;
  readonly coldReadMs: number;
  readonly parseModelMs: number;
  readonly coldRatio: number;
  readonly signalsMs: number;
  /** Identities, pace and shipped-since for every person: what the editor's signals compute today. */
  readonly paceAndShippedMs: number;
  /** Plain `git log --name-only` over the same window (issue 25's reference). */
  readonly nameOnlyLogMs: number;
  /** (Read + islands ready in slices + 200 follow-through lines) / nameOnlyLogMs. */
  readonly delegationSignalsRatio: number;
  /** Islands ready in slices and 200 follow-through lines, after the read. */
  readonly islandsAndFollowThroughMs: number;
  /** Each delegation's follow-through line, first asked after the read, sorted. */
  readonly followThroughLinesMs: readonly number[];
  /** The 200 lines again from the cache (a tree refresh). */
  readonly followThroughRefreshMs: number;
  /** Listing the identities for the lead's, once per read. */
  readonly peopleMs: number;
  readonly coldWithSignalsRatio: number;
  readonly longestChunkMs: number;
  readonly longestChunkCpuMs: number;
  readonly heapMB: number;
  readonly fullGitLogMs: number;
  readonly fullColdReadMs: number;
  readonly fullRatio: number;
  readonly fullLongestChunkMs: number;
  readonly fullLongestChunkCpuMs: number;
  readonly fullHeapMB: number;
  readonly incrementalMs: number;
  /** The part of it in our code (parse, add, pace), without git's own run. */
  readonly incrementalWorkMs: number;
  readonly longestFollowThroughMs: number;
  /** The knowledge islands of the whole tree: one synchronous call. */
  readonly islandsMs: number;
  /** The longest of the islands' slices (islandSteps). */
  readonly longestIslandStepMs: number;
  readonly longestPaceMs: number;
  readonly islands: number;
  readonly paceSignals: number;
}

/** The whole measurement on a repository created in `folder`. */
export async function measureSignals(folder: string, rounds = 3, total = SIGNALS_COMMITS): Promise<SignalsBench> {
  const createStarted = performance.now();
  const { commits, merges } = await createSignalsRepo(folder, total);
  const createMs = performance.now() - createStarted;
  const windowArgs = gitLogArgs({ sinceMs: SIGNALS_END - SIGNALS_READ_WEEKS * 7 * DAY });
  const fullArgs = gitLogArgs();
  // Warm the page cache once, then alternate plain and model reads, taking medians.
  await plainLog(folder, fullArgs);
  const plain: number[] = [];
  const cold: number[] = [];
  const work: number[] = [];
  const longest: number[] = [];
  const longestCpu: number[] = [];
  let windowCommits = 0;
  let heap = NaN;
  let history = new CommitHistory();
  for (let r = 0; r < rounds; r++) {
    plain.push((await plainLog(folder, windowArgs)).ms);
    history = new CommitHistory();
    gc();
    const before = heapMB();
    const read = await modelLog(folder, windowArgs, history);
    history.byTime();
    gc();
    heap = heapMB() - before;
    windowCommits = history.size;
    cold.push(read.ms);
    work.push(read.workMs);
    longest.push(read.longestChunkMs);
    longestCpu.push(read.longestChunkCpuMs);
  }
  // Signals from the model of the window; and the plain `git log --name-only` issue 25 compares with.
  const signals = await allSignals(history);
  const nameOnly: number[] = [];
  for (let r = 0; r < rounds; r++) {
    nameOnly.push(
      (
        await plainLog(folder, [
          'log',
          '--name-only',
          '--format=%H',
          `--since=${new Date(SIGNALS_END - SIGNALS_READ_WEEKS * 7 * DAY).toISOString()}`,
          'HEAD',
          '--',
        ])
      ).ms,
    );
  }

  const fullPlain: number[] = [];
  const fullCold: number[] = [];
  const fullLongest: number[] = [];
  const fullLongestCpu: number[] = [];
  let fullHeap = NaN;
  let full = new CommitHistory();
  for (let r = 0; r < rounds; r++) {
    fullPlain.push((await plainLog(folder, fullArgs)).ms);
    full = new CommitHistory();
    gc();
    const before = heapMB();
    const read = await modelLog(folder, fullArgs, full);
    full.byTime();
    gc();
    fullHeap = heapMB() - before;
    fullCold.push(read.ms);
    fullLongest.push(read.longestChunkMs);
    fullLongestCpu.push(read.longestChunkCpuMs);
  }

  // One new commit, read incrementally into the full model, and one person's pace again.
  const head = run('git', ['rev-parse', 'HEAD'], folder).trim();
  addOneCommit(folder);
  const incStarted = performance.now();
  const incremental = await modelLog(folder, gitLogArgs({ from: head }), full);
  const paceStarted = performance.now();
  full.byTime();
  const priya = listIdentities(full).find((i) => i.name === 'Priya Sharma');
  readPace(full, new Set(priya === undefined ? [] : [priya.key]), SIGNALS_END);
  const incrementalMs = performance.now() - incStarted;
  const incrementalWorkMs = incremental.workMs + (performance.now() - paceStarted);

  const gitLogMs = median(plain);
  const coldReadMs = median(cold);
  return {
    commits,
    merges,
    createMs,
    windowCommits,
    gitLogMs,
    coldReadMs,
    parseModelMs: median(work),
    coldRatio: coldReadMs / gitLogMs,
    signalsMs: signals.ms,
    paceAndShippedMs: signals.paceAndShippedMs,
    nameOnlyLogMs: median(nameOnly),
    delegationSignalsRatio: (coldReadMs + signals.islandsAndFollowThroughMs) / median(nameOnly),
    islandsAndFollowThroughMs: signals.islandsAndFollowThroughMs,
    followThroughLinesMs: [...signals.followThroughLineMs].sort((a, b) => a - b),
    followThroughRefreshMs: signals.followThroughRefreshMs,
    peopleMs: signals.peopleMs,
    coldWithSignalsRatio: (coldReadMs + signals.ms) / gitLogMs,
    longestChunkMs: Math.max(...longest),
    longestChunkCpuMs: Math.max(...longestCpu),
    heapMB: heap,
    fullGitLogMs: median(fullPlain),
    fullColdReadMs: median(fullCold),
    fullRatio: median(fullCold) / median(fullPlain),
    fullLongestChunkMs: Math.max(...fullLongest),
    fullLongestChunkCpuMs: Math.max(...fullLongestCpu),
    fullHeapMB: fullHeap,
    incrementalMs,
    incrementalWorkMs,
    longestFollowThroughMs: signals.longestFollowThroughMs,
    islandsMs: signals.islandsMs,
    longestIslandStepMs: signals.longestIslandStepMs,
    longestPaceMs: signals.longestPaceMs,
    islands: signals.islands,
    paceSignals: signals.paceSignals,
  };
}

async function main(): Promise<void> {
  if ((globalThis as { gc?: unknown }).gc === undefined) {
    // Heap figures need a full GC: run again with --expose-gc.
    const again = spawnSync(process.execPath, ['--expose-gc', ...process.argv.slice(1)], { stdio: 'inherit' });
    process.exit(again.status ?? 1);
  }
  const given = process.argv[2];
  const folder = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-signals-repo-'));
  if (given !== undefined && fs.existsSync(given) && fs.readdirSync(given).length > 0) {
    throw new Error(`${given} is not empty`);
  }
  process.stderr.write(`[signals] generating ${process.env['TLC_SIGNALS_COMMITS'] ?? SIGNALS_COMMITS} commits into ${folder}\n`);
  try {
    // TLC_SIGNALS_COMMITS: a smaller repository for a quick try of the script itself.
    const result = await measureSignals(folder, 3, Number(process.env['TLC_SIGNALS_COMMITS'] ?? SIGNALS_COMMITS));
    const round = (n: number): number => Math.round(n * 10) / 10;
    const lines = [
      `repository: ${result.commits} commits (${result.merges} merges), created in ${round(result.createMs / 1000)} s`,
      `last ${SIGNALS_READ_WEEKS} weeks: ${result.windowCommits} commits`,
      `  plain git log                  ${round(result.gitLogMs)} ms`,
      `  git log → parser → model       ${round(result.coldReadMs)} ms (ratio ${round(result.coldRatio * 100) / 100}), parse+model work ${round(result.parseModelMs)} ms`,
      `  every signal from the model    ${round(result.signalsMs)} ms (read + signals ratio ${round(result.coldWithSignalsRatio * 100) / 100}); longest follow-through ${round(result.longestFollowThroughMs)} ms, longest pace ${round(result.longestPaceMs)} ms, islands ${round(result.islandsMs)} ms in slices of at most ${round(result.longestIslandStepMs)} ms`,
      `  plain git log --name-only      ${round(result.nameOnlyLogMs)} ms; read + islands + 200 follow-throughs ratio ${round(result.delegationSignalsRatio * 100) / 100} (islands and lines ${round(result.islandsAndFollowThroughMs)} ms)`,
      `  follow-through line per row    median ${round(median(result.followThroughLinesMs) * 100) / 100} ms, max ${round(result.longestFollowThroughMs * 100) / 100} ms; 200 rows again from the cache ${round(result.followThroughRefreshMs * 100) / 100} ms; identities for the lead ${round(result.peopleMs)} ms`,
      `  longest synchronous chunk      ${round(result.longestChunkMs)} ms wall, ${round(result.longestChunkCpuMs)} ms CPU at most`,
      `  model heap                     ${round(result.heapMB)} MB`,
      `whole history:`,
      `  plain git log                  ${round(result.fullGitLogMs)} ms`,
      `  git log → parser → model       ${round(result.fullColdReadMs)} ms (ratio ${round(result.fullRatio * 100) / 100}), longest chunk ${round(result.fullLongestChunkMs)} ms wall, ${round(result.fullLongestChunkCpuMs)} ms CPU at most`,
      `  model heap                     ${round(result.fullHeapMB)} MB`,
      `incremental read of one new commit + one pace: ${round(result.incrementalMs)} ms (of which parse, add and pace ${round(result.incrementalWorkMs)} ms)`,
      `signals found: ${result.islands} islands, ${result.paceSignals} pace signals (of ${SIGNALS_AUTHORS} people)`,
      `machine: ${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(result)}\n`);
  } finally {
    if (given === undefined) {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
