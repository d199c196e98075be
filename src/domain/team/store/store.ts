import {
  StoreRefusal,
  type Done,
  type Edit,
  type EditContext,
  type NewFeedback,
  type NewOneOnOne,
  type PersonChanges,
  type TeamDefaults,
  type Undoable,
  type UndoResult,
} from './change';
import { compareDays, compareText, sameValue } from '../../core/compare';
import { daysBetween, todayKey, type Clock, type DateKey } from '../../core/dates';
import { UserFacingError } from '../../core/errors';
import { Slices } from '../../core/slices';
import { Emitter, SerialQueue, type StateStorage } from '../../core/storage';
import { isOverdue, type CodeLink, type Delegation, type DelegationV1, type MovingTest, type NewDelegation } from '../delegations';
import type { DelegationLevel } from '../delegationLevels';
import type { Feedback } from '../feedback';
import { CHUNKED, draftOf, type Collection, type Draft, type PersonRecord, type TeamData } from '../kinds';
import type { Moment, NewMoment } from '../moments';
import { lastOneOnOne, nextOneOnOneDue, type OneOnOne } from '../oneOnOnes';
import { findPersonByName, type Person } from '../people';
import type { ChunkFiles, IndexCell } from '../storage/files';
import { parseChunkName, sameStamp, stampOf, type Unreadable } from '../storage/format';
import { readForeignChunks } from '../storage/foreign';
import { readStoredTeam, type TeamRead, type UnreadChunk } from '../storage/read';
import type { ForeignChunks, TeamWriter } from '../storage/writer';
import * as edits from './edits';
import { importLegacy, importMerge, type ImportResult } from './import';
import { undo } from './undo';
import * as l10n from '../../core/l10n';

/** Stored data this version could not read, kept intact so nothing is ever silently lost. */
export interface KeptAsideRecord {
  readonly raw: unknown;
  readonly reason: string;
  readonly keptOn: DateKey;
}

export interface TeamStoreKeys {
  /** The index (version 6, 5 or 4; version 3 with its chunks under `<team>/…` beside it; version 2 alone). */
  readonly team: string;
  /** Release 0.1's delegations, migrated on first load and then replaced by a marker. */
  readonly legacy: string;
  readonly keptAside: string;
}

/** Which collections a change touched (all of them when the team was read again after another window's change). */
export interface TeamChange {
  readonly collections: readonly Collection[];
}

/** Storage refused the write; nothing changed, in memory or in storage. */
export class StoreWriteError extends UserFacingError {
  override readonly name = 'StoreWriteError';
  constructor(override readonly cause: unknown) {
    super(
      l10n.t('The change could not be saved ({0}). Nothing was changed.', cause instanceof Error ? cause.message : String(cause)),
      'error',
    );
  }
}

/** The tracker was saved by a newer version: this version reads nothing and writes nothing. */
export interface NewerData {
  readonly schemaVersion: number;
  /** What is stored, as it is: the rescue export writes it out. */
  readonly raw: unknown;
}

/** What a store works on: storage, the clock, ids and the defaults for someone added. */
export interface TeamStoreDeps {
  readonly storage: StateStorage;
  readonly files: ChunkFiles;
  readonly cell: IndexCell;
  readonly keys: TeamStoreKeys;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly defaults: TeamDefaults;
}

/** What loading found (see load.ts). */
export interface LoadedTeam {
  readonly data: TeamData;
  readonly writer: TeamWriter;
  readonly unread: readonly UnreadChunk[];
  readonly unknown: readonly string[];
  readonly keptAsideOnLoad: number;
  readonly migratedPeople: number;
  readonly newer?: NewerData;
  readonly unavailable?: string;
  readonly foreign?: readonly ForeignChunks[];
}

/** How many times a change is computed again on a team another writer changed meanwhile, before it is refused. */
const ATTEMPTS = 3;

/**
 * The team: people, the work delegated to them, 1:1s and feedback. Every change is computed on a
 * draft (edits.ts), checked, written to storage and only then made visible (memory updated,
 * listeners told), one change at a time: a write either happens or leaves no trace. When another
 * writer changed the stored team since it was read, the store reads it again and computes the
 * change anew on what is there, or refuses it with why. Records are immutable.
 */
export class TeamStore {
  private data: TeamData;
  private readonly writer: TeamWriter;
  private unread: readonly UnreadChunk[];
  private unknownOwners: ReadonlySet<string>;
  private readonly queue = new SerialQueue();
  private readonly changed = new Emitter<TeamChange>();
  readonly onDidChange = this.changed.event;
  /** Set when the stored tracker is from a newer version: the store is then read-only. */
  private newerData: NewerData | undefined;
  private locked: string | undefined;
  /** How many records this load had to keep aside (to tell the user once). */
  readonly keptAsideOnLoad: number;
  /** How many people the migration from release 0.1 added; 0 when there was none. */
  readonly migratedPeople: number;
  /** Set when loading failed (a migration write storage refused): nothing is shown or changed. */
  readonly unavailable: string | undefined;
  /** Chunk files in the folder that this team's index did not write, left alone (see TeamWriter.cleanUp). */
  readonly foreign: readonly ForeignChunks[];

  constructor(
    private readonly deps: TeamStoreDeps,
    loaded: LoadedTeam,
  ) {
    this.data = loaded.data;
    this.writer = loaded.writer;
    this.unread = loaded.unread;
    this.unknownOwners = ownersOf(loaded.unknown);
    this.newerData = loaded.newer;
    this.keptAsideOnLoad = loaded.keptAsideOnLoad;
    this.migratedPeople = loaded.migratedPeople;
    this.unavailable = loaded.unavailable;
    this.foreign = loaded.foreign ?? [];
  }

  get newer(): NewerData | undefined {
    return this.newerData;
  }

  // -------------------------------------------------------------------------------------------
  // What is there

  /** Everything, as stored. */
  snapshot(): TeamData {
    return this.data;
  }

  delegations(): readonly Delegation[] {
    return this.data.delegations;
  }

  delegation(id: string): Delegation | undefined {
    return this.data.delegations.find((d) => d.id === id);
  }

  /** Everyone, archived people included. */
  people(): readonly Person[] {
    return this.data.people;
  }

  person(id: string): Person | undefined {
    return this.data.people.find((p) => p.id === id);
  }

  /** The name to show for a person id (a record always has one; the fallback is for a race with Delete). */
  nameOf(personId: string): string {
    return this.person(personId)?.name ?? l10n.t('someone removed');
  }

  findPerson(name: string): Person | undefined {
    return findPersonByName(this.data.people, name);
  }

  /** Names of the people not archived, the most recently delegated to first, then the rest by name. */
  personNames(): string[] {
    const latest = new Map<string, string>();
    for (const d of this.data.delegations) {
      const seen = latest.get(d.personId);
      if (seen === undefined || compareDays(d.createdOn, seen) > 0) {
        latest.set(d.personId, d.createdOn);
      }
    }
    return this.data.people
      .filter((p) => !p.archived)
      .sort((a, b) => compareDays(latest.get(b.id) ?? '', latest.get(a.id) ?? '') || compareText(a.name, b.name))
      .map((p) => p.name);
  }

  oneOnOnes(): readonly OneOnOne[] {
    return this.data.oneOnOnes;
  }

  feedback(): readonly Feedback[] {
    return this.data.feedback;
  }

  /** Open delegations past their follow-up; with `moving`, those whose work visibly moves are left out. */
  overdue(moving?: MovingTest): Delegation[] {
    const today = todayKey(this.deps.clock);
    return this.data.delegations.filter((d) => isOverdue(d, today, moving));
  }

  /** People not archived whose 1:1 is overdue, the most overdue first. */
  overdueOneOnOnes(): Person[] {
    const today = todayKey(this.deps.clock);
    return this.data.people
      .map((person) => ({ person, due: nextOneOnOneDue(person, lastOneOnOne(this.data.oneOnOnes, person.id)) }))
      .filter(({ person, due }) => !person.archived && compareDays(due, today) < 0)
      .sort((a, b) => compareDays(a.due, b.due))
      .map(({ person }) => person);
  }

  /** Days since anything was last delegated, or undefined when nothing ever was. */
  daysSinceLastDelegated(): number | undefined {
    let latest: DateKey | undefined;
    for (const d of this.data.delegations) {
      if (latest === undefined || compareDays(d.createdOn, latest) > 0) {
        latest = d.createdOn;
      }
    }
    return latest === undefined ? undefined : daysBetween(latest, todayKey(this.deps.clock));
  }

  /** Chunks the index names that could not be read at the last load or reload: their people are read-only until they are. */
  unreadChunks(): readonly UnreadChunk[] {
    return this.unread;
  }

  keptAside(): KeptAsideRecord[] {
    return readKeptAside(this.deps.storage.get(this.deps.keys.keptAside));
  }

  /** The tracker as storage holds it, read back as the next load will read it (the index and the chunks it names); the test API reads it too. */
  readBack(today: DateKey = todayKey(this.deps.clock)): Promise<TeamRead> {
    return readStoredTeam((key) => this.deps.storage.get(key), this.deps.files, this.deps.keys.team, today);
  }

  // -------------------------------------------------------------------------------------------
  // Changes: each one an edit (edits.ts) run by commit

  addPerson(input: { readonly name: string; readonly role?: string; readonly cadenceDays?: number }): Promise<Done<Person>> {
    return this.commit(edits.addPerson(input));
  }

  updatePerson(id: string, changes: PersonChanges): Promise<Done<Person> | undefined> {
    return this.commit(edits.updatePerson(id, changes));
  }

  deletePerson(id: string): Promise<Done<{ person: Person; records: number }> | undefined> {
    return this.commit(edits.deletePerson(id));
  }

  logDelegation(input: NewDelegation): Promise<Done<Delegation>> {
    return this.commit(edits.logDelegation(input));
  }

  markDone(id: string): Promise<Delegation | undefined> {
    return this.commit(edits.markDone(id));
  }

  reopen(id: string): Promise<Delegation | undefined> {
    return this.commit(edits.reopen(id));
  }

  changeFollowUp(id: string, followUpOn: DateKey): Promise<Delegation | undefined> {
    return this.commit(edits.changeFollowUp(id, followUpOn));
  }

  changeLevel(id: string, level: DelegationLevel): Promise<Delegation | undefined> {
    return this.commit(edits.changeLevel(id, level));
  }

  editDelegation(id: string, field: 'task' | 'note', value: string | undefined): Promise<Delegation | undefined> {
    return this.commit(edits.editDelegation(id, field, value));
  }

  /** Points the delegation at folders, files or a branch; undefined removes the link. */
  linkToCode(id: string, code: CodeLink | undefined): Promise<Done<Delegation> | undefined> {
    return this.commit(edits.linkToCode(id, code));
  }

  reassign(id: string, personName: string): Promise<Delegation | undefined> {
    return this.commit(edits.reassign(id, personName));
  }

  checkIn(id: string, note: string | undefined, nextFollowUpOn: DateKey): Promise<Delegation | undefined> {
    return this.commit(edits.checkIn(id, note, nextFollowUpOn));
  }

  deleteDelegation(id: string): Promise<Done<Delegation> | undefined> {
    return this.commit(edits.deleteEntry('delegations', id));
  }

  logOneOnOne(input: NewOneOnOne): Promise<Done<OneOnOne>> {
    return this.commit(edits.logOneOnOne(input));
  }

  logFeedback(input: NewFeedback): Promise<Done<Feedback>> {
    return this.commit(edits.logFeedback(input));
  }

  logMoment(input: NewMoment): Promise<Done<Moment>> {
    return this.commit(edits.logMoment(input));
  }

  moments(): readonly Moment[] {
    return this.data.moments;
  }

  /** Removes one 1:1, feedback entry or moment logged by mistake; the Undo puts it back. */
  deleteEntry(collection: 'oneOnOnes' | 'feedback' | 'moments', id: string): Promise<Done<OneOnOne | Feedback | Moment> | undefined> {
    return this.commit(edits.deleteEntry(collection, id) as Edit<Done<OneOnOne | Feedback | Moment> | undefined>);
  }

  /**
   * Merges imported data by id (see import.ts), in slices so a large file never holds the host for
   * long. `keepNotes`: the file left private notes out, so the notes held here stay.
   */
  importMerge(incoming: TeamData, options: { readonly keepNotes?: boolean } = {}): Promise<ImportResult> {
    return this.commit(importMerge(incoming, { keepPrivate: options.keepNotes === true, slices: new Slices() }), { slices: true });
  }

  importLegacy(named: readonly DelegationV1[]): Promise<ImportResult> {
    return this.commit(importLegacy(named));
  }

  /** Makes the team exactly `data` (an old copy of it replaced when the team moves back; see move.ts). */
  replaceAll(data: TeamData): Promise<void> {
    return this.commit(edits.replaceAll(data));
  }

  /** Adds records kept aside elsewhere (the place the team moved from), each once, as it was kept. */
  addKeptAside(records: readonly KeptAsideRecord[]): Promise<void> {
    return this.queue.run(async () => {
      this.refuseIfReadOnly();
      const previous = this.keptAside();
      const fresh = records.filter((r) => !previous.some((p) => p.reason === r.reason && sameValue(p.raw, r.raw)));
      if (fresh.length > 0) {
        await this.deps.storage.update(this.deps.keys.keptAside, [...previous, ...fresh]);
      }
    });
  }

  /** Applies the inverse of one change, only where nothing changed since (undo.ts). */
  undo(undoable: Undoable): Promise<UndoResult> {
    return this.commit(undo(undoable));
  }

  /**
   * The lead chose to go on without the chunks that could not be read: what is there of each is
   * kept aside (with why), and the index stops naming them. Returns how many chunks.
   */
  goOnWithoutUnread(): Promise<number> {
    return this.queue.run(async () => {
      this.refuseIfReadOnly();
      const unread = this.unread;
      if (unread.length === 0) {
        return 0;
      }
      const today = todayKey(this.deps.clock);
      await keepAside(
        this.deps.storage,
        this.deps.keys,
        unread.map((u) => ({
          raw: { chunk: u.name, value: u.text ?? null },
          reason: `a stored chunk of the tracker could not be read (${u.reason}); kept aside when the lead chose to go on without it`,
        })),
        today,
      );
      const written = await this.writer
        .write(
          this.data,
          unread.map((u) => u.name),
        )
        .catch((error: unknown) => {
          throw new StoreWriteError(error);
        });
      if (written === 'conflict') {
        await this.reload();
        throw new StoreRefusal(
          l10n.t('The team was changed in another window meanwhile, and has been read again. Nothing was changed; try again.'),
        );
      }
      this.unread = [];
      this.changed.fire({ collections: CHUNKED });
      return unread.length;
    });
  }

  /**
   * What the chunk files of other teams in the folder hold (see storage/foreign.ts), in the shape of
   * an import, with how many files were read. Nothing is written or removed.
   */
  readForeign(): Promise<{ data: TeamData; files: number }> {
    return readForeignChunks(this.deps.files, this.writer.stampRead?.lineage, this.data.people, todayKey(this.deps.clock));
  }

  /** Reads the stored team again (another window changed it, or chunks that could not be read may be there now). */
  refresh(): Promise<void> {
    return this.queue.run(() => this.reload());
  }

  /**
   * Makes the store refuse every change from now on, with `reason` (the team was moved elsewhere,
   * or the setting that says where it is kept changed): this window no longer writes here.
   */
  lock(reason: string): void {
    this.locked ??= reason;
  }

  /**
   * Takes back a lock given with exactly this reason (the setting that moved the team away was set
   * back); a lock with another reason (the team moved elsewhere) stays. Reads the stored team again
   * first, so nothing written elsewhere meanwhile is written over. Resolves whether it unlocked.
   */
  async unlock(reason: string): Promise<boolean> {
    if (this.locked !== reason) {
      return false;
    }
    await this.refresh();
    if (this.locked !== reason) {
      return false;
    }
    this.locked = undefined;
    return true;
  }

  /** Why the store refuses every change (see lock), if it does. */
  get lockedReason(): string | undefined {
    return this.locked;
  }

  /** Throws the read-only refusal when the stored tracker is from a newer version, so a command can stop before asking anything. */
  refuseIfReadOnly(): void {
    if (this.locked !== undefined) {
      throw new StoreRefusal(this.locked);
    }
    if (this.unavailable !== undefined) {
      throw new StoreRefusal(
        l10n.t(
          'Your team data could not be loaded ({0}). It is stored as it was and nothing was changed; reload the window to try again.',
          this.unavailable,
        ),
      );
    }
    if (this.newerData) {
      throw new StoreRefusal(
        l10n.t(
          "This workspace's team data was saved by a newer version of Tech Lead Coach (schema {0}). It is kept as it is and this version does not change it: update the extension.",
          this.newerData.schemaVersion,
        ),
      );
    }
  }

  /**
   * Runs `task` with no change of this store's in between (a move reads the team and switches
   * where it is kept): changes asked for meanwhile wait for it, then run (or are refused if it locked the store).
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  /** Resolves once every write started so far has reached storage (or been refused). */
  flushed(): Promise<void> {
    return this.queue.idle();
  }

  dispose(): void {
    this.changed.dispose();
  }

  // -------------------------------------------------------------------------------------------

  /**
   * The one way anything changes: in turn, compute the next data from a draft of the current one,
   * check it (limits, every record attached to its person, nothing about a person whose chunks
   * could not be read), write it, and only once storage accepted it make it visible. A refusal or
   * a failed write changes nothing. When another writer replaced the stored index since, read it
   * again and compute the change anew on what is there; a change that no longer applies (what it
   * changes is gone) is refused with why.
   */
  private commit<T>(edit: Edit<T>, options: { readonly slices?: boolean } = {}): Promise<T> {
    return this.queue.run(async () => {
      for (let attempt = 1; ; attempt++) {
        this.refuseIfReadOnly();
        // Where other windows write the same index (a shared folder): the generation is checked before the change is computed.
        const reread = await this.readIfChanged();
        if (reread) {
          this.refuseIfReadOnly();
        }
        const context: EditContext = { today: todayKey(this.deps.clock), newId: this.deps.newId, defaults: this.deps.defaults };
        const draft = draftOf(this.data);
        const outcome = await edit(draft, context);
        if (outcome.changed.length === 0) {
          // Nothing to write on what this store holds: true only if no other writer changed the team since.
          if (attempt < ATTEMPTS && !sameStamp(stampOf(this.deps.cell.get()), this.writer.stampRead)) {
            await this.reload();
            continue;
          }
          if ((attempt > 1 || reread) && outcome.result === undefined) {
            throw new StoreRefusal(
              l10n.t('What this change was for was changed or removed in another window meanwhile. Nothing was changed.'),
            );
          }
          return outcome.result;
        }
        edits.checkLimits(draft, this.data);
        edits.assertAttached(draft);
        this.refuseWhereUnread(draft);
        const slices = options.slices ? new Slices() : undefined;
        await slices?.yieldNow();
        let written: 'written' | 'conflict';
        try {
          written = await this.writer.write(draft, [], slices);
        } catch (error) {
          throw new StoreWriteError(error);
        }
        if (written === 'written') {
          this.data = draft;
          this.changed.fire({ collections: outcome.changed });
          return outcome.result;
        }
        if (attempt >= ATTEMPTS) {
          throw new StoreRefusal(
            l10n.t('The team kept changing in another window while this change was being saved. Nothing was changed; try again.'),
          );
        }
        await this.reload();
      }
    });
  }

  /**
   * Reads the team again if another window replaced the index since this store read or wrote it,
   * or a chunk that could not be read is there now (a folder many windows share; a file event or a
   * timer calls it). True when it did.
   */
  followOthers(): Promise<boolean> {
    return this.queue.run(() => this.readIfChanged());
  }

  /** Files beside the index that a sync tool made as conflict copies (a folder location): offered for merge by import. */
  conflictCopies(): readonly string[] {
    return this.deps.cell.conflicts?.() ?? [];
  }

  /**
   * What a conflict copy of the index holds (its people, and the records of the chunk files it
   * names, which stay in the folder), in the shape of an import. Nothing is written or removed.
   */
  async readConflictCopy(name: string): Promise<TeamData> {
    const text = await this.deps.files.read(name);
    let raw: unknown;
    try {
      raw = JSON.parse(text ?? '');
    } catch {
      raw = undefined;
    }
    const read =
      raw === undefined ? undefined : await readStoredTeam(() => raw, this.deps.files, this.deps.keys.team, todayKey(this.deps.clock));
    if (read?.kind !== 'read' || read.stamp === undefined) {
      throw new StoreRefusal(l10n.t('{0} is not a copy of the team that this version can read. It was left as it is.', name));
    }
    return read.data;
  }

  private async readIfChanged(): Promise<boolean> {
    if (!this.deps.cell.refresh) {
      return false;
    }
    try {
      await this.deps.cell.refresh();
    } catch (error) {
      throw new StoreWriteError(error);
    }
    if (sameStamp(stampOf(this.deps.cell.get()), this.writer.stampRead) && !(await this.someUnreadIsBack())) {
      return false;
    }
    await this.reload({ fresh: true });
    return true;
  }

  /** Whether a chunk that could not be read at the last load is there now (a sync tool delivered it late). */
  private async someUnreadIsBack(): Promise<boolean> {
    const back = await Promise.all(
      this.unread.map((u) =>
        this.deps.files.read(u.name).then(
          (text) => text !== undefined,
          () => false,
        ),
      ),
    );
    return back.includes(true);
  }

  /** Reads the stored team again, holding on to the chunks already read; views are told. */
  private async reload(options: { readonly fresh?: boolean } = {}): Promise<void> {
    if (options.fresh !== true && this.deps.cell.refresh) {
      await this.deps.cell.refresh().catch((error: unknown) => {
        throw new StoreWriteError(error);
      });
    }
    const today = todayKey(this.deps.clock);
    const read = await readStoredTeam((key) => this.deps.storage.get(key), this.deps.files, this.deps.keys.team, today, {
      reuse: this.writer.heldByName(),
      slices: new Slices(),
    });
    if (read.kind === 'newer') {
      this.newerData = { schemaVersion: read.schemaVersion, raw: this.deps.storage.get(this.deps.keys.team) };
    } else {
      await keepAside(this.deps.storage, this.deps.keys, read.keptAside, today);
      this.data = read.data;
      this.writer.adopt(read);
      this.unread = read.unread;
      this.unknownOwners = ownersOf(read.unknown);
    }
    this.changed.fire({ collections: ['people', ...CHUNKED] });
  }

  /**
   * Nothing about a person some of whose chunks could not be read may change: a new chunk for them
   * could replace one that is only missing for now. Nor may a person with records of a kind this
   * version does not know be deleted: those records would be left without their person.
   */
  private refuseWhereUnread(draft: Draft): void {
    const blocked = new Set(this.unread.map((u) => u.personId));
    for (const personId of blocked) {
      if (touches(this.data, draft, personId)) {
        const reason = this.unread.find((u) => u.personId === personId)?.reason ?? 'missing';
        throw new StoreRefusal(
          reason === 'missing'
            ? l10n.t(
                "Some of {0}'s records are not in storage right now (a file is missing), so nothing about them can change until they can be read. Nothing was changed.",
                personId === '' ? l10n.t('the team') : this.nameOf(personId),
              )
            : l10n.t(
                "Some of {0}'s records could not be read from storage, so nothing about them can change until they can be. Nothing was changed.",
                personId === '' ? l10n.t('the team') : this.nameOf(personId),
              ),
        );
      }
    }
    for (const personId of this.unknownOwners) {
      if (this.data.people.some((p) => p.id === personId) && !draft.people.some((p) => p.id === personId)) {
        throw new StoreRefusal(
          l10n.t(
            '{0} has records that a newer version of Tech Lead Coach wrote, which this version cannot show. Delete them with that version. Nothing was changed.',
            this.nameOf(personId),
          ),
        );
      }
    }
  }
}

/** Whether a change from `before` to `after` touches a person: their record, or any record about them. */
function touches(before: TeamData, after: Draft, personId: string): boolean {
  const person = (data: TeamData): Person | undefined => data.people.find((p) => p.id === personId);
  if (!sameValue(person(before), person(after))) {
    return true;
  }
  for (const collection of CHUNKED) {
    // '' is nobody in particular: the chunk of records about the team.
    const theirs = (data: TeamData): PersonRecord[] =>
      (data[collection] as readonly PersonRecord[]).filter((r) => (r.personId ?? '') === personId);
    const was = theirs(before);
    const is = theirs(after);
    const held = new Set(was);
    if (was.length !== is.length || is.some((r) => !held.has(r))) {
      return true;
    }
  }
  return false;
}

/** The people that chunks of unknown kinds are about, from their names. */
function ownersOf(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map((name) => parseChunkName(name)?.personId).filter((id): id is string => id !== undefined));
}

export async function keepAside(storage: StateStorage, keys: TeamStoreKeys, records: readonly Unreadable[], today: DateKey): Promise<void> {
  if (records.length === 0) {
    return;
  }
  const previous = readKeptAside(storage.get(keys.keptAside));
  // A load that failed after keeping records aside (a migration whose new key could not be written)
  // keeps them aside again when it is retried: each is kept once.
  const fresh = records.filter((r) => !previous.some((p) => p.reason === r.reason && sameValue(p.raw, r.raw)));
  if (fresh.length === 0) {
    return;
  }
  await storage.update(keys.keptAside, [...previous, ...fresh.map((r) => ({ ...r, keptOn: today }))]);
}

function readKeptAside(raw: unknown): KeptAsideRecord[] {
  if (raw === undefined || raw === null) {
    return [];
  }
  // Even a damaged kept-aside list is kept: it is wrapped rather than replaced.
  return Array.isArray(raw) ? (raw as KeptAsideRecord[]) : [{ raw, reason: 'kept-aside data in an unknown shape', keptOn: '' as DateKey }];
}
