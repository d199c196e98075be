import * as vscode from 'vscode';
import { Commands, Views } from '../ids';
import { registerCommand } from '../platform/commands';
import { lazyPart } from '../platform/lazy';
import type { Services } from '../services';
import type * as TodayLazy from './lazy';
import type { TodayViewProvider } from './lazy/todayViewProvider';
import { StatusBarTip } from './statusBarTip';
import * as l10n from '../domain/core/l10n';

const lazy = lazyPart<typeof TodayLazy>(() => import('./lazy'));

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
        const { TodayViewProvider } = await lazy.load();
        provider ??= new TodayViewProvider(services);
        return provider.resolveWebviewView(view);
      },
    }),
    { dispose: () => provider?.dispose() },
    registerCommand(services.log, Commands.showToday, l10n.t('Show Today'), () => vscode.commands.executeCommand(`${Views.today}.focus`)),
    registerCommand(services.log, Commands.completeNudge, l10n.t('Done'), async () => {
      const { coach } = await services.loaded();
      const nudge = coach.current();
      const already = coach.doneToday();
      await coach.done();
      if (nudge && !already && nudge.theme !== undefined) {
        await (await lazy.load()).afterNudgeDone(services, nudge);
      }
    }),
    registerCommand(services.log, Commands.anotherNudge, l10n.t('Another Nudge'), async () => (await services.loaded()).coach.another()),
  ];
}
