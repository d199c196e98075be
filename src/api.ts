import type * as vscode from 'vscode';
import type { Delegation } from './domain/team/delegations';
import type { KeptAsideRecord } from './domain/team/store/store';
import type { TeamData } from './domain/team/kinds';
import type { TodayNudge } from './domain/coach/nudges';
import { trackerChunkFiles } from './platform/chunkFiles';
import { StateMap } from './platform/stateMap';
import type { Services } from './services';

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

/**
 * The test API, built only for a test run, once the loaded parts are there: extension.ts loads this
 * module with `import()` only when the test hooks are on.
 */
export function testApi(
  services: Services,
  currentLessonId: () => string | undefined,
  storageUri: vscode.Uri | undefined,
): TechLeadCoachApi {
  return {
    apiVersion: 1,
    delegations: () => services.team.delegations(),
    team: () => services.team.snapshot(),
    keptAside: () => services.team.keptAside(),
    storedTeam: async () => {
      // The index in workspace state and the chunk files it names, read back as the next load will read them.
      const read = await services.team.readBack();
      return read.kind === 'read' ? { schemaVersion: read.version, ...read.data } : { schemaVersion: read.schemaVersion };
    },
    teamChunkFiles: async () => (storageUri ? trackerChunkFiles(storageUri).list() : undefined),
    storedLegacy: () => services.state.raw(StateMap.legacyDelegations),
    todayNudge: () => services.coach.current(),
    nudgeDoneToday: () => services.coach.doneToday(),
    currentLessonId,
    isLessonRead: (id) => services.lessons.isRead(id),
    syncedKeys: () => services.syncedKeys,
    flushed: async () => {
      await Promise.all([services.team.flushed(), services.coach.flushed()]);
    },
  };
}
