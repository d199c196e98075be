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

/** Per path id, its folder at each depth from 1 to {@link MAX_ISLAND_DEPTH}, as numbers (-1: none). */
class Folders {
  readonly names: string[] = [];
  readonly byDepth: Int32Array[] = [];

  constructor(history: CommitHistory) {
    const ids = new Map<string, number>();
    for (let depth = 0; depth <= MAX_ISLAND_DEPTH; depth++) {
      const table = new Int32Array(history.pathCount).fill(-1);
      for (let pathId = 0; depth > 0 && pathId < table.length; pathId++) {
        const folder = folderOfDepth(history.pathOf(pathId), depth);
        if (folder !== undefined) {
          let id = ids.get(folder);
          if (id === undefined) {
            id = this.names.length;
            this.names.push(folder);
            ids.set(folder, id);
          }
          table[pathId] = id;
        }
      }
      this.byDepth.push(table);
    }
  }

  at(depth: number): Int32Array {
    return this.byDepth[depth] ?? new Int32Array(0);
  }
}

/** The commits of the window that count: no merges, no bots. */
function countedCommits(history: CommitHistory, from: number, to: number): number[] {
  const bots = botMask(history);
  return history.select({ from, to, merges: 'exclude' }).filter((i) => bots[history.authorOf(i)] !== 1);
}

function fittedDepth(history: CommitHistory, commits: readonly number[], folders: Folders): number {
  const count = folders.names.length;
  const files = new Int32Array(count);
  const changes = new Int32Array(count);
  const stamp = new Int32Array(count);
  const top = folders.at(1);
  let total = 0;
  for (const i of commits) {
    for (let e = history.filesStart(i); e < history.filesEnd(i); e++) {
      total += (top[history.filePathId(e)] ?? -1) === -1 ? 0 : 1;
    }
  }
  let fitted = 1;
  for (let depth = 1; depth <= MAX_ISLAND_DEPTH && total > 0; depth++) {
    // Per folder: the file changes in it, and the commits that touched it.
    const table = folders.at(depth);
    files.fill(0);
    changes.fill(0);
    stamp.fill(-1);
    for (const i of commits) {
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

/** The depth {@link findKnowledgeIslands} uses for the window ending at `now`. */
export function islandDepth(history: CommitHistory, now: number): number {
  const commits = countedCommits(history, now - ISLAND_WINDOW_DAYS * MS_PER_DAY, now + 1);
  return fittedDepth(history, commits, new Folders(history));
}

/** The knowledge islands at `now` (ms). */
export function findKnowledgeIslands(history: CommitHistory, people: SignalPeople, now: number, options: IslandOptions = {}): IslandReading {
  const commits = countedCommits(history, now - ISLAND_WINDOW_DAYS * MS_PER_DAY, now + 1);
  const folders = new Folders(history);
  const depth = options.depth ?? fittedDepth(history, commits, folders);
  const table = folders.at(depth);

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
  for (const i of commits) {
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
