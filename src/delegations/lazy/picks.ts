/** The picks the delegation commands share: the delegation level and the follow-up date. */
import * as vscode from 'vscode';
import { addDays, formatDay, todayKey, type DateKey } from '../../domain/core/dates';
import { validateFollowUp } from '../../domain/team/delegations';
import { errorOf } from '../../domain/core/validation';
import { DELEGATION_LEVELS, levelInfo, type DelegationLevel } from '../../domain/team/delegationLevels';
import type { Services } from '../../services';
import { showInputStep, showPickStep, type StepResult } from '../../platform/multiStepInput';
import * as l10n from '../../domain/core/l10n';

interface FollowUpItem extends vscode.QuickPickItem {
  readonly days?: number;
}

const QUICK_CHOICES: readonly number[] = [1, 3, 7, 14];

function labelFor(days: number): string {
  return days === 0
    ? l10n.t('Today')
    : days === 1
      ? l10n.t('Tomorrow')
      : days === 7
        ? l10n.t('Next week')
        : days === 14
          ? l10n.t('In 2 weeks')
          : l10n.t('In {0} days', days);
}

/**
 * The follow-up step: quick choices with the default highlighted (and explained), or a typed date
 * (validated, never in the past).
 */
export async function pickFollowUp(options: {
  title: string;
  step: number;
  totalSteps: number;
  today: DateKey;
  defaultDays: number;
  /** Why the default is the default, shown under it. */
  defaultReason: string;
  current?: DateKey;
}): Promise<StepResult<DateKey>> {
  const { today } = options;
  const days = [...new Set([...QUICK_CHOICES, options.defaultDays])].sort((a, b) => a - b);
  const items: FollowUpItem[] = days.map((n) => ({
    label: labelFor(n),
    description: formatDay(addDays(today, n), today),
    ...(n === options.defaultDays ? { detail: options.defaultReason } : {}),
    days: n,
  }));
  const typed: FollowUpItem = { label: `$(calendar) ${l10n.t('Another date…')}`, description: l10n.t('Type a date like 2026-12-01') };
  const active = items.find((item) => item.days === options.defaultDays);
  for (;;) {
    const chosen = await showPickStep<FollowUpItem>({
      title: options.title,
      step: options.step,
      totalSteps: options.totalSteps,
      placeholder: options.current ? l10n.t('When will you follow up? Now {0}', options.current) : l10n.t('When will you follow up?'),
      items: [...items, typed],
      ...(active ? { active } : {}),
    });
    if (chosen.kind !== 'value') {
      return chosen;
    }
    if (chosen.value.days !== undefined) {
      return { kind: 'value', value: addDays(today, chosen.value.days) };
    }
    const date = await showInputStep({
      title: options.title,
      step: options.step,
      totalSteps: options.totalSteps,
      prompt: l10n.t('Follow-up date (YYYY-MM-DD), today or later'),
      placeholder: addDays(today, options.defaultDays),
      ...(options.current ? { value: options.current } : {}),
      validate: (value) => errorOf(validateFollowUp(value, today)),
    });
    if (date.kind === 'cancel') {
      return date;
    }
    if (date.kind === 'value') {
      const result = validateFollowUp(date.value, today);
      if (result.ok) {
        return { kind: 'value', value: result.value };
      }
    }
    // Back from the typed date returns to the choices.
  }
}

export interface LevelItem extends vscode.QuickPickItem {
  readonly level: DelegationLevel;
}

export function levelItems(): LevelItem[] {
  return DELEGATION_LEVELS.map((info) => ({ label: `${info.level} · ${info.name}`, description: info.meaning, level: info.level }));
}

/** The follow-up the level suggests: low levels check in often, high levels rarely. */
export function suggestedFollowUp(
  services: Services,
  level: DelegationLevel,
): { today: DateKey; defaultDays: number; defaultReason: string } {
  const days = services.settings().cadence[level];
  return {
    today: todayKey(services.clock),
    defaultDays: days,
    defaultReason:
      days === 1
        ? l10n.t('Suggested for {0}: every 1 day (Settings: Tech Lead › Delegation: Follow Up Days By Level)', levelInfo(level).name)
        : l10n.t(
            'Suggested for {0}: every {1} days (Settings: Tech Lead › Delegation: Follow Up Days By Level)',
            levelInfo(level).name,
            days,
          ),
  };
}
