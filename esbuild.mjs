// Bundles the extension, each feature's lazily loaded part and the webview pages into dist/.
// `--production` minifies and drops source maps; `--watch` rebuilds on change; `--test-build` turns the
// test hooks on (TEST_BUILD, see src/testHooks.ts): only for the .vsix the test suites install.
import * as esbuild from 'esbuild';
import { writeCodiconSubset } from './scripts/codicons.mjs';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';

const production = process.argv.includes('--production');
const testBuild = process.argv.includes('--test-build');
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

/** Features whose `src/<feature>/lazy/index.ts` is bundled to `dist/<feature>.js` and loaded on first use. */
const LAZY_FEATURES = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join('src', entry.name, 'lazy', 'index.ts')))
  .map((entry) => entry.name);

/** Every bundle loaded after activation, by name: the services' heavy part and each feature's lazy part. */
const LAZY_BUNDLES = {
  services: 'src/loadedServices.ts',
  ...Object.fromEntries(LAZY_FEATURES.map((feature) => [feature, `src/${feature}/lazy/index.ts`])),
};

/**
 * Modules used by more than one bundle are bundled once and shared, in two tiers:
 * - what activation loads is in dist/extension.js, which exports those modules by path;
 * - what the services' heavy part loads (the team store, the coach), and anything two lazy bundles
 *   use, is in dist/services.js, loaded in the task after activation, which exports those.
 * A lazy bundle's import of a shared module becomes a lookup in the table of the bundle that holds
 * it, so module state (the collator, the store's class) exists once. What only one lazy bundle uses
 * stays in it; `checkNoCopies` fails the build if a module still ends up in two bundles.
 */
const srcDir = resolve('src');
const tiers = { extension: [], services: [] };

const keyOf = (file) => relative(srcDir, resolve(file)).split(sep).join('/').replace(/\.ts$/, '');
const isSharable = (key) =>
  /^(domain|platform|shared)\/.+$/.test(key) || ['ids', 'settings', 'services', 'testHooks', 'teamUndo'].includes(key);

/** The bundle that holds a shared module (`extension` or `services`), or undefined. */
function holderOf(key) {
  return Object.keys(tiers).find((bundle) => tiers[bundle].includes(key));
}

const REGISTRY = 'tech-lead-coach:shared-modules';

/** In the bundle `holder` (entry file matched by `entry`): export the modules of its tier by key, as `__sharedModules`. */
function exportShared(holder, entry) {
  return {
    name: `export-shared-modules-${holder}`,
    setup(build) {
      build.onLoad({ filter: entry }, async (args) => ({
        contents: `${await readFile(args.path, 'utf8')}\nexport { sharedModules as __sharedModules } from '${REGISTRY}';\n`,
        loader: 'ts',
      }));
      build.onResolve({ filter: new RegExp(`^${REGISTRY}$`) }, () => ({ path: REGISTRY, namespace: 'shared-registry' }));
      build.onLoad({ filter: /.*/, namespace: 'shared-registry' }, () => {
        const keys = tiers[holder];
        const imports = keys.map((key, i) => `import * as m${i} from ${JSON.stringify(join(srcDir, `${key}.ts`))};`);
        const table = keys.map((key, i) => `  ${JSON.stringify(key)}: m${i},`);
        return {
          contents: `${imports.join('\n')}\nexport const sharedModules = {\n${table.join('\n')}\n};\n`,
          loader: 'ts',
          resolveDir: srcDir,
        };
      });
    },
  };
}

/** In a bundle other than `own`: every import of a shared module reads it from the bundle that holds it. */
function importShared(own) {
  return {
    name: 'import-shared-modules',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.namespace === 'shared-module') {
          return { path: args.path, external: true };
        }
        const base = resolve(args.resolveDir, args.path);
        const file = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
        const holder = file === undefined ? undefined : holderOf(keyOf(file));
        return holder === undefined || holder === own ? undefined : { path: `${holder}:${keyOf(file)}`, namespace: 'shared-module' };
      });
      build.onLoad({ filter: /.*/, namespace: 'shared-module' }, (args) => {
        const [holder, key] = args.path.split(':');
        return {
          contents: `module.exports = require('./${holder}.js').__sharedModules[${JSON.stringify(key)}];\n`,
          loader: 'js',
          resolveDir: srcDir,
        };
      });
    },
  };
}

/**
 * `import { styles, script } from 'page-assets:<page>'`: a page's style sheets (the cut icon font's,
 * the shared ones, its own: the order of pageStyleFiles in src/platform/webviewHtml.ts) and its
 * script, as built into dist/webview, for a view that writes them into its HTML instead of having
 * the webview request them. The pages and static files are built before the bundles that use this.
 */
const PAGE_ASSETS = /^page-assets:(\w+)$/;
const pageAssets = {
  name: 'page-assets',
  setup(build) {
    build.onResolve({ filter: PAGE_ASSETS }, (args) => ({ path: PAGE_ASSETS.exec(args.path)[1], namespace: 'page-assets' }));
    build.onLoad({ filter: /.*/, namespace: 'page-assets' }, async (args) => {
      const styleFiles = ['codicon.css', 'common.css', `${args.path}.css`].map((file) => join('dist', 'webview', file));
      const scriptFile = join('dist', 'webview', `${args.path}.js`);
      const styles = await Promise.all(styleFiles.map((file) => readFile(file, 'utf8')));
      // The page's source map comment would point nowhere from inside the HTML.
      const script = (await readFile(scriptFile, 'utf8')).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      return {
        contents: `export const styles = ${JSON.stringify(styles)};\nexport const script = ${JSON.stringify(script)};\n`,
        loader: 'js',
        watchFiles: [...styleFiles, scriptFile],
      };
    });
  },
};

/** For the probe builds, which run before anything is built: the assets stay unresolved. */
const pageAssetsExternal = {
  name: 'page-assets-external',
  setup(build) {
    build.onResolve({ filter: PAGE_ASSETS }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * `vscode` is one object that the extension host hands to `require('vscode')`. For every module that
 * imports it, esbuild's CommonJS output makes its own copy of all that object's properties
 * (`__toESM(require("vscode"))`: 16 copies of some 300 properties at activation). Routed through one
 * module that re-exports it, each bundle copies it once.
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

/** Node, CommonJS, `vscode` supplied by the host. */
const node = {
  ...common,
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  metafile: true,
  define: { TEST_BUILD: testBuild ? 'true' : 'false' },
};

/** The activation bundle, with the first tier of shared modules. */
const extension = {
  ...node,
  entryPoints: { extension: 'src/extension.ts' },
  plugins: [vscodeOnce, exportShared('extension', /[\\/]src[\\/]extension\.ts$/)],
};

/** The services' heavy part, with the second tier. */
const services = {
  ...node,
  entryPoints: { services: LAZY_BUNDLES.services },
  plugins: [vscodeOnce, exportShared('services', /[\\/]src[\\/]loadedServices\.ts$/), importShared('services')],
};

/** The features' lazy parts, without any shared module. */
const { services: _services, ...featureEntries } = LAZY_BUNDLES;
const lazy = { ...node, entryPoints: featureEntries, plugins: [vscodeOnce, importShared(undefined), pageAssets] };

/**
 * In the web build, platform/lazy.ts becomes a table of the lazy bundles' entries, bundled in: a web
 * worker extension host cannot require files. Generated here, so src/platform names no feature.
 */
const inlineLazyFeatures = {
  name: 'inline-lazy-features',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]platform[\\/]lazy\.ts$/ }, () => {
      const bundles = Object.entries(LAZY_BUNDLES);
      const imports = bundles.map(([, entry], i) => `import * as f${i} from ${JSON.stringify(resolve(entry))};`);
      const table = bundles.map(([name], i) => `  ${JSON.stringify(name)}: f${i},`);
      return {
        contents: `${imports.join('\n')}\nconst features = {\n${table.join('\n')}\n};\nexport function lazyFeature(feature) {\n  return () => features[feature];\n}\n`,
        loader: 'js',
        resolveDir: srcDir,
      };
    });
  },
};

/**
 * The web build (package.json "browser"): the whole extension in one file for the web worker
 * extension host of vscode.dev, github.dev and VS Code for the browser. No Node API is used.
 */
const web = {
  ...common,
  entryPoints: { extension: 'src/extension.ts' },
  outdir: 'dist/web',
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  mainFields: ['browser', 'module', 'main'],
  define: { TEST_BUILD: testBuild ? 'true' : 'false' },
  metafile: true,
  plugins: [vscodeOnce, inlineLazyFeatures, pageAssets],
};

/** Page scripts: browser, one self-contained file each. */
const pages = {
  ...common,
  entryPoints: {
    today: 'src/webview/pages/today.ts',
    lesson: 'src/webview/pages/lesson.ts',
    person: 'src/webview/pages/person.ts',
    oneOnOne: 'src/webview/pages/oneOnOne.ts',
    review: 'src/webview/pages/review.ts',
  },
  outdir: 'dist/webview',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
};

/**
 * The lessons' HTML, rendered here once (markdown-it, HTML off) instead of in every extension host:
 * dist/lessons/<id>.html for each media/lessons/<id>.md.
 */
async function renderLessons() {
  const renderer = await esbuild.build({
    entryPoints: ['src/lessons/build/renderLessons.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', renderer.outputFiles[0].text)(module, module.exports, require);
  const names = readdirSync('media/lessons').filter((name) => name.endsWith('.md'));
  const files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join('media/lessons', name), 'utf8') })));
  await mkdir('dist/lessons', { recursive: true });
  await Promise.all(module.exports.renderLessonFiles(files).map(({ id, html }) => writeFile(join('dist/lessons', `${id}.html`), html)));
}

async function copyStatic() {
  await writeCodiconSubset(srcDir, 'dist/webview');
  const files = [
    ['media/webview/common.css', 'dist/webview/common.css'],
    ['media/webview/today.css', 'dist/webview/today.css'],
    ['media/webview/lesson.css', 'dist/webview/lesson.css'],
    ['media/webview/person.css', 'dist/webview/person.css'],
    ['media/webview/oneOnOne.css', 'dist/webview/oneOnOne.css'],
    ['media/webview/review.css', 'dist/webview/review.css'],
  ];
  await Promise.all(files.map(([from, to]) => copyFile(from, to)));
}

/**
 * Fails when one source module is bundled into more than one of the Node bundles (besides the
 * stateless modules activation keeps a part of, `copied`).
 */
function checkNoCopies(metafiles, copied) {
  const seen = new Map();
  for (const metafile of metafiles) {
    for (const [output, meta] of Object.entries(metafile.outputs)) {
      for (const input of Object.keys(meta.inputs).filter((file) => file.startsWith('src/') && !copied.has(keyOf(file)))) {
        if (seen.has(input) && seen.get(input) !== output) {
          throw new Error(
            `${input} is bundled into both ${seen.get(input)} and ${output}; import it from the activation bundle or from one feature only.`,
          );
        }
        seen.set(input, output);
      }
    }
  }
}

/** Fails when a bundle requires `vscode` more than once: each copy costs (see vscodeOnce). */
async function checkVscodeOnce(metafiles) {
  for (const metafile of metafiles) {
    for (const file of Object.keys(metafile.outputs).filter((output) => output.endsWith('.js'))) {
      const count = (await readFile(file, 'utf8')).split('require("vscode")').length - 1;
      if (count > 1) {
        throw new Error(`${file} requires vscode ${count} times: route the import through the vscode-once plugin.`);
      }
    }
  }
}

// First what each bundle loads, to know which modules to share; then the bundles for real. (In watch
// mode the tiers are fixed at start: restart the watch after adding a module that two bundles use.)
const probeOptions = { plugins: [pageAssetsExternal], write: false, minify: false, sourcemap: false };
const [probeMain, probeServices, probeLazy] = await Promise.all([
  esbuild.build({ ...extension, ...probeOptions }),
  esbuild.build({ ...services, ...probeOptions }),
  esbuild.build({ ...lazy, ...probeOptions }),
]);
const sharableInputs = (metafile) => Object.keys(metafile.inputs).map(keyOf).filter(isSharable);
const bytesIn = (metafile) => {
  const bytes = new Map();
  for (const meta of Object.values(metafile.outputs)) {
    for (const [file, input] of Object.entries(meta.inputs))
      bytes.set(keyOf(file), Math.max(bytes.get(keyOf(file)) ?? 0, input.bytesInOutput));
  }
  return bytes;
};
const usedByLazy = new Map();
for (const meta of Object.values(probeLazy.metafile.outputs)) {
  for (const key of Object.keys(meta.inputs).map(keyOf).filter(isSharable)) {
    usedByLazy.set(key, (usedByLazy.get(key) ?? 0) + 1);
  }
}
// A module activation uses only a small part of (a constant, a reader) is not exported from the
// activation bundle whole: activation keeps its own tree-shaken part, and the module is shared from
// dist/services.js. Such a copy is allowed only for a module without module-level state.
const mainBytes = bytesIn(probeMain.metafile);
const laterBytes = bytesIn(probeServices.metafile);
for (const [key, bytes] of bytesIn(probeLazy.metafile)) laterBytes.set(key, Math.max(laterBytes.get(key) ?? 0, bytes));
const partial = (key) => (mainBytes.get(key) ?? 0) < 0.5 * (laterBytes.get(key) ?? 0);
tiers.extension = [...new Set(sharableInputs(probeMain.metafile))].filter((key) => !partial(key)).sort();
const second = [...sharableInputs(probeServices.metafile), ...[...usedByLazy].filter(([, count]) => count > 1).map(([key]) => key)];
tiers.services = [...new Set(second)].filter((key) => !tiers.extension.includes(key)).sort();
const copied = new Set(sharableInputs(probeMain.metafile).filter((key) => tiers.services.includes(key)));
for (const key of copied) {
  // Mutable module-level bindings (a `let`, a `new Set` or `new Map` that is not Readonly) would
  // exist twice; only a cache, which a copy merely fills again, may be copied (its comment says so).
  const lines = (await readFile(join(srcDir, `${key}.ts`), 'utf8')).split('\n');
  lines.forEach((line, i) => {
    const mutable = /^(export\s+)?(let|var)\s|^(export\s+)?const\s+\w+\s*=\s*new\s+(Set|Map)\b/.test(line);
    if (mutable && !/cache/i.test(lines[i - 1] ?? '')) {
      throw new Error(
        `src/${key}.ts:${i + 1} holds module-level state and activation uses only part of that module, so it is copied into dist/extension.js: move that part to its own module, or say in a comment on the line before that the state is a cache.`,
      );
    }
  });
}

if (watch) {
  // The pages first: a view's bundle may carry its page (page-assets), and rebuilds when it changes.
  await Promise.all([copyStatic(), renderLessons(), esbuild.build(pages)]);
  const contexts = await Promise.all([
    esbuild.context(extension),
    esbuild.context(services),
    esbuild.context(lazy),
    esbuild.context(web),
    esbuild.context(pages),
  ]);
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('Watching src/ for changes…');
} else {
  // The pages first: a view's bundle may carry its page (page-assets).
  await Promise.all([esbuild.build(pages), copyStatic()]);
  const [main, loaded, features, webBuild] = await Promise.all([
    esbuild.build(extension),
    esbuild.build(services),
    esbuild.build(lazy),
    esbuild.build(web),
    renderLessons(),
  ]);
  checkNoCopies([main.metafile, loaded.metafile, features.metafile], copied);
  await checkVscodeOnce([main.metafile, loaded.metafile, features.metafile, webBuild.metafile]);
  const outputs = Object.entries({
    ...main.metafile.outputs,
    ...loaded.metafile.outputs,
    ...features.metafile.outputs,
    ...webBuild.metafile.outputs,
  })
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, meta]) => `${file} ${(meta.bytes / 1024).toFixed(1)} KiB`);
  console.log(`Built ${production ? 'production' : 'development'}${testBuild ? ' test' : ''} bundles: ${outputs.join(', ')}`);
}
