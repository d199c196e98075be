/** A cache: the collator compareText makes on first use. */
let collator: Intl.Collator | undefined;

/**
 * Compares text for people (case and accents aside). One collator, far faster than localeCompare
 * per call, made on first use: creating it costs milliseconds that activation should not pay.
 */
export function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}

/** Compares `YYYY-MM-DD` days (plain text order is date order). */
export function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with object keys sorted, so two values compare equal whatever order their fields were set in. */
function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** True when two plain JSON values hold the same data. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
