import * as assert from 'node:assert/strict';
import {
  barLayout,
  chartLayout,
  chartMax,
  chartTable,
  columnLayout,
  datumTitle,
  estimateMeasure,
  fitText,
  markedLabel,
  MIN_CHART_WIDTH,
  niceTicks,
  scaleLength,
  type ChartGeometry,
  type Point,
  type TextSpot,
} from '../../src/review/page/charts';
import { ANSWER_MAX, isReviewToExtension, isReviewToPage, type ChartDatum, type ReviewChart } from '../../src/review/protocol';

const FONT = 13;
const measure = estimateMeasure(FONT);

const datum = (label: string, value: number, extra: Partial<ChartDatum> = {}): ChartDatum => ({ label, value, ...extra });

/** Nine weeks, oldest first, as the review's week series labels them. */
const WEEKS = ['22 Sep', '29 Sep', '6 Oct', '13 Oct', '20 Oct', '27 Oct', '3 Nov', '10 Nov', '17 Nov'];
const LEVELS = ['1 Tell', '2 Sell', '3 Consult', '4 Agree', '5 Advise', '6 Inquire', '7 Delegate'];

const close = (actual: number, expected: number, message?: string): void =>
  assert.ok(Math.abs(actual - expected) < 0.02, `${message ?? ''} ${actual} ≠ ${expected}`);

/** The four corners of a text's box, from its spot alone: anchored, lines below the first, turned round (x, y). */
function corners(spot: TextSpot): Point[] {
  const width = Math.max(0, ...spot.lines.map(measure));
  const left = spot.anchor === 'start' ? 0 : spot.anchor === 'middle' ? -width / 2 : -width;
  const topY = -spot.lineHeight / 2;
  const bottomY = (spot.lines.length - 1) * spot.lineHeight + spot.lineHeight / 2;
  const angle = (spot.rotate * Math.PI) / 180;
  const turn = (x: number, y: number): Point => ({
    x: spot.x + x * Math.cos(angle) - y * Math.sin(angle),
    y: spot.y + x * Math.sin(angle) + y * Math.cos(angle),
  });
  return [turn(left, topY), turn(left + width, topY), turn(left + width, bottomY), turn(left, bottomY)];
}

/** Separating axis test for two convex quadrilaterals; touching does not count as overlapping. */
function overlap(a: Point[], b: Point[]): boolean {
  for (const shape of [a, b]) {
    for (let i = 0; i < shape.length; i++) {
      const p = shape[i] as Point;
      const q = shape[(i + 1) % shape.length] as Point;
      const axis = { x: q.y - p.y, y: p.x - q.x };
      const project = (points: Point[]): [number, number] => {
        const values = points.map((point) => point.x * axis.x + point.y * axis.y);
        return [Math.min(...values), Math.max(...values)];
      };
      const [minA, maxA] = project(a);
      const [minB, maxB] = project(b);
      const length = Math.hypot(axis.x, axis.y);
      if (maxA - minB <= 0.01 * length || maxB - minA <= 0.01 * length) {
        return false;
      }
    }
  }
  return true;
}

function assertLabelsClear(geometry: ChartGeometry, message: string): void {
  const boxes = geometry.data.map((d) => (d.label === undefined ? undefined : corners(d.label)));
  boxes.forEach((box, i) => {
    if (box === undefined) {
      return;
    }
    for (const point of box) {
      assert.ok(point.x >= -0.01 && point.x <= geometry.width + 0.01, `${message}: label ${i} leaves the chart at x=${point.x}`);
      assert.ok(point.y <= geometry.height + 0.01, `${message}: label ${i} falls below the chart at y=${point.y}`);
    }
    boxes.slice(i + 1).forEach((other, j) => {
      if (other !== undefined) {
        assert.equal(overlap(box, other), false, `${message}: labels ${i} and ${i + 1 + j} overlap (${geometry.labelMode})`);
      }
    });
  });
}

function chart(overrides: Partial<ReviewChart> & Pick<ReviewChart, 'id' | 'kind' | 'data'>): ReviewChart {
  return { title: 'A chart', summary: 'What it shows.', series: ['count'], ...overrides };
}

describe('review charts', () => {
  describe('scale and ticks', () => {
    it('has whole-number ticks from 0 to the max, in order, at most the intervals asked plus the max', () => {
      for (let max = 1; max <= 250; max++) {
        for (let intervals = 1; intervals <= 8; intervals++) {
          const ticks = niceTicks(max, intervals);
          const label = `max ${max}, ${intervals} intervals: ${ticks.join(',')}`;
          assert.equal(ticks[0], 0, label);
          assert.equal(ticks[ticks.length - 1], max, label);
          assert.ok(
            ticks.every((tick) => Number.isInteger(tick)),
            label,
          );
          assert.ok(
            ticks.every((tick, i) => i === 0 || tick > (ticks[i - 1] ?? -1)),
            label,
          );
          assert.ok(ticks.length <= intervals + 2, label);
        }
      }
    });

    it('picks steps of 1, 2, 5, 10… and leaves out a step crowding the max', () => {
      assert.deepEqual(niceTicks(4), [0, 1, 2, 3, 4]);
      assert.deepEqual(niceTicks(5), [0, 1, 2, 3, 4, 5]);
      assert.deepEqual(niceTicks(7), [0, 2, 4, 6, 7]);
      assert.deepEqual(niceTicks(11), [0, 5, 11]);
      assert.deepEqual(niceTicks(40), [0, 10, 20, 30, 40]);
      assert.deepEqual(niceTicks(1), [0, 1]);
      assert.deepEqual(niceTicks(2.5), [0, 1, 2, 3]);
    });

    it('has only 0 for an all-zero or odd max', () => {
      assert.deepEqual(niceTicks(0), [0]);
      assert.deepEqual(niceTicks(-3), [0]);
      assert.deepEqual(niceTicks(Number.NaN), [0]);
      assert.deepEqual(niceTicks(Infinity), [0]);
    });

    it('scales the max to the full length and nothing to zero', () => {
      assert.equal(scaleLength(6, 6, 300), 300);
      assert.equal(scaleLength(3, 6, 300), 150);
      assert.equal(scaleLength(0, 6, 300), 0);
      assert.equal(scaleLength(4, 0, 300), 0);
      assert.equal(scaleLength(-1, 6, 300), 0);
      assert.equal(scaleLength(9, 6, 300), 300);
      assert.equal(chartMax([datum('a', 2, { second: 5 }), datum('b', 6)]), 7);
      assert.equal(chartMax([]), 0);
    });
  });

  describe('horizontal bars', () => {
    const data = [
      datum('Check in with people', 3),
      datum('Explain the bigger picture', 6),
      datum('Ask for feedback', 0, { highlight: true }),
      datum('Delegate more', 1),
    ];

    it('draws the largest bar at full length, the others in proportion, from the baseline', () => {
      const geometry = barLayout({ data, marker: 'least' }, { width: 600, fontSize: FONT, measure });
      const widths = geometry.data.map((d) => d.segments[0]?.width ?? -1);
      assert.equal(geometry.max, 6);
      close(widths[1] ?? -1, geometry.length, 'largest');
      close(widths[0] ?? -1, geometry.length / 2, 'half');
      close(widths[3] ?? -1, geometry.length / 6, 'sixth');
      assert.equal(widths[2], 0);
      for (const d of geometry.data) {
        assert.equal(d.segments[0]?.x, geometry.baseline.x1);
        assert.equal(d.segments.length, 1);
      }
      assert.ok(geometry.baseline.x1 + geometry.length < geometry.width);
    });

    it('writes each value just after the end of its bar, inside the chart', () => {
      const geometry = barLayout({ data }, { width: 600, fontSize: FONT, measure });
      for (const d of geometry.data) {
        const segment = d.segments[0];
        assert.ok(segment !== undefined);
        assert.ok(d.value.x >= segment.x + segment.width, d.title);
        assert.ok(d.value.x + measure(d.value.lines[0] ?? '') <= geometry.width, d.title);
        assert.deepEqual(d.value.lines, [String(d.datum.value)]);
        assert.equal(d.value.anchor, 'start');
      }
    });

    it('draws zero-length bars on a visible baseline when everything is zero', () => {
      const geometry = barLayout({ data: [datum('Kim', 0), datum('Lee', 0)] }, { width: 400, fontSize: FONT, measure });
      assert.equal(geometry.max, 0);
      assert.ok(geometry.data.every((d) => d.segments.every((s) => s.width === 0)));
      assert.ok(geometry.baseline.y2 - geometry.baseline.y1 > 20, 'the baseline spans the rows');
      assert.deepEqual(
        geometry.ticks.map((t) => t.value),
        [0],
      );
      assert.deepEqual(
        geometry.data.map((d) => d.value.lines[0]),
        ['0', '0'],
      );
    });

    it('marks the highlighted bar in words and gives it a frame, and titles every bar "label: value"', () => {
      const geometry = barLayout({ data, marker: 'least' }, { width: 600, fontSize: FONT, measure });
      const least = geometry.data[2];
      assert.ok(least?.highlight);
      assert.deepEqual(least.label?.lines, ['Ask for feedback (least)']);
      assert.equal(least.title, 'Ask for feedback (least): 0');
      assert.ok(least.frame.width > 0 && least.frame.height > 0);
      assert.equal(geometry.data[0]?.title, 'Check in with people: 3');
      assert.equal(geometry.data[0]?.highlight, false);
    });

    it('puts the labels in a left column when they are short, above the bars when not', () => {
      const left = barLayout({ data: [datum('Kim', 2), datum('Lee', 1)] }, { width: 400, fontSize: FONT, measure });
      assert.equal(left.labelsAbove, false);
      for (const d of left.data) {
        assert.equal(d.label?.anchor, 'end');
        assert.ok((d.label?.x ?? Infinity) < (d.segments[0]?.x ?? 0));
        close(d.label?.y ?? 0, (d.segments[0]?.y ?? 0) + (d.segments[0]?.height ?? 0) / 2, 'label level with its bar');
      }
      const above = barLayout({ data }, { width: 300, fontSize: FONT, measure });
      assert.equal(above.labelsAbove, true);
      for (const d of above.data) {
        const label = d.label;
        assert.ok(label !== undefined);
        assert.ok(label.y < (d.segments[0]?.y ?? 0), 'label above its bar');
        assert.ok(measure(label.lines[0] ?? '') <= above.width, 'label fits the width');
      }
      assertLabelsClear(above, 'labels above');
    });

    it('keeps rows apart and bars inside the chart at its narrowest', () => {
      const geometry = barLayout(
        { data: [...data, datum('A very long name that will never fit in a narrow panel at all', 4)] },
        { width: 120, fontSize: FONT, measure },
      );
      assert.equal(geometry.width, MIN_CHART_WIDTH);
      geometry.data.forEach((d, i) => {
        const next = geometry.data[i + 1];
        const segment = d.segments[0];
        assert.ok(segment !== undefined);
        assert.ok(segment.x + segment.width <= geometry.width);
        if (next !== undefined) {
          assert.ok(
            (next.label?.y ?? 0) - (next.label?.lineHeight ?? 0) / 2 >= segment.y + segment.height,
            `row ${i} clear of row ${i + 1}`,
          );
        }
      });
      assertLabelsClear(geometry, 'narrowest');
      assert.match(geometry.data[4]?.label?.lines[0] ?? '', /…$/);
      assert.equal(geometry.data[4]?.title, 'A very long name that will never fit in a narrow panel at all: 4');
    });

    it('has ticks at whole numbers from 0 at the baseline to the max at full length, their labels apart', () => {
      const geometry = barLayout({ data: [datum('Kim', 17), datum('Lee', 3)] }, { width: 500, fontSize: FONT, measure });
      const values = geometry.ticks.map((t) => t.value);
      assert.equal(values[0], 0);
      assert.equal(values[values.length - 1], 17);
      assert.ok(values.every(Number.isInteger));
      assert.equal(geometry.ticks[0]?.grid.x1, geometry.baseline.x1);
      close(geometry.ticks[geometry.ticks.length - 1]?.grid.x1 ?? 0, geometry.baseline.x1 + geometry.length);
      geometry.ticks.forEach((tick, i) => {
        const next = geometry.ticks[i + 1];
        if (next !== undefined) {
          assert.equal(overlap(corners(tick.label), corners(next.label)), false, `ticks ${tick.value} and ${next.value}`);
        }
      });
    });
  });

  describe('columns', () => {
    const followUps = WEEKS.map((label, i) => datum(label, i % 4, { second: i % 3, highlight: i === 8 }));

    it('stacks the second value on the first, the heights adding up to the total', () => {
      const geometry = columnLayout(
        { data: followUps, series: ['on time', 'late'] },
        { width: 500, fontSize: FONT, measure, plotHeight: 120 },
      );
      assert.equal(geometry.max, 4);
      for (const d of geometry.data) {
        const [first, second] = d.segments;
        assert.ok(first !== undefined && second !== undefined);
        assert.equal(first.series, 0);
        assert.equal(second.series, 1);
        close(first.y + first.height, geometry.baseline.y1, 'first piece on the baseline');
        close(second.y + second.height, first.y, 'second piece on the first');
        close(first.height + second.height, scaleLength(d.total, geometry.max, 120), 'heights add up');
        close(first.height, scaleLength(d.datum.value, geometry.max, 120), 'first piece');
        assert.equal(d.total, d.datum.value + (d.datum.second ?? 0));
        assert.ok(d.value.y < second.y, 'total written above the column');
        assert.deepEqual(d.value.lines, [String(d.total)]);
        assert.equal(first.x, second.x);
        assert.equal(first.width, second.width);
      }
      const tallest = geometry.data.filter((d) => d.total === geometry.max);
      assert.ok(tallest.length > 0);
      for (const d of tallest) {
        close(
          d.segments.reduce((sum, s) => sum + s.height, 0),
          120,
          'the largest total spans the plot',
        );
      }
      assert.equal(geometry.data[7]?.title, '10 Nov: 3 on time, 1 late');
      assert.equal(geometry.data[8]?.title, '17 Nov (highlighted): 0 on time, 2 late');
    });

    it('puts a zero column on the baseline and an all-zero chart has a baseline and a 0 tick', () => {
      const geometry = columnLayout({ data: WEEKS.map((label) => datum(label, 0)) }, { width: 400, fontSize: FONT, measure });
      assert.ok(
        geometry.data.every((d) => d.segments.length === 1 && d.segments[0]?.height === 0 && d.segments[0]?.y === geometry.baseline.y1),
      );
      assert.ok(geometry.baseline.x2 - geometry.baseline.x1 > 300);
      assert.deepEqual(
        geometry.ticks.map((t) => t.value),
        [0],
      );
    });

    it('has integer ticks including 0 at the baseline and the max at the top', () => {
      const geometry = columnLayout({ data: [datum('a', 13), datum('b', 4)] }, { width: 300, fontSize: FONT, measure, plotHeight: 140 });
      const values = geometry.ticks.map((t) => t.value);
      assert.equal(values[0], 0);
      assert.equal(values[values.length - 1], 13);
      assert.ok(values.every(Number.isInteger));
      assert.equal(geometry.ticks[0]?.grid.y1, geometry.baseline.y1);
      close(geometry.ticks[geometry.ticks.length - 1]?.grid.y1 ?? 0, geometry.baseline.y1 - 140);
      geometry.ticks.forEach((tick, i) => {
        const next = geometry.ticks[i + 1];
        if (next !== undefined) {
          assert.ok(tick.label.y - next.label.y >= FONT, `ticks ${tick.value} and ${next.value} apart`);
        }
      });
    });

    it('shows all 9 week labels without overlap in 300 px, on two lines', () => {
      const geometry = columnLayout(
        { data: WEEKS.map((label, i) => datum(label, i, { second: 1 })), series: ['on time', 'late'] },
        { width: 300, fontSize: FONT, measure },
      );
      assert.equal(geometry.labelMode, 'wrapped');
      assert.ok(geometry.data.every((d) => d.label !== undefined));
      assert.deepEqual(geometry.data[0]?.label?.lines, ['22', 'Sep']);
      assertLabelsClear(geometry, '9 weeks in 300');
    });

    it('turns labels that cannot wrap, and still keeps them apart and inside the chart', () => {
      const levels = columnLayout({ data: LEVELS.map((label, i) => datum(label, i)) }, { width: 300, fontSize: FONT, measure });
      assert.equal(levels.labelMode, 'diagonal');
      assert.ok(levels.data.every((d) => d.label !== undefined && d.label.rotate === -45));
      assertLabelsClear(levels, '7 levels in 300');

      const long = WEEKS.map((label, i) => datum(`Week of Monday ${label} 2026`, i, { highlight: i === 2 }));
      for (const width of [200, 240, 300, 360, 480, 640, 900]) {
        assertLabelsClear(columnLayout({ data: long, marker: 'overdue' }, { width, fontSize: FONT, measure }), `long labels at ${width}`);
        assertLabelsClear(
          columnLayout({ data: LEVELS.map((label) => datum(label, 1)) }, { width, fontSize: FONT, measure }),
          `levels at ${width}`,
        );
        assertLabelsClear(columnLayout({ data: followUps }, { width, fontSize: FONT, measure }), `weeks at ${width}`);
      }
    });

    it('shows every other label upright when even turned ones would touch', () => {
      const many = Array.from({ length: 30 }, (_, i) => datum(`Week ${i + 1}`, i));
      const geometry = columnLayout({ data: many }, { width: 300, fontSize: FONT, measure });
      assert.equal(geometry.labelMode, 'sparse');
      assert.ok(geometry.data.some((d) => d.label === undefined));
      assert.ok(geometry.data[0]?.label !== undefined);
      assertLabelsClear(geometry, '30 columns in 300');
    });

    it("lays out by kind and names the highlight in the chart's words", () => {
      const actions = chartLayout(
        chart({ id: 'actions', kind: 'bars', data: [datum('Delegate more', 0, { highlight: true }), datum('Check in', 2)] }),
        { width: 500 },
      );
      assert.equal(actions.kind, 'bars');
      assert.deepEqual(actions.data[0]?.label?.lines, ['Delegate more (least)']);
      const oneOnOnes = chartLayout(chart({ id: 'oneOnOnes', kind: 'bars', data: [datum('Kim', 0, { highlight: true })] }), { width: 500 });
      assert.equal(oneOnOnes.data[0]?.title, 'Kim (overdue): 0');
      const levels = chartLayout(chart({ id: 'levels', kind: 'columns', data: [datum('1 Tell', 1)] }), { width: 500 });
      assert.equal(levels.kind, 'columns');
    });
  });

  describe('texts', () => {
    it('appends the marker once, only to a highlighted label', () => {
      assert.equal(markedLabel(datum('Kim', 1, { highlight: true }), 'overdue'), 'Kim (overdue)');
      assert.equal(markedLabel(datum('Kim, overdue', 1, { highlight: true }), 'overdue'), 'Kim, overdue');
      assert.equal(markedLabel(datum('Kim', 1), 'overdue'), 'Kim');
      assert.equal(markedLabel(datum('Kim', 1, { highlight: false }), 'overdue'), 'Kim');
    });

    it('titles stacked data with its series', () => {
      assert.equal(datumTitle(datum('17 Nov', 3, { second: 1 }), ['given', 'asked']), '17 Nov: 3 given, 1 asked');
      assert.equal(datumTitle(datum('Kim', 2)), 'Kim: 2');
    });

    it('cuts a text short with an ellipsis to fit', () => {
      assert.equal(fitText('Kim', 100, measure), 'Kim');
      const cut = fitText('Explain the bigger picture', 80, measure);
      assert.match(cut, /…$/);
      assert.ok(measure(cut) <= 80);
      assert.equal(fitText('Explain', 1, measure), '');
    });
  });

  describe('table', () => {
    it('has a caption, the category and series as headers, and one row per datum with its marker', () => {
      const table = chartTable(
        chart({
          id: 'actions',
          kind: 'bars',
          title: 'The five actions',
          series: ['times'],
          data: [datum('Check in', 3), datum('Ask for feedback', 0, { highlight: true })],
        }),
      );
      assert.equal(table.caption, 'The five actions');
      assert.deepEqual(table.headers, ['Action', 'Times']);
      assert.deepEqual(table.rows, [
        { header: 'Check in', cells: ['3'], highlight: false },
        { header: 'Ask for feedback (least)', cells: ['0'], highlight: true },
      ]);
    });

    it('adds the second series and the total for stacked columns', () => {
      const table = chartTable(
        chart({
          id: 'followUps',
          kind: 'columns',
          title: 'Follow-ups',
          series: ['on time', 'late'],
          data: [datum('10 Nov', 3, { second: 1 }), datum('17 Nov', 2)],
        }),
      );
      assert.deepEqual(table.headers, ['Week', 'On time', 'Late', 'Total']);
      assert.deepEqual(
        table.rows.map((row) => [row.header, ...row.cells]),
        [
          ['10 Nov', '3', '1', '4'],
          ['17 Nov', '2', '0', '2'],
        ],
      );
    });

    it('names the people and levels', () => {
      assert.equal(chartTable(chart({ id: 'delegationsPerPerson', kind: 'bars', data: [] })).headers[0], 'Person');
      assert.equal(chartTable(chart({ id: 'oneOnOnes', kind: 'bars', data: [] })).headers[0], 'Person');
      assert.equal(chartTable(chart({ id: 'levels', kind: 'columns', data: [] })).headers[0], 'Level');
      assert.equal(chartTable(chart({ id: 'nudges', kind: 'columns', data: [] })).headers[0], 'Week');
    });
  });

  describe('messages', () => {
    it('accepts exactly the protocol shapes', () => {
      for (const type of ['ready', 'previousWeek', 'nextWeek', 'thisWeek', 'exportMarkdown', 'copyMarkdown']) {
        assert.ok(isReviewToExtension({ type }), type);
      }
      assert.ok(isReviewToExtension({ type: 'saveAnswer', weekStart: '2026-11-16', promptId: 'went-well', answer: 'A good week.' }));
      assert.ok(isReviewToExtension({ type: 'saveAnswer', weekStart: '2026-11-16', promptId: 'p', answer: '' }));
      assert.ok(
        isReviewToExtension({ type: 'saveAnswer', weekStart: '2026-11-16', promptId: 'x'.repeat(100), answer: 'y'.repeat(ANSWER_MAX) }),
      );
    });

    it('refuses extra keys, wrong types, bad weekStart, over-long answers, arrays and null', () => {
      const save = { type: 'saveAnswer', weekStart: '2026-11-16', promptId: 'went-well', answer: 'ok' };
      const bad: unknown[] = [
        null,
        undefined,
        'ready',
        42,
        [],
        [{ type: 'ready' }],
        Object.assign([], { type: 'ready' }),
        {},
        { type: 7 },
        { type: null },
        { type: 'READY' },
        { type: 'model' },
        { type: 'saved', promptId: 'p' },
        { type: 'ready', extra: 1 },
        { type: 'nextWeek', weekStart: '2026-11-16' },
        { type: 'copyMarkdown', markdown: '# hi' },
        { type: 'saveAnswer' },
        { ...save, extra: true },
        { type: 'saveAnswer', weekStart: '2026-11-16', promptId: 'p' },
        { type: 'saveAnswer', weekStart: '2026-11-16', answer: 'ok' },
        { ...save, weekStart: '16/11/2026' },
        { ...save, weekStart: '2026-11-16T00:00:00Z' },
        { ...save, weekStart: '' },
        { ...save, weekStart: 20261116 },
        { ...save, weekStart: ['2026-11-16'] },
        { ...save, promptId: '' },
        { ...save, promptId: 'x'.repeat(101) },
        { ...save, promptId: 3 },
        { ...save, answer: 42 },
        { ...save, answer: null },
        { ...save, answer: ['ok'] },
        { ...save, answer: 'y'.repeat(ANSWER_MAX * 2 + 1) },
      ];
      for (const message of bad) {
        assert.equal(isReviewToExtension(message), false, JSON.stringify(message)?.slice(0, 120) ?? String(message));
      }
    });

    it('recognises the messages the page handles', () => {
      assert.ok(isReviewToPage({ type: 'model', model: {} }));
      assert.ok(isReviewToPage({ type: 'saved', promptId: 'went-well' }));
      for (const bad of [
        null,
        'model',
        { type: 'model' },
        { type: 'model', model: null },
        { type: 'saved' },
        { type: 'saved', promptId: 3 },
        { type: 'state', model: {} },
      ]) {
        assert.equal(isReviewToPage(bad), false, JSON.stringify(bad));
      }
    });
  });
});
