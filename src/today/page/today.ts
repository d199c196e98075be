import type { TodayToExtension, TodayToPage, TodayViewState } from '../protocol';
import { byId, connect, readInitialState } from '../../shared/page/vscodeApi';
import * as l10n from '../../shared/l10n';

const vscode = connect<TodayToExtension, TodayViewState>();

const title = byId('nudge-title');
const action = byId('nudge-action');
const why = byId('nudge-why');
const reason = byId('nudge-reason');
const done = byId<HTMLButtonElement>('done');
const doneLabel = byId('done-label');
const another = byId<HTMLButtonElement>('another');
const openLesson = byId<HTMLButtonElement>('open-lesson');
const openLessonLabel = byId('open-lesson-label');
const problem = byId('problem');
const nudge = byId('nudge');
const actions = byId('nudge-actions');

/** Every piece of text goes in through textContent: nothing from the extension is parsed as HTML. */
function render(state: TodayViewState): void {
  vscode.setState(state);
  problem.hidden = state.problem === undefined;
  problem.textContent = state.problem ?? '';
  nudge.hidden = state.nudge === undefined;
  actions.hidden = state.nudge === undefined;
  if (state.nudge) {
    title.textContent = state.nudge.short;
    action.textContent = state.nudge.action;
    why.textContent = state.nudge.why;
    reason.hidden = state.nudge.reasonNote === undefined;
    reason.textContent = state.nudge.reasonNote ?? '';
    openLesson.title = state.nudge.lessonTitle
      ? l10n.t('Open the lesson "{0}"', state.nudge.lessonTitle)
      : l10n.t('Open the related lesson');
    openLesson.setAttribute('aria-label', openLesson.title);
    openLessonLabel.textContent = l10n.t('Open lesson');
  }
  done.disabled = state.doneToday;
  done.title = state.nudge?.offersMoment
    ? l10n.t("Mark today's nudge done, then note in one optional line what you did: it is kept as a moment")
    : l10n.t("Mark today's nudge done");
  done.dataset['offersMoment'] = String(state.nudge?.offersMoment === true);
  done.setAttribute('aria-pressed', String(state.doneToday));
  doneLabel.textContent = state.doneToday ? l10n.t('Done for today') : l10n.t('Done');
  byId('stat-active-value').textContent = String(state.stats.active);
  byId('stat-overdue-value').textContent = String(state.stats.overdue);
  byId('stat-overdue').classList.toggle('alert', state.stats.overdue > 0);
  const asked = state.stats.daysSinceFeedbackAsked;
  byId('stat-feedback-value').textContent =
    asked === undefined ? l10n.t('Never') : asked === 0 ? l10n.t('Today') : asked === 1 ? l10n.t('1 day') : l10n.t('{0} days', asked);
  byId('stat-feedback-label').textContent =
    asked === undefined
      ? l10n.t('asked anyone for feedback')
      : asked === 0
        ? l10n.t('you asked for feedback')
        : l10n.t('since you asked for feedback');
  byId('stat-feedback').classList.toggle('alert', asked === undefined || asked >= 30);
  byId('review-offer').hidden = state.offerLastWeekReview !== true;
  byId('stat-streak-value').textContent = String(state.stats.streak);
  byId('stat-streak').title = state.stats.streakNote;
  byId('stat-streak-label').textContent = state.stats.streak === 1 ? l10n.t('day streak') : l10n.t('days streak');
}

function isTodayToPage(message: unknown): message is TodayToPage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'state';
}

done.addEventListener('click', () => vscode.post({ type: 'done' }));
another.addEventListener('click', () => vscode.post({ type: 'another' }));
openLesson.addEventListener('click', () => vscode.post({ type: 'openLesson' }));
byId('stat-active').addEventListener('click', () => vscode.post({ type: 'showDelegations' }));
byId('stat-overdue').addEventListener('click', () => vscode.post({ type: 'showDelegations' }));
byId('log-delegation').addEventListener('click', () => vscode.post({ type: 'logDelegation' }));
byId('log-one-on-one').addEventListener('click', () => vscode.post({ type: 'logOneOnOne' }));
byId('open-review').addEventListener('click', () => vscode.post({ type: 'openReview' }));
byId('open-last-week').addEventListener('click', () => vscode.post({ type: 'openLastWeekReview' }));
byId('stat-feedback').addEventListener('click', () => vscode.post({ type: 'logFeedbackAsked' }));

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isTodayToPage(event.data)) {
    render(event.data.state);
  }
});

const initial = readInitialState<TodayViewState>() ?? vscode.getState();
if (initial) {
  render(initial);
}
vscode.post({ type: 'ready' });
