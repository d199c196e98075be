import { StoreRefusal, type Edit, type Outcome, type UndoStep, type Undoable } from './change';
import { sameValue } from '../../core/compare';
import { NO_SLICES, type Slices } from '../../core/slices';
import type { DelegationV1 } from '../delegations';
import {
  CHUNKED,
  COLLECTIONS,
  EMPTY_TEAM,
  kindOf,
  type Collection,
  type Draft,
  type PersonRecord,
  type TeamData,
  type TeamRecord,
} from '../kinds';
import { attachPeople } from '../storage/legacy';
import { DraftIndex } from './draftIndex';
import * as l10n from '../../core/l10n';

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

type Pace = Pick<Slices, 'maybeYield'>;

/**
 * Merges imported data by id: new ids are added, differing records replace the stored ones,
 * identical ones are left alone. An imported person whose name is already in the team is that
 * person. `keepPrivate`: the file was exported without private data (1:1 notes), so what the team
 * holds of it is kept (RecordKind.merged). Linear in the size of the team and the file, in slices.
 */
export function importMerge(
  incoming: TeamData,
  options: { readonly keepPrivate?: boolean; readonly slices?: Pace } = {},
): Edit<ImportResult> {
  return (draft) => mergeInto(draft, incoming, options.keepPrivate === true, options.slices ?? NO_SLICES);
}

/** Imports a release 0.1 file: each name is the team member of that name, or joins the team. */
export function importLegacy(named: readonly DelegationV1[]): Edit<ImportResult> {
  return (draft, { today, newId, defaults }) => {
    const { added, delegations } = attachPeople(named, draft.people, today, newId, defaults.cadenceDays());
    return mergeInto(draft, { ...EMPTY_TEAM, people: added, delegations }, false, NO_SLICES);
  };
}

async function mergeInto(draft: Draft, incoming: TeamData, keepPrivate: boolean, slices: Pace): Promise<Outcome<ImportResult>> {
  const steps: UndoStep[] = [];
  const changedBy = Object.fromEntries(COLLECTIONS.map((c) => [c, 0])) as Record<Collection, number>;
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let merged = 0;
  const index = new DraftIndex(draft);
  const personIds = new Map<string, string>();
  const keptByName: string[] = [];
  const merge = async (collection: Collection, record: TeamRecord): Promise<void> => {
    const current = index.get(collection, record.id);
    const stored = keepPrivate ? kindOf(collection).merged(current as never, record as never) : record;
    if (!current) {
      index.push(collection, stored);
      steps.push({ kind: 'remove', collection, record: stored });
      added++;
      changedBy[collection]++;
    } else if (sameValue(current, stored)) {
      unchanged++;
    } else {
      index.replace(collection, stored);
      steps.push({ kind: 'revert', collection, before: current, after: stored });
      updated++;
      changedBy[collection]++;
    }
    if (++merged % 512 === 0) {
      await slices.maybeYield();
    }
  };
  for (const person of incoming.people) {
    const sameId = index.get('people', person.id);
    const sameName = index.personNamed(person.name);
    if (sameId && sameName && sameName.id !== sameId.id) {
      // Two people of one name would be one person to every lookup by name.
      throw new StoreRefusal(
        l10n.t(
          'The file renames {0} to {1}, but {2} is already in the team. Rename one of them, then import again. Nothing was imported.',
          (sameId as typeof person).name,
          person.name,
          sameName.name,
        ),
      );
    }
    if (!sameId && sameName) {
      personIds.set(person.id, sameName.id);
      if (person.role !== sameName.role || person.cadenceDays !== sameName.cadenceDays || person.archived !== sameName.archived) {
        keptByName.push(sameName.name);
      }
      unchanged++;
    } else {
      await merge('people', person);
    }
  }
  for (const collection of CHUNKED) {
    for (const record of incoming[collection] as readonly PersonRecord[]) {
      const owner = record.personId === undefined ? undefined : personIds.get(record.personId);
      await merge(collection, owner === undefined ? record : { ...record, personId: owner });
    }
  }
  index.finish();
  // Undone last change first: records about a person go before the person they point to.
  const result: ImportResult = { added, updated, unchanged, changedBy, keptByName, undo: { steps: steps.reverse() } };
  return { changed: added + updated === 0 ? [] : [...COLLECTIONS], result };
}

/** "2 added, 0 updated, 5 unchanged (1 person, 1 delegation)". */
export function describeImport(result: ImportResult): string {
  const detail = COLLECTIONS.filter((c) => result.changedBy[c] > 0).map((c) => kindOf(c).count(result.changedBy[c]));
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
