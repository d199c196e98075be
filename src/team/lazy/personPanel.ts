import * as vscode from 'vscode';
import { todayKey } from '../../domain/core/dates';
import type { Nudge } from '../../domain/coach/nudges';
import { Commands, WebviewPanels } from '../../ids';
import { runInBackground } from '../../platform/commands';
import { Disposable } from '../../platform/disposable';
import { validatedReceiver } from '../../platform/webviewMessages';
import { pageFiles, pageWebviewOptions, renderPage } from '../../platform/webviewHtml';
import { escapeHtml } from '../../shared/html';
import { isPersonToExtension, type PersonPageModel, type PersonToExtension, type PersonToPage } from '../protocol';
import type { Services } from '../../services';
import { buildPersonModel, prepareAsText, shippedLineText } from './personModel';
import { lastOneOnOne } from '../../domain/team/oneOnOnes';
import * as l10n from '../../domain/core/l10n';

/** One panel per person, reused; it follows every change to the team and the day. */
class PersonPanel extends Disposable {
  /** The model written into the page's HTML (JSON), which a page that reloads shows first. */
  private modelInHtml: string | undefined;

  constructor(
    private readonly services: Services,
    readonly personId: string,
    private readonly panel: vscode.WebviewPanel,
    private readonly catalogue: () => readonly Nudge[],
    onDisposed: () => void,
  ) {
    super();
    const receive = validatedReceiver(services.log, 'person page', l10n.t('The person page action'), isPersonToExtension, (message) =>
      this.handle(message),
    );
    this.register(panel.webview.onDidReceiveMessage(receive));
    const update = (): void => runInBackground(services.log, l10n.t('Update the person page'), () => this.post());
    this.register(services.team.onDidChange(update));
    this.register(services.days.onDidChangeDay(update));
    this.register(services.signals.onDidChange(update));
    this.register(
      panel.onDidDispose(() => {
        onDisposed();
        this.dispose();
      }),
    );
  }

  model(): PersonPageModel | undefined {
    const data = this.services.team.snapshot();
    const name = data.people.find((p) => p.id === this.personId)?.name ?? '';
    // The repository signals' part, only when they are on and this person is linked (nothing otherwise).
    const signals = this.services.signals.current?.personSignals(this.personId, name, lastOneOnOne(data.oneOnOnes, this.personId)?.on);
    const source = this.services.signals.current;
    return buildPersonModel(
      data,
      this.personId,
      todayKey(this.services.clock),
      this.catalogue(),
      signals,
      source === undefined ? undefined : (d) => source.followThrough(d, name),
    );
  }

  render(): void {
    const model = this.model();
    if (!model) {
      this.panel.dispose();
      return;
    }
    this.modelInHtml = JSON.stringify(model);
    this.panel.title = model.name;
    this.panel.webview.html = renderPage(this.panel.webview, {
      title: model.name,
      ...pageFiles(this.services.extensionUri, 'person'),
      initialState: model,
      body: `<main id="person" class="person-page" aria-label="${escapeHtml(model.name)}"></main>`,
    });
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  private async post(): Promise<void> {
    const model = this.model();
    if (!model) {
      // They were deleted: the page has nothing left to show.
      this.panel.dispose();
      return;
    }
    this.panel.title = model.name;
    const message: PersonToPage = { type: 'model', model };
    await this.panel.webview.postMessage(message);
  }

  /**
   * A page that (re)loaded shows the model written into its HTML and says it is ready: it is sent
   * the current one only if that changed since, so an open does not lay the timeline out twice.
   */
  private async postIfChanged(): Promise<void> {
    const model = this.model();
    if (model && JSON.stringify(model) === this.modelInHtml) {
      return;
    }
    await this.post();
  }

  private async handle(message: PersonToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.postIfChanged();
      case 'logOneOnOne':
        await vscode.commands.executeCommand(Commands.logOneOnOne, this.personId);
        return;
      case 'logFeedback':
        await vscode.commands.executeCommand(Commands.logFeedback, this.personId);
        return;
      case 'logDelegation':
        await vscode.commands.executeCommand(Commands.logDelegation, { kind: 'person', person: this.services.team.person(this.personId) });
        return;
      case 'logMoment':
        await vscode.commands.executeCommand(Commands.logMoment, this.personId);
        return;
      case 'rename':
        await vscode.commands.executeCommand(Commands.renamePerson, this.personId);
        return;
      case 'checkIn':
        await vscode.commands.executeCommand(Commands.logCheckIn, message.delegationId);
        return;
      case 'copyPrepare': {
        const model = this.model();
        if (model) {
          await vscode.env.clipboard.writeText(prepareAsText(model));
          vscode.window.setStatusBarMessage(`$(check) ${l10n.t('Copied the 1:1 preparation')}`, 4000);
        }
        return;
      }
      case 'copyShipped': {
        const line = (() => {
          const model = this.model();
          return model ? shippedLineText(model, message.hash) : undefined;
        })();
        if (line !== undefined) {
          await vscode.env.clipboard.writeText(line);
          vscode.window.setStatusBarMessage(`$(check) ${l10n.t('Copied for your 1:1 notes')}`, 4000);
        }
        return;
      }
    }
  }

  override dispose(): void {
    super.dispose();
    this.panel.dispose();
  }
}

const panels = new Map<string, PersonPanel>();

/** Opens (or shows again) the page of one person. */
export function openPersonPanel(services: Services, personId: string, catalogue: () => readonly Nudge[]): void {
  const existing = panels.get(personId);
  if (existing) {
    existing.reveal();
    return;
  }
  const panel = vscode.window.createWebviewPanel(WebviewPanels.person, services.team.nameOf(personId), vscode.ViewColumn.Active, {
    ...pageWebviewOptions(services.extensionUri),
    enableFindWidget: true,
  });
  panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'activity-icon.svg');
  const page = new PersonPanel(services, personId, panel, catalogue, () => panels.delete(personId));
  panels.set(personId, page);
  page.render();
}

export function disposePersonPanels(): void {
  [...panels.values()].forEach((p) => p.dispose());
  panels.clear();
}
