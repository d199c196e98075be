/**
 * The links the lead made between commit identities and people, and the identities they chose to
 * ignore, as workspace state keeps them (never in the team's data: they are not exported or synced).
 * Read back strictly: anything that is not an identity key under a person id is dropped.
 *
 * Plain TypeScript with no VS Code dependency.
 */
import type { IdentityKey } from './history';
import type { IdentityLinks } from './identities';

export interface SignalLinks {
  /** Person id → identity keys. */
  readonly links: IdentityLinks;
  /** Identities the lead said are nobody in the Team (not asked about again). */
  readonly ignored: readonly IdentityKey[];
}

export const NO_LINKS: SignalLinks = { links: {}, ignored: [] };

/** The most identities kept per person, and ignored in all. */
const MAX_KEYS = 200;
const MAX_KEY_LENGTH = 600;

const isKey = (value: unknown): value is IdentityKey =>
  typeof value === 'string' && value.length > 3 && value.length <= MAX_KEY_LENGTH && /^[^<>]* <[^<>]*>$/.test(value);

function keys(raw: unknown): IdentityKey[] {
  return Array.isArray(raw) ? [...new Set(raw.filter(isKey))].slice(0, MAX_KEYS) : [];
}

export function readSignalLinks(raw: unknown): SignalLinks | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return undefined;
  }
  const { links, ignored } = raw as { links?: unknown; ignored?: unknown };
  const read: Record<string, IdentityKey[]> = {};
  if (typeof links === 'object' && links !== null && !Array.isArray(links)) {
    for (const [personId, value] of Object.entries(links as Record<string, unknown>)) {
      const list = keys(value);
      if (personId.length > 0 && personId.length <= 100 && list.length > 0) {
        read[personId] = list;
      }
    }
  }
  return { links: read, ignored: keys(ignored) };
}

/** Links with `identity` given to `personId` (taken from whoever had it), or to nobody (`undefined`). */
export function linkIdentity(current: SignalLinks, identity: IdentityKey, personId: string | undefined): SignalLinks {
  const links: Record<string, IdentityKey[]> = {};
  for (const [id, list] of Object.entries(current.links)) {
    const kept = list.filter((k) => k !== identity);
    if (kept.length > 0) {
      links[id] = kept;
    }
  }
  if (personId !== undefined) {
    links[personId] = [...(links[personId] ?? []), identity];
  }
  return { links, ignored: current.ignored.filter((k) => k !== identity) };
}

/** Links with `identity` ignored (and linked to nobody). */
export function ignoreIdentity(current: SignalLinks, identity: IdentityKey): SignalLinks {
  const unlinked = linkIdentity(current, identity, undefined);
  return { links: unlinked.links, ignored: [...unlinked.ignored, identity] };
}

/**
 * The authors the lead was told about (the notification that authors are not linked yet), kept
 * apart from the links: "Skip for now" in the linking step, or closing the notification, means the
 * author is not announced again in another window or after a reload; the linking step still asks.
 * Read back strictly, as the links are.
 */
export function readAnnounced(raw: unknown): IdentityKey[] | undefined {
  return Array.isArray(raw) ? keys(raw) : undefined;
}

/** Of the authors nobody linked or ignored, those the lead was not told about yet. */
export function toAnnounce(unlinked: readonly IdentityKey[], announced: readonly IdentityKey[]): IdentityKey[] {
  const told = new Set(announced);
  return unlinked.filter((key) => !told.has(key));
}

/** `announced` with `more` added; the most recent {@link MAX_KEYS} kept. */
export function withAnnounced(announced: readonly IdentityKey[], more: readonly IdentityKey[]): IdentityKey[] {
  const added = new Set(more);
  return [...announced.filter((key) => !added.has(key)), ...added].slice(-MAX_KEYS);
}
