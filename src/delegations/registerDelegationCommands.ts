import * as vscode from 'vscode';
import { Commands } from '../ids';
import { lazyModule } from '../platform/lazyModule';
import type { Services } from '../services';
import type * as DelegationCommandsBundle from './commands';

type CommandName = keyof typeof DelegationCommandsBundle.delegationCommands;

const bundle = lazyModule<typeof DelegationCommandsBundle>('delegationCommands.js');

/** Registers the delegation commands; their code loads on first use. */
export function registerDelegationCommands(services: Services): vscode.Disposable[] {
  const run =
    (name: CommandName) =>
    (arg: unknown): Promise<unknown> =>
      bundle().delegationCommands[name](services, arg);
  return [
    vscode.commands.registerCommand(Commands.logDelegation, run('logDelegation')),
    vscode.commands.registerCommand(Commands.markDone, run('markDone')),
    vscode.commands.registerCommand(Commands.reopen, run('reopen')),
    vscode.commands.registerCommand(Commands.edit, run('edit')),
    vscode.commands.registerCommand(Commands.changeFollowUp, run('changeFollowUp')),
    vscode.commands.registerCommand(Commands.delete, run('remove')),
    vscode.commands.registerCommand(Commands.exportKeptAside, run('exportKeptAside')),
    vscode.commands.registerCommand(Commands.logCheckIn, run('logCheckIn')),
    vscode.commands.registerCommand(Commands.changeLevel, run('changeLevel')),
    vscode.commands.registerCommand(Commands.exportDelegations, run('exportDelegations')),
    vscode.commands.registerCommand(Commands.importDelegations, run('importDelegations')),
  ];
}
