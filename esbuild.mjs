// Bundles the extension, the lazily loaded lesson renderer and the webview pages into dist/.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const require = createRequire(import.meta.url);

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
};

/**
 * The activation bundle and the bundles loaded on first use (interactive delegation commands; the
 * lesson reader with markdown-it): Node, CommonJS, `vscode` supplied by the host.
 */
const extension = {
  ...common,
  entryPoints: {
    extension: 'src/extension.ts',
    views: 'src/views/index.ts',
    delegationCommands: 'src/delegations/commands/index.ts',
    lessonReader: 'src/lessons/reader/index.ts',
  },
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  metafile: true,
};

/** Page scripts: browser, one self-contained file each. */
const pages = {
  ...common,
  entryPoints: { today: 'src/webview/pages/today.ts', lesson: 'src/webview/pages/lesson.ts' },
  outdir: 'dist/webview',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
};

async function copyStatic() {
  await mkdir('dist/webview', { recursive: true });
  const codicons = dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  const files = [
    [join(codicons, 'codicon.css'), 'dist/webview/codicon.css'],
    [join(codicons, 'codicon.ttf'), 'dist/webview/codicon.ttf'],
    ['media/webview/common.css', 'dist/webview/common.css'],
    ['media/webview/today.css', 'dist/webview/today.css'],
    ['media/webview/lesson.css', 'dist/webview/lesson.css'],
  ];
  await Promise.all(files.map(([from, to]) => copyFile(from, to)));
}

if (watch) {
  await copyStatic();
  const contexts = await Promise.all([esbuild.context(extension), esbuild.context(pages)]);
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('Watching src/ for changes…');
} else {
  const [result] = await Promise.all([esbuild.build(extension), esbuild.build(pages), copyStatic()]);
  const outputs = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, meta]) => `${file} ${(meta.bytes / 1024).toFixed(1)} KiB`);
  console.log(`Built ${production ? 'production' : 'development'} bundles: ${outputs.join(', ')}`);
}
