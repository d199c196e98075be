import * as assert from 'node:assert/strict';
import { describeMood, MOOD_WORDS, type Mood } from '../../src/domain/team/oneOnOnes';
import {
  MOOD_SCALE,
  moodLabel,
  moodLinePoints,
  moodScaleDescription,
  moodSummary,
  moodY,
  polylinePoints,
} from '../../src/team/page/moodLine';
import { isPersonToExtension, isPersonToPage } from '../../src/team/protocol';

const point = (mood: number, day: string): { on: string; day: string; mood: number; label: string } => ({
  on: '2025-11-28',
  day,
  mood,
  label: moodLabel(mood),
});

describe('person page', () => {
  describe('mood line geometry', () => {
    it('puts mood 5 at the top and 1 at the bottom, inside the padding', () => {
      assert.equal(moodY(5, 100, 10), 10);
      assert.equal(moodY(1, 100, 10), 90);
      assert.equal(moodY(3, 100, 10), 50);
      assert.equal(moodY(4, 100, 10), 30);
      assert.equal(moodY(2, 100, 10), 70);
    });

    it('spreads the points evenly from left to right, oldest first', () => {
      const points = moodLinePoints([{ mood: 1 }, { mood: 5 }, { mood: 3 }, { mood: 4 }, { mood: 2 }], 420, 100, 10);
      assert.deepEqual(
        points.map((p) => p.x),
        [10, 110, 210, 310, 410],
      );
      assert.deepEqual(
        points.map((p) => p.y),
        [90, 10, 50, 30, 70],
      );
    });

    it('puts two points at the two edges of the padded box', () => {
      assert.deepEqual(moodLinePoints([{ mood: 2 }, { mood: 4 }], 200, 60, 8), [
        { x: 8, y: 8 + (3 / 4) * 44 },
        { x: 192, y: 8 + (1 / 4) * 44 },
      ]);
    });

    it('centres a single point', () => {
      assert.deepEqual(moodLinePoints([{ mood: 5 }], 300, 100, 10), [{ x: 150, y: 10 }]);
      assert.deepEqual(moodLinePoints([{ mood: 1 }], 301, 100, 10), [{ x: 150.5, y: 90 }]);
    });

    it('draws nothing for no moods, and keeps odd moods inside the scale', () => {
      assert.deepEqual(moodLinePoints([], 300, 100, 10), []);
      assert.equal(moodY(9, 100, 10), 10);
      assert.equal(moodY(-2, 100, 10), 90);
      assert.equal(moodY(Number.NaN, 100, 10), 50);
    });

    it('keeps short attribute values and writes polyline points', () => {
      const points = moodLinePoints([{ mood: 1 }, { mood: 2 }, { mood: 3 }, { mood: 4 }], 100, 100, 0);
      assert.deepEqual(
        points.map((p) => p.x),
        [0, 33.33, 66.67, 100],
      );
      assert.equal(polylinePoints(points), '0,100 33.33,75 66.67,50 100,25');
    });
  });

  describe('mood wording', () => {
    it('uses the same words as the extension', () => {
      for (const mood of [1, 2, 3, 4, 5] as const satisfies readonly Mood[]) {
        assert.equal(MOOD_SCALE.find((step) => step.mood === mood)?.word, MOOD_WORDS[mood]);
        assert.equal(moodLabel(mood), describeMood(mood));
      }
      assert.equal(MOOD_SCALE.length, 5);
      assert.equal(
        moodScaleDescription(),
        'Scale from 1 at the bottom to 5 at the top: 1, struggling; 2, strained; 3, steady; 4, good; 5, thriving.',
      );
    });

    it('says so when no 1:1 recorded a mood', () => {
      assert.equal(moodSummary([]), 'No 1:1 with a mood recorded yet.');
    });

    it('reads one 1:1', () => {
      assert.equal(moodSummary([point(4, 'Fri 28 Nov')]), 'How they were doing at the last 1:1: 4/5, good');
    });

    it('reads many 1:1s from the first to the last', () => {
      const moods = [
        point(3, 'Mon 6 Oct'),
        point(3, 'Mon 20 Oct'),
        point(4, 'Mon 3 Nov'),
        point(3, 'Mon 17 Nov'),
        point(4, 'Mon 24 Nov'),
        point(4, 'Fri 28 Nov'),
      ];
      assert.equal(moodSummary(moods), 'How they were doing at the last 6 1:1s: from 3/5, steady to 4/5, good');
    });

    it('names a dip or a peak between the ends', () => {
      assert.equal(
        moodSummary([point(3, 'Mon 6 Oct'), point(1, 'Mon 20 Oct'), point(2, 'Mon 3 Nov'), point(4, 'Mon 17 Nov')]),
        'How they were doing at the last 4 1:1s: from 3/5, steady to 4/5, good (lowest 1/5, struggling on Mon 20 Oct)',
      );
      assert.equal(
        moodSummary([point(2, 'Mon 6 Oct'), point(5, 'Mon 20 Oct'), point(1, 'Mon 3 Nov'), point(3, 'Mon 17 Nov')]),
        'How they were doing at the last 4 1:1s: from 2/5, strained to 3/5, steady (lowest 1/5, struggling on Mon 3 Nov; highest 5/5, thriving on Mon 20 Oct)',
      );
    });

    it('says when nothing changed', () => {
      assert.equal(
        moodSummary([point(4, 'Mon 3 Nov'), point(4, 'Mon 17 Nov')]),
        'How they were doing at the last 2 1:1s: 4/5, good each time',
      );
    });
  });

  describe('messages', () => {
    it('accepts only the person page messages of the protocol, in their exact shape', () => {
      for (const type of ['ready', 'logOneOnOne', 'logFeedback', 'logDelegation', 'rename', 'copyPrepare']) {
        assert.ok(isPersonToExtension({ type }), type);
      }
      assert.ok(isPersonToExtension({ type: 'checkIn', delegationId: 'd-1' }));
      assert.ok(isPersonToExtension({ type: 'checkIn', delegationId: 'x'.repeat(100) }));
    });

    it('refuses extra keys, wrong types, unknown types, over-long ids, arrays and null', () => {
      const bad: unknown[] = [
        null,
        undefined,
        'ready',
        42,
        [],
        [{ type: 'ready' }],
        {},
        { type: 7 },
        { type: null },
        { type: 'eval' },
        { type: 'model' },
        { type: 'READY' },
        { type: 'ready', extra: 1 },
        { type: 'rename', name: 'Sam' },
        { type: 'copyPrepare', markdown: '# hi' },
        { type: 'checkIn' },
        { type: 'checkIn', delegationId: 3 },
        { type: 'checkIn', delegationId: '' },
        { type: 'checkIn', delegationId: 'x'.repeat(101) },
        { type: 'checkIn', delegationId: ['d-1'] },
        { type: 'checkIn', delegationId: 'd-1', note: 'hi' },
        { type: 'logOneOnOne', delegationId: 'd-1' },
      ];
      for (const message of bad) {
        assert.equal(isPersonToExtension(message), false, JSON.stringify(message) ?? String(message));
      }
    });

    it('refuses an array that carries a type', () => {
      const sneaky = Object.assign([], { type: 'ready' });
      assert.equal(isPersonToExtension(sneaky), false);
    });

    it('recognises the model message the page renders', () => {
      assert.ok(isPersonToPage({ type: 'model', model: {} }));
      for (const bad of [null, { type: 'model' }, { type: 'state', model: {} }, 'model']) {
        assert.equal(isPersonToPage(bad), false, JSON.stringify(bad));
      }
    });
  });
});
