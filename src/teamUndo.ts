import { type Undoable } from './domain/team/store/change';
import { describeUndoLeft } from './domain/team/store/undo';
import { confirmWithUndo, type ExtraAction } from './platform/undo';
import type { Services } from './services';

/**
 * The confirmation of a change to the team, with Undo: only where nothing changed since, and
 * saying what it had to leave (see TeamStore.undo).
 */
export function confirmTeamChange(services: Services, message: string, undoable: Undoable, actions: readonly ExtraAction[] = []): void {
  confirmWithUndo(services.log, message, async () => describeUndoLeft(await services.team.undo(undoable)), actions);
}
