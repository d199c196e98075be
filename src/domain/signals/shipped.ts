/**
 * What a person shipped since a day (their last 1:1): their commits and merges, newest first,
 * subjects grouped by folder, so recognition and feedback in the next 1:1 can name real work.
 *
 * Grouping: each commit goes to the folder holding most of the files it changed (a tie goes to
 * the folder first in alphabetical order), with folders cut at one depth for the whole list: the
 * shallowest of 1, 2 or 3 at which the commits fall into at least two folders (a person who worked
 * only in `src/` is better shown as `src/billing/` and `src/auth/`), or 3 when they never do.
 * Files at the top of the repository go to the top level (folder `''`). Merges list no files of
 * their own and form a group of their own.
 *
 * At most {@link SHIPPED_CAP} lines (the newest), with the count of the rest for "and N more".
 *
 * Plain TypeScript with no VS Code dependency.
 */
import type { CommitHistory, IdentityKey } from './history';

export const SHIPPED_CAP = 20;
const MAX_DEPTH = 3;

export interface ShippedLine {
  readonly hash: string;
  readonly subject: string;
  readonly authoredAt: number;
  readonly merge: boolean;
}

export interface ShippedGroup {
  /** `billing/`, `src/auth/`; `''` for the top level (and for the merges). */
  readonly folder: string;
  /** The group of merges. */
  readonly merges: boolean;
  /** Newest first. */
  readonly lines: readonly ShippedLine[];
}

export interface Shipped {
  /** Commits (not merges) since the day. */
  readonly commits: number;
  readonly merges: number;
  /** Groups in the order of their newest line. */
  readonly groups: readonly ShippedGroup[];
  /** Lines left out by the cap. */
  readonly more: number;
  /** The folder depth used. */
  readonly depth: number;
}

export interface ShippedOptions {
  /** Up to this instant (exclusive); default: everything held. */
  readonly until?: number;
  readonly cap?: number;
}

/** The folder of a path cut at `depth`: `a/b/c.ts` at 1 → `a/`, at 3 → `a/b/`; a top-level file → `''`. */
export function folderAt(path: string, depth: number): string {
  let end = -1;
  for (let d = 0; d < depth; d++) {
    const next = path.indexOf('/', end + 1);
    if (next === -1) {
      break;
    }
    end = next;
  }
  return end === -1 ? '' : path.slice(0, end + 1);
}

/** The folder holding most of commit `i`'s files at `depth`. */
function mainFolder(history: CommitHistory, i: number, depth: number): string {
  const counts = new Map<string, number>();
  const [start, end] = history.fileRange(i);
  for (let e = start; e < end; e++) {
    const folder = folderAt(history.pathOf(history.filePathId(e)), depth);
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  let best = '';
  let most = 0;
  for (const [folder, n] of counts) {
    if (n > most || (n === most && folder < best)) {
      best = folder;
      most = n;
    }
  }
  return best;
}

/** Commits and merges by `identities` authored at or after `since` (ms). */
export function shippedSince(
  history: CommitHistory,
  identities: ReadonlySet<IdentityKey>,
  since: number,
  options: ShippedOptions = {},
): Shipped {
  const cap = options.cap ?? SHIPPED_CAP;
  const found = history
    .select({ from: since, ...(options.until === undefined ? {} : { to: options.until }), authors: identities })
    .reverse();
  const plain = found.filter((i) => !history.isMerge(i));
  let depth = MAX_DEPTH;
  for (let d = 1; d < MAX_DEPTH; d++) {
    if (new Set(plain.map((i) => mainFolder(history, i, d))).size >= 2) {
      depth = d;
      break;
    }
  }
  const shown = found.slice(0, cap);
  const groups = new Map<string, { folder: string; merges: boolean; lines: ShippedLine[] }>();
  for (const i of shown) {
    const merge = history.isMerge(i);
    const folder = merge ? '' : mainFolder(history, i, depth);
    const key = merge ? '\0merges' : folder;
    const group = groups.get(key) ?? { folder, merges: merge, lines: [] };
    group.lines.push({ hash: history.hashOf(i), subject: history.subjectOf(i), authoredAt: history.authoredAt(i), merge });
    groups.set(key, group);
  }
  return {
    commits: plain.length,
    merges: found.length - plain.length,
    groups: [...groups.values()],
    more: found.length - shown.length,
    depth,
  };
}
