import * as path from 'path';

/**
 * The one way a feature loads code on first use: each feature's `lazy/index.ts` is bundled to
 * `dist/<feature>.js`, and its eager `register.ts` calls `lazyFeature<typeof import('./lazy')>('<feature>')`
 * and imports nothing but types from `lazy/`; services.ts loads the services' heavy part
 * (`dist/services.js`) the same way. The computed path keeps esbuild from inlining the bundle into
 * the activation bundle. Shared modules (domain, platform, shared, ids) are not copied into the lazy
 * bundles: they come from dist/extension.js or dist/services.js (see esbuild.mjs).
 */
export function lazyFeature<T>(feature: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(path.join(__dirname, `${feature}.js`)) as T;
    return loaded;
  };
}
