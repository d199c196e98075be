/**
 * Reading the repository's history: the exact `git log` command the extension runs, and the
 * streaming parser its output is fed to, chunk by chunk, as it arrives.
 *
 * The format, one record per commit:
 *
 *     RS hash US parents US author-name US author-email US author-date US trailers US subject US NUL
 *     [LF status NUL path NUL [path NUL] …]
 *
 * where RS is %x1e, US is %x1f and the trailers are separated by %x1d. The fields:
 * - `%H`, `%P`: the commit and its parents (two or more parents: a merge);
 * - `%aN`, `%aE`: the author's name and email *as .mailmap maps them* (git applies the repository's
 *   .mailmap itself, so aliases arrive merged);
 * - `%aI`: the author date in strict ISO 8601 with the author's own offset (`2026-03-29T23:10:00+02:00`).
 *   The author date, not the committer date: a rebase, a squash or a cherry-pick rewrites the
 *   committer date but keeps when the author did the work;
 * - `%(trailers:key=Reviewed-by,key=Co-authored-by,…)`: the two trailers the signals use (the lead's
 *   reviews, pairing), unfolded, each `Key: value`;
 * - `%s`: the subject, last, so a subject that somehow holds a US is still read whole.
 *
 * The files come from `--name-status -M -z`: `-z` writes every path raw and NUL-terminated, so no
 * path needs unquoting (without it git C-quotes names with spaces, tabs or non-ASCII bytes unless
 * core.quotePath is off), and a name can hold anything but NUL. `--name-status` rather than
 * `--numstat`: the signals count changes (commits touching a file or folder, as code-maat's
 * "revisions" do), not lines, which would let one generated or reformatted file outweigh months of
 * work, and the status says what a rename is. `-M` turns a delete plus an add into one rename
 * (`R<score> NUL old NUL new`), so the follow-through can follow a file in or out of a folder; it is
 * explicit because `diff.renames` may be switched off in the user's config. Merge commits list no
 * files (git log shows no diff for a merge unless asked with -m), so a branch's changes are counted
 * once, on the commits that made them.
 *
 * Reading tokens off NUL is unambiguous: after a status git writes exactly one path (two for a
 * rename or a copy), and every record starts with RS, so a path is never taken for a status or a
 * record even if it contains RS or US. A header that does not read (a field that holds one of the
 * separators, or a date that is not ISO 8601) is skipped and counted in {@link GitLogParser.skipped}.
 *
 * Plain TypeScript with no VS Code or Node dependency: the VS Code side runs git and feeds stdout.
 */
import * as l10n from '../core/l10n';

/** The format of each commit's header; see the module comment. */
export const COMMIT_FORMAT =
  '%x1e%H%x1f%P%x1f%aN%x1f%aE%x1f%aI%x1f%(trailers:key=Reviewed-by,key=Co-authored-by,unfold,separator=%x1d)%x1f%s%x1f';

/** Which commits to read. */
export interface LogRange {
  /** Only commits committed at or after this instant (ms since the epoch): git's `--since`. */
  readonly sinceMs?: number;
  /**
   * An incremental read: only the commits reachable from {@link to} and not from this commit (the
   * head read last time), `<from>..<to>`. A full 40- or 64-digit hash, or a ref for a branch read.
   */
  readonly from?: string;
  /** The tip to read from: `HEAD` unless given (a branch, for a delegation linked to one). */
  readonly to?: string;
}

/**
 * The arguments after `git` for one read. Every option that a user's config could change is set:
 * no colour, no external diff, no signature check output, no textconv, renames on, UTF-8 out, a
 * format of our own (so log.* settings and pretty aliases do not apply).
 *
 * `--since` compares the committer date (git's own limit); the signals then window by the author
 * date, so a commit rebased recently but written earlier is read and placed when it was written.
 */
export function gitLogArgs(range: LogRange = {}): string[] {
  const to = range.to ?? 'HEAD';
  if (!isSafeRevision(to) || (range.from !== undefined && !isSafeRevision(range.from))) {
    throw new RangeError(
      l10n.t(
        'Cannot read the history of "{0}": it is not a commit or a branch name.',
        range.from !== undefined && !isSafeRevision(range.from) ? range.from : to,
      ),
    );
  }
  const args = [
    'log',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-show-signature',
    '--encoding=UTF-8',
    `--format=${COMMIT_FORMAT}`,
    '--name-status',
    '-M',
    '-z',
  ];
  if (range.sinceMs !== undefined) {
    args.push(`--since=${new Date(range.sinceMs).toISOString().replace(/\.\d{3}Z$/, 'Z')}`);
  }
  args.push(range.from === undefined ? to : `${range.from}..${to}`, '--');
  return args;
}

/** A hash or a ref name that git cannot read as an option or a range: no leading dash, no `..`, no spaces or control characters. */
export function isSafeRevision(revision: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_./@{}^~+-]*$/.test(revision) && !revision.includes('..') && revision.length <= 255;
}

/** What a commit did to one file. */
export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'typeChanged' | 'other';

export interface ChangedFile {
  readonly status: FileStatus;
  /** The path after the commit (for a deletion, the path deleted). */
  readonly path: string;
  /** For a rename or a copy: the path before. */
  readonly from?: string;
}

/** A person named in a trailer, as written (trailers are not mapped through .mailmap). */
export interface TrailerPerson {
  readonly name: string;
  readonly email: string;
}

export interface ParsedCommit {
  readonly hash: string;
  readonly parents: readonly string[];
  /** After .mailmap. */
  readonly authorName: string;
  /** After .mailmap, as written (compare case-insensitively). */
  readonly authorEmail: string;
  /** The author date as an instant, ms since the epoch (UTC). */
  readonly authoredAt: number;
  /** The author's own UTC offset at that moment, in minutes east of UTC (+120 for +02:00). */
  readonly offsetMinutes: number;
  readonly subject: string;
  readonly reviewedBy: readonly TrailerPerson[];
  readonly coAuthors: readonly TrailerPerson[];
  readonly files: readonly ChangedFile[];
}

const US = '\x1f';
const GS = '\x1d';
const NUL = '\0';

/** A commit whose files are still arriving. */
type Pending = ParsedCommit & { readonly files: ChangedFile[] };

const NONE: readonly TrailerPerson[] = Object.freeze([]);

/**
 * Turns `git log` output (with {@link gitLogArgs}) into commits, as it arrives. `feed` takes the
 * next piece of stdout (split anywhere: inside a field, a path, between a NUL and what follows)
 * and returns the commits it completed; `end` returns the last one. A commit is complete when the
 * next one starts (its first character has arrived), so a commit split across chunks is read
 * exactly as if it came in one piece.
 * The work per chunk is linear in its length (one scan for NULs), with no re-reading of earlier text.
 */
export class GitLogParser {
  /** Text after the last NUL seen: the start of a token still arriving. */
  private carry = '';
  private current: Pending | undefined;
  /** The status waiting for its paths, and the paths read so far. */
  private status: string | undefined;
  private firstPath: string | undefined;
  private skippedCount = 0;
  private ended = false;

  /** Records whose header could not be read. */
  get skipped(): number {
    return this.skippedCount;
  }

  feed(chunk: string): ParsedCommit[] {
    if (this.ended) {
      throw new Error(l10n.t('The history was fed to a reader that had already ended.'));
    }
    const out: ParsedCommit[] = [];
    const text = this.carry.length === 0 ? chunk : this.carry + chunk;
    let start = 0;
    for (let nul = text.indexOf(NUL); nul !== -1; nul = text.indexOf(NUL, start)) {
      this.token(text.slice(start, nul), out);
      start = nul + 1;
    }
    this.carry = start === 0 ? text : text.slice(start);
    if (this.status === undefined && this.carry.charCodeAt(0) === 0x1e) {
      // The next record has started, so the current one is complete.
      this.finish(out);
    }
    return out;
  }

  end(): ParsedCommit[] {
    if (this.ended) {
      return [];
    }
    const out: ParsedCommit[] = [];
    if (this.carry.length > 0) {
      // Output that does not end with a NUL (a record cut short): read what is there.
      this.token(this.carry, out);
      this.carry = '';
    }
    this.finish(out);
    this.ended = true;
    return out;
  }

  private token(token: string, out: ParsedCommit[]): void {
    if (this.status !== undefined) {
      this.path(token);
      return;
    }
    if (token.charCodeAt(0) === 0x1e) {
      this.finish(out);
      const commit = readHeader(token);
      if (commit === undefined) {
        this.skippedCount += 1;
      } else {
        this.current = commit;
      }
      return;
    }
    const status = token.charCodeAt(0) === 0x0a ? token.slice(1) : token;
    if (status.length > 0) {
      this.status = status;
    }
  }

  private path(path: string): void {
    const status = this.status ?? '';
    const code = status.charCodeAt(0);
    const twoPaths = code === 0x52 || code === 0x43; // R, C
    if (twoPaths && this.firstPath === undefined) {
      this.firstPath = path;
      return;
    }
    const file: ChangedFile = twoPaths
      ? { status: code === 0x52 ? 'renamed' : 'copied', path, from: this.firstPath ?? '' }
      : { status: statusOf(code), path };
    this.current?.files.push(file);
    this.status = undefined;
    this.firstPath = undefined;
  }

  private finish(out: ParsedCommit[]): void {
    if (this.current !== undefined) {
      out.push(this.current);
      this.current = undefined;
    }
    this.status = undefined;
    this.firstPath = undefined;
  }
}

function statusOf(code: number): FileStatus {
  switch (code) {
    case 0x41:
      return 'added';
    case 0x4d:
      return 'modified';
    case 0x44:
      return 'deleted';
    case 0x54:
      return 'typeChanged';
    default:
      return 'other';
  }
}

/** All of one `git log` output at once (tests, small reads). */
export function parseGitLog(text: string): ParsedCommit[] {
  const parser = new GitLogParser();
  return [...parser.feed(text), ...parser.end()];
}

const HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

function readHeader(token: string): Pending | undefined {
  const fields = token.slice(1).split(US);
  // hash, parents, name, email, date, trailers, subject…, '' (the closing US)
  if (fields.length < 8) {
    return undefined;
  }
  const [hash = '', parents = '', authorName = '', authorEmail = '', date = '', trailers = ''] = fields;
  const subject = fields.length === 8 ? (fields[6] ?? '') : fields.slice(6, -1).join(US);
  const when = parseIsoDate(date);
  if (!HASH.test(hash) || when === undefined) {
    return undefined;
  }
  let reviewedBy: TrailerPerson[] | undefined;
  let coAuthors: TrailerPerson[] | undefined;
  if (trailers.length > 0) {
    for (const line of trailers.split(GS)) {
      const colon = line.indexOf(':');
      const key = line.slice(0, colon).trim().toLowerCase();
      const person = parsePerson(line.slice(colon + 1));
      if (colon > 0 && person !== undefined) {
        if (key === 'reviewed-by') {
          (reviewedBy ??= []).push(person);
        } else if (key === 'co-authored-by') {
          (coAuthors ??= []).push(person);
        }
      }
    }
  }
  return {
    hash,
    parents: parents.length === 0 ? [] : parents.split(' '),
    authorName,
    authorEmail,
    authoredAt: when.instant,
    offsetMinutes: when.offsetMinutes,
    subject,
    reviewedBy: reviewedBy ?? NONE,
    coAuthors: coAuthors ?? NONE,
    files: [],
  };
}

/** `Name <email>`, `Name`, or `<email>` as a trailer value. */
export function parsePerson(value: string): TrailerPerson | undefined {
  const text = value.trim();
  const open = text.lastIndexOf('<');
  const close = text.lastIndexOf('>');
  if (open !== -1 && close > open) {
    return { name: text.slice(0, open).trim(), email: text.slice(open + 1, close).trim() };
  }
  return text.length === 0 ? undefined : { name: text, email: '' };
}

const digits = (s: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) {
      return NaN;
    }
    n = n * 10 + c;
  }
  return n;
};

/** Strict ISO 8601 as `%aI` writes it: `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z`). */
export function parseIsoDate(text: string): { readonly instant: number; readonly offsetMinutes: number } | undefined {
  if (text.length < 20 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') {
    return undefined;
  }
  const [y, mo, d, h, mi, s] = [
    digits(text, 0, 4),
    digits(text, 5, 2),
    digits(text, 8, 2),
    digits(text, 11, 2),
    digits(text, 14, 2),
    digits(text, 17, 2),
  ];
  let offsetMinutes = 0;
  if (text.length === 20 && text[19] === 'Z') {
    offsetMinutes = 0;
  } else if (text.length === 25 && (text[19] === '+' || text[19] === '-') && text[22] === ':') {
    offsetMinutes = (text[19] === '-' ? -1 : 1) * (digits(text, 20, 2) * 60 + digits(text, 23, 2));
  } else {
    return undefined;
  }
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  if (!Number.isFinite(local) || !Number.isFinite(offsetMinutes) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) {
    return undefined;
  }
  return { instant: local - offsetMinutes * 60_000, offsetMinutes };
}
