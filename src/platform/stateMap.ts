import { TEAM_SCHEMA_VERSION } from '../domain/team/storage/versions';
import type { GroupBy } from '../domain/team/delegationGroups';
import { readLessonsRead } from '../domain/lessons/lessons';
import { readNudgeProgress, type NudgeProgress } from '../domain/coach/nudges';
import { readReflectionAnswers, type ReflectionAnswers } from '../domain/review/reflections';
import { readReminderState, type ReminderState } from '../domain/coach/reminders';
import { readAnnounced, readSignalLinks, NO_LINKS, type SignalLinks } from '../domain/signals/links';
import type { IdentityKey } from '../domain/signals/history';
import type { StateEntry } from './state';
import { EarlyStateMap } from './earlyStateMap';

export { readShownTip, type ShownTip } from './earlyStateMap';

/** Where a team was moved (Move Team Data), and when: written beside the old copy. */
export interface MovedMarker {
  /** The location, as the setting names it, and the folder for `folder`. */
  readonly to: string;
  readonly on: string;
}

export function readMovedMarker(raw: unknown): MovedMarker | undefined {
  const { to, on } = (typeof raw === 'object' && raw !== null ? raw : {}) as { to?: unknown; on?: unknown };
  return typeof to === 'string' && typeof on === 'string' ? { to: to.slice(0, 2000), on: on.slice(0, 40) } : undefined;
}

/** Global keys that Settings Sync carries to the user's other machines: the streak, the lessons read. */
export function keysForSync(): string[] {
  return Object.values(StateMap)
    .filter((entry: StateEntry<unknown>) => entry.scope === 'global' && entry.sync === true)
    .map((entry) => entry.key);
}

/**
 * With no folder open (no workspace storage folder), the team's chunks are kept in workspace
 * state instead, each under this prefix and its file name (TEAM_CHUNK_KEYS + name).
 */
export const TEAM_CHUNK_KEYS = 'techLead.teamChunk/';

/**
 * Every key the extension stores, with its scope, schema version, reader and default. The only
 * place storage keys are named; features go through `State` with these entries.
 *
 * Workspace state (per repository): the tracker and what belongs to it. Global state (per user):
 * the nudge history and the lessons read.
 */
export const StateMap = {
  /**
   * The team's index: people, and the names of the chunk files that hold delegations, 1:1s and
   * feedback (in the `team` folder of the workspace storage); TeamStore versions and validates it.
   * Version 3 kept the chunks beside it, as keys `techLead.team/<bucket>#<generation>`.
   */
  team: {
    scope: 'workspace',
    key: 'techLead.team',
    version: TEAM_SCHEMA_VERSION,
    kind: 'owned',
    read: (raw: unknown) => raw,
    defaultValue: undefined,
  } satisfies StateEntry<unknown>,
  /**
   * Release 0.1's delegation tracker. TeamStore migrates it on first load and then leaves a marker
   * with schema 2 here, which 0.1 reads as newer data and does not write over.
   */
  legacyDelegations: {
    scope: 'workspace',
    key: 'techLead.delegations',
    version: TEAM_SCHEMA_VERSION,
    kind: 'owned',
    read: (raw: unknown) => raw,
    defaultValue: undefined,
  } satisfies StateEntry<unknown>,
  /** Records the tracker could not read, kept as they were; TeamStore owns it. Named for release 0.1, which made it. */
  keptAside: {
    scope: 'workspace',
    key: 'techLead.delegations.keptAside',
    version: 1,
    kind: 'owned',
    read: (raw: unknown) => raw,
    defaultValue: undefined,
  } satisfies StateEntry<unknown>,
  /** Set when the team kept in this workspace was moved elsewhere (Move Team Data): where to, and when. The old copy stays as it was. */
  teamMovedTo: {
    scope: 'workspace',
    key: 'techLead.team.movedTo',
    version: 1,
    kind: 'value',
    read: readMovedMarker,
    defaultValue: undefined,
  } satisfies StateEntry<MovedMarker | undefined>,
  /** When the overdue reminder last showed and how long it is snoozed. */
  reminders: {
    scope: 'workspace',
    key: 'techLead.reminders',
    version: 1,
    kind: 'value',
    read: readReminderState,
    defaultValue: {},
  } satisfies StateEntry<ReminderState>,
  ...EarlyStateMap,
  /** How the Delegations view is grouped. */
  groupBy: {
    scope: 'workspace',
    key: 'techLead.delegations.groupBy',
    version: 1,
    kind: 'value',
    read: (raw: unknown): GroupBy | undefined => (raw === 'person' || raw === 'followUp' ? raw : undefined),
    defaultValue: 'followUp',
  } satisfies StateEntry<GroupBy>,
  /** The weekly review's reflection prompts and answers, per week. */
  reflections: {
    scope: 'workspace',
    key: 'techLead.review.reflections',
    version: 1,
    kind: 'value',
    read: readReflectionAnswers,
    defaultValue: {} as ReflectionAnswers,
  } satisfies StateEntry<ReflectionAnswers>,
  /**
   * Whether the lead turned the repository signals on for this workspace (off by default). Removed,
   * with the links and the cache, by Forget Repository Signals.
   */
  signalsOn: {
    scope: 'workspace',
    key: 'techLead.signals.on',
    version: 1,
    kind: 'value',
    read: (raw: unknown) => (typeof raw === 'boolean' ? raw : undefined),
    defaultValue: false,
  } satisfies StateEntry<boolean>,
  /** Commit identities linked to people, and those ignored: workspace state only, never in the team's data (not exported, not synced). */
  signalLinks: {
    scope: 'workspace',
    key: 'techLead.signals.links',
    version: 1,
    kind: 'value',
    read: readSignalLinks,
    defaultValue: NO_LINKS,
  } satisfies StateEntry<SignalLinks>,
  /** The commit authors the lead was told are not linked yet, so no window tells them again; removed by Forget Repository Signals. */
  signalsAnnounced: {
    scope: 'workspace',
    key: 'techLead.signals.announced',
    version: 1,
    kind: 'value',
    read: readAnnounced,
    defaultValue: [] as IdentityKey[],
  } satisfies StateEntry<IdentityKey[]>,
  /** Which nudges were shown and done; TodayCoach versions it. */
  nudgeProgress: {
    scope: 'global',
    key: 'techLead.nudgeProgress',
    sync: true,
    version: 1,
    kind: 'owned',
    read: readNudgeProgress,
    defaultValue: readNudgeProgress(undefined),
  } satisfies StateEntry<NudgeProgress>,
  /** Ids of the lessons marked read. */
  lessonsRead: {
    scope: 'global',
    key: 'techLead.lessonsRead',
    sync: true,
    version: 1,
    kind: 'value',
    read: (raw: unknown) => (Array.isArray(raw) ? readLessonsRead(raw) : undefined),
    defaultValue: [],
  } satisfies StateEntry<readonly string[]>,
} as const;
