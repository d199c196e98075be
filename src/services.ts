import * as vscode from 'vscode';
import type { Clock } from './domain/core/dates';
import type { TeamStore } from './domain/team/store/store';
import { LessonLibrary, type LessonFile } from './domain/lessons/lessonLibrary';
import type { TodayCoach } from './domain/coach/todayCoach';
import type * as Loaded from './loadedServices';
import { DayWatcher } from './platform/dayWatcher';
import { readText } from './platform/files';
import { lazyFeature } from './platform/lazy';
import { State } from './platform/state';
import { keysForSync, StateMap } from './platform/stateMap';
import { readSettings, type CoachSettings } from './settings';
import { clockFor } from './testHooks';

/** The team store and the coach: loaded in the task after activation, or by the first use before that. */
export interface LoadedParts {
  /** The team: people, delegations, 1:1s and feedback. */
  readonly team: TeamStore;
  readonly coach: TodayCoach;
}

/** An event to follow: a VS Code event, or one of the domain's. */
export type Subscribe = (listener: () => void) => { dispose(): unknown };

/** What every feature shares; created once in `activate()`. */
export interface Services extends LoadedParts {
  /** Where the extension's own files are (media/, dist/webview/). */
  readonly extensionUri: vscode.Uri;
  /** Workspace and global state, through the entries of platform/stateMap.ts only. */
  readonly state: State;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
  readonly lessons: LessonLibrary;
  readonly days: DayWatcher;
  /** The global keys handed to Settings Sync. */
  readonly syncedKeys: readonly string[];
  settings(): CoachSettings;
  /**
   * Loads the team store (the whole history, validated) and the nudge coach, once; `team` and
   * `coach` may be read only after this resolved. Every command, view and page that needs them
   * awaits it first; activation does not, so a long history never slows start-up.
   */
  loaded(): Promise<LoadedParts>;
  /**
   * Runs `run` once the loaded parts are there (at once if they are), and again on each event
   * `alsoOn` names (a badge, the status-bar tip kept current); disposing stops it.
   */
  whenLoaded(run: (parts: LoadedParts) => void, alsoOn?: (parts: LoadedParts) => readonly Subscribe[]): vscode.Disposable;
}

/** The services' heavy part (dist/services.js), loaded on first call. */
export const loadedServices = lazyFeature<typeof Loaded>('services');

async function readLessonFiles(dir: vscode.Uri): Promise<LessonFile[]> {
  const names = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name).filter((name) => name.endsWith('.md'));
  return Promise.all(names.map(async (name) => ({ name, text: await readText(vscode.Uri.joinPath(dir, name)) })));
}

/**
 * The services, without reading the team's history: state, clock, log and settings at once; the
 * team store and the coach in `loaded()`, which activation starts in the next task.
 */
export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('Tech Lead Coach', { log: true });
  context.subscriptions.push(log);
  const clock = clockFor(context);
  const state = new State({ workspace: context.workspaceState, global: context.globalState });
  // The streak and the lessons read follow the lead across machines; the tracker stays per workspace.
  const syncedKeys = keysForSync();
  context.globalState.setKeysForSync(syncedKeys);
  const lessons = new LessonLibrary(
    () => readLessonFiles(vscode.Uri.joinPath(context.extensionUri, 'media', 'lessons')),
    state.cell(StateMap.lessonsRead),
    (problem) => log.warn(`A lesson file was left out: ${problem}`),
  );
  const days = new DayWatcher(clock);
  context.subscriptions.push(lessons, days);

  let parts: LoadedParts | undefined;
  let loading: Promise<LoadedParts> | undefined;
  const loadedEvent = new vscode.EventEmitter<LoadedParts>();
  context.subscriptions.push(loadedEvent);
  const missing = (what: string): Error => new Error(`The ${what} was used before it was loaded: await services.loaded() first.`);
  const services: Services = {
    extensionUri: context.extensionUri,
    state,
    clock,
    log,
    lessons,
    days,
    syncedKeys,
    // Read fresh each time (a few lookups): no cache that a change listener could read stale.
    settings: readSettings,
    get team(): TeamStore {
      if (!parts) {
        throw missing('team store');
      }
      return parts.team;
    },
    get coach(): TodayCoach {
      if (!parts) {
        throw missing('nudge coach');
      }
      return parts.coach;
    },
    loaded() {
      loading ??= loadedServices()
        .loadParts({ context, state, clock, log, settings: readSettings })
        .then((loadedParts) => {
          parts = loadedParts;
          context.subscriptions.push(loadedParts.team, loadedParts.coach);
          loadedEvent.fire(loadedParts);
          return loadedParts;
        });
      return loading;
    },
    whenLoaded(run, alsoOn) {
      let started: { dispose(): unknown }[] | undefined;
      let disposed = false;
      const start = (loadedParts: LoadedParts): void => {
        if (!disposed && started === undefined) {
          run(loadedParts);
          started = (alsoOn?.(loadedParts) ?? []).map((event) => event(() => run(loadedParts)));
        }
      };
      const listener = parts ? undefined : loadedEvent.event(start);
      if (parts) {
        start(parts);
      }
      return {
        dispose: () => {
          disposed = true;
          listener?.dispose();
          started?.splice(0).forEach((d) => d.dispose());
        },
      };
    },
  };
  return services;
}
