/**
 * Keeping focus across a page's re-render (the person page, the weekly review). Elements are named
 * by `data-focus-key` (see dom.ts); a list's items share a `data-focus-group`; `data-focus-fallback`
 * names where focus goes when the element is gone or disabled after the render.
 */

export interface FocusMemo {
  readonly key: string;
  readonly group: string | undefined;
  /** Where the element stood among its group's, to focus its neighbour when it is gone; -1 without a group. */
  readonly index: number;
  readonly fallback: string | undefined;
  /** The caret and scroll of a focused text box. */
  readonly selection?: {
    readonly start: number;
    readonly end: number;
    readonly direction: 'forward' | 'backward' | 'none';
    readonly scrollTop: number;
  };
}

/** The named elements that can take focus (a disabled button cannot). */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-focus-key]')].filter(
    (element) => !(element instanceof HTMLButtonElement && element.disabled),
  );
}

/** What has focus inside `root`, by its key, and where it stands among its kind, to find it again after a re-render. */
export function rememberFocus(root: HTMLElement): FocusMemo | undefined {
  const active = document.activeElement;
  const keyed = active instanceof Element && root.contains(active) ? active.closest<HTMLElement>('[data-focus-key]') : null;
  const key = keyed?.dataset['focusKey'];
  if (keyed === null || key === undefined) {
    return undefined;
  }
  const group = keyed.dataset['focusGroup'];
  const index =
    group === undefined
      ? -1
      : focusables(root)
          .filter((element) => element.dataset['focusGroup'] === group)
          .indexOf(keyed);
  const memo = { key, group, index, fallback: keyed.dataset['focusFallback'] };
  return keyed instanceof HTMLTextAreaElement
    ? {
        ...memo,
        selection: {
          start: keyed.selectionStart,
          end: keyed.selectionEnd,
          direction: keyed.selectionDirection,
          scrollTop: keyed.scrollTop,
        },
      }
    : memo;
}

export interface RestoreOptions {
  /** Whether a text box gets its caret and scroll back (false when it now holds other text). */
  readonly selection?: boolean;
  /** The key focused when the element has no fallback of its own. */
  readonly lastResort?: string;
}

/**
 * Focus the same element again; when it is gone or disabled, its neighbour in the same group; when
 * the group is gone, its fallback (or the page's last resort).
 */
export function restoreFocus(root: HTMLElement, memo: FocusMemo | undefined, options: RestoreOptions = {}): void {
  if (memo === undefined) {
    return;
  }
  const all = focusables(root);
  const byKey = (key: string | undefined): HTMLElement | undefined =>
    key === undefined ? undefined : all.find((element) => element.dataset['focusKey'] === key);
  let target = byKey(memo.key);
  if (target === undefined && memo.group !== undefined) {
    const members = all.filter((element) => element.dataset['focusGroup'] === memo.group);
    target = members[Math.min(Math.max(memo.index, 0), members.length - 1)];
  }
  target ??= byKey(memo.fallback ?? options.lastResort);
  target?.focus({ preventScroll: true });
  if (target instanceof HTMLTextAreaElement && memo.selection !== undefined && options.selection === true) {
    const length = target.value.length;
    target.setSelectionRange(Math.min(memo.selection.start, length), Math.min(memo.selection.end, length), memo.selection.direction);
    target.scrollTop = memo.selection.scrollTop;
  }
}
