import * as vscode from 'vscode';
import { Commands, ContextKeys, Views } from '../ids';
import { registerCommand, runInBackground } from '../platform/commands';
import { lazyFeature } from '../platform/lazy';
import { LazyTreeDataProvider } from '../platform/lazyTreeDataProvider';
import { StateMap } from '../platform/stateMap';
import type { Services } from '../services';
import { registerDelegationCommands } from './commands';
import type * as DelegationsLazy from './lazy';
import type { DelegationsNode, DelegationsTreeProvider, GroupBy } from './lazy/delegationsTree';
import { registerReminders } from './reminders';
import * as l10n from '../domain/core/l10n';

const lazy = lazyFeature<typeof DelegationsLazy>('delegations');

/**
 * The Delegations feature: the view with its badge and grouping, the delegation commands and the
 * overdue reminder. The tree and the commands' code load on first use.
 */
export function registerDelegations(services: Services): vscode.Disposable[] {
  const grouping = services.state.cell(StateMap.groupBy);
  let groupBy: GroupBy = grouping.get();
  let tree: DelegationsTreeProvider | undefined;
  const provider = new LazyTreeDataProvider<DelegationsNode>(async () => {
    await services.loaded();
    tree = new (lazy().DelegationsTreeProvider)(services, groupBy);
    return tree;
  });
  const view = vscode.window.createTreeView(Views.delegations, { treeDataProvider: provider, showCollapseAll: true });
  const updateBadge = (): void => {
    const overdue = services.team.overdue().length;
    view.badge =
      overdue > 0
        ? { value: overdue, tooltip: overdue === 1 ? l10n.t('1 follow-up overdue') : l10n.t('{0} follow-ups overdue', overdue) }
        : undefined;
  };
  const setGrouping = async (next: GroupBy): Promise<void> => {
    groupBy = next;
    tree?.setGrouping(next);
    await vscode.commands.executeCommand('setContext', ContextKeys.groupBy, next);
    await grouping.update(next);
  };
  runInBackground(services.log, l10n.t('Set the grouping context'), () =>
    vscode.commands.executeCommand('setContext', ContextKeys.groupBy, groupBy),
  );
  const selectedId = (): string | undefined => {
    const node = view.selection[0];
    return node?.kind === 'delegation' ? node.delegation.id : undefined;
  };
  return [
    provider,
    view,
    services.whenLoaded(updateBadge, ({ team }) => [team.onDidChange, services.days.onDidChangeDay]),
    registerCommand(services.log, Commands.groupByPerson, l10n.t('Group by Person'), () => setGrouping('person')),
    registerCommand(services.log, Commands.groupByFollowUp, l10n.t('Group by Follow-up'), () => setGrouping('followUp')),
    ...registerDelegationCommands(services, lazy, selectedId),
    registerReminders(services),
  ];
}
