import * as vscode from 'vscode';
import { Commands, Views } from '../../ids';
import { Disposable } from '../../platform/disposable';
import { runInBackground } from '../../platform/commands';
import { validatedReceiver } from '../../platform/webviewMessages';
import { pagesFolder, pageWebviewOptions, renderPage } from '../../platform/webviewHtml';
import { script, styles } from 'page-assets:today';
import { escapeHtml, withIconFontAt } from '../../shared/html';
import { isTodayToExtension, type TodayToExtension, type TodayToPage, type TodayViewState } from '../protocol';
import type { Services } from '../../services';
import { buildTodayState } from './todayState';
import * as l10n from '../../domain/core/l10n';

/**
 * The page, with today's nudge and figures already written in (escaped), so they show as soon as the
 * HTML is laid out; the page script then keeps them current from the same state.
 */
function body(state: TodayViewState): string {
  const nudge = state.nudge;
  const hidden = (isHidden: boolean): string => (isHidden ? ' hidden' : '');
  return `
<main class="today">
  <p id="problem" class="problem" role="alert"${hidden(state.problem === undefined)}>${escapeHtml(state.problem ?? '')}</p>
  <div id="nudge-actions" class="actions" role="group" aria-label="${escapeHtml(l10n.t('Nudge actions'))}"${hidden(nudge === undefined)}>
    <button id="done" class="button primary"><span class="codicon codicon-check" aria-hidden="true"></span><span id="done-label">${escapeHtml(l10n.t('Done'))}</span></button>
    <button id="another" class="button secondary" title="${escapeHtml(l10n.t('Show a different nudge for today'))}"><span class="codicon codicon-refresh" aria-hidden="true"></span><span>${escapeHtml(l10n.t('Another one'))}</span></button>
  </div>
  <section id="nudge" class="nudge" aria-labelledby="nudge-title" aria-live="polite"${hidden(nudge === undefined)}>
    <p class="eyebrow"><span class="codicon codicon-lightbulb" aria-hidden="true"></span> ${escapeHtml(l10n.t("Today's nudge"))}</p>
    <h2 id="nudge-title">${escapeHtml(nudge?.short ?? '')}</h2>
    <p id="nudge-action" class="action">${escapeHtml(nudge?.action ?? '')}</p>
    <p id="nudge-why" class="why">${escapeHtml(nudge?.why ?? '')}</p>
    <p id="nudge-reason" class="reason"${hidden(nudge?.reasonNote === undefined)}>${escapeHtml(nudge?.reasonNote ?? '')}</p>
    <p class="lesson-link"><button id="open-lesson" class="link"><span class="codicon codicon-book" aria-hidden="true"></span><span id="open-lesson-label">${escapeHtml(l10n.t('Open lesson'))}</span></button></p>
  </section>
  <section class="glance" aria-labelledby="glance-title">
    <h3 id="glance-title">${escapeHtml(l10n.t('At a glance'))}</h3>
    <ul class="stats">
      <li><button id="stat-active" class="stat" title="${escapeHtml(l10n.t('Show the Delegations view'))}"><span class="codicon codicon-person" aria-hidden="true"></span><span id="stat-active-value" class="value">${state.stats.active}</span> <span class="label">${escapeHtml(l10n.t('active delegations'))}</span></button></li>
      <li><button id="stat-overdue" class="stat" title="${escapeHtml(l10n.t('Show the Delegations view'))}"><span class="codicon codicon-warning" aria-hidden="true"></span><span id="stat-overdue-value" class="value">${state.stats.overdue}</span> <span class="label">${escapeHtml(l10n.t('follow-ups overdue'))}</span></button></li>
      <li><button id="stat-feedback" class="stat" title="${escapeHtml(l10n.t('Log feedback you asked for'))}"><span class="codicon codicon-feedback" aria-hidden="true"></span><span id="stat-feedback-value" class="value">–</span> <span id="stat-feedback-label" class="label">${escapeHtml(l10n.t('since you asked for feedback'))}</span></button></li>
      <li><span id="stat-streak" class="stat" title="${escapeHtml(state.stats.streakNote)}"><span class="codicon codicon-flame" aria-hidden="true"></span><span id="stat-streak-value" class="value">0</span> <span id="stat-streak-label" class="label">${escapeHtml(l10n.t('days streak'))}</span></span></li>
    </ul>
    <div class="links">
      <button id="log-delegation" class="link"><span class="codicon codicon-add" aria-hidden="true"></span>${escapeHtml(l10n.t('Log delegation'))}</button>
      <button id="log-one-on-one" class="link"><span class="codicon codicon-comment-discussion" aria-hidden="true"></span>${escapeHtml(l10n.t('Log 1:1'))}</button>
      <button id="open-review" class="link"><span class="codicon codicon-graph" aria-hidden="true"></span>${escapeHtml(l10n.t('Weekly review'))}</button>
    </div>
    <p id="review-offer" class="review-offer" hidden><span class="codicon codicon-calendar" aria-hidden="true"></span> ${escapeHtml(l10n.t('A new week:'))} <button id="open-last-week" class="link">${escapeHtml(l10n.t('look back at last week'))}</button></p>
  </section>
</main>`;
}

/** The Today webview view: the nudge with Done / Another one / Open lesson, and the tracker at a glance. */
export class TodayViewProvider extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;

  constructor(private readonly services: Services) {
    super();
    const refresh = (): void => this.refreshInBackground();
    this.register(services.coach.onDidChange(refresh));
    this.register(services.team.onDidChange(refresh));
    this.register(services.days.onDidChangeDay(refresh));
    this.register(this.services.onDidChangeSettings(refresh));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = pageWebviewOptions(this.services.extensionUri);
    const receive = validatedReceiver(this.services.log, 'Today view', l10n.t('The Today view action'), isTodayToExtension, (message) =>
      this.handle(message),
    );
    // Owned by this view: a view that is closed and resolved again must not leave listeners behind.
    const listeners = [
      view.webview.onDidReceiveMessage(receive),
      view.onDidChangeVisibility(() => view.visible && this.refreshInBackground()),
    ];
    view.onDidDispose(() => {
      this.view = undefined;
      listeners.forEach((listener) => listener.dispose());
    });
    const state = buildTodayState(this.services, () => this.refreshInBackground());
    // The view is in the sidebar at start-up: its CSS and script are in the bundle and go into the
    // HTML, so its text shows without waiting for a file read here or a request from the webview.
    // Only the icon font is requested, by URL, once the page has loaded (see today/page/today.css).
    const font = view.webview.asWebviewUri(vscode.Uri.joinPath(pagesFolder(this.services.extensionUri), 'codicon.ttf')).toString();
    view.webview.html = renderPage(view.webview, {
      title: l10n.t("Today's nudge"),
      styles: [],
      inlineStyles: styles.map((css) => withIconFontAt(css, font)),
      script,
      initialState: state,
      body: body(state),
    });
  }

  /** A refresh nobody waits for: a failure (a file that cannot be read) is logged and shown. */
  private refreshInBackground(): void {
    runInBackground(this.services.log, l10n.t('Refresh the Today view'), () => this.refresh());
  }

  private async refresh(): Promise<void> {
    if (this.view?.visible) {
      const message: TodayToPage = { type: 'state', state: buildTodayState(this.services, () => this.refreshInBackground()) };
      await this.view.webview.postMessage(message);
    }
  }

  private async handle(message: TodayToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.refresh();
      case 'done':
        return vscode.commands.executeCommand(Commands.completeNudge);
      case 'another':
        return vscode.commands.executeCommand(Commands.anotherNudge);
      case 'openLesson': {
        const nudge = this.services.coach.current();
        return nudge ? vscode.commands.executeCommand(Commands.openLesson, nudge.lesson) : undefined;
      }
      case 'showDelegations':
        return vscode.commands.executeCommand(`${Views.delegations}.focus`);
      case 'logDelegation':
        return vscode.commands.executeCommand(Commands.logDelegation);
      case 'logOneOnOne':
        return vscode.commands.executeCommand(Commands.logOneOnOne);
      case 'logFeedbackAsked':
        return vscode.commands.executeCommand(Commands.logFeedback);
      case 'openReview':
        return vscode.commands.executeCommand(Commands.openWeeklyReview);
      case 'openLastWeekReview':
        return vscode.commands.executeCommand(Commands.openWeeklyReview, 'last');
    }
  }
}
