/**
 * What the signals engine keeps of its answers between two asks, in memory only, so a view that
 * refreshes (the Delegations tree with 200 linked rows, the islands list) costs little:
 *
 * - {@link FollowThroughCache}: each delegation's worded follow-through, kept while nothing it
 *   depends on changed: the history (its size: the history only grows), the linked branches'
 *   histories, the links of authors to people, today, and the delegation's own id, delegate and
 *   their name, level, days (created, follow-up, last check-in) and code link. "Moving" compares
 *   the last move with now less the follow-up interval, so it is looked at again each day and each
 *   read, not each minute.
 * - {@link SlicedIslands}: the knowledge islands, computed with islands.ts's `islandSteps` in slices
 *   (the event loop gets a turn whenever a slice used its budget), never on the caller's call:
 *   `reading` is the last one finished (undefined before the first), and `ready` says whether it is
 *   the one for the current key.
 *
 * Plain TypeScript with no VS Code dependency.
 */
import type { DateKey } from '../core/dates';
import { Slices } from '../core/slices';
import type { Delegation } from '../team/delegations';
import { lastCheckInOn, type FollowThroughView } from './delegationSignals';
import type { IslandReading } from './islands';

/** What every delegation's follow-through depends on beside the delegation itself. */
export interface AnswerContext {
  /** The history's size (it only grows, so the size tells one reading from another). */
  readonly history: number;
  /** The linked branches' version (BranchHistories.version). */
  readonly branches: number;
  /** The links of authors to people, as a short key (a number that changes with them: the key is built for every row). */
  readonly people: string;
  readonly today: DateKey;
}

/** The key of one delegation's follow-through view; equal keys give equal views. */
export function followThroughKey(delegation: Delegation, delegateName: string, context: AnswerContext): string {
  return JSON.stringify([
    context.history,
    context.branches,
    context.people,
    context.today,
    delegation.id,
    delegation.personId,
    delegateName,
    delegation.level,
    delegation.createdOn,
    delegation.followUpOn,
    lastCheckInOn(delegation) ?? null,
    delegation.code?.paths ?? null,
    delegation.code?.branch ?? null,
  ]);
}

/** Entries kept at most; past it the cache starts again (a team never has that many linked delegations open). */
const MAX_ENTRIES = 5000;

/** Each delegation's follow-through view, by delegation id, kept while its key holds. */
export class FollowThroughCache {
  private readonly entries = new Map<string, { readonly key: string; readonly view: FollowThroughView | undefined }>();

  /** The view for `delegation`: the one kept when its key is unchanged, else `compute()`'s, kept. */
  view(
    delegation: Delegation,
    delegateName: string,
    context: AnswerContext,
    compute: () => FollowThroughView | undefined,
  ): FollowThroughView | undefined {
    const key = followThroughKey(delegation, delegateName, context);
    const known = this.entries.get(delegation.id);
    if (known?.key === key) {
      return known.view;
    }
    const view = compute();
    if (this.entries.size >= MAX_ENTRIES && known === undefined) {
      this.entries.clear();
    }
    this.entries.set(delegation.id, { key, view });
    return view;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The islands' work as steps (islands.ts's `islandSteps`), started when asked for a new key. */
export type IslandWork = () => Generator<undefined, IslandReading, void>;

/**
 * The knowledge islands computed in slices for the latest key asked; a newer key stops the work
 * under way at its next step. `onReady` is called (after a turn of the event loop, never inside
 * `want`) when a reading finished; `onError` when the steps threw.
 */
export class SlicedIslands {
  private last: { readonly key: string; readonly reading: IslandReading } | undefined;
  private running: { readonly key: string } | undefined;
  private stopped = false;

  constructor(
    private readonly onReady: () => void,
    private readonly onError: (error: unknown) => void,
    private readonly budgetMs = 8,
  ) {}

  /** The last reading finished, whatever its key; undefined before the first. */
  get reading(): IslandReading | undefined {
    return this.last?.reading;
  }

  /** True when the last reading finished is the one for `key`. */
  readyFor(key: string): boolean {
    return this.last?.key === key;
  }

  /** True while a reading is under way. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /**
   * Makes sure the reading for `key` is there or under way: does nothing when it is, else starts
   * `work` (after a yield, so not one step runs on the caller's call) and stops any other under way.
   */
  want(key: string, work: IslandWork): void {
    if (this.stopped || this.last?.key === key || this.running?.key === key) {
      return;
    }
    const token = { key };
    this.running = token;
    this.run(token, work).catch((error: unknown) => {
      if (this.running === token) {
        this.running = undefined;
      }
      this.onError(error);
    });
  }

  /** Resolves when no reading is under way (for tests and the bench). */
  async settled(): Promise<void> {
    while (this.running !== undefined) {
      await new Promise<void>((resolve) => setTimeout(resolve, 1));
    }
  }

  /** Stops the work under way and starts none again. */
  dispose(): void {
    this.stopped = true;
    this.running = undefined;
  }

  private async run(token: { readonly key: string }, work: IslandWork): Promise<void> {
    const slices = new Slices(this.budgetMs);
    await slices.yieldNow();
    if (this.running !== token) {
      return;
    }
    const steps = work();
    for (;;) {
      const next = steps.next();
      if (next.done === true) {
        this.last = { key: token.key, reading: next.value };
        this.running = undefined;
        this.onReady();
        return;
      }
      if (slices.due()) {
        await slices.yieldNow();
        if (this.running !== token) {
          return; // a newer key, or disposed
        }
      }
    }
  }
}
