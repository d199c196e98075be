import * as vscode from 'vscode';
import { todayKey } from '../../domain/core/dates';
import { errorOf } from '../../domain/core/validation';
import { tidy, validatePersonName } from '../../domain/team/people';
import { inert } from '../../domain/core/inertText';
import { validateFeedbackLine, type Feedback } from '../../domain/team/feedback';
import { feedbackWhat, parseLogFeedbackArgs } from '../../domain/team/input';
import { showInputStep, showPickStep } from '../../platform/multiStepInput';
import { confirmTeamChange } from '../../teamUndo';
import type { Services } from '../../services';
import { presetName } from './personCommands';
import * as l10n from '../../domain/core/l10n';

type Kind = 'given' | 'asked';

function prompts(kind: Kind): readonly { key: Parameters<typeof feedbackWhat>[0]; prompt: string }[] {
  return kind === 'given'
    ? [
        { key: 'situation', prompt: l10n.t('Situation: when and where? ("In Tuesday\'s design review")') },
        { key: 'behaviour', prompt: l10n.t('Behavior: what did they do, as a camera would see it?') },
        { key: 'impact', prompt: l10n.t('Impact: what effect did it have?') },
      ]
    : [
        { key: 'said', prompt: l10n.t('What did they say?') },
        { key: 'change', prompt: l10n.t('What will you change because of it?') },
      ];
}

async function save(services: Services, raw: unknown): Promise<Feedback | undefined> {
  const parsed = parseLogFeedbackArgs(raw, todayKey(services.clock));
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(inert(l10n.t('Log Feedback: nothing was saved. {0}', parsed.errors.join(' '))));
    return undefined;
  }
  const { value: entry, undo } = await services.team.logFeedback(parsed.value);
  const name = services.team.nameOf(entry.personId);
  confirmTeamChange(
    services,
    entry.kind === 'given'
      ? l10n.t('Logged feedback given to {0}.', name)
      : l10n.t('Logged feedback asked of {0}. Tell them what you changed: it is why they will tell you again.', name),
    undo,
  );
  return entry;
}

/**
 * "Log Feedback": given (situation, behaviour, impact) or asked (what they said, what you will
 * change), a short line each. With an argument object it saves at once after the same checks.
 */
export async function logFeedback(services: Services, arg: unknown): Promise<Feedback | undefined> {
  if (typeof arg === 'object' && arg !== null && !Array.isArray(arg) && (arg as { kind?: unknown }).kind !== 'person') {
    return save(services, arg);
  }
  const kindPick = await showPickStep({
    title: l10n.t('Log Feedback'),
    step: 1,
    totalSteps: 3,
    placeholder: l10n.t('Which kind?'),
    items: [
      { label: `$(megaphone) ${l10n.t('Given')}`, description: l10n.t('Situation, behavior, impact'), feedbackKind: 'given' as Kind },
      {
        label: `$(feedback) ${l10n.t('Asked for')}`,
        description: l10n.t('What they said, what you will change'),
        feedbackKind: 'asked' as Kind,
      },
    ],
  });
  if (kindPick.kind !== 'value') {
    return undefined;
  }
  const kind = kindPick.value.feedbackKind;
  const steps = prompts(kind);
  const total = 2 + steps.length;
  const title = kind === 'given' ? l10n.t('Log Feedback Given') : l10n.t('Log Feedback Asked For');
  let person = presetName(services, arg);
  if (!person) {
    const people = services.team.personNames();
    const answer = await showInputStep({
      title,
      step: 2,
      totalSteps: total,
      prompt:
        kind === 'given'
          ? l10n.t('To whom? ({0}…)', people.slice(0, 3).join(', ') || l10n.t('a name'))
          : l10n.t('Whom did you ask? ({0}…)', people.slice(0, 3).join(', ') || l10n.t('a name')),
      validate: (value) => errorOf(validatePersonName(value)),
    });
    if (answer.kind !== 'value') {
      return undefined;
    }
    person = tidy(answer.value);
  }
  const lines: Record<string, string> = {};
  let step = 3;
  for (const { key, prompt } of steps) {
    const answer = await showInputStep({
      title: inert(l10n.t('{0}: {1}', title, person)),
      step,
      totalSteps: total,
      prompt,
      validate: (value) => errorOf(validateFeedbackLine(value, feedbackWhat(key))),
    });
    if (answer.kind !== 'value') {
      return undefined;
    }
    lines[key] = answer.value;
    step++;
  }
  return save(services, { kind, person, ...lines });
}
