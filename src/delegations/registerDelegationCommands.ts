import * as vscode from 'vscode';
import { Commands } from '../ids';
import { registerCommand } from '../platform/commands';
import { lazyModule } from '../platform/lazyModule';
import type { Services } from '../services';
import type * as DelegationCommandsBundle from './commands';

type CommandName = keyof typeof DelegationCommandsBundle.delegationCommands;

/** Commands that only read: they work on a read-only tracker too. */
const READ_ONLY_SAFE: ReadonlySet<CommandName> = new Set(['exportDelegations', 'exportKeptAside']);

const bundle = lazyModule<typeof DelegationCommandsBundle>('delegationCommands.js');

/** Registers the delegation commands; their code loads on first use. */
export function registerDelegationCommands(services: Services): vscode.Disposable[] {
  const command = (id: string, title: string, name: CommandName): vscode.Disposable =>
    registerCommand(services.log, id, title, (arg: unknown) => {
      if (!READ_ONLY_SAFE.has(name)) {
        // With data from a newer version, say so before asking anything rather than at the end.
        services.delegations.refuseIfReadOnly();
      }
      return bundle().delegationCommands[name](services, arg);
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
