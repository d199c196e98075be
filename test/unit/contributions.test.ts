import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandAliases, Commands, ContextValues, EXTENSION_ID, SETTINGS_SECTION, Settings, Views, Walkthroughs } from '../../src/ids';
import { sourceFiles } from '../support/sourceFiles';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  activationEvents: string[];
  capabilities: {
    untrustedWorkspaces: { supported: boolean | string; description?: string };
    virtualWorkspaces: boolean | { supported: boolean | string };
  };
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string }[] };
    viewsWelcome: { view: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; key: string; mac?: string; when?: string }[];
    walkthroughs: {
      id: string;
      title: string;
      steps: {
        id: string;
        title: string;
        description: string;
        media: { markdown?: string; image?: string; altText?: string };
        completionEvents: string[];
      }[];
    }[];
    configuration: { properties: Record<string, { default: unknown; markdownDescription?: string; description?: string }> };
  };
};

const manifestText = readFileSync(join(root, 'package.json'), 'utf8');
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** A manifest string as VS Code shows it: `%key%` looked up in package.nls.json. */
function shown(value: string): string {
  const match = /^%(.+)%$/.exec(value);
  return match ? (nls[match[1] ?? ''] ?? value) : value;
}

const source = sourceFiles(join(root, 'src'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('the manifest is localisable', () => {
  it('puts every text a user reads through package.nls.json, and every key there is used', () => {
    const used = new Set([...manifestText.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 50, `only ${used.size} localised strings`);
    for (const key of used) {
      assert.ok(
        typeof nls[key as string] === 'string' && (nls[key as string] ?? '').length > 0,
        `package.nls.json has no text for %${key}%`,
      );
    }
    assert.deepEqual(
      Object.keys(nls).filter((key) => !used.has(key)),
      [],
      'package.nls.json has keys the manifest does not use',
    );
    const texts: string[] = [];
    const collect = (node: unknown, field: string): void => {
      if (typeof node === 'string') {
        if (
          [
            'title',
            'name',
            'description',
            'markdownDescription',
            'contents',
            'enumDescriptions',
            'enumItemLabels',
            'contextualTitle',
            'category',
          ].includes(field)
        )
          texts.push(node);
      } else if (Array.isArray(node)) {
        node.forEach((item) => collect(item, field));
      } else if (typeof node === 'object' && node !== null) {
        Object.entries(node).forEach(([key, value]) => collect(value, key));
      }
    };
    collect(manifest.contributes, 'contributes');
    assert.ok(texts.length > 50);
    assert.deepEqual(
      texts.filter((text) => !/^%[^%]+%$/.test(text)),
      [],
      'manifest text not in package.nls.json',
    );
  });
});

describe('declared capabilities and the keyboard path', () => {
  it('runs in untrusted (limited: no repository signals, which run git) and virtual workspaces, reading files through vscode.workspace.fs', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, {
      supported: 'limited',
      description: '%capabilities.untrustedWorkspaces.description%',
    });
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    // Files are read through vscode.workspace.fs, randomness comes from Web Crypto: Node's modules
    // would break in a virtual workspace and in a web worker. Lazy parts load with import(), which
    // the web build bundles in. The one exception is the repository signals' lazy part, which runs
    // git: the web build leaves it out (esbuild.mjs fails if Node's modules reach it), and it stays
    // off in virtual and untrusted workspaces, saying why.
    const signalsLazy = join(root, 'src', 'signals', 'lazy');
    for (const file of sourceFiles(join(root, 'src')).filter((f) => !f.startsWith(signalsLazy))) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), /from '(node:)?(fs|path|crypto|os|child_process)'/, `${file} uses a Node module`);
    }
  });

  it("binds Log Delegation and Show Today's Nudge to keys of their own, everywhere", () => {
    for (const id of [Commands.logDelegation, Commands.showToday]) {
      const binding = manifest.contributes.keybindings.find((k) => k.command === id);
      assert.ok(binding, `${id} has no default keybinding`);
      assert.equal(binding.when, undefined, `${id} should work from anywhere`);
      assert.ok(binding.mac, `${id} has no macOS key`);
    }
    const keys = manifest.contributes.keybindings.filter((k) => k.when === undefined).map((k) => k.key);
    assert.equal(new Set(keys).size, keys.length, 'two global keybindings share a key');
  });
});

describe('the Get Started walkthrough', () => {
  const walkthroughs = manifest.contributes.walkthroughs;

  it('is the one of ids.ts, five steps or fewer, each with a verb-first button, shipped media and a real completion event', () => {
    assert.deepEqual(
      walkthroughs.map((w) => w.id),
      Object.values(Walkthroughs),
    );
    const steps = walkthroughs.flatMap((w) => w.steps);
    assert.ok(steps.length >= 1 && steps.length <= 5, `${steps.length} steps`);
    const commands = new Set<string>([...Object.values(Commands), 'workbench.action.openSettings']);
    const settings = new Set(Object.keys(manifest.contributes.configuration.properties));
    const views = new Set<string>(Object.values(Views));
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
    for (const step of steps) {
      const button = /\[([A-Z][a-z']+)[^\]]*\]\(command:([\w.]+)/.exec(shown(step.description));
      assert.ok(button, `step ${step.id} has no button`);
      assert.ok(commands.has(button[2] ?? ''), `step ${step.id}'s button runs ${button[2]}, not a known command`);
      assert.ok(
        ['Show', 'Log', 'Add', 'Open', 'Choose', 'Change', 'Turn', 'Read', 'Set'].includes(button[1] ?? ''),
        `step ${step.id}'s button starts with "${button[1]}", not a verb`,
      );
      const media = step.media.markdown ?? step.media.image ?? '';
      assert.ok(existsSync(join(root, media)), `step ${step.id}: ${media} is missing`);
      assert.ok(
        media.startsWith('media/walkthrough/') && ignore.includes('!media/walkthrough/*.md'),
        `step ${step.id}: ${media} would not ship`,
      );
      assert.ok(step.completionEvents.length > 0, `step ${step.id} never completes`);
      for (const event of step.completionEvents) {
        const [kind, id] = event.split(':');
        const known =
          kind === 'onCommand'
            ? commands.has(id ?? '')
            : kind === 'onView'
              ? views.has(id ?? '')
              : kind === 'onSettingChanged'
                ? settings.has(id ?? '')
                : false;
        assert.ok(known, `step ${step.id}: ${event} names nothing the extension contributes`);
      }
    }
  });
});

describe('package.json and src/ids.ts agree', () => {
  it('names the extension as ids.ts does', () => {
    assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
  });

  it('contributes exactly the commands in ids.ts (and the old ids of renamed ones), and each is registered in code', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, [...Object.values(Commands), ...Object.keys(CommandAliases)].sort());
    for (const [key, id] of Object.entries(Commands)) {
      assert.match(
        source,
        new RegExp(`registerCommand\\(\\s*(?:[\\w.]+,\\s*)?Commands\\.${key}\\b|command\\(\\s*Commands\\.${key}\\b`),
        `${id} is never registered`,
      );
    }
  });

  it("keeps each renamed command's old id registered, running the new command, and hidden from the palette", () => {
    const ids = new Set<string>(Object.values(Commands));
    const hidden = new Set((manifest.contributes.menus['commandPalette'] ?? []).filter((m) => m.when === 'false').map((m) => m.command));
    assert.ok(Object.keys(CommandAliases).length >= 3);
    for (const [old, id] of Object.entries(CommandAliases)) {
      assert.ok(!ids.has(old), `${old} is an alias and a command`);
      assert.ok(ids.has(id), `${old} runs ${id}, which is not a command`);
      assert.ok(hidden.has(old), `${old} shows in the command palette next to ${id}`);
      const title = manifest.contributes.commands.find((c) => c.command === old)?.title ?? '';
      const newTitle = manifest.contributes.commands.find((c) => c.command === id)?.title ?? '';
      assert.ok(shown(title).startsWith(shown(newTitle)), `${old} is titled "${shown(title)}", not after ${id}'s "${shown(newTitle)}"`);
    }
    assert.match(source, /registerCommandAliases\(CommandAliases\)/, 'the old ids are never registered');
  });

  it('uses only contributed commands in menus and keybindings', () => {
    const known = new Set(Object.values(Commands) as string[]);
    const hiding = new Set(Object.keys(CommandAliases));
    const used = [...Object.values(manifest.contributes.menus).flat(), ...manifest.contributes.keybindings]
      .filter((m) => !(hiding.has(m.command) && m.when === 'false'))
      .map((m) => m.command);
    for (const id of used) {
      assert.ok(known.has(id), `${id} is not a contributed command`);
    }
  });

  it('contributes the container and views of ids.ts, each used in code', () => {
    assert.deepEqual(
      manifest.contributes.viewsContainers.activitybar.map((c) => c.id),
      [Views.container],
    );
    const views = (manifest.contributes.views[Views.container] ?? []).map((v) => v.id).sort();
    assert.deepEqual(views, [Views.today, Views.delegations, Views.team, Views.lessons].sort());
    assert.deepEqual(manifest.contributes.viewsWelcome.map((w) => w.view).sort(), [Views.delegations, Views.team].sort());
    for (const [key] of Object.entries(Views).filter(([k]) => k !== 'container')) {
      assert.match(source, new RegExp(`Views\\.${key}\\b`), `view ${key} is not used in code`);
    }
  });

  it('uses the tree item context values of ids.ts in its when clauses', () => {
    const whens = Object.values(manifest.contributes.menus)
      .flat()
      .map((m) => m.when ?? '')
      .join('\n');
    assert.match(whens, new RegExp(`viewItem == ${ContextValues.openDelegation.replace('.', '\\.')}`));
    assert.match(whens, new RegExp(`viewItem == ${ContextValues.doneDelegation.replace('.', '\\.')}`));
  });

  it('contributes exactly the settings of ids.ts, each with a default and a description', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(
      Object.keys(properties).sort(),
      Object.values(Settings)
        .map((key) => `${SETTINGS_SECTION}.${key}`)
        .sort(),
    );
    for (const [id, property] of Object.entries(properties)) {
      assert.notEqual(property.default, undefined, `${id} has no default`);
      assert.ok((property.markdownDescription ?? property.description ?? '').length > 20, `${id} has no description`);
    }
  });

  it('activates without "*", supports VS Code from the first release that loads ES module extensions (1.100), and pins @types/vscode to it', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.deepEqual(manifest.activationEvents, ['onStartupFinished']);
    // 1.100 (April 2025) is the first release whose Node extension host imports an extension's
    // main when it ends in .mjs (microsoft/vscode#245214); the web worker host still needs `browser`'s one file.
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.100.0');
    assert.match((manifest as unknown as { main: string }).main, /^\.\/dist\/extension\.mjs$/);
  });
});
