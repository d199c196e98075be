import type * as vscode from 'vscode';
import { Commands } from '../ids';
import { registerCommand } from '../platform/commands';
import { lazyPart } from '../platform/lazy';
import type { Services } from '../services';
import type * as ReviewLazy from './lazy';
import * as l10n from '../domain/core/l10n';

const lazy = lazyPart<typeof ReviewLazy>(() => import('./lazy'));

/** The Weekly Review: one command; the panel's code loads when it first opens. */
export function registerReview(services: Services): vscode.Disposable[] {
  return [
    registerCommand(services.log, Commands.openWeeklyReview, l10n.t('Weekly Review'), async (arg: unknown) => {
      await services.loaded();
      return (await lazy.load()).openWeeklyReview(services, arg);
    }),
    { dispose: () => lazy.loaded?.disposeReviewPanel() },
  ];
}
