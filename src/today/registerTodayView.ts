import * as vscode from 'vscode';
import { Commands, Views } from '../ids';
import type { Services } from '../services';
import { views } from '../views/load';
import type { TodayViewProvider } from './todayViewProvider';

/** Registers the Today view; its implementation loads when the view is first shown. */
export function registerTodayView(services: Services): vscode.Disposable[] {
  let provider: TodayViewProvider | undefined;
  return [
    vscode.window.registerWebviewViewProvider(Views.today, {
      resolveWebviewView: (view) => {
        provider ??= views().createTodayView(services);
        return provider.resolveWebviewView(view);
      },
    }),
    { dispose: () => provider?.dispose() },
    vscode.commands.registerCommand(Commands.showToday, () => vscode.commands.executeCommand(`${Views.today}.focus`)),
    vscode.commands.registerCommand(Commands.completeNudge, () => services.coach.done()),
    vscode.commands.registerCommand(Commands.anotherNudge, () => services.coach.another()),
  ];
}
