import * as vscode from 'vscode';
import { todayKey } from '../../domain/core/dates';
import {
  describeCodeLink,
  describeFollowUp,
  FOLLOW_UP_GROUPS,
  followUpGroup,
  type Delegation,
  type FollowUpGroup,
} from '../../domain/team/delegations';
import { groupByFollowUp, treeId, type GroupBy } from '../../domain/team/delegationGroups';
import { levelInfo, levelLabel } from '../../domain/team/delegationLevels';
import { describeEvent } from '../../domain/team/delegationHistory';
import { inert, inertMarkdown } from '../../domain/core/inertText';
import { summarisePeople, type PersonSummary } from '../../domain/team/byPerson';
import { ContextValues } from '../../ids';
import { Disposable } from '../../platform/disposable';
import type { Services } from '../../services';
import * as l10n from '../../domain/core/l10n';
import type { FollowThroughView } from '../../domain/signals/delegationSignals';

export type DelegationsNode =
  | { readonly kind: 'group'; readonly group: FollowUpGroup }
  | { readonly kind: 'person'; readonly person: PersonSummary }
  | { readonly kind: 'delegation'; readonly delegation: Delegation; readonly under: 'group' | 'person' };

export type { GroupBy } from '../../domain/team/delegationGroups';

function groupLabel(group: FollowUpGroup): string {
  switch (group) {
    case 'overdue':
      return l10n.t('Overdue');
    case 'moving':
      return l10n.t('Moving');
    case 'thisWeek':
      return l10n.t('Due this week');
    case 'later':
      return l10n.t('Later');
    case 'done':
      return l10n.t('Done');
  }
}

const GROUP_ICONS: Record<FollowUpGroup, vscode.ThemeIcon> = {
  overdue: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  moving: new vscode.ThemeIcon('pulse'),
  thisWeek: new vscode.ThemeIcon('calendar'),
  later: new vscode.ThemeIcon('clock'),
  done: new vscode.ThemeIcon('pass'),
};

/** History lines shown in a delegation's tooltip: the most recent ones. */
const HISTORY_IN_TOOLTIP = 8;

/**
 * The Delegations tree, grouped by follow-up (Overdue, Due this week, Later, Done collapsed) or by
 * person (busiest first, with counts). Grouping is computed once per change, not once per row.
 */
export class DelegationsTreeProvider extends Disposable implements vscode.TreeDataProvider<DelegationsNode> {
  private readonly changed = this.register(new vscode.EventEmitter<DelegationsNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private byGroup: Map<FollowUpGroup, Delegation[]> | undefined;
  private byPerson: PersonSummary[] | undefined;

  constructor(
    private readonly services: Services,
    private groupBy: GroupBy,
  ) {
    super();
    const refresh = (): void => this.refresh();
    this.register(services.team.onDidChange(refresh));
    this.register(services.days.onDidChangeDay(refresh));
    this.register(services.signals.onDidChange(refresh));
  }

  setGrouping(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    this.refresh();
  }

  private refresh(): void {
    this.byGroup = undefined;
    this.byPerson = undefined;
    this.changed.fire(undefined);
  }

  private today() {
    return todayKey(this.services.clock);
  }

  private groups(): Map<FollowUpGroup, Delegation[]> {
    this.byGroup ??= groupByFollowUp(this.services.team.delegations(), this.today(), this.services.moving);
    return this.byGroup;
  }

  private people(): PersonSummary[] {
    this.byPerson ??= summarisePeople(
      this.services.team.delegations(),
      this.today(),
      (id) => this.services.team.nameOf(id),
      this.services.moving,
    );
    return this.byPerson;
  }

  getChildren(node?: DelegationsNode): DelegationsNode[] {
    if (!node) {
      if (this.groupBy === 'person') {
        return this.people().map((person) => ({ kind: 'person', person }));
      }
      const groups = this.groups();
      return FOLLOW_UP_GROUPS.filter((g) => (groups.get(g)?.length ?? 0) > 0).map((group) => ({ kind: 'group', group }));
    }
    if (node.kind === 'group') {
      return (this.groups().get(node.group) ?? []).map((delegation) => ({ kind: 'delegation', delegation, under: 'group' }));
    }
    if (node.kind === 'person') {
      return node.person.delegations.map((delegation) => ({ kind: 'delegation', delegation, under: 'person' }));
    }
    return [];
  }

  getParent(node: DelegationsNode): DelegationsNode | undefined {
    if (node.kind !== 'delegation') {
      return undefined;
    }
    if (node.under === 'person') {
      const person = this.people().find((p) => p.personId === node.delegation.personId);
      return person ? { kind: 'person', person } : undefined;
    }
    return { kind: 'group', group: followUpGroup(node.delegation, this.today(), this.services.moving) };
  }

  getTreeItem(node: DelegationsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group':
        return this.groupItem(node.group);
      case 'person':
        return personItem(node.person);
      case 'delegation':
        return this.delegationItem(node.delegation, node.under);
    }
  }

  private groupItem(group: FollowUpGroup): vscode.TreeItem {
    const count = this.groups().get(group)?.length ?? 0;
    const item = new vscode.TreeItem(
      groupLabel(group),
      group === 'done' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = treeId('group', group);
    item.description = String(count);
    item.iconPath = GROUP_ICONS[group];
    item.contextValue = `group.${group}`;
    item.accessibilityInformation = {
      label: count === 1 ? l10n.t('{0}, 1 delegation', groupLabel(group)) : l10n.t('{0}, {1} delegations', groupLabel(group), count),
    };
    return item;
  }

  private delegationItem(d: Delegation, under: 'group' | 'person'): vscode.TreeItem {
    const today = this.today();
    const name = this.services.team.nameOf(d.personId);
    // What moved in the code it points at, while the repository signals are on (cached per delegation there).
    const code = d.doneOn === undefined ? this.services.signals.current?.followThrough(d, name) : undefined;
    const group = followUpGroup(d, today, this.services.moving);
    // A passed follow-up whose work moves says so instead of "3 days overdue".
    const when = group === 'moving' && code?.moving !== undefined ? code.moving : describeFollowUp(d, today);
    const item = new vscode.TreeItem(inert(d.task), vscode.TreeItemCollapsibleState.None);
    item.id = treeId(under, 'delegation', d.id);
    // Under a person the name would repeat, so the row shows the level and the date only.
    item.description =
      under === 'person' ? `${levelInfo(d.level).name} · ${when}` : inert(`${name} · ${levelInfo(d.level).name} · ${when}`);
    item.iconPath =
      group === 'done'
        ? GROUP_ICONS.done
        : group === 'overdue'
          ? GROUP_ICONS.overdue
          : group === 'moving'
            ? GROUP_ICONS.moving
            : new vscode.ThemeIcon('circle-large-outline');
    item.contextValue = d.doneOn ? ContextValues.doneDelegation : ContextValues.openDelegation;
    item.tooltip = tooltipFor(d, name, describeFollowUp(d, today), today, code);
    item.accessibilityInformation = {
      label: l10n.t('{0}, delegated to {1}, level {2}, {3}', d.task, name, levelLabel(d.level), when),
    };
    return item;
  }
}

function personItem(person: PersonSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(inert(person.person), vscode.TreeItemCollapsibleState.Expanded);
  item.id = treeId('person', person.personId);
  const parts = [
    l10n.t('{0} active', person.active),
    ...(person.overdue > 0 ? [l10n.t('{0} overdue', person.overdue)] : []),
    ...(person.done > 0 ? [l10n.t('{0} done', person.done)] : []),
  ];
  item.description = parts.join(' · ');
  item.iconPath = new vscode.ThemeIcon(
    person.overdue > 0 ? 'account' : 'person',
    person.overdue > 0 ? new vscode.ThemeColor('list.warningForeground') : undefined,
  );
  item.contextValue = ContextValues.person;
  item.accessibilityInformation = { label: `${person.person}, ${parts.join(', ')}` };
  return item;
}

/** User text goes in through inertMarkdown, so markdown in a task or a name is shown, never interpreted. */
function tooltipFor(
  d: Delegation,
  name: string,
  when: string,
  today: ReturnType<typeof todayKey>,
  code: FollowThroughView | undefined,
): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  const paragraph = (text: string): void => {
    tooltip.appendMarkdown(`${inertMarkdown(text)}\n\n`);
  };
  paragraph(d.task);
  paragraph(l10n.t('Delegated to {0} on {1}', name, d.createdOn));
  paragraph(l10n.t('Level {0}: {1}', levelLabel(d.level), levelInfo(d.level).meaning));
  paragraph(l10n.t('Follow-up {0} ({1})', d.followUpOn, when));
  if (d.note) {
    paragraph(l10n.t('Note: {0}', d.note));
  }
  if (d.code) {
    paragraph(l10n.t('Code: {0}', describeCodeLink(d.code)));
  }
  if (code !== undefined) {
    tooltip.appendMarkdown(`**${inertMarkdown(l10n.t('In the code'))}**\n\n`);
    for (const line of [code.moving, code.line, code.sinceCheckIn, ...code.takenBack, code.question]) {
      if (line !== undefined) {
        paragraph(line);
      }
    }
  }
  const history = d.history.slice(-HISTORY_IN_TOOLTIP).reverse();
  if (history.length > 0) {
    tooltip.appendMarkdown(`**${inertMarkdown(l10n.t('History'))}**\n\n`);
    for (const event of history) {
      tooltip.appendMarkdown(`- ${inertMarkdown(describeEvent(event, today))}\n`);
    }
    if (d.history.length > HISTORY_IN_TOOLTIP) {
      tooltip.appendMarkdown(inertMarkdown(l10n.t('({0} earlier events in Export Team Data)', d.history.length - HISTORY_IN_TOOLTIP)));
    }
  }
  return tooltip;
}
