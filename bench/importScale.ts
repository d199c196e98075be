/**
 * import48kMs and importLongestTaskMs: an import of 48,000 delegations (with their 50 people) into
 * an empty team, in Node, the way the Import command runs it: the file's text parsed and checked
 * (parseImport, in slices), merged and written (TeamStore.importMerge, in slices; chunk files and
 * the index to in-memory storage that JSON-serialises as VS Code's Memento does). The longest task
 * is the longest time the event loop could not run anything else meanwhile (perf_hooks'
 * monitorEventLoopDelay at 1 ms resolution: its maximum delay). The same import at 6,000, 12,000
 * and 24,000 shows how the time grows.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { todayKey, type Clock } from '../src/domain/core/dates';
import { Slices } from '../src/domain/core/slices';
import type { DelegationV1 } from '../src/domain/team/delegations';
import { EXPORT_VERSION, parseImport, toExportJson } from '../src/domain/team/exchange';
import { EMPTY_TEAM } from '../src/domain/team/kinds';
import { DEFAULT_CADENCE_DAYS } from '../src/domain/team/people';
import { attachPeople } from '../src/domain/team/storage/legacy';
import { loadTeamStore } from '../src/domain/team/store/load';
import { makeDelegations, SCALE_PEOPLE } from './fixtures';
import { JsonMemoryStorage, MemoryChunkFiles } from './scale';

const KEYS = { team: 'techLead.team', legacy: 'techLead.delegations', keptAside: 'techLead.delegations.keptAside' };

export interface ImportScaleResult {
  /** Delegations in the file, and the whole import's time (parse, check, merge, write). */
  readonly sizes: readonly { delegations: number; ms: number; longestTaskMs: number; bytes: number }[];
  readonly import48kMs: number;
  readonly importLongestTaskMs: number;
  readonly bytes48k: number;
}

async function importOnce(count: number): Promise<{ delegations: number; ms: number; longestTaskMs: number; bytes: number }> {
  const clock: Clock = { now: () => new Date() };
  const today = todayKey(clock);
  let id = 0;
  const { people, delegations } = attachPeople(
    makeDelegations(today, count, SCALE_PEOPLE, count) as unknown as DelegationV1[],
    [],
    today,
    () => `import-person-${++id}`,
  );
  const text = toExportJson({ ...EMPTY_TEAM, people, delegations }, today, { includeNotes: true });
  const storage = new JsonMemoryStorage();
  const files = new MemoryChunkFiles();
  let next = 0;
  const store = await loadTeamStore(storage, files, KEYS, clock, () => `import-new-${++next}`, { cadenceDays: () => DEFAULT_CADENCE_DAYS });
  const delay = monitorEventLoopDelay({ resolution: 1 });
  // Something else that wants to run every millisecond, as the host's other work would.
  const ticker = setInterval(() => undefined, 1);
  delay.enable();
  const started = performance.now();
  const parsed = await parseImport(text, today, new Slices());
  if (!parsed.ok || parsed.version !== EXPORT_VERSION) {
    throw new Error(
      `the generated file did not import: ${parsed.ok ? `version ${parsed.version}, not this release's ${EXPORT_VERSION}` : parsed.error}`,
    );
  }
  const result = await store.importMerge(parsed.data);
  const ms = performance.now() - started;
  delay.disable();
  clearInterval(ticker);
  if (result.added !== count + people.length || store.delegations().length !== count) {
    throw new Error(`the import added ${result.added} records and holds ${store.delegations().length} of ${count} delegations`);
  }
  store.dispose();
  return { delegations: count, ms, longestTaskMs: delay.max / 1e6, bytes: Buffer.byteLength(text, 'utf8') };
}

export async function measureImportScale(): Promise<ImportScaleResult> {
  await importOnce(6_000); // warm-up: the first run also compiles the code
  const sizes = [];
  for (const count of [6_000, 12_000, 24_000, 48_000]) {
    sizes.push(await importOnce(count));
  }
  const at48k = sizes[sizes.length - 1] as (typeof sizes)[number];
  return { sizes, import48kMs: at48k.ms, importLongestTaskMs: Math.max(...sizes.map((s) => s.longestTaskMs)), bytes48k: at48k.bytes };
}

if (require.main === module) {
  measureImportScale().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
