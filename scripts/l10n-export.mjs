#!/usr/bin/env node
// `npm run l10n`: extracts every `l10n.t('…')` message of src/ into l10n/bundle.l10n.json, the
// English bundle translators start from. `--out <dir>` writes the bundle there instead (the unit test
// that checks the committed bundle is up to date uses it).
//
// The extraction is @vscode/l10n-dev's (`l10n-dev export`), which recognises `l10n.t` only when `l10n`
// is imported from 'vscode' or '@vscode/l10n'. Our code imports it from src/domain/core/l10n.ts (or its
// re-export src/shared/l10n.ts), which has the same call shape, so each file's import of that module
// is shown to the extractor as an import of '@vscode/l10n'. A file that calls `l10n.t` without
// importing it that way is an error: its strings would silently be left out.
import { getL10nJson } from '@vscode/l10n-dev';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const outDir = outArg === -1 ? join(root, 'l10n') : resolve(process.argv[outArg + 1] ?? '');

/** `import * as l10n from '../core/l10n'` (any depth: from the domain, its core or shared). */
const OUR_IMPORT = /^import \* as l10n from '(?:\.\.?\/)+(?:domain\/core\/|core\/|shared\/)?l10n';$/m;

/** The module itself (its comments show calls). */
const THE_MODULE = ['src/domain/core/l10n.ts', 'src/shared/l10n.ts'];

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const files = [];
const problems = [];
for (const file of sourceFiles(join(root, 'src')).sort()) {
  const text = readFileSync(file, 'utf8');
  if (THE_MODULE.includes(relative(root, file).split('\\').join('/')) || !/\bl10n\.t\(/.test(text)) {
    continue;
  }
  if (!OUR_IMPORT.test(text)) {
    problems.push(`${relative(root, file)} calls l10n.t but does not import it as \`import * as l10n from '…/domain/core/l10n'\``);
    continue;
  }
  files.push({ extension: '.ts', contents: text.replace(OUR_IMPORT, "import * as l10n from '@vscode/l10n';") });
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const bundle = await getL10nJson(files);
const sorted = Object.fromEntries(
  Object.keys(bundle)
    .sort()
    .map((key) => [key, bundle[key]]),
);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'bundle.l10n.json'), `${JSON.stringify(sorted, undefined, 2)}\n`);
console.log(
  `${Object.keys(sorted).length} messages from ${files.length} files → ${relative(process.cwd(), join(outDir, 'bundle.l10n.json')) || 'bundle.l10n.json'}`,
);
