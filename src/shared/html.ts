/** Escaping for text placed in HTML by the extension. No `vscode` import: unit-tested in Node. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON that is safe inside a `<script type="application/json">` block: no `</script>` can close it. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * A style sheet written into a page's HTML with its icon font pointed at `fontUrl`: the sheet names
 * the font `./codicon.ttf`, in quotes as written or bare as the production build's minifier leaves it.
 */
export function withIconFontAt(css: string, fontUrl: string): string {
  return css.replace(/url\((["']?)\.\/codicon\.ttf\1\)/g, () => `url("${fontUrl}")`);
}
