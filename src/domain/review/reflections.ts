/**
 * The weekly review's reflection prompts and the lead's answers, kept per week. The prompts come
 * from the nudges' `reflection` questions; the ones a week showed are stored with its answers, so
 * looking back shows the same questions even after the catalogue changed.
 */
import type { DateKey } from '../core/dates';
import { hashText, type Nudge, type NudgeTheme } from '../coach/nudges';
import { cleanText } from '../core/text';
import { type Validation } from '../core/validation';
import * as l10n from '../core/l10n';

export const REFLECTION_ANSWER_MAX = 4000;
/** Weeks of answers kept: ten years. */
const WEEKS_KEPT = 530;
export const PROMPTS_PER_WEEK = 3;

export interface Reflection {
  readonly id: string;
  readonly prompt: string;
  readonly answer: string;
}

/** weekStart → the week's prompts with their answers, in the order shown. */
export type ReflectionAnswers = Readonly<Record<string, readonly Reflection[]>>;

const WEEK = /^\d{4}-\d{2}-\d{2}$/;

/** Reads what is stored; anything not in this shape is dropped rather than trusted. */
export function readReflectionAnswers(raw: unknown): ReflectionAnswers | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return undefined;
  }
  const result: Record<string, Reflection[]> = {};
  for (const [week, list] of Object.entries(raw as Record<string, unknown>)) {
    if (!WEEK.test(week) || !Array.isArray(list)) {
      continue;
    }
    const reflections = list.filter(
      (r): r is Reflection =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as Reflection).id === 'string' &&
        typeof (r as Reflection).prompt === 'string' &&
        typeof (r as Reflection).answer === 'string' &&
        (r as Reflection).answer.length <= REFLECTION_ANSWER_MAX,
    );
    result[week] = reflections.map((r) => ({ id: r.id, prompt: r.prompt, answer: r.answer }));
  }
  return result;
}

/**
 * Three prompts for a week: the first from the themes of the action practised least (when given),
 * the others from the remaining reflections; the same for the same week and catalogue.
 */
export function choosePrompts(
  catalogue: readonly Nudge[],
  weekStart: DateKey,
  leastThemes: readonly NudgeTheme[] = [],
): { id: string; prompt: string }[] {
  const all = catalogue.filter((n) => n.reflection !== undefined).sort((a, b) => a.id.localeCompare(b.id));
  const chosen: Nudge[] = [];
  const pickFrom = (pool: readonly Nudge[], salt: string): void => {
    const left = pool.filter((n) => !chosen.includes(n));
    const pick = left[hashText(`${weekStart}#${salt}`) % Math.max(1, left.length)];
    if (pick) {
      chosen.push(pick);
    }
  };
  pickFrom(
    all.filter((n) => leastThemes.includes(n.theme)),
    'least',
  );
  while (chosen.length < PROMPTS_PER_WEEK && chosen.length < all.length) {
    // Prefer a theme not asked about yet this week.
    const themes = new Set(chosen.map((n) => n.theme));
    const fresh = all.filter((n) => !themes.has(n.theme));
    pickFrom(fresh.length > 0 ? fresh : all, `more#${chosen.length}`);
  }
  return chosen.map((n) => ({ id: n.id, prompt: n.reflection ?? '' }));
}

/** The week's reflections: the stored ones, or new prompts with empty answers. */
export function reflectionsFor(
  stored: ReflectionAnswers,
  weekStart: DateKey,
  fresh: () => { id: string; prompt: string }[],
): readonly Reflection[] {
  return stored[weekStart] ?? fresh().map((p) => ({ ...p, answer: '' }));
}

export function validateAnswer(value: unknown): Validation<string> {
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: true, value: '' };
  }
  const cleaned = cleanText(value, { what: l10n.t('answer'), max: REFLECTION_ANSWER_MAX });
  return cleaned.ok ? { ok: true, value: cleaned.value ?? '' } : cleaned;
}

/** The stored answers with one answer set; the week's prompts are stored with it. Oldest weeks beyond ten years go. */
export function withAnswer(
  stored: ReflectionAnswers,
  weekStart: DateKey,
  prompts: readonly Reflection[],
  promptId: string,
  answer: string,
): ReflectionAnswers {
  const week = (stored[weekStart] ?? prompts).map((r) => (r.id === promptId ? { ...r, answer } : r));
  const next: Record<string, readonly Reflection[]> = { ...stored, [weekStart]: week };
  const weeks = Object.keys(next).sort();
  for (const old of weeks.slice(0, Math.max(0, weeks.length - WEEKS_KEPT))) {
    delete next[old];
  }
  return next;
}
