import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { repoRoot } from './paths';

/**
 * Packages the extension in `srcDir` into `outVsix` with the project's own vsce (no dependencies,
 * no license or repository needed); throws with vsce's output when it fails.
 */
export async function packageVsix(srcDir: string, outVsix: string): Promise<string> {
  const vsceBin = require.resolve('@vscode/vsce/vsce', { paths: [repoRoot()] });
  const args = [vsceBin, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', outVsix];
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: srcDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`vsce package of ${srcDir} failed (exit ${code}):\n${text}`)),
    );
  });
  if (!fs.existsSync(outVsix)) {
    throw new Error(`vsce reported success but ${outVsix} is missing:\n${out}`);
  }
  return outVsix;
}
