import { formatDay, type DateKey } from './dates';
import { describeFollowUp, validateStoredDelegation, type Delegation } from './delegation';
import { levelLabel } from './delegationLevels';
import { summarisePeople } from './people';

/** The JSON export: the full records, versioned so a later version can read it back. */
export const EXPORT_FORMAT = 'tech-lead-coach/delegations';
export const EXPORT_VERSION = 1;
/** Limits that keep a wrong or hostile file from freezing the editor. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_RECORDS = 50_000;

export interface DelegationExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly exportedOn: DateKey;
  readonly delegations: readonly Delegation[];
}

export function toExportJson(delegations: readonly Delegation[], today: DateKey): string {
  const data: DelegationExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedOn: today, delegations };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Records this version could not read (kept aside, or saved by a newer version), written in the
 * import format so that, once repaired or opened by that newer version, Import reads them back.
 * `problems` says what was wrong with each; Import ignores it.
 */
export function toRescueJson(records: readonly unknown[], problems: readonly string[], today: DateKey): string {
  const data = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedOn: today, problems, delegations: records };
  return `${JSON.stringify(data, null, 2)}\n`;
}

const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(['format', 'version', 'exportedOn', 'problems', 'delegations']);

/** Table cells: one line, pipes escaped, nothing that could become markup. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\|*_`<>[\]]/g, (c) => `\\${c}`)
    .trim();
}

/** A readable report: one table per person, open work first. */
export function toMarkdown(delegations: readonly Delegation[], today: DateKey): string {
  const lines = [`# Delegations`, '', `Exported ${formatDay(today, today)} ${today.slice(0, 4)} from Tech Lead Coach.`, ''];
  if (delegations.length === 0) {
    lines.push('Nothing delegated yet.', '');
  }
  for (const person of summarisePeople(delegations, today)) {
    lines.push(`## ${cell(person.person)}`, '', `${person.active} active, ${person.overdue} overdue, ${person.done} done.`, '');
    lines.push('| Task | Level | Follow-up | Status | Note |', '|---|---|---|---|---|');
    for (const d of person.delegations) {
      const status = d.doneOn !== undefined ? 'done' : describeFollowUp(d, today);
      lines.push(`| ${cell(d.task)} | ${levelLabel(d.level)} | ${d.followUpOn} | ${status} | ${cell(d.note ?? '')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export type ImportParse = { readonly ok: true; readonly delegations: Delegation[] } | { readonly ok: false; readonly error: string };

/**
 * Reads an export file. All or nothing: any problem (not JSON, wrong format or version, a record
 * that fails validation, duplicate ids, absurd sizes) rejects the whole file with a clear reason.
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
    return { ok: false, error: `The file is not a Tech Lead Coach delegation export (expected "format": "${EXPORT_FORMAT}").` };
  }
  const data = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(data).filter((key) => !TOP_LEVEL_KEYS.has(key));
  if (data['version'] === EXPORT_VERSION && unknownKeys.length > 0) {
    return { ok: false, error: `The file has fields this version does not know (${unknownKeys.slice(0, 3).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}). Nothing was imported.` };
  }
  if (data['version'] !== EXPORT_VERSION) {
    return {
      ok: false,
      error: typeof data['version'] === 'number' && data['version'] > EXPORT_VERSION ? `The file was exported by a newer version of Tech Lead Coach (version ${data['version']}). Update the extension to import it.` : 'The file has an unknown export version.',
    };
  }
  const list = data['delegations'];
  if (!Array.isArray(list)) {
    return { ok: false, error: 'The file has no "delegations" list.' };
  }
  if (list.length > IMPORT_MAX_RECORDS) {
    return { ok: false, error: `The file has ${list.length} delegations; the limit is ${IMPORT_MAX_RECORDS}.` };
  }
  const delegations: Delegation[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  list.forEach((record: unknown, index) => {
    const result = validateStoredDelegation(record, today);
    if (!result.ok) {
      problems.push(`#${index + 1}: ${result.error}`);
    } else if (ids.has(result.value.id)) {
      problems.push(`#${index + 1}: duplicate id`);
    } else {
      ids.add(result.value.id);
      delegations.push(result.value);
    }
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ');
    return { ok: false, error: `${problems.length} of ${list.length} delegations in the file are not valid (${shown}${problems.length > 3 ? '; …' : ''}). Nothing was imported.` };
  }
  return { ok: true, delegations };
}
