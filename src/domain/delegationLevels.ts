/** The seven Management 3.0 delegation levels (Jurgen Appelo), from the lead deciding alone to the team. */
export type DelegationLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DelegationLevelInfo {
  readonly level: DelegationLevel;
  readonly name: string;
  readonly meaning: string;
}

export const DELEGATION_LEVELS: readonly DelegationLevelInfo[] = [
  { level: 1, name: 'Tell', meaning: 'I decide and tell you.' },
  { level: 2, name: 'Sell', meaning: 'I decide and explain why, to win you over.' },
  { level: 3, name: 'Consult', meaning: 'I ask for your input, then I decide.' },
  { level: 4, name: 'Agree', meaning: 'We decide together.' },
  { level: 5, name: 'Advise', meaning: 'You decide, after hearing my advice.' },
  { level: 6, name: 'Inquire', meaning: 'You decide and tell me afterwards.' },
  { level: 7, name: 'Delegate', meaning: "You decide; I don't need to know." },
];

export function levelInfo(level: DelegationLevel): DelegationLevelInfo {
  return DELEGATION_LEVELS[level - 1] as DelegationLevelInfo;
}

/** "3 · Consult" */
export function levelLabel(level: DelegationLevel): string {
  return `${level} · ${levelInfo(level).name}`;
}

export function isDelegationLevel(value: unknown): value is DelegationLevel {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;
}

/** Accepts 1–7 (number or numeric text) or a level name in any case ("consult"). */
export function parseDelegationLevel(value: unknown): DelegationLevel | undefined {
  if (isDelegationLevel(value)) {
    return value;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const text = value.trim().toLowerCase();
  if (/^[1-7]$/.test(text)) {
    return Number(text) as DelegationLevel;
  }
  return DELEGATION_LEVELS.find((info) => info.name.toLowerCase() === text)?.level;
}
