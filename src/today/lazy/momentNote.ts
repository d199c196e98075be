import * as vscode from 'vscode';
import { todayKey } from '../../domain/core/dates';
import { errorOf } from '../../domain/core/validation';
import type { NudgeTheme } from '../../domain/coach/nudges';
import { validateMomentNote, type Moment, type MomentAction } from '../../domain/team/moments';
import { momentActionOf } from '../../domain/review/review';
import { logMomentAndConfirm } from '../../teamUndo';
import type { Services } from '../../services';
import * as l10n from '../../domain/core/l10n';

/**
 * Asked after Done on a bigger-picture or modeling nudge: one optional line that becomes a moment
 * with the team, linked to the nudge so the review counts the two once. Escape or an empty line
 * keeps the Done alone.
 */
export async function noteAfterDone(services: Services, action: MomentAction, nudgeId: string): Promise<Moment | undefined> {
  const note = await vscode.window.showInputBox({
    title: action === 'biggerPicture' ? l10n.t('Done: you explained the bigger picture') : l10n.t('Done: you modeled the behavior'),
    prompt:
      action === 'biggerPicture'
        ? l10n.t('Optional: what did you explain, in one line? It is kept as a moment with the team. Escape to skip.')
        : l10n.t('Optional: what did you model, in one line? It is kept as a moment with the team. Escape to skip.'),
    placeHolder:
      action === 'biggerPicture' ? l10n.t('Why the billing migration comes first') : l10n.t('Said "I got that wrong" in standup'),
    validateInput: (value) => errorOf(validateMomentNote(value)),
  });
  const checked = validateMomentNote(note);
  if (note === undefined || !checked.ok || checked.value === undefined) {
    return undefined;
  }
  const on = todayKey(services.clock);
  // confirmTeamChange, under it, shows the message through inert, the one escaping path.
  return logMomentAndConfirm(
    services,
    action === 'biggerPicture'
      ? { action, on, note: checked.value, nudgeId }
      : { action, on, behavior: 'other', note: checked.value, nudgeId },
  );
}

/** After a Done that marked today's nudge done: for a bigger-picture or modeling nudge, the optional note. */
export async function afterNudgeDone(services: Services, nudge: { readonly id: string; readonly theme?: NudgeTheme }): Promise<void> {
  const action = nudge.theme === undefined ? undefined : momentActionOf(nudge.theme);
  if (action) {
    await noteAfterDone(services, action, nudge.id);
  }
}
