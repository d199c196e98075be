#!/usr/bin/env node
// Packages dist/tech-lead-coach-web-test.vsix: the product as built (run after `npm run package`),
// with "main" removed from its manifest, so that VS Code for the browser (code-server here) runs it
// in the web worker extension host from its "browser" entry. Only the web journeys install it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'tech-lead-coach-web-test.vsix');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!manifest.browser || !existsSync(join(root, manifest.browser))) {
  console.error(`package-web-test: ${manifest.browser ?? 'no "browser" entry'} is missing; run npm run package first`);
  process.exit(1);
}
delete manifest.main;
delete manifest.scripts;
const stage = mkdtempSync(join(tmpdir(), 'tlc-web-vsix-'));
try {
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const entry of [
    'package.nls.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    '.vscodeignore',
    'media',
    'dist/web',
    'dist/webview',
    'dist/lessons',
  ]) {
    cpSync(join(root, entry), join(stage, entry), { recursive: true });
  }
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  const result = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
    {
      cwd: stage,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    console.error(`package-web-test: vsce failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
  console.log(`Packaged ${out} (no "main": runs in the web worker extension host)`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
