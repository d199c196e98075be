import { isSignalsConsentToPage, type SignalsConsentState, type SignalsConsentToExtension } from '../protocol';
import { button, el } from '../../shared/page/dom';
import { byId, connect, readInitialState } from '../../shared/page/vscodeApi';
import * as l10n from '../../shared/l10n';

/*
 * Turn On Repository Signals: one screen that says exactly what is read, what is computed, what is
 * kept and what is not, and offers the text to share with the team. Built with DOM calls; every text
 * goes in through textContent.
 */

const vscode = connect<SignalsConsentToExtension, SignalsConsentState>();
const root = byId('signals-consent');

function list(className: string, items: readonly string[]): HTMLUListElement {
  return el('ul', { className }, ...items.map((text) => el('li', { text })));
}

function part(heading: string, ...children: (Node | undefined)[]): HTMLElement {
  return el('section', { className: 'consent-part' }, el('h2', { text: heading }), ...children);
}

function render(state: SignalsConsentState): void {
  vscode.setState(state);
  const folders =
    state.folders.length === 0
      ? el('p', { text: l10n.t('No local folder is open.') })
      : el('p', { text: l10n.t('The repositories of: {0}', state.folders.join(', ')) });
  const actions = el(
    'div',
    { className: 'actions' },
    state.on
      ? el('p', { className: 'on-note', text: l10n.t('Repository signals are on in this workspace.') })
      : button({
          label: l10n.t('Turn On'),
          icon: 'check',
          focusKey: 'action:turnOn',
          primary: true,
          onClick: () => vscode.post({ type: 'turnOn' }),
        }),
    button({
      label: state.on ? l10n.t('Close') : l10n.t('Not now'),
      icon: 'close',
      focusKey: 'action:notNow',
      onClick: () => vscode.post({ type: 'notNow' }),
    }),
  );
  actions.setAttribute('role', 'group');
  const title = el('h1', { id: 'consent-title', text: l10n.t('Repository signals') });
  title.tabIndex = -1;
  root.replaceChildren(
    title,
    el('p', {
      className: 'lead',
      text: l10n.t(
        'Off unless you turn them on, for this workspace only. They are meant as a prompt for a conversation with a person, never as a measure of anyone: nothing ranks people or compares them with each other, and each person is compared only with their own usual pattern.',
      ),
    }),
    part(
      l10n.t('What is read'),
      folders,
      list('read', [
        l10n.t("Each commit's author name and email (after the repository's .mailmap)."),
        l10n.t('The time of each commit, with its time zone (the author date).'),
        l10n.t('The files each commit touched, and its subject line.'),
      ]),
      el('p', { text: l10n.t('Never the content of files, diffs, line counts, or anything outside the repository.') }),
    ),
    part(
      l10n.t('What is computed'),
      list('computed', [
        l10n.t(
          'For each person you link to their commit identities: days with commits late at night (22:00–06:00 in their own time zone) or on their weekend in the last 14 days, against their own 8 weeks before. Shown only when it rises clearly, as a question to ask them.',
        ),
        l10n.t('What they committed since your last 1:1, grouped by folder, so you can recognize real work.'),
        l10n.t('Commit authors you have not linked to anyone are shown nowhere but the linking step.'),
      ]),
    ),
    part(
      l10n.t('What is kept'),
      list('kept', [
        l10n.t(
          "Nothing beyond a cache of the history read, in the extension's storage for this workspace, and the links you make. Forget Repository Signals deletes all of it.",
        ),
        l10n.t('Nothing is exported with the team data, synced, or sent anywhere.'),
      ]),
    ),
    part(
      l10n.t('A text to share with your team'),
      el('p', { text: l10n.t('Trust with the team is the point: nothing here is hidden from them.') }),
      el('blockquote', { className: 'share-text', id: 'share-text', text: state.shareText }),
      button({
        label: l10n.t('Copy the text'),
        icon: 'copy',
        focusKey: 'action:copy',
        onClick: () => vscode.post({ type: 'copyShareText' }),
      }),
    ),
    actions,
  );
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isSignalsConsentToPage(event.data)) {
    render(event.data.state);
  }
});

const initial = readInitialState<SignalsConsentState>() ?? vscode.getState();
if (initial) {
  render(initial);
  byId('consent-title').focus({ preventScroll: true });
}
vscode.post({ type: 'ready' });
