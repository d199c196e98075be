import type { PersonPageModel, PersonSignalsPart, PersonToExtension } from '../protocol';
import { button, el, icon } from '../../shared/page/dom';
import * as l10n from '../../shared/l10n';

/*
 * The repository signals' parts of the person page, kept apart from person.ts: the section with the
 * linked identities and the pace line, and the shipped-since list in Prepare next 1:1. Shown only
 * when the model has them (signals on, person linked). Every text through textContent.
 */

type Post = (message: PersonToExtension) => void;

/** "From the repository": the identities linked to them and, when it rose, the pace line as a question. */
export function signalsSection(model: PersonPageModel): HTMLElement | undefined {
  const signals = model.signals;
  if (signals === undefined) {
    return undefined;
  }
  const h2 = el('h2', { id: 'signals-heading', text: l10n.t('From the repository'), focusKey: 'heading:signals' });
  h2.tabIndex = -1;
  const pace = signals.pace;
  const result = el(
    'section',
    { className: 'person-section signals-section' },
    h2,
    pace === undefined
      ? el('p', { className: 'empty', text: l10n.t('Nothing in their commit times stands out against their own usual pattern.') })
      : el(
          'div',
          { className: 'pace' },
          ...pace.lines.map((line) => el('p', { className: 'pace-line' }, icon('heart'), el('span', { text: line }))),
          el('p', { className: 'pace-question', text: l10n.t('Worth asking: {0}', pace.question) }),
          el('p', { className: 'section-note', text: pace.basis }),
        ),
    el('h3', { text: l10n.t('Their commit identities') }),
    el('ul', { className: 'identities' }, ...signals.identities.map((identity) => el('li', { text: identity }))),
  );
  result.setAttribute('aria-labelledby', 'signals-heading');
  return result;
}

/** "Shipped since your last 1:1", for Prepare next 1:1: subjects by folder, each copied with one click. */
export function shippedPart(signals: PersonSignalsPart | undefined, post: Post): HTMLElement[] {
  if (signals === undefined) {
    return [];
  }
  const { summary, groups, more } = signals.shipped;
  const list = el(
    'div',
    { className: 'shipped' },
    ...groups.map((group) =>
      el(
        'div',
        { className: 'shipped-group' },
        el('h4', { text: group.heading }),
        el(
          'ul',
          {},
          ...group.lines.map((line) =>
            el(
              'li',
              { className: 'shipped-line' },
              el('span', { text: line.text }),
              button({
                label: l10n.t('Copy'),
                icon: 'copy',
                focusKey: `copyShipped:${line.hash}`,
                focusGroup: 'copyShipped',
                focusFallback: 'heading:prepare',
                ariaLabel: l10n.t('Copy "{0}" for your 1:1 notes', line.text),
                title: l10n.t('Copy this line to paste into your 1:1 notes'),
                onClick: () => post({ type: 'copyShipped', hash: line.hash }),
              }),
            ),
          ),
        ),
      ),
    ),
    more === undefined ? undefined : el('p', { className: 'section-note', text: more }),
  );
  return [el('h3', { text: l10n.t('Shipped since your last 1:1') }), el('p', { className: 'shipped-summary', text: summary }), list];
}
