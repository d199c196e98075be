import type * as vscode from 'vscode';
import { Commands } from '../ids';
import { registerCommand } from '../platform/commands';
import { lazyFeature } from '../platform/lazy';
import type { Services } from '../services';
import type * as ReviewLazy from './lazy';
import * as l10n from '../domain/core/l10n';

const lazy = lazyFeature<typeof ReviewLazy>('review');

/** The Weekly Review: one command; the panel's code loads when it first opens. */
export function registerReview(services: Services): vscode.Disposable[] {
  let opened = false;
  return [
    registerCommand(services.log, Commands.openWeeklyReview, l10n.t('Weekly Review'), async (arg: unknown) => {
      await services.loaded();
      opened = true;
      return lazy().openWeeklyReview(services, arg);
    }),
    { dispose: () => (opened ? lazy().disposeReviewPanel() : undefined) },
  ];
}
