// Bundles the extension, each feature's lazily loaded part and the webview pages into dist/.
// `--production` minifies and drops source maps; `--watch` rebuilds on change; `--test-build` turns the
// test hooks on (TEST_BUILD, see src/testHooks.ts): only for the .vsix the test suites install.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

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

/**
 * Modules shared by the activation bundle and the lazy bundles: every module of the domain, the
 * platform, the webview protocols and the root (ids, settings, services) that activation loads
 * anyway or that two lazy bundles use. They are bundled once, into dist/extension.js, which exports them by path; a lazy
 * bundle's import of one becomes a lookup in that table, so module state (the collator, the
 * store's class) exists once. What only one lazy bundle uses stays in that bundle; `checkNoCopies`
 * fails the build if a module still ends up in two bundles.
 */
const srcDir = resolve('src');
let shared = [];

const keyOf = (file) => relative(srcDir, resolve(file)).split(sep).join('/').replace(/\.ts$/, '');
const isSharable = (key) => /^(domain|platform|shared)\/[^/]+$/.test(key) || ['ids', 'settings', 'services'].includes(key);

/** The shared module a resolved source path is, as its key (`domain/dates`), or undefined. */
function sharedKey(file) {
  const key = keyOf(file);
  return shared.includes(key) ? key : undefined;
}

const REGISTRY = 'tech-lead-coach:shared-modules';

/** In the activation bundle: export every shared module by key, as `__sharedModules`. */
const exportShared = {
  name: 'export-shared-modules',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]extension\.ts$/ }, async (args) => ({
      contents: `${await readFile(args.path, 'utf8')}\nexport { sharedModules as __sharedModules } from '${REGISTRY}';\n`,
      loader: 'ts',
    }));
    build.onResolve({ filter: new RegExp(`^${REGISTRY}$`) }, () => ({ path: REGISTRY, namespace: 'shared-registry' }));
    build.onLoad({ filter: /.*/, namespace: 'shared-registry' }, () => {
      const keys = shared;
      const imports = keys.map((key, i) => `import * as m${i} from ${JSON.stringify(join(srcDir, `${key}.ts`))};`);
      const table = keys.map((key, i) => `  ${JSON.stringify(key)}: m${i},`);
      return { contents: `${imports.join('\n')}\nexport const sharedModules = {\n${table.join('\n')}\n};\n`, loader: 'ts', resolveDir: srcDir };
    });
  },
};

/** In a lazy bundle: every import of a shared module reads it from the activation bundle. */
const importShared = {
  name: 'import-shared-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.namespace === 'shared-module') {
        return { path: args.path, external: true };
      }
      const base = resolve(args.resolveDir, args.path);
      const file = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      const key = file === undefined ? undefined : sharedKey(file);
      return key === undefined ? undefined : { path: key, namespace: 'shared-module' };
    });
    build.onLoad({ filter: /.*/, namespace: 'shared-module' }, (args) => ({
      contents: `module.exports = require('./extension.js').__sharedModules[${JSON.stringify(args.path)}];\n`,
      loader: 'js',
      resolveDir: srcDir,
    }));
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

/** The activation bundle, with the shared modules. */
const extension = { ...node, entryPoints: { extension: 'src/extension.ts' }, plugins: [exportShared] };

/** The bundles loaded on first use: one per feature, without the shared modules. */
const lazy = {
  ...node,
  entryPoints: Object.fromEntries(LAZY_FEATURES.map((feature) => [feature, `src/${feature}/lazy/index.ts`])),
  plugins: [importShared],
};

/**
 * In the web build, platform/lazy.ts becomes a table of the features' lazy parts, bundled in: a web
 * worker extension host cannot require files. Generated here, so src/platform names no feature.
 */
const inlineLazyFeatures = {
  name: 'inline-lazy-features',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]platform[\\/]lazy\.ts$/ }, () => {
      const imports = LAZY_FEATURES.map((feature, i) => `import * as f${i} from ${JSON.stringify(resolve('src', feature, 'lazy', 'index.ts'))};`);
      const table = LAZY_FEATURES.map((feature, i) => `  ${JSON.stringify(feature)}: f${i},`);
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
  plugins: [inlineLazyFeatures],
};

/** Page scripts: browser, one self-contained file each. */
const pages = {
  ...common,
  entryPoints: { today: 'src/webview/pages/today.ts', lesson: 'src/webview/pages/lesson.ts', person: 'src/webview/pages/person.ts', oneOnOne: 'src/webview/pages/oneOnOne.ts', review: 'src/webview/pages/review.ts' },
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
    ['media/webview/person.css', 'dist/webview/person.css'],
    ['media/webview/oneOnOne.css', 'dist/webview/oneOnOne.css'],
    ['media/webview/review.css', 'dist/webview/review.css'],
  ];
  await Promise.all(files.map(([from, to]) => copyFile(from, to)));
}

/** Fails when one source module is bundled into more than one of the Node bundles. */
function checkNoCopies(metafiles) {
  const seen = new Map();
  for (const metafile of metafiles) {
    for (const [output, meta] of Object.entries(metafile.outputs)) {
      for (const input of Object.keys(meta.inputs).filter((file) => file.startsWith('src/'))) {
        if (seen.has(input) && seen.get(input) !== output) {
          throw new Error(`${input} is bundled into both ${seen.get(input)} and ${output}; import it from the activation bundle or from one feature only.`);
        }
        seen.set(input, output);
      }
    }
  }
}

// First what activation loads, to know which modules to share; then the bundles for real. (In watch
// mode the set is fixed at start: restart the watch after adding a module that activation loads.)
// A sharable module two lazy bundles use is shared as well.
const probeOptions = { plugins: [], write: false, minify: false, sourcemap: false };
const [probeMain, probeLazy] = await Promise.all([esbuild.build({ ...extension, ...probeOptions }), esbuild.build({ ...lazy, ...probeOptions })]);
const usedByLazy = new Map();
for (const meta of Object.values(probeLazy.metafile.outputs)) {
  for (const key of Object.keys(meta.inputs).map(keyOf).filter(isSharable)) {
    usedByLazy.set(key, (usedByLazy.get(key) ?? 0) + 1);
  }
}
const activationLoads = Object.keys(probeMain.metafile.inputs).map(keyOf).filter(isSharable);
shared = [...new Set([...activationLoads, ...[...usedByLazy].filter(([, count]) => count > 1).map(([key]) => key)])].sort();

if (watch) {
  await copyStatic();
  const contexts = await Promise.all([esbuild.context(extension), esbuild.context(lazy), esbuild.context(web), esbuild.context(pages)]);
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('Watching src/ for changes…');
} else {
  const [main, features, webBuild] = await Promise.all([esbuild.build(extension), esbuild.build(lazy), esbuild.build(web), esbuild.build(pages), copyStatic()]);
  checkNoCopies([main.metafile, features.metafile]);
  const outputs = Object.entries({ ...main.metafile.outputs, ...features.metafile.outputs, ...webBuild.metafile.outputs })
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, meta]) => `${file} ${(meta.bytes / 1024).toFixed(1)} KiB`);
  console.log(`Built ${production ? 'production' : 'development'}${testBuild ? ' test' : ''} bundles: ${outputs.join(', ')}`);
}
