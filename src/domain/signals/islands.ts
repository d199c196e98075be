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

/** Per path id, its folder at each depth (interned as numbers), computed once per call. */
class Folders {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byDepth: Int32Array[] = [];

  constructor(private readonly history: CommitHistory) {}

  of(pathId: number, depth: number): number {
    let table = this.byDepth[depth];
    if (table === undefined) {
      table = new Int32Array(this.history.pathCount).fill(-2);
      this.byDepth[depth] = table;
    }
    const known = table[pathId] ?? -1;
    if (known !== -2) {
      return known;
    }
    const folder = folderOfDepth(this.history.pathOf(pathId), depth);
    let id = -1;
    if (folder !== undefined) {
      id = this.ids.get(folder) ?? this.names.length;
      if (id === this.names.length) {
        this.names.push(folder);
        this.ids.set(folder, id);
      }
    }
    table[pathId] = id;
    return id;
  }
}

/** The commits of the window that count: no merges, no bots. */
function countedCommits(history: CommitHistory, from: number, to: number): number[] {
  const bots = botMask(history);
  return history.select({ from, to, merges: 'exclude' }).filter((i) => bots[history.authorOf(i)] !== 1);
}

function fittedDepth(history: CommitHistory, commits: readonly number[], folders: Folders): number {
  let fitted = 1;
  let total = 0;
  for (const i of commits) {
    const [start, end] = history.fileRange(i);
    for (let e = start; e < end; e++) {
      total += folders.of(history.filePathId(e), 1) === -1 ? 0 : 1;
    }
  }
  for (let depth = 1; depth <= MAX_ISLAND_DEPTH && total > 0; depth++) {
    // Per folder: the commits that touched it, and the file changes in it.
    const changes = new Map<number, number>();
    const files = new Map<number, number>();
    for (const i of commits) {
      const seen = new Set<number>();
      const [start, end] = history.fileRange(i);
      for (let e = start; e < end; e++) {
        const folder = folders.of(history.filePathId(e), depth);
        if (folder !== -1) {
          files.set(folder, (files.get(folder) ?? 0) + 1);
          if (!seen.has(folder)) {
            seen.add(folder);
            changes.set(folder, (changes.get(folder) ?? 0) + 1);
          }
        }
      }
    }
    let covered = 0;
    for (const [folder, n] of files) {
      covered += (changes.get(folder) ?? 0) >= MEANINGFUL_FOLDER_CHANGES ? n : 0;
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

interface FolderTally {
  changes: number;
  lastAt: number;
  /** Holder key → changes made alone. */
  readonly alone: Map<string, number>;
}

/** The knowledge islands at `now` (ms). */
export function findKnowledgeIslands(history: CommitHistory, people: SignalPeople, now: number, options: IslandOptions = {}): IslandReading {
  const commits = countedCommits(history, now - ISLAND_WINDOW_DAYS * MS_PER_DAY, now + 1);
  const folders = new Folders(history);
  const depth = options.depth ?? fittedDepth(history, commits, folders);

  // Each identity's holder key: `p:<person>`, `lead`, or `u:<identity>` for an unlinked author.
  const linked = personByIdentity(people.links);
  const holderOf: string[] = [];
  const byEmail = new Map<string, string>();
  for (let id = 0; id < history.identityCount; id++) {
    const identity = history.identity(id);
    const person = linked.get(identity.key);
    const holder = person !== undefined ? `p:${person}` : people.lead.has(identity.key) ? 'lead' : `u:${id}`;
    holderOf[id] = holder;
    if (identity.email.length > 0 && !byEmail.has(identity.email.toLowerCase())) {
      byEmail.set(identity.email.toLowerCase(), holder);
    }
  }

  const tallies = new Map<number, FolderTally>();
  for (const i of commits) {
    const author = holderOf[history.authorOf(i)] ?? '';
    const pairedWithOthers = history.trailersOf(i, TRAILER_CO_AUTHOR).some((p) => (byEmail.get(p.email) ?? `x:${p.email}:${p.name}`) !== author);
    const at = history.authoredAt(i);
    const seen = new Set<number>();
    const [start, end] = history.fileRange(i);
    for (let e = start; e < end; e++) {
      for (const pathId of [history.filePathId(e), history.fileFromId(e)]) {
        const folder = pathId === -1 ? -1 : folders.of(pathId, depth);
        if (folder === -1 || seen.has(folder)) {
          continue;
        }
        seen.add(folder);
        const tally = tallies.get(folder) ?? { changes: 0, lastAt: -Infinity, alone: new Map<string, number>() };
        tally.changes += 1;
        tally.lastAt = Math.max(tally.lastAt, at);
        if (!pairedWithOthers) {
          tally.alone.set(author, (tally.alone.get(author) ?? 0) + 1);
        }
        tallies.set(folder, tally);
      }
    }
  }

  const islands: KnowledgeIsland[] = [];
  for (const [folder, tally] of tallies) {
    if (tally.changes < MIN_ISLAND_CHANGES || tally.lastAt < now - ACTIVE_DAYS * MS_PER_DAY) {
      continue;
    }
    for (const [holder, alone] of tally.alone) {
      if (alone / tally.changes >= ISLAND_SHARE && !holder.startsWith('u:')) {
        islands.push({
          folder: folders.names[folder] ?? '',
          holder: holder === 'lead' ? { kind: 'lead' } : { kind: 'person', personId: holder.slice(2) },
          holderChanges: alone,
          changes: tally.changes,
          share: alone / tally.changes,
          lastChangeAt: tally.lastAt,
        });
      }
    }
  }
  islands.sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  return { depth, islands };
}

