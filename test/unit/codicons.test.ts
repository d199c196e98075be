/**
 * The webviews' codicon font is cut down to the icons src/ names (scripts/codicons.mjs): every icon
 * a page or panel asks for must be in the cut.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sourceFiles } from '../support/sourceFiles';

const root = path.resolve(__dirname, '..', '..', '..');

interface CodiconsScript {
  usedIcons(texts: readonly string[], known: ReadonlyMap<string, unknown>): string[];
  writeCodiconSubset(srcDir: string, outDir: string): Promise<string[]>;
}

// An ES module: loaded with a real dynamic import, which the CommonJS output would turn into require().
const load = new Function('file', 'return import(file)') as (file: string) => Promise<CodiconsScript>;

describe('codicon subset', () => {
  it('keeps every icon the source asks for, and only icons', async function () {
    this.timeout(20_000);
    const script = await load(path.join(root, 'scripts', 'codicons.mjs'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-codicons-'));
    try {
      const kept = await script.writeCodiconSubset(path.join(root, 'src'), out);
      const css = fs.readFileSync(path.join(out, 'codicon.css'), 'utf8');
      const asked = new Set<string>();
      for (const file of sourceFiles(path.join(root, 'src'))) {
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(/codicon-([a-z][a-z0-9-]*)(?=["' ])|\bicon\('([a-z0-9-]+)'/g)) {
          asked.add(match[1] ?? match[2] ?? '');
        }
      }
      asked.add('arrow-left').add('arrow-right'); // the lesson reader's `codicon-${arrow}`
      assert.ok(asked.size >= 15, `only ${asked.size} icons found in src/`);
      for (const name of asked) {
        assert.ok(kept.includes(name), `${name} is not in the cut font`);
        assert.match(css, new RegExp(`^\\.codicon-${name}:before \\{ content: "\\\\[0-9a-f]+" \\}$`, 'm'), name);
      }
      assert.ok(fs.statSync(path.join(out, 'codicon.ttf')).size < 20_000);
      assert.doesNotMatch(css, /codicon-github-inverted:before|codicon-azure:before/);
      assert.deepEqual(
        script.usedIcons(
          ["icon('check')", 'nothing here', '`codicon-add`'],
          new Map([
            ['check', 1],
            ['add', 1],
            ['close', 1],
          ]),
        ),
        ['add', 'check'],
      );
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
