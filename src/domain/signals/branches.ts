/**
 * The branches delegations link to: which to read, the command that reads each one's own commits,
 * and the histories read, kept in memory only (nothing of them is written to the signals' cache).
 *
 * A delegation's `code.branch` counts the branch's commits that are not on the main line
 * (followThrough.ts), read with the product's own `git log` arguments and parser as
 * `<main line>..<branch>`. The main line is the remote's default branch when the clone knows it
 * (`refs/remotes/origin/HEAD`, which `git clone` sets, pointing at `origin/main` or the like): the
 * line work is merged into, whatever the lead has checked out. Without it (a repository never
 * cloned, or origin/HEAD removed) it is HEAD, the line the signals read; when HEAD is the linked
 * branch itself, that leaves nothing to count, so a local `main` or `master` is used instead if
 * there is one. A branch is looked up as a local branch, then as origin's remote-tracking branch;
 * one that does not exist (yet) has no commits, which is not an error.
 *
 * Only branches an open delegation names are read, each from the day before its earliest such
 * delegation (git's `--since` compares committer dates, which are never before the author's work
 * by more than a time zone), and read again only when the tips of the branch or of the main line
 * moved.
 *
 * Plain TypeScript with no VS Code dependency: the engine runs git and feeds the parser.
 */
import { addDays, type DateKey } from '../core/dates';
import type { Delegation } from '../team/delegations';
import { gitLogArgs, isSafeRevision } from './gitLog';
import type { CommitHistory } from './history';

/** The branches open delegations link to, each with the earliest day one of them was delegated; sorted by name. */
export function linkedBranches(delegations: readonly Delegation[]): Map<string, DateKey> {
  const found = new Map<string, DateKey>();
  for (const delegation of delegations) {
    const branch = delegation.code?.branch?.trim();
    if (delegation.doneOn !== undefined || branch === undefined || branch === '' || !isSafeRevision(branch)) {
      continue;
    }
    const known = found.get(branch);
    if (known === undefined || delegation.createdOn < known) {
      found.set(branch, delegation.createdOn);
    }
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The refs a linked branch may be, in the order they are tried. */
export function branchRefs(branch: string): string[] {
  return branch.startsWith('refs/') ? [branch] : [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`];
}

/** What the engine found of the refs that decide the main line. */
export interface MainLineRefs {
  /** The target of `refs/remotes/origin/HEAD` (`refs/remotes/origin/main`), if set. */
  readonly originHead?: string;
  /** The branch HEAD is on (`refs/heads/feature`); undefined when detached. */
  readonly headBranch?: string;
  /** Local `main` and `master`, those that exist, as full refs. */
  readonly localDefaults: readonly string[];
}

/** The main line a linked branch's own commits are counted against (see the module comment). */
export function mainLineFor(branchRef: string | undefined, refs: MainLineRefs): string {
  if (refs.originHead !== undefined && refs.originHead !== branchRef) {
    return refs.originHead;
  }
  if (refs.headBranch !== undefined && refs.headBranch === branchRef) {
    return refs.localDefaults.find((ref) => ref !== branchRef) ?? 'HEAD';
  }
  return 'HEAD';
}

/** `git for-each-ref`'s arguments for the refs a branch read needs: local branches and origin's. */
export const REF_FORMAT = '%(refname)%09%(objectname)%09%(symref)';

export function forEachRefArgs(): string[] {
  return ['for-each-ref', `--format=${REF_FORMAT}`, 'refs/heads', 'refs/remotes/origin'];
}

/** The refs of a repository, as `git for-each-ref` with {@link REF_FORMAT} lists them. */
export interface Refs {
  /** Full ref name → the commit it points at. */
  readonly tips: ReadonlyMap<string, string>;
  /** The target of `refs/remotes/origin/HEAD`, when it is set. */
  readonly originHead?: string;
}

export function parseRefs(text: string): Refs {
  const tips = new Map<string, string>();
  let originHead: string | undefined;
  for (const line of text.split('\n')) {
    const [name, hash, symref] = line.trim().split('\t');
    if (name === undefined || hash === undefined || name === '' || !/^[0-9a-f]{40,64}$/.test(hash)) {
      continue;
    }
    tips.set(name, hash);
    if (name === 'refs/remotes/origin/HEAD' && symref !== undefined && symref !== '') {
      originHead = symref;
    }
  }
  return { tips, ...(originHead === undefined ? {} : { originHead }) };
}

/** Where HEAD is: the branch it is on (`refs/heads/x`, undefined when detached) and its commit. */
export interface HeadRef {
  readonly branch?: string;
  readonly tip?: string;
}

/**
 * The two commits whose range gives a linked branch's own commits (`mainTip..tip`), or undefined
 * when the branch does not exist (yet) or there is no main line to compare with (no commit yet).
 */
export function branchRange(branch: string, refs: Refs, head: HeadRef): { readonly tip: string; readonly mainTip: string } | undefined {
  const branchRef = branchRefs(branch).find((ref) => refs.tips.has(ref));
  const tip = branchRef === undefined ? undefined : refs.tips.get(branchRef);
  if (branchRef === undefined || tip === undefined) {
    return undefined;
  }
  const mainLine = mainLineFor(branchRef, {
    ...(refs.originHead === undefined ? {} : { originHead: refs.originHead }),
    ...(head.branch === undefined ? {} : { headBranch: head.branch }),
    localDefaults: ['refs/heads/main', 'refs/heads/master'].filter((ref) => refs.tips.has(ref)),
  });
  const mainTip = (mainLine === 'HEAD' ? undefined : refs.tips.get(mainLine)) ?? head.tip;
  return mainTip === undefined ? undefined : { tip, mainTip };
}

/** The `git log` arguments for the commits of `tip` not on `mainLine`, committed from the day before `since`. */
export function branchLogArgs(mainLine: string, tip: string, since: DateKey, dayStart: (day: DateKey) => number): string[] {
  return gitLogArgs({ from: mainLine, to: tip, sinceMs: dayStart(addDays(since, -1)) });
}

/** What a branch was read from: the tips of the branch and main line, and the day read from, per repository. */
export type BranchState = string;

/** The linked branches' histories, in memory; `version` changes whenever one of them does. */
export class BranchHistories {
  private readonly read = new Map<string, { readonly state: BranchState; readonly history: CommitHistory }>();
  private changes = 0;

  /** Changes each time a branch's history is set or dropped (a part of the follow-through cache's key). */
  get version(): number {
    return this.changes;
  }

  /** The commits of `branch` not on the main line; undefined when it was not read (or does not exist). */
  get(branch: string): CommitHistory | undefined {
    return this.read.get(branch)?.history;
  }

  /** True when `branch` was not read from `state` yet. */
  stale(branch: string, state: BranchState): boolean {
    return this.read.get(branch)?.state !== state;
  }

  set(branch: string, state: BranchState, history: CommitHistory): void {
    this.read.set(branch, { state, history });
    this.changes += 1;
  }

  /** Drops the branches no open delegation links to any more. */
  keepOnly(branches: Iterable<string>): void {
    const keep = new Set(branches);
    for (const branch of [...this.read.keys()]) {
      if (!keep.has(branch)) {
        this.read.delete(branch);
        this.changes += 1;
      }
    }
  }

  get branches(): string[] {
    return [...this.read.keys()];
  }
}
