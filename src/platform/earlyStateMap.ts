import type { StateEntry } from './state';

/**
 * The keys read at activation, before the team and the coach have loaded: this module imports no
 * domain code, so the bundle activation loads stays small. StateMap (stateMap.ts) includes them, so
 * every key is still named in one list.
 */

/** What the status-bar tip showed, and on which day (`YYYY-MM-DD`). */
export interface ShownTip {
  readonly day: string;
  readonly short: string;
  readonly action: string;
  readonly why: string;
  readonly done: boolean;
}

const TIP_TEXT_MAX = 2000;

export function readShownTip(raw: unknown): ShownTip | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= TIP_TEXT_MAX;
  if (typeof r['day'] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r['day']) || !text(r['short']) || !text(r['action']) || !text(r['why'])) {
    return undefined;
  }
  return { day: r['day'], short: r['short'], action: r['action'], why: r['why'], done: r['done'] === true };
}

export const EarlyStateMap = {
  /**
   * The status-bar tip as last shown, with its day: the next window shows it at once, before the
   * team's history has loaded (then the tip is worked out again and replaces it).
   */
  statusTip: {
    scope: 'workspace',
    key: 'techLead.statusTip',
    version: 1,
    kind: 'value',
    read: readShownTip,
    defaultValue: undefined,
  } satisfies StateEntry<ShownTip | undefined>,
} as const;
