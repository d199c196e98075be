/**
 * Knowledge islands: folders where one person made nearly all the recent changes, so that one
 * absence, holiday or move leaves nobody who knows the code (a truck factor of 2 or less in 65% of
 * 133 popular GitHub systems: Avelino et al., ICPC 2016). Shown to the lead only, as a chance to
 * spread knowledge (which protects the person who holds it, too), never as a fault of theirs.
 *
 * The rules:
 * - Changes are counted per folder as commits that touched it (a commit changing 30 files in one
 *   folder is one change), over the last {@link ISLAND_WINDOW_DAYS} days (26 weeks), bots and
 *   merges left out.
 * - The depth fits the repository: the deepest depth from 1 to {@link MAX_ISLAND_DEPTH} at which
 *   folders still hold a meaningful share of the changes, that is, at which at least
 *   {@link MEANINGFUL_COVERAGE} (half) of all file changes lie in folders with at least
 *   {@link MEANINGFUL_FOLDER_CHANGES} (20, twice the smallest island) changes in the window.
 *   Deeper than that, changes splinter into folders too small to say who knows them; shallower,
 *   one folder mixes areas that different people know. A small repository gets its top folders,
 *   a large one its modules.
 * - A folder is an island when one linked person (or the lead) made at least {@link ISLAND_SHARE}
 *   (80%) of its changes *alone*, it had at least {@link MIN_ISLAND_CHANGES} (10) changes, and it is
 *   still active: a change within the last {@link ACTIVE_DAYS} (30) days. A commit with a
 *   Co-authored-by trailer naming someone else is shared knowledge and is nobody's alone.
 * - Authors not linked to a person count in every total (their changes are knowledge too) but are
 *   never named: a folder they dominate is not listed.
 * - An island dissolves as others change the folder (their share pushes the owner's under 80%), and
 *   stops being one when the folder goes quiet (nothing changed for 30 days: nobody needs it now).
 *
 * Plain TypeScript with no VS Code dependency.
 */
import { TRAILER_CO_AUTHOR, type CommitHistory } from './history';
import { botMask, personByIdentity } from './identities';
import type { SignalPeople } from './followThrough';
import { MS_PER_DAY } from './workingHours';

export const ISLAND_WINDOW_DAYS = 182;
export const ACTIVE_DAYS = 30;
export const ISLAND_SHARE = 0.8;
export const MIN_ISLAND_CHANGES = 10;
export const MAX_ISLAND_DEPTH = 4;
export const MEANINGFUL_FOLDER_CHANGES = 20;
export const MEANINGFUL_COVERAGE = 0.5;

/** Who holds an island: a person of the Team, or the lead. */
export type IslandHolder = { readonly kind: 'person'; readonly personId: string } | { readonly kind: 'lead' };

export interface KnowledgeIsland {
  /** `billing/invoices/`. */
  readonly folder: string;
  readonly holder: IslandHolder;
  /** Changes the holder made alone in the window. */
  readonly holderChanges: number;
  /** All changes in the window. */
  readonly changes: number;
  /** holderChanges / changes. */
  readonly share: number;
  readonly lastChangeAt: number;
}

export interface IslandReading {
  readonly depth: number;
  /** In folder order (never ranked). */
  readonly islands: readonly KnowledgeIsland[];
}

export interface IslandOptions {
  /** A depth to use instead of the fitted one. */
  readonly depth?: number;
}

/** The folder of `path` with exactly `depth` segments (`a/b/` at 2), or undefined for a file higher up. */
export function folderOfDepth(path: string, depth: number): string | undefined {
  let end = -1;
  for (let d = 0; d < depth; d++) {
    end = path.indexOf('/', end + 1);
    if (end === -1) {
      return undefined;
    }
  }
  return path.slice(0, end + 1);
}

/** Per path id, its folder at each depth from 1 to {@link MAX_ISLAND_DEPTH}, as numbers (-1: none); each depth computed when first asked. */
class Folders {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byDepth: Int32Array[] = [];

  constructor(private readonly history: CommitHistory) {}

  at(depth: number): Int32Array {
    const known = this.byDepth[depth];
    if (known !== undefined) {
      return known;
    }
    const table = new Int32Array(this.history.pathCount).fill(-1);
    for (let pathId = 0; pathId < table.length; pathId++) {
      const folder = folderOfDepth(this.history.pathOf(pathId), depth);
      if (folder !== undefined) {
        let id = this.ids.get(folder);
        if (id === undefined) {
          id = this.names.length;
          this.names.push(folder);
          this.ids.set(folder, id);
        }
        table[pathId] = id;
      }
    }
    this.byDepth[depth] = table;
    return table;
  }
}

/** The commits of the window that count: no merges, no bots. */
function countedCommits(history: CommitHistory, from: number, to: number): number[] {
  const bots = botMask(history);
  return history.select({ from, to, merges: 'exclude' }).filter((i) => bots[history.authorOf(i)] !== 1);
}

/** Commits per step of {@link islandSteps}: a few milliseconds of work each, even before the code is optimised. */
export const ISLAND_STEP_COMMITS = 2000;

/** Fits the depth (see the module comment), yielding every `step` commits of each pass. */
function* fittedDepth(
  history: CommitHistory,
  commits: readonly number[],
  folders: Folders,
  step: number,
): Generator<undefined, number, void> {
  const top = folders.at(1);
  let total = 0;
  for (const i of commits) {
    for (let e = history.filesStart(i); e < history.filesEnd(i); e++) {
      total += (top[history.filePathId(e)] ?? -1) === -1 ? 0 : 1;
    }
  }
  yield;
  let fitted = 1;
  for (let depth = 1; depth <= MAX_ISLAND_DEPTH && total > 0; depth++) {
    // Per folder: the file changes in it, and the commits that touched it.
    const table = folders.at(depth);
    const count = folders.names.length;
    const files = new Int32Array(count);
    const changes = new Int32Array(count);
    const stamp = new Int32Array(count).fill(-1);
    for (let k = 0; k < commits.length; k++) {
      const i = commits[k] ?? 0;
      for (let e = history.filesStart(i); e < history.filesEnd(i); e++) {
        const folder = table[history.filePathId(e)] ?? -1;
        if (folder !== -1) {
          files[folder] = (files[folder] ?? 0) + 1;
          if (stamp[folder] !== i) {
            stamp[folder] = i;
            changes[folder] = (changes[folder] ?? 0) + 1;
          }
        }
      }
      if ((k + 1) % step === 0) {
        yield;
      }
    }
    let covered = 0;
    for (let folder = 0; folder < count; folder++) {
      covered += (changes[folder] ?? 0) >= MEANINGFUL_FOLDER_CHANGES ? (files[folder] ?? 0) : 0;
    }
    if (covered / total < MEANINGFUL_COVERAGE) {
      break;
    }
    fitted = depth;
  }
  return fitted;
}

/** Runs steps to the end in one go. */
function finish<T>(steps: Generator<undefined, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) {
      return next.value;
    }
  }
}

/** The depth {@link findKnowledgeIslands} uses for the window ending at `now`. */
export function islandDepth(history: CommitHistory, now: number): number {
  const commits = countedCommits(history, now - ISLAND_WINDOW_DAYS * MS_PER_DAY, now + 1);
  return finish(fittedDepth(history, commits, new Folders(history), Infinity));
}

/** The knowledge islands at `now` (ms), in one call (see {@link islandSteps} for the same work in slices). */
export function findKnowledgeIslands(
  history: CommitHistory,
  people: SignalPeople,
  now: number,
  options: IslandOptions = {},
): IslandReading {
  return finish(islandSteps(history, people, now, options, Infinity));
}

/**
 * The knowledge islands at `now` (ms), as steps: each `next()` does at most about `step` commits'
 * work and the last returns the reading, so the caller can give the event loop a turn between
 * slices (the whole tree of a large repository is more than one slice should hold). Commits the
 * history gains between steps are not counted.
 */
export function* islandSteps(
  history: CommitHistory,
  people: SignalPeople,
  now: number,
  options: IslandOptions = {},
  step = ISLAND_STEP_COMMITS,
): Generator<undefined, IslandReading, void> {
  const commits = countedCommits(history, now - ISLAND_WINDOW_DAYS * MS_PER_DAY, now + 1);
  yield;
  const folders = new Folders(history);
  yield;
  const depth = options.depth ?? (yield* fittedDepth(history, commits, folders, step));
  const table = folders.at(depth);
  yield;

  // Holders by number: the linked people 0…P−1, the lead P; an unlinked author P+1+identity
  // (counted, never named). Co-authors are found by email among the identities.
  const linked = personByIdentity(people.links);
  const personIds = [...new Set(linked.values())].sort();
  const personIndex = new Map(personIds.map((id, n) => [id, n]));
  const leadHolder = personIds.length;
  const named = leadHolder + 1;
  const holderOf = new Int32Array(history.identityCount);
  const byEmail = new Map<string, number>();
  for (let id = 0; id < history.identityCount; id++) {
    const identity = history.identity(id);
    const person = linked.get(identity.key);
    const holder = person !== undefined ? (personIndex.get(person) ?? 0) : people.lead.has(identity.key) ? leadHolder : named + id;
    holderOf[id] = holder;
    const email = identity.email.toLowerCase();
    if (email.length > 0 && !byEmail.has(email)) {
      byEmail.set(email, holder);
    }
  }

  const count = folders.names.length;
  const changes = new Int32Array(count);
  const lastAt = new Float64Array(count).fill(-Infinity);
  const stamp = new Int32Array(count).fill(-1);
  const alone = new Int32Array(count * named);
  const countIn = (folder: number, i: number, at: number, holder: number): void => {
    if (folder === -1 || stamp[folder] === i) {
      return;
    }
    stamp[folder] = i;
    changes[folder] = (changes[folder] ?? 0) + 1;
    lastAt[folder] = Math.max(lastAt[folder] ?? -Infinity, at);
    if (holder >= 0 && holder < named) {
      const slot = folder * named + holder;
      alone[slot] = (alone[slot] ?? 0) + 1;
    }
  };
  for (let k = 0; k < commits.length; k++) {
    if (k > 0 && k % step === 0) {
      yield;
    }
    const i = commits[k] ?? 0;
    const author = holderOf[history.authorOf(i)] ?? -1;
    const paired = history.hasTrailers(i) && history.trailersOf(i, TRAILER_CO_AUTHOR).some((p) => (byEmail.get(p.email) ?? -1) !== author);
    const holder = paired ? -1 : author;
    const at = history.authoredAt(i);
    for (let e = history.filesStart(i); e < history.filesEnd(i); e++) {
      countIn(table[history.filePathId(e)] ?? -1, i, at, holder);
      const from = history.fileFromId(e);
      if (from !== -1) {
        countIn(table[from] ?? -1, i, at, holder);
      }
    }
  }

  const islands: KnowledgeIsland[] = [];
  for (let folder = 0; folder < count; folder++) {
    const total = changes[folder] ?? 0;
    const last = lastAt[folder] ?? -Infinity;
    if (total < MIN_ISLAND_CHANGES || last < now - ACTIVE_DAYS * MS_PER_DAY) {
      continue;
    }
    for (let holder = 0; holder < named; holder++) {
      const mine = alone[folder * named + holder] ?? 0;
      if (mine / total >= ISLAND_SHARE) {
        islands.push({
          folder: folders.names[folder] ?? '',
          holder: holder === leadHolder ? { kind: 'lead' } : { kind: 'person', personId: personIds[holder] ?? '' },
          holderChanges: mine,
          changes: total,
          share: mine / total,
          lastChangeAt: last,
        });
      }
    }
  }
  islands.sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  return { depth, islands };
}
