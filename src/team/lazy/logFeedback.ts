import * as vscode from 'vscode';
import { todayKey } from '../../domain/dates';
import { errorOf, tidy, validatePerson } from '../../domain/delegation';
import { inert } from '../../domain/inertText';
import { validateFeedbackLine, type Feedback } from '../../domain/team';
import { FEEDBACK_WHAT, parseLogFeedbackArgs } from '../../domain/teamInput';
import { showInputStep, showPickStep } from '../../platform/multiStepInput';
import { confirmWithUndo } from '../../platform/undo';
import type { Services } from '../../services';
import { presetName } from './personCommands';

type Kind = 'given' | 'asked';

const PROMPTS: Readonly<Record<Kind, readonly { key: keyof typeof FEEDBACK_WHAT; prompt: string }[]>> = {
  given: [
    { key: 'situation', prompt: 'Situation: when and where? ("In Tuesday\'s design review")' },
    { key: 'behaviour', prompt: 'Behaviour: what did they do, as a camera would see it?' },
    { key: 'impact', prompt: 'Impact: what effect did it have?' },
  ],
  asked: [
    { key: 'said', prompt: 'What did they say?' },
    { key: 'change', prompt: 'What will you change because of it?' },
  ],
};

async function save(services: Services, raw: unknown): Promise<Feedback | undefined> {
  const parsed = parseLogFeedbackArgs(raw, todayKey(services.clock));
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(inert(`Log Feedback: nothing was saved. ${parsed.errors.join(' ')}`));
    return undefined;
  }
  const { value: entry, undo } = await services.team.logFeedback(parsed.value);
  const name = services.team.nameOf(entry.personId);
  confirmWithUndo(services, entry.kind === 'given' ? `Logged feedback given to ${name}.` : `Logged feedback asked of ${name}. Tell them what you changed: it is why they will tell you again.`, undo);
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
    title: 'Log Feedback',
    step: 1,
    totalSteps: 3,
    placeholder: 'Which kind?',
    items: [
      { label: '$(megaphone) Given', description: 'Situation, behaviour, impact', feedbackKind: 'given' as Kind },
      { label: '$(feedback) Asked for', description: 'What they said, what you will change', feedbackKind: 'asked' as Kind },
    ],
  });
  if (kindPick.kind !== 'value') {
    return undefined;
  }
  const kind = kindPick.value.feedbackKind;
  const total = 2 + PROMPTS[kind].length;
  const title = kind === 'given' ? 'Log Feedback Given' : 'Log Feedback Asked For';
  let person = presetName(services, arg);
  if (!person) {
    const people = services.team.people();
    const answer = await showInputStep({
      title,
      step: 2,
      totalSteps: total,
      prompt: kind === 'given' ? `To whom? (${people.slice(0, 3).join(', ') || 'a name'}…)` : `Whom did you ask? (${people.slice(0, 3).join(', ') || 'a name'}…)`,
      validate: (value) => errorOf(validatePerson(value)),
    });
    if (answer.kind !== 'value') {
      return undefined;
    }
    person = tidy(answer.value);
  }
  const lines: Record<string, string> = {};
  let step = 3;
  for (const { key, prompt } of PROMPTS[kind]) {
    const answer = await showInputStep({ title: inert(`${title}: ${person}`), step, totalSteps: total, prompt, validate: (value) => errorOf(validateFeedbackLine(value, FEEDBACK_WHAT[key])) });
    if (answer.kind !== 'value') {
      return undefined;
    }
    lines[key] = answer.value;
    step++;
  }
  return save(services, { kind, person, ...lines });
}
