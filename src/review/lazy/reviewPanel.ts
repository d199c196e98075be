import * as vscode from 'vscode';
import { addDays, todayKey, type DateKey } from '../../domain/core/dates';
import { inert } from '../../domain/core/inertText';
import { choosePrompts, reflectionsFor, validateAnswer, withAnswer, type Reflection } from '../../domain/review/reflections';
import { ACTION_THEMES, weekFigures, weekOf, type WeekFigures } from '../../domain/review/review';
import { WebviewPanels } from '../../ids';
import { runInBackground } from '../../platform/commands';
import { Disposable } from '../../platform/disposable';
import { StateMap } from '../../platform/stateMap';
import { validatedReceiver } from '../../platform/webviewMessages';
import { pageFiles, pageWebviewOptions, renderPage } from '../../platform/webviewHtml';
import { isReviewToExtension, type ReviewPageModel, type ReviewToExtension, type ReviewToPage } from '../protocol';
import type { Services } from '../../services';
import { buildReviewModel, reviewMarkdown } from './reviewModel';
import * as l10n from '../../domain/core/l10n';

/** The Weekly Review: one panel, reused, on one week at a time. */
class ReviewPanel extends Disposable {
  private weekStart: DateKey;
  /** The model written into the page's HTML (JSON), which a page that reloads shows first. */
  private modelInHtml: string | undefined;

  constructor(
    private readonly services: Services,
    private readonly panel: vscode.WebviewPanel,
    weekStart: DateKey,
    onDisposed: () => void,
  ) {
    super();
    this.weekStart = weekStart;
    const receive = validatedReceiver(services.log, 'weekly review', l10n.t('The weekly review action'), isReviewToExtension, (message) =>
      this.handle(message),
    );
    this.register(panel.webview.onDidReceiveMessage(receive));
    const update = (): void => runInBackground(services.log, l10n.t('Update the weekly review'), () => this.post());
    this.register(services.team.onDidChange(update));
    this.register(services.coach.onDidChange(update));
    this.register(services.days.onDidChangeDay(update));
    this.register(services.signals.onDidChange(update));
    this.register(
      panel.onDidDispose(() => {
        onDisposed();
        this.dispose();
      }),
    );
  }

  private today(): DateKey {
    return todayKey(this.services.clock);
  }

  /** The figures of the week holding `day` (the week on screen by default). */
  private figures(day: DateKey = this.weekStart): WeekFigures {
    const settings = this.services.settings();
    const input = {
      data: this.services.team.snapshot(),
      progress: this.services.coach.progressSnapshot(),
      catalogue: this.services.coach.catalogue(),
      today: this.today(),
      weekStartsOn: settings.weekStartsOn,
      workdays: settings.workdays,
    };
    return weekFigures(input, weekOf(day, settings.weekStartsOn));
  }

  private reflections(figures: WeekFigures): readonly Reflection[] {
    const stored = this.services.state.get(StateMap.reflections);
    return reflectionsFor(stored, figures.week.start, () =>
      choosePrompts(this.services.coach.catalogue(), figures.week.start, ACTION_THEMES[figures.least]),
    );
  }

  model(): ReviewPageModel {
    const figures = this.figures();
    const signals = this.services.signals.current;
    return buildReviewModel(
      figures,
      this.reflections(figures),
      this.today(),
      signals === undefined ? undefined : (weekStart, oneOnOnes) => signals.leadWeek(weekStart, oneOnOnes),
    );
  }

  render(): void {
    const model = this.model();
    this.modelInHtml = JSON.stringify(model);
    this.panel.title = l10n.t('Weekly Review');
    this.panel.webview.html = renderPage(this.panel.webview, {
      title: l10n.t('Weekly Review: {0}', model.title),
      ...pageFiles(this.services.extensionUri, 'review'),
      initialState: model,
      body: '<main id="review" class="review-page"></main>',
    });
  }

  show(weekStart: DateKey): Promise<void> {
    this.weekStart = weekOf(weekStart, this.services.settings().weekStartsOn).start;
    this.panel.reveal(undefined, false);
    return this.post();
  }

  private async post(): Promise<void> {
    const message: ReviewToPage = { type: 'model', model: this.model() };
    await this.panel.webview.postMessage(message);
  }

  /**
   * A page that (re)loaded shows the model written into its HTML and says it is ready: it is sent
   * the current one only if that changed since, so an open does not draw every chart twice.
   */
  private async postIfChanged(): Promise<void> {
    const model = this.model();
    if (JSON.stringify(model) !== this.modelInHtml) {
      const message: ReviewToPage = { type: 'model', model };
      await this.panel.webview.postMessage(message);
    }
  }

  private async handle(message: ReviewToExtension): Promise<void> {
    const start = weekOf(this.weekStart, this.services.settings().weekStartsOn).start;
    switch (message.type) {
      case 'ready':
        return this.postIfChanged();
      case 'previousWeek':
        this.weekStart = addDays(start, -7);
        return this.post();
      case 'nextWeek':
        if (addDays(start, 7) <= this.today()) {
          this.weekStart = addDays(start, 7);
        }
        return this.post();
      case 'thisWeek':
        this.weekStart = this.today();
        return this.post();
      case 'saveAnswer':
        return this.saveAnswer(message.weekStart as DateKey, message.promptId, message.answer);
      case 'exportMarkdown':
        return this.exportMarkdown();
      case 'copyMarkdown':
        await vscode.env.clipboard.writeText(reviewMarkdown(this.model()));
        vscode.window.setStatusBarMessage(`$(check) ${l10n.t('Copied the weekly review as Markdown')}`, 4000);
        return;
    }
  }

  private async saveAnswer(weekStart: DateKey, promptId: string, answer: string): Promise<void> {
    const valid = validateAnswer(answer);
    if (!valid.ok) {
      void vscode.window.showWarningMessage(inert(l10n.t('Weekly Review: the answer was not saved. {0}', valid.error)));
      return;
    }
    const stored = this.services.state.get(StateMap.reflections);
    const week = weekOf(weekStart, this.services.settings().weekStartsOn);
    // A week answered for the first time: its prompts are the ones the page showed, chosen from its figures.
    const prompts = stored[week.start] ?? this.reflections(this.figures(week.start));
    if (!prompts.some((p) => p.id === promptId)) {
      this.services.log.warn(`The weekly review sent an answer to an unknown prompt: ${promptId}`);
      return;
    }
    if (!(await this.services.state.update(StateMap.reflections, withAnswer(stored, week.start, prompts, promptId, valid.value)))) {
      void vscode.window.showWarningMessage(
        l10n.t('Weekly Review: the answers were saved by a newer version of Tech Lead Coach; this one does not change them.'),
      );
      return;
    }
    const reply: ReviewToPage = { type: 'saved', promptId };
    await this.panel.webview.postMessage(reply);
  }

  private async exportMarkdown(): Promise<void> {
    const model = this.model();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: l10n.t('Export the Weekly Review'),
      saveLabel: l10n.t('Export'),
      filters: { [l10n.t('Markdown')]: ['md'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `weekly-review-${model.weekStart}.md`) } : {}),
    });
    if (!target) {
      return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(reviewMarkdown(model)));
    void vscode.window.showInformationMessage(inert(l10n.t('Exported the review of {0} to {1}.', model.title, target.fsPath)));
  }

  override dispose(): void {
    super.dispose();
    this.panel.dispose();
  }
}

let current: ReviewPanel | undefined;

/**
 * "Weekly Review": the week of `arg` (a `YYYY-MM-DD` day, or `"last"`), this week by default.
 */
export async function openWeeklyReview(services: Services, arg: unknown): Promise<void> {
  const today = todayKey(services.clock);
  const day =
    arg === 'last'
      ? addDays(today, -7)
      : typeof arg === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(arg) && arg <= today
        ? (arg as DateKey)
        : today;
  if (current) {
    await current.show(day);
    return;
  }
  const panel = vscode.window.createWebviewPanel(WebviewPanels.weeklyReview, l10n.t('Weekly Review'), vscode.ViewColumn.Active, {
    ...pageWebviewOptions(services.extensionUri),
    retainContextWhenHidden: false,
  });
  panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'activity-icon.svg');
  const page = new ReviewPanel(services, panel, weekOf(day, services.settings().weekStartsOn).start, () => {
    current = undefined;
  });
  current = page;
  page.render();
}

export function disposeReviewPanel(): void {
  current?.dispose();
  current = undefined;
}
