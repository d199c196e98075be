import * as vscode from 'vscode';
import { escapeHtml, jsonForHtml } from '../shared/html';

/** A fresh nonce from a cryptographic source for each page render. */
export function createNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts only with the nonce, styles and fonts only from the extension's own webview folder (and
 * the page's own style blocks with the nonce), nothing else: no other inline styles or scripts, no
 * remote loads, no frames, no forms.
 */
export function contentSecurityPolicy(webview: vscode.Webview, nonce: string, inlineStyles = false): string {
  return [
    "default-src 'none'",
    `style-src ${webview.cspSource}${inlineStyles ? ` 'nonce-${nonce}'` : ''}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The style sheets of a page in dist/webview: the icon font's, the shared ones, then the page's own. */
function pageStyleFiles(own: string): string[] {
  return ['codicon.css', 'common.css', own];
}

/** dist/webview: where the pages' built files are, and the one folder a page may load from. */
export function pagesFolder(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** What every page's webview allows: its scripts, and loading only from dist/webview. */
export function pageWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [pagesFolder(extensionUri)] };
}

/** A page's built files in dist/webview: the shared style sheets, then its own `<page>.css`, and `<page>.js`. */
export function pageFiles(extensionUri: vscode.Uri, page: string): Pick<PageTemplate, 'styles' | 'script'> {
  const root = pagesFolder(extensionUri);
  return {
    styles: pageStyleFiles(`${page}.css`).map((file) => vscode.Uri.joinPath(root, file)),
    script: vscode.Uri.joinPath(root, `${page}.js`),
  };
}

export interface PageTemplate {
  readonly title: string;
  readonly styles: readonly vscode.Uri[];
  /**
   * Style sheets written into the page (the extension's own CSS, as built into dist/webview), for a
   * view whose first paint should not wait for style sheet requests.
   */
  readonly inlineStyles?: readonly string[];
  /** The page's script in dist/webview, or its text to write into the page (with the nonce, like the file). */
  readonly script: vscode.Uri | string;
  readonly initialState: unknown;
  /** Static markup for the page body; any user text must already be escaped. */
  readonly body: string;
}

/**
 * The page's translations: VS Code's bundle for the display language, written into the page as
 * data (no script) for the page's `l10n.t` (see shared/page/vscodeApi.ts). None in English.
 */
function translations(): string {
  const bundle = vscode.l10n.bundle;
  return bundle === undefined ? '' : `\n    <script type="application/json" id="l10n-bundle">${jsonForHtml(bundle)}</script>`;
}

function scriptTag(webview: vscode.Webview, script: vscode.Uri | string, nonce: string): string {
  if (typeof script !== 'string') {
    return `<script nonce="${nonce}" src="${escapeHtml(webview.asWebviewUri(script).toString())}"></script>`;
  }
  // Our own built script: a `</script` inside it would end the element, so it is refused rather than written.
  if (/<\/script/i.test(script)) {
    throw new Error('A script to inline contains "</script".');
  }
  return `<script nonce="${nonce}">${script}</script>`;
}

export function renderPage(webview: vscode.Webview, page: PageTemplate): string {
  const nonce = createNonce();
  const inline = page.inlineStyles ?? [];
  const styles = [
    ...page.styles.map((uri) => `<link rel="stylesheet" href="${escapeHtml(webview.asWebviewUri(uri).toString())}">`),
    // Our own CSS: a `</style` inside it would end the block, so it is refused rather than written.
    ...inline.map((css) => {
      if (/<\/style/i.test(css)) {
        throw new Error('A style sheet to inline contains "</style".');
      }
      return `<style nonce="${nonce}">${css}</style>`;
    }),
  ].join('\n    ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce, inline.length > 0)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${escapeHtml(page.title)}</title>
  </head>
  <body>
    ${page.body}
    <script type="application/json" id="initial-state">${jsonForHtml(page.initialState)}</script>${translations()}
    ${scriptTag(webview, page.script, nonce)}
  </body>
</html>`;
}
