import * as vscode from 'vscode';
import { formatDay, todayKey } from '../../domain/core/dates';
import { inert } from '../../domain/core/inertText';
import { describeNextOneOnOne, MOOD_WORDS, TOPIC_LABELS, TOPICS, type Mood, type OneOnOne } from '../../domain/team/oneOnOnes';
import { parseLogOneOnOneArgs } from '../../domain/team/input';
import { WebviewPanels } from '../../ids';
import { validatedReceiver } from '../../platform/webviewMessages';
import { pageFiles, pageWebviewOptions, renderPage } from '../../platform/webviewHtml';
import { confirmTeamChange } from '../../teamUndo';
import { isOneOnOneToExtension, type OneOnOneFormState, type OneOnOneToPage } from '../protocol';
import type { Services } from '../../services';
import { presetName } from './personCommands';
import * as l10n from '../../domain/core/l10n';
import { escapeHtml } from '../../shared/html';

function isArgumentObject(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) && (arg as { kind?: unknown }).kind === undefined;
}

async function save(services: Services, raw: unknown): Promise<{ ok: true; meeting: OneOnOne } | { ok: false; errors: string[] }> {
  const parsed = parseLogOneOnOneArgs(raw, todayKey(services.clock));
  if (!parsed.ok) {
    return parsed;
  }
  const { value: meeting, undo } = await services.team.logOneOnOne(parsed.value);
  const person = services.team.person(meeting.personId);
  const today = todayKey(services.clock);
  const name = services.team.nameOf(meeting.personId);
  const on = formatDay(meeting.on, today);
  confirmTeamChange(
    services,
    person
      ? l10n.t('Logged a 1:1 with {0} on {1}. {2}.', name, on, upperFirst(describeNextOneOnOne(person, meeting, today)))
      : l10n.t('Logged a 1:1 with {0} on {1}.', name, on),
    undo,
  );
  return { ok: true, meeting };
}

/** "next 1:1 due in 3 days" → "Next 1:1 due in 3 days", to start a sentence. */
function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * "Log 1:1". With an argument object (keybindings, automation) it saves at once, after the same
 * checks as the form; otherwise it opens the form, a small page because notes need more than one line.
 */
export async function logOneOnOne(services: Services, arg: unknown): Promise<OneOnOne | undefined> {
  if (isArgumentObject(arg)) {
    const result = await save(services, arg);
    if (!result.ok) {
      void vscode.window.showErrorMessage(inert(l10n.t('Log 1:1: nothing was saved. {0}', result.errors.join(' '))));
      return undefined;
    }
    return result.meeting;
  }
  openForm(services, presetName(services, arg));
  return undefined;
}

let openPanel: vscode.WebviewPanel | undefined;

function openForm(services: Services, person: string | undefined): void {
  if (openPanel) {
    // One form at a time, and never one thrown away with notes in it: show the open one.
    openPanel.reveal(undefined, false);
    vscode.window.setStatusBarMessage(l10n.t('A Log 1:1 form is already open: save or cancel it first.'), 5000);
    return;
  }
  // Kept alive while another tab is in front, so notes being typed are not lost.
  const panel = vscode.window.createWebviewPanel(WebviewPanels.oneOnOne, l10n.t('Log 1:1'), vscode.ViewColumn.Active, {
    ...pageWebviewOptions(services.extensionUri),
    retainContextWhenHidden: true,
  });
  openPanel = panel;
  const state: OneOnOneFormState = {
    people: services.team.personNames(),
    ...(person ? { person } : {}),
    today: todayKey(services.clock),
    moods: ([1, 2, 3, 4, 5] as Mood[]).map((value) => ({ value, word: MOOD_WORDS[value] })),
    topics: TOPICS.map((value) => ({ value, label: TOPIC_LABELS[value] })),
  };
  panel.webview.html = renderPage(panel.webview, {
    title: l10n.t('Log 1:1'),
    ...pageFiles(services.extensionUri, 'oneOnOne'),
    initialState: state,
    body: `
<main class="form-page">
  <h1>${escapeHtml(l10n.t('Log 1:1'))}</h1>
  <p class="hint">${escapeHtml(l10n.t('Press Ctrl+Enter to save. The next 1:1 follows from their cadence.'))}</p>
  <div id="errors" class="errors" role="alert" tabindex="-1" hidden></div>
  <form id="one-on-one" novalidate>
    <div class="field">
      <label for="person">${escapeHtml(l10n.t('With'))}</label>
      <input id="person" type="text" list="people" autocomplete="off" required aria-describedby="person-hint">
      <datalist id="people"></datalist>
      <span id="person-hint" class="private">${escapeHtml(l10n.t('A name not in the team yet adds them.'))}</span>
    </div>
    <div class="field">
      <label for="date">${escapeHtml(l10n.t('Day'))}</label>
      <input id="date" type="date" required>
    </div>
    <fieldset>
      <legend>${escapeHtml(l10n.t('How are they doing?'))}</legend>
      <div id="moods" class="choices"></div>
    </fieldset>
    <fieldset>
      <legend>${escapeHtml(l10n.t('What came up'))}</legend>
      <div id="topics" class="choices"></div>
    </fieldset>
    <div class="field">
      <label for="notes">${escapeHtml(l10n.t('Private notes'))}</label>
      <textarea id="notes" aria-describedby="notes-hint"></textarea>
      <span id="notes-hint" class="private">${escapeHtml(l10n.t('Kept in this workspace only. Exports leave them out unless the setting techLead.export.includePrivateNotes is on.'))}</span>
    </div>
    <div class="actions">
      <button type="submit" class="button primary"><span class="codicon codicon-check" aria-hidden="true"></span>${escapeHtml(l10n.t('Save 1:1'))}</button>
      <button type="button" id="cancel" class="button secondary">${escapeHtml(l10n.t('Cancel'))}</button>
    </div>
  </form>
</main>`,
  });
  const receive = validatedReceiver(
    services.log,
    'Log 1:1 form',
    l10n.t('The Log 1:1 form action'),
    isOneOnOneToExtension,
    async (message) => {
      if (message.type === 'cancel') {
        panel.dispose();
        return;
      }
      const { person: name, date, mood, topics, notes } = message.form;
      const result = await save(services, {
        person: name,
        date,
        ...(mood === null ? {} : { mood }),
        topics,
        ...(notes.trim() === '' ? {} : { notes }),
      });
      if (result.ok) {
        panel.dispose();
      } else {
        const reply: OneOnOneToPage = { type: 'errors', errors: result.errors };
        await panel.webview.postMessage(reply);
      }
    },
  );
  const subscription = panel.webview.onDidReceiveMessage(receive);
  panel.onDidDispose(() => {
    subscription.dispose();
    if (openPanel === panel) {
      openPanel = undefined;
    }
  });
}
