import { daysBetween, todayKey, type Clock, type DateKey } from '../core/dates';
import {
  createDelegation,
  HISTORY_MAX,
  isDone,
  isOverdue,
  type Delegation,
  type DelegationEvent,
  type DelegationV1,
  type NewDelegation,
} from './delegations';
import { compareDays, compareText, sameValue } from '../core/compare';
import type { DelegationLevel } from './delegationLevels';
import { UserFacingError } from '../core/errors';
import { Emitter, SerialQueue, type ChunkFiles, type StateStorage } from '../core/storage';
import { FEEDBACK_MAX, type Feedback } from './feedback';
import { findPersonByName, PEOPLE_MAX, type Person } from './people';
import { lastOneOnOne, nextOneOnOneDue, ONE_ON_ONES_MAX, TOPICS, type Mood, type OneOnOne, type Topic } from './oneOnOnes';
import {
  attachPeople,
  COLLECTIONS,
  EMPTY_TEAM,
  migrateLegacy,
  chunkWrites,
  generationOfFile,
  MARKER_SCHEMA_VERSION,
  readStoredTeam,
  reconcileLegacy,
  STATE_CHUNKS_SCHEMA_VERSION,
  storedVersionOf,
  TEAM_SCHEMA_VERSION,
  validateRecord,
  type ChunkedRead,
  type Collection,
  type HeldChunk,
  type LegacyMarker,
  type TeamData,
  type TeamRecord,
  type Unreadable,
} from './stored';
import * as l10n from '../core/l10n';

/** The most delegations one workspace holds; far beyond years of a busy lead's work. */
export const DELEGATIONS_MAX = 50_000;

const LIMITS: Readonly<Record<Collection, number>> = {
  people: PEOPLE_MAX,
  delegations: DELEGATIONS_MAX,
  oneOnOnes: ONE_ON_ONES_MAX,
  feedback: FEEDBACK_MAX,
};

/**
 * How old the index read at load must be before the chunk files it no longer names are removed:
 * far longer than VS Code can take to write workspace state to disk after a change (it flushes at
 * least once a minute).
 */
export const SETTLED_MS = 10 * 60 * 1000;

/** Stored data this version could not read, kept intact so nothing is ever silently lost. */
export interface KeptAsideRecord {
  readonly raw: unknown;
  readonly reason: string;
  readonly keptOn: DateKey;
}

export interface TeamStoreKeys {
  /** The index (version 4; version 3 with its chunks under `<team>/…` beside it; version 2 alone). */
  readonly team: string;
  /** Release 0.1's delegations, migrated on first load and then replaced by a marker. */
  readonly legacy: string;
  readonly keptAside: string;
}

/** Which collections a change touched. */
export interface TeamChange {
  readonly collections: readonly Collection[];
}

/**
 * One step of an Undo: the inverse of one change, applied only where nothing changed since.
 * Never a snapshot, so an Undo cannot wipe out work done after the change.
 */
export type UndoStep =
  /** Undo of an addition: remove the record if it is still exactly as added (a person only while nothing points to them). */
  | { readonly kind: 'remove'; readonly collection: Collection; readonly record: TeamRecord }
  /** Undo of a deletion: put the record back if its id is free (and its person is there). */
  | { readonly kind: 'reinsert'; readonly collection: Collection; readonly record: TeamRecord }
  /** Undo of Mark done: reopen it if it is still done. */
  | { readonly kind: 'reopen'; readonly id: string; readonly task: string }
  /** Undo of an update: put back each field that changed, where it still holds the new value. */
  | { readonly kind: 'revert'; readonly collection: Collection; readonly before: TeamRecord; readonly after: TeamRecord };

export interface Undoable {
  readonly steps: readonly UndoStep[];
}

/** What an Undo did, and what it had to leave because it changed since. */
export interface UndoResult {
  readonly applied: number;
  readonly left: readonly { readonly what: string; readonly reason: string }[];
}

/** The outcome of a change that can be undone. */
export interface Done<T> {
  readonly value: T;
  readonly undo: Undoable;
}

/** What an import did, and how to undo exactly that. */
export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** What was added or updated, per collection, for the summary. */
  readonly changedBy: Readonly<Record<Collection, number>>;
  /**
   * People of the file matched to someone in the team by name whose role, 1:1 cadence or archived
   * state differ in the file: the team's are kept, and the summary says so. Their names, as in the team.
   */
  readonly keptByName: readonly string[];
  readonly undo: Undoable;
}

/** "1 person", "3 delegations": a count of records of one collection. */
function countOf(collection: Collection, count: number): string {
  switch (collection) {
    case 'people':
      return count === 1 ? l10n.t('1 person') : l10n.t('{0} people', count);
    case 'delegations':
      return count === 1 ? l10n.t('1 delegation') : l10n.t('{0} delegations', count);
    case 'oneOnOnes':
      return count === 1 ? l10n.t('1 1:1') : l10n.t('{0} 1:1s', count);
    case 'feedback':
      return count === 1 ? l10n.t('1 feedback entry') : l10n.t('{0} feedback entries', count);
  }
}

/** "2 added, 0 updated, 5 unchanged (1 person, 1 delegation)". */
export function describeImport(result: ImportResult): string {
  const detail = COLLECTIONS.filter((c) => result.changedBy[c] > 0).map((c) => countOf(c, result.changedBy[c]));
  const counts =
    detail.length > 0
      ? l10n.t('{0} added, {1} updated, {2} unchanged ({3})', result.added, result.updated, result.unchanged, detail.join(', '))
      : l10n.t('{0} added, {1} updated, {2} unchanged', result.added, result.updated, result.unchanged);
  const kept = result.keptByName;
  if (kept.length === 0) {
    return counts;
  }
  return kept.length === 1
    ? l10n.t(
        '{0}. {1} was matched by name to the person in the team, whose role, 1:1 cadence and archived state were kept',
        counts,
        kept[0] ?? '',
      )
    : l10n.t(
        '{0}. {1} were matched by name to people in the team, whose roles, 1:1 cadences and archived states were kept',
        counts,
        kept.join(', '),
      );
}

/** A change refused before anything was written; the message is for the user. */
export class StoreRefusal extends UserFacingError {
  override readonly name = 'StoreRefusal';
  constructor(message: string) {
    super(message, 'warning');
  }
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

export interface NewOneOnOne {
  /** The person by name, found or added. */
  readonly person: string;
  readonly on: DateKey;
  readonly mood?: Mood;
  readonly notes?: string;
  readonly topics: readonly Topic[];
}

export type NewFeedback =
  | {
      readonly person: string;
      readonly on: DateKey;
      readonly kind: 'given';
      readonly situation: string;
      readonly behaviour: string;
      readonly impact: string;
    }
  | { readonly person: string; readonly on: DateKey; readonly kind: 'asked'; readonly said: string; readonly change: string };

export interface PersonChanges {
  readonly name?: string;
  /** `null` removes the role. */
  readonly role?: string | null;
  readonly cadenceDays?: number;
  readonly archived?: boolean;
}

/** Options the store reads when it adds someone. */
export interface TeamDefaults {
  cadenceDays(): number;
}

export const undoMarkDone = (record: Delegation): Undoable => ({ steps: [{ kind: 'reopen', id: record.id, task: record.task }] });

type Draft = { -readonly [C in Collection]: TeamData[C][number][] };

/**
 * The team tracker: people, the work delegated to them, 1:1s and feedback. Every change is
 * computed, written to storage and only then made visible (memory updated, listeners told), one
 * change at a time: a write either happens or leaves no trace. Records are immutable.
 */
export class TeamStore {
  private data: TeamData;
  /** The chunks as stored, by bucket, holding the very records shown; and the generation of the index. */
  private chunks: ReadonlyMap<string, HeldChunk> = new Map();
  private generation = 0;
  private readonly queue = new SerialQueue();
  private readonly changed = new Emitter<TeamChange>();
  readonly onDidChange = this.changed.event;

  private constructor(
    private readonly storage: StateStorage,
    private readonly files: ChunkFiles,
    private readonly keys: TeamStoreKeys,
    private readonly clock: Clock,
    private readonly newId: () => string,
    private readonly defaults: TeamDefaults,
    data: TeamData,
    private readonly newlyKeptAside: number,
    /** Set when the stored tracker is from a newer version: the store is then read-only. */
    readonly newer: NewerData | undefined,
    /** How many people the migration from release 0.1 added; 0 when there was none. */
    readonly migratedPeople: number,
    /** Set when loading failed (a migration write storage refused): nothing is shown or changed. */
    readonly unavailable?: string,
  ) {
    this.data = data;
  }

  /**
   * A store for a workspace whose data could not be loaded: empty, and refusing every change with
   * the reason, so nothing is written over what is stored. The rest of the extension still works.
   */
  static unavailableBecause(
    storage: StateStorage,
    files: ChunkFiles,
    keys: TeamStoreKeys,
    clock: Clock,
    newId: () => string,
    defaults: TeamDefaults,
    reason: string,
  ): TeamStore {
    return new TeamStore(storage, files, keys, clock, newId, defaults, EMPTY_TEAM, 0, undefined, 0, reason);
  }

  /**
   * Loads the tracker. Release 0.1's data is migrated: the new key is written and read back before
   * the old one is replaced by a marker, so a crash between the two leaves the old data in place.
   * Records that fail validation are moved to the kept-aside key before the tracker is rewritten.
   * A tracker saved by a newer version is left exactly as it is, and the store goes read-only.
   * Version 3 (chunks in workspace state) moves its chunks to `files` (see moveChunksToFiles).
   */
  static async load(
    storage: StateStorage,
    files: ChunkFiles,
    keys: TeamStoreKeys,
    clock: Clock,
    newId: () => string,
    defaults: TeamDefaults,
  ): Promise<TeamStore> {
    const today = todayKey(clock);
    const make = (data: TeamData, keptAside: number, newer?: NewerData, migrated = 0): TeamStore =>
      new TeamStore(storage, files, keys, clock, newId, defaults, data, keptAside, newer, migrated);
    const stored = storage.get(keys.team);
    const legacy = storage.get(keys.legacy);
    const legacyVersion = storedVersionOf(legacy);
    const storedVersion = storedVersionOf(stored);
    // A newer version under either key: it may have moved or changed the team, so nothing here reads or writes it.
    if (storedVersion !== undefined && storedVersion > TEAM_SCHEMA_VERSION) {
      return make(EMPTY_TEAM, 0, { schemaVersion: storedVersion, raw: stored });
    }
    if (legacyVersion !== undefined && legacyVersion > TEAM_SCHEMA_VERSION) {
      return make(EMPTY_TEAM, 0, { schemaVersion: legacyVersion, raw: legacy });
    }
    const hasLegacy = legacy !== undefined && legacy !== null;
    const isMarker = legacyVersion !== undefined && legacyVersion >= MARKER_SCHEMA_VERSION;
    if (stored === undefined && hasLegacy) {
      if (isMarker) {
        // A marker whose data is gone: nothing to migrate.
        return make(EMPTY_TEAM, 0);
      }
      const migrated = migrateLegacy(legacy, today, newId, defaults.cadenceDays());
      await keepAside(storage, keys, migrated.keptAside, today);
      const store = make(migrated.data, migrated.keptAside.length, undefined, migrated.data.people.length);
      await store.persist(migrated.data);
      if (!(await store.readsBackAs(migrated.data, today))) {
        throw new Error(l10n.t('The migrated tracker did not read back as written; the release 0.1 data was left in place.'));
      }
      const marker: LegacyMarker = { schemaVersion: MARKER_SCHEMA_VERSION, movedTo: keys.team };
      await storage.update(keys.legacy, marker);
      return store;
    }
    const read = await readStoredTeam((key) => storage.get(key), files, keys.team, today);
    if (read.kind === 'newer') {
      return make(EMPTY_TEAM, 0, { schemaVersion: read.schemaVersion, raw: stored });
    }
    let { data, keptAside } = read;
    const leftBehind = hasLegacy && !isMarker;
    if (leftBehind) {
      // The move from 0.1 stopped before the marker was written: whatever 0.1 wrote since is not lost.
      const reconciled = reconcileLegacy(data, legacy, today, newId, defaults.cadenceDays());
      data = reconciled.data;
      keptAside = [...keptAside, ...reconciled.keptAside];
    }
    await keepAside(storage, keys, keptAside, today);
    const store = make(data, keptAside.length);
    store.generation = read.generation;
    if (read.version === STATE_CHUNKS_SCHEMA_VERSION) {
      await store.moveChunksToFiles(stored, data, today);
    } else {
      store.chunks = read.chunks;
      // Version 2 becomes chunks; chunks that lost a record, or records 0.1 added, are written again;
      // anything kept aside is left out of the index written again, so it is never read twice.
      if (stored !== undefined && (read.version !== TEAM_SCHEMA_VERSION || read.keptAside.length > 0 || read.dirty || data !== read.data)) {
        await store.persist(data);
      }
    }
    if (leftBehind) {
      const marker: LegacyMarker = { schemaVersion: MARKER_SCHEMA_VERSION, movedTo: keys.team };
      await storage.update(keys.legacy, marker);
    }
    await store.removeUnnamed(read);
    return store;
  }

  /**
   * Version 3 to 4: every chunk written as a file, then the version-4 index (the moment the move
   * happens), read back and compared, and only then the version-3 chunk keys removed. Until the
   * index is written the version-3 data is whole and is what the next load reads (the files
   * written are named by no index); once it is, the files hold everything. The index and the old
   * keys are in the same workspace state, which VS Code writes whole: no flush can hold the keys'
   * removal without the index that replaced them. A move that does not read back as written puts
   * the version-3 index back and fails the load.
   */
  private async moveChunksToFiles(v3Index: unknown, data: TeamData, today: DateKey): Promise<void> {
    this.chunks = new Map();
    await this.persist(data);
    if (!(await this.readsBackAs(data, today))) {
      await this.storage.update(this.keys.team, v3Index);
      throw new Error(l10n.t('The tracker did not read back as written when its history moved to files; it was left as it was.'));
    }
  }

  /** Whether the stored tracker, read back as the next load will read it, holds exactly `data`. */
  private async readsBackAs(data: TeamData, today: DateKey): Promise<boolean> {
    const back = await this.readBack(today);
    return (
      back.kind === 'read' &&
      back.keptAside.length === 0 &&
      COLLECTIONS.every((c) => sameValue(byId<TeamRecord>(back.data[c]), byId<TeamRecord>(data[c])))
    );
  }

  /** The tracker as storage holds it, read back as the next load will read it (the index and the chunks it names); the test API reads it too. */
  readBack(today: DateKey = todayKey(this.clock)): Promise<ChunkedRead> {
    return readStoredTeam((key) => this.storage.get(key), this.files, this.keys.team, today);
  }

  /** How many records this load had to keep aside (to tell the user once). */
  get keptAsideOnLoad(): number {
    return this.newlyKeptAside;
  }

  keptAside(): KeptAsideRecord[] {
    return readKeptAside(this.storage.get(this.keys.keptAside));
  }

  /** Everything, as stored. */
  snapshot(): TeamData {
    return this.data;
  }

  all(): readonly Delegation[] {
    return this.data.delegations;
  }

  get(id: string): Delegation | undefined {
    return this.data.delegations.find((d) => d.id === id);
  }

  /** Everyone, archived people included. */
  allPeople(): readonly Person[] {
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
  people(): string[] {
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

  overdue(): Delegation[] {
    const today = todayKey(this.clock);
    return this.data.delegations.filter((d) => isOverdue(d, today));
  }

  /** People not archived whose 1:1 is overdue, the most overdue first. */
  overdueOneOnOnes(): Person[] {
    const today = todayKey(this.clock);
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
    return latest === undefined ? undefined : daysBetween(latest, todayKey(this.clock));
  }

  // -------------------------------------------------------------------------------------------
  // People

  addPerson(input: { readonly name: string; readonly role?: string; readonly cadenceDays?: number }): Promise<Done<Person>> {
    return this.commit((draft, today) => {
      const existing = findPersonByName(draft.people, input.name);
      if (existing) {
        throw new StoreRefusal(
          existing.archived
            ? l10n.t('{0} is already in the team (archived: restore them from the Team view).', existing.name)
            : l10n.t('{0} is already in the team.', existing.name),
        );
      }
      const person = this.checked(
        'people',
        {
          id: this.newId(),
          name: input.name,
          ...(input.role ? { role: input.role } : {}),
          cadenceDays: input.cadenceDays ?? this.defaults.cadenceDays(),
          addedOn: today,
        },
        today,
      );
      draft.people.push(person);
      return {
        changed: ['people'],
        result: { value: person, undo: { steps: [{ kind: 'remove', collection: 'people', record: person }] } },
      };
    });
  }

  /** Renames, sets the role or cadence, archives or restores: one record changes, every view follows. */
  updatePerson(id: string, changes: PersonChanges): Promise<Done<Person> | undefined> {
    return this.commit((draft, today) => {
      const index = draft.people.findIndex((p) => p.id === id);
      const current = draft.people[index];
      if (!current) {
        return { changed: [], result: undefined };
      }
      if (changes.name !== undefined) {
        const clash = findPersonByName(draft.people, changes.name);
        if (clash && clash.id !== id) {
          throw new StoreRefusal(
            clash.archived
              ? l10n.t('{0} is already in the team (archived); choose another name.', clash.name)
              : l10n.t('{0} is already in the team; choose another name.', clash.name),
          );
        }
      }
      const { role: _role, archived: _archived, ...rest } = current;
      const role = changes.role === undefined ? current.role : (changes.role ?? undefined);
      const archived = changes.archived === undefined ? current.archived === true : changes.archived;
      const next = this.checked(
        'people',
        {
          ...rest,
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(role ? { role } : {}),
          ...(changes.cadenceDays !== undefined ? { cadenceDays: changes.cadenceDays } : {}),
          ...(archived ? { archived: true as const } : {}),
        },
        today,
      );
      if (sameValue(next, current)) {
        return { changed: [], result: { value: current, undo: { steps: [] } } };
      }
      draft.people[index] = next;
      return {
        changed: ['people'],
        result: { value: next, undo: { steps: [{ kind: 'revert', collection: 'people', before: current, after: next }] } },
      };
    });
  }

  /** Removes a person and everything about them; the Undo puts it all back. */
  deletePerson(id: string): Promise<Done<{ person: Person; records: number }> | undefined> {
    return this.commit((draft) => {
      const person = draft.people.find((p) => p.id === id);
      if (!person) {
        return { changed: [], result: undefined };
      }
      const steps: UndoStep[] = [{ kind: 'reinsert', collection: 'people', record: person }];
      let records = 0;
      for (const collection of ['delegations', 'oneOnOnes', 'feedback'] as const) {
        const theirs = (draft[collection] as { personId: string }[]).filter((r) => r.personId === id);
        records += theirs.length;
        theirs.forEach((record) => steps.push({ kind: 'reinsert', collection, record: record as TeamRecord }));
        (draft[collection] as unknown[]) = (draft[collection] as { personId: string }[]).filter((r) => r.personId !== id);
      }
      draft.people = draft.people.filter((p) => p.id !== id);
      return { changed: [...COLLECTIONS], result: { value: { person, records }, undo: { steps } } };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Delegations

  /** Logs a delegation; a new name adds the person in the same change (and the Undo removes both). */
  log(input: NewDelegation): Promise<Done<Delegation>> {
    return this.commit((draft, today) => {
      const owner = this.resolvePerson(draft, input.person, today);
      const { person: _name, ...fields } = input;
      const delegation = this.checked('delegations', createDelegation(this.newId(), fields, owner.person.id, today), today);
      draft.delegations.push(delegation);
      return {
        changed: owner.steps.length > 0 ? ['people', 'delegations'] : ['delegations'],
        result: { value: delegation, undo: { steps: [{ kind: 'remove', collection: 'delegations', record: delegation }, ...owner.steps] } },
      };
    });
  }

  markDone(id: string): Promise<Delegation | undefined> {
    return this.change(id, (d, on) => (isDone(d) ? d : withEvent({ ...d, doneOn: on }, { kind: 'done', on })));
  }

  reopen(id: string): Promise<Delegation | undefined> {
    return this.change(id, reopened);
  }

  changeFollowUp(id: string, followUpOn: DateKey): Promise<Delegation | undefined> {
    return this.change(id, (d, on) =>
      d.followUpOn === followUpOn
        ? d
        : withEvent({ ...d, followUpOn }, { kind: 'followUpChanged', on, from: d.followUpOn, to: followUpOn }),
    );
  }

  changeLevel(id: string, level: DelegationLevel): Promise<Delegation | undefined> {
    return this.change(id, (d, on) =>
      d.level === level ? d : withEvent({ ...d, level }, { kind: 'levelChanged', on, from: d.level, to: level }),
    );
  }

  /** Edits the task or the note (an empty note removes it). */
  edit(id: string, field: 'task' | 'note', value: string | undefined): Promise<Delegation | undefined> {
    return this.change(id, (d, on) => {
      const current = d[field];
      if (current === value) {
        return d;
      }
      if (field === 'note') {
        const { note: _note, ...rest } = d;
        return withEvent(value === undefined ? rest : { ...rest, note: value }, { kind: 'edited', on, field });
      }
      return value === undefined ? d : withEvent({ ...d, [field]: value }, { kind: 'edited', on, field });
    });
  }

  /** Gives a delegation to someone else, by name (found or added). */
  reassign(id: string, personName: string): Promise<Delegation | undefined> {
    return this.commit((draft, today) => {
      const index = draft.delegations.findIndex((d) => d.id === id);
      const current = draft.delegations[index];
      if (!current) {
        return { changed: [], result: undefined };
      }
      const owner = this.resolvePerson(draft, personName, today);
      if (owner.person.id === current.personId) {
        return { changed: [], result: current };
      }
      const next = this.checked(
        'delegations',
        withEvent({ ...current, personId: owner.person.id }, { kind: 'edited', on: today, field: 'person' }),
        today,
      );
      draft.delegations[index] = next;
      return { changed: ['people', 'delegations'], result: next };
    });
  }

  /**
   * Records a check-in (with an optional note) and moves the follow-up to `nextFollowUpOn`.
   * Only on open work: a done delegation must be reopened first.
   */
  checkIn(id: string, note: string | undefined, nextFollowUpOn: DateKey): Promise<Delegation | undefined> {
    return this.change(id, (d, on) => {
      if (isDone(d)) {
        throw new StoreRefusal(l10n.t('"{0}" is done; reopen it before logging a check-in.', d.task));
      }
      const withCheckIn = withEvent(d, { kind: 'checkIn', on, ...(note ? { note } : {}) });
      return d.followUpOn === nextFollowUpOn
        ? withCheckIn
        : withEvent(
            { ...withCheckIn, followUpOn: nextFollowUpOn },
            { kind: 'followUpChanged', on, from: d.followUpOn, to: nextFollowUpOn },
          );
    });
  }

  delete(id: string): Promise<Done<Delegation> | undefined> {
    return this.commit((draft) => {
      const delegation = draft.delegations.find((d) => d.id === id);
      if (!delegation) {
        return { changed: [], result: undefined };
      }
      draft.delegations = draft.delegations.filter((d) => d.id !== id);
      return {
        changed: ['delegations'],
        result: { value: delegation, undo: { steps: [{ kind: 'reinsert', collection: 'delegations', record: delegation }] } },
      };
    });
  }

  // -------------------------------------------------------------------------------------------
  // 1:1s and feedback

  logOneOnOne(input: NewOneOnOne): Promise<Done<OneOnOne>> {
    return this.commit((draft, today) => {
      const owner = this.resolvePerson(draft, input.person, today);
      const meeting = this.checked(
        'oneOnOnes',
        {
          id: this.newId(),
          personId: owner.person.id,
          on: input.on,
          ...(input.mood === undefined ? {} : { mood: input.mood }),
          ...(input.notes === undefined ? {} : { notes: input.notes }),
          // Each topic once, in one order, however they were given: the form a stored 1:1 must have.
          topics: TOPICS.filter((topic) => input.topics.includes(topic)),
        },
        today,
      );
      draft.oneOnOnes.push(meeting);
      return {
        changed: ['people', 'oneOnOnes'],
        result: { value: meeting, undo: { steps: [{ kind: 'remove', collection: 'oneOnOnes', record: meeting }, ...owner.steps] } },
      };
    });
  }

  logFeedback(input: NewFeedback): Promise<Done<Feedback>> {
    return this.commit((draft, today) => {
      const owner = this.resolvePerson(draft, input.person, today);
      const { person: _name, ...fields } = input;
      const entry = this.checked('feedback', { id: this.newId(), personId: owner.person.id, ...fields }, today);
      draft.feedback.push(entry);
      return {
        changed: ['people', 'feedback'],
        result: { value: entry, undo: { steps: [{ kind: 'remove', collection: 'feedback', record: entry }, ...owner.steps] } },
      };
    });
  }

  /** Removes one 1:1 or feedback entry logged by mistake; the Undo puts it back. */
  deleteEntry(collection: 'oneOnOnes' | 'feedback', id: string): Promise<Done<OneOnOne | Feedback> | undefined> {
    return this.commit((draft) => {
      const list = draft[collection] as (OneOnOne | Feedback)[];
      const entry = list.find((r) => r.id === id);
      if (!entry) {
        return { changed: [], result: undefined };
      }
      (draft[collection] as (OneOnOne | Feedback)[]) = list.filter((r) => r.id !== id);
      return { changed: [collection], result: { value: entry, undo: { steps: [{ kind: 'reinsert', collection, record: entry }] } } };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Import and Undo

  /**
   * Merges imported data by id: new ids are added, differing records replace the stored ones,
   * identical ones are left alone. An imported person whose name is already in the team is that
   * person. Returns the counts and the inverse of exactly this import.
   */
  importMerge(incoming: TeamData, options: { readonly keepNotes?: boolean } = {}): Promise<ImportResult> {
    return this.commit((draft) => mergeInto(draft, incoming, options.keepNotes === true));
  }

  /** Imports a release 0.1 file: each name is the team member of that name, or joins the team. */
  importLegacy(named: readonly DelegationV1[]): Promise<ImportResult> {
    return this.commit((draft, today) => {
      const { added, delegations } = attachPeople(named, draft.people, today, this.newId, this.defaults.cadenceDays());
      return mergeInto(draft, { people: added, delegations, oneOnOnes: [], feedback: [] }, false);
    });
  }

  /**
   * Applies the inverse of one change, step by step, only where nothing changed since; says what it
   * had to leave and why. One write for the whole Undo.
   */
  undo(undoable: Undoable): Promise<UndoResult> {
    return this.commit((draft, today) => {
      let applied = 0;
      const left: { what: string; reason: string }[] = [];
      for (const step of undoable.steps) {
        const outcome = this.undoStep(draft, step, today);
        if (outcome.left !== undefined) {
          left.push({ what: describeStep(step, draft), reason: outcome.left });
        }
        if (outcome.applied) {
          applied++;
        }
      }
      return { changed: applied === 0 ? [] : [...COLLECTIONS], result: { applied, left } };
    });
  }

  /** Throws the read-only refusal when the stored tracker is from a newer version, so a command can stop before asking anything. */
  refuseIfReadOnly(): void {
    if (this.unavailable !== undefined) {
      throw new StoreRefusal(
        l10n.t(
          'Your team data could not be loaded ({0}). It is stored as it was and nothing was changed; reload the window to try again.',
          this.unavailable,
        ),
      );
    }
    if (this.newer) {
      throw new StoreRefusal(
        l10n.t(
          "This workspace's team data was saved by a newer version of Tech Lead Coach (schema {0}). It is kept as it is and this version does not change it: update the extension.",
          this.newer.schemaVersion,
        ),
      );
    }
  }

  /** Resolves once every write started so far has reached storage (or been refused). */
  flushed(): Promise<void> {
    return this.queue.idle();
  }

  dispose(): void {
    this.changed.dispose();
  }

  // -------------------------------------------------------------------------------------------

  /** The person a name refers to, added (with the step that undoes it) when new. Archived people are not given new work. */
  private resolvePerson(draft: Draft, name: string, today: DateKey): { person: Person; steps: UndoStep[] } {
    const existing = findPersonByName(draft.people, name);
    if (existing?.archived) {
      throw new StoreRefusal(l10n.t('{0} is archived. Restore them from the Team view first.', existing.name));
    }
    if (existing) {
      return { person: existing, steps: [] };
    }
    const person = this.checked('people', { id: this.newId(), name, cadenceDays: this.defaults.cadenceDays(), addedOn: today }, today);
    draft.people.push(person);
    return { person, steps: [{ kind: 'remove', collection: 'people', record: person }] };
  }

  /**
   * Writes `next`: the chunks that changed, as new files (written together), then the index in
   * workspace state that names them: the moment the change happens. A failure before the index
   * leaves files no index names, never read; the stored tracker stays as it was.
   *
   * The chunks the new index no longer names are NOT removed here. VS Code resolves a workspace
   * state `update` before it writes the state to disk (it flushes later, all of it at once), so
   * after a crash the index on disk may be an older one, naming those very files. They are removed
   * at a later load, once no index that could still be on disk names them (removeUnnamed).
   */
  private async persist(next: TeamData): Promise<void> {
    const generation = this.generation + 1;
    const plan = chunkWrites(next, this.chunks, generation, this.clock.now().getTime());
    await Promise.all(plan.writes.map(([name, chunk]) => this.files.write(name, JSON.stringify(chunk))));
    await this.storage.update(this.keys.team, plan.index);
    this.chunks = plan.chunks;
    this.generation = generation;
  }

  /**
   * At load: removes the chunk files no index can name any more, and version 3's chunk keys, which
   * no version-4 index names. Names in the folder that are not chunk file names are left alone; a
   * removal that fails is tried again at the next load.
   *
   * - A file of a later generation than the index read at load was written by a change whose index
   *   was never stored (it failed, or the window closed first): no index names it, none ever will.
   * - A file of that generation or earlier that the index no longer names was replaced by a later
   *   change. The index read here is usually the one on disk, but not always: when only the
   *   extension host restarted, VS Code hands over the state it holds in memory, which it writes to
   *   disk a little later (it batches writes, and flushes at least once a minute). Until then a
   *   crash would bring back an older index naming that file, so it is removed only once the index
   *   read here is older than SETTLED_MS.
   */
  private async removeUnnamed(read: {
    readonly named: readonly string[];
    readonly generation: number;
    readonly savedAt: number | undefined;
  }): Promise<void> {
    const live = new Set([...read.named, ...[...this.chunks.values()].map((c) => c.key)]);
    const settled = read.savedAt !== undefined && this.clock.now().getTime() - read.savedAt >= SETTLED_MS;
    const removable = (name: string): boolean => {
      const generation = generationOfFile(name);
      return generation !== undefined && !live.has(name) && (generation > read.generation || settled);
    };
    const prefix = `${this.keys.team}/`;
    const oldKeys = (this.storage.keys?.() ?? []).filter((key) => key.startsWith(prefix));
    const files = await this.files.list().then(undefined, () => []);
    await Promise.all([
      ...oldKeys.map((key) => Promise.resolve(this.storage.update(key, undefined)).then(undefined, () => undefined)),
      ...files.filter(removable).map((name) => this.files.remove(name).then(undefined, () => undefined)),
    ]);
  }

  private change(id: string, apply: (d: Delegation, on: DateKey) => Delegation): Promise<Delegation | undefined> {
    return this.commit((draft, today) => {
      const index = draft.delegations.findIndex((d) => d.id === id);
      const current = draft.delegations[index];
      if (!current) {
        return { changed: [], result: undefined };
      }
      const next = apply(current, today);
      if (next === current) {
        return { changed: [], result: current };
      }
      const saved = this.checked('delegations', next, today);
      draft.delegations[index] = saved;
      return { changed: ['delegations'], result: saved };
    });
  }

  /** A record about to be written must be one that loads back: the same rules as reading. */
  private checked<C extends Collection>(collection: C, record: TeamData[C][number], today: DateKey): TeamData[C][number] {
    const result = validateRecord(collection, record, today);
    if (!result.ok) {
      throw new StoreRefusal(
        collection === 'people'
          ? l10n.t('That change would store an invalid person ({0}). Nothing was changed.', result.error)
          : l10n.t('That change would store an invalid record ({0}). Nothing was changed.', result.error),
      );
    }
    return result.value;
  }

  private undoStep(draft: Draft, step: UndoStep, today: DateKey): { applied: boolean; left?: string } {
    switch (step.kind) {
      case 'remove': {
        const list = draft[step.collection] as TeamRecord[];
        const current = list.find((r) => r.id === step.record.id);
        if (!current) {
          return { applied: false };
        }
        if (!sameValue(current, step.record)) {
          return { applied: false, left: l10n.t('it was changed after, so it was kept') };
        }
        if (step.collection === 'people' && isReferenced(draft, step.record.id)) {
          return { applied: false, left: l10n.t('records about them were added after, so they were kept') };
        }
        (draft[step.collection] as TeamRecord[]) = list.filter((r) => r.id !== step.record.id);
        return { applied: true };
      }
      case 'reinsert': {
        const list = draft[step.collection] as TeamRecord[];
        if (list.some((r) => r.id === step.record.id)) {
          return { applied: false, left: l10n.t('a record with the same id exists again') };
        }
        if (step.collection === 'people') {
          // Someone added under that name since: two people of one name would be one person to every lookup.
          const clash = findPersonByName(draft.people, (step.record as Person).name);
          if (clash) {
            return { applied: false, left: l10n.t('{0} is in the team under that name now', clash.name) };
          }
        }
        if ('personId' in step.record && !draft.people.some((p) => p.id === (step.record as { personId: string }).personId)) {
          return { applied: false, left: l10n.t('their person is no longer in the team') };
        }
        list.push(step.record);
        return { applied: true };
      }
      case 'reopen': {
        const index = draft.delegations.findIndex((d) => d.id === step.id);
        const current = draft.delegations[index];
        if (!current) {
          return { applied: false, left: l10n.t('it was deleted after') };
        }
        if (!isDone(current)) {
          return { applied: false };
        }
        draft.delegations[index] = this.checked('delegations', reopened(current, today), today);
        return { applied: true };
      }
      case 'revert': {
        const list = draft[step.collection] as TeamRecord[];
        const index = list.findIndex((r) => r.id === step.after.id);
        const current = list[index];
        if (!current) {
          return { applied: false, left: l10n.t('it was deleted after') };
        }
        const before = step.before as unknown as Record<string, unknown>;
        const after = step.after as unknown as Record<string, unknown>;
        const now = current as unknown as Record<string, unknown>;
        const reverted: Record<string, unknown> = { ...now };
        const kept: string[] = [];
        for (const group of revertibleGroups(step.collection, before, after)) {
          if (group.every((field) => sameValue(before[field], after[field]))) {
            continue; // this change did not touch these
          }
          if (!group.every((field) => sameValue(now[field], after[field]))) {
            kept.push(group.join(' and '));
            continue; // changed again since: the later change wins
          }
          for (const field of group) {
            if (before[field] === undefined) {
              delete reverted[field];
            } else {
              reverted[field] = before[field];
            }
          }
        }
        if (
          step.collection !== 'people' &&
          typeof reverted['personId'] === 'string' &&
          !draft.people.some((p) => p.id === reverted['personId'])
        ) {
          return { applied: false, left: l10n.t('their person is no longer in the team') };
        }
        if (step.collection === 'people' && typeof reverted['name'] === 'string') {
          const clash = findPersonByName(draft.people, reverted['name']);
          if (clash && clash.id !== step.after.id) {
            return { applied: false, left: l10n.t('{0} is in the team under that name now', clash.name) };
          }
        }
        const applied = !sameValue(reverted, now);
        if (applied) {
          list[index] = reverted as unknown as TeamRecord;
        }
        // The fields are named as they are stored ("task", "followUpOn").
        const left =
          kept.length === 0
            ? undefined
            : kept.length === 1
              ? l10n.t('its {0} changed after and was kept', kept.join(', '))
              : l10n.t('its {0} changed after and were kept', kept.join(', '));
        return left === undefined ? { applied } : { applied, left };
      }
    }
  }

  /**
   * The one way anything changes: in turn, compute the next data from a draft of the current one,
   * check that every record about a person points to one, write it, and only once storage
   * accepted it make it visible. A refusal or a failed write changes nothing.
   */
  private commit<T>(compute: (draft: Draft, today: DateKey) => { changed: readonly Collection[]; result: T }): Promise<T> {
    return this.queue.run(async () => {
      this.refuseIfReadOnly();
      const today = todayKey(this.clock);
      const draft: Draft = {
        people: [...this.data.people],
        delegations: [...this.data.delegations],
        oneOnOnes: [...this.data.oneOnOnes],
        feedback: [...this.data.feedback],
      };
      const outcome = compute(draft, today);
      if (outcome.changed.length === 0) {
        return outcome.result;
      }
      for (const collection of COLLECTIONS) {
        if (draft[collection].length > LIMITS[collection] && draft[collection].length > this.data[collection].length) {
          throw new StoreRefusal(tooMany(collection, draft[collection].length, LIMITS[collection]));
        }
      }
      assertAttached(draft);
      const next: TeamData = draft;
      try {
        await this.persist(next);
      } catch (error) {
        throw new StoreWriteError(error);
      }
      this.data = next;
      this.changed.fire({ collections: outcome.changed });
      return outcome.result;
    });
  }
}

/** Merges `incoming` into the draft by id; the change and the steps that undo exactly it. */
function mergeInto(draft: Draft, incoming: TeamData, keepNotes: boolean): { changed: readonly Collection[]; result: ImportResult } {
  const steps: UndoStep[] = [];
  const changedBy: Record<Collection, number> = { people: 0, delegations: 0, oneOnOnes: 0, feedback: 0 };
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const personIds = new Map<string, string>();
  const keptByName: string[] = [];
  const merge = <C extends Collection>(collection: C, record: TeamData[C][number]): void => {
    const list = draft[collection] as TeamRecord[];
    const at = list.findIndex((r) => r.id === record.id);
    const current = list[at];
    if (!current) {
      list.push(record);
      steps.push({ kind: 'remove', collection, record });
      added++;
      changedBy[collection]++;
    } else if (sameValue(current, record)) {
      unchanged++;
    } else {
      list[at] = record;
      steps.push({ kind: 'revert', collection, before: current, after: record });
      updated++;
      changedBy[collection]++;
    }
  };
  for (const person of incoming.people) {
    const sameId = draft.people.find((p) => p.id === person.id);
    const clash = sameId ? findPersonByName(draft.people, person.name) : undefined;
    if (sameId && clash && clash.id !== sameId.id) {
      // Two people of one name would be one person to every lookup by name.
      throw new StoreRefusal(
        l10n.t(
          'The file renames {0} to {1}, but {2} is already in the team. Rename one of them, then import again. Nothing was imported.',
          sameId.name,
          person.name,
          clash.name,
        ),
      );
    }
    const sameName = sameId ? undefined : findPersonByName(draft.people, person.name);
    if (sameName) {
      personIds.set(person.id, sameName.id);
      if (person.role !== sameName.role || person.cadenceDays !== sameName.cadenceDays || person.archived !== sameName.archived) {
        keptByName.push(sameName.name);
      }
      unchanged++;
    } else {
      merge('people', person);
    }
  }
  const owner = (personId: string): string => personIds.get(personId) ?? personId;
  for (const d of incoming.delegations) {
    merge('delegations', { ...d, personId: owner(d.personId) });
  }
  for (const m of incoming.oneOnOnes) {
    const current = keepNotes ? draft.oneOnOnes.find((x) => x.id === m.id) : undefined;
    // A file exported without private notes does not remove the notes kept here.
    merge('oneOnOnes', {
      ...m,
      personId: owner(m.personId),
      ...(current?.notes !== undefined && m.notes === undefined ? { notes: current.notes } : {}),
    });
  }
  for (const f of incoming.feedback) {
    merge('feedback', { ...f, personId: owner(f.personId) });
  }
  // Undone last change first: records about a person go before the person they point to.
  const result: ImportResult = { added, updated, unchanged, changedBy, keptByName, undo: { steps: steps.reverse() } };
  return { changed: added + updated === 0 ? [] : [...COLLECTIONS], result };
}

/** Every record about a person points to one in the team; anything else is a bug refused before it is stored. */
function assertAttached(data: TeamData): void {
  const ids = new Set(data.people.map((p) => p.id));
  for (const collection of ['delegations', 'oneOnOnes', 'feedback'] as const) {
    for (const record of data[collection]) {
      if (!ids.has(record.personId)) {
        throw new StoreRefusal(
          collection === 'oneOnOnes'
            ? l10n.t('That change would leave a 1:1 without its person. Nothing was changed.')
            : l10n.t('That change would leave a record without its person. Nothing was changed.'),
        );
      }
    }
  }
}

function byId<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function isReferenced(data: TeamData, personId: string): boolean {
  return (
    data.delegations.some((r) => r.personId === personId) ||
    data.oneOnOnes.some((r) => r.personId === personId) ||
    data.feedback.some((r) => r.personId === personId)
  );
}

/** Fields an update may have changed, each put back as a whole; a delegation's done state and history go together. */
function revertibleGroups(collection: Collection, before: Record<string, unknown>, after: Record<string, unknown>): string[][] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => field !== 'id');
  if (collection !== 'delegations') {
    return fields.map((field) => [field]);
  }
  return [...fields.filter((field) => field !== 'doneOn' && field !== 'history').map((field) => [field]), ['doneOn', 'history']];
}

/** "This workspace would hold 50,001 delegations; …": the refusal when a change passes a collection's limit. */
function tooMany(collection: Collection, count: number, limit: number): string {
  switch (collection) {
    case 'people':
      return l10n.t('This workspace would hold {0} people; the most it keeps is {1}. Nothing was changed.', count, limit);
    case 'delegations':
      return l10n.t('This workspace would hold {0} delegations; the most it keeps is {1}. Nothing was changed.', count, limit);
    case 'oneOnOnes':
      return l10n.t('This workspace would hold {0} 1:1s; the most it keeps is {1}. Nothing was changed.', count, limit);
    case 'feedback':
      return l10n.t('This workspace would hold {0} feedback; the most it keeps is {1}. Nothing was changed.', count, limit);
  }
}

/** How an Undo message names the record of a step. */
function describeStep(step: UndoStep, data: TeamData): string {
  const name = (personId: string): string => data.people.find((p) => p.id === personId)?.name ?? l10n.t('someone removed');
  if (step.kind === 'reopen') {
    return `"${step.task}"`;
  }
  const record = step.kind === 'revert' ? step.after : step.record;
  switch (step.kind === 'revert' ? step.collection : step.collection) {
    case 'people':
      return (record as Person).name;
    case 'delegations':
      return `"${(record as Delegation).task}"`;
    case 'oneOnOnes':
      return l10n.t('the 1:1 with {0} on {1}', name((record as OneOnOne).personId), (record as OneOnOne).on);
    case 'feedback':
      return (record as Feedback).kind === 'given'
        ? l10n.t('the feedback to {0} on {1}', name((record as Feedback).personId), (record as Feedback).on)
        : l10n.t('the feedback from {0} on {1}', name((record as Feedback).personId), (record as Feedback).on);
  }
}

function reopened(d: Delegation, on: DateKey): Delegation {
  if (!isDone(d)) {
    return d;
  }
  const { doneOn: _doneOn, ...open } = d;
  return withEvent(open, { kind: 'reopened', on });
}

/** Appends an event; past the cap the oldest events after "created" make room, so a record never outgrows what loads. */
function withEvent(delegation: Delegation, event: DelegationEvent): Delegation {
  const history = [...delegation.history, event];
  if (history.length > HISTORY_MAX) {
    history.splice(1, history.length - HISTORY_MAX);
  }
  return { ...delegation, history };
}

async function keepAside(storage: StateStorage, keys: TeamStoreKeys, records: readonly Unreadable[], today: DateKey): Promise<void> {
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

/** What an Undo left and why, in one sentence; undefined when it put everything back. */
export function describeUndoLeft(result: UndoResult): string | undefined {
  if (result.left.length === 0) {
    return undefined;
  }
  const shown = result.left
    .slice(0, 3)
    .map((l) => l10n.t('{0}: {1}', l.what, l.reason))
    .join('; ');
  const list = result.left.length > 3 ? l10n.t('{0}; and {1} more', shown, result.left.length - 3) : shown;
  const left = result.left.length;
  if (result.applied === 0) {
    return left === 1 ? l10n.t('Undo left 1 as it is ({0}).', list) : l10n.t('Undo left {0} as they are ({1}).', left, list);
  }
  if (result.applied === 1) {
    return left === 1
      ? l10n.t('Undo put back 1 change and left 1 as it is ({0}).', list)
      : l10n.t('Undo put back 1 change and left {0} as they are ({1}).', left, list);
  }
  return left === 1
    ? l10n.t('Undo put back {0} changes and left 1 as it is ({1}).', result.applied, list)
    : l10n.t('Undo put back {0} changes and left {1} as they are ({2}).', result.applied, left, list);
}
