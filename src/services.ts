import * as vscode from 'vscode';
import type { Clock } from './domain/core/dates';
import type { LessonLibrary } from './domain/lessons/lessonLibrary';
import type { TeamStore } from './domain/team/store/store';
import type { MovingTest } from './domain/team/delegations';
import type { TodayCoach } from './domain/coach/todayCoach';
import { SETTINGS_SECTION } from './ids';
import type { LoadedParts } from './loadedServices';
import { DayWatcher } from './platform/dayWatcher';
import { SignalsSlot } from './domain/signals/slot';
import { State } from './platform/state';
import type { CoachSettings } from './settings';
import type { TeamLocations } from './teamLocation';
import { clockFor } from './testHooks';

export type { LoadedParts } from './loadedServices';

/** An event to follow: a VS Code event, or one of the domain's. */
export type Subscribe = (listener: () => void) => { dispose(): unknown };

/**
 * What every feature shares; created once in `activate()`. The cheap part is there at once (state,
 * clock, log, days); the rest (LoadedParts: the team, the coach, the lessons, the settings) loads in
 * the task after activation, from loadedServices.ts, which services.ts imports with `import()` and
 * which imports nothing from here.
 */
export interface Services extends LoadedParts {
  /** Where the extension's own files are (media/, dist/webview/). */
  readonly extensionUri: vscode.Uri;
  /** The extension's folder in this workspace's storage; undefined with no folder open. */
  readonly storageUri: vscode.Uri | undefined;
  /** Workspace and global state, through the entries of platform/stateMap.ts only. */
  readonly state: State;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
  readonly days: DayWatcher;
  /** Fires when any Tech Lead setting changes. */
  readonly onDidChangeSettings: Subscribe;
  /** What the repository signals know, once the lead turned them on and they were read (empty until then). */
  readonly signals: SignalsSlot;
  /**
   * Loads the team store (the whole history, validated), the nudge coach, the lessons and the
   * settings' reader, once; they may be read only after this resolved. Every command, view and page
   * that needs them awaits it first; activation does not, so a long history never slows start-up.
   */
  loaded(): Promise<LoadedParts>;
  /**
   * Runs `run` once the loaded parts are there (at once if they are), and again on each event
   * `alsoOn` names (a badge, the status-bar tip kept current); disposing stops it.
   */
  whenLoaded(run: (parts: LoadedParts) => void, alsoOn?: (parts: LoadedParts) => readonly Subscribe[]): vscode.Disposable;
}

/**
 * The services, reading nothing at activation: state, clock, log and the day watcher at once; the
 * loaded parts in `loaded()`, which activation starts in the next task.
 */
export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('Tech Lead Coach', { log: true });
  context.subscriptions.push(log);
  const clock = clockFor(context);
  const state = new State({ workspace: context.workspaceState, global: context.globalState });
  const days = new DayWatcher(clock);
  context.subscriptions.push(days);
  const signals = new SignalsSlot();
  context.subscriptions.push(signals);

  let parts: LoadedParts | undefined;
  let loading: Promise<LoadedParts> | undefined;
  const loadedEvent = new vscode.EventEmitter<LoadedParts>();
  context.subscriptions.push(loadedEvent);
  const missing = (what: string): Error => new Error(`The ${what} was used before it was loaded: await services.loaded() first.`);
  const need = (what: string): LoadedParts => {
    if (!parts) {
      throw missing(what);
    }
    return parts;
  };
  const services: Services = {
    extensionUri: context.extensionUri,
    storageUri: context.storageUri,
    state,
    clock,
    log,
    days,
    signals,
    onDidChangeSettings: (listener) =>
      vscode.workspace.onDidChangeConfiguration((event) => (event.affectsConfiguration(SETTINGS_SECTION) ? listener() : undefined)),
    get team(): TeamStore {
      return need('team store').team;
    },
    get coach(): TodayCoach {
      return need('nudge coach').coach;
    },
    get lessons(): LessonLibrary {
      return need('lesson library').lessons;
    },
    get settings(): () => CoachSettings {
      return need('settings reader').settings;
    },
    get syncedKeys(): readonly string[] {
      return need('list of synced keys').syncedKeys;
    },
    get teamLocations(): TeamLocations {
      return need('team locations').teamLocations;
    },
    get moving(): MovingTest {
      return need('moving test').moving;
    },
    loaded() {
      // The heavy part (loadedServices.ts) is bundled apart and loaded here, once.
      loading ??= import('./loadedServices')
        .then(({ loadParts }) => loadParts({ context, state, clock, log, signals }))
        .then((loadedParts) => {
          parts = loadedParts;
          context.subscriptions.push(loadedParts.team, loadedParts.coach, loadedParts.lessons);
          context.globalState.setKeysForSync(loadedParts.syncedKeys);
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
