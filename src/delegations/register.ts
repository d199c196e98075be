import * as vscode from 'vscode';
import { Commands, ContextKeys, Views } from '../ids';
import { registerCommand, runInBackground } from '../platform/commands';
import { lazyPart } from '../platform/lazy';
import { LazyTreeDataProvider } from '../platform/lazyTreeDataProvider';
import type { Services } from '../services';
import { registerDelegationCommands } from './commands';
import type * as DelegationsLazy from './lazy';
import type { DelegationsNode, DelegationsTreeProvider, GroupBy } from './lazy/delegationsTree';
import * as l10n from '../domain/core/l10n';

const lazy = lazyPart<typeof DelegationsLazy>(() => import('./lazy'));

/**
 * The Delegations feature: the view with its badge and grouping, the delegation commands and the
 * overdue reminder. The tree, the stored grouping, the reminder and the commands' code load on first
 * use, once the team data is there.
 */
export function registerDelegations(services: Services): vscode.Disposable[] {
  let tree: DelegationsTreeProvider | undefined;
  const provider = new LazyTreeDataProvider<DelegationsNode>(async () => {
    await services.loaded();
    const part = await lazy.load();
    tree = new part.DelegationsTreeProvider(services, part.storedGrouping(services));
    return tree;
  });
  const view = vscode.window.createTreeView(Views.delegations, { treeDataProvider: provider, showCollapseAll: true });
  const updateBadge = (): void => {
    const overdue = services.team.overdue(services.moving).length;
    view.badge =
      overdue > 0
        ? { value: overdue, tooltip: overdue === 1 ? l10n.t('1 follow-up overdue') : l10n.t('{0} follow-ups overdue', overdue) }
        : undefined;
  };
  const setGrouping = async (next: GroupBy): Promise<void> => {
    await services.loaded();
    const part = await lazy.load();
    tree?.setGrouping(next);
    await vscode.commands.executeCommand('setContext', ContextKeys.groupBy, next);
    await part.storeGrouping(services, next);
  };
  // The view's title shows Group by Person until the stored grouping is read, a moment after start-up.
  const showStoredGrouping = (): void =>
    runInBackground(services.log, l10n.t('Set the grouping context'), async () =>
      vscode.commands.executeCommand('setContext', ContextKeys.groupBy, (await lazy.load()).storedGrouping(services)),
    );
  const remind = (): void =>
    runInBackground(services.log, l10n.t('The overdue reminder'), async () => (await lazy.load()).remindIfDue(services));
  const selectedId = (): string | undefined => {
    const node = view.selection[0];
    return node?.kind === 'delegation' ? node.delegation.id : undefined;
  };
  return [
    provider,
    view,
    services.whenLoaded(updateBadge, ({ team }) => [team.onDidChange, services.days.onDidChangeDay, services.signals.onDidChange]),
    services.whenLoaded(showStoredGrouping),
    // Once the team data is loaded, and when the day changes.
    services.whenLoaded(remind, () => [services.days.onDidChangeDay]),
    registerCommand(services.log, Commands.groupByPerson, l10n.t('Group by Person'), () => setGrouping('person')),
    registerCommand(services.log, Commands.groupByFollowUp, l10n.t('Group by Follow-up'), () => setGrouping('followUp')),
    ...registerDelegationCommands(services, lazy, selectedId),
  ];
}
