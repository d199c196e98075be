import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { systemClock, type Clock } from './domain/dates';
import { DelegationStore } from './domain/delegationStore';
import { parseNudgeCatalogue, type Nudge } from './domain/nudges';
import { TodayCoach } from './domain/todayCoach';
import { StorageKeys } from './ids';
import { LessonLibrary } from './lessons/lessonLibrary';
import { DayWatcher } from './platform/dayWatcher';
import { onDidChangeSettings, readSettings, type CoachSettings } from './platform/settings';

/** What every feature shares; created once in `activate()`. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
  readonly delegations: DelegationStore;
  readonly coach: TodayCoach;
  readonly lessons: LessonLibrary;
  readonly days: DayWatcher;
  /** What is selected in the Delegations view, for keybindings that act on the selection. */
  readonly selection: { delegationId: string | undefined };
  settings(): CoachSettings;
}

/**
 * A clock that can be moved by whole days with `TECH_LEAD_COACH_DAY_OFFSET`, so the end-to-end
 * suite can see follow-ups fall due. Unset, it is the system clock.
 */
function clockFromEnvironment(): Clock {
  const offset = Number(process.env['TECH_LEAD_COACH_DAY_OFFSET'] ?? 0);
  if (!Number.isInteger(offset) || offset === 0) {
    return systemClock;
  }
  return { now: () => new Date(Date.now() + offset * 86_400_000) };
}

async function loadNudgeCatalogue(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<Nudge[]> {
  const file = vscode.Uri.joinPath(context.extensionUri, 'media', 'nudges.json').fsPath;
  try {
    const { nudges, problems } = parseNudgeCatalogue(JSON.parse(await fs.readFile(file, 'utf8')));
    problems.forEach((problem) => log.warn(`nudges.json: ${problem}`));
    return nudges;
  } catch (error) {
    log.error(`Could not read the nudge catalogue at ${file}`, error);
    return [];
  }
}

export async function createServices(context: vscode.ExtensionContext): Promise<Services> {
  const log = vscode.window.createOutputChannel('Tech Lead Coach', { log: true });
  context.subscriptions.push(log);
  const clock = clockFromEnvironment();
  let settings = readSettings();
  context.subscriptions.push(onDidChangeSettings(() => (settings = readSettings())));

  const [delegations, catalogue] = await Promise.all([
    DelegationStore.load(context.workspaceState, StorageKeys.workspace, clock, randomUUID),
    loadNudgeCatalogue(context, log),
  ]);
  const coach = new TodayCoach({
    storage: context.globalState,
    progressKey: StorageKeys.global.nudgeProgress,
    clock,
    catalogue,
    delegations,
    themes: () => settings.nudgeThemes,
    onSaveError: (error) => log.error('Could not save nudge progress', error),
  });
  const lessons = new LessonLibrary(
    vscode.Uri.joinPath(context.extensionUri, 'media', 'lessons').fsPath,
    context.globalState,
    StorageKeys.global.lessonsRead,
  );
  const days = new DayWatcher(clock);
  context.subscriptions.push(delegations, coach, lessons, days);
  return { context, clock, log, delegations, coach, lessons, days, selection: { delegationId: undefined }, settings: () => settings };
}
