import { daysBetween, todayKey, type Clock, type DateKey } from './dates';
import {
  compareDays,
  createDelegation,
  HISTORY_MAX,
  isDone,
  isOverdue,
  personKey,
  sameDelegation,
  sameValue,
  validateStoredDelegation,
  type Delegation,
  type DelegationEvent,
  type NewDelegation,
} from './delegation';
import type { DelegationLevel } from './delegationLevels';
import { UserFacingError } from './errors';
import { Emitter, SerialQueue, type StateStorage } from './storage';

export const DELEGATIONS_SCHEMA_VERSION = 1;
/** The most delegations one workspace holds; far beyond years of a busy lead's work. */
export const DELEGATIONS_MAX = 50_000;

export interface StoredDelegations {
  readonly schemaVersion: typeof DELEGATIONS_SCHEMA_VERSION;
  readonly delegations: readonly Delegation[];
}

/** Stored data this version could not read, kept intact so nothing is ever silently lost. */
export interface KeptAsideRecord {
  readonly raw: unknown;
  readonly reason: string;
  readonly keptOn: DateKey;
}

export type StoredDelegationsRead =
  | { readonly kind: 'read'; readonly delegations: Delegation[]; readonly keptAside: { raw: unknown; reason: string }[] }
  /** Saved by a newer version: nothing here may write over it. */
  | { readonly kind: 'newer'; readonly schemaVersion: number; readonly raw: Record<string, unknown> };

/** Reads and validates the stored value; whatever fails validation is returned apart, untouched. */
export function readStoredDelegations(raw: unknown, today: DateKey): StoredDelegationsRead {
  if (raw === undefined || raw === null) {
    return { kind: 'read', delegations: [], keptAside: [] };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { kind: 'read', delegations: [], keptAside: [{ raw, reason: 'the stored tracker is not in a known shape' }] };
  }
  const stored = raw as Record<string, unknown>;
  const version = stored['schemaVersion'];
  if (typeof version === 'number' && Number.isInteger(version) && version > DELEGATIONS_SCHEMA_VERSION) {
    return { kind: 'newer', schemaVersion: version, raw: stored };
  }
  if (version !== DELEGATIONS_SCHEMA_VERSION || !Array.isArray(stored['delegations'])) {
    return { kind: 'read', delegations: [], keptAside: [{ raw, reason: 'the stored tracker is not in a known shape' }] };
  }
  const delegations: Delegation[] = [];
  const keptAside: { raw: unknown; reason: string }[] = [];
  const seen = new Set<string>();
  for (const record of stored['delegations'] as unknown[]) {
    const result = validateStoredDelegation(record, today);
    if (!result.ok) {
      keptAside.push({ raw: record, reason: result.error });
    } else if (seen.has(result.value.id)) {
      keptAside.push({ raw: record, reason: 'duplicate id' });
    } else {
      seen.add(result.value.id);
      delegations.push(result.value);
    }
  }
  return { kind: 'read', delegations, keptAside };
}

export interface DelegationStoreKeys {
  readonly delegations: string;
  readonly keptAside: string;
}

export type DelegationChange =
  | { readonly kind: 'logged' | 'updated' | 'deleted' | 'restored'; readonly delegation: Delegation }
  | { readonly kind: 'imported' | 'undone'; readonly count: number };

/**
 * One step of an Undo: the inverse of one change, applied only where nothing changed since.
 * Never a snapshot of the list, so an Undo cannot wipe out work done after the change.
 */
export type UndoStep =
  /** Undo of Log and of an imported new record: remove it if it is still exactly as added. */
  | { readonly kind: 'remove'; readonly record: Delegation }
  /** Undo of Delete: put the record back if its id is still free. */
  | { readonly kind: 'reinsert'; readonly record: Delegation }
  /** Undo of Mark done: reopen it if it is still done. */
  | { readonly kind: 'reopen'; readonly id: string; readonly task: string }
  /** Undo of an imported update: put back each field the import changed, where it still holds the imported value. */
  | { readonly kind: 'revert'; readonly before: Delegation; readonly after: Delegation };

export interface Undoable {
  readonly steps: readonly UndoStep[];
}

/** What an Undo did, and what it had to leave because it changed since. */
export interface UndoResult {
  readonly applied: number;
  readonly left: readonly { readonly task: string; readonly reason: string }[];
}

/** What an import did, and how to undo exactly that. */
export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly undo: Undoable;
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
    super(`The change could not be saved (${cause instanceof Error ? cause.message : String(cause)}). Nothing was changed.`, 'error');
  }
}

/** The tracker was saved by a newer version: this version reads nothing and writes nothing. */
export interface NewerData {
  readonly schemaVersion: number;
  readonly raw: Record<string, unknown>;
}

export const undoLog = (record: Delegation): Undoable => ({ steps: [{ kind: 'remove', record }] });
export const undoDelete = (record: Delegation): Undoable => ({ steps: [{ kind: 'reinsert', record }] });
export const undoMarkDone = (record: Delegation): Undoable => ({ steps: [{ kind: 'reopen', id: record.id, task: record.task }] });

/**
 * The delegation tracker. Every change is computed, written to storage and only then made visible
 * (memory updated, listeners told), one change at a time: a write either happens or leaves no trace.
 * Records are immutable; a change replaces the record and appends to its history.
 */
export class DelegationStore {
  private records: Delegation[];
  private readonly queue = new SerialQueue();
  private readonly changed = new Emitter<DelegationChange>();
  readonly onDidChange = this.changed.event;

  private constructor(
    private readonly storage: StateStorage,
    private readonly keys: DelegationStoreKeys,
    private readonly clock: Clock,
    private readonly newId: () => string,
    records: Delegation[],
    private readonly newlyKeptAside: number,
    /** Set when the stored tracker is from a newer version: the store is then read-only. */
    readonly newer: NewerData | undefined,
  ) {
    this.records = records;
  }

  /**
   * Loads the tracker. Records that fail validation are moved to the kept-aside key before the
   * tracker is rewritten, so they are preserved even though the tracker no longer holds them.
   * A tracker saved by a newer version is left exactly as it is, and the store goes read-only.
   */
  static async load(storage: StateStorage, keys: DelegationStoreKeys, clock: Clock, newId: () => string): Promise<DelegationStore> {
    const today = todayKey(clock);
    const read = readStoredDelegations(storage.get(keys.delegations), today);
    if (read.kind === 'newer') {
      return new DelegationStore(storage, keys, clock, newId, [], 0, { schemaVersion: read.schemaVersion, raw: read.raw });
    }
    if (read.keptAside.length > 0) {
      const previous = readKeptAside(storage.get(keys.keptAside));
      await storage.update(keys.keptAside, [...previous, ...read.keptAside.map((r) => ({ ...r, keptOn: today }))]);
      await storage.update(keys.delegations, toStored(read.delegations));
    }
    return new DelegationStore(storage, keys, clock, newId, read.delegations, read.keptAside.length, undefined);
  }

  /** How many records this load had to keep aside (to tell the user once). */
  get keptAsideOnLoad(): number {
    return this.newlyKeptAside;
  }

  keptAside(): KeptAsideRecord[] {
    return readKeptAside(this.storage.get(this.keys.keptAside));
  }

  all(): readonly Delegation[] {
    return this.records;
  }

  get(id: string): Delegation | undefined {
    return this.records.find((d) => d.id === id);
  }

  /** People delegated to, most recently used first. */
  people(): string[] {
    const byRecency = [...this.records].sort((a, b) => compareDays(b.createdOn, a.createdOn));
    const seen = new Map<string, string>();
    for (const d of byRecency) {
      const key = personKey(d.person);
      if (!seen.has(key)) {
        seen.set(key, d.person);
      }
    }
    return [...seen.values()];
  }

  overdue(): Delegation[] {
    const today = todayKey(this.clock);
    return this.records.filter((d) => isOverdue(d, today));
  }

  /** Days since anything was last delegated, or undefined when nothing ever was. */
  daysSinceLastDelegated(): number | undefined {
    let latest: DateKey | undefined;
    for (const d of this.records) {
      if (latest === undefined || compareDays(d.createdOn, latest) > 0) {
        latest = d.createdOn;
      }
    }
    return latest === undefined ? undefined : daysBetween(latest, todayKey(this.clock));
  }

  log(input: NewDelegation): Promise<Delegation> {
    return this.commit((records, today) => {
      if (records.length >= DELEGATIONS_MAX) {
        throw new StoreRefusal(`This workspace already holds ${DELEGATIONS_MAX} delegations, the most it keeps. Export and delete finished ones first.`);
      }
      const delegation = checked(createDelegation(this.newId(), input, today), today);
      return { records: [...records, delegation], change: { kind: 'logged', delegation }, result: delegation };
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
      d.followUpOn === followUpOn ? d : withEvent({ ...d, followUpOn }, { kind: 'followUpChanged', on, from: d.followUpOn, to: followUpOn }),
    );
  }

  changeLevel(id: string, level: DelegationLevel): Promise<Delegation | undefined> {
    return this.change(id, (d, on) =>
      d.level === level ? d : withEvent({ ...d, level }, { kind: 'levelChanged', on, from: d.level, to: level }),
    );
  }

  /** Edits the task, the person or the note; an empty note removes it. */
  edit(id: string, field: 'task' | 'person' | 'note', value: string | undefined): Promise<Delegation | undefined> {
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

  /**
   * Records a check-in (with an optional note) and moves the follow-up to `nextFollowUpOn`.
   * Only on open work: a done delegation must be reopened first.
   */
  checkIn(id: string, note: string | undefined, nextFollowUpOn: DateKey): Promise<Delegation | undefined> {
    return this.change(id, (d, on) => {
      if (isDone(d)) {
        throw new StoreRefusal(`"${d.task}" is done; reopen it before logging a check-in.`);
      }
      const withCheckIn = withEvent(d, { kind: 'checkIn', on, ...(note ? { note } : {}) });
      return d.followUpOn === nextFollowUpOn
        ? withCheckIn
        : withEvent({ ...withCheckIn, followUpOn: nextFollowUpOn }, { kind: 'followUpChanged', on, from: d.followUpOn, to: nextFollowUpOn });
    });
  }

  /**
   * Merges imported records by id: new ids are added, differing records replace the stored ones,
   * identical ones are left alone. Returns the counts and the inverse of exactly this import.
   */
  importMerge(incoming: readonly Delegation[]): Promise<ImportResult> {
    return this.commit((records) => {
      const index = new Map(records.map((d, i) => [d.id, i]));
      const next = [...records];
      const steps: UndoStep[] = [];
      let added = 0;
      let updated = 0;
      let unchanged = 0;
      for (const record of incoming) {
        const at = index.get(record.id);
        const current = at === undefined ? undefined : next[at];
        if (at === undefined || current === undefined) {
          index.set(record.id, next.length);
          next.push(record);
          steps.push({ kind: 'remove', record });
          added++;
        } else if (sameDelegation(current, record)) {
          unchanged++;
        } else {
          next[at] = record;
          steps.push({ kind: 'revert', before: current, after: record });
          updated++;
        }
      }
      if (next.length > DELEGATIONS_MAX) {
        throw new StoreRefusal(`The import would bring this workspace to ${next.length} delegations; the most it keeps is ${DELEGATIONS_MAX}. Nothing was imported.`);
      }
      const result: ImportResult = { added, updated, unchanged, undo: { steps } };
      return added + updated === 0 ? { records, result } : { records: next, change: { kind: 'imported', count: added + updated }, result };
    });
  }

  delete(id: string): Promise<Delegation | undefined> {
    return this.commit((records) => {
      const delegation = records.find((d) => d.id === id);
      return delegation
        ? { records: records.filter((d) => d.id !== id), change: { kind: 'deleted', delegation }, result: delegation }
        : { records, result: undefined };
    });
  }

  /**
   * Applies the inverse of one change, step by step, only where nothing changed since; says what it
   * had to leave and why. One write for the whole Undo.
   */
  undo(undoable: Undoable): Promise<UndoResult> {
    return this.commit((records, today) => {
      let next = [...records];
      let applied = 0;
      const left: { task: string; reason: string }[] = [];
      for (const step of undoable.steps) {
        const outcome = undoStep(next, step, today);
        if (outcome.left !== undefined) {
          left.push({ task: stepTask(step), reason: outcome.left });
        }
        if (outcome.records !== next) {
          next = outcome.records;
          applied++;
        }
      }
      const result: UndoResult = { applied, left };
      return applied === 0 ? { records, result } : { records: next, change: { kind: 'undone', count: applied }, result };
    });
  }

  /** Throws the read-only refusal when the stored tracker is from a newer version, so a command can stop before asking anything. */
  refuseIfReadOnly(): void {
    if (this.newer) {
      throw new StoreRefusal(
        `This workspace's delegations were saved by a newer version of Tech Lead Coach (schema ${this.newer.schemaVersion}). They are kept as they are and this version does not change them: update the extension.`,
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

  private change(id: string, apply: (d: Delegation, on: DateKey) => Delegation): Promise<Delegation | undefined> {
    return this.commit((records, today) => {
      const index = records.findIndex((d) => d.id === id);
      const current = records[index];
      if (!current) {
        return { records, result: undefined };
      }
      const next = apply(current, today);
      if (next === current) {
        return { records, result: current };
      }
      const saved = checked(next, today);
      return { records: records.map((d, i) => (i === index ? saved : d)), change: { kind: 'updated', delegation: saved }, result: saved };
    });
  }

  /**
   * The one way anything changes: in turn, compute the next list from the current one, write it,
   * and only once storage accepted it make it visible. A refusal or a failed write changes nothing.
   */
  private commit<T>(
    compute: (records: readonly Delegation[], today: DateKey) => { records: readonly Delegation[]; change?: DelegationChange; result: T },
  ): Promise<T> {
    return this.queue.run(async () => {
      this.refuseIfReadOnly();
      const outcome = compute(this.records, todayKey(this.clock));
      if (outcome.records === this.records || outcome.change === undefined) {
        return outcome.result;
      }
      const next = [...outcome.records];
      try {
        await this.storage.update(this.keys.delegations, toStored(next));
      } catch (error) {
        throw new StoreWriteError(error);
      }
      this.records = next;
      this.changed.fire(outcome.change);
      return outcome.result;
    });
  }
}

/** Fields an imported update may have changed, each undone as a whole; done state and history go together. */
const REVERTIBLE: readonly (readonly (keyof Delegation)[])[] = [['task'], ['person'], ['level'], ['createdOn'], ['followUpOn'], ['note'], ['doneOn', 'history']];

/** The list after one undo step, and what it could not put back and why. */
function undoStep(records: Delegation[], step: UndoStep, today: DateKey): { records: Delegation[]; left?: string } {
  switch (step.kind) {
    case 'remove': {
      const current = records.find((d) => d.id === step.record.id);
      if (!current) {
        return { records };
      }
      return sameDelegation(current, step.record)
        ? { records: records.filter((d) => d.id !== step.record.id) }
        : { records, left: 'it was changed after, so it was kept' };
    }
    case 'reinsert':
      return records.some((d) => d.id === step.record.id)
        ? { records, left: 'a delegation with the same id exists again' }
        : { records: [...records, step.record] };
    case 'reopen': {
      const index = records.findIndex((d) => d.id === step.id);
      const current = records[index];
      if (!current) {
        return { records, left: 'it was deleted after' };
      }
      return isDone(current) ? { records: records.map((d, i) => (i === index ? checked(reopened(current, today), today) : d)) } : { records };
    }
    case 'revert': {
      const index = records.findIndex((d) => d.id === step.after.id);
      const current = records[index];
      if (!current) {
        return { records, left: 'it was deleted after' };
      }
      const reverted: Record<string, unknown> = { ...current };
      const keptFields: string[] = [];
      for (const group of REVERTIBLE) {
        if (group.every((field) => sameValue(step.before[field], step.after[field]))) {
          continue; // the import did not change these
        }
        if (!group.every((field) => sameValue(current[field], step.after[field]))) {
          keptFields.push(group.join(' and '));
          continue; // changed again since the import: the later change wins
        }
        for (const field of group) {
          if (step.before[field] === undefined) {
            delete reverted[field];
          } else {
            reverted[field] = step.before[field];
          }
        }
      }
      const next = reverted as unknown as Delegation;
      const left = keptFields.length > 0 ? `its ${keptFields.join(', ')} changed after the import and ${keptFields.length === 1 ? 'was' : 'were'} kept` : undefined;
      const updated = sameDelegation(next, current) ? records : records.map((d, i) => (i === index ? next : d));
      return left === undefined ? { records: updated } : { records: updated, left };
    }
  }
}

function stepTask(step: UndoStep): string {
  switch (step.kind) {
    case 'remove':
    case 'reinsert':
      return step.record.task;
    case 'reopen':
      return step.task;
    case 'revert':
      return step.after.task;
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

/** A record about to be written must be one that loads back: the same rules as reading. */
function checked(record: Delegation, today: DateKey): Delegation {
  const result = validateStoredDelegation(record, today);
  if (!result.ok) {
    throw new StoreRefusal(`That change would store an invalid delegation (${result.error}). Nothing was changed.`);
  }
  return result.value;
}

function toStored(delegations: readonly Delegation[]): StoredDelegations {
  return { schemaVersion: DELEGATIONS_SCHEMA_VERSION, delegations };
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
  const shown = result.left.slice(0, 3).map((l) => `"${l.task}": ${l.reason}`);
  const more = result.left.length > 3 ? `; and ${result.left.length - 3} more` : '';
  const done = result.applied > 0 ? `Undo put back ${result.applied} change${result.applied === 1 ? '' : 's'} and left ` : 'Undo left ';
  return `${done}${result.left.length} as ${result.left.length === 1 ? 'it is' : 'they are'} (${shown.join('; ')}${more}).`;
}
