import * as vscode from 'vscode';
import { inert, inertMarkdown } from '../domain/core/inertText';
import { Commands } from '../ids';
import { Disposable } from '../platform/disposable';
import type { Services } from '../services';
import * as l10n from '../domain/core/l10n';

/** The daily tip in the status bar: short text, the full nudge in the tooltip, a click opens Today. */
export class StatusBarTip extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('techLead.dailyTip', vscode.StatusBarAlignment.Right, 100));

  constructor(private readonly services: Services) {
    super();
    this.item.name = l10n.t('Tech Lead Coach: Daily Tip');
    this.item.command = Commands.showToday;
    // Today's nudge needs the team data: the tip appears once it is loaded, just after activation.
    this.register(
      services.whenLoaded(
        () => this.update(),
        ({ coach, team }) => [coach.onDidChange, team.onDidChange, services.days.onDidChangeDay, services.onDidChangeSettings],
      ),
    );
  }

  private update(): void {
    if (!this.services.settings().statusBarTip) {
      this.item.hide();
      return;
    }
    const nudge = this.services.coach.current();
    if (!nudge) {
      this.item.hide();
      return;
    }
    const done = this.services.coach.doneToday();
    // Nudges can quote a task or a name: every piece of text goes through inert / inertMarkdown.
    this.item.text = `$(${done ? 'pass' : 'lightbulb'}) ${inert(nudge.short)}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${inertMarkdown(l10n.t('Today, as a tech lead'))}**\n\n`);
    tooltip.appendMarkdown(`${inertMarkdown(nudge.action)}\n\n`);
    tooltip.appendMarkdown(`*${inertMarkdown(nudge.why)}*\n\n`);
    tooltip.appendMarkdown(
      inertMarkdown(done ? l10n.t('Done for today. Click to open the Today view.') : l10n.t('Click to open the Today view.')),
    );
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: done
        ? l10n.t('Tech Lead tip: {0}. {1} Done for today.', nudge.short, nudge.action)
        : l10n.t('Tech Lead tip: {0}. {1}', nudge.short, nudge.action),
      role: 'button',
    };
    this.item.show();
  }
}
