import * as vscode from 'vscode';
import { todayKey } from '../../domain/core/dates';
import { errorOf } from '../../domain/core/validation';
import { inert } from '../../domain/core/inertText';
import {
  BEHAVIOR_LABELS,
  BEHAVIORS,
  parseLogMomentArgs,
  validateMomentNote,
  type Behavior,
  type Moment,
  type MomentAction,
} from '../../domain/team/moments';
import { showInputStep, showPickStep, type StepResult } from '../../platform/multiStepInput';
import { logMomentAndConfirm } from '../../teamUndo';
import type { Services } from '../../services';
import { presetName } from './personCommands';
import * as l10n from '../../domain/core/l10n';

/** What a Log Moment collects before it saves, step by step. */
interface Answers {
  action?: MomentAction;
  behavior?: Behavior;
  /** A person's name; undefined with the team. */
  person?: string | undefined;
  note?: string | undefined;
}

async function save(services: Services, raw: unknown): Promise<Moment | undefined> {
  const parsed = parseLogMomentArgs(raw, todayKey(services.clock));
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(inert(l10n.t('Log Moment: nothing was saved. {0}', parsed.errors.join(' '))));
    return undefined;
  }
  return logMomentAndConfirm(services, parsed.value);
}

function notePrompt(action: MomentAction, behavior: Behavior | undefined): { prompt: string; required: boolean } {
  if (action === 'biggerPicture') {
    return { prompt: l10n.t('What did you explain? (the why behind a decision, where the product is going)'), required: true };
  }
  return behavior === 'other'
    ? { prompt: l10n.t('What did you model, in your own words?'), required: true }
    : { prompt: l10n.t('Anything to remember about it? (optional; Enter to skip)'), required: false };
}

/**
 * "Log Moment": the two actions that leave no other record: explained the bigger picture (what, to
 * the team or to someone) and modeled a behavior (which one). With an argument object it saves at
 * once after the same checks; from a person (a Team view row, a person page) it is with them.
 */
export async function logMoment(services: Services, arg: unknown): Promise<Moment | undefined> {
  if (typeof arg === 'object' && arg !== null && !Array.isArray(arg) && (arg as { kind?: unknown }).kind === undefined) {
    return save(services, arg);
  }
  const preset = presetName(services, arg);
  const answers: Answers = preset ? { person: preset } : {};
  const title = preset ? inert(l10n.t('Log Moment with {0}', preset)) : l10n.t('Log Moment');
  const steps = ['action', 'behavior', 'who', 'note'] as const;
  const applies = (step: (typeof steps)[number]): boolean =>
    step === 'behavior' ? answers.action === 'modelling' : step === 'who' ? preset === undefined : true;
  let index = 0;
  while (index < steps.length) {
    const step = steps[index] as (typeof steps)[number];
    if (!applies(step)) {
      index++;
      continue;
    }
    const visible = steps.filter(applies);
    const frame = { title, step: visible.indexOf(step) + 1, totalSteps: visible.length };
    const result = await ask(services, step, frame, answers);
    if (result === 'cancel') {
      return undefined;
    }
    if (result === 'back') {
      do {
        index--;
      } while (index > 0 && !applies(steps[index] as (typeof steps)[number]));
      index = Math.max(0, index);
      continue;
    }
    index++;
  }
  return save(services, {
    action: answers.action,
    ...(answers.behavior ? { behavior: answers.behavior } : {}),
    ...(answers.person ? { person: answers.person } : {}),
    ...(answers.note ? { what: answers.note } : {}),
  });
}

type Frame = { title: string; step: number; totalSteps: number };

/** One step; it writes its answer into `answers`. */
async function ask(
  services: Services,
  step: 'action' | 'behavior' | 'who' | 'note',
  frame: Frame,
  answers: Answers,
): Promise<'next' | 'back' | 'cancel'> {
  const outcome = <T>(result: StepResult<T>, keep: (value: T) => void): 'next' | 'back' | 'cancel' => {
    if (result.kind === 'value') {
      keep(result.value);
      return 'next';
    }
    return result.kind;
  };
  switch (step) {
    case 'action': {
      const explained = {
        label: `$(telescope) ${l10n.t('Explained the bigger picture')}`,
        description: l10n.t('the why behind the work, to the team or to someone'),
        action: 'biggerPicture' as MomentAction,
      };
      const items = [
        explained,
        {
          label: `$(mirror) ${l10n.t('Modeled a behavior')}`,
          description: l10n.t('admitted a mistake, asked for help, shared an unfinished idea, took a break'),
          action: 'modelling' as MomentAction,
        },
      ];
      const result = await showPickStep({
        ...frame,
        placeholder: l10n.t('Which of the two?'),
        items,
        active: items.find((i) => i.action === answers.action) ?? explained,
      });
      return outcome(result, (item) => {
        if (item.action !== answers.action) {
          delete answers.behavior;
        }
        answers.action = item.action;
      });
    }
    case 'behavior': {
      const items = BEHAVIORS.map((behavior) => ({
        label: behavior === 'other' ? l10n.t('In my own words…') : BEHAVIOR_LABELS[behavior],
        behavior,
      }));
      const result = await showPickStep({ ...frame, placeholder: l10n.t('Which behavior did you model?'), items });
      return outcome(result, (item) => (answers.behavior = item.behavior));
    }
    case 'who': {
      const team = {
        label: `$(organization) ${l10n.t('The team')}`,
        description: l10n.t('no one person'),
        name: undefined as string | undefined,
      };
      const people = services.team
        .people()
        .filter((p) => !p.archived)
        .map((p) => ({ label: `$(person) ${inert(p.name)}`, description: inert(p.role ?? ''), name: p.name as string | undefined }));
      const result = await showPickStep({
        ...frame,
        placeholder: answers.action === 'biggerPicture' ? l10n.t('To whom?') : l10n.t('With whom? (the team when it was not one person)'),
        items: [team, ...people],
      });
      return outcome(result, (item) => {
        answers.person = item.name;
      });
    }
    case 'note': {
      const { prompt, required } = notePrompt(answers.action ?? 'biggerPicture', answers.behavior);
      const result = await showInputStep({
        ...frame,
        prompt,
        ...(answers.note ? { value: answers.note } : {}),
        validate: (value) => {
          if (required && value.trim() === '') {
            return l10n.t('Say it in a few words: this step cannot be empty.');
          }
          return errorOf(validateMomentNote(value));
        },
      });
      return outcome(result, (value) => (answers.note = value.trim() === '' ? undefined : value));
    }
  }
}
