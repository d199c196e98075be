import * as l10n from '../core/l10n';

/** The seven Management 3.0 delegation levels (Jurgen Appelo), from the lead deciding alone to the team. */
export type DelegationLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DelegationLevelInfo {
  readonly level: DelegationLevel;
  /** The English name, lower case, as the command's argument object and the settings spell it. */
  readonly id: string;
  /** The name shown, translated when read. */
  readonly name: string;
  /** What the level means, translated when read. */
  readonly meaning: string;
}

export const DELEGATION_LEVELS: readonly DelegationLevelInfo[] = [
  {
    level: 1,
    id: 'tell',
    get name() {
      return l10n.t('Tell');
    },
    get meaning() {
      return l10n.t('I decide and tell you.');
    },
  },
  {
    level: 2,
    id: 'sell',
    get name() {
      return l10n.t('Sell');
    },
    get meaning() {
      return l10n.t('I decide and explain why, to win you over.');
    },
  },
  {
    level: 3,
    id: 'consult',
    get name() {
      return l10n.t('Consult');
    },
    get meaning() {
      return l10n.t('I ask for your input, then I decide.');
    },
  },
  {
    level: 4,
    id: 'agree',
    get name() {
      return l10n.t('Agree');
    },
    get meaning() {
      return l10n.t('We decide together.');
    },
  },
  {
    level: 5,
    id: 'advise',
    get name() {
      return l10n.t('Advise');
    },
    get meaning() {
      return l10n.t('You decide, after hearing my advice.');
    },
  },
  {
    level: 6,
    id: 'inquire',
    get name() {
      return l10n.t('Inquire');
    },
    get meaning() {
      return l10n.t('You decide and tell me afterward.');
    },
  },
  {
    level: 7,
    id: 'delegate',
    get name() {
      return l10n.t('Delegate');
    },
    get meaning() {
      return l10n.t("You decide; I don't need to know.");
    },
  },
];

export function levelInfo(level: DelegationLevel): DelegationLevelInfo {
  return DELEGATION_LEVELS[level - 1] as DelegationLevelInfo;
}

/** "3 · Consult" */
export function levelLabel(level: DelegationLevel): string {
  return l10n.t('{0} · {1}', level, levelInfo(level).name);
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
  return DELEGATION_LEVELS.find((info) => info.id === text)?.level;
}
