/**
 * Other work on the machine while the benchmark runs (another test run, a build): a 2-core machine
 * shows it in every timing, so the table says when it was seen. Processes started by this
 * benchmark (its code-server, Chromium, npm run package) are recognised by their ancestry, or, once
 * orphaned, by when they started and where they run from.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../test/e2e/harness/paths';

const HEAVY = /code-server|chromium|mocha|esbuild|vsce|\btsc\b|webpack|playwright/i;
/** Chromium's crash handler daemonises (its parent becomes init) and idles: never counted. */
const IGNORED = /crashpad_handler/;

/** Fields after "pid (comm)" in /proc/<pid>/stat: state is [0], ppid [1], starttime [19]. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid ...: comm may contain spaces and parentheses
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  const ppid = Number(statFields(pid)?.[1]);
  return Number.isFinite(ppid) ? ppid : undefined;
}

/** When the process started, in clock ticks since boot. */
function startOf(pid: number): number | undefined {
  const ticks = Number(statFields(pid)?.[19]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

const OWN_START = startOf(process.pid) ?? Number.POSITIVE_INFINITY;
const OWN_VSCODE = path.join(repoRoot(), '.vscode-test');

function isOurs(pid: number, cmd: string): boolean {
  let current: number | undefined = pid;
  for (let hops = 0; current !== undefined && current > 1 && hops < 64; hops++) {
    if (current === process.pid) return true;
    current = parentOf(current);
  }
  // Orphaned: a child of one of our extension hosts (the Markdown language server) outlives the
  // host a reload ended, and init adopts it. Started after us, from this checkout's code-server.
  return parentOf(pid) === 1 && (startOf(pid) ?? -1) >= OWN_START && cmd.includes(OWN_VSCODE);
}

/** Heavy processes not started by this benchmark, as short names ("mocha", "code-server"). */
export function foreignHeavyProcesses(): string[] {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return [];
  }
  const found = new Set<string>();
  for (const p of pids) {
    const pid = Number(p);
    if (pid === process.pid) continue;
    let cmd: string;
    try {
      cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    const match = HEAVY.exec(cmd);
    // A process that ended while it was looked at is nobody's load any more.
    if (match && !IGNORED.test(cmd) && !isOurs(pid, cmd) && fs.existsSync(`/proc/${pid}`)) found.add(match[0].toLowerCase());
  }
  return [...found].sort();
}

/** Samples foreign heavy processes every 2 s until stopped; returns what was seen and the load averages. */
export function watchActivity(): { stop(): { foreign: string[]; loadavg: string } } {
  const seen = new Set<string>(foreignHeavyProcesses());
  const timer = setInterval(() => {
    for (const name of foreignHeavyProcesses()) seen.add(name);
  }, 2000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      for (const name of foreignHeavyProcesses()) seen.add(name);
      return {
        foreign: [...seen].sort(),
        loadavg: os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' '),
      };
    },
  };
}
