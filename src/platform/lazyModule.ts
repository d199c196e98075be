import * as path from 'path';

/**
 * Loads a bundle from dist/ the first time it is needed. The computed path keeps esbuild from
 * inlining it into the activation bundle.
 */
export function lazyModule<T>(bundleFile: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(path.join(__dirname, bundleFile)) as T;
    return loaded;
  };
}
