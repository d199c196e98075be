import * as vscode from 'vscode';
import type { Clock } from './domain/dates';
import { TeamStore } from './domain/teamStore';
import { parseNudgeCatalogue, type Nudge } from './domain/nudges';
import { LessonLibrary, type LessonFile } from './domain/lessonLibrary';
import { TodayCoach } from './domain/todayCoach';
import { DayWatcher } from './platform/dayWatcher';
import { State } from './platform/state';
import { keysForSync, StateMap } from './platform/stateMap';
import { readSettings, type CoachSettings } from './settings';
import { clockFor } from './testHooks';

/** What every feature shares; created once in `activate()`. */
export interface Services {
  /** Where the extension's own files are (media/, dist/webview/). */
  readonly extensionUri: vscode.Uri;
  /** Workspace and global state, through the entries of platform/stateMap.ts only. */
  readonly state: State;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
  /** The team: people, delegations, 1:1s and feedback. */
  readonly team: TeamStore;
  readonly coach: TodayCoach;
  readonly lessons: LessonLibrary;
  readonly days: DayWatcher;
  /** The global keys handed to Settings Sync. */
  readonly syncedKeys: readonly string[];
  settings(): CoachSettings;
}

/** The extension's own files are read through vscode.workspace.fs, which works in every extension host. */
async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
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

async function readLessonFiles(dir: vscode.Uri): Promise<LessonFile[]> {
  const names = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name).filter((name) => name.endsWith('.md'));
  return Promise.all(names.map(async (name) => ({ name, text: await readText(vscode.Uri.joinPath(dir, name)) })));
}

export async function createServices(context: vscode.ExtensionContext): Promise<Services> {
  const log = vscode.window.createOutputChannel('Tech Lead Coach', { log: true });
  context.subscriptions.push(log);
  const clock = clockFor(context);
  const state = new State({ workspace: context.workspaceState, global: context.globalState });
  // The streak and the lessons read follow the lead across machines; the tracker stays per workspace.
  const syncedKeys = keysForSync();
  context.globalState.setKeysForSync(syncedKeys);

  const storage = state.storage(StateMap.team, StateMap.legacyDelegations);
  const keys = { team: StateMap.team.key, legacy: StateMap.legacyDelegations.key, keptAside: StateMap.keptAside.key };
  const newId = (): string => globalThis.crypto.randomUUID();
  const defaults = { cadenceDays: () => readSettings().oneOnOneCadenceDays };
  const [team, catalogue] = await Promise.all([
    // A load that fails (storage refusing the migration's write) leaves the data as it was; the
    // extension still starts, with the tracker refusing changes and saying why.
    TeamStore.load(storage, keys, clock, newId, defaults).catch((error: unknown) => {
      log.error('Could not load the team data', error);
      return TeamStore.unavailableBecause(storage, keys, clock, newId, defaults, error instanceof Error ? error.message : String(error));
    }),
    loadNudgeCatalogue(context, log),
  ]);
  const coach = new TodayCoach({
    storage: state.storage(StateMap.nudgeProgress),
    progressKey: StateMap.nudgeProgress.key,
    clock,
    catalogue,
    team,
    themes: () => readSettings().nudgeThemes,
    adaptive: () => readSettings().adaptiveCoach,
    onSaveError: (error) => log.error('Could not save nudge progress', error),
  });
  const lessons = new LessonLibrary(
    () => readLessonFiles(vscode.Uri.joinPath(context.extensionUri, 'media', 'lessons')),
    state.cell(StateMap.lessonsRead),
    (problem) => log.warn(`A lesson file was left out: ${problem}`),
  );
  const days = new DayWatcher(clock);
  context.subscriptions.push(team, coach, lessons, days);
  // Read fresh each time (a few lookups): no cache that a change listener could read stale.
  return { extensionUri: context.extensionUri, state, clock, log, team, coach, lessons, days, syncedKeys, settings: readSettings };
}
