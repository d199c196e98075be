/** The machine and the VS Code build the numbers come from, for the table header. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { realVsCode } from '../test/e2e/harness/paths';

export interface Machine {
  cpu: string;
  cores: number;
  memGB: number;
  os: string;
  node: string;
  /** "VS Code 1.139.1 (code-server 4.139.1)", or why it is unknown. */
  vscode: string;
  /** Whether other heavy work ran on the machine during the benchmark (filled in at the end). */
  activity?: string;
}

function readVersion(file: string): string | undefined {
  try {
    const version = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty}, ${os.type()} ${os.release()}`;
  } catch {
    // not Linux: fall through
  }
  return `${os.type()} ${os.release()}`;
}

export async function describeMachine(): Promise<Machine> {
  const cpus = os.cpus();
  const cpu = cpus[0]?.model.trim() ?? 'unknown';
  let vscode: string;
  try {
    const { codeServerBin } = await realVsCode();
    // codeServerBin is <code-server>/out/node/entry.js
    const codeServerDir = path.resolve(path.dirname(codeServerBin), '..', '..');
    const vs = readVersion(path.join(codeServerDir, 'lib', 'vscode', 'package.json'));
    const cs = readVersion(path.join(codeServerDir, 'package.json'));
    vscode = `VS Code ${vs ?? '?'} (code-server ${cs ?? '?'})`;
  } catch (err) {
    vscode = `unknown (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
  return {
    cpu,
    cores: cpus.length,
    memGB: Math.round(os.totalmem() / 2 ** 30),
    os: osName(),
    node: process.version,
    vscode,
  };
}
