import * as vscode from 'vscode';
import * as l10n from '../../domain/core/l10n';
import { WebviewPanels } from '../../ids';
import { Disposable } from '../../platform/disposable';
import { validatedReceiver } from '../../platform/webviewMessages';
import { pageFiles, pageWebviewOptions, renderPage } from '../../platform/webviewHtml';
import { StateMap } from '../../platform/stateMap';
import type { Services } from '../../services';
import { isSignalsConsentToExtension, type SignalsConsentState, type SignalsConsentToExtension } from '../protocol';

/** The text the lead may share with the team: what is looked at, what never is, that nothing ranks anyone. */
export function shareText(): string {
  return l10n.t(
    "I use Tech Lead Coach, which can read our repository's history on my machine to help me look after the team. What it looks at: the author, time and changed files of each commit. It tells me when someone's commits move clearly later or into weekends compared with their own usual pattern, and what each of you shipped since our last 1:1, so I can recognize real work. What it never looks at: the content of your code, line counts, or anything outside the repository. Nothing ranks or compares anyone, nothing is sent anywhere, and none of it is used to evaluate anyone. If it shows me something, I will ask you about it, and you are welcome to ask me what it shows.",
  );
}

/** The one Turn On Repository Signals page. */
class ConsentPanel extends Disposable {
  constructor(
    private readonly services: Services,
    private readonly panel: vscode.WebviewPanel,
    private readonly onTurnOn: () => Promise<void>,
    onDisposed: () => void,
  ) {
    super();
    const receive = validatedReceiver(
      services.log,
      'repository signals page',
      l10n.t('The repository signals page action'),
      isSignalsConsentToExtension,
      (message) => this.handle(message),
    );
    this.register(panel.webview.onDidReceiveMessage(receive));
    this.register(
      panel.onDidDispose(() => {
        onDisposed();
        this.dispose();
      }),
    );
  }

  state(): SignalsConsentState {
    return {
      folders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.name),
      shareText: shareText(),
      on: this.services.state.get(StateMap.signalsOn),
    };
  }

  render(): void {
    this.panel.webview.html = renderPage(this.panel.webview, {
      title: l10n.t('Repository signals'),
      ...pageFiles(this.services.extensionUri, 'signalsConsent'),
      initialState: this.state(),
      body: `<main id="signals-consent" class="consent-page"></main>`,
    });
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  private async handle(message: SignalsConsentToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return;
      case 'notNow':
        this.panel.dispose();
        return;
      case 'copyShareText':
        await vscode.env.clipboard.writeText(shareText());
        vscode.window.setStatusBarMessage(`$(check) ${l10n.t('Copied the text to share with your team')}`, 4000);
        return;
      case 'turnOn':
        this.panel.dispose();
        await this.onTurnOn();
        return;
    }
  }

  override dispose(): void {
    super.dispose();
    this.panel.dispose();
  }
}

let open: ConsentPanel | undefined;

export function openConsentPanel(services: Services, onTurnOn: () => Promise<void>): void {
  if (open) {
    open.reveal();
    return;
  }
  const panel = vscode.window.createWebviewPanel(
    WebviewPanels.signalsConsent,
    l10n.t('Repository signals'),
    vscode.ViewColumn.Active,
    pageWebviewOptions(services.extensionUri),
  );
  panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'activity-icon.svg');
  open = new ConsentPanel(services, panel, onTurnOn, () => (open = undefined));
  open.render();
}

export function disposeConsentPanel(): void {
  open?.dispose();
  open = undefined;
}
