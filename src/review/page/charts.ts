/**
 * The Weekly Review's charts, without the DOM: where every bar, column, label, value and tick goes,
 * in SVG user units (one unit is one CSS pixel, y downwards), and the rows of the text alternative.
 * No `vscode` and no DOM import, so it is unit-tested in Node and bundled into the page as is; the
 * page only turns these rectangles and text spots into SVG elements.
 *
 * Counts are whole numbers, so the scale's ticks are whole numbers too. The largest value (for
 * stacked columns, the largest total) spans the full length; a chart where everything is zero draws
 * zero-length bars on its baseline, and the baseline is always drawn.
 */
import type { ChartDatum, ReviewChart } from '../protocol';
import * as l10n from '../../shared/l10n';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Line {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export type Anchor = 'start' | 'middle' | 'end';

/**
 * A text at (x, y): `anchor` is its `text-anchor`, and y is the middle of the first line
 * (`dominant-baseline: central`). Further lines sit `lineHeight` apart below it. A rotated text
 * turns by `rotate` degrees (negative: up towards the right) round (x, y).
 */
export interface TextSpot {
  readonly x: number;
  readonly y: number;
  readonly lines: readonly string[];
  readonly anchor: Anchor;
  readonly rotate: number;
  /** The widest line as measured: for the page nothing, for the tests the box the text takes. */
  readonly width: number;
  readonly lineHeight: number;
}

/** One piece of a bar or column: series 0 is `value`, series 1 is `second`, stacked on it. */
export interface Segment extends Rect {
  readonly series: 0 | 1;
  readonly value: number;
}

export interface DatumGeometry {
  readonly index: number;
  readonly datum: ChartDatum;
  readonly highlight: boolean;
  /** `value` then `second` when there is one; a zero piece has zero length. */
  readonly segments: readonly Segment[];
  readonly total: number;
  /** The label, with the highlight marker appended ("Ask for feedback (least)"); may be cut short with "…" (the table and `title` have it whole). */
  readonly label: TextSpot | undefined;
  /** The total, at the end of the bar or on top of the column. */
  readonly value: TextSpot;
  /** The `<title>` text: "Ask for feedback (least): 0", or "17 Nov: 3 on time, 1 late". */
  readonly title: string;
  /** A frame round the row or the column's slot, drawn for a highlighted datum so a zero still shows. */
  readonly frame: Rect;
}

export interface Tick {
  readonly value: number;
  readonly label: TextSpot;
  readonly grid: Line;
}

export type ColumnLabelMode = 'horizontal' | 'wrapped' | 'diagonal' | 'vertical' | 'sparse';

export interface ChartGeometry {
  readonly kind: 'bars' | 'columns';
  readonly width: number;
  readonly height: number;
  /** The value that spans the full length (0 when everything is zero). */
  readonly max: number;
  /** The full length of a bar (width) or column (height) in units. */
  readonly length: number;
  readonly baseline: Line;
  readonly ticks: readonly Tick[];
  readonly data: readonly DatumGeometry[];
  /** Bars: labels left of the bars, or above each bar when the left column would be too wide. */
  readonly labelsAbove: boolean;
  /** Columns: how the labels under them were laid out so that none overlaps another. */
  readonly labelMode: ColumnLabelMode;
}

/** The width of a text in units; the page measures with a canvas, the tests estimate. */
export type Measure = (text: string) => number;

export interface ChartBox {
  /** The width the chart has on screen; never drawn narrower than MIN_CHART_WIDTH. */
  readonly width: number;
  /** The font size of the chart's texts, in pixels (the editor's, 13 by default). */
  readonly fontSize?: number;
  readonly measure?: Measure;
  /** Columns: the height of the plot from the baseline to the largest column. */
  readonly plotHeight?: number;
}

export interface ChartInput {
  readonly data: readonly ChartDatum[];
  /** What value and second mean ("on time", "late"); used in the titles. */
  readonly series?: readonly string[];
  /** The word appended to a highlighted label, in brackets: "least", "overdue". */
  readonly marker?: string;
}

/** Narrower than this, a chart is drawn at this width and scaled down by its viewBox. */
export const MIN_CHART_WIDTH = 200;
export const DEFAULT_FONT_SIZE = 13;
export const DEFAULT_PLOT_HEIGHT = 140;
/** Space between a text and what it labels. */
const GAP = 6;
const SIN45 = Math.SQRT1_2;

/** Two decimals are plenty for an SVG attribute and keep the markup short. */
function tidy(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A rough width for texts in the editor's proportional font: wide enough for digits and most letters. */
export function estimateMeasure(fontSize: number = DEFAULT_FONT_SIZE): Measure {
  return (text) => [...text].length * fontSize * 0.6;
}

/** A count as the chart uses it: a finite number, at least 0. */
function count(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

export function datumTotal(datum: ChartDatum): number {
  return count(datum.value) + count(datum.second);
}

/** The largest total in the data; 0 for none or all zero. */
export function chartMax(data: readonly ChartDatum[]): number {
  return data.reduce((max, datum) => Math.max(max, datumTotal(datum)), 0);
}

/** `value` as a length out of `length`, with `max` the full length; 0 when max is 0. */
export function scaleLength(value: number, max: number, length: number): number {
  return max > 0 ? (Math.min(count(value), max) / max) * Math.max(0, length) : 0;
}

/** The smallest of 1, 2, 5, 10, 20, 50… at least `raw`. */
function niceStep(raw: number): number {
  if (!(raw > 1)) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 5, 10].find((candidate) => candidate * power >= raw) ?? 10;
  return factor * power;
}

/**
 * Whole-number ticks from 0 to `max` (rounded up), at most `maxIntervals` steps of 1, 2, 5, 10…
 * apart, always with 0 and the max itself; a step that would sit closer than half a step below the
 * max is left out so the two labels do not crowd. [0] alone when the max is 0.
 */
export function niceTicks(max: number, maxIntervals = 5): number[] {
  const top = Number.isFinite(max) && max > 0 ? Math.ceil(max) : 0;
  if (top === 0) {
    return [0];
  }
  const step = niceStep(top / Math.max(1, Math.floor(maxIntervals)));
  const ticks: number[] = [];
  for (let tick = 0; tick < top; tick += step) {
    ticks.push(tick);
  }
  const last = ticks[ticks.length - 1];
  if (ticks.length > 1 && last !== undefined && top - last < step / 2) {
    ticks.pop();
  }
  ticks.push(top);
  return ticks;
}

/** The word a highlighted datum gets, by chart: the action done least, someone past their 1:1 cadence. */
export function highlightMarker(id: ReviewChart['id']): string {
  switch (id) {
    case 'actions':
      return l10n.t('least');
    case 'oneOnOnes':
      return l10n.t('overdue');
    default:
      return l10n.t('highlighted');
  }
}

/** What a chart's labels are, for the table's first header. */
export function categoryHeader(id: ReviewChart['id']): string {
  switch (id) {
    case 'actions':
      return l10n.t('Action');
    case 'delegationsPerPerson':
    case 'oneOnOnes':
      return l10n.t('Person');
    case 'levels':
      return l10n.t('Level');
    default:
      return l10n.t('Week');
  }
}

/** The label with the marker in brackets when highlighted, unless the label already says it. */
export function markedLabel(datum: ChartDatum, marker = l10n.t('highlighted')): string {
  if (datum.highlight !== true || marker === '' || datum.label.toLowerCase().includes(marker.toLowerCase())) {
    return datum.label;
  }
  return l10n.t('{0} ({1})', datum.label, marker);
}

/** "Kim: 2", or with a second series "17 Nov: 3 on time, 1 late". */
export function datumTitle(datum: ChartDatum, series: readonly string[] = [], marker?: string): string {
  const label = markedLabel(datum, marker);
  if (datum.second === undefined) {
    return l10n.t('{0}: {1}', label, count(datum.value));
  }
  const first = series[0] ?? l10n.t('first');
  const second = series[1] ?? l10n.t('second');
  return l10n.t('{0}: {1} {2}, {3} {4}', label, count(datum.value), first, count(datum.second), second);
}

/** The text cut short with "…" to fit `maxWidth`; empty when not even the ellipsis fits. */
export function fitText(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) {
    return text;
  }
  const chars = [...text];
  for (let keep = chars.length - 1; keep > 0; keep--) {
    const candidate = `${chars.slice(0, keep).join('').trimEnd()}…`;
    if (measure(candidate) <= maxWidth) {
      return candidate;
    }
  }
  return measure('…') <= maxWidth ? '…' : '';
}

/** Two lines split at a space, the longer as short as can be; undefined when a line would not fit. */
function wrapInTwo(text: string, maxWidth: number, measure: Measure): string[] | undefined {
  if (measure(text) <= maxWidth) {
    return [text];
  }
  const words = text.split(' ');
  let best: string[] | undefined;
  let bestWidth = Infinity;
  for (let cut = 1; cut < words.length; cut++) {
    const lines = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
    const width = Math.max(...lines.map(measure));
    if (width <= maxWidth && width < bestWidth) {
      best = lines;
      bestWidth = width;
    }
  }
  return best;
}

interface Settings {
  readonly width: number;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly measure: Measure;
}

function settings(box: ChartBox): Settings {
  const fontSize = box.fontSize !== undefined && box.fontSize > 0 ? box.fontSize : DEFAULT_FONT_SIZE;
  return {
    width: Math.max(MIN_CHART_WIDTH, Number.isFinite(box.width) ? Math.round(box.width) : MIN_CHART_WIDTH),
    fontSize,
    lineHeight: Math.round(fontSize * 1.3),
    measure: box.measure ?? estimateMeasure(fontSize),
  };
}

function spot(x: number, y: number, text: string | readonly string[], anchor: Anchor, s: Settings, rotate = 0): TextSpot {
  const lines = typeof text === 'string' ? [text] : text;
  return { x: tidy(x), y: tidy(y), lines, anchor, rotate, width: tidy(Math.max(0, ...lines.map(s.measure))), lineHeight: s.lineHeight };
}

/**
 * Ticks along a scale `length` long: as many as leave room for their labels (`room` units each),
 * then any but the first and last that would still crowd a neighbour dropped.
 */
function scaleTicks(max: number, length: number, room: number): number[] {
  const intervals = Math.max(1, Math.min(5, Math.floor(length / Math.max(1, room))));
  const ticks = niceTicks(max, intervals);
  const kept: number[] = [];
  ticks.forEach((tick, index) => {
    const at = scaleLength(tick, max, length);
    const previous = kept[kept.length - 1];
    const isEnd = index === 0 || index === ticks.length - 1;
    const clearOfPrevious = previous === undefined || at - scaleLength(previous, max, length) >= room;
    const clearOfMax = length - at >= room;
    if (isEnd || (clearOfPrevious && clearOfMax)) {
      kept.push(tick);
    }
  });
  return kept;
}

function segmentsOf(datum: ChartDatum, max: number, length: number, place: (from: number, to: number) => Rect): Segment[] {
  const value = count(datum.value);
  const full = scaleLength(datumTotal(datum), max, length);
  const first = scaleLength(value, max, length);
  const segments: Segment[] = [{ ...place(0, first), series: 0, value }];
  if (datum.second !== undefined) {
    segments.push({ ...place(first, full), series: 1, value: count(datum.second) });
  }
  return segments;
}

/**
 * Horizontal bars, one row per datum, top to bottom in the order given. The labels go in a column
 * on the left when it takes at most 40% of the width, else above each bar, cut short with "…" when
 * even the full width is too narrow. The value is written after the end of each bar, so the scale
 * leaves room for the widest value on the right.
 */
export function barLayout(input: ChartInput, box: ChartBox): ChartGeometry {
  const s = settings(box);
  const { data } = input;
  const max = chartMax(data);
  const labels = data.map((datum) => markedLabel(datum, input.marker));
  const widestLabel = Math.max(0, ...labels.map(s.measure));
  const labelsAbove = widestLabel + GAP > s.width * 0.4;
  const x0 = labelsAbove ? 0 : Math.ceil(widestLabel) + GAP;
  const valueRoom = Math.ceil(Math.max(s.measure('0'), ...data.map((datum) => s.measure(String(datumTotal(datum)))))) + GAP;
  const length = Math.max(0, s.width - x0 - valueRoom - 2);
  const barHeight = Math.max(8, Math.round(s.fontSize * 1.1));
  const band = Math.max(barHeight, s.lineHeight);
  const rowGap = Math.round(s.fontSize * 0.7);
  const rowHeight = (labelsAbove ? s.lineHeight + barHeight : band) + rowGap;
  const top = 4;

  const geometry = data.map((datum, index): DatumGeometry => {
    const rowTop = top + index * rowHeight;
    const barY = labelsAbove ? rowTop + s.lineHeight : rowTop + (band - barHeight) / 2;
    const middle = barY + barHeight / 2;
    const segments = segmentsOf(datum, max, length, (from, to) => ({
      x: tidy(x0 + from),
      y: tidy(barY),
      width: tidy(to - from),
      height: barHeight,
    }));
    const total = datumTotal(datum);
    const end = x0 + scaleLength(total, max, length);
    const label = labelsAbove
      ? spot(4, rowTop + s.lineHeight / 2, fitText(labels[index] ?? '', s.width - 4, s.measure), 'start', s)
      : spot(x0 - GAP, middle, labels[index] ?? '', 'end', s);
    return {
      index,
      datum,
      highlight: datum.highlight === true,
      segments,
      total,
      label,
      value: spot(end + 4, middle, String(total), 'start', s),
      title: datumTitle(datum, input.series, input.marker),
      frame: { x: 0, y: tidy(rowTop - 3), width: s.width, height: tidy(rowHeight - rowGap + 6) },
    };
  });

  const plotBottom = top + Math.max(1, data.length) * rowHeight - rowGap + 4;
  const tickRoom = s.measure(String(Math.ceil(max))) + 4 * GAP;
  const ticks = scaleTicks(max, length, tickRoom).map((value): Tick => {
    const x = tidy(x0 + scaleLength(value, max, length));
    const half = s.measure(String(value)) / 2;
    // Centred under its grid line, unless that would cross the chart's edge.
    const anchor: Anchor = x - half < 0 ? 'start' : x + half > s.width ? 'end' : 'middle';
    return {
      value,
      label: spot(x, plotBottom + 4 + s.lineHeight / 2, String(value), anchor, s),
      grid: { x1: x, y1: top - 2, x2: x, y2: plotBottom },
    };
  });
  return {
    kind: 'bars',
    width: s.width,
    height: Math.ceil(plotBottom + 4 + s.lineHeight + 4),
    max,
    length: tidy(length),
    baseline: { x1: x0, y1: top - 2, x2: x0, y2: plotBottom },
    ticks,
    data: geometry,
    labelsAbove,
    labelMode: 'horizontal',
  };
}

interface ColumnLabels {
  readonly mode: ColumnLabelMode;
  readonly spots: readonly (TextSpot | undefined)[];
  /** Height taken under the baseline. */
  readonly height: number;
}

/**
 * Labels under columns `slot` units apart, none overlapping another: on one line when each fits its
 * slot, else on two lines split at a space, else turned 45° (adjacent labels then stand
 * slot × sin 45° apart, which must be a line height), else upright (90°), else upright and only
 * every k-th. Turned labels are cut short so they stay inside the chart on the left and take at
 * most eight ems.
 */
function columnLabels(labels: readonly string[], centres: readonly number[], slot: number, top: number, s: Settings): ColumnLabels {
  const available = slot - 4;
  const y = top + GAP + s.lineHeight / 2;
  if (labels.every((label) => s.measure(label) <= available)) {
    return {
      mode: 'horizontal',
      spots: labels.map((label, i) => spot(centres[i] ?? 0, y, label, 'middle', s)),
      height: GAP + s.lineHeight,
    };
  }
  const wrapped = labels.map((label) => wrapInTwo(label, available, s.measure));
  if (wrapped.every((lines) => lines !== undefined)) {
    return {
      mode: 'wrapped',
      spots: wrapped.map((lines, i) => spot(centres[i] ?? 0, y, lines ?? [], 'middle', s)),
      height: GAP + 2 * s.lineHeight,
    };
  }
  const cap = s.fontSize * 8;
  const at = top + GAP;
  if (slot * SIN45 >= s.lineHeight) {
    // Anchored at their end just under the column's centre; the text runs down to the left from there.
    const spots = labels.map((label, i) => {
      const x = centres[i] ?? 0;
      const room = Math.min(cap, (x - (s.lineHeight / 2) * SIN45) / SIN45);
      return spot(x, at, fitText(label, room, s.measure), 'end', s, -45);
    });
    const widest = Math.max(0, ...spots.map((one) => one.width));
    return { mode: 'diagonal', spots, height: Math.ceil(GAP + (widest + s.lineHeight / 2) * SIN45) };
  }
  const every = slot >= s.lineHeight ? 1 : Math.ceil(s.lineHeight / slot);
  const spots = labels.map((label, i) =>
    i % every === 0 ? spot(centres[i] ?? 0, at, fitText(label, cap, s.measure), 'end', s, -90) : undefined,
  );
  const widest = Math.max(0, ...spots.map((one) => one?.width ?? 0));
  return { mode: every === 1 ? 'vertical' : 'sparse', spots, height: Math.ceil(GAP + widest) };
}

/**
 * Vertical columns, left to right in the order given, `second` stacked on `value`; a scale of
 * whole-number ticks on the left with grid lines across; each column's total written on its top.
 */
export function columnLayout(input: ChartInput, box: ChartBox): ChartGeometry {
  const s = settings(box);
  const { data } = input;
  const max = chartMax(data);
  // All zero: no column to draw, so only room for the baseline and the zeros written on it.
  const plotHeight =
    max === 0 ? 2 * s.lineHeight : box.plotHeight !== undefined && box.plotHeight > 0 ? box.plotHeight : DEFAULT_PLOT_HEIGHT;
  const tickValues = scaleTicks(max, plotHeight, s.lineHeight * 1.5);
  const axisWidth = Math.ceil(Math.max(...tickValues.map((tick) => s.measure(String(tick))))) + 2 * GAP;
  const x0 = axisWidth;
  const plotWidth = Math.max(1, s.width - x0 - 2);
  const slot = plotWidth / Math.max(1, data.length);
  const columnWidth = Math.max(2, Math.min(slot * 0.6, s.fontSize * 4));
  const top = s.lineHeight + 4;
  const baseY = top + plotHeight;
  const centres = data.map((_, i) => x0 + slot * (i + 0.5));
  const labels = columnLabels(
    data.map((datum) => markedLabel(datum, input.marker)),
    centres,
    slot,
    baseY,
    s,
  );

  const geometry = data.map((datum, index): DatumGeometry => {
    const centre = centres[index] ?? 0;
    const left = tidy(centre - columnWidth / 2);
    const segments = segmentsOf(datum, max, plotHeight, (from, to) => ({
      x: left,
      y: tidy(baseY - to),
      width: tidy(columnWidth),
      height: tidy(to - from),
    }));
    const total = datumTotal(datum);
    const columnTop = baseY - scaleLength(total, max, plotHeight);
    return {
      index,
      datum,
      highlight: datum.highlight === true,
      segments,
      total,
      label: labels.spots[index],
      value: spot(centre, columnTop - 4 - s.lineHeight / 2, String(total), 'middle', s),
      title: datumTitle(datum, input.series, input.marker),
      frame: { x: tidy(centre - slot / 2 + 1), y: 1, width: tidy(Math.max(1, slot - 2)), height: tidy(baseY + 3) },
    };
  });

  const ticks = tickValues.map((value): Tick => {
    const y = tidy(baseY - scaleLength(value, max, plotHeight));
    return { value, label: spot(x0 - GAP, y, String(value), 'end', s), grid: { x1: x0, y1: y, x2: tidy(x0 + plotWidth), y2: y } };
  });
  return {
    kind: 'columns',
    width: s.width,
    height: Math.ceil(baseY + labels.height + 4),
    max,
    length: plotHeight,
    baseline: { x1: x0, y1: baseY, x2: tidy(x0 + plotWidth), y2: baseY },
    ticks,
    data: geometry,
    labelsAbove: false,
    labelMode: labels.mode,
  };
}

/** The geometry of one of the review's charts, by its kind, with its highlight word. */
export function chartLayout(chart: ReviewChart, box: ChartBox): ChartGeometry {
  const input: ChartInput = { data: chart.data, series: chart.series, marker: highlightMarker(chart.id) };
  return chart.kind === 'bars' ? barLayout(input, box) : columnLayout(input, box);
}

export interface ChartTableRow {
  /** The row's header cell (`<th scope="row">`): the label, with the highlight marker. */
  readonly header: string;
  readonly cells: readonly string[];
  readonly highlight: boolean;
}

export interface ChartTable {
  readonly caption: string;
  /** Column headers (`<th scope="col">`), the first over the row headers. */
  readonly headers: readonly string[];
  readonly rows: readonly ChartTableRow[];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The chart as a table: one row per datum with its label, its value, and for stacked data the
 * second value and the total; the caption is the chart's title.
 */
export function chartTable(chart: ReviewChart): ChartTable {
  const stacked = chart.series.length > 1 || chart.data.some((datum) => datum.second !== undefined);
  const marker = highlightMarker(chart.id);
  const headers = stacked
    ? [
        categoryHeader(chart.id),
        capitalised(chart.series[0] ?? l10n.t('first')),
        capitalised(chart.series[1] ?? l10n.t('second')),
        l10n.t('Total'),
      ]
    : [categoryHeader(chart.id), capitalised(chart.series[0] ?? l10n.t('count'))];
  const rows = chart.data.map((datum): ChartTableRow => {
    const value = String(count(datum.value));
    const cells = stacked ? [value, String(count(datum.second)), String(datumTotal(datum))] : [value];
    return { header: markedLabel(datum, marker), cells, highlight: datum.highlight === true };
  });
  return { caption: chart.title, headers, rows };
}
