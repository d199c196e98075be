import type * as vscode from 'vscode';
import { Commands } from '../ids';
import { registerCommand } from '../platform/commands';
import type { Services } from '../services';
import type * as DelegationsLazy from './lazy';

type CommandName = keyof typeof DelegationsLazy.delegationCommands;

/** Commands that only read: they work on a read-only tracker too. */
const READ_ONLY_SAFE: ReadonlySet<CommandName> = new Set(['exportDelegations', 'exportKeptAside']);

/**
 * Registers the delegation commands; their code loads on first use. A keybinding's
 * `{ "target": "selection" }` becomes the id of the row selected in the Delegations view.
 */
export function registerDelegationCommands(services: Services, lazy: () => typeof DelegationsLazy, selectedId: () => string | undefined): vscode.Disposable[] {
  const command = (id: string, title: string, name: CommandName): vscode.Disposable =>
    registerCommand(services.log, id, title, async (arg: unknown) => {
      await services.loaded();
      if (!READ_ONLY_SAFE.has(name)) {
        // With data from a newer version, say so before asking anything rather than at the end.
        services.team.refuseIfReadOnly();
      }
      const target = typeof arg === 'object' && arg !== null && (arg as { target?: unknown }).target === 'selection' ? { target: 'selection', id: selectedId() } : arg;
      return lazy().delegationCommands[name](services, target);
    });
  return [
    command(Commands.logDelegation, 'Log Delegation', 'logDelegation'),
    command(Commands.markDone, 'Mark Done', 'markDone'),
    command(Commands.reopen, 'Reopen', 'reopen'),
    command(Commands.edit, 'Edit Delegation', 'edit'),
    command(Commands.changeFollowUp, 'Change Follow-up', 'changeFollowUp'),
    command(Commands.delete, 'Delete Delegation', 'remove'),
    command(Commands.exportKeptAside, 'Export Kept-aside Delegations', 'exportKeptAside'),
    command(Commands.logCheckIn, 'Log Check-in', 'logCheckIn'),
    command(Commands.changeLevel, 'Change Delegation Level', 'changeLevel'),
    command(Commands.exportDelegations, 'Export Delegations', 'exportDelegations'),
    command(Commands.importDelegations, 'Import Delegations', 'importDelegations'),
  ];
}
