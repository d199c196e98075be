#!/usr/bin/env node
// Packages the built extension (run after `node esbuild.mjs`), one .vsix per extension host, so that
// each host downloads only its own build:
//   product   dist/tech-lead-coach.vsix           VS Code desktop and remote windows: the Node
//             build (dist/*.mjs), no "browser" entry. A universal package.
//   web       dist/tech-lead-coach-web.vsix       VS Code for the Web (vscode.dev, github.dev): the
//             web build (dist/web/), no "main", published with `--target web`, the platform's own
//             way to give the browser a package of its own (one version, two packages).
//   test      dist/tech-lead-coach-test.vsix      the product's contents from the test build (its
//             hooks on): what the in-host suite and the test-API journeys install. (The web
//             journeys install the web package itself: code-server installs a package targeted at
//             the web and runs it in the browser's web worker extension host.)
// Each is packaged by vsce in a folder of its own holding only what it ships (.vscodeignore then
// says what of that is left out).
// Both builds in one package made it 314,811 bytes on 2026-12-02 (80 KB of it the web build, which
// the desktop never runs); see CONTRIBUTING.md, "Building and testing".
//
//   node scripts/package.mjs product web | test
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What every package holds besides its build: manifest texts, translations, docs, media, pages, lessons. */
const common = [
  ...readdirSync(root).filter((name) => /^package\.nls(\.[\w-]+)?\.json$/.test(name)),
  'l10n',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  '.vscodeignore',
  'media',
  'dist/webview',
  'dist/lessons',
];
// No dist/ yet: nothing to list, and the entry check below says to build first.
const nodeBuild = existsSync(join(root, 'dist'))
  ? [
      ...readdirSync(join(root, 'dist'))
        .filter((name) => name.endsWith('.mjs'))
        .map((name) => `dist/${name}`),
      'dist/chunks',
    ]
  : [];

const packages = {
  product: { out: 'tech-lead-coach.vsix', drop: 'browser', files: nodeBuild },
  test: { out: 'tech-lead-coach-test.vsix', drop: 'browser', files: nodeBuild },
  web: { out: 'tech-lead-coach-web.vsix', drop: 'main', files: ['dist/web'], target: 'web' },
};

const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in packages));
if (names.length === 0 || unknown.length > 0) {
  console.error(
    `package: say which packages (${Object.keys(packages).join(', ')})${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
  );
  process.exit(2);
}

const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
for (const name of names) {
  const { out, drop, files, target } = packages[name];
  const entry = manifest[drop === 'main' ? 'browser' : 'main'];
  if (!entry || !existsSync(join(root, entry))) {
    console.error(`package ${name}: ${entry ?? 'its entry'} is missing; build first (node esbuild.mjs --production)`);
    process.exit(1);
  }
  const stage = mkdtempSync(join(tmpdir(), `tlc-${name}-vsix-`));
  try {
    const { [drop]: _dropped, scripts: _scripts, ...kept } = manifest;
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(kept, null, 2)}\n`);
    for (const file of [...common, ...files]) {
      if (existsSync(join(root, file))) cpSync(join(root, file), join(stage, file), { recursive: true });
    }
    const outFile = join(root, 'dist', out);
    const args = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', outFile];
    const result = spawnSync(process.execPath, [vsce, ...args, ...(target ? ['--target', target] : [])], { cwd: stage, encoding: 'utf8' });
    if (result.status !== 0) {
      console.error(`package ${name}: vsce failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
      process.exit(1);
    }
    console.log(`Packaged dist/${out}${target ? ` (target ${target})` : ''}`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
