import * as vscode from 'vscode';
import { Commands } from '../ids';
import * as l10n from '../domain/core/l10n';
import { registerCommand, runInBackground } from '../platform/commands';
import { lazyPart } from '../platform/lazy';
import type { Services } from '../services';
import type * as SignalsLazy from './lazy';

/** Set by esbuild: true in the web build (one file, no Node), where the signals' code is left out. */
declare const WEB_BUILD: boolean;

const lazy = WEB_BUILD ? undefined : lazyPart<typeof SignalsLazy>(() => import('./lazy'));

/** Whether this window can read a repository: the Node extension host and a folder on this machine. */
function localRepositoryPossible(): boolean {
  return lazy !== undefined && (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === 'file');
}

function needsLocalRepository(): void {
  void vscode.window.showInformationMessage(
    l10n.t('Repository signals need a local repository: they read its history with git, which this window cannot run. They stay off.'),
  );
}

/** Where the lead turned the signals on and this window can read a repository: runs `read` in the background. */
function readIfOn(services: Services, read: (part: typeof SignalsLazy) => Promise<void>): void {
  if (lazy !== undefined && localRepositoryPossible()) {
    runInBackground(services.log, l10n.t('Read the repository signals'), async () => {
      const { StateMap } = await import('../platform/stateMap');
      if (services.state.get(StateMap.signalsOn)) {
        await read(await lazy.load());
      }
    });
  }
}

/**
 * Repository signals: four commands; nothing loads at activation. The lazy part loads when a
 * command runs, or after the team loaded where the lead turned the signals on.
 */
export function registerSignals(services: Services): vscode.Disposable[] {
  let started = false;
  const command = (id: string, title: string, run: (part: typeof SignalsLazy) => unknown): vscode.Disposable =>
    registerCommand(services.log, id, title, async () => {
      if (lazy === undefined || !localRepositoryPossible()) {
        needsLocalRepository();
        return undefined;
      }
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showInformationMessage(
          l10n.t('Repository signals run git on the repository, so they need a trusted workspace. Trust this folder to use them.'),
        );
        return undefined;
      }
      await services.loaded();
      return run(await lazy.load());
    });
  return [
    command(Commands.turnOnSignals, l10n.t('Turn On Repository Signals'), (part) => part.turnOn(services)),
    command(Commands.turnOffSignals, l10n.t('Turn Off Repository Signals'), (part) => part.turnOff(services)),
    command(Commands.forgetSignals, l10n.t('Forget Repository Signals'), (part) => part.forget(services)),
    command(Commands.linkCommitAuthors, l10n.t('Link Commit Authors to People'), (part) => part.linkCommitAuthors(services)),
    // After the team loaded, and only where the lead turned them on. The storage map is already
    // loaded by then (with the services' heavy part); importing it here at activation would bring
    // every stored value's reader into the activation bundle.
    // Then again when a folder is added to (or removed from) a multi-root workspace, or the lead
    // trusts the workspace: neither restarts the extension host, so the signals read again from
    // what is there now.
    services.whenLoaded(
      () => {
        const again = started;
        started = true;
        readIfOn(services, (part) => (again ? part.restartIfOn(services) : part.startIfOn(services)));
      },
      () => [vscode.workspace.onDidChangeWorkspaceFolders, vscode.workspace.onDidGrantWorkspaceTrust],
    ),
    { dispose: () => lazy?.loaded?.disposeSignals(services) },
  ];
}
