import * as vscode from 'vscode';
import { inert, inertMarkdown } from '../domain/core/inertText';
import { todayKey } from '../domain/core/dates';
import { Commands, SETTINGS_SECTION, Settings } from '../ids';
import { runInBackground } from '../platform/commands';
import { EarlyStateMap, type ShownTip } from '../platform/earlyStateMap';
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
    // The tip as the last window showed it today, at once: working it out needs the team's whole
    // history, which loads just after activation. Then the tip is worked out and kept current.
    this.showShown();
    this.register(
      services.whenLoaded(
        () => this.update(),
        ({ coach, team }) => [coach.onDidChange, team.onDidChange, services.days.onDidChangeDay, services.onDidChangeSettings],
      ),
    );
  }

  private showShown(): void {
    const shown = this.services.state.get(EarlyStateMap.statusTip);
    const enabled = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>(Settings.statusBarTip, true);
    if (shown && enabled && shown.day === todayKey(this.services.clock)) {
      this.show(shown);
    }
  }

  private update(): void {
    const nudge = this.services.settings().statusBarTip ? this.services.coach.current() : undefined;
    if (!nudge) {
      this.item.hide();
      this.remember(undefined);
      return;
    }
    const tip: ShownTip = {
      day: todayKey(this.services.clock),
      short: nudge.short,
      action: nudge.action,
      why: nudge.why,
      done: this.services.coach.doneToday(),
    };
    this.show(tip);
    this.remember(tip);
  }

  private show({ short, action, why, done }: ShownTip): void {
    // Nudges can quote a task or a name: every piece of text goes through inert / inertMarkdown.
    this.item.text = `$(${done ? 'pass' : 'lightbulb'}) ${inert(short)}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${inertMarkdown(l10n.t('Today, as a tech lead'))}**\n\n`);
    tooltip.appendMarkdown(`${inertMarkdown(action)}\n\n`);
    tooltip.appendMarkdown(`*${inertMarkdown(why)}*\n\n`);
    tooltip.appendMarkdown(
      inertMarkdown(done ? l10n.t('Done for today. Click to open the Today view.') : l10n.t('Click to open the Today view.')),
    );
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: done ? l10n.t('Tech Lead tip: {0}. {1} Done for today.', short, action) : l10n.t('Tech Lead tip: {0}. {1}', short, action),
      role: 'button',
    };
    this.item.show();
  }

  /** Keeps what the tip shows for the next window, writing only when it changed. */
  private remember(tip: ShownTip | undefined): void {
    const before = this.services.state.get(EarlyStateMap.statusTip);
    if (JSON.stringify(before) !== JSON.stringify(tip)) {
      runInBackground(this.services.log, l10n.t('Remember the status-bar tip'), () =>
        this.services.state.update(EarlyStateMap.statusTip, tip),
      );
    }
  }
}
