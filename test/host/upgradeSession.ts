/**
 * The upgrade session of the in-host suite: a workspace whose VS Code workspace state holds what
 * version 3 of the tracker stored (test/fixtures/state/version-3-workspace.json, without `_about`)
 * is opened with the test build installed, and its first activation moves the data to schema 6.
 *
 * Where that state lives: VS Code for the browser (code-server) keeps workspace state in the
 * browser, in an IndexedDB database `vscode-web-state-db-<workspace id>-<hash>` with an object store
 * `ItemTable` (key and value strings), not in a state.vscdb on the server. An extension's workspace
 * state is one row keyed by its id (`techleadcoach.tech-lead-coach`) whose value is the JSON of an
 * object of its keys. Its storage folder (the chunk files) is on the server, in
 * `<user data>/User/workspaceStorage/<workspace id>/<extension id>`.
 *
 * So the session:
 *   1. starts code-server without the extension and opens the folder in a Chromium profile kept on
 *      disk, until VS Code has created and written the folder's workspace-state database;
 *   2. closes that window and, from a page of the same origin that is not the workbench, writes the
 *      fixture into the extension's row and reads it back;
 *   3. starts code-server again (same user data, same port: browser storage is per origin) with the
 *      test build and the runner, on the same profile, and runs out/test/host-upgrade (in the
 *      extension host: what the store loaded and stored, the chunk files);
 *   4. reads the row again from the browser: no version-3 chunk key, the index at schema 6 naming
 *      exactly the files in the storage folder, every other key of the fixture as it was.
 * Any step that cannot be done throws: the upgrade test never skips.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../src/ids';
import { freePort, startCodeServer, type CodeServer } from '../e2e/harness/codeServer';
import { repoRoot } from '../e2e/harness/paths';
import { openWorkbench, type Workbench } from '../e2e/harness/workbench';
import type { HostTestFailure, HostTestResults, RunHostTestsOptions } from './runInCodeServer';

const DB_PREFIX = 'vscode-web-state-db-';
const STORE = 'ItemTable';
const INDEX_KEY = 'techLead.team';
/** How long the move may take to show in IndexedDB once the tests ran. */
const SETTLE_MS = 20_000;
const SUITE = 'Upgrade from version 3: workspace state in VS Code storage after the first activation';

export const VERSION_3_FIXTURE = (): string => path.join(repoRoot(), 'test', 'fixtures', 'state', 'version-3-workspace.json');

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The fixture's keys and values, without `_about`. */
function fixtureValues(file: string): Record<string, unknown> {
  const { _about: _ignored, ...values } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  return values;
}

/** Names of the workspace-state databases of this origin (the global ones are `…-global`, `…-global-<x>`). */
async function workspaceDatabases(page: Page): Promise<string[]> {
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  return names.filter((name) => name.startsWith(DB_PREFIX) && !/^global(-|$)/.test(name.slice(DB_PREFIX.length)));
}

/** Every row of a database's ItemTable; throws when the database has no such store. */
async function readRows(page: Page, db: string): Promise<Record<string, string>> {
  return page.evaluate(
    async ({ db, store }) => {
      const open = indexedDB.open(db);
      const conn = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error(`cannot open ${db}`));
      });
      try {
        if (!conn.objectStoreNames.contains(store))
          throw new Error(`${db} has no object store ${store} (stores: ${[...conn.objectStoreNames].join(', ')})`);
        const os = conn.transaction(store, 'readonly').objectStore(store);
        const request = <T>(r: IDBRequest<T>): Promise<T> =>
          new Promise((resolve, reject) => {
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
          });
        const [keys, values] = await Promise.all([request(os.getAllKeys()), request(os.getAll())]);
        const rows: Record<string, string> = {};
        keys.forEach((key, i) => (rows[String(key)] = String(values[i])));
        return rows;
      } finally {
        conn.close();
      }
    },
    { db, store: STORE },
  );
}

/** Writes one row of a database's ItemTable and resolves when the transaction committed. */
async function writeRow(page: Page, db: string, key: string, value: string): Promise<void> {
  await page.evaluate(
    async ({ db, store, key, value }) => {
      const open = indexedDB.open(db);
      const conn = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error(`cannot open ${db}`));
      });
      try {
        const tx = conn.transaction(store, 'readwrite');
        tx.objectStore(store).put(value, key);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
          tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
        });
      } finally {
        conn.close();
      }
    },
    { db, store: STORE, key, value },
  );
}

/** Waits until VS Code created this origin's one workspace-state database and wrote a row to it. */
async function waitForWorkspaceDatabase(page: Page, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen = '(none yet)';
  for (;;) {
    const names = await workspaceDatabases(page);
    if (names.length > 1) throw new Error(`more than one workspace-state database in a fresh browser profile: ${names.join(', ')}`);
    const [name] = names;
    if (name !== undefined) {
      const rows = await readRows(page, name).catch((err: unknown) => ({ error: String(err) }));
      if (!('error' in rows) && Object.keys(rows).length > 0) return name;
      seen = `${name}: ${JSON.stringify(rows).slice(0, 300)}`;
    }
    if (Date.now() > deadline)
      throw new Error(
        `VS Code wrote no workspace-state database (${DB_PREFIX}<workspace id>-…) within ${timeoutMs / 1000} s; seen: ${seen}`,
      );
    await sleep(200);
  }
}

/** A page of the workbench's origin that runs no workbench (code-server's health check). */
async function storagePage(workbench: Workbench, server: CodeServer): Promise<Page> {
  const page = await workbench.context.newPage();
  await page.goto(`${server.url}/healthz`, { waitUntil: 'domcontentloaded' });
  return page;
}

export interface UpgradeSession {
  /** Options for runHostTests: the seeded workspace, its user data, profile and port, and the checks of storage afterwards. */
  options: RunHostTestsOptions;
  /** Removes the session's folders (unless KEEP_E2E_DIRS is set). */
  cleanup(): Promise<void>;
}

/**
 * Steps 1 and 2: a workspace whose state holds the fixture, ready for runHostTests with the
 * returned options (step 3, with step 4 as its afterResults).
 */
export async function prepareUpgradeSession(opts: {
  productVsix: string;
  testsDir: string;
  fixture?: string;
  timeoutMs?: number;
}): Promise<UpgradeSession> {
  const fixture = opts.fixture ?? VERSION_3_FIXTURE();
  const values = fixtureValues(fixture);
  const base = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tlc-upgrade-'));
  const cleanup = async (): Promise<void> => {
    if (!process.env['KEEP_E2E_DIRS']) await fs.promises.rm(base, { recursive: true, force: true, maxRetries: 3 });
  };
  const stateDir = path.join(base, 'state');
  const browserProfileDir = path.join(base, 'browser');
  const workspaceDir = path.join(base, 'workspace');
  const timeoutMs = opts.timeoutMs ?? 60_000;
  let db = '';
  try {
    const port = await freePort();
    // 1. VS Code alone creates the folder's workspace-state database.
    const server = await startCodeServer({ vsixPaths: [], workspaceDir, stateDir, port });
    let workbench: Workbench | undefined;
    try {
      workbench = await openWorkbench(server, { browserProfileDir, timeoutMs });
      db = await waitForWorkspaceDatabase(workbench.page, timeoutMs);
      const page = await storagePage(workbench, server);
      // No workbench runs while the row is written: its in-memory copy of the state could not disagree.
      await workbench.page.close();
      // 2. The fixture, as the version-3 code left it in the extension's row.
      const before = await readRows(page, db);
      assert.equal(before[EXTENSION_ID], undefined, `${db} already has a row for ${EXTENSION_ID}`);
      await writeRow(page, db, EXTENSION_ID, JSON.stringify(values));
      const after = await readRows(page, db);
      assert.deepEqual(JSON.parse(after[EXTENSION_ID] ?? 'null'), values, `the fixture did not read back from ${db}`);
    } finally {
      await workbench?.close();
      await server.stop();
    }
    return {
      cleanup,
      options: {
        productVsix: opts.productVsix,
        testsDir: opts.testsDir,
        workspaceDir,
        stateDir,
        browserProfileDir,
        port,
        env: { TLC_UPGRADE_FIXTURE: fixture },
        afterResults: ({ server, workbench }) => checkStoredState(server, workbench, db, values),
      },
    };
  } catch (err) {
    await cleanup();
    const inner = err instanceof Error ? err : new Error(String(err));
    const wrapped = new Error(`the upgrade test could not seed version-3 workspace state: ${inner.message}`);
    wrapped.stack = [wrapped.message, ...(inner.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))].join('\n');
    throw wrapped;
  }
}

/** One check made from outside the extension host, as a test result. */
async function check(
  title: string,
  body: () => Promise<void> | void,
): Promise<{ test: NonNullable<HostTestResults['tests']>[number]; failure?: HostTestFailure }> {
  const fullTitle = `${SUITE} ${title}`;
  const started = Date.now();
  try {
    await body();
    return { test: { fullTitle, state: 'passed', durationMs: Date.now() - started } };
  } catch (err) {
    return failedTest(title, fullTitle, err);
  }
}

/** A test that failed with `err`, as the results list it. */
export function failedTest(
  title: string,
  fullTitle: string,
  err: unknown,
): { test: NonNullable<HostTestResults['tests']>[number]; failure: HostTestFailure } {
  const message = err instanceof Error ? err.message : String(err);
  const stack = err instanceof Error ? (err.stack ?? message) : message;
  return { test: { fullTitle, state: 'failed' }, failure: { title, fullTitle, message, stack } };
}

/** Step 4: the extension's row as VS Code stored it, once the tests ran. */
async function checkStoredState(
  server: CodeServer,
  workbench: Workbench,
  db: string,
  values: Record<string, unknown>,
): Promise<Pick<HostTestResults, 'passed' | 'failed' | 'failures' | 'tests'>> {
  const page = await storagePage(workbench, server);
  const chunkKeys = Object.keys(values).filter((key) => key.startsWith(`${INDEX_KEY}/`));
  const otherKeys = Object.keys(values).filter((key) => key !== INDEX_KEY && !chunkKeys.includes(key));
  assert.ok(chunkKeys.length > 0 && otherKeys.length > 0, 'the fixture should hold version-3 chunk keys and other keys');
  const row = async (): Promise<Record<string, unknown>> => {
    const text = (await readRows(page, db))[EXTENSION_ID];
    assert.ok(text !== undefined, `${db} has no row for ${EXTENSION_ID}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const indexVersion = (state: Record<string, unknown>): unknown =>
    (state[INDEX_KEY] as { schemaVersion?: unknown } | undefined)?.schemaVersion;

  const results = [
    await check(
      'holds no version-3 chunk key, and an index of schema 6 that names exactly the chunk files in the storage folder',
      async () => {
        // VS Code writes a change to IndexedDB about 100 ms after the extension host sent it; the move
        // happened at activation, before the tests: wait for it to show, with room for a slow machine.
        const deadline = Date.now() + SETTLE_MS;
        let state = await row();
        const left = (): string[] => Object.keys(state).filter((key) => key.startsWith(`${INDEX_KEY}/`));
        while (left().length > 0 || indexVersion(state) !== 6) {
          if (Date.now() > deadline) break;
          await sleep(200);
          state = await row();
        }
        assert.deepEqual(
          left(),
          [],
          `version-3 chunk keys left in workspace state (${db}, row ${EXTENSION_ID}) ${SETTLE_MS / 1000} s after the tests ran`,
        );
        assert.equal(indexVersion(state), 6, `the stored index is schema ${String(indexVersion(state))}`);
        const named = (state[INDEX_KEY] as { chunks?: unknown }).chunks;
        assert.ok(Array.isArray(named), 'the stored index names no chunks');
        const workspaceId = db.slice(DB_PREFIX.length);
        const folders = fs
          .readdirSync(path.join(server.userDataDir, 'User', 'workspaceStorage'))
          .filter((id) => workspaceId.startsWith(`${id}-`));
        assert.equal(folders.length, 1, `not one workspace storage folder for ${db}: ${folders.join(', ')}`);
        const teamFolder = path.join(server.userDataDir, 'User', 'workspaceStorage', folders[0] ?? '', EXTENSION_ID, 'team');
        assert.deepEqual(
          [...(named as string[])].sort(),
          fs.readdirSync(teamFolder).sort(),
          `the stored index does not name exactly the files in ${teamFolder}`,
        );
        assert.equal(named.length, chunkKeys.length, 'not one chunk file per version-3 chunk');
      },
    ),
    await check('keeps every other key of the version-3 state as it was (e.g. techLead.delegations.groupBy)', async () => {
      const state = await row();
      for (const key of otherKeys) assert.deepEqual(state[key], values[key], `${key} changed or was lost`);
    }),
  ];
  await page.close();
  const failures = results.flatMap((r) => (r.failure ? [r.failure] : []));
  return { passed: results.length - failures.length, failed: failures.length, failures, tests: results.map((r) => r.test) };
}
