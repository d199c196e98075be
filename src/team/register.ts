import * as vscode from 'vscode';
import { Commands, ContextKeys, Views } from '../ids';
import { registerCommand, runInBackground } from '../platform/commands';
import { lazyPart } from '../platform/lazy';
import { LazyTreeDataProvider } from '../platform/lazyTreeDataProvider';
import type { Services } from '../services';
import type * as TeamLazy from './lazy';
import type { TeamNode, TeamTreeProvider } from './lazy/teamTree';
import * as l10n from '../domain/core/l10n';

const lazy = lazyPart<typeof TeamLazy>(() => import('./lazy'));

type CommandName = keyof typeof TeamLazy.teamCommands;

/** Commands that only read: they work on a read-only tracker too. */
const READ_ONLY_SAFE: ReadonlySet<CommandName> = new Set(['openPerson', 'exportTeamData', 'exportTeamDataKeptAside', 'exportForeignData']);

/** Commands about the whole team, not about the person selected in the view. */
const WHOLE_TEAM: ReadonlySet<CommandName> = new Set([
  'exportTeamData',
  'importTeamData',
  'exportTeamDataKeptAside',
  'exportForeignData',
  'moveTeamData',
  'mergeTeamConflictCopies',
]);

/**
 * The Team feature: the view with its badge (people whose 1:1 is overdue), the person commands, the
 * person pages, and export and import of the team's data. The tree and the commands' code load on
 * first use.
 */
export function registerTeam(services: Services): vscode.Disposable[] {
  let showArchived = false;
  let tree: TeamTreeProvider | undefined;
  const provider = new LazyTreeDataProvider<TeamNode>(async () => {
    await services.loaded();
    tree = new (await lazy.load()).TeamTreeProvider(services, showArchived);
    return tree;
  });
  const view = vscode.window.createTreeView(Views.team, { treeDataProvider: provider, showCollapseAll: true });
  const updateBadge = (): void => {
    const due = services.team.overdueOneOnOnes().length;
    view.badge =
      due > 0 ? { value: due, tooltip: due === 1 ? l10n.t('1 person is due a 1:1') : l10n.t('{0} people are due a 1:1', due) } : undefined;
  };
  const setShowArchived = async (show: boolean): Promise<void> => {
    showArchived = show;
    tree?.setShowArchived(show);
    await vscode.commands.executeCommand('setContext', ContextKeys.showArchivedPeople, show);
  };
  const command = (id: string, title: string, name: CommandName): vscode.Disposable =>
    registerCommand(services.log, id, title, async (arg: unknown) => {
      await services.loaded();
      if (!READ_ONLY_SAFE.has(name)) {
        // With data from a newer version, say so before asking anything rather than at the end.
        services.team.refuseIfReadOnly();
      }
      // A command run on the row that is selected (a keybinding) gets that row's person.
      const person = WHOLE_TEAM.has(name) ? undefined : view.selection.find((node) => node.kind === 'person');
      return (await lazy.load()).teamCommands[name](services, arg ?? person);
    });
  runInBackground(services.log, l10n.t('Set the Team view context'), () =>
    vscode.commands.executeCommand('setContext', ContextKeys.showArchivedPeople, false),
  );
  return [
    provider,
    view,
    services.whenLoaded(updateBadge, ({ team }) => [team.onDidChange, services.days.onDidChangeDay]),
    // Only once team/lazy loaded can a person page be open.
    { dispose: () => lazy.loaded?.disposePersonPanels() },
    command(Commands.addPerson, l10n.t('Add Person'), 'addPerson'),
    command(Commands.logOneOnOne, l10n.t('Log 1:1'), 'logOneOnOne'),
    command(Commands.logFeedback, l10n.t('Log Feedback'), 'logFeedback'),
    command(Commands.logMoment, l10n.t('Log Moment'), 'logMoment'),
    command(Commands.openPerson, l10n.t('Open Person'), 'openPerson'),
    command(Commands.renamePerson, l10n.t('Rename Person'), 'renamePerson'),
    command(Commands.setCadence, l10n.t('Change 1:1 Cadence'), 'setCadence'),
    command(Commands.archivePerson, l10n.t('Archive Person'), 'archivePerson'),
    command(Commands.restorePerson, l10n.t('Restore Person'), 'restorePerson'),
    command(Commands.deletePerson, l10n.t('Delete Person'), 'deletePerson'),
    command(Commands.deleteOneOnOne, l10n.t('Delete 1:1'), 'deleteOneOnOne'),
    command(Commands.deleteFeedback, l10n.t('Delete Feedback Entry'), 'deleteFeedback'),
    command(Commands.deleteMoment, l10n.t('Delete Moment'), 'deleteMoment'),
    command(Commands.exportTeamData, l10n.t('Export Team Data'), 'exportTeamData'),
    command(Commands.importTeamData, l10n.t('Import Team Data'), 'importTeamData'),
    command(Commands.exportTeamDataKeptAside, l10n.t('Export Team Data Kept Aside'), 'exportTeamDataKeptAside'),
    command(Commands.exportForeignData, l10n.t('Export Team Data Found in Storage'), 'exportForeignData'),
    command(Commands.moveTeamData, l10n.t('Move Team Data'), 'moveTeamData'),
    command(Commands.mergeTeamConflictCopies, l10n.t('Merge Team Conflict Copies'), 'mergeTeamConflictCopies'),
    registerCommand(services.log, Commands.showArchivedPeople, l10n.t('Show Archived People'), () => setShowArchived(true)),
    registerCommand(services.log, Commands.hideArchivedPeople, l10n.t('Hide Archived People'), () => setShowArchived(false)),
  ];
}
