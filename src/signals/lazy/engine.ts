/**
 * The repository signals while they are on: the history of each local repository of the workspace,
 * read once (from the cache, then only the commits after the head read last), kept current when
 * HEAD moves, and the answers the team's person page and today's coach read from the services' slot.
 *
 * Work on the extension host is in slices: git's output is parsed piece by piece as it arrives,
 * and the cached log in pieces with a yield between them, so no task holds the host for long.
 *
 * The delegation answers come from the same reading: the knowledge islands are computed in slices
 * after each read that changed the history (and when the links or the day change), and
 * `knowledgeIslands()` only hands out the last reading; each delegation's follow-through is kept
 * until something it depends on changes (answerCache.ts); the branches open delegations link to
 * are read after each read, and when the team changes, into memory only (branches.ts).
 */
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import { todayKey, type DateKey } from '../../domain/core/dates';
import * as l10n from '../../domain/core/l10n';
import { Slices } from '../../domain/core/slices';
import { gitLogArgs, GitLogParser, type ParsedCommit } from '../../domain/signals/gitLog';
import { leadWeek } from '../../domain/signals/balance';
import {
  followThroughView,
  islandViews,
  leadWeekView,
  type FollowThroughView,
  type IslandView,
  type LeadWeekView,
} from '../../domain/signals/delegationSignals';
import type { SignalPeople } from '../../domain/signals/followThrough';
import { CommitHistory } from '../../domain/signals/history';
import { islandSteps } from '../../domain/signals/islands';
import type { Delegation } from '../../domain/team/delegations';
import {
  identitiesOf,
  listIdentities,
  personByIdentity,
  type Identity,
  type IdentityLinks,
  type LeadGitUser,
} from '../../domain/signals/identities';
import type { SignalLinks } from '../../domain/signals/links';
import { FollowThroughCache, SlicedIslands, type AnswerContext } from '../../domain/signals/answerCache';
import { BranchHistories, branchLogArgs, branchRange, forEachRefArgs, linkedBranches, parseRefs } from '../../domain/signals/branches';
import { localDayStart } from '../../domain/signals/followThrough';
import { buildPersonSignals, paceSignals, type PersonSignals } from '../../domain/signals/personSignals';
import type { SignalsSource } from '../../domain/signals/slot';
import { Disposable } from '../../platform/disposable';
import { StateMap } from '../../platform/stateMap';
import type { Services } from '../../services';
import { SignalsCache } from './cache';
import { findGit, gitLine, runGit } from './git';

/** How far back the first read goes: the pace's 10 weeks and a half year of shipped work. */
export const FIRST_READ_DAYS = 26 * 7;
/** The piece of a cached log parsed in one slice. */
const CACHE_PIECE = 256 * 1024;
/** How long after a change in .git the history is read again (a commit moves several files). */
const DEBOUNCE_MS = 300;

interface Repository {
  readonly root: string;
  readonly gitDir: string;
  /** Prefixed to its paths when the workspace has more than one repository: `<folder name>/`. */
  readonly prefix: string;
  head: string | undefined;
  since: number;
}

/** Why the history of a folder could not be read, said once per window. */
type Problem = 'missingGit' | 'notRepository' | 'shallow' | 'untrusted' | 'noLocalFolder' | 'readFailed';

const said = new Set<string>();

function sayOnce(key: string, message: string): void {
  if (!said.has(key)) {
    said.add(key);
    void vscode.window.showWarningMessage(message);
  }
}

function problemMessage(problem: Problem, folder: string): string {
  switch (problem) {
    case 'missingGit':
      return l10n.t('Repository signals need git, and it was not found. Install git (or set git.path) and reload the window.');
    case 'notRepository':
      return l10n.t('Repository signals: the folder "{0}" is not a git repository, so nothing is read there.', folder);
    case 'shallow':
      return l10n.t(
        'Repository signals: "{0}" is a shallow clone, so its history is incomplete and nothing is read there. Fetch the full history (git fetch --unshallow) to use them.',
        folder,
      );
    case 'untrusted':
      return l10n.t('Repository signals run git on the repository, so they need a trusted workspace. Trust this folder to use them.');
    case 'noLocalFolder':
      return l10n.t('Repository signals need a local repository: open a folder on this machine.');
    case 'readFailed':
      return l10n.t('Repository signals: the history of "{0}" could not be read. The "Tech Lead Coach" log says why.', folder);
  }
}

/** A commit with its paths under the repository's prefix (multi-root). */
function prefixed(commits: ParsedCommit[], prefix: string): ParsedCommit[] {
  if (prefix === '') {
    return commits;
  }
  return commits.map((c) => ({
    ...c,
    files: c.files.map((f) =>
      f.from === undefined ? { ...f, path: prefix + f.path } : { ...f, path: prefix + f.path, from: prefix + f.from },
    ),
  }));
}

export class SignalsEngine extends Disposable implements SignalsSource {
  readonly history = new CommitHistory();
  private repositories: Repository[] = [];
  private lead: LeadGitUser = {};
  private git = 'git';
  private readonly cache: SignalsCache | undefined;
  private queue: Promise<void> = Promise.resolve();
  private pending = false;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private checkIns: { key: string; ids: readonly string[] } | undefined;
  private stopped = false;
  /** The links as last read, their JSON, and a number that changes with the JSON (a part of the answers' keys). */
  private linksSeen: { readonly links: IdentityLinks; readonly json: string; readonly version: number } | undefined;
  private peopleSeen: { readonly key: string; readonly people: SignalPeople } | undefined;
  private readonly followThroughs = new FollowThroughCache();
  private readonly islandReadings: SlicedIslands;
  /** The commits of the branches open delegations link to that are not on the main line; in memory only. */
  private readonly branches = new BranchHistories();
  private branchesPending = false;
  /** The linked branches (and their earliest days) the last branch read was for. */
  private branchesWanted = '';
  /** Resolves once every repository was read the first time. */
  readonly ready: Promise<void>;
  /** Fires after each read that added commits. */
  private readonly readListeners = new Set<() => void>();
  /** Fires when answers changed without a read adding commits: islands ready, a linked branch read. */
  private readonly answerListeners = new Set<() => void>();

  constructor(private readonly services: Services) {
    super();
    this.cache = services.storageUri ? new SignalsCache(path.join(services.storageUri.fsPath, 'signals')) : undefined;
    this.islandReadings = new SlicedIslands(
      () => this.answersChanged(),
      (error: unknown) => this.services.log.error('Could not find the knowledge islands', error),
    );
    this.register(this.islandReadings);
    this.ready = this.start();
    this.register({ dispose: () => clearTimeout(this.debounce) });
    this.register({ dispose: () => (this.stopped = true) });
    this.register(services.days.onDidChangeDay(() => this.wantIslands()));
  }

  onDidRead(listener: () => void): vscode.Disposable {
    this.readListeners.add(listener);
    return { dispose: () => this.readListeners.delete(listener) };
  }

  /** Answers changed with no new commits read: the knowledge islands are ready, a linked branch was read. */
  onDidChangeAnswers(listener: () => void): vscode.Disposable {
    this.answerListeners.add(listener);
    return { dispose: () => this.answerListeners.delete(listener) };
  }

  private answersChanged(): void {
    if (!this.stopped) {
      this.answerListeners.forEach((listener) => listener());
    }
  }

  private links(): SignalLinks {
    return this.services.state.get(StateMap.signalLinks);
  }

  /** The links of authors to people, as JSON (computed again only when the stored object changed). */
  private linksJson(): string {
    return this.linksState().json;
  }

  private linksState(): { readonly json: string; readonly version: number } {
    const links = this.links().links;
    const seen = this.linksSeen;
    if (seen?.links !== links) {
      const json = JSON.stringify(links);
      this.linksSeen = { links, json, version: seen === undefined ? 0 : seen.json === json ? seen.version : seen.version + 1 };
    }
    return this.linksSeen ?? { json: '', version: 0 };
  }

  /** What every delegation answer depends on beside the delegation. */
  private context(): AnswerContext {
    return {
      history: this.history.size,
      branches: this.branches.version,
      people: String(this.linksState().version),
      today: todayKey(this.services.clock),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // SignalsSource

  personSignals(personId: string, name: string, lastOneOnOne: DateKey | undefined): PersonSignals | undefined {
    const identities = identitiesOf(this.links().links, personId);
    if (identities.size === 0) {
      return undefined;
    }
    return buildPersonSignals(this.history, {
      name,
      identities,
      ...(lastOneOnOne === undefined ? {} : { lastOneOnOne }),
      now: this.services.clock.now().getTime(),
      today: todayKey(this.services.clock),
      workdays: this.services.settings().workdays,
    });
  }

  paceCheckIns(): readonly string[] {
    const links = this.links().links;
    const today = todayKey(this.services.clock);
    const key = `${this.history.size}|${today}|${JSON.stringify(links)}`;
    if (this.checkIns?.key !== key) {
      const now = this.services.clock.now().getTime();
      const workdays = this.services.settings().workdays;
      const ids = Object.keys(links).filter((personId) => paceSignals(this.history, identitiesOf(links, personId), now, workdays));
      this.checkIns = { key, ids };
    }
    return this.checkIns.ids;
  }

  /** The people linked to identities, and the lead's own identities (listed again only when the history or the links changed). */
  private people(): SignalPeople {
    const key = `${this.history.size}|${this.linksJson()}`;
    if (this.peopleSeen?.key !== key) {
      this.peopleSeen = {
        key,
        people: {
          links: this.links().links,
          lead: new Set(
            this.identities()
              .filter((i) => i.lead)
              .map((i) => i.key),
          ),
        },
      };
    }
    return this.peopleSeen.people;
  }

  followThrough(delegation: Delegation, delegateName: string): FollowThroughView | undefined {
    const context = this.context();
    return this.followThroughs.view(delegation, delegateName, context, () => {
      const branch = delegation.code?.branch === undefined ? undefined : this.branches.get(delegation.code.branch.trim());
      return followThroughView(
        this.history,
        delegation,
        delegateName,
        this.people(),
        this.services.clock.now().getTime(),
        context.today,
        branch === undefined ? {} : { branch },
      );
    });
  }

  /** The islands' key: the history read, the day, the links. */
  private islandsKey(): string {
    return `${this.history.size}|${todayKey(this.services.clock)}|${this.linksJson()}`;
  }

  /** Starts computing the islands in slices unless the reading for now is there or under way. */
  private wantIslands(): void {
    if (this.stopped || this.history.size === 0) {
      return;
    }
    this.islandReadings.want(this.islandsKey(), () => islandSteps(this.history, this.people(), this.services.clock.now().getTime()));
  }

  /** The last islands computed (none before the first reading is ready); asks for a new reading when the history, links or day changed. */
  knowledgeIslands(nameOf: (personId: string) => string | undefined): readonly IslandView[] {
    this.wantIslands();
    return islandViews(this.islandReadings.reading?.islands ?? [], nameOf);
  }

  get islandsReady(): boolean {
    return this.islandReadings.readyFor(this.islandsKey());
  }

  leadWeek(weekStart: DateKey, oneOnOnes: number): LeadWeekView {
    return leadWeekView(leadWeek(this.history, this.people().lead, this.lead, weekStart), oneOnOnes);
  }

  // ---------------------------------------------------------------------------------------------
  // Who the authors are

  /** The identities of the history with bots and the lead recognised, most commits first. */
  identities(): Identity[] {
    return listIdentities(this.history, this.lead);
  }

  /** Identities nobody linked or ignored, and that are neither a bot nor the lead: the linking step's. */
  unlinkedAuthors(): Identity[] {
    const { links, ignored } = this.links();
    const linked = personByIdentity(links);
    const skip = new Set(ignored);
    return this.identities().filter((i) => !i.bot && !i.lead && !linked.has(i.key) && !skip.has(i.key));
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  private async start(): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      sayOnce('untrusted', problemMessage('untrusted', ''));
      return;
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (folders.length === 0) {
      sayOnce('noLocalFolder', problemMessage('noLocalFolder', ''));
      return;
    }
    this.git = await findGit(this.services.log);
    const found: { root: string; gitDir: string }[] = [];
    for (const folder of folders) {
      const cwd = folder.uri.fsPath;
      const top = await gitLine(this.git, cwd, ['rev-parse', '--show-toplevel']);
      if (top.result.missing) {
        sayOnce('missingGit', problemMessage('missingGit', folder.name));
        return;
      }
      if (top.text === undefined || top.text === '') {
        sayOnce(`notRepository:${cwd}`, problemMessage('notRepository', folder.name));
        continue;
      }
      const root = top.text;
      if (found.some((f) => f.root === root)) {
        continue;
      }
      const shallow = await gitLine(this.git, root, ['rev-parse', '--is-shallow-repository']);
      if (shallow.text === 'true') {
        sayOnce(`shallow:${root}`, problemMessage('shallow', folder.name));
        continue;
      }
      const gitDir = (await gitLine(this.git, root, ['rev-parse', '--absolute-git-dir'])).text ?? path.join(root, '.git');
      found.push({ root, gitDir });
    }
    const cached = (await this.cache?.repositories()) ?? [];
    this.repositories = found.map(({ root, gitDir }) => {
      const known = cached.find((c) => c.root === root);
      return {
        root,
        gitDir,
        prefix: found.length > 1 ? `${path.basename(root)}/` : '',
        head: undefined,
        since: known?.since ?? this.services.clock.now().getTime() - FIRST_READ_DAYS * 86_400_000,
      };
    });
    const first = this.repositories[0];
    if (first !== undefined) {
      const [name, email] = await Promise.all([
        gitLine(this.git, first.root, ['config', 'user.name']),
        gitLine(this.git, first.root, ['config', 'user.email']),
      ]);
      this.lead = { ...(name.text ? { name: name.text } : {}), ...(email.text ? { email: email.text } : {}) };
    }
    for (const repository of this.repositories) {
      const known = cached.find((c) => c.root === repository.root);
      if (known !== undefined && (await this.readCache(repository))) {
        repository.head = known.head;
      }
    }
    // The team is there before the signals start (index.ts), but a command may be first: wait for it.
    await this.services.loaded();
    this.register(this.services.team.onDidChange(() => this.teamChanged()));
    this.watch();
    await this.refresh();
    // A first read from the cache with HEAD where it was adds nothing in refresh(): start the islands here.
    this.wantIslands();
  }

  /** Feeds the cached log of one repository to the history, in slices; false when there is none. */
  private async readCache(repository: Repository): Promise<boolean> {
    const log = await this.cache?.readLog(repository.root);
    if (log === undefined) {
      return false;
    }
    const slices = new Slices(20);
    const decoder = new StringDecoder('utf8');
    const parser = new GitLogParser();
    for (let at = 0; at < log.length && !this.stopped; at += CACHE_PIECE) {
      this.history.add(prefixed(parser.feed(decoder.write(log.subarray(at, at + CACHE_PIECE))), repository.prefix));
      await slices.maybeYield();
    }
    this.history.add(prefixed([...parser.feed(decoder.end()), ...parser.end()], repository.prefix));
    return true;
  }

  /** Reads what is new in every repository; a call while a read runs makes one more read after it. */
  refresh(): Promise<void> {
    if (this.pending) {
      return this.queue;
    }
    this.pending = true;
    this.queue = this.queue.then(async () => {
      this.pending = false;
      const before = this.history.size;
      for (const repository of this.repositories) {
        if (!this.stopped) {
          await this.readNew(repository);
        }
      }
      const branchesBefore = this.branches.version;
      await this.readBranches();
      if (this.history.size !== before && !this.stopped) {
        this.checkIns = undefined;
        // The lead's identities, listed here once per read rather than by the first row that asks (about 20 ms at 17,000 commits).
        this.people();
        this.wantIslands();
        this.readListeners.forEach((listener) => listener());
      } else if (this.branches.version !== branchesBefore) {
        this.answersChanged();
      }
    });
    return this.queue;
  }

  /** Reads the linked branches again after the team changed (a code link set or removed, a delegation done). */
  private teamChanged(): void {
    if (
      this.branchesPending ||
      this.stopped ||
      JSON.stringify([...linkedBranches(this.services.team.delegations())]) === this.branchesWanted
    ) {
      return;
    }
    this.branchesPending = true;
    this.queue = this.queue.then(async () => {
      this.branchesPending = false;
      const before = this.branches.version;
      await this.readBranches();
      if (this.branches.version !== before) {
        this.answersChanged();
      }
    });
    this.queue.catch((error: unknown) => this.services.log.error('Could not read the linked branches', error));
  }

  /** Reads, into memory, the branches open delegations link to whose tips (or the main line's) moved since they were read. */
  private async readBranches(): Promise<void> {
    const wanted = linkedBranches(this.services.team.delegations());
    this.branchesWanted = JSON.stringify([...wanted]);
    this.branches.keepOnly(wanted.keys());
    if (wanted.size === 0 || this.stopped) {
      return;
    }
    const where = await Promise.all(
      this.repositories.map(async (repository) => {
        const [refs, head] = await Promise.all([
          gitLine(this.git, repository.root, forEachRefArgs()),
          gitLine(this.git, repository.root, ['symbolic-ref', '-q', 'HEAD']),
        ]);
        const headTip = repository.head;
        return {
          repository,
          refs: parseRefs(refs.text ?? ''),
          head: { ...(head.text ? { branch: head.text } : {}), ...(headTip === undefined ? {} : { tip: headTip }) },
        };
      }),
    );
    for (const [branch, since] of wanted) {
      const ranges = where.map(({ repository, refs, head }) => ({ repository, range: branchRange(branch, refs, head) }));
      const state = `${since}|${ranges.map(({ repository, range }) => `${repository.root}:${range?.mainTip ?? ''}..${range?.tip ?? ''}`).join('|')}`;
      if (!this.branches.stale(branch, state) || this.stopped) {
        continue;
      }
      const history = new CommitHistory();
      for (const { repository, range } of ranges) {
        if (range === undefined || range.tip === range.mainTip) {
          continue; // the branch does not exist (yet) there, or has nothing of its own
        }
        const decoder = new StringDecoder('utf8');
        const parser = new GitLogParser();
        const result = await runGit(this.git, repository.root, branchLogArgs(range.mainTip, range.tip, since, localDayStart), (chunk) => {
          history.add(prefixed(parser.feed(decoder.write(chunk)), repository.prefix));
        });
        if (result.code !== 0) {
          this.services.log.info(`Could not read the branch ${branch} of ${repository.root}: ${result.stderr.trim()}`);
          continue;
        }
        history.add(prefixed([...parser.feed(decoder.end()), ...parser.end()], repository.prefix));
      }
      this.branches.set(branch, state, history);
      this.services.log.info(`Read ${history.size} commits of the linked branch ${branch}`);
    }
  }

  private async readNew(repository: Repository): Promise<void> {
    const head = (await gitLine(this.git, repository.root, ['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).text;
    if (head === undefined || head === '' || head === repository.head) {
      return; // no commit yet, or nothing new
    }
    const incremental = repository.head !== undefined;
    const ok = await this.readLog(repository, head, incremental);
    if (!ok && incremental) {
      // The head read last is gone (history rewritten, garbage collected): read it all again.
      this.services.log.info(`Reading the history of ${repository.root} again: the commit read last is no longer there`);
      await this.readLog(repository, head, false);
    }
  }

  private async readLog(repository: Repository, head: string, incremental: boolean): Promise<boolean> {
    const args =
      incremental && repository.head
        ? gitLogArgs({ from: repository.head, to: head })
        : gitLogArgs({ sinceMs: repository.since, to: head });
    const started = performance.now();
    const decoder = new StringDecoder('utf8');
    const parser = new GitLogParser();
    const output: Buffer[] = [];
    let added = 0;
    const result = await runGit(this.git, repository.root, args, (chunk) => {
      output.push(chunk);
      added += this.history.add(prefixed(parser.feed(decoder.write(chunk)), repository.prefix));
    });
    if (result.code !== 0) {
      if (result.missing) {
        sayOnce('missingGit', problemMessage('missingGit', ''));
      } else if (!incremental) {
        this.services.log.error(`git log failed in ${repository.root}: ${result.stderr}`);
        sayOnce(`readFailed:${repository.root}`, problemMessage('readFailed', path.basename(repository.root)));
      }
      return false;
    }
    added += this.history.add(prefixed([...parser.feed(decoder.end()), ...parser.end()], repository.prefix));
    repository.head = head;
    this.services.log.info(
      `Read ${added} new commits of ${repository.root} in ${Math.round(performance.now() - started)} ms (${this.history.size} in all)`,
    );
    if (this.cache !== undefined && !this.stopped) {
      await this.cache.save({ root: repository.root, head, since: repository.since }, output, !incremental);
    }
    return true;
  }

  /** Reads again when HEAD or a branch moves (a commit, a pull, a fetch, a checkout), and when the window gets focus back. */
  private watch(): void {
    const again = (): void => {
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => {
        this.refresh().catch((error: unknown) => this.services.log.error('Could not read the repository history again', error));
      }, DEBOUNCE_MS);
    };
    for (const repository of this.repositories) {
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(repository.gitDir), '{HEAD,logs/HEAD,refs/heads/**,refs/remotes/**,packed-refs}'),
      );
      this.register(watcher);
      this.register(watcher.onDidChange(again));
      this.register(watcher.onDidCreate(again));
    }
    this.register(vscode.window.onDidChangeWindowState((state) => (state.focused ? again() : undefined)));
  }

  /** Resolves when the first read and any read under way are done (or stopped): nothing more is written after it. */
  async idle(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.queue.catch(() => undefined);
  }

  /** The folders being read, for the consent page. */
  static folderNames(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.name);
  }

  /** Deletes the cache on disk. */
  async forgetCache(): Promise<void> {
    await this.cache?.forget();
  }
}

/** The cache of a workspace without an engine running (Forget while the signals are off). */
export function cacheOf(services: Services): SignalsCache | undefined {
  return services.storageUri ? new SignalsCache(path.join(services.storageUri.fsPath, 'signals')) : undefined;
}
