import * as vscode from 'vscode';
import { todayKey } from '../../domain/core/dates';
import { describeFollowUp, isDone, type Delegation } from '../../domain/team/delegations';
import { inert } from '../../domain/core/inertText';
import type { Services } from '../../services';
import type { DelegationsNode } from './delegationsTree';
import * as l10n from '../../domain/core/l10n';

/**
 * The delegation a command acts on: the tree item it was run on, the Delegations view's selection
 * (keybindings pass `{ target: 'selection' }`, to which `delegations/commands.ts` adds the selected
 * row's `id`), an id passed by a script, or, from the command palette, the one the lead picks.
 */
export async function resolveTarget(
  services: Services,
  arg: unknown,
  filter: (d: Delegation) => boolean,
  placeholder: string,
): Promise<Delegation | undefined> {
  if (typeof arg === 'object' && arg !== null && (arg as DelegationsNode).kind === 'delegation') {
    return services.team.delegation((arg as { delegation: Delegation }).delegation.id);
  }
  if (typeof arg === 'object' && arg !== null && (arg as { target?: unknown }).target === 'selection') {
    const id = (arg as { id?: unknown }).id;
    const selected = typeof id === 'string' ? services.team.delegation(id) : undefined;
    if (selected) {
      return filter(selected) ? selected : undefined;
    }
  }
  if (typeof arg === 'string') {
    const found = services.team.delegation(arg);
    if (!found) {
      void vscode.window.showErrorMessage(l10n.t('That delegation no longer exists in this workspace.'));
    }
    return found;
  }
  const today = todayKey(services.clock);
  const candidates = services.team.delegations().filter(filter);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('There is no delegation to choose here yet.'));
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    candidates.map((d) => ({
      label: inert(d.task),
      description: inert(`${services.team.nameOf(d.personId)} · ${describeFollowUp(d, today)}`),
      delegation: d,
    })),
    { placeHolder: placeholder, matchOnDescription: true },
  );
  return chosen?.delegation;
}

export const isOpen = (d: Delegation): boolean => !isDone(d);
