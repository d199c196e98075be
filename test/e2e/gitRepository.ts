/**
 * A real git repository for the end-to-end journeys of the repository signals: commits by given
 * authors at given instants, each with its own time-zone offset (author and committer date alike),
 * with no global or system git configuration read.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DAY = 86_400_000;

export interface Author {
  readonly name: string;
  readonly email: string;
}

/** `%aI`-style local time at an offset (minutes east of UTC), for GIT_AUTHOR_DATE. */
export function isoAt(at: number, offsetMinutes: number): string {
  const local = new Date(at + offsetMinutes * 60_000);
  const pad = (n: number): string => String(Math.abs(n)).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
}

/** A day `daysAgo` before now at a local hour in the author's zone. */
export function localTime(daysAgo: number, hour: number, minute: number, offsetMinutes: number): number {
  const day = new Date(Date.now() - daysAgo * DAY + offsetMinutes * 60_000);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute) - offsetMinutes * 60_000;
}

export class TestRepository {
  private serial = 0;
  constructor(readonly dir: string) {}

  git(args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
    const run = spawnSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], HOME: this.dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env },
    });
    assert.equal(run.status, 0, `git ${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  }

  /** A new repository on `main` whose git user (the lead) is `lead`. */
  init(lead: Author): void {
    this.git(['init', '-q', '-b', 'main']);
    this.git(['config', 'user.name', lead.name]);
    this.git(['config', 'user.email', lead.email]);
  }

  commit(author: Author, at: number, offsetMinutes: number, file: string, subject: string): void {
    this.serial += 1;
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.appendFileSync(path.join(this.dir, file), `change ${this.serial}\n`);
    const date = isoAt(at, offsetMinutes);
    this.git(['add', '-A']);
    this.git(['commit', '-q', '-m', subject], {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: date,
    });
  }
}
