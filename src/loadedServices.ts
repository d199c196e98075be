import * as vscode from 'vscode';
import type { Clock } from './domain/core/dates';
import { parseNudgeCatalogue, type Nudge } from './domain/coach/nudges';
import type { StateStorage } from './domain/core/storage';
import { StateChunkFiles, type ChunkFiles } from './domain/team/storage/files';
import { LessonLibrary, type LessonFile } from './domain/lessons/lessonLibrary';
import { loadTeamStore, unavailableTeamStore } from './domain/team/store/load';
import type { TeamStore } from './domain/team/store/store';
import { TodayCoach } from './domain/coach/todayCoach';
import { trackerChunkFiles } from './platform/chunkFiles';
import { readText } from './platform/files';
import type { State } from './platform/state';
import { keysForSync, StateMap, TEAM_CHUNK_KEYS } from './platform/stateMap';
import { readSettings, type CoachSettings } from './settings';
import type { SignalsSlot } from './domain/signals/slot';

/**
 * The services' heavy part: services.ts loads it with `import()` (bundled apart, dist/services.mjs)
 * in the task after activation, or for the first command or view that needs it. It holds what knows
 * the domain's rules for stored data and settings (so activation loads none of that code): the team
 * store with the whole history read and checked, the nudge coach with its catalogue, the lessons with
 * their read marks, and the settings. It imports nothing from services.ts: what it needs comes in as
 * LoadDeps, so the two are one idea that runs one way.
 */

/** What loads in the task after activation, or with the first use before that. */
export interface LoadedParts {
  /** The team: people, delegations, 1:1s and feedback. */
  readonly team: TeamStore;
  readonly coach: TodayCoach;
  /** The lessons (their files read on first use) and the lead's read marks. */
  readonly lessons: LessonLibrary;
  /** The settings, read fresh each time into a typed object: no cache that a change listener could read stale. */
  readonly settings: () => CoachSettings;
  /** The global keys handed to Settings Sync: the streak and the lessons read follow the lead across machines. */
  readonly syncedKeys: readonly string[];
}

/** What the heavy part is given: the cheap services, made in activate(). */
export interface LoadDeps {
  readonly context: vscode.ExtensionContext;
  readonly state: State;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
  /** The repository signals' answers (filled only once the lead turned them on): the coach's check-in input. */
  readonly signals: SignalsSlot;
}

async function readLessonFiles(dir: vscode.Uri): Promise<LessonFile[]> {
  const names = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name).filter((name) => name.endsWith('.md'));
  return Promise.all(names.map(async (name) => ({ name, text: await readText(vscode.Uri.joinPath(dir, name)) })));
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
  return context.storageUri ? trackerChunkFiles(context.storageUri) : new StateChunkFiles(storage, TEAM_CHUNK_KEYS);
}

export async function loadParts({ context, state, clock, log, signals }: LoadDeps): Promise<LoadedParts> {
  const started = performance.now();
  const settings = readSettings;
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
    paceCheckIns: () => signals.current?.paceCheckIns() ?? [],
    onPaceChange: signals.onDidChange,
    onSaveError: (error) => log.error('Could not save nudge progress', error),
  });
  const { people, delegations, oneOnOnes, feedback } = team.snapshot();
  log.info(
    `Loaded ${people.length} people, ${delegations.length} delegations, ${oneOnOnes.length} 1:1s, ${feedback.length} feedback entries and ${catalogue.length} nudges in ${Math.round(performance.now() - started)} ms`,
  );
  const lessons = new LessonLibrary(
    () => readLessonFiles(vscode.Uri.joinPath(context.extensionUri, 'media', 'lessons')),
    state.cell(StateMap.lessonsRead),
    (problem) => log.warn(`A lesson file was left out: ${problem}`),
  );
  return { team, coach, lessons, settings, syncedKeys: keysForSync() };
}
