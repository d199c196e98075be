/**
 * Two bench-only extensions, generated and packaged with vsce into a fresh temp folder on every run
 * (never committed; not under .vscode-test, which worktrees may share):
 *
 * - The floor: a minimal extension with the product's activation event (`onStartupFinished`). Its
 *   `activate` is `async` like the product's, shows one status-bar item and registers the provider
 *   of one webview view with static text, in a view container of its own in the activity bar
 *   (the reference for the Today view). It does nothing else.
 * - The probe: activates only when its command runs (never at start-up, so it does not contend
 *   with the two measured extensions). Its command reads VS Code's own activation times
 *   (ExtensionActivationTimes: codeLoadingTime, activateCallTime, activateResolvedTime) from the
 *   "Developer: Startup Performance" document (`perf:Startup Performance`, its "Extension
 *   Activation Stats" table) and writes them to the JSON file named in the command's argument.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageVsix } from '../test/e2e/harness/vsce';

export const FLOOR_EXTENSION_ID = 'techleadcoach.bench-floor';
export const FLOOR_DISPLAY_NAME = 'Bench Floor';
export const FLOOR_VIEW_ID = 'benchFloor.view';
/** The floor view's one line of text, as the webview shows it. */
export const FLOOR_VIEW_TEXT = 'Bench floor: a webview view with static text.';
export const FLOOR_VIEW_TEXT_ID = 'floor-text';

export const PROBE_EXTENSION_ID = 'techleadcoach.bench-probe';
export const PROBE_COMMAND = 'benchProbe.writeActivationTimes';

const MANIFEST_BASE = {
  version: '0.0.1',
  publisher: 'techleadcoach',
  license: 'MIT',
  private: true,
  engines: { vscode: '^1.90.0' },
  main: './extension.js',
};

const FLOOR_PACKAGE_JSON = {
  name: 'bench-floor',
  displayName: FLOOR_DISPLAY_NAME,
  description: 'Benchmark floor for Tech Lead Coach: async activate on onStartupFinished, one status-bar item, one static webview view.',
  ...MANIFEST_BASE,
  activationEvents: ['onStartupFinished'],
  contributes: {
    viewsContainers: { activitybar: [{ id: 'benchFloor', title: FLOOR_DISPLAY_NAME, icon: 'floor.svg' }] },
    views: { benchFloor: [{ type: 'webview', id: FLOOR_VIEW_ID, name: 'Floor View' }] },
  },
};

const FLOOR_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none';">
<title>Bench Floor</title>
</head>
<body>
<p id="${FLOOR_VIEW_TEXT_ID}">${FLOOR_VIEW_TEXT}</p>
</body>
</html>
`;

const FLOOR_EXTENSION_JS = `'use strict';
const vscode = require('vscode');
const HTML = ${JSON.stringify(FLOOR_HTML)};
async function activate(context) {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 0);
  item.text = 'floor';
  item.show();
  context.subscriptions.push(
    item,
    vscode.window.registerWebviewViewProvider(${JSON.stringify(FLOOR_VIEW_ID)}, {
      resolveWebviewView(view) {
        view.webview.html = HTML;
      },
    }),
  );
}
function deactivate() {}
module.exports = { activate, deactivate };
`;

const FLOOR_ICON = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><rect x="4" y="4" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2"/></svg>
`;

const PROBE_PACKAGE_JSON = {
  name: 'bench-probe',
  displayName: 'Bench Probe',
  description:
    'Benchmark helper for Tech Lead Coach: writes the activation times VS Code recorded (Developer: Startup Performance) to a file.',
  ...MANIFEST_BASE,
  activationEvents: [`onCommand:${PROBE_COMMAND}`],
  contributes: { commands: [{ command: PROBE_COMMAND, title: 'Bench: Write Activation Times' }] },
};

/**
 * The command's argument: { out: file, ids: extension ids }. It waits (up to 30 s) until the
 * table has a row for every id (VS Code adds one when that extension's activate() promise has
 * resolved), then writes { rows: { id: { loadCode, callActivate, finishActivate, event } } },
 * or { error } when it could not. It opens the document with the workbench's own command
 * (`perfview.show`, "Developer: Startup Performance"), which is also what registers its content
 * provider, reads the text model, and closes the editor again.
 */
const PROBE_EXTENSION_JS = `'use strict';
const vscode = require('vscode');
const fs = require('fs');

const HEADING = 'Extension Activation Stats';
const COLUMNS = { id: 'Extension', loadCode: 'Load Code', callActivate: 'Call Activate', finishActivate: 'Finish Activate', event: 'Event' };

function cells(line) {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|')) return undefined;
  return trimmed.replace(/^\\|/, '').replace(/\\|$/, '').split('|').map((c) => c.trim());
}

/** The rows of the "Extension Activation Stats" table by lower-case extension id. */
function parse(text) {
  const lines = text.split(/\\r?\\n/);
  const start = lines.findIndex((l) => /^#+\\s/.test(l) && l.includes(HEADING));
  if (start < 0) return undefined;
  let header;
  const rows = {};
  for (const line of lines.slice(start + 1)) {
    if (/^#+\\s/.test(line)) break;
    const row = cells(line);
    if (!row) continue;
    if (!header) {
      header = row;
      continue;
    }
    if (row.every((c) => /^:?-+:?$/.test(c))) continue;
    const at = (name) => row[header.indexOf(name)];
    const id = at(COLUMNS.id);
    if (!id) continue;
    rows[id.toLowerCase()] = {
      loadCode: Number(at(COLUMNS.loadCode)),
      callActivate: Number(at(COLUMNS.callActivate)),
      finishActivate: Number(at(COLUMNS.finishActivate)),
      event: at(COLUMNS.event),
    };
  }
  return { header, rows };
}

function write(out, value) {
  fs.writeFileSync(out + '.tmp', JSON.stringify(value, null, 2));
  fs.renameSync(out + '.tmp', out);
}

async function readTimes(ids) {
  // "Developer: Startup Performance": the document's content provider exists once it has run.
  await vscode.commands.executeCommand('perfview.show');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' }));
  const deadline = Date.now() + 30000;
  for (;;) {
    const table = parse(doc.getText());
    if (table && ids.every((id) => table.rows[id])) {
      const rows = {};
      for (const id of ids) rows[id] = table.rows[id];
      return { header: table.header, rows };
    }
    if (Date.now() > deadline) {
      const found = table ? Object.keys(table.rows).join(', ') : 'no "' + HEADING + '" table';
      return { error: 'Startup Performance had no row for ' + ids.filter((id) => !(table && table.rows[id])).join(', ') + ' within 30 s (rows: ' + found + ')' };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand(${JSON.stringify(PROBE_COMMAND)}, async (arg) => {
      const out = arg && arg.out;
      const ids = ((arg && arg.ids) || []).map((id) => String(id).toLowerCase());
      if (typeof out !== 'string') return;
      let value;
      try {
        value = await readTimes(ids);
      } catch (err) {
        value = { error: 'reading Startup Performance failed: ' + (err && err.message ? err.message : String(err)) };
      }
      try {
        // Closed again before answering, or the window would restore it at the next start-up.
        const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.label === 'Startup Performance');
        if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
      } catch (err) {
        value = { error: 'closing Startup Performance failed: ' + (err && err.message ? err.message : String(err)) };
      }
      write(out, value);
    }),
  );
}
function deactivate() {}
module.exports = { activate, deactivate };
`;

async function writeAndPackage(dir: string, name: string, files: Record<string, string>): Promise<string> {
  const src = path.join(dir, name);
  await fs.promises.mkdir(src, { recursive: true });
  for (const [file, text] of Object.entries(files)) await fs.promises.writeFile(path.join(src, file), text);
  return packageVsix(src, path.join(dir, `${name}.vsix`));
}

export interface BenchExtensions {
  floorVsix: string;
  probeVsix: string;
  /** Removes the temp folder. */
  dispose(): Promise<void>;
}

/** Writes both extensions into a fresh temp folder and packages them. */
export async function packageBenchExtensions(): Promise<BenchExtensions> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tlc-bench-extensions-'));
  try {
    const readme = (title: string): string => `# ${title}\n\nGenerated by bench/floorExtension.ts. Not published.\n`;
    const floorVsix = await writeAndPackage(dir, 'bench-floor', {
      'package.json': `${JSON.stringify(FLOOR_PACKAGE_JSON, null, 2)}\n`,
      'extension.js': FLOOR_EXTENSION_JS,
      'floor.svg': FLOOR_ICON,
      'README.md': readme(FLOOR_DISPLAY_NAME),
    });
    const probeVsix = await writeAndPackage(dir, 'bench-probe', {
      'package.json': `${JSON.stringify(PROBE_PACKAGE_JSON, null, 2)}\n`,
      'extension.js': PROBE_EXTENSION_JS,
      'README.md': readme('Bench Probe'),
    });
    return { floorVsix, probeVsix, dispose: () => fs.promises.rm(dir, { recursive: true, force: true }) };
  } catch (err) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    throw err;
  }
}
