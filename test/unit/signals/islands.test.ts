/**
 * Knowledge islands on generated histories with known answers: an island found, one that
 * dissolves when others change the folder, a folder going quiet, unlinked authors counted but
 * never named, bots left out, pairing (Co-authored-by) as shared knowledge, the lead's own island,
 * and the folder depth fitted to the repository.
 */
import * as assert from 'node:assert/strict';
import type { SignalPeople } from '../../../src/domain/signals/followThrough';
import type { ParsedCommit } from '../../../src/domain/signals/gitLog';
import { identityKeyOf } from '../../../src/domain/signals/history';
import { findKnowledgeIslands, folderOfDepth, islandDepth, islandSteps } from '../../../src/domain/signals/islands';
import { commit, historyOf, instantOf, MS_PER_DAY } from './generated';

const NOW = instantOf('2026-06-01T12:00', 'Z');
const people: SignalPeople = {
  links: {
    'p-priya': [identityKeyOf('Priya Sharma', 'priya.sharma@example.com')],
    'p-sam': [identityKeyOf('Sam Lee', 'sam.lee@example.com')],
  },
  lead: new Set([identityKeyOf('Jo Lead', 'jo.lead@example.com')]),
};

/** `count` commits by `author` in `folder`, one every `everyDays` days, the last `lastDaysAgo` days before now. */
function series(
  author: string,
  folder: string,
  count: number,
  lastDaysAgo: number,
  extra: { everyDays?: number; email?: string; coAuthor?: string } = {},
): ParsedCommit[] {
  return Array.from({ length: count }, (_, k) => {
    const at = NOW - (lastDaysAgo + k * (extra.everyDays ?? 5)) * MS_PER_DAY;
    const local = new Date(at).toISOString().slice(0, 16);
    return commit({
      author,
      local,
      files: [`${folder}file${k % 4}.ts`, `${folder}other${k % 3}.ts`],
      ...(extra.email === undefined ? {} : { email: extra.email }),
      ...(extra.coAuthor === undefined
        ? {}
        : { coAuthors: [{ name: extra.coAuthor, email: `${extra.coAuthor.toLowerCase().replace(/ /g, '.')}@example.com` }] }),
    });
  });
}

const base = [
  ...series('Priya Sharma', 'billing/', 20, 3),
  ...series('Sam Lee', 'billing/', 2, 40),
  ...series('dependabot[bot]', 'billing/', 10, 1, { email: '49699333+dependabot[bot]@users.noreply.github.com' }),
  ...series('Priya Sharma', 'auth/', 10, 2),
  ...series('Sam Lee', 'auth/', 10, 4),
  ...series('Sam Lee', 'docs/', 15, 60),
  ...series('Contractor', 'legacy/', 12, 2, { email: 'contractor@agency.example' }),
  ...series('Priya Sharma', 'ops/', 12, 2),
  ...series('Contractor', 'ops/', 4, 3, { email: 'contractor@agency.example' }),
  ...series('Priya Sharma', 'web/', 12, 2, { coAuthor: 'Sam Lee' }),
  ...series('Jo Lead', 'infra/', 11, 5),
];

const summary = (commits: readonly ParsedCommit[]) =>
  findKnowledgeIslands(historyOf(commits), people, NOW, { depth: 1 }).islands.map((i) => [
    i.folder,
    i.holder.kind === 'lead' ? 'lead' : i.holder.personId,
    i.holderChanges,
    i.changes,
  ]);

describe('signals: knowledge islands', () => {
  it('finds folders where one linked person made at least 80% of the recent changes alone', () => {
    assert.deepEqual(summary(base), [
      ['billing/', 'p-priya', 20, 22],
      ['infra/', 'lead', 11, 11],
    ]);
  });

  it('counts unlinked authors in the totals but never names them, and leaves bots out', () => {
    const reading = findKnowledgeIslands(historyOf(base), people, NOW, { depth: 1 });
    assert.ok(!reading.islands.some((i) => i.folder === 'legacy/'), 'the contractor holds legacy/ but is not linked');
    assert.ok(!reading.islands.some((i) => i.folder === 'ops/'), "the contractor's 4 changes keep Priya at 75% of ops/");
    assert.equal(reading.islands.find((i) => i.folder === 'billing/')?.changes, 22, "dependabot's 10 commits are not changes");
  });

  it('treats pairing as shared knowledge: co-authored commits are nobody’s alone', () => {
    assert.ok(!summary(base).some(([folder]) => folder === 'web/'));
    const solo = base.map((c) => (c.files[0]?.path.startsWith('web/') === true ? { ...c, coAuthors: [] } : c));
    assert.ok(summary(solo).some(([folder, holder]) => folder === 'web/' && holder === 'p-priya'));
  });

  it('dissolves an island when others start changing the folder', () => {
    const shared = [...base, ...series('Sam Lee', 'billing/', 5, 1, { everyDays: 2 })];
    assert.ok(!summary(shared).some(([folder]) => folder === 'billing/'), 'Priya 20 of 27 is under 80%');
    const almost = [...base, ...series('Sam Lee', 'billing/', 3, 1, { everyDays: 2 })];
    assert.ok(
      summary(almost).some(([folder]) => folder === 'billing/'),
      'Priya 20 of 25 is 80%',
    );
  });

  it('stops counting a folder that went quiet: nothing changed in the last 30 days', () => {
    assert.ok(!summary(base).some(([folder]) => folder === 'docs/'), 'Sam holds docs/, quiet for 60 days');
    const active = [...base, ...series('Sam Lee', 'docs/', 1, 10)];
    assert.ok(summary(active).some(([folder, holder]) => folder === 'docs/' && holder === 'p-sam'));
    const oldHistory = series('Priya Sharma', 'billing/', 20, 200, { everyDays: 1 });
    assert.deepEqual(
      summary([...oldHistory, ...series('Sam Lee', 'billing/', 10, 3, { everyDays: 1 })]),
      [['billing/', 'p-sam', 10, 10]],
      'changes older than 26 weeks are not counted',
    );
  });

  it('does the same work in slices, each a bounded number of commits', () => {
    const history = historyOf(base);
    const steps = islandSteps(history, people, NOW, {}, 10);
    let slices = 0;
    let next = steps.next();
    while (next.done !== true) {
      slices += 1;
      next = steps.next();
    }
    assert.deepEqual(next.value, findKnowledgeIslands(history, people, NOW));
    assert.ok(slices > base.length / 10, `only ${slices} slices for ${base.length} commits`);
  });

  it('fits the folder depth to the repository', () => {
    const layered: ParsedCommit[] = [];
    const areas = ['billing', 'auth', 'web'];
    const modules = ['api', 'model', 'ui'];
    let k = 0;
    for (const area of areas) {
      for (const module of modules) {
        for (let n = 0; n < 24; n++) {
          const author = area === 'billing' && module === 'api' ? 'Priya Sharma' : (['Sam Lee', 'Priya Sharma', 'Jo Lead'][k % 3] ?? '');
          layered.push(
            commit({
              author,
              local: new Date(NOW - (k % 90) * MS_PER_DAY).toISOString().slice(0, 16),
              files: [`src/${area}/${module}/f${n % 3}.ts`],
            }),
          );
          k += 1;
        }
      }
    }
    const history = historyOf(layered);
    assert.equal(islandDepth(history, NOW), 3);
    assert.deepEqual(
      findKnowledgeIslands(history, people, NOW).islands.map((i) => [i.folder, i.holder.kind === 'person' ? i.holder.personId : 'lead']),
      [['src/billing/api/', 'p-priya']],
    );
    // Splintered below the top: a hundred folders with one change each are too small to be areas.
    const splinters = Array.from({ length: 100 }, (_, n) =>
      commit({ author: 'Sam Lee', local: '2026-05-20T10:00', files: [`lib/m${n}/x.ts`] }),
    );
    assert.equal(islandDepth(historyOf(splinters), NOW), 1);
    // The same tree with fewer changes: its modules hold too few to judge, its areas enough.
    assert.equal(islandDepth(historyOf(layered.filter((_, n) => n % 3 === 0)), NOW), 2);
    assert.equal(folderOfDepth('a/b/c.ts', 2), 'a/b/');
    assert.equal(folderOfDepth('a/c.ts', 2), undefined);
  });
});
