/**
 * In-host test of the upgrade from version 3 (the team's index and its chunks, all in workspace
 * state) to version 6 (the chunks in files of the workspace storage folder). It runs in its own
 * code-server session (test/host/upgradeSession.ts): the workspace state holds what
 * test/fixtures/state/version-3-workspace.json holds before the extension first activates, and
 * this first activation moves it. The session checks afterwards, from outside, what reached VS
 * Code's own storage (no version-3 chunk key left, the other keys kept).
 *
 * Not part of test/host/: it needs that seeded workspace and fails without it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TechLeadCoachApi } from '../../src/api';
import { EXTENSION_ID } from '../../src/ids';

const COLLECTIONS = ['people', 'delegations', 'oneOnOnes', 'feedback'] as const;
type Collection = (typeof COLLECTIONS)[number];
type Row = { id: string } & Record<string, unknown>;

/** The version-3 workspace state the session seeded (the fixture without its `_about`). */
function fixture(): Record<string, unknown> {
  const file = process.env['TLC_UPGRADE_FIXTURE'];
  assert.ok(
    file,
    'TLC_UPGRADE_FIXTURE is not set: run this test through out/test/host/runInCodeServer.js, which seeds the workspace state first',
  );
  const { _about: _ignored, ...values } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  return values;
}

/** What the fixture holds, read from its index and the chunk keys the index names. */
function expected(): { chunks: string[] } & Record<Collection, Row[]> {
  const values = fixture();
  const index = values['techLead.team'] as { schemaVersion: number; people: Row[]; chunks: string[] };
  assert.equal(index.schemaVersion, 3, 'the fixture is not version-3 state');
  const records = (collection: Collection): Row[] =>
    index.chunks
      .filter((key) => key.split('/')[1] === collection)
      .flatMap((key) => {
        const chunk = values[key] as { records: Row[] } | undefined;
        assert.ok(chunk, `the fixture's index names ${key}, which it does not hold`);
        return chunk.records;
      });
  return {
    chunks: index.chunks,
    people: index.people,
    delegations: records('delegations'),
    oneOnOnes: records('oneOnOnes'),
    feedback: records('feedback'),
  };
}

const byId = (list: readonly Row[]): Row[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

async function api(): Promise<TechLeadCoachApi> {
  const extension = vscode.extensions.getExtension<TechLeadCoachApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  const exports = await extension.activate();
  assert.ok(exports, 'the installed build returns no test API: this test needs dist/tech-lead-coach-test.vsix (npm run package:test)');
  return exports;
}

describe('Upgrade from version 3: the first activation on workspace state version 3 wrote', function () {
  this.timeout(30_000);

  it('loads every person, delegation, 1:1 and feedback entry the version-3 state held, as it was, and keeps nothing aside', async () => {
    const coach = await api();
    await coach.flushed();
    const want = expected();
    assert.ok(
      COLLECTIONS.every((c) => want[c].length > 0),
      'the fixture should hold some of each',
    );
    const team = coach.team() as unknown as Record<Collection, Row[]>;
    for (const collection of COLLECTIONS) {
      const have = byId(team[collection]);
      assert.deepEqual(
        have.map((r) => r.id),
        byId(want[collection]).map((r) => r.id),
        `${collection}: not the ids the fixture holds`,
      );
      assert.deepEqual(have, byId(want[collection]), `${collection}: a record changed on the way`);
    }
    assert.deepEqual(coach.keptAside(), [], 'something was kept aside');
  });

  it('stored them as schema 6, with one chunk file per version-3 chunk in the workspace storage folder', async () => {
    const coach = await api();
    await coach.flushed();
    const want = expected();
    const stored = (await coach.storedTeam()) as { schemaVersion: number } & Record<Collection, Row[]>;
    assert.equal(stored.schemaVersion, 6, 'the stored index is not schema 6');
    for (const collection of COLLECTIONS) {
      assert.deepEqual(
        byId(stored[collection]),
        byId(want[collection]),
        `${collection}: storage does not read back what the fixture holds`,
      );
    }
    const files = await coach.teamChunkFiles();
    assert.ok(files, 'no workspace storage folder although a folder is open');
    assert.equal(
      files.length,
      want.chunks.length,
      `${files.length} chunk files for ${want.chunks.length} version-3 chunks: ${files.join(', ')}`,
    );
    // Version 3 key: techLead.team/<collection>/<person id>/<year>#<n>; file: <collection>-<person id in hex>-<year>-<n>.json.
    for (const key of want.chunks) {
      const [, collection = '', person = '', yearAndNumber = ''] = key.split('/');
      const prefix = `${collection.toLowerCase()}-${Buffer.from(person).toString('hex')}-${yearAndNumber.split('#')[0] ?? ''}-`;
      const matching: string[] = files.filter((name) => name.startsWith(prefix) && name.endsWith('.json'));
      assert.equal(matching.length, 1, `${key}: ${matching.length} chunk files named ${prefix}…json among ${files.join(', ')}`);
    }
  });
});
