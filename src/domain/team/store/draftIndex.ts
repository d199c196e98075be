import { CHUNKED, type Collection, type Draft, type PersonRecord, type TeamRecord } from '../kinds';
import { personKey, type Person } from '../people';

/**
 * A draft looked up by id, by name and by who is referenced, for changes of many records at once
 * (an import, its Undo): each lookup costs about the same whatever the team's size, where a search
 * of the lists would make a large import take quadratic time. Removals are marked and applied to
 * the lists once, by `finish()`.
 */
export class DraftIndex {
  private readonly positions = new Map<Collection, Map<string, number>>();
  private readonly removed = new Map<Collection, Set<string>>();
  private names: Map<string, Person[]> | undefined;
  private references: Map<string, number> | undefined;

  constructor(private readonly draft: Draft) {}

  /** The record of `collection` with that id, unless removed. */
  get(collection: Collection, id: string): TeamRecord | undefined {
    const at = this.positionsOf(collection).get(id);
    return at === undefined ? undefined : this.list(collection)[at];
  }

  push(collection: Collection, record: TeamRecord): void {
    const list = this.list(collection);
    this.removed.get(collection)?.delete(record.id);
    this.positionsOf(collection).set(record.id, list.length);
    list.push(record);
    this.counted(collection, record, +1);
  }

  /** Replaces the record with the same id, which must be there. */
  replace(collection: Collection, record: TeamRecord): void {
    const at = this.positionsOf(collection).get(record.id);
    if (at === undefined) {
      throw new Error(`replace: no ${collection} record ${record.id}`);
    }
    const list = this.list(collection);
    this.counted(collection, list[at] as TeamRecord, -1);
    list[at] = record;
    this.counted(collection, record, +1);
  }

  remove(collection: Collection, id: string): void {
    const record = this.get(collection, id);
    if (record === undefined) {
      return;
    }
    this.positionsOf(collection).delete(id);
    let removed = this.removed.get(collection);
    if (!removed) {
      removed = new Set();
      this.removed.set(collection, removed);
    }
    removed.add(id);
    this.counted(collection, record, -1);
  }

  /** The person a name refers to (names compared as personKey does), archived people included. */
  personNamed(name: string): Person | undefined {
    return this.nameIndex().get(personKey(name))?.[0];
  }

  /** Whether any record about a person points to `personId`. */
  isReferenced(personId: string): boolean {
    return (this.referenceIndex().get(personId) ?? 0) > 0;
  }

  /** Applies the removals to the draft's lists. */
  finish(): void {
    for (const [collection, ids] of this.removed) {
      if (ids.size > 0) {
        (this.draft[collection] as TeamRecord[]) = this.list(collection).filter((r) => !ids.has(r.id));
      }
    }
    this.removed.clear();
    this.positions.clear();
  }

  private list(collection: Collection): TeamRecord[] {
    return this.draft[collection] as TeamRecord[];
  }

  private positionsOf(collection: Collection): Map<string, number> {
    let positions = this.positions.get(collection);
    if (!positions) {
      positions = new Map();
      const removed = this.removed.get(collection);
      this.list(collection).forEach((r, i) => {
        if (!removed?.has(r.id)) {
          positions?.set(r.id, i);
        }
      });
      this.positions.set(collection, positions);
    }
    return positions;
  }

  private nameIndex(): Map<string, Person[]> {
    if (!this.names) {
      this.names = new Map();
      for (const person of this.draft.people) {
        if (this.get('people', person.id) === person) {
          this.addName(person);
        }
      }
    }
    return this.names;
  }

  private addName(person: Person): void {
    const key = personKey(person.name);
    const list = this.names?.get(key);
    if (list) {
      list.push(person);
    } else {
      this.names?.set(key, [person]);
    }
  }

  private referenceIndex(): Map<string, number> {
    if (!this.references) {
      this.references = new Map();
      for (const collection of CHUNKED) {
        const removed = this.removed.get(collection);
        for (const record of this.draft[collection] as readonly PersonRecord[]) {
          if (!removed?.has(record.id) && record.personId !== undefined) {
            this.references.set(record.personId, (this.references.get(record.personId) ?? 0) + 1);
          }
        }
      }
    }
    return this.references;
  }

  /** Keeps the name and reference indexes in step with a record that comes (+1) or goes (-1). */
  private counted(collection: Collection, record: TeamRecord, by: 1 | -1): void {
    if (collection === 'people') {
      if (this.names) {
        const person = record as Person;
        if (by > 0) {
          this.addName(person);
        } else {
          const key = personKey(person.name);
          const rest = (this.names.get(key) ?? []).filter((p) => p !== person);
          if (rest.length > 0) {
            this.names.set(key, rest);
          } else {
            this.names.delete(key);
          }
        }
      }
    } else if (this.references) {
      const personId = (record as PersonRecord).personId;
      if (personId !== undefined) {
        this.references.set(personId, (this.references.get(personId) ?? 0) + by);
      }
    }
  }
}
