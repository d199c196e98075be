/**
 * The repository signals' lazy part (dist/signals.mjs): the consent page, reading git, the linking
 * step and the answers the team's page and the coach read. Loaded only when the lead runs one of its
 * commands, or after the team loaded in a workspace where the lead turned the signals on.
 */
import * as vscode from 'vscode';
import * as l10n from '../../domain/core/l10n';
import type { IdentityKey } from '../../domain/signals/history';
import type { Identity } from '../../domain/signals/identities';
import { toAnnounce, withAnnounced } from '../../domain/signals/links';
import { Commands } from '../../ids';
import { runInBackground } from '../../platform/commands';
import { StateMap } from '../../platform/stateMap';
import type { Services } from '../../services';
import { disposeConsentPanel, openConsentPanel } from './consentPanel';
import { cacheOf, SignalsEngine } from './engine';
import { linkAuthors } from './linkAuthors';

let engine: SignalsEngine | undefined;
/** While the lead is in the linking step (or turning the signals on, which opens it): no toast offers it as well. */
let linking = false;

/** Starts reading (once); resolves when the history was read the first time. */
async function startEngine(services: Services): Promise<SignalsEngine> {
  if (engine === undefined) {
    const started = new SignalsEngine(services);
    engine = started;
    started.onDidRead(() => {
      services.signals.refreshed();
      offerLinking(services, started).catch((error: unknown) => services.log.error('Could not offer the linking step', error));
    });
    // The knowledge islands ready, a linked branch read: the views ask again.
    started.onDidChangeAnswers(() => services.signals.refreshed());
    await started.ready;
    if (engine === started) {
      services.signals.set(started);
    }
    return started;
  }
  await engine.ready;
  return engine;
}

/** Stops reading; resolves once nothing of a read under way can still write to the cache. */
async function stopEngine(services: Services): Promise<void> {
  const running = engine;
  engine = undefined;
  services.signals.set(undefined);
  running?.dispose();
  await running?.idle();
}

/**
 * Records, in workspace state, that the lead was told about these authors (or is asked about them
 * now), so that no window and no reload announces them again; returns those not told before.
 */
async function announce(services: Services, authors: readonly Identity[]): Promise<IdentityKey[]> {
  const keys = authors.map((a) => a.key);
  const announced = services.state.get(StateMap.signalsAnnounced);
  const fresh = toAnnounce(keys, announced);
  if (fresh.length > 0) {
    await services.state.update(StateMap.signalsAnnounced, withAnnounced(announced, keys));
  }
  return fresh;
}

/** When authors appear that nobody linked, ignored or was told about, says so once, with the linking step a click away. */
async function offerLinking(services: Services, running: SignalsEngine): Promise<void> {
  if (linking) {
    return;
  }
  const fresh = await announce(services, running.unlinkedAuthors());
  if (fresh.length === 0 || linking) {
    return;
  }
  const link = l10n.t('Link…');
  runInBackground(services.log, l10n.t('Link Commit Authors to People'), async () => {
    const choice = await vscode.window.showInformationMessage(
      fresh.length === 1
        ? l10n.t('1 commit author is not linked to anyone in your team yet.')
        : l10n.t('{0} commit authors are not linked to anyone in your team yet.', fresh.length),
      link,
    );
    if (choice === link) {
      await vscode.commands.executeCommand(Commands.linkCommitAuthors);
    }
  });
}

/** After the team loaded: reads the history if the lead turned the signals on here. */
export async function startIfOn(services: Services): Promise<void> {
  if (services.state.get(StateMap.signalsOn)) {
    const running = await startEngine(services);
    await offerLinking(services, running);
  }
}

/**
 * The workspace's folders changed, or the lead trusted it: where the signals are on, reads again from
 * the repositories there now (a repository's paths take its folder's name once there are two).
 */
export async function restartIfOn(services: Services): Promise<void> {
  if (services.state.get(StateMap.signalsOn)) {
    await stopEngine(services);
    await startIfOn(services);
  }
}

export function turnOn(services: Services): void {
  openConsentPanel(services, () =>
    whileLinking(async () => {
      await services.state.update(StateMap.signalsOn, true);
      const running = await startEngine(services);
      void vscode.window.setStatusBarMessage(`$(check) ${l10n.t('Repository signals are on')}`, 4000);
      const authors = running.unlinkedAuthors();
      await announce(services, authors);
      if (authors.length > 0) {
        await linkAuthors(services, authors);
      }
    }),
  );
}

export async function turnOff(services: Services): Promise<void> {
  await stopEngine(services);
  await services.state.remove(StateMap.signalsOn);
  const forget = l10n.t('Forget…');
  const choice = await vscode.window.showInformationMessage(
    l10n.t(
      'Repository signals are off. The links and the cache of the history stay, for when you turn them on again; Forget Repository Signals deletes them.',
    ),
    forget,
  );
  if (choice === forget) {
    await vscode.commands.executeCommand(Commands.forgetSignals);
  }
}

export async function forget(services: Services): Promise<boolean> {
  const forgetIt = l10n.t('Forget');
  const sure = await vscode.window.showWarningMessage(
    l10n.t('Forget Repository Signals?'),
    {
      modal: true,
      detail: l10n.t(
        'This turns them off and deletes, for this workspace, the cache of the history read and the links of commit authors to people. The repository itself is not touched.',
      ),
    },
    forgetIt,
  );
  if (sure !== forgetIt) {
    return false;
  }
  await stopEngine(services);
  await cacheOf(services)?.forget();
  await services.state.remove(StateMap.signalsOn);
  await services.state.remove(StateMap.signalLinks);
  await services.state.remove(StateMap.signalsAnnounced);
  void vscode.window.showInformationMessage(l10n.t('Repository signals are off, and everything they kept in this workspace is deleted.'));
  return true;
}

export async function linkCommitAuthors(services: Services): Promise<number> {
  if (!services.state.get(StateMap.signalsOn)) {
    const turnOnIt = l10n.t('Turn On…');
    const choice = await vscode.window.showInformationMessage(
      l10n.t('Repository signals are off in this workspace. Turn them on first.'),
      turnOnIt,
    );
    if (choice === turnOnIt) {
      turnOn(services);
    }
    return 0;
  }
  return whileLinking(async () => {
    const running = await startEngine(services);
    const authors = running.unlinkedAuthors();
    await announce(services, authors);
    return linkAuthors(services, authors);
  });
}

async function whileLinking<T>(run: () => Promise<T>): Promise<T> {
  linking = true;
  try {
    return await run();
  } finally {
    linking = false;
  }
}

export function disposeSignals(services: Services): void {
  disposeConsentPanel();
  stopEngine(services).catch((error: unknown) => services.log.error('Could not stop the repository signals', error));
}
