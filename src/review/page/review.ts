import {
  chartLayout,
  chartTable,
  DEFAULT_FONT_SIZE,
  estimateMeasure,
  MIN_CHART_WIDTH,
  type ChartGeometry,
  type Measure,
  type TextSpot,
} from './charts';
import {
  ANSWER_MAX,
  isReviewToPage,
  type ReflectionPrompt,
  type ReviewChart,
  type ReviewPageModel,
  type ReviewToExtension,
} from '../protocol';
import { button, chartWidth, el, icon, svg, type ButtonSpec } from '../../shared/page/dom';
import { rememberFocus, restoreFocus } from '../../shared/page/focusKeeping';
import { byId, connect, readInitialState } from '../../shared/page/vscodeApi';
import * as l10n from '../../shared/l10n';

/*
 * The Weekly Review page: built entirely here from the model, with DOM calls. Every text goes in
 * through textContent; nothing from the extension is parsed as HTML, and no element gets an inline
 * style (the page's CSP has no 'unsafe-inline'): looks come from classes in review.css, and the
 * charts' shapes from src/shared/charts.ts as SVG attributes.
 *
 * Answers to the reflection prompts are the only thing typed here. They are sent after 800 ms
 * without typing and when a box loses focus; until the extension says `saved`, what was typed wins
 * over the model's answer on a re-render, so a model that crosses a save never wipes text.
 */

const vscode = connect<ReviewToExtension, ReviewPageModel>();
const root = byId('review');
const HATCH_ID = 'review-hatch';
/** Quiet time after the last keystroke before an answer is sent. */
const SAVE_DELAY_MS = 800;
const DEFAULT_CHART_WIDTH = 480;

/** The model on screen, with the answers the extension has confirmed since it was sent. */
let current: ReviewPageModel | undefined;
/** The charts whose table is open; kept across re-renders and weeks. */
const openTables = new Set<string>();
/** True while the page is rebuilt: a box losing focus because it was replaced is not the user leaving it. */
let rendering = false;

// ---------------------------------------------------------------------------------------------
// Small builders

/** A button that sends `message` to the extension, after any answer still waiting. */
function action({ message, ...spec }: Omit<ButtonSpec, 'onClick'> & { readonly message: ReviewToExtension }): HTMLButtonElement {
  return button({ ...spec, onClick: () => send(message) });
}

/** Sends a message after any answer still waiting for its quiet time, so the extension has it first. */
function send(message: ReviewToExtension): void {
  flushAll();
  vscode.post(message);
}

// ---------------------------------------------------------------------------------------------
// Answers being typed

interface Draft {
  readonly weekStart: string;
  text: string;
  /** Typed since last sent; when false, sent and waiting for `saved`. */
  typing: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** What was typed in each prompt of the week on screen and is not yet confirmed saved, by prompt id. */
const drafts = new Map<string, Draft>();
/** Answers sent, oldest first, until the extension confirms them. */
const sent: { readonly weekStart: string; readonly promptId: string; readonly text: string }[] = [];
/** The prompts of the week on screen that show "Saved". */
const savedShown = new Set<string>();

function savedLabel(promptId: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('.saved')].find((element) => element.dataset['promptId'] === promptId);
}

function typed(promptId: string, weekStart: string, text: string): void {
  let draft = drafts.get(promptId);
  if (draft === undefined || draft.weekStart !== weekStart) {
    draft = { weekStart, text, typing: true, timer: undefined };
    drafts.set(promptId, draft);
  }
  draft.text = text;
  draft.typing = true;
  clearTimeout(draft.timer);
  draft.timer = setTimeout(() => flush(promptId), SAVE_DELAY_MS);
  if (savedShown.delete(promptId)) {
    savedLabel(promptId)?.replaceChildren();
  }
}

/** Sends the prompt's answer now if it was typed since it was last sent. */
function flush(promptId: string): void {
  const draft = drafts.get(promptId);
  if (draft === undefined || !draft.typing) {
    return;
  }
  clearTimeout(draft.timer);
  draft.timer = undefined;
  draft.typing = false;
  const text = draft.text.slice(0, ANSWER_MAX);
  sent.push({ weekStart: draft.weekStart, promptId, text });
  vscode.post({ type: 'saveAnswer', weekStart: draft.weekStart, promptId, answer: text });
}

function flushAll(): void {
  for (const promptId of [...drafts.keys()]) {
    flush(promptId);
  }
}

/** The extension saved an answer: the model on screen takes it, and the prompt says "Saved" unless typed on since. */
function confirmSaved(promptId: string): void {
  // The latest answer sent for the prompt. The extension saves in order, and one it refuses (it warns
  // the user then) gets no reply, so the older answers sent for the prompt are dropped with it.
  const index = sent.map((entry) => entry.promptId).lastIndexOf(promptId);
  const entry = sent[index];
  for (let i = index; i >= 0; i--) {
    if (sent[i]?.promptId === promptId) {
      sent.splice(i, 1);
    }
  }
  if (current === undefined || entry === undefined || entry.weekStart !== current.weekStart) {
    return;
  }
  const draft = drafts.get(promptId);
  if (draft !== undefined && draft.weekStart === entry.weekStart) {
    if (draft.typing) {
      // Typed on since: that text is not saved yet; its own `saved` will say so.
      return;
    }
    drafts.delete(promptId);
  }
  current = { ...current, prompts: current.prompts.map((prompt) => (prompt.id === promptId ? { ...prompt, answer: entry.text } : prompt)) };
  vscode.setState(current);
  savedShown.add(promptId);
  savedLabel(promptId)?.replaceChildren(...savedContent());
}

function savedContent(): Node[] {
  return [icon('check'), el('span', { text: l10n.t('Saved') })];
}

// ---------------------------------------------------------------------------------------------
// Header

function header(model: ReviewPageModel): HTMLElement {
  const h1 = el('h1', { id: 'review-title', text: model.title, focusKey: 'heading:title' });
  h1.tabIndex = -1;
  const nav = el(
    'div',
    { className: 'week-nav' },
    action({
      label: l10n.t('Previous week'),
      icon: 'arrow-left',
      message: { type: 'previousWeek' },
      focusKey: 'nav:previous',
      title: l10n.t('Previous week (Alt+Left)'),
      keyShortcuts: 'Alt+ArrowLeft',
    }),
    action({ label: l10n.t('This week'), icon: 'calendar', message: { type: 'thisWeek' }, focusKey: 'nav:this' }),
    action({
      label: l10n.t('Next week'),
      icon: 'arrow-right',
      message: { type: 'nextWeek' },
      focusKey: 'nav:next',
      title: l10n.t('Next week (Alt+Right)'),
      keyShortcuts: 'Alt+ArrowRight',
      disabled: !model.canGoNext,
      focusFallback: 'nav:this',
    }),
  );
  nav.setAttribute('role', 'group');
  nav.setAttribute('aria-label', l10n.t('Week'));
  const exports = el(
    'div',
    { className: 'export-actions' },
    action({
      label: l10n.t('Export Markdown…'),
      icon: 'save-as',
      message: { type: 'exportMarkdown' },
      focusKey: 'export:file',
      title: l10n.t('Save this review as a Markdown file'),
    }),
    action({
      label: l10n.t('Copy as Markdown'),
      icon: 'copy',
      message: { type: 'copyMarkdown' },
      focusKey: 'export:copy',
      title: l10n.t('Copy this review as Markdown, to paste into your notes'),
    }),
  );
  exports.setAttribute('role', 'group');
  exports.setAttribute('aria-label', l10n.t('Export'));
  return el(
    'header',
    { className: 'review-header' },
    h1,
    el('p', { className: 'when', text: model.when }),
    el('div', { className: 'toolbar' }, nav, exports),
  );
}

// ---------------------------------------------------------------------------------------------
// Charts

/** The hatching of the second series, defined once for every chart and legend on the page. */
function patternDefs(): SVGSVGElement {
  const holder = svg('svg', { width: 0, height: 0, focusable: 'false' }, 'chart-defs');
  holder.setAttribute('aria-hidden', 'true');
  const pattern = svg('pattern', { id: HATCH_ID, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  pattern.append(
    svg('rect', { width: 6, height: 6 }, 'hatch-ground'),
    svg('line', { x1: 1.5, y1: 0, x2: 1.5, y2: 6, 'stroke-width': 3 }, 'hatch-line'),
  );
  const defs = svg('defs');
  defs.append(pattern);
  holder.append(defs);
  return holder;
}

/** Measures texts in the font the chart's texts get (they inherit the figure's). */
const measuringContext = document.createElement('canvas').getContext('2d');

function fontOf(element: Element): { fontSize: number; measure: Measure } {
  const style = getComputedStyle(element);
  const parsed = Number.parseFloat(style.fontSize);
  const fontSize = Number.isFinite(parsed) && parsed > 0 ? parsed : DEFAULT_FONT_SIZE;
  if (measuringContext === null) {
    return { fontSize, measure: estimateMeasure(fontSize) };
  }
  measuringContext.font = `${style.fontWeight} ${fontSize}px ${style.fontFamily}`;
  if (!measuringContext.font.includes(`${fontSize}px`)) {
    return { fontSize, measure: estimateMeasure(fontSize) };
  }
  const context = measuringContext;
  const font = context.font;
  return {
    fontSize,
    measure: (text) => {
      context.font = font;
      return Math.ceil(context.measureText(text).width);
    },
  };
}

function svgText(spot: TextSpot, className: string): SVGTextElement {
  const attributes: Record<string, string | number> = { x: spot.x, y: spot.y, 'text-anchor': spot.anchor, 'dominant-baseline': 'central' };
  if (spot.rotate !== 0) {
    attributes['transform'] = `rotate(${spot.rotate} ${spot.x} ${spot.y})`;
  }
  const text = svg('text', attributes, className);
  if (spot.lines.length === 1) {
    text.textContent = spot.lines[0] ?? '';
  } else {
    spot.lines.forEach((line, index) => {
      const tspan = svg('tspan', { x: spot.x, dy: index === 0 ? 0 : spot.lineHeight, 'dominant-baseline': 'central' });
      tspan.textContent = line;
      text.append(tspan);
    });
  }
  return text;
}

function drawChart(chart: ReviewChart, geometry: ChartGeometry): SVGSVGElement {
  const result = svg('svg', { viewBox: `0 0 ${geometry.width} ${geometry.height}` }, `chart chart-${geometry.kind}`);
  result.setAttribute('role', 'img');
  result.setAttribute('aria-label', chart.summary);

  const axis = svg('g', {}, 'chart-axis');
  for (const tick of geometry.ticks) {
    if (tick.value !== 0) {
      axis.append(svg('line', { ...tick.grid }, 'chart-grid'));
    }
    axis.append(svgText(tick.label, 'chart-tick'));
  }
  result.append(axis);

  for (const datum of geometry.data) {
    const group = svg('g', {}, datum.highlight ? 'chart-datum highlight' : 'chart-datum');
    const title = svg('title');
    title.textContent = datum.title;
    group.append(title);
    if (datum.highlight) {
      group.append(svg('rect', { ...datum.frame, rx: 3 }, 'chart-frame'));
    }
    for (const segment of datum.segments) {
      if (segment.width > 0 && segment.height > 0) {
        const attributes: Record<string, string | number> = { x: segment.x, y: segment.y, width: segment.width, height: segment.height };
        if (segment.series === 1) {
          attributes['fill'] = `url(#${HATCH_ID})`;
        }
        group.append(svg('rect', attributes, `chart-segment series-${segment.series}`));
      }
    }
    if (datum.label !== undefined) {
      group.append(svgText(datum.label, 'chart-label'));
    }
    group.append(svgText(datum.value, 'chart-value'));
    result.append(group);
  }
  result.append(svg('line', { ...geometry.baseline }, 'chart-baseline'));
  return result;
}

/** A key for two series, with the same fill and hatching as the chart. */
function legend(chart: ReviewChart): HTMLUListElement | undefined {
  if (chart.series.length < 2) {
    return undefined;
  }
  const items = chart.series.slice(0, 2).map((name, index) => {
    const swatch = svg('svg', { viewBox: '0 0 14 14', width: 14, height: 14 }, 'legend-swatch');
    swatch.setAttribute('aria-hidden', 'true');
    const attributes: Record<string, string | number> = { x: 0.5, y: 0.5, width: 13, height: 13 };
    if (index === 1) {
      attributes['fill'] = `url(#${HATCH_ID})`;
    }
    swatch.append(svg('rect', attributes, `chart-segment series-${index}`));
    const item = el('li', {}, el('span', { text: index === 0 ? l10n.t('Solid: {0}', name) : l10n.t('Hatched: {0}', name) }));
    item.prepend(swatch);
    return item;
  });
  const list = el('ul', { className: 'chart-legend' }, ...items);
  list.setAttribute('aria-label', l10n.t('Key'));
  return list;
}

function dataTable(chart: ReviewChart, id: string): HTMLDivElement {
  const table = chartTable(chart);
  const headRow = el(
    'tr',
    {},
    ...table.headers.map((text, index) => {
      const th = el('th', { text, className: index === 0 ? undefined : 'number' });
      th.scope = 'col';
      return th;
    }),
  );
  const rows = table.rows.map((row) => {
    const th = el('th', { text: row.header });
    th.scope = 'row';
    return el(
      'tr',
      { className: row.highlight ? 'highlight' : undefined },
      th,
      ...row.cells.map((cell) => el('td', { text: cell, className: 'number' })),
    );
  });
  const wrapper = el(
    'div',
    { id, className: 'chart-table' },
    el('table', { className: 'chart-data' }, el('caption', { text: table.caption }), el('thead', {}, headRow), el('tbody', {}, ...rows)),
  );
  wrapper.hidden = !openTables.has(chart.id);
  return wrapper;
}

function tableToggle(chart: ReviewChart, tableId: string): HTMLButtonElement {
  const open = openTables.has(chart.id);
  const toggle = el(
    'button',
    { className: 'link table-toggle', focusKey: `table:${chart.id}` },
    icon('chevron-right'),
    el('span', { text: l10n.t('Show as table') }),
  );
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', String(open));
  toggle.setAttribute('aria-controls', tableId);
  toggle.addEventListener('click', () => {
    const opening = !openTables.has(chart.id);
    if (opening) {
      openTables.add(chart.id);
    } else {
      openTables.delete(chart.id);
    }
    toggle.setAttribute('aria-expanded', String(opening));
    const table = document.getElementById(tableId);
    if (table !== null) {
      table.hidden = !opening;
    }
  });
  return toggle;
}

/** The chart itself is drawn by `fitCharts` once the figure is in the page and has a width. */
function chartSection(chart: ReviewChart): HTMLElement {
  const key = `chart-${chart.id}`;
  const headingId = `${key}-heading`;
  const h2 = el('h2', { id: headingId, text: chart.title, focusKey: `heading:${key}` });
  h2.tabIndex = -1;
  const note = chart.note !== undefined && chart.note !== '' ? el('p', { className: 'chart-note', text: chart.note }) : undefined;
  let content: (Node | undefined)[];
  if (chart.data.length === 0) {
    content = [el('p', { className: 'empty', text: chart.summary }), note];
  } else {
    const figure = el('figure', { className: 'chart-figure' });
    figure.dataset['chartId'] = chart.id;
    const tableId = `${key}-table`;
    content = [legend(chart), figure, note, tableToggle(chart, tableId), dataTable(chart, tableId)];
  }
  const result = el('section', { className: `review-section chart-section chart-${chart.kind}` }, h2, ...content);
  result.setAttribute('aria-labelledby', headingId);
  return result;
}

/** Draws each chart at its figure's width, or redraws the ones whose width changed; nothing else changes. */
function fitCharts(): void {
  if (current === undefined) {
    return;
  }
  for (const figure of root.querySelectorAll<HTMLElement>('figure.chart-figure')) {
    const chart = current.charts.find((candidate) => candidate.id === figure.dataset['chartId']);
    if (chart === undefined) {
      continue;
    }
    const width = chartWidth(figure, MIN_CHART_WIDTH, DEFAULT_CHART_WIDTH);
    const drawn = figure.querySelector<SVGSVGElement>('svg.chart');
    if (drawn === null || drawn.viewBox.baseVal.width !== width) {
      const font = fontOf(figure);
      const fresh = drawChart(chart, chartLayout(chart, { width, fontSize: font.fontSize, measure: font.measure }));
      if (drawn === null) {
        figure.append(fresh);
      } else {
        drawn.replaceWith(fresh);
      }
    }
  }
}

let resizeFrame = 0;
const resizeObserver = new ResizeObserver(() => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(fitCharts);
});
resizeObserver.observe(root);

// ---------------------------------------------------------------------------------------------
// Streak and reflection

function promptBlock(model: ReviewPageModel, prompt: ReflectionPrompt, index: number): HTMLElement {
  const id = `answer-${index}`;
  const label = el('label', { text: prompt.text });
  label.htmlFor = id;
  const saved = el('span', { className: 'saved' }, ...(savedShown.has(prompt.id) ? savedContent() : []));
  saved.dataset['promptId'] = prompt.id;
  saved.setAttribute('aria-live', 'polite');
  const area = el('textarea', { id, focusKey: `answer:${prompt.id}` });
  area.rows = 3;
  area.maxLength = ANSWER_MAX;
  const draft = drafts.get(prompt.id);
  area.value = draft !== undefined && draft.weekStart === model.weekStart ? draft.text : prompt.answer;
  const weekStart = model.weekStart;
  area.addEventListener('input', () => typed(prompt.id, weekStart, area.value));
  area.addEventListener('blur', () => {
    if (!rendering) {
      flush(prompt.id);
    }
  });
  return el('div', { className: 'prompt' }, el('div', { className: 'prompt-head' }, label, saved), area);
}

function reflectionSection(model: ReviewPageModel): HTMLElement {
  const h2 = el('h2', { id: 'reflect-heading', text: l10n.t('Reflect'), focusKey: 'heading:reflect' });
  h2.tabIndex = -1;
  const result = el(
    'section',
    { className: 'review-section reflect-section' },
    h2,
    el('p', { className: 'section-note', text: l10n.t('Your answers are saved as you type, for this week.') }),
    ...model.prompts.map((prompt, index) => promptBlock(model, prompt, index)),
  );
  result.setAttribute('aria-labelledby', 'reflect-heading');
  return result;
}

// ---------------------------------------------------------------------------------------------
// Rendering, keeping focus

/** The lead's own week from the repository: their figures, beside their leading, and the one line when code crowds it out. */
function balanceSection(balance: NonNullable<ReviewPageModel['balance']>): HTMLElement {
  const heading = el('h2', { id: 'balance-heading', text: l10n.t('Your own week in the code') });
  const result = el(
    'section',
    { className: 'balance' },
    heading,
    el('p', {
      className: 'balance-note',
      text: l10n.t('From the repository signals; only you see this, and it is left out of the export.'),
    }),
    el('ul', { className: 'balance-lines' }, ...[...balance.lines, balance.beside].map((line) => el('li', { text: line }))),
    ...(balance.crowding === undefined
      ? []
      : [el('p', { className: 'balance-crowding' }, icon('warning'), el('span', { text: balance.crowding }))]),
    ...(balance.question === undefined ? [] : [el('p', { className: 'balance-question', text: balance.question })]),
  );
  result.setAttribute('aria-labelledby', 'balance-heading');
  return result;
}

/** Parts of the page built once: the headline is a live region, so it stays and only its text changes. */
const top = el('div', { className: 'review-top' });
const headline = el('p', { id: 'review-headline', className: 'headline' });
headline.setAttribute('role', 'status');
const body = el('div', { className: 'review-body' });

function render(model: ReviewPageModel): void {
  const sameWeek = current === undefined || current.weekStart === model.weekStart;
  if (!sameWeek) {
    // Answers typed for the week that was on screen are sent for that week, then forgotten here.
    flushAll();
    drafts.clear();
    savedShown.clear();
  }
  const focus = rememberFocus(root);
  current = model;
  vscode.setState(model);
  rendering = true;
  try {
    top.replaceChildren(header(model));
    if (headline.textContent !== model.headline) {
      headline.textContent = model.headline;
    }
    const charts = el('div', { className: 'charts' }, ...model.charts.map(chartSection));
    body.replaceChildren(
      charts,
      el('p', { className: 'streak' }, icon('flame'), el('span', { text: model.streak })),
      ...(model.balance === undefined ? [] : [balanceSection(model.balance)]),
      reflectionSection(model),
    );
    fitCharts();
    // The caret of an answer box comes back only in the same week (another week's box holds other text).
    restoreFocus(root, focus, { selection: sameWeek, lastResort: 'heading:title' });
  } finally {
    rendering = false;
  }
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLInputElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

// Alt+Left and Alt+Right change the week, except in an answer box, where they move the caret by word on macOS.
document.addEventListener('keydown', (event) => {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTextField(event.target) || current === undefined) {
    return;
  }
  if (event.key === 'ArrowLeft') {
    event.preventDefault();
    send({ type: 'previousWeek' });
  } else if (event.key === 'ArrowRight' && current.canGoNext) {
    event.preventDefault();
    send({ type: 'nextWeek' });
  }
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isReviewToPage(message)) {
    return;
  }
  if (message.type === 'model') {
    render(message.model);
  } else {
    confirmSaved(message.promptId);
  }
});

root.replaceChildren(patternDefs(), top, headline, body);
const initial = readInitialState<ReviewPageModel>() ?? vscode.getState();
if (initial) {
  render(initial);
  byId('review-title').focus({ preventScroll: true });
} else {
  body.replaceChildren(el('p', { className: 'empty', text: l10n.t('Loading…') }));
}
vscode.post({ type: 'ready' });
