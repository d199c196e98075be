/**
 * reviewOpenMs, personOpenMs and their ratios, with the 10,000 data set in the workspace: from the
 * key press that runs the command ("Tech Lead: Open Weekly Review", "Tech Lead: Open Person" for one
 * person of the data set) to the page's content visible inside its webview, against VS Code's
 * built-in Markdown preview of the lesson file opened the same way in the same window. The three
 * are interleaved (the order turns every round), each warmed by one unmeasured open (the preview
 * first), each page closed before the next open; medians.
 */
import type { Page } from 'playwright-core';
import { describePhases, openOnce, phasesLine, openWorkspaceFile, type OpenTarget } from './lessonOpen';
import type { OpenPhases } from './webviewWatch';
import { median, reason } from './stats';

export interface PagesOpenResult {
  reviewOpenMs: number | null;
  personOpenMs: number | null;
  /** The preview, measured in the same rounds (the reference for both ratios). */
  markdownPreviewOpenMs: number | null;
  reviewOpenRatio: number | null;
  personOpenRatio: number | null;
  reviewSamples: number[];
  personSamples: number[];
  markdownSamples: number[];
  /** What the measured opens' time was made of, medians, per target (see describePhases). */
  phases: { review?: string; person?: string; markdown?: string };
  /** The unmeasured first opens, in this order: preview, review, person. */
  warmUp: { markdown?: number; review?: number; person?: number };
  why?: string;
}

export function nullPagesOpen(why: string): PagesOpenResult {
  return {
    reviewOpenMs: null,
    personOpenMs: null,
    markdownPreviewOpenMs: null,
    reviewOpenRatio: null,
    personOpenRatio: null,
    reviewSamples: [],
    personSamples: [],
    markdownSamples: [],
    phases: {},
    warmUp: {},
    why,
  };
}

export async function measurePagesOpen(
  page: Page,
  opts: { review: OpenTarget; person: OpenTarget; markdown: OpenTarget; fileName: string; rounds: number },
  log: (line: string) => void,
): Promise<PagesOpenResult> {
  const result = nullPagesOpen('');
  delete result.why;
  const samples = new Map<OpenTarget, number[]>([
    [opts.review, result.reviewSamples],
    [opts.person, result.personSamples],
    [opts.markdown, result.markdownSamples],
  ]);
  const phases = new Map<OpenTarget, OpenPhases[]>([
    [opts.review, []],
    [opts.person, []],
    [opts.markdown, []],
  ]);
  try {
    await openWorkspaceFile(page, opts.fileName);
    result.warmUp.markdown = await openOnce(page, opts.markdown, opts.fileName);
    result.warmUp.review = await openOnce(page, opts.review, opts.fileName);
    result.warmUp.person = await openOnce(page, opts.person, opts.fileName);
    log(
      `  warm-up (not counted): ${opts.markdown.name} ${result.warmUp.markdown.toFixed(0)} ms, ${opts.review.name} ${result.warmUp.review.toFixed(0)} ms, ${opts.person.name} ${result.warmUp.person.toFixed(0)} ms`,
    );
    const all = [opts.review, opts.person, opts.markdown];
    for (let round = 1; round <= opts.rounds; round++) {
      const shift = (round - 1) % all.length;
      const order = [...all.slice(shift), ...all.slice(0, shift)];
      const times = new Map<OpenTarget, number>();
      for (const target of order) {
        times.set(
          target,
          await openOnce(page, target, opts.fileName, (p) => {
            phases.get(target)?.push(p);
            log(`    ${target.name}: ${phasesLine(p)}`);
          }),
        );
      }
      for (const target of all) samples.get(target)?.push(times.get(target) as number);
      log(`  round ${round}: ${all.map((t) => `${t.name} ${(times.get(t) as number).toFixed(0)} ms`).join(', ')}`);
    }
  } catch (err) {
    result.why = `after ${result.reviewSamples.length} round(s): ${reason(err)}`;
  }
  const described = (target: OpenTarget): string => describePhases(phases.get(target) ?? []);
  result.phases = { review: described(opts.review), person: described(opts.person), markdown: described(opts.markdown) };
  if (result.reviewSamples.length >= 5 && result.markdownSamples.length === result.reviewSamples.length) {
    result.reviewOpenMs = median(result.reviewSamples);
    result.personOpenMs = median(result.personSamples);
    result.markdownPreviewOpenMs = median(result.markdownSamples);
    const ref = result.markdownPreviewOpenMs;
    result.reviewOpenRatio = result.reviewOpenMs !== null && ref ? result.reviewOpenMs / ref : null;
    result.personOpenRatio = result.personOpenMs !== null && ref ? result.personOpenMs / ref : null;
  } else {
    result.why = `only ${result.reviewSamples.length} round(s) measured (need 5)${result.why ? `: ${result.why}` : ''}`;
  }
  return result;
}
