import type * as vscode from 'vscode';
import { Commands } from '../ids';
import { registerCommand } from '../platform/commands';
import type { LazyPart } from '../platform/lazy';
import type { Services } from '../services';
import type * as DelegationsLazy from './lazy';
import * as l10n from '../domain/core/l10n';

type CommandName = keyof typeof DelegationsLazy.delegationCommands;

/**
 * Registers the delegation commands; their code loads on first use. A keybinding's
 * `{ "target": "selection" }` becomes the id of the row selected in the Delegations view.
 */
export function registerDelegationCommands(
  services: Services,
  lazy: LazyPart<typeof DelegationsLazy>,
  selectedId: () => string | undefined,
): vscode.Disposable[] {
  const command = (id: string, title: string, name: CommandName): vscode.Disposable =>
    registerCommand(services.log, id, title, async (arg: unknown) => {
      await services.loaded();
      // With data from a newer version, say so before asking anything rather than at the end.
      services.team.refuseIfReadOnly();
      const target =
        typeof arg === 'object' && arg !== null && (arg as { target?: unknown }).target === 'selection'
          ? { target: 'selection', id: selectedId() }
          : arg;
      return (await lazy.load()).delegationCommands[name](services, target);
    });
  return [
    command(Commands.logDelegation, l10n.t('Log Delegation'), 'logDelegation'),
    command(Commands.markDone, l10n.t('Mark Done'), 'markDone'),
    command(Commands.reopen, l10n.t('Reopen'), 'reopen'),
    command(Commands.edit, l10n.t('Edit Delegation'), 'edit'),
    command(Commands.changeFollowUp, l10n.t('Change Follow-up'), 'changeFollowUp'),
    command(Commands.delete, l10n.t('Delete Delegation'), 'remove'),
    command(Commands.logCheckIn, l10n.t('Log Check-in'), 'logCheckIn'),
    command(Commands.changeLevel, l10n.t('Change Delegation Level'), 'changeLevel'),
    command(Commands.linkToCode, l10n.t('Link Delegation to Code'), 'linkToCode'),
    command(Commands.delegateWorkHere, l10n.t('Delegate Work Here'), 'delegateWorkHere'),
  ];
}
