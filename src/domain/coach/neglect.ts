import * as l10n from '../core/l10n';

/** The one line the Today view gives for a nudge picked for the action practised least. */

/** "3 weeks" from 21 days, "10 days" from 10: weeks once it is a fortnight or more. */
function span(days: number): string {
  if (days >= 14) {
    const weeks = Math.floor(days / 7);
    return l10n.t('{0} weeks', weeks);
  }
  return days === 1 ? l10n.t('1 day') : l10n.t('{0} days', days);
}

/** For each action: the sentence with the time since ({0}, "3 weeks"), and the one for never. */
function phrases(action: string, span: string): { readonly since: string; readonly never: string } | undefined {
  switch (action) {
    case 'checkIns':
      return {
        since: l10n.t('You have not had a 1:1 or a check-in with anyone in {0}.', span),
        never: l10n.t('You have not logged a 1:1 or a check-in yet.'),
      };
    case 'biggerPicture':
      return {
        since: l10n.t('You have not explained the bigger picture (a moment logged or a nudge done) in {0}.', span),
        never: l10n.t('You have not logged a bigger-picture moment or marked such a nudge done yet.'),
      };
    case 'modelling':
      return {
        since: l10n.t('You have not modeled the behavior you want (a moment logged or a nudge done) in {0}.', span),
        never: l10n.t('You have not logged a modeling moment or marked such a nudge done yet.'),
      };
    case 'delegating':
      return { since: l10n.t('You have not delegated anything in {0}.', span), never: l10n.t('You have not logged a delegation yet.') };
    case 'feedback':
      return {
        since: l10n.t('You have not asked anyone for feedback in {0}.', span),
        never: l10n.t('You have not asked anyone for feedback yet.'),
      };
    default:
      return undefined;
  }
}

/** "You have not asked anyone for feedback in 3 weeks." */
export function describeNeglect(action: string, daysSince: number | undefined): string {
  const phrase = phrases(action, daysSince === undefined ? '' : span(daysSince));
  if (!phrase) {
    return l10n.t('Chosen from what you have practiced least in the last two weeks.');
  }
  if (daysSince === undefined) {
    return phrase.never;
  }
  // Done lately, but still the least of the five over the two weeks: no gap worth naming.
  if (daysSince < 7) {
    return l10n.t('Of the five actions, this is the one you practiced least in the last two weeks.');
  }
  return phrase.since;
}
