/** The handle VS Code gives a webview page; `acquireVsCodeApi` may be called only once. */
interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

export function connect<ToExtension, State>(): { post(message: ToExtension): void; getState(): State | undefined; setState(state: State): void } {
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
