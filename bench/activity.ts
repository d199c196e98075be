/**
 * Other work on the machine while the benchmark runs (another test run, a build): a 2-core machine
 * shows it in every timing, so the table says when it was seen. Processes started by this
 * benchmark (its code-server, Chromium, npm run package) are recognised by their ancestry.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

const HEAVY = /code-server|chromium|mocha|esbuild|vsce|\btsc\b|webpack|playwright/i;
/** Chromium's crash handler daemonises (its parent becomes init) and idles: never counted. */
const IGNORED = /crashpad_handler/;

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid ...: comm may contain spaces and parentheses
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isFinite(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function isOurs(pid: number): boolean {
  let current: number | undefined = pid;
  for (let hops = 0; current !== undefined && current > 1 && hops < 64; hops++) {
    if (current === process.pid) return true;
    current = parentOf(current);
  }
  return false;
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
    if (match && !IGNORED.test(cmd) && !isOurs(pid)) found.add(match[0].toLowerCase());
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
      return { foreign: [...seen].sort(), loadavg: os.loadavg().map((l) => l.toFixed(2)).join(' ') };
    },
  };
}
