import * as l10n from './domain/core/l10n';
import { describeMoment, type Moment, type NewMoment } from './domain/team/moments';
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

/** Logs a moment and says so, with Undo: from Log Moment… and from the note offered after Done. */
export async function logMomentAndConfirm(services: Services, input: NewMoment): Promise<Moment> {
  const { value: moment, undo } = await services.team.logMoment(input);
  confirmTeamChange(
    services,
    l10n.t(
      'Logged: {0}.',
      describeMoment(moment, (id) => services.team.nameOf(id)),
    ),
    undo,
  );
  return moment;
}
