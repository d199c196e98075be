/**
 * The layout's rules, read from the imports of src/: dependencies run one way
 * (extension.ts → features → root modules → platform, domain, shared), features never import
 * each other, a feature's eager files import only types from its lazy part (which they load with
 * `import()`), a page imports only its own feature's protocol and shared code, platform/ imports no
 * domain store, and no import runs in a circle.
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
  /** `import('…')`: loaded when first needed, bundled apart. */
  readonly dynamic?: boolean;
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?[^'";]*?\s+from\s+'([^']+)'|^\s*import\s+'([^']+)'|(typeof\s+)?\bimport\(\s*'([^']+)'\s*\)/gm;

/** Every relative import in src/, as paths relative to src/ without the extension. */
export function readImports(root: string): Import[] {
  const imports: Import[] = [];
  for (const file of sourceFiles(root)) {
    // Without comments, which may show an import as an example.
    const text = fs
      .readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const match of text.matchAll(IMPORT)) {
      const target = match[3] ?? match[4] ?? match[6] ?? '';
      if (!target.startsWith('.')) {
        continue;
      }
      const resolved = path.resolve(path.dirname(file), target);
      const asFile = fs.existsSync(`${resolved}.ts`) ? `${resolved}.ts` : path.join(resolved, 'index.ts');
      const dynamic = match[6] !== undefined && match[5] === undefined;
      imports.push({
        from: rel(root, file),
        to: rel(root, asFile),
        typeOnly: match[2] !== undefined || match[5] !== undefined,
        ...(dynamic ? { dynamic } : {}),
      });
    }
  }
  return imports;
}

const rel = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/').replace(/\.ts$/, '');

type Kind = 'top' | 'feature' | 'protocol' | 'page' | 'sharedPage' | 'root' | 'platform' | 'domain' | 'shared';

/** The layer a module belongs to; features are named by their folder. */
function layer(module: string): { kind: Kind; feature?: string } {
  const [first, second] = module.split('/');
  if (second === undefined) {
    return module === 'extension' || module === 'api' ? { kind: 'top' } : { kind: 'root' };
  }
  if (first === 'shared' && second === 'page') {
    return { kind: 'sharedPage' };
  }
  if (first === 'platform' || first === 'domain' || first === 'shared') {
    return { kind: first };
  }
  const feature = first ?? '';
  return second === 'page'
    ? { kind: 'page', feature }
    : second === 'protocol'
      ? { kind: 'protocol', feature }
      : { kind: 'feature', feature };
}

/**
 * A store of the domain: a module or folder named `store` (or `store…`: storeQueue), or with `Store` in
 * its name (teamStore, teamStoreLoad). Not `storage` or `stored`.
 */
const isDomainStore = (module: string): boolean => module.startsWith('domain/') && /(^|\/)store($|\/|[A-Z])|Store/.test(module);

/** Why an import breaks the layout, or undefined when it is allowed. */
export function violation(imp: Import): string | undefined {
  const from = layer(imp.from);
  const to = layer(imp.to);
  const allowed: Record<Kind, readonly Kind[]> = {
    top: ['top', 'feature', 'protocol', 'root', 'platform', 'domain', 'shared'],
    feature: ['feature', 'protocol', 'root', 'platform', 'domain', 'shared'],
    root: ['root', 'platform', 'domain', 'shared'],
    platform: ['platform', 'domain', 'shared'],
    shared: ['shared', 'domain'],
    domain: ['domain'],
    // Both sides of a webview import its protocol, so it holds nothing but messages and their checks.
    protocol: ['shared'],
    page: ['page', 'protocol', 'shared', 'sharedPage'],
    sharedPage: ['sharedPage', 'shared'],
  };
  if (from.kind === 'page' && (to.kind === 'page' || to.kind === 'protocol') && to.feature !== from.feature) {
    return `the ${from.feature} page ${imp.from} imports ${imp.to} of ${to.feature}; a page imports only its own feature's protocol and shared code`;
  }
  if (from.kind === 'page' && !allowed.page.includes(to.kind)) {
    return `the ${from.feature} page ${imp.from} imports ${imp.to} (${to.kind}); a page imports only its own feature's protocol and shared code`;
  }
  if (from.kind === 'platform' && isDomainStore(imp.to)) {
    return `${imp.from} (platform) imports the store ${imp.to}; platform knows no store: take what it needs as a parameter`;
  }
  if (to.kind === 'page' || to.kind === 'sharedPage') {
    if (from.kind !== 'page' && from.kind !== 'sharedPage') {
      return `${imp.from} imports the page ${imp.to}; pages are bundled apart and run in the webview`;
    }
  }
  if (!allowed[from.kind].includes(to.kind)) {
    // The extension's modules may name the services and api types (erased at build time).
    const mayNameTypes = from.kind === 'feature' || from.kind === 'root' || from.kind === 'platform';
    if (!(imp.typeOnly && mayNameTypes && (imp.to === 'services' || imp.to === 'api'))) {
      return `${imp.from} (${from.kind}) imports ${imp.to} (${to.kind})`;
    }
  }
  if (from.kind === 'feature' && (to.kind === 'feature' || to.kind === 'protocol') && from.feature !== to.feature) {
    return `feature ${from.feature} imports feature ${to.feature} (${imp.from} → ${imp.to}); use a command, or move the shared part to domain/ or platform/`;
  }
  const fromLazy = imp.from.split('/')[1] === 'lazy';
  const toLazy = imp.to.split('/')[1] === 'lazy';
  if (from.kind === 'feature' && to.kind === 'feature' && !fromLazy && toLazy && !imp.typeOnly && !imp.dynamic) {
    return `${imp.from} imports ${imp.to} eagerly; load the lazy part with import('./lazy') and import only its types`;
  }
  return undefined;
}

/** Every import circle: each as the modules on it, starting from its first in sorted order (Tarjan's strongly connected components). */
export function circles(imports: readonly Import[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const imp of imports) {
    edges.set(imp.from, [...(edges.get(imp.from) ?? []), imp.to]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (module: string): void => {
    index.set(module, index.size);
    low.set(module, index.get(module) ?? 0);
    stack.push(module);
    onStack.add(module);
    for (const next of edges.get(module) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(module, Math.min(low.get(module) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(module, Math.min(low.get(module) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(module) === index.get(module)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member !== undefined) {
          onStack.delete(member);
          component.push(member);
        }
      } while (member !== undefined && member !== module);
      const selfImport = (edges.get(module) ?? []).includes(module);
      if (component.length > 1 || selfImport) {
        found.push(component.sort());
      }
    }
  };
  [...edges.keys()].sort().forEach((module) => (index.has(module) ? undefined : visit(module)));
  return found.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** The features: the folders of src/ other than the layers every feature uses. */
const features = fs
  .readdirSync(src, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !['domain', 'platform', 'shared'].includes(e.name))
  .map((e) => e.name);

describe('layout', () => {
  const imports = readImports(src);

  it('reads the imports of src/ (a check that reads nothing proves nothing)', () => {
    assert.ok(imports.length > 100, `only ${imports.length} imports found`);
    assert.ok(imports.some((i) => i.from === 'extension' && i.to === 'delegations/register'));
    assert.ok(imports.some((i) => i.typeOnly && i.to === 'services'));
    assert.ok(imports.some((i) => i.dynamic && i.to === 'today/lazy/index'));
    assert.ok(imports.some((i) => i.from === 'team/page/person' && i.to === 'team/protocol'));
    assert.ok(imports.some((i) => i.from.startsWith('platform/') && i.to.startsWith('domain/')));
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
      [{ from: 'today/lazy/todayViewProvider', to: 'review/protocol', typeOnly: false }, /feature today imports feature review/],
      [{ from: 'today/lazy/todayViewProvider', to: 'today/page/today', typeOnly: false }, /imports the page/],
      [{ from: 'shared/html', to: 'shared/page/dom', typeOnly: false }, /imports the page/],
      [{ from: 'platform/webviewHtml', to: 'shared/page/vscodeApi', typeOnly: true }, /imports the page/],
      [{ from: 'review/protocol', to: 'services', typeOnly: true }, /protocol/],
    ];
    for (const [imp, reason] of cases) {
      assert.match(violation(imp) ?? '(allowed)', reason, `${imp.from} → ${imp.to}`);
    }
    assert.equal(violation({ from: 'today/register', to: 'today/lazy', typeOnly: true }), undefined);
    assert.equal(violation({ from: 'today/register', to: 'today/lazy/index', typeOnly: false, dynamic: true }), undefined);
    assert.equal(violation({ from: 'today/lazy/todayState', to: 'services', typeOnly: true }), undefined);
  });

  it('flags a page that imports anything but its own protocol and shared code', () => {
    const cases: [Import, RegExp][] = [
      [{ from: 'team/page/person', to: 'review/protocol', typeOnly: true }, /imports only its own feature's protocol/],
      [{ from: 'team/page/person', to: 'review/page/charts', typeOnly: false }, /imports only its own feature's protocol/],
      [{ from: 'team/page/person', to: 'team/lazy/personModel', typeOnly: true }, /imports only its own feature's protocol/],
      [{ from: 'review/page/review', to: 'domain/review/review', typeOnly: false }, /imports only its own feature's protocol/],
      [{ from: 'today/page/today', to: 'platform/webviewHtml', typeOnly: false }, /imports only its own feature's protocol/],
      [{ from: 'shared/page/dom', to: 'today/protocol', typeOnly: false }, /sharedPage/],
      [{ from: 'review/protocol', to: 'domain/review/review', typeOnly: false }, /protocol/],
    ];
    for (const [imp, reason] of cases) {
      assert.match(violation(imp) ?? '(allowed)', reason, `${imp.from} → ${imp.to}`);
    }
    for (const allowed of [
      { from: 'team/page/person', to: 'team/protocol', typeOnly: false },
      { from: 'team/page/person', to: 'team/page/moodLine', typeOnly: false },
      { from: 'team/page/person', to: 'shared/page/dom', typeOnly: false },
      { from: 'team/page/person', to: 'shared/l10n', typeOnly: false },
      { from: 'team/lazy/personPanel', to: 'team/protocol', typeOnly: false },
    ]) {
      assert.equal(violation(allowed), undefined, `${allowed.from} → ${allowed.to}`);
    }
  });

  it('flags platform/ importing a domain store, even for a type', () => {
    for (const store of [
      'domain/team/store',
      'domain/team/store/undo',
      'domain/team/storeQueue',
      'domain/team/teamStore',
      'domain/coach/nudgeStoreLoad',
    ]) {
      assert.match(violation({ from: 'platform/undo', to: store, typeOnly: true }) ?? '(allowed)', /platform knows no store/, store);
    }
    assert.equal(violation({ from: 'platform/chunkFiles', to: 'domain/core/storage', typeOnly: true }), undefined);
    assert.equal(violation({ from: 'platform/stateMap', to: 'domain/team/stored', typeOnly: true }), undefined);
    assert.equal(violation({ from: 'teamUndo', to: 'domain/team/store', typeOnly: false }), undefined);
  });

  it('has no import circle in src/ (type-only and import() imports included)', () => {
    assert.deepEqual(circles(imports), []);
  });

  it('finds an import circle, however long', () => {
    const imp = (from: string, to: string, extra: Partial<Import> = {}): Import => ({ from, to, typeOnly: false, ...extra });
    assert.deepEqual(
      circles([imp('services', 'loadedServices', { typeOnly: true }), imp('loadedServices', 'services', { typeOnly: true })]),
      [['loadedServices', 'services']],
    );
    assert.deepEqual(
      circles([imp('a', 'b'), imp('b', 'c', { dynamic: true }), imp('c', 'a'), imp('c', 'd'), imp('d', 'e'), imp('e', 'd'), imp('f', 'a')]),
      [
        ['a', 'b', 'c'],
        ['d', 'e'],
      ],
    );
    assert.deepEqual(circles([imp('a', 'a')]), [['a']]);
    assert.deepEqual(circles([imp('a', 'b'), imp('b', 'c'), imp('a', 'c')]), []);
  });

  it('reaches storage only through the storage map: no Memento outside services.ts', () => {
    const touching = sourceFiles(src)
      .filter((file) => /\b(workspaceState|globalState)\b/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => rel(src, file));
    assert.deepEqual(touching, ['services']);
  });

  it("has one lazy entry per feature, at <feature>/lazy/index.ts, loaded with import('./lazy') by its register.ts", () => {
    assert.ok(features.length >= 3);
    for (const feature of features) {
      const register = path.join(src, feature, 'register.ts');
      assert.ok(fs.existsSync(register), `${feature}/ has no register.ts`);
      if (fs.existsSync(path.join(src, feature, 'lazy'))) {
        assert.ok(fs.existsSync(path.join(src, feature, 'lazy', 'index.ts')), `${feature}/lazy has no index.ts`);
        assert.match(fs.readFileSync(register, 'utf8'), /\bimport\('\.\/lazy'\)/, `${feature}/register.ts does not load its lazy part`);
      }
    }
  });

  it('gives each page a script and a style sheet of the same name in <feature>/page/, and one name per page', () => {
    const pages = features.flatMap((feature) => {
      const dir = path.join(src, feature, 'page');
      return fs.existsSync(dir)
        ? fs
            .readdirSync(dir)
            .filter((name) => name.endsWith('.css'))
            .map((name) => ({ feature, name: name.replace(/\.css$/, '') }))
        : [];
    });
    assert.ok(pages.length >= 5, `only ${pages.length} pages found`);
    for (const { feature, name } of pages) {
      assert.ok(fs.existsSync(path.join(src, feature, 'page', `${name}.ts`)), `${feature}/page/${name}.css has no ${name}.ts`);
    }
    const names = pages.map((p) => p.name);
    assert.equal(new Set([...names, 'common', 'codicon']).size, names.length + 2, `two pages share a name: ${names.join(', ')}`);
    for (const feature of features) {
      const protocol = path.join(src, feature, 'protocol.ts');
      const hasPage = pages.some((p) => p.feature === feature);
      assert.equal(
        fs.existsSync(protocol),
        hasPage,
        `${feature}/ ${hasPage ? 'has a page but no protocol.ts' : 'has a protocol.ts but no page'}`,
      );
    }
  });
});
