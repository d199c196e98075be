import { daysBetween, todayKey, type Clock, type DateKey } from './dates';
import {
  createDelegation,
  isOverdue,
  sameDelegation,
  validateStoredDelegation,
  type Delegation,
  type DelegationEvent,
  type NewDelegation,
} from './delegation';
import type { DelegationLevel } from './delegationLevels';
import { Emitter, SerialQueue, type StateStorage } from './storage';

export const DELEGATIONS_SCHEMA_VERSION = 1;

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

export interface StoredDelegationsRead {
  readonly delegations: Delegation[];
  readonly keptAside: { raw: unknown; reason: string }[];
}

/** Reads and validates the stored value; whatever fails validation is returned apart, untouched. */
export function readStoredDelegations(raw: unknown): StoredDelegationsRead {
  if (raw === undefined || raw === null) {
    return { delegations: [], keptAside: [] };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { delegations: [], keptAside: [{ raw, reason: 'the stored tracker is not in a known shape' }] };
  }
  const stored = raw as Record<string, unknown>;
  const version = stored['schemaVersion'];
  if (typeof version === 'number' && version > DELEGATIONS_SCHEMA_VERSION) {
    return {
      delegations: [],
      keptAside: [{ raw, reason: `the tracker was saved by a newer version of Tech Lead Coach (schema ${version})` }],
    };
  }
  if (version !== DELEGATIONS_SCHEMA_VERSION || !Array.isArray(stored['delegations'])) {
    return { delegations: [], keptAside: [{ raw, reason: 'the stored tracker is not in a known shape' }] };
  }
  const delegations: Delegation[] = [];
  const keptAside: { raw: unknown; reason: string }[] = [];
  const seen = new Set<string>();
  for (const record of stored['delegations'] as unknown[]) {
    const result = validateStoredDelegation(record);
    if (!result.ok) {
      keptAside.push({ raw: record, reason: result.error });
    } else if (seen.has(result.value.id)) {
      keptAside.push({ raw: record, reason: 'duplicate id' });
    } else {
      seen.add(result.value.id);
      delegations.push(result.value);
    }
  }
  return { delegations, keptAside };
}

export interface DelegationStoreKeys {
  readonly delegations: string;
  readonly keptAside: string;
}

export type DelegationChange =
  | { readonly kind: 'logged' | 'updated' | 'deleted' | 'restored'; readonly delegation: Delegation }
  | { readonly kind: 'replaced'; readonly count: number };

/** What an import did, and the list as it was before, for Undo. */
export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly before: readonly Delegation[];
}

/**
 * The delegation tracker: the list in memory, every change written through to storage in order.
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
  ) {
    this.records = records;
  }

  /**
   * Loads the tracker. Records that fail validation are moved to the kept-aside key before the
   * tracker is rewritten, so they are preserved even though the tracker no longer holds them.
   */
  static async load(storage: StateStorage, keys: DelegationStoreKeys, clock: Clock, newId: () => string): Promise<DelegationStore> {
    const read = readStoredDelegations(storage.get(keys.delegations));
    if (read.keptAside.length > 0) {
      const keptOn = todayKey(clock);
      const previous = readKeptAside(storage.get(keys.keptAside));
      await storage.update(keys.keptAside, [...previous, ...read.keptAside.map((r) => ({ ...r, keptOn }))]);
      await storage.update(keys.delegations, toStored(read.delegations));
    }
    return new DelegationStore(storage, keys, clock, newId, read.delegations, read.keptAside.length);
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
    const byRecency = [...this.records].sort((a, b) => (a.createdOn < b.createdOn ? 1 : a.createdOn > b.createdOn ? -1 : 0));
    const seen = new Map<string, string>();
    for (const d of byRecency) {
      const key = d.person.toLocaleLowerCase();
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
      if (latest === undefined || d.createdOn > latest) {
        latest = d.createdOn;
      }
    }
    return latest === undefined ? undefined : daysBetween(latest, todayKey(this.clock));
  }

  async log(input: NewDelegation): Promise<Delegation> {
    const delegation = createDelegation(this.newId(), input, todayKey(this.clock));
    this.records = [...this.records, delegation];
    await this.persist({ kind: 'logged', delegation });
    return delegation;
  }

  markDone(id: string): Promise<Delegation | undefined> {
    return this.change(id, (d, on) => (d.doneOn ? d : withEvent({ ...d, doneOn: on }, { kind: 'done', on })));
  }

  reopen(id: string): Promise<Delegation | undefined> {
    return this.change(id, (d, on) => {
      if (!d.doneOn) {
        return d;
      }
      const { doneOn: _doneOn, ...open } = d;
      return withEvent(open, { kind: 'reopened', on });
    });
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

  /** Records a check-in (with an optional note) and moves the follow-up to `nextFollowUpOn`. */
  checkIn(id: string, note: string | undefined, nextFollowUpOn: DateKey): Promise<Delegation | undefined> {
    return this.change(id, (d, on) => {
      const checked = withEvent(d, { kind: 'checkIn', on, ...(note ? { note } : {}) });
      return d.followUpOn === nextFollowUpOn ? checked : withEvent({ ...checked, followUpOn: nextFollowUpOn }, { kind: 'followUpChanged', on, from: d.followUpOn, to: nextFollowUpOn });
    });
  }

  /**
   * Merges imported records by id: new ids are added, differing records replace the stored ones,
   * identical ones are left alone. Returns the counts and the previous list for Undo.
   */
  async importMerge(incoming: readonly Delegation[]): Promise<ImportResult> {
    const before = this.records;
    const index = new Map(before.map((d, i) => [d.id, i]));
    const next = [...before];
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const record of incoming) {
      const at = index.get(record.id);
      if (at === undefined) {
        index.set(record.id, next.length);
        next.push(record);
        added++;
      } else if (sameDelegation(next[at] as Delegation, record)) {
        unchanged++;
      } else {
        next[at] = record;
        updated++;
      }
    }
    if (added + updated > 0) {
      this.records = next;
      await this.persist({ kind: 'replaced', count: next.length });
    }
    return { added, updated, unchanged, before };
  }

  /** Puts back a whole list exactly as it was (the Undo of an import). */
  async replaceAll(records: readonly Delegation[]): Promise<void> {
    this.records = [...records];
    await this.persist({ kind: 'replaced', count: records.length });
  }

  async delete(id: string): Promise<Delegation | undefined> {
    const delegation = this.get(id);
    if (!delegation) {
      return undefined;
    }
    this.records = this.records.filter((d) => d.id !== id);
    await this.persist({ kind: 'deleted', delegation });
    return delegation;
  }

  /** Puts back a record exactly as it was (the Undo of Delete or of Mark done). */
  async restore(delegation: Delegation): Promise<void> {
    const index = this.records.findIndex((d) => d.id === delegation.id);
    this.records = index === -1 ? [...this.records, delegation] : this.records.map((d, i) => (i === index ? delegation : d));
    await this.persist({ kind: 'restored', delegation });
  }

  /** Resolves once every write started so far has reached storage. */
  flushed(): Promise<void> {
    return this.queue.idle();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async change(id: string, apply: (d: Delegation, on: DateKey) => Delegation): Promise<Delegation | undefined> {
    const index = this.records.findIndex((d) => d.id === id);
    const current = this.records[index];
    if (!current) {
      return undefined;
    }
    const next = apply(current, todayKey(this.clock));
    if (next === current) {
      return current;
    }
    this.records = this.records.map((d, i) => (i === index ? next : d));
    await this.persist({ kind: 'updated', delegation: next });
    return next;
  }

  private persist(change: DelegationChange): Promise<void> {
    const snapshot = toStored(this.records);
    this.changed.fire(change);
    return this.queue.run(() => this.storage.update(this.keys.delegations, snapshot));
  }
}

function withEvent(delegation: Delegation, event: DelegationEvent): Delegation {
  return { ...delegation, history: [...delegation.history, event] };
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
