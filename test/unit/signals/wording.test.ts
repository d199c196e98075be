/**
 * The sentences: the English of each line the issues quote, each plural form and variant, and
 * under the pseudo-locale every sentence one whole message (nothing joined from fragments).
 */
import * as assert from 'node:assert/strict';
import { toDateKey, type DateKey } from '../../../src/domain/core/dates';
import * as l10n from '../../../src/domain/core/l10n';
import type { LeadWeek } from '../../../src/domain/signals/balance';
import type { FollowThrough, Moved } from '../../../src/domain/signals/followThrough';
import type { KnowledgeIsland } from '../../../src/domain/signals/islands';
import type { PaceReading } from '../../../src/domain/signals/pace';
import type { Shipped } from '../../../src/domain/signals/shipped';
import {
  crowdingQuestion,
  describeCrowding,
  describeFollowThrough,
  describeIsland,
  describeLeadWeek,
  describeMoving,
  describePace,
  describePaceBasis,
  describeShipped,
  describeShippedGroup,
  describeShippedLine,
  describeShippedMore,
  describeTakenBack,
  islandLesson,
  islandQuestion,
  paceCheckInNudge,
  paceQuestion,
  takenBackQuestion,
} from '../../../src/domain/signals/wording';
import { describeArea } from '../../../src/domain/team/delegations';

const TODAY = '2026-11-26' as DateKey; // a Thursday
/** Noon of a day in the machine's time zone, `n` days before today. */
const daysAgo = (n: number): number => new Date(2026, 10, 26 - n, 12, 0).getTime();
const DAY = 86_400_000;

const pace = (late: [number, number, boolean], off: [number, number, boolean]): PaceReading => ({
  late: { recent: late[0], usual: late[1], threshold: 3, signal: late[2] },
  offDays: { recent: off[0], usual: off[1], threshold: 2, signal: off[2] },
  baselineDays: 30,
  knownBaseline: true,
  signal: late[2] || off[2],
});
const moved = (byDelegate: number, lastByDelegateAt?: number): Moved => ({
  byDelegate,
  byLead: 0,
  byOthers: 0,
  ...(lastByDelegateAt === undefined ? {} : { lastByDelegateAt, lastAt: lastByDelegateAt }),
});
const follow = (extra: Partial<FollowThrough>): FollowThrough => ({
  sinceDelegated: moved(0),
  sinceCheckIn: moved(0),
  moving: false,
  followed: [],
  ...extra,
});
const island = (holder: KnowledgeIsland['holder']): KnowledgeIsland => ({
  folder: 'billing/',
  holder,
  holderChanges: 20,
  changes: 22,
  share: 20 / 22,
  lastChangeAt: daysAgo(2),
});
const week = (commits: number, reviews: number, lateDays: number): LeadWeek => ({
  commits,
  merges: 0,
  reviews,
  lateDays,
  lateCommits: lateDays,
});
const shipped = (commits: number, merges: number, more: number): Shipped => ({ commits, merges, more, depth: 1, groups: [] });

/** Every sentence the module can make, for the pseudo-locale run. */
function everySentence(): string[] {
  const since = '2026-11-24' as DateKey;
  return [
    ...describePace('Sam', pace([4, 1, true], [3, 0, true])),
    ...describePace('Sam', pace([5, 0.2, true], [2, 1.4, true])),
    paceQuestion(pace([4, 1, true], [0, 0, false])) ?? '',
    paceQuestion(pace([0, 0, false], [3, 0, true])) ?? '',
    paceQuestion(pace([4, 1, true], [3, 0, true])) ?? '',
    paceCheckInNudge('Sam'),
    describePaceBasis('Sam'),
    describeShipped('Priya', shipped(0, 0, 0), since, TODAY),
    describeShipped('Priya', shipped(1, 0, 0), since, TODAY),
    describeShipped('Priya', shipped(9, 2, 0), since, TODAY),
    describeShippedGroup({ folder: '', merges: true, lines: [] }),
    describeShippedGroup({ folder: '', merges: false, lines: [] }),
    describeShippedLine({ hash: 'a', subject: 'Retry failed charges', authoredAt: daysAgo(1), merge: false }, TODAY),
    describeShippedMore(shipped(30, 0, 1)) ?? '',
    describeShippedMore(shipped(30, 0, 10)) ?? '',
    describeArea({ branch: 'priya/retry' }),
    describeArea({ paths: ['billing/', 'auth/'] }),
    describeArea({ paths: ['billing/', 'auth/', 'web/'] }),
    describeArea({ paths: ['billing/'], branch: 'x' }),
    describeArea({ paths: ['billing/', 'auth/'], branch: 'x' }),
    ...[0, 1, 2, 90].flatMap((ago) => [1, 5].map((n) => describeFollowThrough('Priya', 'billing/', moved(n, daysAgo(ago)), since, TODAY))),
    describeFollowThrough('Priya', 'billing/', moved(0), since, TODAY),
    ...[0, 1, 3].map((ago) => describeMoving(follow({ moving: true, lastMoveAt: daysAgo(ago) }), TODAY) ?? ''),
    ...describeTakenBack(follow({ takenBack: { byLead: 1, byOthers: 1 } })),
    ...describeTakenBack(follow({ takenBack: { byLead: 3, byOthers: 2 } })),
    takenBackQuestion('Priya', true),
    takenBackQuestion('Priya', false),
    ...[island({ kind: 'person', personId: 'p' }), island({ kind: 'lead' })].flatMap((i) => [
      describeIsland(i, 'Priya'),
      islandLesson(i, 'Priya'),
      islandQuestion(i, 'Priya'),
    ]),
    describeCrowding(week(41, 0, 0), 0) ?? '',
    ...describeLeadWeek(week(0, 0, 0)),
    ...describeLeadWeek(week(1, 1, 1)),
    ...describeLeadWeek(week(41, 4, 3)),
    crowdingQuestion(),
  ];
}

describe('signals: wording', () => {
  afterEach(() => l10n.setTranslator(undefined));

  it('says a pace signal as the issue does, with a question to ask, and nothing without a signal', () => {
    assert.deepEqual(describePace('Sam', pace([4, 1.25, true], [0, 0, false])), [
      'Sam committed late on 4 of the last 14 days; usually about 1.',
    ]);
    assert.deepEqual(describePace('Sam', pace([3, 0.25, true], [0, 0, false])), [
      'Sam committed late on 3 of the last 14 days; usually hardly ever.',
    ]);
    assert.deepEqual(describePace('Sam', pace([0, 0, false], [4, 0, true])), [
      'Sam committed on 4 weekend days in the last 14 days; usually hardly ever.',
    ]);
    assert.deepEqual(describePace('Sam', pace([2, 1, false], [1, 0, false])), []);
    assert.equal(paceQuestion(pace([4, 1, true], [0, 0, false])), 'How is the load at the moment? Is anything keeping you late?');
    assert.equal(paceQuestion(pace([2, 1, false], [1, 0, false])), undefined);
    assert.equal(paceCheckInNudge('Sam'), 'Check in with Sam: how is the load at the moment?');
  });

  it('says follow-through as the issue does, in every plural form and variant', () => {
    const since = '2026-11-24' as DateKey;
    assert.equal(
      describeFollowThrough('Priya', 'billing/', moved(5, daysAgo(2)), since, TODAY),
      '5 commits by Priya in billing/ since Tue 24 Nov; last 2 days ago.',
    );
    assert.equal(
      describeFollowThrough('Priya', 'billing/', moved(5, daysAgo(0)), since, TODAY),
      '5 commits by Priya in billing/ since Tue 24 Nov; last today.',
    );
    assert.equal(
      describeFollowThrough('Priya', 'billing/', moved(2, daysAgo(1)), since, TODAY),
      '2 commits by Priya in billing/ since Tue 24 Nov; last yesterday.',
    );
    assert.equal(
      describeFollowThrough('Priya', 'billing/', moved(1, daysAgo(1)), since, TODAY),
      '1 commit by Priya in billing/ since Tue 24 Nov, yesterday.',
    );
    assert.equal(describeFollowThrough('Priya', 'billing/', moved(0), since, TODAY), 'No commits by Priya in billing/ since Tue 24 Nov.');
    assert.deepEqual(describeTakenBack(follow({ takenBack: { byLead: 3, byOthers: 0 } })), ['You committed there 3 times.']);
    assert.deepEqual(describeTakenBack(follow({ takenBack: { byLead: 1, byOthers: 2 } })), [
      'You committed there once.',
      '2 commits there by others.',
    ]);
    assert.deepEqual(describeTakenBack(follow({})), []);
    assert.equal(describeMoving(follow({ moving: true, lastMoveAt: daysAgo(3) }), TODAY), 'Moving: changed 3 days ago');
    assert.equal(describeMoving(follow({ moving: false, sinceCheckIn: moved(1, daysAgo(3)) }), TODAY), undefined);
    assert.equal(describeArea({ paths: ['billing/', 'auth/', 'web/'] }), 'billing/ and 2 other places');
  });

  it('says the lead week and the crowding line as the issue does, only when coding crowds out leading', () => {
    assert.equal(describeCrowding(week(41, 0, 0), 0), 'You made 41 commits and held no 1:1 this week.');
    assert.equal(describeCrowding(week(41, 0, 0), 2), undefined);
    assert.equal(describeCrowding(week(6, 0, 0), 0), undefined);
    assert.deepEqual(describeLeadWeek(week(1, 1, 1)), [
      'You made 1 commit this week.',
      'You reviewed 1 commit this week.',
      'You committed late on 1 day this week.',
    ]);
    assert.deepEqual(describeLeadWeek(week(0, 0, 0)), ['No commits by you this week.', 'No commits this week name you as reviewer.']);
  });

  it('frames an island as care for the person who knows the code, never as their fault', () => {
    const priya = island({ kind: 'person', personId: 'p-priya' });
    assert.equal(describeIsland(priya, 'Priya'), 'Priya knows billing/ best: nearly all its changes in the last 6 months are theirs.');
    assert.match(islandLesson(priya, 'Priya'), /protects Priya too/);
    for (const text of [describeIsland(priya, 'Priya'), islandLesson(priya, 'Priya'), islandQuestion(priya, 'Priya')]) {
      assert.doesNotMatch(text, /\b(only \w+ knows|fault|blame|hoard|silo|risk|bottleneck)\b/i, text);
    }
    assert.match(describeIsland(island({ kind: 'lead' }), 'Priya'), /^You made/);
  });

  it('shows a line for 1:1 notes with its day, and the rest as a count', () => {
    assert.equal(
      describeShippedLine({ hash: 'a', subject: 'Retry failed charges', authoredAt: daysAgo(2), merge: false }, TODAY),
      `Retry failed charges (Tue 24 Nov)`,
    );
    assert.equal(describeShippedMore(shipped(25, 0, 5)), 'and 5 more');
    assert.equal(describeShippedMore(shipped(20, 0, 0)), undefined);
    assert.equal(describeShipped('Priya', shipped(9, 2, 0), '2026-11-24' as DateKey, TODAY), '11 commits by Priya since Tue 24 Nov.');
    assert.equal(toDateKey(new Date(daysAgo(2) + DAY)), '2026-11-25');
  });

  it('makes every sentence one whole message under the pseudo-locale', () => {
    l10n.setTranslator(l10n.pseudoTranslator);
    const sentences = everySentence();
    assert.ok(sentences.length > 50, `only ${sentences.length} sentences`);
    for (const text of sentences) {
      assert.ok(l10n.isWholeMessage(text), `not one whole message: ${text}`);
    }
  });
});
