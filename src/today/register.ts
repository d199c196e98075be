import * as vscode from 'vscode';
import { Commands, Views } from '../ids';
import { registerCommand } from '../platform/commands';
import { lazyFeature } from '../platform/lazy';
import type { Services } from '../services';
import type * as TodayLazy from './lazy';
import type { TodayViewProvider } from './lazy/todayViewProvider';
import { StatusBarTip } from './statusBarTip';

const lazy = lazyFeature<typeof TodayLazy>('today');

/**
 * The Today feature: the status-bar tip (at start-up), the Today view (its implementation loads
 * when the view is first shown) and the nudge commands.
 */
export function registerToday(services: Services): vscode.Disposable[] {
  let provider: TodayViewProvider | undefined;
  return [
    new StatusBarTip(services),
    vscode.window.registerWebviewViewProvider(Views.today, {
      resolveWebviewView: async (view) => {
        await services.loaded();
        provider ??= new (lazy().TodayViewProvider)(services);
        return provider.resolveWebviewView(view);
      },
    }),
    { dispose: () => provider?.dispose() },
    registerCommand(services.log, Commands.showToday, 'Show Today', () => vscode.commands.executeCommand(`${Views.today}.focus`)),
    registerCommand(services.log, Commands.completeNudge, 'Done', async () => (await services.loaded()).coach.done()),
    registerCommand(services.log, Commands.anotherNudge, 'Another Nudge', async () => (await services.loaded()).coach.another()),
  ];
}
