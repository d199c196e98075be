/**
 * Where the signals feature hands what it knows to the rest of the extension: the team's person page
 * and today's coach read from the slot, the signals feature fills it once it has read the history
 * (after the lead turned the signals on) and empties it when they are turned off or forgotten. So
 * the team feature never imports the signals feature, and nothing of the signals loads until needed.
 *
 * Plain TypeScript with no VS Code dependency; small on purpose (the services create it at activation).
 */
import type { DateKey } from '../core/dates';
import { Emitter } from '../core/storage';
import type { Delegation } from '../team/delegations';
import type { FollowThroughView, IslandView, LeadWeekView } from './delegationSignals';
import type { PersonSignals } from './personSignals';

/** What the signals feature answers once the history is read. */
export interface SignalsSource {
  /** The signals part of a person's page; undefined when they are linked to no identity. */
  personSignals(personId: string, name: string, lastOneOnOne: DateKey | undefined): PersonSignals | undefined;
  /** The people (ids) whose pace signals now, for today's nudge. */
  paceCheckIns(): readonly string[];
  /** What moved in the code a delegation points at; undefined when it points at none. */
  followThrough(delegation: Delegation, delegateName: string): FollowThroughView | undefined;
  /**
   * The knowledge islands of the repository, in folder order (never ranked); `nameOf` gives a
   * person's current name, undefined for someone no longer in the team (their islands are left out).
   */
  knowledgeIslands(nameOf: (personId: string) => string | undefined): readonly IslandView[];
  /**
   * False while the islands for the current history, links and day are still being computed (in
   * slices, after a read): `knowledgeIslands` then gives the last ones computed, none before the
   * first, and the slot's `onDidChange` fires when they are ready.
   */
  readonly islandsReady: boolean;
  /** The lead's own week from `weekStart`, beside the 1:1s they held in it. */
  leadWeek(weekStart: DateKey, oneOnOnes: number): LeadWeekView;
}

export class SignalsSlot {
  private source: SignalsSource | undefined;
  private readonly changed = new Emitter<void>();
  /** Fires when the source is set, removed, or its answers changed (new commits, new links). */
  readonly onDidChange = this.changed.event;

  get current(): SignalsSource | undefined {
    return this.source;
  }

  set(source: SignalsSource | undefined): void {
    this.source = source;
    this.changed.fire();
  }

  /** The source's answers changed. */
  refreshed(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
