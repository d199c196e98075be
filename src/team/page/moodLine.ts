/**
 * The person page's mood line, without the DOM: where each point goes and how the line reads aloud.
 * No `vscode` and no DOM import, so it is unit-tested in Node and bundled into the page as is.
 */

import * as l10n from '../../shared/l10n';

export const MOOD_MIN = 1;
export const MOOD_MAX = 5;

/**
 * The five moods, lowest first, in the words the extension uses (src/domain/team/team.ts `MOOD_WORDS`;
 * a unit test keeps the two the same). Here again because the page bundle must not pull in the domain.
 */
export const MOOD_SCALE: readonly { readonly mood: number; readonly word: string }[] = [
  {
    mood: 1,
    get word() {
      return l10n.t('struggling');
    },
  },
  {
    mood: 2,
    get word() {
      return l10n.t('strained');
    },
  },
  {
    mood: 3,
    get word() {
      return l10n.t('steady');
    },
  },
  {
    mood: 4,
    get word() {
      return l10n.t('good');
    },
  },
  {
    mood: 5,
    get word() {
      return l10n.t('thriving');
    },
  },
];

export interface MoodLinePoint {
  readonly x: number;
  readonly y: number;
}

/** A mood as the page draws it: a whole number from 1 to 5; anything else counts as the middle. */
function clampMood(mood: number): number {
  return Number.isFinite(mood) ? Math.min(MOOD_MAX, Math.max(MOOD_MIN, Math.round(mood))) : (MOOD_MIN + MOOD_MAX) / 2;
}

/** Two decimals are plenty for an SVG attribute and keep the markup short. */
function tidy(value: number): number {
  return Math.round(value * 100) / 100;
}

/** "4/5, good", the same wording as the extension's labels. */
export function moodLabel(mood: number): string {
  const level = clampMood(mood);
  const word = MOOD_SCALE.find((step) => step.mood === level)?.word;
  return word === undefined ? `${level}/5` : l10n.t('{0}/5, {1}', level, word);
}

/** The height of a mood in a box `height` tall: 5 at `padding` from the top, 1 at `padding` from the bottom. */
export function moodY(mood: number, height: number, padding: number): number {
  const inner = Math.max(0, height - 2 * padding);
  return tidy(padding + ((MOOD_MAX - clampMood(mood)) / (MOOD_MAX - MOOD_MIN)) * inner);
}

/**
 * The points of the line in a `width` × `height` box (SVG user units, y downwards), keeping
 * `padding` free on every side: evenly spread from left to right in the order given (oldest
 * first), a single point in the middle; mood 5 at the top, 1 at the bottom.
 */
export function moodLinePoints(
  moods: readonly { readonly mood: number }[],
  width: number,
  height: number,
  padding: number,
): MoodLinePoint[] {
  const inner = Math.max(0, width - 2 * padding);
  const step = moods.length > 1 ? inner / (moods.length - 1) : 0;
  return moods.map((point, index) => ({
    x: tidy(moods.length > 1 ? padding + index * step : width / 2),
    y: moodY(point.mood, height, padding),
  }));
}

/** The `points` attribute of a polyline through the points. */
export function polylinePoints(points: readonly MoodLinePoint[]): string {
  return points.map((point) => `${point.x},${point.y}`).join(' ');
}

/**
 * One sentence for a screen reader in place of the chart: "How they were doing at the last 6 1:1s:
 * from 3/5, steady to 4/5, good", with the lowest or highest point added when the line dips below
 * or rises above both ends, so a bad patch in the middle is not lost.
 */
export function moodSummary(moods: readonly { readonly label: string; readonly day: string; readonly mood: number }[]): string {
  const first = moods[0];
  const last = moods[moods.length - 1];
  if (first === undefined || last === undefined) {
    return l10n.t('No 1:1 with a mood recorded yet.');
  }
  if (moods.length === 1) {
    return l10n.t('How they were doing at the last 1:1: {0}', first.label);
  }
  const n = moods.length;
  if (moods.every((point) => point.label === first.label)) {
    return l10n.t('How they were doing at the last {0} 1:1s: {1} each time', n, first.label);
  }
  const lowest = moods.reduce((low, point) => (point.mood < low.mood ? point : low), first);
  const highest = moods.reduce((high, point) => (point.mood > high.mood ? point : high), first);
  const dips = lowest.mood < Math.min(first.mood, last.mood);
  const peaks = highest.mood > Math.max(first.mood, last.mood);
  if (dips && peaks) {
    return l10n.t(
      'How they were doing at the last {0} 1:1s: from {1} to {2} (lowest {3} on {4}; highest {5} on {6})',
      n,
      first.label,
      last.label,
      lowest.label,
      lowest.day,
      highest.label,
      highest.day,
    );
  }
  if (dips) {
    return l10n.t(
      'How they were doing at the last {0} 1:1s: from {1} to {2} (lowest {3} on {4})',
      n,
      first.label,
      last.label,
      lowest.label,
      lowest.day,
    );
  }
  if (peaks) {
    return l10n.t(
      'How they were doing at the last {0} 1:1s: from {1} to {2} (highest {3} on {4})',
      n,
      first.label,
      last.label,
      highest.label,
      highest.day,
    );
  }
  return l10n.t('How they were doing at the last {0} 1:1s: from {1} to {2}', n, first.label, last.label);
}

/** The scale in words, for the chart's description: the words are not read from the drawing itself. */
export function moodScaleDescription(): string {
  return l10n.t('Scale from 1 at the bottom to 5 at the top: {0}.', MOOD_SCALE.map((step) => `${step.mood}, ${step.word}`).join('; '));
}
