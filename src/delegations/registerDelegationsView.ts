import * as vscode from 'vscode';
import { Commands, ContextKeys, StorageKeys, Views } from '../ids';
import { LazyTreeDataProvider } from '../platform/lazyTreeDataProvider';
import type { Services } from '../services';
import { views } from '../views/load';
import type { DelegationsTreeProvider, GroupBy } from './delegationsTree';

/**
 * Registers the Delegations view with its badge, selection tracking and grouping commands; the
 * tree's implementation loads when the view first asks for rows.
 */
export function registerDelegationsView(services: Services): vscode.Disposable[] {
  const storage = services.context.workspaceState;
  let groupBy: GroupBy = storage.get(StorageKeys.workspace.groupBy) === 'person' ? 'person' : 'followUp';
  let tree: DelegationsTreeProvider | undefined;
  const provider = new LazyTreeDataProvider(() => {
    tree = views().createDelegationsTree(services, groupBy);
    return tree;
  });
  const view = vscode.window.createTreeView(Views.delegations, { treeDataProvider: provider, showCollapseAll: true });
  const updateBadge = (): void => {
    const overdue = services.delegations.overdue().length;
    view.badge = overdue > 0 ? { value: overdue, tooltip: `${overdue} follow-up${overdue === 1 ? '' : 's'} overdue` } : undefined;
  };
  updateBadge();
  const setGrouping = async (next: GroupBy): Promise<void> => {
    groupBy = next;
    tree?.setGrouping(next);
    await vscode.commands.executeCommand('setContext', ContextKeys.groupBy, next);
    await storage.update(StorageKeys.workspace.groupBy, next);
  };
  void vscode.commands.executeCommand('setContext', ContextKeys.groupBy, groupBy);
  const trackSelection = view.onDidChangeSelection((event) => {
    const node = event.selection[0];
    services.selection.delegationId = node?.kind === 'delegation' ? node.delegation.id : undefined;
  });
  return [
    provider,
    view,
    trackSelection,
    services.delegations.onDidChange(updateBadge),
    services.days.onDidChangeDay(updateBadge),
    vscode.commands.registerCommand(Commands.groupByPerson, () => setGrouping('person')),
    vscode.commands.registerCommand(Commands.groupByFollowUp, () => setGrouping('followUp')),
  ];
}
