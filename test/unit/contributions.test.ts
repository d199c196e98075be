import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Commands, ContextValues, EXTENSION_ID, SETTINGS_SECTION, Settings, Views } from '../../src/ids';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  activationEvents: string[];
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string }[] };
    viewsWelcome: { view: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string }[];
    configuration: { properties: Record<string, { default: unknown; markdownDescription?: string; description?: string }> };
  };
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const source = sourceFiles(join(root, 'src'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('package.json and src/ids.ts agree', () => {
  it('names the extension as ids.ts does', () => {
    assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
  });

  it('contributes exactly the commands in ids.ts, and each is registered in code', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(Commands).sort());
    for (const [key, id] of Object.entries(Commands)) {
      assert.match(source, new RegExp(`registerCommand\\(\\s*(?:[\\w.]+,\\s*)?Commands\\.${key}\\b|command\\(\\s*Commands\\.${key}\\b`), `${id} is never registered`);
    }
  });

  it('uses only contributed commands in menus and keybindings', () => {
    const known = new Set(Object.values(Commands) as string[]);
    const used = [...Object.values(manifest.contributes.menus).flat(), ...manifest.contributes.keybindings].map((m) => m.command);
    for (const id of used) {
      assert.ok(known.has(id), `${id} is not a contributed command`);
    }
  });

  it('contributes the container and views of ids.ts, each used in code', () => {
    assert.deepEqual(manifest.contributes.viewsContainers.activitybar.map((c) => c.id), [Views.container]);
    const views = (manifest.contributes.views[Views.container] ?? []).map((v) => v.id).sort();
    assert.deepEqual(views, [Views.today, Views.delegations, Views.lessons].sort());
    assert.deepEqual(manifest.contributes.viewsWelcome.map((w) => w.view), [Views.delegations]);
    for (const [key] of Object.entries(Views).filter(([k]) => k !== 'container')) {
      assert.match(source, new RegExp(`Views\\.${key}\\b`), `view ${key} is not used in code`);
    }
  });

  it('uses the tree item context values of ids.ts in its when clauses', () => {
    const whens = Object.values(manifest.contributes.menus).flat().map((m) => m.when ?? '').join('\n');
    assert.match(whens, new RegExp(`viewItem == ${ContextValues.openDelegation.replace('.', '\\.')}`));
    assert.match(whens, new RegExp(`viewItem == ${ContextValues.doneDelegation.replace('.', '\\.')}`));
  });

  it('contributes exactly the settings of ids.ts, each with a default and a description', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), Object.values(Settings).map((key) => `${SETTINGS_SECTION}.${key}`).sort());
    for (const [id, property] of Object.entries(properties)) {
      assert.notEqual(property.default, undefined, `${id} has no default`);
      assert.ok((property.markdownDescription ?? property.description ?? '').length > 20, `${id} has no description`);
    }
  });

  it('activates without "*", supports VS Code a year back, and pins @types/vscode to that minimum', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.deepEqual(manifest.activationEvents, ['onStartupFinished']);
    assert.equal(manifest.engines.vscode, '^1.90.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.90.0');
  });
});
