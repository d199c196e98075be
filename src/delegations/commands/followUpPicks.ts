import * as vscode from 'vscode';
import { addDays, formatDay, type DateKey } from '../../domain/dates';
import { validateFollowUp } from '../../domain/delegation';
import { showInputStep, showPickStep, type StepResult } from './multiStepInput';

interface FollowUpItem extends vscode.QuickPickItem {
  readonly days?: number;
}

const CHOICES: readonly { label: string; days: number }[] = [
  { label: 'Tomorrow', days: 1 },
  { label: 'In 3 days', days: 3 },
  { label: 'Next week', days: 7 },
  { label: 'In 2 weeks', days: 14 },
];

/**
 * The follow-up step: quick choices, the default first, or a typed date (validated, never past).
 * `typed` is the step number used for the typed-date box.
 */
export async function pickFollowUp(options: {
  title: string;
  step: number;
  totalSteps: number;
  today: DateKey;
  defaultDays: number;
  current?: DateKey;
}): Promise<StepResult<DateKey>> {
  const { today } = options;
  const choices = CHOICES.some((c) => c.days === options.defaultDays)
    ? CHOICES
    : [...CHOICES, { label: `In ${options.defaultDays} days`, days: options.defaultDays }].sort((a, b) => a.days - b.days);
  const items: FollowUpItem[] = choices.map((choice) => ({
    label: choice.label,
    description: formatDay(addDays(today, choice.days), today),
    ...(choice.days === options.defaultDays ? { detail: 'Default (change it in Settings: Tech Lead › Delegation: Default Follow Up Days)' } : {}),
    days: choice.days,
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
      validate: (value) => {
        const result = validateFollowUp(value, today);
        return result.ok ? undefined : result.error;
      },
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
