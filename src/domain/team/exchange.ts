import { formatDay, type DateKey } from '../core/dates';
import { describeFollowUp, validateStoredDelegationV1, type DelegationV1 } from './delegations';
import { compareDays, compareText } from '../core/compare';
import { levelLabel } from './delegationLevels';
import { summarisePeople } from './byPerson';
import { describeLastOneOnOne, describeMood, describeNextOneOnOne, lastOneOnOne, TOPIC_LABELS } from './oneOnOnes';
import { parseJson } from '../core/json';
import { NO_SLICES, type Slices } from '../core/slices';
import { COLLECTIONS, kindOf, type Collection, type TeamData, type TeamRecord } from './kinds';
import { describeMoment } from './moments';
import { readTeamLists } from './storage/read';
import * as l10n from '../core/l10n';

/** The JSON export: the full records, versioned so a later version can read it back. */
export const EXPORT_FORMAT = 'tech-lead-coach/delegations';
/**
 * Version 4 carries the team (people, delegations, 1:1s, feedback, moments), a delegation perhaps
 * pointing at code (its `code` field). Version 3 files (the same, without code links), version 2
 * files (the team without moments) and version 1 files (release 0.1: delegations naming their
 * person) still import, each by its own version's rules: a code link in a file of version 3 or 2
 * is a field that version did not have, and the file is refused as any with an unknown field.
 */
export const EXPORT_VERSION = 4;
const TEAM_WITHOUT_CODE_VERSION = 3;
const TEAM_WITHOUT_MOMENTS_VERSION = 2;
const LEGACY_EXPORT_VERSION = 1;
/** Limits that keep a wrong or hostile file from freezing the editor. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_RECORDS = 50_000;

export interface TeamExport extends TeamData {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly exportedOn: DateKey;
  /** Whether 1:1 notes are in the file (the `techLead.export.includePrivateNotes` setting). */
  readonly privateNotes: 'included' | 'left out';
}

export function toExportJson(data: TeamData, today: DateKey, options: { readonly includeNotes: boolean }): string {
  const lists = Object.fromEntries(
    COLLECTIONS.map((c) => [c, (data[c] as readonly TeamRecord[]).map((r) => kindOf(c).exported(r as never, options.includeNotes))]),
  ) as unknown as TeamData;
  const file: TeamExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedOn: today,
    privateNotes: options.includeNotes ? 'included' : 'left out',
    ...lists,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A record kept aside on load (or found unreadable), with why, as the store keeps it. */
export interface RescuedRecord {
  readonly raw: unknown;
  readonly reason: string;
}

/** The collection a kept-aside record belongs to, from the reason the reader gave it (`<singular>: …`, see storage/read.ts). */
const REASON_PREFIXES: readonly [string, Collection][] = COLLECTIONS.map((c) => [`${kindOf(c).singular}: `, c]);

function collectionOf(record: RescuedRecord): Collection | undefined {
  const raw = record.raw;
  if (typeof raw === 'object' && raw !== null && typeof (raw as { person?: unknown }).person === 'string') {
    return undefined; // release 0.1's shape: the person by name
  }
  return REASON_PREFIXES.find(([prefix]) => record.reason.startsWith(prefix))?.[1];
}

/**
 * Records this version could not read (kept aside, or saved by a newer version), written in an
 * import format so that, once repaired or opened by that newer version, Import reads them back.
 * `problems` says what was wrong with each (#1 is the first record in the file's lists, in order);
 * Import ignores it. People, 1:1s, feedback and this version's delegations go in a version-2 file,
 * 1:1 notes included (they are the lead's own, being put back); when there are none, release 0.1's
 * delegations go in a version-1 file, as that release wrote them. A record of neither kind is put
 * with the delegations, so nothing is left out: Import refuses it until it is repaired.
 */
export function toRescueJson(records: readonly RescuedRecord[], today: DateKey): string {
  const lists = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as unknown[]])) as unknown as Record<Collection, unknown[]>;
  const placed = records.map((record) => ({ record, collection: collectionOf(record) }));
  const ordered = [
    ...COLLECTIONS.flatMap((collection) => placed.filter((p) => p.collection === collection)),
    ...placed.filter((p) => p.collection === undefined),
  ];
  const problems = ordered.map(({ record }, i) => `#${i + 1}: ${record.reason}`);
  for (const { record, collection } of ordered) {
    lists[collection ?? 'delegations'].push(record.raw);
  }
  const teamRecords = placed.some((p) => p.collection !== undefined);
  const data = teamRecords
    ? { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedOn: today, privateNotes: 'included', problems, ...lists }
    : { format: EXPORT_FORMAT, version: LEGACY_EXPORT_VERSION, exportedOn: today, problems, delegations: lists.delegations };
  return `${JSON.stringify(data, null, 2)}\n`;
}

const TOP_LEVEL_KEYS: Readonly<Record<number, ReadonlySet<string>>> = {
  [LEGACY_EXPORT_VERSION]: new Set(['format', 'version', 'exportedOn', 'problems', 'delegations']),
  [TEAM_WITHOUT_MOMENTS_VERSION]: new Set([
    'format',
    'version',
    'exportedOn',
    'privateNotes',
    'problems',
    'people',
    'delegations',
    'oneOnOnes',
    'feedback',
  ]),
  [TEAM_WITHOUT_CODE_VERSION]: new Set(['format', 'version', 'exportedOn', 'privateNotes', 'problems', ...COLLECTIONS]),
  [EXPORT_VERSION]: new Set(['format', 'version', 'exportedOn', 'privateNotes', 'problems', ...COLLECTIONS]),
};

/** Table cells: one line, pipes escaped, nothing that could become markup. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\|*_`<>[\]]/g, (c) => `\\${c}`)
    .trim();
}

/** A readable report: a section per person (their 1:1s, feedback and delegations), open work first. */
export function toMarkdown(data: TeamData, today: DateKey, options: { readonly includeNotes: boolean }): string {
  const exported = options.includeNotes
    ? l10n.t('Exported {0} {1} from Tech Lead Coach.', formatDay(today, today), today.slice(0, 4))
    : l10n.t(
        'Exported {0} {1} from Tech Lead Coach. Private 1:1 notes are left out (setting techLead.export.includePrivateNotes).',
        formatDay(today, today),
        today.slice(0, 4),
      );
  const lines = [`# ${l10n.t('Team')}`, '', exported, ''];
  if (data.people.length === 0) {
    lines.push(l10n.t('Nobody is in the team yet.'), '');
  }
  const nameOf = (id: string): string => data.people.find((p) => p.id === id)?.name ?? id;
  const summaries = new Map(summarisePeople(data.delegations, today, nameOf).map((s) => [s.personId, s]));
  const people = [...data.people].sort((a, b) => Number(a.archived === true) - Number(b.archived === true) || compareText(a.name, b.name));
  for (const person of people) {
    const last = lastOneOnOne(data.oneOnOnes, person.id);
    lines.push(`## ${person.archived ? l10n.t('{0} (archived)', cell(person.name)) : cell(person.name)}`, '');
    if (person.role) {
      lines.push(`${cell(person.role)}.`, '');
    }
    lines.push(
      person.archived
        ? l10n.t('{0}.', describeLastOneOnOne(last, today))
        : l10n.t(
            '{0}; {1} (every {2} days).',
            describeLastOneOnOne(last, today),
            describeNextOneOnOne(person, last, today),
            person.cadenceDays,
          ),
      '',
    );
    const meetings = data.oneOnOnes.filter((m) => m.personId === person.id).sort((a, b) => compareDays(b.on, a.on));
    if (meetings.length > 0) {
      const header = [l10n.t('Day'), l10n.t('How they were'), l10n.t('Came up'), ...(options.includeNotes ? [l10n.t('Notes')] : [])];
      lines.push(`### ${l10n.t('1:1s')}`, '', `| ${header.join(' | ')} |`, `|${header.map(() => '---|').join('')}`);
      for (const m of meetings) {
        const notes = options.includeNotes ? ` ${cell(m.notes ?? '')} |` : '';
        lines.push(
          `| ${m.on} | ${m.mood === undefined ? '' : describeMood(m.mood)} | ${m.topics.map((t) => TOPIC_LABELS[t]).join(', ')} |${notes}`,
        );
      }
      lines.push('');
    }
    const feedback = data.feedback.filter((f) => f.personId === person.id).sort((a, b) => compareDays(b.on, a.on));
    if (feedback.length > 0) {
      lines.push(`### ${l10n.t('Feedback')}`, '');
      for (const f of feedback) {
        lines.push(
          f.kind === 'given'
            ? `- ${l10n.t('{0}, given. Situation: {1}. Behavior: {2}. Impact: {3}.', f.on, cell(f.situation), cell(f.behaviour), cell(f.impact))}`
            : `- ${l10n.t('{0}, asked. They said: {1}. I will change: {2}.', f.on, cell(f.said), cell(f.change))}`,
        );
      }
      lines.push('');
    }
    const moments = data.moments.filter((m) => m.personId === person.id).sort((a, b) => compareDays(b.on, a.on));
    if (moments.length > 0) {
      lines.push(`### ${l10n.t('Moments')}`, '', ...moments.map((m) => `- ${m.on}: ${cell(describeMoment(m, nameOf))}`), '');
    }
    const summary = summaries.get(person.id);
    if (summary) {
      lines.push(
        `### ${l10n.t('Delegations')}`,
        '',
        l10n.t('{0} active, {1} overdue, {2} done.', summary.active, summary.overdue, summary.done),
        '',
      );
      lines.push(
        `| ${[l10n.t('Task'), l10n.t('Level'), l10n.t('Follow-up'), l10n.t('Status'), l10n.t('Note')].join(' | ')} |`,
        '|---|---|---|---|---|',
      );
      for (const d of summary.delegations) {
        const status = d.doneOn !== undefined ? l10n.t('done') : describeFollowUp(d, today);
        lines.push(`| ${cell(d.task)} | ${levelLabel(d.level)} | ${d.followUpOn} | ${status} | ${cell(d.note ?? '')} |`);
      }
      lines.push('');
    }
  }
  const withTeam = data.moments.filter((m) => m.personId === undefined).sort((a, b) => compareDays(b.on, a.on));
  if (withTeam.length > 0) {
    lines.push(`## ${l10n.t('With the team')}`, '', ...withTeam.map((m) => `- ${m.on}: ${cell(describeMoment(m, nameOf))}`), '');
  }
  return lines.join('\n');
}

export type ImportParse =
  /** A release 0.1 file: delegations naming their person. */
  | { readonly ok: true; readonly version: 1; readonly delegations: DelegationV1[] }
  /** A team file: version 4, 3 (without code links) or 2 (without moments either). */
  | { readonly ok: true; readonly version: 2 | 3 | 4; readonly data: TeamData; readonly notesLeftOut: boolean }
  | { readonly ok: false; readonly error: string };

function tooMany(problems: readonly string[], total: number, what: 'delegations' | 'records'): string {
  const shown = `${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`;
  return what === 'delegations'
    ? l10n.t('{0} of {1} delegations in the file are not valid ({2}). Nothing was imported.', problems.length, total, shown)
    : l10n.t('{0} of {1} records in the file are not valid ({2}). Nothing was imported.', problems.length, total, shown);
}

/**
 * Reads an export file, version 4, 3, 2 or 1. All or nothing: any problem (not JSON, wrong format or
 * version, a record that fails validation, duplicate ids, a record about someone not in the file,
 * absurd sizes) rejects the whole file with a clear reason.
 */
export async function parseImport(
  text: string,
  today: DateKey,
  slices: Pick<Slices, 'due' | 'maybeYield'> = NO_SLICES,
): Promise<ImportParse> {
  if (text.length > IMPORT_MAX_BYTES) {
    return {
      ok: false,
      error: l10n.t('The file is larger than {0} MB; a Tech Lead Coach export is far smaller.', IMPORT_MAX_BYTES / 1024 / 1024),
    };
  }
  let raw: unknown;
  try {
    raw = await parseJson(text, slices);
  } catch (error) {
    return { ok: false, error: l10n.t('The file is not valid JSON ({0}).', error instanceof Error ? error.message : String(error)) };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: l10n.t('The file is not a Tech Lead Coach export (expected "format": "{0}").', EXPORT_FORMAT) };
  }
  const data = raw as Record<string, unknown>;
  const version = data['version'];
  if (
    version !== EXPORT_VERSION &&
    version !== TEAM_WITHOUT_CODE_VERSION &&
    version !== TEAM_WITHOUT_MOMENTS_VERSION &&
    version !== LEGACY_EXPORT_VERSION
  ) {
    return {
      ok: false,
      error:
        typeof version === 'number' && version > EXPORT_VERSION
          ? l10n.t('The file was exported by a newer version of Tech Lead Coach (version {0}). Update the extension to import it.', version)
          : l10n.t('The file has an unknown export version.'),
    };
  }
  const known = TOP_LEVEL_KEYS[version] as ReadonlySet<string>;
  const unknownKeys = Object.keys(data).filter((key) => !known.has(key));
  if (unknownKeys.length > 0) {
    return {
      ok: false,
      error: l10n.t(
        'The file has fields this version does not know ({0}). Nothing was imported.',
        unknownKeys
          .slice(0, 3)
          .map((k) => JSON.stringify(k.slice(0, 40)))
          .join(', '),
      ),
    };
  }
  const lists = version === LEGACY_EXPORT_VERSION ? (['delegations'] as const) : COLLECTIONS;
  let total = 0;
  for (const collection of lists) {
    const list = data[collection];
    if (list !== undefined && !Array.isArray(list)) {
      return { ok: false, error: l10n.t('The file\'s "{0}" is not a list.', collection) };
    }
    total += Array.isArray(list) ? list.length : 0;
  }
  if (!Array.isArray(data['delegations']) && version === LEGACY_EXPORT_VERSION) {
    return { ok: false, error: l10n.t('The file has no "delegations" list.') };
  }
  if (total > IMPORT_MAX_RECORDS) {
    return { ok: false, error: l10n.t('The file has {0} records; the limit is {1}.', total, IMPORT_MAX_RECORDS) };
  }
  if (version === LEGACY_EXPORT_VERSION) {
    const list = data['delegations'] as unknown[];
    const delegations: DelegationV1[] = [];
    const problems: string[] = [];
    const ids = new Set<string>();
    list.forEach((record: unknown, index) => {
      const result = validateStoredDelegationV1(record, today);
      if (!result.ok) {
        problems.push(l10n.t('#{0}: {1}', index + 1, result.error));
      } else if (ids.has(result.value.id)) {
        problems.push(l10n.t('#{0}: duplicate id', index + 1));
      } else {
        ids.add(result.value.id);
        delegations.push(result.value);
      }
    });
    return problems.length > 0
      ? { ok: false, error: tooMany(problems, list.length, 'delegations') }
      : { ok: true, version: 1, delegations };
  }
  const notes = data['privateNotes'];
  if (notes !== undefined && notes !== 'included' && notes !== 'left out') {
    return { ok: false, error: l10n.t('The file\'s "privateNotes" must be "included" or "left out".') };
  }
  const before = version < EXPORT_VERSION ? codeLinksIn(data['delegations']) : [];
  if (before.length > 0) {
    return { ok: false, error: tooMany(before, total, 'records') };
  }
  const read = await readTeamLists(data, today, slices);
  if (read.problems.length > 0) {
    return { ok: false, error: tooMany(read.problems, total, 'records') };
  }
  return { ok: true, version, data: read.data, notesLeftOut: notes === 'left out' };
}

/**
 * The delegations of a file of version 3 or 2 that point at code, which those versions could not:
 * a `code` field, or a history event of an edit of it. One problem each, worded as readTeamLists
 * words a record's problems, for a file refused whole.
 */
function codeLinksIn(list: unknown): string[] {
  if (!Array.isArray(list)) {
    return [];
  }
  const problems: string[] = [];
  (list as unknown[]).forEach((raw, index) => {
    const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    if (record === undefined) {
      return;
    }
    const history = record['history'];
    const editsCode =
      Array.isArray(history) &&
      (history as unknown[]).some(
        (e) =>
          typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'edited' && (e as { field?: unknown }).field === 'code',
      );
    if (Object.hasOwn(record, 'code')) {
      problems.push(l10n.t('{0} #{1}: {2}', 'delegations', index + 1, l10n.t('unknown field {0}', JSON.stringify('code'))));
    } else if (editsCode) {
      problems.push(l10n.t('{0} #{1}: {2}', 'delegations', index + 1, l10n.t('invalid history')));
    }
  });
  return problems;
}
