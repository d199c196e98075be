// The codicon font and style sheet the webviews use, cut down to the icons the source names: the
// full font is 80 KB and the pages show about twenty icons. An icon is kept when any string in
// src/ is its name ('check', `codicon-check`), so a name built from literals ('arrow-left' for
// `codicon-${arrow}`) is kept too; an unused icon kept by a coincidental word costs a few bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);

function sourceTexts(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? sourceTexts(full) : entry.name.endsWith('.ts') ? [readFileSync(full, 'utf8')] : [];
  });
}

/** Every `.codicon-<name>:before { content: "\xxxx" }` rule of the full style sheet, by name. */
function iconRules(css) {
  const rules = new Map();
  for (const match of css.matchAll(/^\.codicon-([a-z0-9-]+):before \{ content: "\\([0-9a-f]+)" \}$/gm)) {
    rules.set(match[1], { rule: match[0], codePoint: parseInt(match[2], 16) });
  }
  return rules;
}

/** The names in `texts` that are icons: quoted words and `codicon-` class names. */
export function usedIcons(texts, known) {
  const used = new Set();
  for (const text of texts) {
    for (const match of text.matchAll(/codicon-([a-z0-9-]+)|['"`]([a-z0-9-]+)['"`]/g)) {
      const name = match[1] ?? match[2].replace(/^codicon-/, '');
      if (known.has(name)) used.add(name);
    }
  }
  return [...used].sort();
}

/**
 * Writes `outDir`/codicon.css and codicon.ttf with the icons src/ uses; returns their names. With
 * `minify` (the production build) the style sheet goes through esbuild's CSS minifier, its
 * copyright header kept as one line: 4,156 bytes to about 3,200, and the Today view carries it too.
 */
export async function writeCodiconSubset(srcDir, outDir, { minify = false } = {}) {
  const dir = dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  const css = readFileSync(join(dir, 'codicon.css'), 'utf8');
  const rules = iconRules(css);
  if (rules.size < 100) {
    throw new Error(
      `@vscode/codicons: found only ${rules.size} icon rules in codicon.css; its format changed, update scripts/codicons.mjs`,
    );
  }
  const names = usedIcons(sourceTexts(srcDir), rules);
  const firstRule = css.search(/^\.codicon-[a-z0-9-]+:before/m);
  const head = css.slice(0, firstRule).replace(/codicon\.ttf\?[0-9a-f]+/, 'codicon.ttf');
  const font = await subsetFont(
    readFileSync(join(dir, 'codicon.ttf')),
    String.fromCodePoint(...names.map((name) => rules.get(name).codePoint)),
    {
      targetFormat: 'truetype',
    },
  );
  const sheet = `${head}${names.map((name) => rules.get(name).rule).join('\n')}\n`;
  await mkdir(outDir, { recursive: true });
  await Promise.all([
    writeFile(join(outDir, 'codicon.css'), minify ? await minifyCss(sheet) : sheet),
    writeFile(join(outDir, 'codicon.ttf'), font),
  ]);
  return names;
}

const NOTICE = '/*! @vscode/codicons: Copyright (c) Microsoft Corporation. Licensed under the MIT License. */';

async function minifyCss(sheet) {
  const { code } = await esbuild.transform(sheet, { loader: 'css', minify: true, legalComments: 'none' });
  return `${NOTICE}\n${code}`;
}
