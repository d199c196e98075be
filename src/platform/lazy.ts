/**
 * A part of a feature that loads on first use. Its eager `register.ts` calls
 * `lazyPart(() => import('./lazy'))` and imports nothing but types from `lazy/`: esbuild bundles the
 * lazy part apart (dist/<feature>.mjs, with what it shares with other bundles in dist/chunks/), and
 * the web build, which is one file, bundles it in. `load()` imports it once; `loaded` is it when it is
 * there, for what cannot wait (a dispose: nothing of the part can be open before it loaded).
 */
export interface LazyPart<T> {
  load(): Promise<T>;
  readonly loaded: T | undefined;
}

export function lazyPart<T>(importIt: () => Promise<T>): LazyPart<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load: () =>
      (loading ??= importIt().then((part) => {
        loaded = part;
        return part;
      })),
    get loaded() {
      return loaded;
    },
  };
}
