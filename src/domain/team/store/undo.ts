import { sameValue } from '../../core/compare';
import type { DateKey } from '../../core/dates';
import { isDone, type Delegation } from '../delegations';
import { COLLECTIONS, kindOf, type Collection, type PersonRecord, type TeamRecord } from '../kinds';
import { DraftIndex } from './draftIndex';
import type { Person } from '../people';
import { checked, reopened, type Edit, type Undoable, type UndoResult, type UndoStep } from './change';
import * as l10n from '../../core/l10n';

/** How many times a delegation was marked done or reopened: what tells one Mark done from a later one. */
function turnsOf(d: Delegation): number {
  return d.history.filter((e) => e.kind === 'done' || e.kind === 'reopened').length;
}

/** The Undo of a Mark done, from the delegation as the Mark done left it. */
export const undoMarkDone = (record: Delegation): Undoable => ({
  steps:
    record.doneOn === undefined
      ? []
      : [{ kind: 'reopen', id: record.id, task: record.task, doneOn: record.doneOn, turns: turnsOf(record) }],
});

/**
 * Applies the inverse of one change, step by step, only where nothing changed since; says what it
 * had to leave and why. One write for the whole Undo.
 */
export function undo(undoable: Undoable): Edit<UndoResult> {
  return (draft, { today }) => {
    let applied = 0;
    const left: { what: string; reason: string }[] = [];
    const index = new DraftIndex(draft);
    for (const step of undoable.steps) {
      const outcome = undoStep(index, step, today);
      if (outcome.left !== undefined) {
        left.push({ what: describeStep(step, index), reason: outcome.left });
      }
      if (outcome.applied) {
        applied++;
      }
    }
    index.finish();
    return { changed: applied === 0 ? [] : [...COLLECTIONS], result: { applied, left } };
  };
}

function undoStep(index: DraftIndex, step: UndoStep, today: DateKey): { applied: boolean; left?: string } {
  switch (step.kind) {
    case 'remove': {
      const current = index.get(step.collection, step.record.id);
      if (!current) {
        return { applied: false };
      }
      if (!sameValue(current, step.record)) {
        return { applied: false, left: l10n.t('it was changed after, so it was kept') };
      }
      if (step.collection === 'people' && index.isReferenced(step.record.id)) {
        return { applied: false, left: l10n.t('records about them were added after, so they were kept') };
      }
      index.remove(step.collection, step.record.id);
      return { applied: true };
    }
    case 'reinsert': {
      if (index.get(step.collection, step.record.id)) {
        return { applied: false, left: l10n.t('a record with the same id exists again') };
      }
      if (step.collection === 'people') {
        // Someone added under that name since: two people of one name would be one person to every lookup.
        const clash = index.personNamed((step.record as Person).name);
        if (clash) {
          return { applied: false, left: l10n.t('{0} is in the team under that name now', clash.name) };
        }
      } else if (
        (step.record as PersonRecord).personId !== undefined &&
        !index.get('people', (step.record as PersonRecord).personId ?? '')
      ) {
        return { applied: false, left: l10n.t('their person is no longer in the team') };
      }
      index.push(step.collection, step.record);
      return { applied: true };
    }
    case 'reopen': {
      const current = index.get('delegations', step.id) as Delegation | undefined;
      if (!current) {
        return { applied: false, left: l10n.t('it was deleted after') };
      }
      if (!isDone(current)) {
        return { applied: false }; // open already: what the Undo was for holds
      }
      if (current.doneOn !== step.doneOn || turnsOf(current) !== step.turns) {
        return { applied: false, left: l10n.t('it was marked done again after, so it stays done') };
      }
      index.replace('delegations', checked('delegations', reopened(current, today), today));
      return { applied: true };
    }
    case 'revert':
      return revert(index, step);
  }
}

/** Puts back each field (or group of fields) an update changed, where it still holds what the update wrote. */
function revert(index: DraftIndex, step: Extract<UndoStep, { kind: 'revert' }>): { applied: boolean; left?: string } {
  const current = index.get(step.collection, step.after.id);
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
  if (step.collection !== 'people' && typeof reverted['personId'] === 'string' && !index.get('people', reverted['personId'])) {
    return { applied: false, left: l10n.t('their person is no longer in the team') };
  }
  if (step.collection === 'people' && typeof reverted['name'] === 'string') {
    const clash = index.personNamed(reverted['name']);
    if (clash && clash.id !== step.after.id) {
      return { applied: false, left: l10n.t('{0} is in the team under that name now', clash.name) };
    }
  }
  const applied = !sameValue(reverted, now);
  if (applied) {
    index.replace(step.collection, reverted as unknown as TeamRecord);
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

/** Fields an update may have changed, each put back on its own, but for the kind's groups (see RecordKind.revertTogether). */
function revertibleGroups(collection: Collection, before: Record<string, unknown>, after: Record<string, unknown>): string[][] {
  const together = kindOf(collection).revertTogether;
  const grouped = new Set(together.flat());
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => field !== 'id');
  return [...fields.filter((field) => !grouped.has(field)).map((field) => [field]), ...together.map((group) => [...group])];
}

/** How an Undo message names the record of a step. */
function describeStep(step: UndoStep, index: DraftIndex): string {
  if (step.kind === 'reopen') {
    return `"${step.task}"`;
  }
  const nameOf = (personId: string): string => (index.get('people', personId) as Person | undefined)?.name ?? l10n.t('someone removed');
  const record = step.kind === 'revert' ? step.after : step.record;
  return kindOf(step.collection).describe(record as never, nameOf);
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
