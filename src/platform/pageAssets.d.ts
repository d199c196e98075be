/**
 * A page's built style sheets and script, written into the importing bundle at build time (the
 * `page-assets` plugin in esbuild.mjs), for a view that puts them straight into its HTML.
 */
declare module 'page-assets:*' {
  /** The cut icon font's CSS, the shared CSS, the page's own CSS (font URLs relative to dist/webview). */
  export const styles: readonly string[];
  /** The page's script. */
  export const script: string;
}
