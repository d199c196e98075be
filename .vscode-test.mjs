// @vscode/test-cli configuration: runs the compiled in-host tests (out/test/host/**/*.test.js)
// inside VS Code desktop with this repo as the development extension.
//
//   npx tsc -p test && npm run build && npx vscode-test
//
// By default @vscode/test-electron downloads VS Code (`version`, default 'stable'), which needs
// internet access to Microsoft's servers. Offline, point it at an installed VS Code instead:
//
//   VSCODE_EXECUTABLE=/usr/share/code/code npx vscode-test
//
// which sets `useInstallation: { fromPath: '<path to the VS Code executable>' }` below
// (`useInstallation: { fromMachine: true }` would also reuse your own settings and extensions:
// not wanted for tests). On machines with neither, run the same files in code-server:
//
//   npx tsc -p test && npm run package && node out/test/host/runInCodeServer.js
//
// Both routes use mocha's BDD ui (describe/it) with the same timeout.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@vscode/test-cli';

const executable = process.env.VSCODE_EXECUTABLE;

export default defineConfig({
  label: 'host',
  files: 'out/test/host/**/*.test.js',
  // A fresh empty folder, as in the code-server route.
  workspaceFolder: mkdtempSync(join(tmpdir(), 'tlc-host-ws-')),
  // Only the extension under development, not the extensions installed on the machine.
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: {
    ui: 'bdd',
    timeout: 20000,
    color: true,
  },
  ...(executable ? { useInstallation: { fromPath: executable } } : {}),
});
