import type { Delegation } from './domain/team/delegations';
import type { KeptAsideRecord } from './domain/team/store/store';
import type { TeamData } from './domain/team/kinds';
import type { TodayNudge } from './domain/coach/nudges';

/**
 * What `activate()` returns when the test hooks are on (see testHooks.ts), and only then. Small and
 * read-only; the in-host tests use it to check what the commands did against the real workspace
 * state.
 */
export interface TechLeadCoachApi {
  readonly apiVersion: 1;
  delegations(): readonly Delegation[];
  /** People, delegations, 1:1s and feedback, as the store holds them. */
  team(): TeamData;
  keptAside(): readonly KeptAsideRecord[];
  /** The team as storage holds it (the index in workspace state and the chunk files it names, read back), to prove what really reached storage. */
  storedTeam(): Promise<unknown>;
  /** The files in the team's chunk folder of the workspace storage, listed directly; undefined when the window has no storage folder (no folder open). */
  teamChunkFiles(): Promise<readonly string[] | undefined>;
  /** The raw value under release 0.1's key: its data before the migration, a marker after. */
  storedLegacy(): unknown;
  todayNudge(): TodayNudge | undefined;
  nudgeDoneToday(): boolean;
  currentLessonId(): string | undefined;
  isLessonRead(id: string): boolean;
  /** Resolves when every write started so far has reached storage. */
  flushed(): Promise<void>;
  /** The global keys handed to Settings Sync. */
  syncedKeys(): readonly string[];
}
