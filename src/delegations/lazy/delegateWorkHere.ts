import * as vscode from 'vscode';
import { inert } from '../../domain/core/inertText';
import * as l10n from '../../domain/core/l10n';
import type { IslandView } from '../../domain/signals/delegationSignals';
import { Commands } from '../../ids';
import type { Services } from '../../services';
import { askForDelegation, saveDelegation } from './logDelegation';
import type { Delegation } from '../../domain/team/delegations';

/** Code one person knows, as a Team view row hands it over (its node) or a caller names it. */
interface IslandTarget {
  readonly folder: string;
  /** The person who knows it (by id); undefined when it is the lead. */
  readonly holder?: string;
}

/** The island a command argument names: a Team view row (`{ kind: 'island', island }`) or `{ folder, holder? }`. */
function islandOf(arg: unknown): IslandTarget | undefined {
  if (typeof arg !== 'object' || arg === null) {
    return undefined;
  }
  // A row's island holds its holder as `{ kind: 'person', personId }` (or the lead's): named by id, like `{ folder, holder? }`.
  const node = arg as { kind?: unknown; island?: { folder?: unknown; holder?: { kind?: unknown; personId?: unknown } } };
  const plain: { folder?: unknown; holder?: unknown } =
    node.kind === 'island'
      ? { folder: node.island?.folder, holder: node.island?.holder?.kind === 'person' ? node.island.holder.personId : undefined }
      : (arg as { folder?: unknown; holder?: unknown });
  return typeof plain.folder === 'string'
    ? { folder: plain.folder, ...(typeof plain.holder === 'string' ? { holder: plain.holder } : {}) }
    : undefined;
}

/** From the palette: one of the islands the signals found, picked. */
async function pickIsland(services: Services): Promise<IslandTarget | undefined> {
  const source = services.signals.current;
  if (source === undefined) {
    const turnOn = l10n.t('Turn On…');
    const choice = await vscode.window.showInformationMessage(
      l10n.t('Knowledge to share comes from the repository signals, which are off or still reading in this workspace.'),
      turnOn,
    );
    if (choice === turnOn) {
      await vscode.commands.executeCommand(Commands.turnOnSignals);
    }
    return undefined;
  }
  const islands = source.knowledgeIslands((id) => services.team.person(id)?.name);
  if (islands.length === 0) {
    void vscode.window.showInformationMessage(
      source.islandsReady
        ? l10n.t('No folder is known by one person alone right now: nothing to share.')
        : l10n.t('The repository signals are still looking for knowledge to share. Try again in a moment.'),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    islands.map((island: IslandView) => ({
      label: `$(folder) ${inert(island.folder)}`,
      detail: inert(island.text),
      island,
    })),
    { title: l10n.t('Delegate Work Here'), placeHolder: l10n.t('Which code should more people know?') },
  );
  return picked === undefined ? undefined : islandOf({ kind: 'island', island: picked.island });
}

/**
 * "Delegate Work Here…" on code one person knows: Log Delegation's guided flow with the folder
 * linked, a task to start from, and the person who knows it left out of the person step, so the
 * work goes to someone else at a level the lead chooses. The first step says why: spreading the
 * knowledge protects the person who holds it too.
 */
export async function delegateWorkHere(services: Services, arg: unknown): Promise<Delegation | undefined> {
  const target = islandOf(arg) ?? (arg === undefined ? await pickIsland(services) : undefined);
  if (target === undefined) {
    if (arg !== undefined) {
      void vscode.window.showErrorMessage(l10n.t('Delegate Work Here: expected a folder, like {0}.', '{ "folder": "billing/" }'));
    }
    return undefined;
  }
  const holder = target.holder === undefined ? undefined : services.team.person(target.holder);
  const intro =
    holder === undefined
      ? l10n.t('Handing part of {0} over frees your time for leading and lets someone grow into it.', target.folder)
      : l10n.t('Sharing {0} protects {1} too: questions and incidents stop landing only on them.', target.folder, holder.name);
  const input = await askForDelegation(services, {
    title: inert(l10n.t('Delegate Work Here: {0}', target.folder)),
    intro,
    task: l10n.t('Take on work in {0}', target.folder),
    ...(holder === undefined ? {} : { notPersonId: holder.id }),
    code: { paths: [target.folder] },
  });
  return input === undefined ? undefined : saveDelegation(services, input);
}
