import * as vscode from 'vscode';
import type { Clock } from './domain/core/dates';
import { parseNudgeCatalogue, type Nudge } from './domain/coach/nudges';
import { LessonLibrary, type LessonFile } from './domain/lessons/lessonLibrary';
import { loadTeamStore, unavailableTeamStore } from './domain/team/store/load';
import type { TeamStore } from './domain/team/store/store';
import type { MovingTest } from './domain/team/delegations';
import { TodayCoach } from './domain/coach/todayCoach';
import { readText } from './platform/files';
import type { State } from './platform/state';
import * as l10n from './domain/core/l10n';
import { keysForSync, StateMap } from './platform/stateMap';
import { readSettings, readTeamLocation, type CoachSettings } from './settings';
import {
  cellOptions,
  followTeamPlace,
  movedAway,
  movedMarkerOf,
  offerWorkspaceTeam,
  openTeamPlace,
  teamKeys,
  teamLocations,
  tellLocked,
  type TeamLocations,
} from './teamLocation';
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
  /** Where the team is kept, and the other places it can move to. */
  readonly teamLocations: TeamLocations;
  /**
   * Whether a delegation's work visibly moves (levels 6–7 pointing at code, from the repository
   * signals once they are read): a passed follow-up of such work is shown as moving, and the
   * reminder, the badge and today's nudge leave it out. Always false while the signals are off.
   */
  readonly moving: MovingTest;
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

/**
 * The lessons' front matter, from the catalogue the build writes (scripts/lessons.mjs): one file
 * read instead of one per lesson; each lesson's body ships as rendered HTML only.
 */
async function readLessonFiles(catalogue: vscode.Uri): Promise<LessonFile[]> {
  const parsed: unknown = JSON.parse(await readText(catalogue));
  if (!Array.isArray(parsed) || !parsed.every((f) => typeof f?.name === 'string' && typeof f?.text === 'string')) {
    throw new Error(l10n.t('{0} is not a list of lesson files: reinstalling Tech Lead Coach should fix this.', catalogue.toString(true)));
  }
  return parsed as LessonFile[];
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

export async function loadParts({ context, state, clock, log, signals }: LoadDeps): Promise<LoadedParts> {
  const started = performance.now();
  const settings = readSettings;
  // Where the team is kept (teamLocation.ts): workspace state and its storage folder, the user's
  // global storage, or a folder the lead chose.
  const place = await openTeamPlace(context, state, clock, readTeamLocation()).catch((error: unknown) => {
    log.error('Could not open where the team is kept', error);
    return openTeamPlace(context, state, clock, { kind: 'workspace', folder: undefined });
  });
  const { storage, files } = place;
  const keys = teamKeys();
  const newId = (): string => globalThis.crypto.randomUUID();
  const defaults = { cadenceDays: () => settings().oneOnOneCadenceDays };
  const unavailable = (reason: string): TeamStore => unavailableTeamStore(storage, files, keys, clock, newId, defaults, reason);
  const [team, catalogue] = await Promise.all([
    // A load that fails (storage refusing the migration's write) leaves the data as it was; the
    // extension still runs, with the tracker refusing changes and saying why.
    place.refused !== undefined
      ? unavailable(place.refused)
      : loadTeamStore(storage, files, keys, clock, newId, defaults, cellOptions(place)).catch((error: unknown) => {
          log.error('Could not load the team data', error);
          return unavailable(error instanceof Error ? error.message : String(error));
        }),
    loadNudgeCatalogue(context, log),
  ]);
  const moved = await movedMarkerOf(place, state);
  if (moved !== undefined) {
    team.lock(movedAway(moved));
    tellLocked(log, movedAway(moved));
  }
  context.subscriptions.push(...followTeamPlace(team, place, log, () => movedMarkerOf(place, state)));
  offerWorkspaceTeam(place, state, log);
  const moving: MovingTest = (d) =>
    d.level >= 6 && d.code !== undefined && signals.current?.followThrough(d, team.nameOf(d.personId))?.moving !== undefined;
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
    moving,
    onSaveError: (error) => log.error('Could not save nudge progress', error),
  });
  const { people, delegations, oneOnOnes, feedback } = team.snapshot();
  log.info(
    `Loaded ${people.length} people, ${delegations.length} delegations, ${oneOnOnes.length} 1:1s, ${feedback.length} feedback entries and ${catalogue.length} nudges in ${Math.round(performance.now() - started)} ms`,
  );
  const lessons = new LessonLibrary(
    () => readLessonFiles(vscode.Uri.joinPath(context.extensionUri, 'dist', 'lessons', 'catalogue.json')),
    state.cell(StateMap.lessonsRead),
    (problem) => log.warn(`A lesson file was left out: ${problem}`),
  );
  const locations = teamLocations(context, state, clock, place, (at) =>
    loadTeamStore(at.storage, at.files, keys, clock, newId, defaults, cellOptions(at)),
  );
  return { team, coach, lessons, settings, syncedKeys: keysForSync(), teamLocations: locations, moving };
}
