/** The readable table and the closing JSON line. */
import type { Machine } from './machine';

export interface Row {
  key: string;
  value: number | null;
  unit: 'bytes' | 'ms' | 'ratio' | 'MB' | 'words';
  /** Upper bound the issue sets, if any. */
  goal?: number;
  /** Samples, spread, what was measured. */
  detail?: string;
  /** Why the value is null (or a caveat). */
  why?: string;
}

const DIGITS: Record<Row['unit'], number> = { bytes: 0, ms: 1, ratio: 2, MB: 1, words: 0 };

/** The value as it goes into the JSON line. */
export function jsonValue(row: Row): number | null {
  if (row.value === null || !Number.isFinite(row.value)) return null;
  const digits = row.key === 'renderMsMedian' ? 3 : DIGITS[row.unit];
  const f = 10 ** digits;
  return Math.round(row.value * f) / f;
}

function show(row: Row): string {
  const v = jsonValue(row);
  if (v === null) return 'null';
  const digits = row.key === 'renderMsMedian' ? 3 : DIGITS[row.unit];
  const text = v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return row.unit === 'ratio' ? `${text}×` : `${text} ${row.unit}`;
}

function status(row: Row): string {
  if (row.goal === undefined) return row.value === null ? 'NOT MEASURED' : 'reported';
  if (row.value === null) return 'NOT MEASURED';
  return row.value <= row.goal ? 'met' : 'MISSED';
}

function goalText(row: Row): string {
  if (row.goal === undefined) return '—';
  return row.unit === 'ratio' ? `≤ ${row.goal}×` : `≤ ${row.goal.toLocaleString('en-US')} ${row.unit}`;
}

export function renderTable(machine: Machine, rows: Row[], notes: string[], runSeconds: number): string {
  const head = ['metric', 'value', 'goal', 'status', 'detail'];
  const body = rows.map((r) => [r.key, show(r), goalText(r), status(r), r.detail ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  widths[4] = Math.min(widths[4] ?? 0, 70);
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  out.push('');
  out.push(`Tech Lead Coach benchmark, ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC, ${runSeconds.toFixed(0)} s`);
  out.push(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGB} GB RAM; ${machine.os}`);
  out.push(`node ${machine.node}; ${machine.vscode}`);
  if (machine.activity !== undefined) out.push(machine.activity);
  out.push('');
  out.push(line(head));
  out.push(line(widths.map((w) => '-'.repeat(w))));
  for (const cells of body) out.push(line(cells));
  // One line per distinct reason, naming every metric it applies to.
  const byWhy = new Map<string, Row[]>();
  for (const r of rows) if (r.why !== undefined) byWhy.set(r.why, [...(byWhy.get(r.why) ?? []), r]);
  if (byWhy.size > 0) {
    out.push('');
    out.push('not measured / caveats:');
    for (const [why, group] of byWhy) {
      const nulls = group.filter((r) => r.value === null).map((r) => r.key);
      const others = group.filter((r) => r.value !== null).map((r) => r.key);
      const names = [
        ...(nulls.length ? [`${nulls.join(', ')} = null`] : []),
        ...(others.length ? [`${others.join(', ')} (caveat)`] : []),
      ].join('; ');
      out.push(`  ${names}:`);
      out.push(`    ${why}`);
    }
  }
  if (notes.length > 0) {
    out.push('');
    out.push('notes:');
    for (const n of notes) out.push(`  ${n}`);
  }
  out.push('');
  return out.join('\n');
}

export function jsonLine(rows: Row[], keys: readonly string[]): string {
  const obj: Record<string, number | null> = {};
  for (const key of keys) {
    const row = rows.find((r) => r.key === key);
    obj[key] = row ? jsonValue(row) : null;
  }
  return JSON.stringify(obj);
}
