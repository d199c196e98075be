import { parseDelegationLevel, type DelegationLevel } from './delegationLevels';

/**
 * Days between follow-ups for each delegation level: the less of the decision is theirs, the more
 * often you check in (situational leadership: follow-up matches competence and commitment).
 */
export type FollowUpCadence = Readonly<Record<DelegationLevel, number>>;

export const DEFAULT_CADENCE: FollowUpCadence = { 1: 2, 2: 2, 3: 3, 4: 5, 5: 7, 6: 10, 7: 14 };

export const CADENCE_MAX_DAYS = 90;

/** Reads the setting: an object from level name or number to days; bad entries keep the default. */
export function readCadence(raw: unknown): FollowUpCadence {
  const cadence: Record<DelegationLevel, number> = { ...DEFAULT_CADENCE };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return cadence;
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const level = parseDelegationLevel(key);
    if (level !== undefined && typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= CADENCE_MAX_DAYS) {
      cadence[level] = value;
    }
  }
  return cadence;
}
