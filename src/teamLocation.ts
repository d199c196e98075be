import * as vscode from 'vscode';
import type { Clock } from './domain/core/dates';
import { todayKey } from './domain/core/dates';
import { inert } from './domain/core/inertText';
import type { StateStorage } from './domain/core/storage';
import { StateChunkFiles, type ChunkFiles, type IndexCell } from './domain/team/storage/files';
import { FOLDER_README, FolderIndexCell, MOVED_FILE } from './domain/team/storage/folder';
import type { TeamStore, TeamStoreKeys } from './domain/team/store/store';
import { Commands, settingId, Settings } from './ids';
import { trackerChunkFiles } from './platform/chunkFiles';
import { gitIgnores, gitTopLevel } from './platform/git';
import { runInBackground } from './platform/commands';
import type { State } from './platform/state';
import { readMovedMarker, StateMap, TEAM_CHUNK_KEYS, type MovedMarker } from './platform/stateMap';
import { VscodeTeamFolder, watchTeamFolder } from './platform/teamFolder';
import { readTeamLocation, type TeamLocationKind, type TeamLocationSetting } from './settings';
import * as l10n from './domain/core/l10n';

/**
 * Where the team is kept (the setting `techLead.team.location`): what a store is opened on there,
 * how a window follows the changes other windows make, the privacy rules of a folder the lead
 * chose, and the marker left beside a copy that was moved.
 *
 * - `workspace`: the index in workspace state, the chunks in the workspace storage folder (in
 *   workspace state with no folder open). One window writes it.
 * - `user`: everything in the `team` folder of the extension's global storage, shared by every window.
 * - `folder`: everything in the folder the lead chose (`techLead.team.folder`), with a README.
 */
export interface TeamPlace {
  readonly kind: TeamLocationKind;
  /** Where, in words, for messages. */
  readonly label: string;
  readonly storage: StateStorage;
  readonly files: ChunkFiles;
  /** The folder's index cell (user and folder); undefined for workspace state. */
  readonly cell: FolderIndexCell | undefined;
  readonly folder: VscodeTeamFolder | undefined;
  /** Why the team cannot be kept here (a folder the rules refuse, no folder set): nothing is read or written. */
  readonly refused: string | undefined;
}

export function teamKeys(): TeamStoreKeys {
  return { team: StateMap.team.key, legacy: StateMap.legacyDelegations.key, keptAside: StateMap.keptAside.key };
}

/** The folder a setting names: an absolute path, or a URI of a file system VS Code knows (`vscode-vfs://…`). */
export function folderUriOf(text: string | undefined): vscode.Uri | undefined {
  if (text === undefined) {
    return undefined;
  }
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(text)) {
    return vscode.Uri.parse(text);
  }
  return text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) || text.startsWith('\\\\') ? vscode.Uri.file(text) : undefined;
}

/** How a place is named in messages and in the moved marker. */
export function describePlace(kind: TeamLocationKind, folder: vscode.Uri | undefined): string {
  return kind === 'workspace'
    ? l10n.t('this workspace')
    : kind === 'user'
      ? l10n.t('your user storage (every window)')
      : ((folder?.scheme === 'file' ? folder.fsPath : folder?.toString(true)) ?? l10n.t('a folder not set'));
}

/**
 * Opens the place a setting names (nothing is read yet: the store loads). A folder is checked
 * first (see folderRefusal) and given its README.
 */
export async function openTeamPlace(
  context: vscode.ExtensionContext,
  state: State,
  clock: Clock,
  setting: TeamLocationSetting,
): Promise<TeamPlace> {
  const workspace = (): TeamPlace => {
    const storage = state.storage(StateMap.team, StateMap.legacyDelegations);
    const files = context.storageUri ? trackerChunkFiles(context.storageUri) : new StateChunkFiles(storage, TEAM_CHUNK_KEYS);
    return {
      kind: 'workspace',
      label: describePlace('workspace', undefined),
      storage,
      files,
      cell: undefined,
      folder: undefined,
      refused: undefined,
    };
  };
  if (setting.kind === 'workspace') {
    return workspace();
  }
  const uri = setting.kind === 'user' ? vscode.Uri.joinPath(context.globalStorageUri, 'team') : folderUriOf(setting.folder);
  const label = describePlace(setting.kind, uri);
  if (uri === undefined) {
    const refused =
      setting.folder === undefined
        ? l10n.t('the setting {0} is "folder" but {1} names no folder', settingId(Settings.teamLocation), settingId(Settings.teamFolder))
        : l10n.t('{0} must be an absolute path (or a URI); it is "{1}"', settingId(Settings.teamFolder), setting.folder);
    return { ...workspace(), kind: setting.kind, label, refused };
  }
  const folder = new VscodeTeamFolder(uri);
  const cell = new FolderIndexCell(folder, teamKeys(), clock);
  const place: TeamPlace = { kind: setting.kind, label, storage: cell.state, files: folder, cell, folder, refused: undefined };
  if (setting.kind === 'folder') {
    const refused = await folderRefusal(uri);
    if (refused !== undefined) {
      return { ...place, refused };
    }
    await writeReadme(uri);
  }
  return place;
}

/**
 * Why a folder may not hold the team, or undefined: a folder inside the git repository of a folder
 * open in this window is refused unless git ignores it, since the team's people and private 1:1
 * notes would be committed and pushed with the code.
 */
export async function folderRefusal(folder: vscode.Uri): Promise<string | undefined> {
  if (folder.scheme !== 'file') {
    return undefined;
  }
  const existing = await nearestExisting(folder);
  const repositoryOfFolder = existing === undefined ? null : await gitTopLevel(existing.fsPath);
  for (const open of vscode.workspace.workspaceFolders ?? []) {
    if (open.uri.scheme !== 'file') {
      continue;
    }
    const inside = isInside(folder.fsPath, open.uri.fsPath);
    const repository = await gitTopLevel(open.uri.fsPath);
    if (repository === undefined || repositoryOfFolder === undefined) {
      if (inside) {
        return l10n.t(
          '{0} is inside the workspace folder {1}, and git could not be run to check that it is git-ignored: the team (people, private 1:1 notes) must not be committed with the code. Choose a folder outside the workspace.',
          folder.fsPath,
          open.uri.fsPath,
        );
      }
      continue;
    }
    if (repository === null || repository !== repositoryOfFolder) {
      continue;
    }
    const ignored = await gitIgnores(repository, vscode.Uri.joinPath(folder, 'index-0.json').fsPath);
    if (ignored !== true) {
      return l10n.t(
        "{0} is inside this workspace's git repository ({1}) and git does not ignore it: the team's people and private 1:1 notes would be committed and pushed with the code. Choose a folder outside the repository, or add it to .gitignore.",
        folder.fsPath,
        repository,
      );
    }
  }
  return undefined;
}

function isInside(path: string, folder: string): boolean {
  const norm = (p: string): string => p.replace(/[\\/]+$/, '');
  const a = norm(path);
  const b = norm(folder);
  return a === b || a.startsWith(`${b}/`) || a.startsWith(`${b}\\`);
}

async function nearestExisting(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  for (let at = uri; ; at = vscode.Uri.joinPath(at, '..')) {
    try {
      await vscode.workspace.fs.stat(at);
      return at;
    } catch {
      if (vscode.Uri.joinPath(at, '..').path === at.path) {
        return undefined;
      }
    }
  }
}

/** Writes the README that says what the folder holds, once (the lead's own edits to it stay). */
async function writeReadme(folder: vscode.Uri): Promise<void> {
  const uri = vscode.Uri.joinPath(folder, FOLDER_README);
  try {
    await vscode.workspace.fs.stat(uri);
    return;
  } catch {
    // Not there yet.
  }
  const text = l10n.t(
    '# Tech Lead Coach: your team\n\nThis folder holds the team that the Tech Lead Coach extension keeps for you: the people you lead, the work you delegated to them, your 1:1s with their private notes, and feedback. It is written by the extension as plain JSON files (index-<generation>.json names the files that hold the records), so that a sync tool or a private git repository can carry it between your machines.\n\n**Keep it private.** Do not put this folder into a shared or public repository, or a folder others can read: it holds what people told you in confidence.\n\nEdit the records through the extension, not by hand. To move the team elsewhere, use "Tech Lead: Move Team Data…".\n',
  );
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** The marker that says the team kept in a place was moved elsewhere, if there is one. */
export async function movedMarkerOf(place: TeamPlace, state: State): Promise<MovedMarker | undefined> {
  if (place.folder === undefined) {
    return state.get(StateMap.teamMovedTo);
  }
  const text = await place.folder.read(MOVED_FILE).catch(() => undefined);
  try {
    return readMovedMarker(JSON.parse(text ?? 'null'));
  } catch {
    return undefined;
  }
}

/** Marks the team kept in a place as moved to `to`; the copy itself is left as it was. */
export async function markPlaceMoved(place: TeamPlace, state: State, to: string, clock: Clock): Promise<void> {
  const marker: MovedMarker = { to, on: todayKey(clock) };
  if (place.folder === undefined) {
    await state.update(StateMap.teamMovedTo, marker);
  } else {
    await place.folder.write(MOVED_FILE, `${JSON.stringify(marker, undefined, 1)}\n`);
  }
}

/** The refusal of a store whose team was moved elsewhere. */
export function movedAway(marker: MovedMarker): string {
  return l10n.t(
    'The team kept here was moved to {0} on {1}. This copy is kept as it was and nothing is written to it: set {2} to use the team where it is now, or Move Team Data to bring it back.',
    marker.to,
    marker.on,
    settingId(Settings.teamLocation),
  );
}

/**
 * Keeps a window's store on the team where other windows write it too (user and folder): reads
 * it again when files change there (a watcher, and a timer for the events a watcher misses), at
 * most one read at a time; says once when the team was moved elsewhere or a sync tool left
 * conflict copies. And for every place: when the setting that says where the team is changes,
 * this window stops writing where it was and offers a reload; set back before the reload, the
 * window writes there again.
 */
export function followTeamPlace(
  store: TeamStore,
  place: TeamPlace,
  log: vscode.LogOutputChannel,
  movedMarker: () => Promise<MovedMarker | undefined>,
): vscode.Disposable[] {
  const settingChanged = l10n.t(
    'Where the team is kept changed ({0}): reload the window to use the team there. Nothing more is written here.',
    settingId(Settings.teamLocation),
  );
  const disposables: vscode.Disposable[] = [
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(settingId(Settings.teamLocation)) && !event.affectsConfiguration(settingId(Settings.teamFolder))) {
        return;
      }
      const here = samePlace(readTeamLocation(), place);
      if (!here && store.lockedReason === undefined) {
        store.lock(settingChanged);
        offerReload(log, l10n.t('Where Tech Lead Coach keeps your team changed. Reload the window to use the team there.'));
      } else if (here && store.lockedReason === settingChanged) {
        // Set back before a reload: this window writes here again, unless the team was moved away meanwhile.
        runInBackground(log, l10n.t('Use the team here again'), async () => {
          if ((await movedMarker()) === undefined && (await store.unlock(settingChanged))) {
            void vscode.window.setStatusBarMessage(`$(check) ${l10n.t('The team is kept here again: this window writes it.')}`, 5000);
          }
        });
      }
    }),
  ];
  const { cell, folder } = place;
  if (cell === undefined || folder === undefined || place.refused !== undefined) {
    return disposables;
  }
  let running = false;
  let again = false;
  const toldConflicts = new Set<string>();
  const follow = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void store
      .followOthers()
      .then(
        () => afterFollow(),
        (error: unknown) =>
          log.warn(`Could not read the team at ${place.label} again: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          follow();
        }
      });
  };
  const afterFollow = (): void => {
    const moved = cell.movedTo();
    if (moved !== undefined && store.lockedReason === undefined) {
      let marker: MovedMarker | undefined;
      try {
        marker = readMovedMarker(JSON.parse(moved));
      } catch {
        marker = undefined;
      }
      store.lock(marker ? movedAway(marker) : l10n.t('The team kept here was moved elsewhere; nothing is written to this copy.'));
      offerReload(log, store.lockedReason ?? '');
    }
    const fresh = store.conflictCopies().filter((name) => !toldConflicts.has(name));
    if (fresh.length > 0) {
      fresh.forEach((name) => toldConflicts.add(name));
      tellConflicts(log, fresh);
    }
  };
  disposables.push(watchTeamFolder(folder.location, follow));
  afterFollow();
  return disposables;
}

function samePlace(setting: TeamLocationSetting, place: TeamPlace): boolean {
  if (setting.kind !== place.kind) {
    return false;
  }
  return setting.kind !== 'folder' || folderUriOf(setting.folder)?.toString() === place.folder?.location.toString();
}

function offerReload(log: vscode.LogOutputChannel, message: string): void {
  runInBackground(log, l10n.t('Offer to reload the window'), async () => {
    const reload = l10n.t('Reload Window');
    if ((await vscode.window.showInformationMessage(inert(message), reload)) === reload) {
      await vscode.commands.executeCommand('workbench.action.reloadWindow');
    }
  });
}

/** Says once why the team here changes nothing (it was moved elsewhere). */
export function tellLocked(log: vscode.LogOutputChannel, reason: string): void {
  runInBackground(log, l10n.t('Say that the team was moved'), async () => {
    await vscode.window.showInformationMessage(inert(reason));
  });
}

/**
 * With the team kept for every window or in a folder: says once when this workspace also keeps a
 * team of its own from before (in workspace state, not marked moved), and offers to bring it in.
 */
export function offerWorkspaceTeam(place: TeamPlace, state: State, log: vscode.LogOutputChannel): void {
  if (place.kind === 'workspace' || state.get(StateMap.teamMovedTo) !== undefined) {
    return;
  }
  const people = (state.raw(StateMap.team) as { people?: unknown } | undefined)?.people;
  const count = Array.isArray(people) ? people.length : 0;
  if (count === 0) {
    return;
  }
  runInBackground(log, l10n.t("Offer to bring this workspace's own team in"), async () => {
    const bring = l10n.t('Bring It In…');
    const choice = await vscode.window.showInformationMessage(
      count === 1
        ? l10n.t(
            'This workspace also keeps a team of its own from before (1 person), apart from the team kept in {0}. Bring it in? It is merged with the import rules, and its copy here kept.',
            place.label,
          )
        : l10n.t(
            'This workspace also keeps a team of its own from before ({0} people), apart from the team kept in {1}. Bring it in? It is merged with the import rules, and its copy here kept.',
            count,
            place.label,
          ),
      bring,
    );
    if (choice === bring) {
      await vscode.commands.executeCommand(Commands.moveTeamData, 'bringWorkspace');
    }
  });
}

function tellConflicts(log: vscode.LogOutputChannel, names: readonly string[]): void {
  runInBackground(log, l10n.t('Report conflict copies of the team'), async () => {
    const merge = l10n.t('Merge Them…');
    const choice = await vscode.window.showWarningMessage(
      inert(
        names.length === 1
          ? l10n.t(
              'A sync tool left a conflict copy of the team ({0}): changes made on two machines at once. Nothing was lost; merge it to bring its records in.',
              names[0] ?? '',
            )
          : l10n.t(
              'A sync tool left {0} conflict copies of the team ({1}): changes made on two machines at once. Nothing was lost; merge them to bring their records in.',
              names.length,
              names.join(', '),
            ),
      ),
      merge,
    );
    if (choice === merge) {
      await vscode.commands.executeCommand(Commands.mergeTeamConflictCopies);
    }
  });
}

/** The index cell to load a store with: the folder's, or the default (workspace state). */
export function cellOptions(place: TeamPlace): { readonly cell?: IndexCell } {
  return place.cell ? { cell: place.cell } : {};
}

/** The places a team can be kept, for Move Team Data: the one in use, and a store on any other. */
export interface TeamLocations {
  readonly current: TeamPlace;
  open(setting: TeamLocationSetting): Promise<TeamPlace>;
  /** A store on `place`, loaded as a window loads it (a store of its own: the window's store is not it). */
  load(place: TeamPlace): Promise<TeamStore>;
  movedMarker(place: TeamPlace): Promise<MovedMarker | undefined>;
  markMoved(place: TeamPlace, to: string): Promise<void>;
  /** Removes the moved marker of a place the team comes back to. */
  clearMoved(place: TeamPlace): Promise<void>;
}

export function teamLocations(
  context: vscode.ExtensionContext,
  state: State,
  clock: Clock,
  current: TeamPlace,
  load: (place: TeamPlace) => Promise<TeamStore>,
): TeamLocations {
  return {
    current,
    open: (setting) => openTeamPlace(context, state, clock, setting),
    load,
    movedMarker: (place) => movedMarkerOf(place, state),
    markMoved: (place, to) => markPlaceMoved(place, state, to, clock),
    clearMoved: async (place) => {
      if (place.folder === undefined) {
        await state.update(StateMap.teamMovedTo, undefined);
      } else {
        await place.folder.remove(MOVED_FILE);
      }
    },
  };
}
