/**
 * The first check of every message a page sends (see the protocols beside this file): a plain
 * object with a string `type`, and its keys, sorted and joined, for the exact-shape checks.
 */
export interface PageMessage {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly type: string;
  /** The message's keys, sorted, joined with commas: `'delegationId,type'`. */
  readonly keys: string;
}

export function readPageMessage(message: unknown): PageMessage | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return undefined;
  }
  const fields = message as Record<string, unknown>;
  const type = fields['type'];
  return typeof type === 'string' ? { fields, type, keys: Object.keys(fields).sort().join(',') } : undefined;
}

/** A message that is its type alone, one of `types`. */
export function isBareMessage(message: PageMessage, types: ReadonlySet<string>): boolean {
  return types.has(message.type) && message.keys === 'type';
}
