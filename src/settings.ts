import * as vscode from 'vscode';
import { readCadence, type FollowUpCadence } from './domain/team/cadence';
import { DEFAULT_CADENCE_DAYS, validateCadence } from './domain/team/people';
import { MONDAY_TO_FRIDAY, WEEKDAY_NAMES, type Weekday } from './domain/core/dates';
import { parseDelegationLevel, type DelegationLevel } from './domain/team/delegationLevels';
import { isNudgeTheme, type NudgeTheme } from './domain/coach/nudges';
import { SETTINGS_SECTION, Settings } from './ids';

export interface CoachSettings {
  readonly statusBarTip: boolean;
  readonly defaultLevel: DelegationLevel;
  readonly defaultFollowUpDays: number;
  /** Days between follow-ups for each level, used by check-ins and follow-up changes. */
  readonly cadence: FollowUpCadence;
  readonly nudgeThemes: readonly NudgeTheme[];
  readonly reminders: boolean;
  /** Days between 1:1s for someone added to the team. */
  readonly oneOnOneCadenceDays: number;
  /** Whether 1:1 notes go into exports. */
  readonly exportPrivateNotes: boolean;
  /** Whether the daily nudge leans towards the action practised least. */
  readonly adaptiveCoach: boolean;
  /** The first day of a week in the weekly review. */
  readonly weekStartsOn: Weekday;
  /** The days the lead works: the nudge streak counts these only. */
  readonly workdays: readonly Weekday[];
}

function weekdays(value: unknown): readonly Weekday[] {
  const days = Array.isArray(value)
    ? [...new Set(value.map((v) => WEEKDAY_NAMES.indexOf(v as (typeof WEEKDAY_NAMES)[number])).filter((i) => i >= 0))]
    : [];
  return days.length > 0 ? (days.sort() as Weekday[]) : MONDAY_TO_FRIDAY;
}

function weekday(value: unknown): Weekday {
  const index = WEEKDAY_NAMES.indexOf(value as (typeof WEEKDAY_NAMES)[number]);
  return (index >= 0 ? index : 1) as Weekday;
}

function validCadence(value: unknown): number {
  const result = validateCadence(value);
  return result.ok ? result.value : DEFAULT_CADENCE_DAYS;
}

/** Reads the settings into a typed object; a hand-edited bad value falls back to the default. */
export function readSettings(): CoachSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const days = config.get<unknown>(Settings.defaultFollowUpDays);
  const themes = config.get<unknown>(Settings.nudgeThemes);
  return {
    statusBarTip: config.get<unknown>(Settings.statusBarTip) !== false,
    defaultLevel: parseDelegationLevel(config.get<unknown>(Settings.defaultLevel)) ?? 5,
    defaultFollowUpDays: typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 90 ? days : 3,
    cadence: readCadence(config.get<unknown>(Settings.followUpDaysByLevel)),
    nudgeThemes: Array.isArray(themes) ? themes.filter(isNudgeTheme) : [],
    reminders: config.get<unknown>(Settings.reminders) !== false,
    oneOnOneCadenceDays: validCadence(config.get<unknown>(Settings.oneOnOneCadenceDays)),
    exportPrivateNotes: config.get<unknown>(Settings.exportPrivateNotes) === true,
    adaptiveCoach: config.get<unknown>(Settings.adaptiveCoach) !== false,
    weekStartsOn: weekday(config.get<unknown>(Settings.weekStartsOn)),
    workdays: weekdays(config.get<unknown>(Settings.workdays)),
  };
}

/** Where the team is kept: this workspace's state (the default), the user's global storage (every window), or a folder the lead chose. */
export type TeamLocationKind = 'workspace' | 'user' | 'folder';

export interface TeamLocationSetting {
  readonly kind: TeamLocationKind;
  /** For `folder`: the path (or URI) as the lead wrote it; undefined when none is set. */
  readonly folder: string | undefined;
}

/** Reads where the team is kept; an unknown value is the default, `workspace`. */
export function readTeamLocation(): TeamLocationSetting {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const kind = config.get<unknown>(Settings.teamLocation);
  const folder = config.get<unknown>(Settings.teamFolder);
  return {
    kind: kind === 'user' || kind === 'folder' ? kind : 'workspace',
    folder: typeof folder === 'string' && folder.trim().length > 0 ? folder.trim() : undefined,
  };
}
