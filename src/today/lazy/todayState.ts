import { daysBetween, todayKey } from '../../domain/core/dates';
import type { TodayNudge } from '../../domain/coach/nudges';
import { lastFeedbackAsked } from '../../domain/team/feedback';
import { describeNeglect } from '../../domain/coach/neglect';
import { isFirstWorkdayOfWeek } from '../../domain/review/review';
import type { TodayViewState } from '../protocol';
import type { Services } from '../../services';
import * as l10n from '../../domain/core/l10n';

function reasonNoteFor(reason: TodayNudge['reason']): string | undefined {
  switch (reason) {
    case 'overdueFollowUp':
      return l10n.t('Chosen because a follow-up is overdue.');
    case 'overdueOneOnOne':
      return l10n.t('Chosen because a 1:1 is overdue.');
    case 'paceCheckIn':
      return l10n.t('Chosen from the repository signals you turned on: a change in their own usual pattern.');
    case 'notDelegating':
      return l10n.t('Chosen because nothing has been delegated in the last 7 days.');
    case 'notAskingFeedback':
      return l10n.t('Chosen because you have not asked anyone for feedback in 30 days.');
    case 'neglected':
      return l10n.t('Chosen from what you have practiced least in the last two weeks.');
    case 'another':
      return l10n.t('Your pick for today.');
    default:
      return undefined;
  }
}

function daysSinceAsked(services: Services): { daysSinceFeedbackAsked?: number } {
  const last = lastFeedbackAsked(services.team.feedback());
  return last === undefined ? {} : { daysSinceFeedbackAsked: Math.max(0, daysBetween(last, todayKey(services.clock))) };
}

/**
 * The Today view's state, built from the coach and the tracker. It never waits for the lesson files
 * (only the Open lesson button's tooltip names the lesson): before they are read, the state has no
 * lesson title, and `onLessonsRead` is called once they are.
 */
export function buildTodayState(services: Services, onLessonsRead: () => void): TodayViewState {
  const nudge = services.coach.current();
  const stats = {
    active: services.team.delegations().filter((d) => d.doneOn === undefined).length,
    overdue: services.team.overdue().length,
    streak: services.coach.streak(),
    ...daysSinceAsked(services),
  };
  if (!nudge) {
    return {
      doneToday: false,
      stats,
      problem: l10n.t(
        'No nudges could be loaded. Reinstalling Tech Lead Coach should fix this; the log (Output: Tech Lead Coach) says more.',
      ),
    };
  }
  const catalogue = services.lessons.catalogueIfLoaded();
  if (!catalogue) {
    services.lessons.catalogue().then(onLessonsRead, (error: unknown) => services.log.error('Could not read the lessons', error));
  }
  const lessonTitle = catalogue?.get(nudge.lesson)?.title;
  const reasonNote = nudge.neglect ? describeNeglect(nudge.neglect.action, nudge.neglect.daysSince) : reasonNoteFor(nudge.reason);
  return {
    nudge: {
      short: nudge.short,
      action: nudge.action,
      why: nudge.why,
      ...(reasonNote ? { reasonNote } : {}),
      ...(lessonTitle ? { lessonTitle } : {}),
    },
    doneToday: services.coach.doneToday(),
    ...(isFirstWorkdayOfWeek(todayKey(services.clock), services.settings().weekStartsOn) ? { offerLastWeekReview: true } : {}),
    stats,
  };
}
