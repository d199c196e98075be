import * as vscode from 'vscode';
import { todayKey } from '../domain/dates';
import { describeFollowUp, FOLLOW_UP_GROUPS, followUpGroup, type Delegation, type FollowUpGroup } from '../domain/delegation';
import { groupByFollowUp } from '../domain/delegationGroups';
import { levelInfo, levelLabel } from '../domain/delegationLevels';
import { ContextValues, Views } from '../ids';
import { Disposable } from '../platform/disposable';
import type { Services } from '../services';

export type DelegationsNode = { readonly kind: 'group'; readonly group: FollowUpGroup } | { readonly kind: 'delegation'; readonly delegation: Delegation };

const GROUP_LABELS: Record<FollowUpGroup, string> = {
  overdue: 'Overdue',
  thisWeek: 'Due this week',
  later: 'Later',
  done: 'Done',
};

const GROUP_ICONS: Record<FollowUpGroup, vscode.ThemeIcon> = {
  overdue: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  thisWeek: new vscode.ThemeIcon('calendar'),
  later: new vscode.ThemeIcon('clock'),
  done: new vscode.ThemeIcon('pass'),
};

/** The Delegations tree: Overdue, Due this week, Later and Done (collapsed), soonest first. */
export class DelegationsTreeProvider extends Disposable implements vscode.TreeDataProvider<DelegationsNode> {
  private readonly changed = this.register(new vscode.EventEmitter<DelegationsNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly services: Services) {
    super();
    const refresh = (): void => {
      this.groups = undefined;
      this.changed.fire(undefined);
    };
    this.register(services.delegations.onDidChange(refresh));
    this.register(services.days.onDidChangeDay(refresh));
  }

  /** Grouped once per change, not once per row. */
  private groups: Map<FollowUpGroup, Delegation[]> | undefined;

  private grouped(): Map<FollowUpGroup, Delegation[]> {
    this.groups ??= groupByFollowUp(this.services.delegations.all(), todayKey(this.services.clock));
    return this.groups;
  }

  getChildren(node?: DelegationsNode): DelegationsNode[] {
    if (!node) {
      const groups = this.grouped();
      return FOLLOW_UP_GROUPS.filter((g) => (groups.get(g)?.length ?? 0) > 0).map((group) => ({ kind: 'group', group }));
    }
    if (node.kind === 'group') {
      return (this.grouped().get(node.group) ?? []).map((delegation) => ({ kind: 'delegation', delegation }));
    }
    return [];
  }

  getParent(node: DelegationsNode): DelegationsNode | undefined {
    return node.kind === 'delegation' ? { kind: 'group', group: followUpGroup(node.delegation, todayKey(this.services.clock)) } : undefined;
  }

  getTreeItem(node: DelegationsNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const count = this.grouped().get(node.group)?.length ?? 0;
      const item = new vscode.TreeItem(
        GROUP_LABELS[node.group],
        node.group === 'done' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `group:${node.group}`;
      item.description = String(count);
      item.iconPath = GROUP_ICONS[node.group];
      item.contextValue = `group.${node.group}`;
      item.accessibilityInformation = { label: `${GROUP_LABELS[node.group]}, ${count} ${count === 1 ? 'delegation' : 'delegations'}` };
      return item;
    }
    const d = node.delegation;
    const today = todayKey(this.services.clock);
    const when = describeFollowUp(d, today);
    const group = followUpGroup(d, today);
    const item = new vscode.TreeItem(d.task, vscode.TreeItemCollapsibleState.None);
    item.id = `delegation:${d.id}`;
    item.description = `${d.person} · ${levelInfo(d.level).name} · ${when}`;
    item.iconPath = group === 'done' ? GROUP_ICONS.done : group === 'overdue' ? GROUP_ICONS.overdue : new vscode.ThemeIcon('circle-large-outline');
    item.contextValue = d.doneOn ? ContextValues.doneDelegation : ContextValues.openDelegation;
    item.tooltip = tooltipFor(d, when);
    item.accessibilityInformation = { label: `${d.task}, delegated to ${d.person}, level ${levelLabel(d.level)}, ${when}` };
    return item;
  }
}

/** User text goes in with appendText, so markdown in a task or a name is shown, never interpreted. */
function tooltipFor(d: Delegation, when: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(d.task);
  tooltip.appendMarkdown('\n\n---\n\n');
  tooltip.appendText(`Delegated to ${d.person} on ${d.createdOn}\n`);
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText(`Level ${levelLabel(d.level)}: ${levelInfo(d.level).meaning}`);
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText(`Follow-up ${d.followUpOn} (${when})`);
  if (d.note) {
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(`Note: ${d.note}`);
  }
  return tooltip;
}

export function registerDelegationsView(services: Services): vscode.Disposable[] {
  const provider = new DelegationsTreeProvider(services);
  const view = vscode.window.createTreeView(Views.delegations, { treeDataProvider: provider, showCollapseAll: true });
  const updateBadge = (): void => {
    const overdue = services.delegations.overdue().length;
    view.badge = overdue > 0 ? { value: overdue, tooltip: `${overdue} follow-up${overdue === 1 ? '' : 's'} overdue` } : undefined;
  };
  updateBadge();
  const trackSelection = view.onDidChangeSelection((event) => {
    const node = event.selection[0];
    services.selection.delegationId = node?.kind === 'delegation' ? node.delegation.id : undefined;
  });
  return [provider, view, trackSelection, services.delegations.onDidChange(updateBadge), services.days.onDidChangeDay(updateBadge)];
}
