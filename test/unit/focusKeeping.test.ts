/**
 * Focus kept across a page's re-render (person page, weekly review), in a DOM without a browser
 * (happy-dom): the same element, its neighbour in a list, its fallback, the page's last resort,
 * and a text box's caret.
 */
import * as assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { rememberFocus, restoreFocus } from '../../src/shared/page/focusKeeping';

const window = new Window();
const globals = globalThis as unknown as Record<string, unknown>;
for (const name of ['document', 'Element', 'HTMLButtonElement', 'HTMLTextAreaElement'] as const) {
  globals[name] = window[name];
}

function page(html: string): HTMLElement {
  window.document.body.innerHTML = `<main id="root">${html}</main>`;
  return window.document.getElementById('root') as unknown as HTMLElement;
}

const focused = (): string | undefined => (window.document.activeElement as unknown as HTMLElement | null)?.dataset['focusKey'];

describe('focus kept across a re-render', () => {
  after(() => window.close());

  it('focuses the same element again in the new markup', () => {
    let root = page('<button data-focus-key="a">A</button><button data-focus-key="b">B</button>');
    (root.querySelector('[data-focus-key="b"]') as HTMLElement).focus();
    const memo = rememberFocus(root);
    root = page('<button data-focus-key="a">A</button><button data-focus-key="b">B</button>');
    restoreFocus(root, memo);
    assert.equal(focused(), 'b');
  });

  it('focuses the neighbour in its list when the element is gone, then the fallback when the list is', () => {
    const list = (ids: string[]): string =>
      `<h2 data-focus-key="heading">Work</h2>${ids.map((id) => `<button data-focus-key="check:${id}" data-focus-group="check" data-focus-fallback="heading">${id}</button>`).join('')}`;
    let root = page(list(['x', 'y', 'z']));
    (root.querySelector('[data-focus-key="check:z"]') as HTMLElement).focus();
    let memo = rememberFocus(root);
    assert.equal(memo?.index, 2);
    root = page(list(['x', 'y']));
    restoreFocus(root, memo);
    assert.equal(focused(), 'check:y', 'the last one gone: the one now last');
    memo = rememberFocus(root);
    root = page(list([]));
    restoreFocus(root, memo);
    assert.equal(focused(), 'heading');
  });

  it('passes over a disabled button to its fallback, and uses the last resort only when there is no fallback', () => {
    const markup = (nextDisabled: boolean): string =>
      `<h1 data-focus-key="heading:title">Week</h1><button data-focus-key="nav:this">This</button><button data-focus-key="nav:next" data-focus-fallback="nav:this"${nextDisabled ? ' disabled' : ''}>Next</button><button data-focus-key="export">Export</button>`;
    let root = page(markup(false));
    (root.querySelector('[data-focus-key="nav:next"]') as HTMLElement).focus();
    let memo = rememberFocus(root);
    root = page(markup(true));
    restoreFocus(root, memo, { lastResort: 'heading:title' });
    assert.equal(focused(), 'nav:this');
    (root.querySelector('[data-focus-key="export"]') as HTMLElement).focus();
    memo = rememberFocus(root);
    root = page('<h1 data-focus-key="heading:title" tabindex="-1">Week</h1>');
    restoreFocus(root, memo, { lastResort: 'heading:title' });
    assert.equal(focused(), 'heading:title');
  });

  it("puts a text box's caret back only when asked (the same week's answer)", () => {
    const box = '<textarea data-focus-key="answer:0">What went well this week</textarea>';
    let root = page(box);
    const area = root.querySelector('textarea') as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(5, 9);
    const memo = rememberFocus(root);
    assert.deepEqual([memo?.selection?.start, memo?.selection?.end], [5, 9]);
    root = page(box);
    restoreFocus(root, memo, { selection: true });
    const again = root.querySelector('textarea') as HTMLTextAreaElement;
    assert.equal(focused(), 'answer:0');
    assert.deepEqual([again.selectionStart, again.selectionEnd], [5, 9]);
    root = page(box);
    restoreFocus(root, memo, { selection: false });
    const other = root.querySelector('textarea') as HTMLTextAreaElement;
    assert.equal(focused(), 'answer:0');
    assert.notDeepEqual([other.selectionStart, other.selectionEnd], [5, 9]);
  });

  it('remembers nothing when focus is outside the page', () => {
    const root = page('<button data-focus-key="a">A</button>');
    (window.document.body as unknown as HTMLElement).focus();
    assert.equal(rememberFocus(root), undefined);
  });
});
