import * as l10n from '../l10n';

/** The handle VS Code gives a webview page; `acquireVsCodeApi` may be called only once. */
interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

export function connect<ToExtension, State>(): {
  post(message: ToExtension): void;
  getState(): State | undefined;
  setState(state: State): void;
} {
  const api = acquireVsCodeApi<State>();
  return {
    post: (message) => api.postMessage(message),
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}

/** The state the extension wrote into the page, so the first paint needs no round trip. */
export function readInitialState<T>(): T | undefined {
  const text = document.getElementById('initial-state')?.textContent;
  return text ? (JSON.parse(text) as T) : undefined;
}

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`The page has no #${id}`);
  }
  return element as T;
}

/**
 * The translations the extension wrote into the page (none in English, see platform/webviewHtml.ts):
 * installed when this module loads, before any page renders, so every `l10n.t` of the page uses them.
 */
const bundle = document.getElementById('l10n-bundle')?.textContent;
if (bundle) {
  l10n.setTranslator(l10n.bundleTranslator(JSON.parse(bundle) as l10n.Bundle));
}

// The icon font is requested once the page has loaded, so the page shows without waiting for it (see common.css).
window.addEventListener('load', () => document.documentElement.classList.add('icons'), { once: true });
