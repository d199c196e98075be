/**
 * Small DOM builders shared by the pages that are built from a model (the person page, the weekly
 * review). Every text goes in through textContent and no element gets an inline style: the pages'
 * CSP has no 'unsafe-inline', so looks come from classes.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Options {
  readonly className?: string | undefined;
  readonly text?: string;
  readonly id?: string;
  /** Names the element for focus keeping across re-renders (focusKeeping.ts). */
  readonly focusKey?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: Options = {},
  ...children: (Node | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className !== undefined) {
    element.className = options.className;
  }
  if (options.id !== undefined) {
    element.id = options.id;
  }
  if (options.text !== undefined) {
    element.textContent = options.text;
  }
  if (options.focusKey !== undefined) {
    element.dataset['focusKey'] = options.focusKey;
  }
  for (const child of children) {
    if (child !== undefined) {
      element.append(child);
    }
  }
  return element;
}

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number>> = {},
  className?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  if (className !== undefined) {
    element.setAttribute('class', className);
  }
  return element;
}

export function icon(name: string): HTMLSpanElement {
  const span = el('span', { className: `codicon codicon-${name}` });
  span.setAttribute('aria-hidden', 'true');
  return span;
}

export interface ButtonSpec {
  readonly label: string;
  readonly icon: string;
  readonly focusKey: string;
  readonly onClick: () => void;
  readonly primary?: boolean;
  readonly disabled?: boolean;
  /** A fuller accessible name; it starts with the visible label, so speech control finds it. */
  readonly ariaLabel?: string;
  readonly title?: string;
  /** `aria-keyshortcuts`, in its own notation: "Alt+ArrowLeft". */
  readonly keyShortcuts?: string;
  /** Buttons of one kind in a list: when this one is gone after a re-render, focus goes to its neighbour. */
  readonly focusGroup?: string;
  /** Where focus goes when this button (and any neighbour) is gone or disabled after a re-render. */
  readonly focusFallback?: string;
}

/** A VS Code-styled button with a codicon and a visible label. */
export function button(spec: ButtonSpec): HTMLButtonElement {
  const result = el(
    'button',
    { className: `button ${spec.primary === true ? 'primary' : 'secondary'}`, focusKey: spec.focusKey },
    icon(spec.icon),
    el('span', { text: spec.label }),
  );
  result.type = 'button';
  result.disabled = spec.disabled === true;
  if (spec.ariaLabel !== undefined) {
    result.setAttribute('aria-label', spec.ariaLabel);
  }
  if (spec.title !== undefined) {
    result.title = spec.title;
  }
  if (spec.keyShortcuts !== undefined) {
    result.setAttribute('aria-keyshortcuts', spec.keyShortcuts);
  }
  if (spec.focusGroup !== undefined) {
    result.dataset['focusGroup'] = spec.focusGroup;
  }
  if (spec.focusFallback !== undefined) {
    result.dataset['focusFallback'] = spec.focusFallback;
  }
  result.addEventListener('click', spec.onClick);
  return result;
}

/**
 * The width of a drawing in SVG units: the width its figure has on screen, so one unit is one pixel
 * and the texts keep the editor's font size at any width. Between a resize and the redraw that
 * follows it, the SVG scales by its viewBox (CSS width 100%).
 */
export function chartWidth(figure: HTMLElement, min: number, fallback: number): number {
  const measured = figure.clientWidth;
  return measured > 0 ? Math.max(min, Math.round(measured)) : fallback;
}
