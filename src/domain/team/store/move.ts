import { StoreRefusal } from './change';
import { sameValue } from '../../core/compare';
import { COLLECTIONS, type TeamRecord } from '../kinds';
import type { ImportResult } from './import';
import type { KeptAsideRecord, TeamStore } from './store';
import * as l10n from '../../core/l10n';

/**
 * Moving the team from one place to another (Move Team Data…): everything is written at the
 * destination and read back there by a store of its own, and only once it reads back as written is
 * the setting switched (the moment the move happens) and the old copy marked moved. The old copy is
 * never changed or removed: until the switch it is the team, and after it, it stays as it was until
 * the lead removes it. So a move that stops at any step leaves one whole team where the setting
 * points; run again, it finds its own copy at the destination and merges it (nothing twice).
 */
export interface MoveSteps {
  /** A store on the destination, loaded as a window would load it. */
  openDestination(): Promise<TeamStore>;
  /** Points the setting at the destination: from here on the destination is the team. */
  switchLocation(): Promise<void>;
  /** Marks the old copy moved (a marker beside it): windows still on it refuse changes and say where it went. */
  markMoved(): Promise<void>;
}

/** What the lead chose when the destination already holds a team. */
export type Arrival = 'merge' | 'replace';

export interface MoveResult {
  /** How the data went in: the destination was empty, merged with the import rules, or an old copy of this team was replaced. */
  readonly how: 'copied' | Arrival;
  /** The import's counts (merged people named), for the message. */
  readonly imported: ImportResult | undefined;
  readonly keptAside: number;
}

/**
 * Moves `source`'s team to the destination, with no change of the source's in between (changes
 * asked for meanwhile run after it, on the source, which the switch step may have locked). `arrive` is asked when the destination already holds a
 * team (`movedHere`: it is an old copy marked moved, which may be replaced); undefined cancels,
 * before anything is written.
 */
export async function moveTeam(
  source: TeamStore,
  steps: MoveSteps,
  arrive: (destination: { readonly people: number; readonly records: number; readonly movedHere: boolean }) => Promise<Arrival | undefined>,
  options: { readonly movedHere?: boolean; readonly switchSetting?: boolean } = {},
): Promise<MoveResult | undefined> {
  return source.exclusive(() => moveNow(source, steps, arrive, options));
}

async function moveNow(
  source: TeamStore,
  steps: MoveSteps,
  arrive: (destination: { readonly people: number; readonly records: number; readonly movedHere: boolean }) => Promise<Arrival | undefined>,
  options: { readonly movedHere?: boolean; readonly switchSetting?: boolean },
): Promise<MoveResult | undefined> {
  source.refuseIfReadOnly();
  if (source.unreadChunks().length > 0) {
    throw new StoreRefusal(
      l10n.t(
        'Some of the team records could not be read from storage (a file is missing or damaged), so the team cannot move whole. Nothing was moved: read them first (Try Again), or go on without them.',
      ),
    );
  }
  const data = source.snapshot();
  const keptAside = source.keptAside();
  const destination = await steps.openDestination();
  try {
    destination.refuseIfReadOnly();
    const there = destination.snapshot();
    const records = COLLECTIONS.reduce((sum, c) => sum + there[c].length, 0);
    let how: MoveResult['how'] = 'copied';
    if (records > 0) {
      const chosen = await arrive({ people: there.people.length, records, movedHere: options.movedHere === true });
      if (chosen === undefined) {
        return undefined;
      }
      how = chosen;
    }
    let imported: ImportResult | undefined;
    if (how === 'replace') {
      await destination.replaceAll(data);
    } else {
      imported = await destination.importMerge(data);
    }
    await destination.addKeptAside(keptAside);
    // Read back by a store of its own, as the next window will read it.
    const back = await steps.openDestination();
    try {
      const expected = how === 'merge' ? destination.snapshot() : data;
      const differs = COLLECTIONS.find((c) => !sameValue(byId(back.snapshot()[c]), byId(expected[c])));
      if (differs !== undefined || back.unreadChunks().length > 0 || !keptAsideHeld(back.keptAside(), keptAside)) {
        throw new Error(
          l10n.t(
            'The team did not read back at the new place as it was written ({0}). The setting was not changed: the team is where it was.',
            differs ?? 'kept aside',
          ),
        );
      }
    } finally {
      back.dispose();
    }
    if (options.switchSetting !== false) {
      await steps.switchLocation();
    }
    await steps.markMoved();
    return { how, imported, keptAside: keptAside.length };
  } finally {
    destination.dispose();
  }
}

/** Every record kept aside at the source is kept aside at the destination (a merge may hold more). */
function keptAsideHeld(there: readonly KeptAsideRecord[], here: readonly KeptAsideRecord[]): boolean {
  return here.every((r) => there.some((t) => t.reason === r.reason && sameValue(t.raw, r.raw)));
}

function byId(records: readonly TeamRecord[]): TeamRecord[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
