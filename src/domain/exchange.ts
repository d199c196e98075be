import { formatDay, type DateKey } from './dates';
import { compareDays, compareText, describeFollowUp, validateStoredDelegationV1, type DelegationV1 } from './delegation';
import { levelLabel } from './delegationLevels';
import { summarisePeople } from './people';
import { describeLastOneOnOne, describeMood, describeNextOneOnOne, lastOneOnOne, TOPIC_LABELS } from './team';
import { COLLECTIONS, readTeamLists, type TeamData } from './teamData';

/** The JSON export: the full records, versioned so a later version can read it back. */
export const EXPORT_FORMAT = 'tech-lead-coach/delegations';
/** Version 2 carries the team (people, delegations, 1:1s, feedback); version 1 files (release 0.1) still import. */
export const EXPORT_VERSION = 2;
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

/** The data with 1:1 notes removed, unless they may leave the editor. */
function withNotes(data: TeamData, includeNotes: boolean): TeamData {
  return includeNotes ? data : { ...data, oneOnOnes: data.oneOnOnes.map(({ notes: _notes, ...rest }) => rest) };
}

export function toExportJson(data: TeamData, today: DateKey, options: { readonly includeNotes: boolean }): string {
  const shown = withNotes(data, options.includeNotes);
  const file: TeamExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedOn: today,
    privateNotes: options.includeNotes ? 'included' : 'left out',
    people: shown.people,
    delegations: shown.delegations,
    oneOnOnes: shown.oneOnOnes,
    feedback: shown.feedback,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Records this version could not read (kept aside, or saved by a newer version), written in the
 * version-1 import format so that, once repaired or opened by that newer version, Import reads
 * them back. `problems` says what was wrong with each; Import ignores it.
 */
export function toRescueJson(records: readonly unknown[], problems: readonly string[], today: DateKey): string {
  const data = { format: EXPORT_FORMAT, version: LEGACY_EXPORT_VERSION, exportedOn: today, problems, delegations: records };
  return `${JSON.stringify(data, null, 2)}\n`;
}

const TOP_LEVEL_KEYS: Readonly<Record<number, ReadonlySet<string>>> = {
  [LEGACY_EXPORT_VERSION]: new Set(['format', 'version', 'exportedOn', 'problems', 'delegations']),
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
  const lines = [`# Team`, '', `Exported ${formatDay(today, today)} ${today.slice(0, 4)} from Tech Lead Coach.${options.includeNotes ? '' : ' Private 1:1 notes are left out (setting techLead.export.includePrivateNotes).'}`, ''];
  if (data.people.length === 0) {
    lines.push('Nobody is in the team yet.', '');
  }
  const nameOf = (id: string): string => data.people.find((p) => p.id === id)?.name ?? id;
  const summaries = new Map(summarisePeople(data.delegations, today, nameOf).map((s) => [s.personId, s]));
  const people = [...data.people].sort((a, b) => Number(a.archived === true) - Number(b.archived === true) || compareText(a.name, b.name));
  for (const person of people) {
    const last = lastOneOnOne(data.oneOnOnes, person.id);
    lines.push(`## ${cell(person.name)}${person.archived ? ' (archived)' : ''}`, '');
    if (person.role) {
      lines.push(`${cell(person.role)}.`, '');
    }
    lines.push(person.archived ? `${describeLastOneOnOne(last, today)}.` : `${describeLastOneOnOne(last, today)}; ${describeNextOneOnOne(person, last, today)} (every ${person.cadenceDays} days).`, '');
    const meetings = data.oneOnOnes.filter((m) => m.personId === person.id).sort((a, b) => compareDays(b.on, a.on));
    if (meetings.length > 0) {
      lines.push('### 1:1s', '', `| Day | How they were | Came up |${options.includeNotes ? ' Notes |' : ''}`, `|---|---|---|${options.includeNotes ? '---|' : ''}`);
      for (const m of meetings) {
        const notes = options.includeNotes ? ` ${cell(m.notes ?? '')} |` : '';
        lines.push(`| ${m.on} | ${m.mood === undefined ? '' : describeMood(m.mood)} | ${m.topics.map((t) => TOPIC_LABELS[t]).join(', ')} |${notes}`);
      }
      lines.push('');
    }
    const feedback = data.feedback.filter((f) => f.personId === person.id).sort((a, b) => compareDays(b.on, a.on));
    if (feedback.length > 0) {
      lines.push('### Feedback', '');
      for (const f of feedback) {
        lines.push(
          f.kind === 'given'
            ? `- ${f.on}, given. Situation: ${cell(f.situation)}. Behaviour: ${cell(f.behaviour)}. Impact: ${cell(f.impact)}.`
            : `- ${f.on}, asked. They said: ${cell(f.said)}. I will change: ${cell(f.change)}.`,
        );
      }
      lines.push('');
    }
    const summary = summaries.get(person.id);
    if (summary) {
      lines.push('### Delegations', '', `${summary.active} active, ${summary.overdue} overdue, ${summary.done} done.`, '');
      lines.push('| Task | Level | Follow-up | Status | Note |', '|---|---|---|---|---|');
      for (const d of summary.delegations) {
        const status = d.doneOn !== undefined ? 'done' : describeFollowUp(d, today);
        lines.push(`| ${cell(d.task)} | ${levelLabel(d.level)} | ${d.followUpOn} | ${status} | ${cell(d.note ?? '')} |`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

export type ImportParse =
  /** A release 0.1 file: delegations naming their person. */
  | { readonly ok: true; readonly version: 1; readonly delegations: DelegationV1[] }
  | { readonly ok: true; readonly version: 2; readonly data: TeamData; readonly notesLeftOut: boolean }
  | { readonly ok: false; readonly error: string };

function tooMany(problems: readonly string[], total: number, what: string): string {
  const shown = problems.slice(0, 3).join('; ');
  return `${problems.length} of ${total} ${what} in the file are not valid (${shown}${problems.length > 3 ? '; …' : ''}). Nothing was imported.`;
}

/**
 * Reads an export file, version 2 or 1. All or nothing: any problem (not JSON, wrong format or
 * version, a record that fails validation, duplicate ids, a record about someone not in the file,
 * absurd sizes) rejects the whole file with a clear reason.
 */
export function parseImport(text: string, today: DateKey): ImportParse {
  if (text.length > IMPORT_MAX_BYTES) {
    return { ok: false, error: `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; a Tech Lead Coach export is far smaller.` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: `The file is not a Tech Lead Coach export (expected "format": "${EXPORT_FORMAT}").` };
  }
  const data = raw as Record<string, unknown>;
  const version = data['version'];
  if (version !== EXPORT_VERSION && version !== LEGACY_EXPORT_VERSION) {
    return {
      ok: false,
      error: typeof version === 'number' && version > EXPORT_VERSION ? `The file was exported by a newer version of Tech Lead Coach (version ${version}). Update the extension to import it.` : 'The file has an unknown export version.',
    };
  }
  const known = TOP_LEVEL_KEYS[version] as ReadonlySet<string>;
  const unknownKeys = Object.keys(data).filter((key) => !known.has(key));
  if (unknownKeys.length > 0) {
    return { ok: false, error: `The file has fields this version does not know (${unknownKeys.slice(0, 3).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}). Nothing was imported.` };
  }
  const lists = version === LEGACY_EXPORT_VERSION ? (['delegations'] as const) : COLLECTIONS;
  let total = 0;
  for (const collection of lists) {
    const list = data[collection];
    if (list !== undefined && !Array.isArray(list)) {
      return { ok: false, error: `The file's "${collection}" is not a list.` };
    }
    total += Array.isArray(list) ? list.length : 0;
  }
  if (!Array.isArray(data['delegations']) && version === LEGACY_EXPORT_VERSION) {
    return { ok: false, error: 'The file has no "delegations" list.' };
  }
  if (total > IMPORT_MAX_RECORDS) {
    return { ok: false, error: `The file has ${total} records; the limit is ${IMPORT_MAX_RECORDS}.` };
  }
  if (version === LEGACY_EXPORT_VERSION) {
    const list = data['delegations'] as unknown[];
    const delegations: DelegationV1[] = [];
    const problems: string[] = [];
    const ids = new Set<string>();
    list.forEach((record: unknown, index) => {
      const result = validateStoredDelegationV1(record, today);
      if (!result.ok) {
        problems.push(`#${index + 1}: ${result.error}`);
      } else if (ids.has(result.value.id)) {
        problems.push(`#${index + 1}: duplicate id`);
      } else {
        ids.add(result.value.id);
        delegations.push(result.value);
      }
    });
    return problems.length > 0 ? { ok: false, error: tooMany(problems, list.length, 'delegations') } : { ok: true, version: 1, delegations };
  }
  const notes = data['privateNotes'];
  if (notes !== undefined && notes !== 'included' && notes !== 'left out') {
    return { ok: false, error: 'The file\'s "privateNotes" must be "included" or "left out".' };
  }
  const read = readTeamLists(data, today);
  if (read.problems.length > 0) {
    return { ok: false, error: tooMany(read.problems, total, 'records') };
  }
  return { ok: true, version: 2, data: read.data, notesLeftOut: notes === 'left out' };
}
