import { daysBetween, todayKey } from '../../domain/core/dates';
import type { TodayNudge } from '../../domain/coach/nudges';
import { lastFeedbackAsked } from '../../domain/team/feedback';
import { describeNeglect } from '../../domain/coach/neglect';
import { isFirstWorkdayOfWeek, momentActionOf } from '../../domain/review/review';
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

/** The streak's tooltip: what counts, and what it forgave. */
export function describeStreak(days: number, forgiven: number): string {
  if (days === 0) {
    return l10n.t('Mark a nudge done to start a streak. A day off without one never breaks it, and one missed workday is forgiven.');
  }
  if (forgiven === 0) {
    return days === 1
      ? l10n.t('1 day with a nudge done. A day off without one never breaks the streak; one missed workday on its own is forgiven.')
      : l10n.t(
          '{0} days with a nudge done. A day off without one never breaks the streak; one missed workday on its own is forgiven.',
          days,
        );
  }
  return forgiven === 1
    ? l10n.t('{0} days with a nudge done; 1 missed workday was forgiven. Two missed in a row end the streak.', days)
    : l10n.t(
        '{0} days with a nudge done; {1} missed workdays were forgiven, each on its own. Two missed in a row end the streak.',
        days,
        forgiven,
      );
}

function daysSinceAsked(services: Services): { daysSinceFeedbackAsked?: number } {
  const last = lastFeedbackAsked(services.team.feedback());
  return last === undefined ? {} : { daysSinceFeedbackAsked: Math.max(0, daysBetween(last, todayKey(services.clock))) };
}

function streakOf(services: Services): { streak: number; streakNote: string } {
  const { days, forgiven } = services.coach.streakDetails();
  return { streak: days, streakNote: describeStreak(days, forgiven) };
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
    overdue: services.team.overdue(services.moving).length,
    ...streakOf(services),
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
      ...(nudge.theme !== undefined && momentActionOf(nudge.theme) ? { offersMoment: true } : {}),
    },
    doneToday: services.coach.doneToday(),
    ...(isFirstWorkdayOfWeek(todayKey(services.clock), services.settings().weekStartsOn) ? { offerLastWeekReview: true } : {}),
    stats,
  };
}
