/** The one line the Today view gives for a nudge picked for the action practised least. */

/** "3 weeks" from 21 days, "10 days" from 10: weeks once it is a fortnight or more. */
function span(days: number): string {
  if (days >= 14) {
    const weeks = Math.floor(days / 7);
    return `${weeks} weeks`;
  }
  return days === 1 ? '1 day' : `${days} days`;
}

const PHRASES: Readonly<Record<string, { readonly since: string; readonly never: string }>> = {
  checkIns: { since: 'You have not had a 1:1 or a check-in with anyone in', never: 'You have not logged a 1:1 or a check-in yet.' },
  biggerPicture: { since: 'You have not explained the bigger picture (a nudge done) in', never: 'You have not marked a bigger-picture nudge done yet.' },
  modelling: { since: 'You have not practised modelling the behaviour you want (a nudge done) in', never: 'You have not marked a modelling nudge done yet.' },
  delegating: { since: 'You have not delegated anything in', never: 'You have not logged a delegation yet.' },
  feedback: { since: 'You have not asked anyone for feedback in', never: 'You have not asked anyone for feedback yet.' },
};

/** "You have not asked anyone for feedback in 3 weeks." */
export function describeNeglect(action: string, daysSince: number | undefined): string {
  const phrase = PHRASES[action];
  if (!phrase) {
    return 'Chosen from what you have practised least in the last two weeks.';
  }
  if (daysSince === undefined) {
    return phrase.never;
  }
  // Done lately, but still the least of the five over the two weeks: no gap worth naming.
  if (daysSince < 7) {
    return 'Of the five actions, this is the one you practised least in the last two weeks.';
  }
  return `${phrase.since} ${span(daysSince)}.`;
}
