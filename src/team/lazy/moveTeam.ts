import * as vscode from 'vscode';
import { inert } from '../../domain/core/inertText';
import { MERGED_SUFFIX } from '../../domain/team/storage/folder';
import { StoreRefusal } from '../../domain/team/store/change';
import { describeImport } from '../../domain/team/store/import';
import { moveTeam, type Arrival } from '../../domain/team/store/move';
import type { KeptAsideRecord } from '../../domain/team/store/store';
import { settingId, Settings } from '../../ids';
import type { Services } from '../../services';
import { readTeamLocation, type TeamLocationKind, type TeamLocationSetting } from '../../settings';
import { confirmTeamChange } from '../../teamUndo';
import { folderRefusal, folderUriOf, movedAway, type TeamPlace } from '../../teamLocation';
import * as l10n from '../../domain/core/l10n';

interface Destination extends vscode.QuickPickItem {
  readonly place: TeamLocationKind | 'bringWorkspace';
}

/**
 * "Move Team Data…": the lead picks where the team goes (this workspace, every window, a folder);
 * everything is written there and read back (domain/team/store/move.ts), then the setting switches
 * and the old copy is marked moved and kept. With the team kept for every window or in a folder,
 * a workspace that has a team of its own can bring it in (merged with the import rules).
 */
export async function moveTeamData(services: Services, arg?: unknown): Promise<void> {
  const locations = services.teamLocations;
  const here = locations.current;
  if (arg === 'bringWorkspace' && here.kind !== 'workspace') {
    await bringWorkspaceTeam(services);
    return;
  }
  const items: Destination[] = (
    [
      {
        place: 'workspace',
        label: l10n.t('This workspace'),
        detail: l10n.t('A team of its own for this workspace, kept in its storage (the default).'),
      },
      {
        place: 'user',
        label: l10n.t('Every window'),
        detail: l10n.t("One team in every window, kept in the extension's storage for your user on this machine."),
      },
      {
        place: 'folder',
        label: l10n.t('A folder you choose…'),
        detail: l10n.t(
          'Plain JSON files in a private folder (a synced folder, a private notes repository), so the team follows you to other machines.',
        ),
      },
    ] satisfies Destination[]
  ).filter((item) => item.place !== here.kind || item.place === 'folder');
  if (here.kind !== 'workspace') {
    items.push({
      place: 'bringWorkspace',
      label: l10n.t("Bring this workspace's own team here"),
      detail: l10n.t('Merges the team this workspace kept before into {0} (people matched by name), and marks it moved.', here.label),
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: l10n.t('Move Team Data'),
    placeHolder: l10n.t('The team is kept in {0}. Move it to…', here.label),
  });
  if (!picked) {
    return;
  }
  if (picked.place === 'bringWorkspace') {
    await bringWorkspaceTeam(services);
    return;
  }
  let setting: TeamLocationSetting = { kind: picked.place, folder: undefined };
  if (picked.place === 'folder') {
    const chosen = await vscode.window.showOpenDialog({
      title: l10n.t('Move Team Data: the folder to keep the team in'),
      openLabel: l10n.t('Keep the Team Here'),
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
    });
    const folder = chosen?.[0];
    if (!folder) {
      return;
    }
    const refused = await folderRefusal(folder);
    if (refused !== undefined) {
      throw new StoreRefusal(l10n.t('The team was not moved: {0}', refused));
    }
    setting = { kind: 'folder', folder: folder.scheme === 'file' ? folder.fsPath : folder.toString() };
    if (here.folder !== undefined && here.folder.location.toString() === folderUriOf(setting.folder)?.toString()) {
      void vscode.window.showInformationMessage(inert(l10n.t('The team is already kept in {0}.', here.label)));
      return;
    }
  }
  const destination = await locations.open(setting);
  if (destination.refused !== undefined) {
    throw new StoreRefusal(l10n.t('The team was not moved: {0}', destination.refused));
  }
  const movedHere = (await locations.movedMarker(destination)) !== undefined;
  const result = await moveTeam(
    services.team,
    {
      openDestination: () => locations.load(destination),
      switchLocation: async () => {
        if (movedHere) {
          await locations.clearMoved(destination);
        }
        // From here on this window writes nothing where the team was; changes asked for during the move are refused with why.
        services.team.lock(
          l10n.t('The team was moved to {0}: reload the window to use it there. Nothing more is written here.', destination.label),
        );
        await switchSetting(setting);
      },
      markMoved: () => locations.markMoved(here, destination.label),
    },
    (there) => askArrival(destination, there),
    { movedHere },
  );
  if (!result) {
    return;
  }
  const how =
    result.how === 'merge' && result.imported
      ? l10n.t('The team was merged into the team kept in {0} ({1}).', destination.label, describeImport(result.imported))
      : l10n.t('The team was moved to {0}.', destination.label);
  const reload = l10n.t('Reload Window');
  const choice = await vscode.window.showInformationMessage(
    inert(
      l10n.t(
        '{0} The copy in {1} is kept as it was, marked moved: remove it when you no longer need it. Reload the window to use the team where it is now.',
        how,
        here.label,
      ),
    ),
    reload,
  );
  if (choice === reload) {
    await vscode.commands.executeCommand('workbench.action.reloadWindow');
  }
}

/** Brings the team this workspace kept before (in workspace state) into the team kept for every window or in a folder. */
async function bringWorkspaceTeam(services: Services): Promise<void> {
  const locations = services.teamLocations;
  const workspace = await locations.open({ kind: 'workspace', folder: undefined });
  const marker = await locations.movedMarker(workspace);
  if (marker !== undefined) {
    throw new StoreRefusal(movedAway(marker));
  }
  const source = await locations.load(workspace);
  try {
    const data = source.snapshot();
    if (data.people.length === 0) {
      void vscode.window.showInformationMessage(l10n.t('This workspace keeps no team of its own: there is nothing to bring.'));
      return;
    }
    const result = await moveTeam(
      source,
      {
        openDestination: () => locations.load(locations.current),
        switchLocation: () => Promise.resolve(),
        markMoved: () => locations.markMoved(workspace, locations.current.label),
      },
      () => Promise.resolve('merge'),
      { switchSetting: false },
    );
    await services.team.followOthers();
    if (result?.imported) {
      void vscode.window.showInformationMessage(
        inert(
          l10n.t(
            "This workspace's own team was merged into {0}: {1}. Its copy in the workspace is kept as it was, marked moved.",
            locations.current.label,
            describeImport(result.imported),
          ),
        ),
      );
    }
  } finally {
    source.dispose();
  }
}

async function askArrival(
  destination: TeamPlace,
  there: { readonly people: number; readonly records: number; readonly movedHere: boolean },
): Promise<Arrival | undefined> {
  const merge = l10n.t('Merge');
  const replace = l10n.t('Replace It');
  const message = there.movedHere
    ? l10n.t(
        'The place you chose, {0}, holds an old copy of a team that was moved from there (people: {1}; records in all: {2}). Replace it with this team, or merge the two (people matched by name)?',
        destination.label,
        there.people,
        there.records,
      )
    : l10n.t(
        'The place you chose, {0}, already holds a team (people: {1}; records in all: {2}). Merge this team into it? People are matched by name, and records by id, as Import Team Data does.',
        destination.label,
        there.people,
        there.records,
      );
  const choice = await vscode.window.showWarningMessage(inert(message), { modal: true }, ...(there.movedHere ? [replace, merge] : [merge]));
  return choice === merge ? 'merge' : choice === replace ? 'replace' : undefined;
}

/** Points the setting at the destination: where the lead set it (the workspace's settings when it says where this workspace's team is, else the user's). */
async function switchSetting(setting: TeamLocationSetting): Promise<void> {
  const config = vscode.workspace.getConfiguration();
  const location = config.inspect(settingId(Settings.teamLocation));
  const target = location?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  if (setting.kind === 'folder') {
    // A path is per machine: the folder goes into the user's settings of this machine.
    await config.update(settingId(Settings.teamFolder), setting.folder, vscode.ConfigurationTarget.Global);
  }
  await config.update(settingId(Settings.teamLocation), setting.kind, target);
  const now = readTeamLocation();
  if (now.kind !== setting.kind) {
    throw new Error(l10n.t('The setting {0} did not change (another settings scope sets it).', settingId(Settings.teamLocation)));
  }
}

/** "Merge Team Conflict Copies…": brings in the records of each copy a sync tool left, by import, then renames the copy `….merged` (kept, no longer offered). */
export async function mergeTeamConflictCopies(services: Services): Promise<void> {
  const folder = services.teamLocations.current.folder;
  const copies = services.team.conflictCopies();
  if (folder === undefined || copies.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('There are no conflict copies of the team to merge.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    copies.map((name) => ({ label: name, picked: true })),
    { title: l10n.t('Merge Team Conflict Copies'), placeHolder: l10n.t('The copies to merge into the team'), canPickMany: true },
  );
  for (const { label: name } of picked ?? []) {
    if (/^kept-aside/i.test(name)) {
      const text = await folder.read(name);
      let list: unknown;
      try {
        list = JSON.parse(text ?? '');
      } catch {
        list = undefined;
      }
      if (!Array.isArray(list)) {
        throw new StoreRefusal(l10n.t('{0} is not a copy of the team that this version can read. It was left as it is.', name));
      }
      await services.team.addKeptAside(list as KeptAsideRecord[]);
    } else {
      const result = await services.team.importMerge(await services.team.readConflictCopy(name));
      if (result.added + result.updated > 0) {
        confirmTeamChange(services, l10n.t('Merged {0}: {1}.', name, describeImport(result)), result.undo);
      }
    }
    await folder.claim(name, `${name}${MERGED_SUFFIX}`);
  }
  await services.team.followOthers();
}
