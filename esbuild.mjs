// Bundles into dist/: for VS Code's Node extension host, ES modules that esbuild splits (the activation
// bundle dist/extension.mjs, each feature's lazy part dist/<feature>.mjs, the services' heavy part
// dist/services.mjs, and what they share in dist/chunks/); for the web worker extension host, which
// loads no ES module, the same code as one CommonJS file, dist/web/extension.js; the webview pages
// (dist/webview/); the lessons rendered to HTML (dist/lessons/); the codicon font cut to the icons used.
// `--production` minifies and drops source maps; `--watch` rebuilds on change; `--test-build` turns the
// test hooks on (TEST_BUILD, see src/testHooks.ts): only for the .vsix the test suites install.
import * as esbuild from 'esbuild';
import { writeCodiconSubset } from './scripts/codicons.mjs';
import { renderLessons } from './scripts/lessons.mjs';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const testBuild = process.argv.includes('--test-build');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
  define: { TEST_BUILD: testBuild ? 'true' : 'false' },
};

/** The folders of src/ that hold features (and their pages); shared/page/ holds what the pages share, not a page. */
const features = readdirSync('src', { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'shared');
/** Each feature's lazy part, `src/<feature>/lazy/index.ts`, which its register.ts loads with `import()`. */
const lazyParts = features
  .filter((f) => existsSync(join('src', f.name, 'lazy', 'index.ts')))
  .map((f) => [f.name, `src/${f.name}/lazy/index.ts`]);
/** Each page: `src/<feature>/page/<page>.ts` with its style sheet `<page>.css` beside it, built to dist/webview/<page>.{js,css}. */
const pageDirs = features.map((f) => join('src', f.name, 'page')).filter((dir) => existsSync(dir));
const pages = pageDirs.flatMap((dir) => readdirSync(dir).flatMap((n) => (n.endsWith('.css') ? [{ name: n.slice(0, -4), dir }] : [])));
const pageEntries = (list) => list.flatMap(({ name, dir }) => ['ts', 'css'].map((ext) => ({ in: join(dir, `${name}.${ext}`), out: name })));
const pageOptions = { ...common, outdir: 'dist/webview', platform: 'browser', format: 'iife', target: 'es2022', define: {} };

/**
 * `import { styles, script } from 'page-assets:<page>'`: a page's style sheets (the cut icon font's,
 * the shared ones, its own: the order of pageStyleFiles in src/platform/webviewHtml.ts) and its
 * script, built here, for a view that writes them into its HTML so its first paint waits for no
 * request. Such a page is not built into dist/webview as well.
 */
const inlinedPages = new Set();
const pageAssets = {
  name: 'page-assets',
  setup(build) {
    build.onResolve({ filter: /^page-assets:\w+$/ }, (args) => ({ path: args.path.split(':')[1], namespace: 'page-assets' }));
    build.onLoad({ filter: /.*/, namespace: 'page-assets' }, async (args) => {
      const page = pages.find((p) => p.name === args.path);
      if (!page) return { errors: [{ text: `There is no page "${args.path}" (src/<feature>/page/${args.path}.css and .ts)` }] };
      inlinedPages.add(page.name);
      const built = await esbuild.build({
        ...pageOptions,
        entryPoints: pageEntries([page]),
        sourcemap: false,
        metafile: true,
        write: false,
      });
      const output = (ext) => built.outputFiles.find((file) => file.path.endsWith(`.${ext}`)).text;
      // Minified in production like the pages' own sheets (the Today view's copy of common.css: 2,697
      // bytes to 1,632), legal comments (the codicons' notice) kept.
      const shared = await Promise.all(
        ['dist/webview/codicon.css', 'src/shared/page/common.css'].map(async (file) => {
          const text = await readFile(file, 'utf8');
          return production ? (await esbuild.transform(text, { loader: 'css', minify: true, legalComments: 'inline' })).code : text;
        }),
      );
      return {
        contents: `export const styles = ${JSON.stringify([...shared, output('css')])};\nexport const script = ${JSON.stringify(output('js'))};\n`,
        loader: 'js',
        watchFiles: ['src/shared/page/common.css', ...Object.keys(built.metafile.inputs)],
      };
    });
  },
};

/**
 * The Node extension host loads ES modules (VS Code 1.100 and later), so esbuild splits the code: what
 * two bundles use is in one chunk, loaded once, module state and all.
 */
const node = {
  ...common,
  define: { ...common.define, WEB_BUILD: 'false' },
  entryPoints: { extension: 'src/extension.ts', services: 'src/loadedServices.ts', ...Object.fromEntries(lazyParts) },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  splitting: true,
  target: 'node20',
  external: ['vscode'],
  metafile: true,
  plugins: [pageAssets],
};

/**
 * CommonJS output gives every module that imports `vscode` its own copy of the API object's some 300
 * properties (`__toESM(require("vscode"))`). Routed through one module that re-exports it, the web
 * build copies it once. (ES module output imports it as is: the Node build needs no such thing.)
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';\n", loader: 'js' }));
  },
};

/** The web build (package.json "browser"): one file, the `import()`s bundled in. No Node API is used. */
const web = {
  ...common,
  define: { ...common.define, WEB_BUILD: 'true' },
  entryPoints: { extension: 'src/extension.ts' },
  outdir: 'dist/web',
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  mainFields: ['browser', 'module', 'main'],
  metafile: true,
  plugins: [vscodeOnce, pageAssets],
};

/** The shared page style sheet and every page not written into its view's HTML. */
const pagesBuild = () => ({
  ...pageOptions,
  entryPoints: [{ in: 'src/shared/page/common.css', out: 'common' }, ...pageEntries(pages.filter((p) => !inlinedPages.has(p.name)))],
});

await writeCodiconSubset('src', 'dist/webview', { minify: production });
if (watch) {
  await renderLessons();
  const contexts = await Promise.all([esbuild.context(node), esbuild.context(web)]);
  await Promise.all(contexts.map((context) => context.rebuild()));
  // After the first build: the pages its views write into their HTML are known.
  contexts.push(await esbuild.context(pagesBuild()));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('Watching src/ for changes…');
} else {
  // Chunks are named by their content: those of an earlier build must not ship.
  rmSync('dist/chunks', { recursive: true, force: true });
  const [nodeBuild, webBuild] = await Promise.all([esbuild.build(node), esbuild.build(web), renderLessons()]);
  await esbuild.build(pagesBuild());
  const webText = await readFile('dist/web/extension.js', 'utf8');
  // The repository signals run git with Node's modules: their lazy part must stay out of the web build.
  // (A module reached through a guarded process.getBuiltinModule, as the team folder's git check is,
  // is not loaded in the web worker and is allowed.)
  if (/require\(["'](node:)?(child_process|string_decoder)["']\)/.test(webText))
    throw new Error('dist/web/extension.js holds Node modules: keep src/signals/lazy out of it.');
  const copies = webText.split('require("vscode")').length - 1;
  if (copies > 1) throw new Error(`dist/web/extension.js requires vscode ${copies} times: route the import through vscode-once.`);
  const outputs = Object.entries({ ...nodeBuild.metafile.outputs, ...webBuild.metafile.outputs }).filter(([file]) => /\.m?js$/.test(file));
  const size = (list) => `${(list.reduce((sum, [, meta]) => sum + meta.bytes, 0) / 1024).toFixed(1)} KiB`;
  const [chunks, bundles] = [outputs.filter(([file]) => file.includes('/chunks/')), outputs.filter(([file]) => !file.includes('/chunks/'))];
  const listed = [...bundles.map((output) => `${output[0]} ${size([output])}`), `${chunks.length} chunks ${size(chunks)}`];
  console.log(`Built ${production ? 'production' : 'development'}${testBuild ? ' test' : ''} bundles: ${listed.join(', ')}`);
}
