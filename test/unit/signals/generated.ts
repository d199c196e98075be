/**
 * Generated histories for the signal tests: commits written by hand in the author's local time and
 * offset, turned into parsed commits, into a CommitHistory, or into the exact text `git log` writes
 * with the arguments of gitLog.ts (so the parser can be fed what git would feed it).
 */
import type { ChangedFile, ParsedCommit, TrailerPerson } from '../../../src/domain/signals/gitLog';
import { CommitHistory } from '../../../src/domain/signals/history';

export const MS_PER_DAY = 86_400_000;

export interface CommitSpec {
  readonly author: string;
  readonly email?: string;
  /** Local wall-clock time of the author, `YYYY-MM-DDTHH:MM` (seconds optional). */
  readonly local: string;
  /** The author's offset, `+02:00`, `-07:00`, `Z`. */
  readonly offset?: string;
  /** Paths changed (modified), or `[from, to]` for a rename, or `{ status, path }`. */
  readonly files?: readonly (string | readonly [string, string] | ChangedFile)[];
  readonly subject?: string;
  readonly parents?: number;
  readonly reviewedBy?: readonly TrailerPerson[];
  readonly coAuthors?: readonly TrailerPerson[];
}

let serial = 0;

/** A fresh 40-digit hash (deterministic across a run). */
export function nextHash(): string {
  serial += 1;
  return serial.toString(16).padStart(40, '0');
}

export function offsetMinutesOf(offset: string): number {
  if (offset === 'Z') {
    return 0;
  }
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number) as [number, number];
  return sign * (h * 60 + m);
}

/** The instant of a local wall-clock time at an offset. */
export function instantOf(local: string, offset: string): number {
  const [date, time = '00:00'] = local.split('T') as [string, string?];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s = 0] = time.split(':').map(Number) as [number, number, number?];
  return Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutesOf(offset) * 60_000;
}

export function commit(spec: CommitSpec): ParsedCommit {
  const offset = spec.offset ?? '+00:00';
  const parents = Array.from({ length: spec.parents ?? 1 }, () => nextHash());
  const files: ChangedFile[] = (spec.files ?? ['src/main.ts']).map((f) =>
    typeof f === 'string'
      ? { status: 'modified', path: f }
      : Array.isArray(f)
        ? { status: 'renamed', path: f[1] as string, from: f[0] as string }
        : (f as ChangedFile),
  );
  return {
    hash: nextHash(),
    parents,
    authorName: spec.author,
    authorEmail: spec.email ?? `${spec.author.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
    authoredAt: instantOf(spec.local, offset),
    offsetMinutes: offsetMinutesOf(offset),
    subject: spec.subject ?? `Work by ${spec.author}`,
    reviewedBy: spec.reviewedBy ?? [],
    coAuthors: spec.coAuthors ?? [],
    files: (spec.parents ?? 1) > 1 ? [] : files,
  };
}

export function historyOf(commits: readonly ParsedCommit[]): CommitHistory {
  const history = new CommitHistory();
  history.add(commits);
  return history;
}

function pad(n: number, w = 2): string {
  return String(Math.abs(n)).padStart(w, '0');
}

/** `%aI` of a commit: local time with its offset. */
export function isoOf(at: number, offsetMinutes: number): string {
  const local = new Date(at + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${sign}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
}

const CODE: Readonly<Record<ChangedFile['status'], string>> = {
  added: 'A',
  modified: 'M',
  deleted: 'D',
  renamed: 'R100',
  copied: 'C075',
  typeChanged: 'T',
  other: 'X',
};

/** What `git log` with gitLogArgs() writes for these commits (as observed from git 2.39). */
export function logText(commits: readonly ParsedCommit[]): string {
  return commits
    .map((c) => {
      const trailers = [
        ...c.reviewedBy.map((p) => `Reviewed-by: ${p.name} <${p.email}>`),
        ...c.coAuthors.map((p) => `Co-authored-by: ${p.name} <${p.email}>`),
      ].join('\x1d');
      const header = `\x1e${c.hash}\x1f${c.parents.join(' ')}\x1f${c.authorName}\x1f${c.authorEmail}\x1f${isoOf(c.authoredAt, c.offsetMinutes)}\x1f${trailers}\x1f${c.subject}\x1f\0`;
      if (c.files.length === 0) {
        return header;
      }
      const files = c.files
        .map((f) => (f.from === undefined ? `${CODE[f.status]}\0${f.path}\0` : `${CODE[f.status]}\0${f.from}\0${f.path}\0`))
        .join('');
      return `${header}\n${files}`;
    })
    .join('');
}

/** Every day from `first` to `last` (inclusive, `YYYY-MM-DD`), with its weekday (0 Sunday). */
export function eachDay(first: string, last: string): { readonly day: string; readonly weekday: number }[] {
  const days: { day: string; weekday: number }[] = [];
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  const end = instantOf(last, 'Z');
  for (let t = Date.UTC(y, m - 1, d); t <= end; t += MS_PER_DAY) {
    const date = new Date(t);
    days.push({ day: date.toISOString().slice(0, 10), weekday: date.getUTCDay() });
  }
  return days;
}
