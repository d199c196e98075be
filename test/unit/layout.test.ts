/**
 * The layout's rules, read from the imports of src/: dependencies run one way
 * (extension.ts → features → root modules → platform, domain, shared), features never import
 * each other, and a feature's eager files import only types from its lazy part.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sourceFiles } from '../support/sourceFiles';

const src = path.resolve(__dirname, '..', '..', '..', 'src');

interface Import {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'";]*?\s+from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

/** Every relative import in src/, as paths relative to src/ without the extension. */
export function readImports(root: string): Import[] {
  const imports: Import[] = [];
  for (const file of sourceFiles(root)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const target = match[3] ?? match[4] ?? '';
      if (!target.startsWith('.')) {
        continue;
      }
      const resolved = path.resolve(path.dirname(file), target);
      const asFile = fs.existsSync(`${resolved}.ts`) ? `${resolved}.ts` : path.join(resolved, 'index.ts');
      imports.push({ from: rel(root, file), to: rel(root, asFile), typeOnly: match[2] !== undefined });
    }
  }
  return imports;
}

const rel = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/').replace(/\.ts$/, '');

/** The layer a module belongs to; features are named by their folder. */
function layer(module: string): { kind: 'top' | 'feature' | 'root' | 'platform' | 'domain' | 'shared' | 'webview'; feature?: string } {
  const [first, second] = module.split('/');
  if (second === undefined) {
    return module === 'extension' || module === 'api' ? { kind: 'top' } : { kind: 'root' };
  }
  if (first === 'platform' || first === 'domain' || first === 'shared' || first === 'webview') {
    return { kind: first };
  }
  return { kind: 'feature', feature: first ?? '' };
}

/** Why an import breaks the layout, or undefined when it is allowed. */
export function violation(imp: Import): string | undefined {
  const from = layer(imp.from);
  const to = layer(imp.to);
  const allowed: Record<string, readonly string[]> = {
    top: ['top', 'feature', 'root', 'platform', 'domain', 'shared'],
    feature: ['feature', 'root', 'platform', 'domain', 'shared'],
    root: ['root', 'platform', 'domain', 'shared'],
    platform: ['platform', 'domain', 'shared'],
    shared: ['shared', 'domain'],
    domain: ['domain'],
    webview: ['webview', 'shared'],
  };
  if (!allowed[from.kind]?.includes(to.kind)) {
    // The features' modules may name the services and api types (erased at build time).
    if (!(imp.typeOnly && from.kind !== 'domain' && (imp.to === 'services' || imp.to === 'api'))) {
      return `${imp.from} (${from.kind}) imports ${imp.to} (${to.kind})`;
    }
  }
  if (from.kind === 'feature' && to.kind === 'feature' && from.feature !== to.feature) {
    return `feature ${from.feature} imports feature ${to.feature} (${imp.from} → ${imp.to}); use a command, or move the shared part to domain/ or platform/`;
  }
  const fromLazy = imp.from.split('/')[1] === 'lazy';
  const toLazy = imp.to.split('/')[1] === 'lazy';
  if (from.kind === 'feature' && to.kind === 'feature' && !fromLazy && toLazy && !imp.typeOnly) {
    return `${imp.from} imports ${imp.to} eagerly; the lazy part loads through lazyFeature(), so import only its types`;
  }
  return undefined;
}

describe('layout', () => {
  const imports = readImports(src);

  it('reads the imports of src/ (a check that reads nothing proves nothing)', () => {
    assert.ok(imports.length > 100, `only ${imports.length} imports found`);
    assert.ok(imports.some((i) => i.from === 'extension' && i.to === 'delegations/register'));
    assert.ok(imports.some((i) => i.typeOnly && i.to === 'services'));
  });

  it('has dependencies that run one way, no feature importing another, lazy parts imported as types only', () => {
    const problems = imports.map(violation).filter((p): p is string => p !== undefined);
    assert.deepEqual(problems, []);
  });

  it('flags the imports that the layout forbids', () => {
    const cases: [Import, RegExp][] = [
      [{ from: 'platform/settings', to: 'ids', typeOnly: false }, /platform/],
      [{ from: 'services', to: 'lessons/lessonLibrary', typeOnly: false }, /root/],
      [{ from: 'today/register', to: 'lessons/register', typeOnly: false }, /feature today imports feature lessons/],
      [{ from: 'today/register', to: 'today/lazy/todayViewProvider', typeOnly: false }, /eagerly/],
      [{ from: 'domain/delegation', to: 'platform/commands', typeOnly: false }, /domain/],
      [{ from: 'domain/delegation', to: 'services', typeOnly: true }, /domain/],
      [{ from: 'webview/pages/today', to: 'domain/dates', typeOnly: false }, /webview/],
    ];
    for (const [imp, reason] of cases) {
      assert.match(violation(imp) ?? '(allowed)', reason, `${imp.from} → ${imp.to}`);
    }
    assert.equal(violation({ from: 'today/register', to: 'today/lazy', typeOnly: true }), undefined);
    assert.equal(violation({ from: 'today/lazy/todayState', to: 'services', typeOnly: true }), undefined);
  });

  it('reaches storage only through the storage map: no Memento outside services.ts', () => {
    const touching = sourceFiles(src)
      .filter((file) => /\b(workspaceState|globalState)\b/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => rel(src, file));
    assert.deepEqual(touching, ['services']);
  });

  it('has one lazy entry per feature, at <feature>/lazy/index.ts, loaded by name in register.ts', () => {
    const features = fs
      .readdirSync(src, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !['domain', 'platform', 'shared', 'webview'].includes(e.name));
    assert.ok(features.length >= 3);
    for (const feature of features.map((e) => e.name)) {
      const register = path.join(src, feature, 'register.ts');
      assert.ok(fs.existsSync(register), `${feature}/ has no register.ts`);
      if (fs.existsSync(path.join(src, feature, 'lazy'))) {
        assert.ok(fs.existsSync(path.join(src, feature, 'lazy', 'index.ts')), `${feature}/lazy has no index.ts`);
        assert.match(
          fs.readFileSync(register, 'utf8'),
          new RegExp(`lazyFeature<[^>]+>\\('${feature}'\\)`),
          `${feature}/register.ts does not load its lazy part`,
        );
      }
    }
  });
});
