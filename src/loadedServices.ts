import * as vscode from 'vscode';
import type { TechLeadCoachApi } from './api';
import type { Clock } from './domain/core/dates';
import { parseNudgeCatalogue, type Nudge } from './domain/coach/nudges';
import { type StateStorage } from './domain/core/storage';
import { StateChunkFiles, type ChunkFiles } from './domain/team/storage/files';
import { loadTeamStore, unavailableTeamStore } from './domain/team/store/load';
import { TodayCoach } from './domain/coach/todayCoach';
import { WorkspaceChunkFiles } from './platform/chunkFiles';
import { readText } from './platform/files';
import type { State } from './platform/state';
import { StateMap, TEAM_CHUNK_KEYS } from './platform/stateMap';
import type { CoachSettings } from './settings';
import type { LoadedParts, Services } from './services';

/**
 * The services' heavy part, bundled to dist/services.js and loaded in the task after activation
 * (or by the first command or view that needs it): the team store with the whole history read and
 * checked, and the nudge coach with its catalogue. It also holds the code the features' lazy parts
 * share (see esbuild.mjs), so that code is not in the activation bundle.
 */
export interface LoadDeps {
  readonly context: vscode.ExtensionContext;
  readonly state: State;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
  readonly settings: () => CoachSettings;
}

async function loadNudgeCatalogue(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<Nudge[]> {
  const file = vscode.Uri.joinPath(context.extensionUri, 'media', 'nudges.json');
  try {
    const { nudges, problems } = parseNudgeCatalogue(JSON.parse(await readText(file)));
    problems.forEach((problem) => log.warn(`nudges.json: ${problem}`));
    return nudges;
  } catch (error) {
    log.error(`Could not read the nudge catalogue at ${file.toString(true)}`, error);
    return [];
  }
}

/**
 * Where the team's chunks go: files in the `team` folder of the extension's workspace storage, so
 * workspace state (written whole on every change, read whole at every start) holds only the index.
 * A window with no folder open has no storage folder: there the chunks are keys of workspace state.
 */
function teamChunkFiles(context: vscode.ExtensionContext, storage: StateStorage): ChunkFiles {
  return context.storageUri ? teamFolder(context.storageUri) : new StateChunkFiles(storage, TEAM_CHUNK_KEYS);
}

/** The `team` folder of the workspace storage, which holds the team's chunk files. */
function teamFolder(storageUri: vscode.Uri): WorkspaceChunkFiles {
  return new WorkspaceChunkFiles(vscode.Uri.joinPath(storageUri, 'team'));
}

export async function loadParts({ context, state, clock, log, settings }: LoadDeps): Promise<LoadedParts> {
  const started = performance.now();
  const storage = state.storage(StateMap.team, StateMap.legacyDelegations);
  const files = teamChunkFiles(context, storage);
  const keys = { team: StateMap.team.key, legacy: StateMap.legacyDelegations.key, keptAside: StateMap.keptAside.key };
  const newId = (): string => globalThis.crypto.randomUUID();
  const defaults = { cadenceDays: () => settings().oneOnOneCadenceDays };
  const [team, catalogue] = await Promise.all([
    // A load that fails (storage refusing the migration's write) leaves the data as it was; the
    // extension still runs, with the tracker refusing changes and saying why.
    loadTeamStore(storage, files, keys, clock, newId, defaults).catch((error: unknown) => {
      log.error('Could not load the team data', error);
      return unavailableTeamStore(storage, files, keys, clock, newId, defaults, error instanceof Error ? error.message : String(error));
    }),
    loadNudgeCatalogue(context, log),
  ]);
  const coach = new TodayCoach({
    storage: state.storage(StateMap.nudgeProgress),
    progressKey: StateMap.nudgeProgress.key,
    clock,
    catalogue,
    team,
    themes: () => settings().nudgeThemes,
    adaptive: () => settings().adaptiveCoach,
    workdays: () => settings().workdays,
    onSaveError: (error) => log.error('Could not save nudge progress', error),
  });
  const { people, delegations, oneOnOnes, feedback } = team.snapshot();
  log.info(
    `Loaded ${people.length} people, ${delegations.length} delegations, ${oneOnOnes.length} 1:1s, ${feedback.length} feedback entries and ${catalogue.length} nudges in ${Math.round(performance.now() - started)} ms`,
  );
  return { team, coach };
}

/** The test API (see testHooks.ts): only built for a test run, after the loaded parts are there. */
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
    teamChunkFiles: async () => (storageUri ? teamFolder(storageUri).list() : undefined),
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
