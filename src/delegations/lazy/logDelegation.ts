import * as vscode from 'vscode';
import { formatDay, todayKey, type DateKey } from '../../domain/core/dates';
import {
  parseLogDelegationArgs,
  validateNote,
  validateTask,
  type CodeLink,
  type Delegation,
  type NewDelegation,
} from '../../domain/team/delegations';
import { errorOf } from '../../domain/core/validation';
import { personKey, tidy, validatePersonName } from '../../domain/team/people';
import { inert } from '../../domain/core/inertText';
import type { DelegationLevel } from '../../domain/team/delegationLevels';
import { Views } from '../../ids';
import type { Services } from '../../services';
import { levelItems, pickFollowUp, type LevelItem } from './picks';
import { showInputStep, showPickStep, type StepResult } from '../../platform/multiStepInput';
import { confirmTeamChange } from '../../teamUndo';
import { activeEditorPath, pickCodeLink } from './codePicker';
import * as l10n from '../../domain/core/l10n';

const defaultTitle = (): string => l10n.t('Log Delegation');
const STEPS = 6;

interface PersonItem extends vscode.QuickPickItem {
  readonly person: string;
}

function personItems(people: readonly string[], typed: string): PersonItem[] {
  const name = tidy(typed);
  const known = people.map((person) => ({ label: inert(person), person, description: l10n.t('in your team') }));
  if (name.length === 0 || people.some((p) => personKey(p) === personKey(name))) {
    return known;
  }
  // Known people first, so typing part of a name picks them; alwaysShow keeps the new name visible.
  return [...known, { label: `$(add) ${inert(name)}`, person: name, description: l10n.t('new person'), alwaysShow: true }];
}

/** What the guided flow starts from: a person's row, or Delegate Work Here on code one person knows. */
export interface DelegationPreset {
  readonly title?: string;
  /** Said before the first step's question: why this delegation. */
  readonly intro?: string;
  readonly task?: string;
  readonly person?: string;
  /** Left out of the person step (by id): the one who knows the code already. */
  readonly notPersonId?: string;
  readonly code?: CodeLink;
}

/** The guided flow: task, person, level, follow-up, note, where in the code. Escape at any step returns undefined. */
export async function askForDelegation(services: Services, preset: DelegationPreset = {}): Promise<NewDelegation | undefined> {
  const today = todayKey(services.clock);
  const settings = services.settings();
  const title = (): string => preset.title ?? defaultTitle();
  const leftOut = preset.notPersonId === undefined ? undefined : personKey(services.team.nameOf(preset.notPersonId));
  const people = services.team.personNames().filter((name) => leftOut === undefined || personKey(name) !== leftOut);
  // The file open when the command ran: offered, checked, at the last step.
  const editorPath = activeEditorPath();
  const answers: {
    task?: string;
    person?: string;
    level?: DelegationLevel;
    followUpOn?: DateKey;
    note?: string;
    code?: CodeLink | undefined;
  } = {
    ...(preset.person === undefined ? {} : { person: preset.person }),
    ...(preset.task === undefined ? {} : { task: preset.task }),
    ...(preset.code === undefined ? {} : { code: preset.code }),
  };
  let step = 1;
  while (step <= STEPS) {
    let result: StepResult<unknown>;
    switch (step) {
      case 1: {
        const r = await showInputStep({
          title: title(),
          step,
          totalSteps: STEPS,
          prompt:
            preset.intro === undefined
              ? l10n.t('What did you delegate? (1 to 200 characters)')
              : l10n.t('{0} What will they take on? (1 to 200 characters)', preset.intro),
          placeholder: l10n.t('e.g. Run the release retro'),
          ...(answers.task ? { value: answers.task } : {}),
          validate: (value) => errorOf(validateTask(value)),
        });
        if (r.kind === 'value') {
          const task = validateTask(r.value);
          if (task.ok) {
            answers.task = task.value;
          }
        }
        result = r;
        break;
      }
      case 2: {
        const r = await showPickStep<PersonItem>({
          title: title(),
          step,
          totalSteps: STEPS,
          placeholder:
            people.length > 0 ? l10n.t('Who owns it now? Pick a name or type a new one') : l10n.t('Who owns it now? Type their name'),
          items: personItems(people, answers.person ?? ''),
          itemsForValue: (value) => personItems(people, value),
          chooseOnAccept: (value, active) => {
            const typed = personKey(value);
            if (typed.length === 0 || (active && personKey(active.person).includes(typed))) {
              return active;
            }
            // The active item is stale or does not match what was typed: take the typed name.
            const items = personItems(people, value);
            return items.find((item) => personKey(item.person) === typed) ?? items.at(-1);
          },
          ...(answers.person ? { value: answers.person } : {}),
        });
        if (r.kind === 'value') {
          const person = validatePersonName(r.value.person);
          if (!person.ok) {
            void vscode.window.showWarningMessage(inert(person.error));
            continue;
          }
          answers.person = person.value;
        }
        result = r;
        break;
      }
      case 3: {
        const items = levelItems();
        const wanted = answers.level ?? settings.defaultLevel;
        const active = items.find((item) => item.level === wanted);
        const r = await showPickStep<LevelItem>({
          title: title(),
          step,
          totalSteps: STEPS,
          placeholder: l10n.t('How much of the decision is theirs? (Management 3.0 delegation levels)'),
          items,
          ...(active ? { active } : {}),
        });
        if (r.kind === 'value') {
          answers.level = r.value.level;
        }
        result = r;
        break;
      }
      case 4: {
        const r = await pickFollowUp({
          title: title(),
          step,
          totalSteps: STEPS,
          today,
          defaultDays: settings.defaultFollowUpDays,
          defaultReason: l10n.t('Default (Settings: Tech Lead › Delegation: Default Follow Up Days)'),
        });
        if (r.kind === 'value') {
          answers.followUpOn = r.value;
        }
        result = r;
        break;
      }
      case 5: {
        const r = await showInputStep({
          title: title(),
          step,
          totalSteps: STEPS,
          prompt: l10n.t('A note for later (optional): what "done" looks like, what you agreed. Press Enter to skip.'),
          ...(answers.note ? { value: answers.note } : {}),
          validate: (value) => errorOf(validateNote(value)),
        });
        if (r.kind === 'value') {
          const note = validateNote(r.value);
          if (note.ok && note.value !== undefined) {
            answers.note = note.value;
          } else {
            delete answers.note;
          }
        }
        result = r;
        break;
      }
      default: {
        const r = await pickCodeLink({
          title: title(),
          step,
          totalSteps: STEPS,
          ...(editorPath === undefined ? {} : { offer: editorPath }),
          ...(answers.code === undefined ? {} : { current: answers.code }),
        });
        if (r.kind === 'value') {
          answers.code = r.value;
        }
        result = r;
        break;
      }
    }
    if (result.kind === 'cancel') {
      return undefined;
    }
    step = result.kind === 'back' ? Math.max(1, step - 1) : step + 1;
  }
  const { task, person, level, followUpOn, note, code } = answers;
  if (!task || !person || !level || !followUpOn) {
    return undefined;
  }
  return { task, person, level, followUpOn, ...(note ? { note } : {}), ...(code ? { code } : {}) };
}

/**
 * "Tech Lead: Log Delegation". With no argument it asks step by step; with an argument object
 * `{ task, person, level?, followUp?, note?, code? }` (keybindings, automation; `code` as
 * `{ paths?: string[], branch?: string }`) it validates and saves
 * without asking, or shows what is wrong and saves nothing. Returns the saved delegation.
 */
export async function logDelegation(services: Services, args: unknown): Promise<Delegation | undefined> {
  let input: NewDelegation | undefined;
  const row = typeof args === 'object' && args !== null ? (args as { kind?: unknown; person?: { name?: unknown } }) : undefined;
  if (args === undefined || args === null) {
    input = await askForDelegation(services);
  } else if (row?.kind === 'person' && typeof row.person?.name === 'string') {
    // From a row of the Team view or a person page: the guided flow, their name filled in.
    input = await askForDelegation(services, { person: row.person.name });
  } else {
    const settings = services.settings();
    const parsed = parseLogDelegationArgs(args, todayKey(services.clock), {
      level: settings.defaultLevel,
      followUpDays: settings.defaultFollowUpDays,
    });
    if (!parsed.ok) {
      void vscode.window.showErrorMessage(inert(l10n.t('Log Delegation: nothing was saved. {0}', parsed.errors.join(' '))));
      return undefined;
    }
    input = parsed.value;
  }
  return input === undefined ? undefined : saveDelegation(services, input);
}

/** Saves a new delegation and says so, with Undo and Show. */
export async function saveDelegation(services: Services, input: NewDelegation): Promise<Delegation> {
  const { value: delegation, undo } = await services.team.logDelegation(input);
  const today = todayKey(services.clock);
  confirmTeamChange(
    services,
    l10n.t(
      'Logged "{0}" for {1}. Follow up {2}.',
      delegation.task,
      services.team.nameOf(delegation.personId),
      formatDay(delegation.followUpOn, today),
    ),
    undo,
    [{ label: l10n.t('Show'), run: () => vscode.commands.executeCommand(`${Views.delegations}.focus`) }],
  );
  return delegation;
}
