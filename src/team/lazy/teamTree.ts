import * as vscode from 'vscode';
import { formatDay, todayKey, type DateKey } from '../../domain/core/dates';
import { compareByFollowUp, describeFollowUp, isDone, isOverdue, type Delegation } from '../../domain/team/delegations';
import { compareDays, compareText } from '../../domain/core/compare';
import { treeId } from '../../domain/team/delegationGroups';
import { levelInfo } from '../../domain/team/delegationLevels';
import { inert, inertMarkdown } from '../../domain/core/inertText';
import {
  describeLastOneOnOne,
  describeMood,
  describeNextOneOnOne,
  isOneOnOneOverdue,
  lastOneOnOne,
  TOPIC_LABELS,
  type OneOnOne,
} from '../../domain/team/oneOnOnes';
import { type Feedback } from '../../domain/team/feedback';
import { describeMoment, type Moment } from '../../domain/team/moments';
import { type Person } from '../../domain/team/people';
import { Commands, ContextValues } from '../../ids';
import { Disposable } from '../../platform/disposable';
import type { Services } from '../../services';
import * as l10n from '../../domain/core/l10n';
import type { IslandView } from '../../domain/signals/delegationSignals';

/** Recent 1:1s and feedback entries listed under a person; the person page has them all. */
const RECENT = 3;

export type TeamNode =
  | { readonly kind: 'person'; readonly person: Person }
  | { readonly kind: 'delegation'; readonly personId: string; readonly delegation: Delegation }
  | { readonly kind: 'oneOnOne'; readonly personId: string; readonly meeting: OneOnOne }
  | { readonly kind: 'feedback'; readonly personId: string; readonly entry: Feedback }
  /** A moment with a person (under them), or with the team (under "The team"). */
  | { readonly kind: 'moment'; readonly personId?: string; readonly moment: Moment }
  | { readonly kind: 'teamMoments' }
  /** Code one person knows (the repository signals, when on): for the lead only, never a fault of theirs. */
  | { readonly kind: 'islands' }
  | { readonly kind: 'island'; readonly island: IslandView };

/** Newest day first. */
const newestFirst = (a: { readonly on: DateKey }, b: { readonly on: DateKey }): number => compareDays(b.on, a.on);

/** Moments with the team listed under "The team"; the weekly review counts them all. */
const RECENT_TEAM_MOMENTS = 10;

interface PersonFacts {
  readonly last: OneOnOne | undefined;
  readonly open: Delegation[];
  readonly overdue: number;
  readonly meetings: OneOnOne[];
  readonly feedback: Feedback[];
  readonly moments: Moment[];
}

/**
 * The Team view: one row per person with their 1:1 rhythm and open work in words; expanding a
 * person lists their open delegations, recent 1:1s and feedback. Facts are computed once per change.
 */
export class TeamTreeProvider extends Disposable implements vscode.TreeDataProvider<TeamNode> {
  private readonly changed = this.register(new vscode.EventEmitter<TeamNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private facts: Map<string, PersonFacts> | undefined;

  constructor(
    private readonly services: Services,
    private showArchived: boolean,
  ) {
    super();
    const refresh = (): void => this.refresh();
    this.register(services.team.onDidChange(refresh));
    this.register(services.days.onDidChangeDay(refresh));
    this.register(services.signals.onDidChange(refresh));
  }

  setShowArchived(show: boolean): void {
    this.showArchived = show;
    this.refresh();
  }

  private refresh(): void {
    this.facts = undefined;
    this.changed.fire(undefined);
  }

  private today(): DateKey {
    return todayKey(this.services.clock);
  }

  private factsOf(personId: string): PersonFacts {
    if (!this.facts) {
      const facts = new Map<
        string,
        { open: Delegation[]; overdue: number; meetings: OneOnOne[]; feedback: Feedback[]; moments: Moment[] }
      >();
      const entry = (id: string) => {
        let f = facts.get(id);
        if (!f) {
          f = { open: [], overdue: 0, meetings: [], feedback: [], moments: [] };
          facts.set(id, f);
        }
        return f;
      };
      const today = this.today();
      for (const d of this.services.team.delegations()) {
        if (!isDone(d)) {
          const f = entry(d.personId);
          f.open.push(d);
          f.overdue += isOverdue(d, today, this.services.moving) ? 1 : 0;
        }
      }
      for (const m of this.services.team.oneOnOnes()) {
        entry(m.personId).meetings.push(m);
      }
      for (const f of this.services.team.feedback()) {
        entry(f.personId).feedback.push(f);
      }
      for (const m of this.services.team.moments()) {
        // Moments with the team are kept under the empty id: "The team" row.
        entry(m.personId ?? '').moments.push(m);
      }
      this.facts = new Map(
        [...facts].map(([id, f]) => [
          id,
          {
            ...f,
            open: f.open.sort(compareByFollowUp),
            meetings: f.meetings.sort(newestFirst),
            feedback: f.feedback.sort(newestFirst),
            moments: f.moments.sort(newestFirst),
            last: lastOneOnOne(f.meetings, id),
          },
        ]),
      );
    }
    return this.facts.get(personId) ?? { last: undefined, open: [], overdue: 0, meetings: [], feedback: [], moments: [] };
  }

  getChildren(node?: TeamNode): TeamNode[] {
    if (!node) {
      const today = this.today();
      return (
        this.services.team
          .people()
          .filter((p) => this.showArchived || !p.archived)
          .map((person) => ({ person, overdue: isOneOnOneOverdue(person, this.factsOf(person.id).last, today) }))
          // Archived last, then whoever is overdue for a 1:1, then by name.
          .sort(
            (a, b) =>
              Number(a.person.archived === true) - Number(b.person.archived === true) ||
              Number(b.overdue) - Number(a.overdue) ||
              compareText(a.person.name, b.person.name),
          )
          .map(({ person }): TeamNode => ({ kind: 'person', person }))
          .concat(this.factsOf('').moments.length > 0 ? [{ kind: 'teamMoments' }] : [])
          .concat(this.islands().length > 0 ? [{ kind: 'islands' }] : [])
      );
    }
    if (node.kind === 'islands') {
      return this.islands().map((island): TeamNode => ({ kind: 'island', island }));
    }
    if (node.kind === 'teamMoments') {
      return this.factsOf('')
        .moments.slice(0, RECENT_TEAM_MOMENTS)
        .map((moment): TeamNode => ({ kind: 'moment', moment }));
    }
    if (node.kind !== 'person') {
      return [];
    }
    const facts = this.factsOf(node.person.id);
    return [
      ...facts.open.map((delegation): TeamNode => ({ kind: 'delegation', personId: node.person.id, delegation })),
      ...facts.meetings.slice(0, RECENT).map((meeting): TeamNode => ({ kind: 'oneOnOne', personId: node.person.id, meeting })),
      ...facts.feedback.slice(0, RECENT).map((entry): TeamNode => ({ kind: 'feedback', personId: node.person.id, entry })),
      ...facts.moments.slice(0, RECENT).map((moment): TeamNode => ({ kind: 'moment', personId: node.person.id, moment })),
    ];
  }

  getParent(node: TeamNode): TeamNode | undefined {
    if (node.kind === 'person' || node.kind === 'teamMoments' || node.kind === 'islands') {
      return undefined;
    }
    if (node.kind === 'island') {
      return { kind: 'islands' };
    }
    if (node.personId === undefined) {
      return { kind: 'teamMoments' };
    }
    const person = this.services.team.person(node.personId);
    return person ? { kind: 'person', person } : undefined;
  }

  getTreeItem(node: TeamNode): vscode.TreeItem {
    const today = this.today();
    switch (node.kind) {
      case 'person':
        return this.personItem(node.person, today);
      case 'delegation': {
        const d = node.delegation;
        const when = describeFollowUp(d, today);
        const item = new vscode.TreeItem(inert(d.task), vscode.TreeItemCollapsibleState.None);
        item.id = treeId('team', node.personId, 'delegation', d.id);
        item.description = `${levelInfo(d.level).name} · ${when}`;
        item.iconPath = isOverdue(d, today, this.services.moving)
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('circle-large-outline');
        item.contextValue = ContextValues.openDelegation;
        item.accessibilityInformation = { label: l10n.t('Delegated: {0}, {1}', d.task, when) };
        return item;
      }
      case 'oneOnOne': {
        const m = node.meeting;
        const item = new vscode.TreeItem(l10n.t('1:1 {0}', formatDay(m.on, today)), vscode.TreeItemCollapsibleState.None);
        item.id = treeId('team', node.personId, 'oneOnOne', m.id);
        const topics = m.topics.map((t) => TOPIC_LABELS[t]).join(', ');
        item.description = [m.mood === undefined ? undefined : describeMood(m.mood), topics || undefined].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('comment-discussion');
        item.contextValue = ContextValues.oneOnOne;
        // Notes are private: not in a tooltip anyone looking over a shoulder could trigger; the person page shows them.
        const description = item.description;
        const tip = description
          ? m.notes
            ? l10n.t('1:1 on {0} ({1}). Notes on the person page.', m.on, description)
            : l10n.t('1:1 on {0} ({1})', m.on, description)
          : m.notes
            ? l10n.t('1:1 on {0}. Notes on the person page.', m.on)
            : l10n.t('1:1 on {0}', m.on);
        item.tooltip = new vscode.MarkdownString(inertMarkdown(tip));
        item.command = { command: Commands.openPerson, title: l10n.t('Open Person'), arguments: [node.personId] };
        item.accessibilityInformation = {
          label: description
            ? l10n.t('1:1 on {0}, {1}', formatDay(m.on, today), description)
            : l10n.t('1:1 on {0}', formatDay(m.on, today)),
        };
        return item;
      }
      case 'feedback': {
        const f = node.entry;
        const label =
          f.kind === 'given' ? l10n.t('Feedback given {0}', formatDay(f.on, today)) : l10n.t('Feedback asked {0}', formatDay(f.on, today));
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.id = treeId('team', node.personId, 'feedback', f.id);
        item.description = inert(f.kind === 'given' ? f.behaviour : f.said);
        item.iconPath = new vscode.ThemeIcon(f.kind === 'given' ? 'megaphone' : 'feedback');
        item.contextValue = ContextValues.feedbackEntry;
        const tooltip = new vscode.MarkdownString();
        const lines =
          f.kind === 'given'
            ? [l10n.t('Situation: {0}', f.situation), l10n.t('Behavior: {0}', f.behaviour), l10n.t('Impact: {0}', f.impact)]
            : [l10n.t('They said: {0}', f.said), l10n.t('I will change: {0}', f.change)];
        lines.forEach((line) => tooltip.appendMarkdown(`${inertMarkdown(line)}\n\n`));
        item.tooltip = tooltip;
        item.command = { command: Commands.openPerson, title: l10n.t('Open Person'), arguments: [node.personId] };
        item.accessibilityInformation = { label: l10n.t('{0}: {1}', label, lines.join('. ')) };
        return item;
      }
      case 'teamMoments': {
        const count = this.factsOf('').moments.length;
        const item = new vscode.TreeItem(l10n.t('The team'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = treeId('team', 'moments');
        item.description = count === 1 ? l10n.t('1 moment with the team') : l10n.t('{0} moments with the team', count);
        item.iconPath = new vscode.ThemeIcon('organization');
        item.contextValue = ContextValues.teamMoments;
        item.accessibilityInformation = { label: l10n.t('The team: {0}', item.description) };
        return item;
      }
      case 'moment':
        return this.momentItem(node, today);
      case 'islands': {
        const count = this.islands().length;
        const item = new vscode.TreeItem(l10n.t('Knowledge to share'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = treeId('team', 'islands');
        item.description = count === 1 ? l10n.t('1 folder one person knows') : l10n.t('{0} folders one person knows', count);
        item.iconPath = new vscode.ThemeIcon('lightbulb');
        item.contextValue = ContextValues.knowledgeIslands;
        item.tooltip = new vscode.MarkdownString(
          inertMarkdown(
            l10n.t(
              'From the repository signals, for you only: folders where one person made nearly all the changes in the last 6 months. Spreading what they know protects them too.',
            ),
          ),
        );
        item.accessibilityInformation = { label: l10n.t('Knowledge to share: {0}', item.description) };
        return item;
      }
      case 'island':
        return this.islandItem(node.island);
    }
  }

  /** The knowledge islands, while the repository signals are on; people no longer in the team left out. */
  private islands(): readonly IslandView[] {
    return this.services.signals.current?.knowledgeIslands((id) => this.services.team.person(id)?.name) ?? [];
  }

  private islandItem(island: IslandView): vscode.TreeItem {
    const item = new vscode.TreeItem(island.folder, vscode.TreeItemCollapsibleState.None);
    item.id = treeId('team', 'island', island.folder, island.holder.kind === 'lead' ? '' : island.holder.personId);
    const holder = island.holder.kind === 'lead' ? l10n.t('you') : this.services.team.nameOf(island.holder.personId);
    item.description = inert(holder);
    item.iconPath = new vscode.ThemeIcon('folder');
    item.contextValue = ContextValues.knowledgeIsland;
    const tooltip = new vscode.MarkdownString();
    for (const line of [island.text, island.lesson, island.question]) {
      tooltip.appendMarkdown(`${inertMarkdown(line)}\n\n`);
    }
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: inert(l10n.t('{0}, known mostly by {1}. {2}', island.folder, holder, island.question)) };
    return item;
  }

  private momentItem(node: { readonly personId?: string; readonly moment: Moment }, today: DateKey): vscode.TreeItem {
    const m = node.moment;
    const label =
      m.action === 'biggerPicture' ? l10n.t('Bigger picture {0}', formatDay(m.on, today)) : l10n.t('Modeled {0}', formatDay(m.on, today));
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = treeId('team', node.personId ?? 'moments', 'moment', m.id);
    const words = describeMoment(m, (id) => this.services.team.nameOf(id));
    item.description = inert(words);
    item.iconPath = new vscode.ThemeIcon(m.action === 'biggerPicture' ? 'telescope' : 'mirror');
    item.contextValue = node.personId === undefined ? ContextValues.teamMoment : ContextValues.personMoment;
    item.tooltip = new vscode.MarkdownString(inertMarkdown(l10n.t('{0}. {1}', m.on, words)));
    if (node.personId !== undefined) {
      item.command = { command: Commands.openPerson, title: l10n.t('Open Person'), arguments: [node.personId] };
    }
    item.accessibilityInformation = { label: l10n.t('{0}: {1}', label, words) };
    return item;
  }

  private personItem(person: Person, today: DateKey): vscode.TreeItem {
    const facts = this.factsOf(person.id);
    const hasChildren = facts.open.length + facts.meetings.length + facts.feedback.length + facts.moments.length > 0;
    const item = new vscode.TreeItem(
      inert(person.name),
      hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = treeId('team', person.id);
    const overdue = isOneOnOneOverdue(person, facts.last, today);
    const parts = [
      describeLastOneOnOne(facts.last, today),
      ...(overdue ? [describeNextOneOnOne(person, facts.last, today)] : []),
      ...(facts.open.length > 0 ? [l10n.t('{0} open', facts.open.length)] : []),
      ...(facts.overdue > 0 ? [facts.overdue === 1 ? l10n.t('1 follow-up overdue') : l10n.t('{0} follow-ups overdue', facts.overdue)] : []),
      ...(person.archived ? [l10n.t('archived')] : []),
    ];
    item.description = parts.join(' · ');
    item.iconPath = person.archived
      ? new vscode.ThemeIcon('archive')
      : overdue || facts.overdue > 0
        ? new vscode.ThemeIcon('account', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon('person');
    item.contextValue = person.archived ? ContextValues.archivedTeamMember : ContextValues.activeTeamMember;
    const tooltip = new vscode.MarkdownString();
    const rhythm = l10n.t(
      '{0}; {1} (every {2} days)',
      describeLastOneOnOne(facts.last, today),
      describeNextOneOnOne(person, facts.last, today),
      person.cadenceDays,
    );
    const work =
      facts.open.length === 1
        ? l10n.t('1 open delegation, {0} overdue', facts.overdue)
        : l10n.t('{0} open delegations, {1} overdue', facts.open.length, facts.overdue);
    for (const line of [person.name, ...(person.role ? [person.role] : []), rhythm, work]) {
      tooltip.appendMarkdown(`${inertMarkdown(line)}\n\n`);
    }
    item.tooltip = tooltip;
    item.accessibilityInformation = {
      label: person.role
        ? l10n.t('{0}, {1}: {2}', person.name, person.role, parts.join(', '))
        : l10n.t('{0}: {1}', person.name, parts.join(', ')),
    };
    return item;
  }
}
