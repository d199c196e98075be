/** The picks the delegation commands share: the delegation level and the follow-up date. */
import * as vscode from 'vscode';
import { addDays, formatDay, todayKey, type DateKey } from '../../domain/dates';
import { errorOf, validateFollowUp } from '../../domain/delegation';
import { DELEGATION_LEVELS, levelInfo, type DelegationLevel } from '../../domain/delegationLevels';
import type { Services } from '../../services';
import { showInputStep, showPickStep, type StepResult } from '../../platform/multiStepInput';

interface FollowUpItem extends vscode.QuickPickItem {
  readonly days?: number;
}

const QUICK_CHOICES: readonly number[] = [1, 3, 7, 14];

function labelFor(days: number): string {
  return days === 0 ? 'Today' : days === 1 ? 'Tomorrow' : days === 7 ? 'Next week' : days === 14 ? 'In 2 weeks' : `In ${days} days`;
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
  const typed: FollowUpItem = { label: '$(calendar) Another date…', description: 'Type a date like 2026-12-01' };
  const active = items.find((item) => item.days === options.defaultDays);
  for (;;) {
    const chosen = await showPickStep<FollowUpItem>({
      title: options.title,
      step: options.step,
      totalSteps: options.totalSteps,
      placeholder: options.current ? `When will you follow up? Now ${options.current}` : 'When will you follow up?',
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
      prompt: 'Follow-up date (YYYY-MM-DD), today or later',
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
export function suggestedFollowUp(services: Services, level: DelegationLevel): { today: DateKey; defaultDays: number; defaultReason: string } {
  const days = services.settings().cadence[level];
  return {
    today: todayKey(services.clock),
    defaultDays: days,
    defaultReason: `Suggested for ${levelInfo(level).name}: every ${days} day${days === 1 ? '' : 's'} (Settings: Tech Lead › Delegation: Follow Up Days By Level)`,
  };
}
