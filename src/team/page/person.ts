import { MOOD_SCALE, moodLabel, moodLinePoints, moodScaleDescription, moodSummary, moodY, polylinePoints } from './moodLine';
import {
  isPersonToPage,
  type PersonMoodPoint,
  type PersonOpenDelegation,
  type PersonPageModel,
  type PersonTimelineEntry,
  type PersonToExtension,
} from '../protocol';
import { button, chartWidth, el, icon, svg, type ButtonSpec } from '../../shared/page/dom';
import { rememberFocus, restoreFocus } from '../../shared/page/focusKeeping';
import { byId, connect, readInitialState } from '../../shared/page/vscodeApi';
import * as l10n from '../../shared/l10n';
import { shippedPart, signalsSection } from './signalsPart';

/*
 * The person page: built entirely here from the model, with DOM calls. Every text goes in through
 * textContent; nothing from the extension is parsed as HTML, and no element gets an inline style
 * (the page's CSP has no 'unsafe-inline'): looks come from classes in person.css.
 */

const vscode = connect<PersonToExtension, PersonPageModel>();
const root = byId('person');

/** The model on screen. */
let current: PersonPageModel | undefined;
/** Whether "Show as table" under the mood line is open; kept across re-renders. */
let moodTableOpen = false;

// ---------------------------------------------------------------------------------------------
// Small builders

/** A button that sends `message` to the extension. */
function action({ message, ...spec }: Omit<ButtonSpec, 'onClick'> & { readonly message: PersonToExtension }): HTMLButtonElement {
  return button({ ...spec, onClick: () => vscode.post(message) });
}

/** A section with an h2 that can take focus (tabindex -1) when what had it is gone. */
function section(key: string, heading: string, className: string, ...children: (Node | undefined)[]): HTMLElement {
  const headingId = `${key}-heading`;
  const h2 = el('h2', { id: headingId, text: heading, focusKey: `heading:${key}` });
  h2.tabIndex = -1;
  const result = el('section', { className: `person-section ${className}` }, h2, ...children);
  result.setAttribute('aria-labelledby', headingId);
  return result;
}

function time(on: string, day: string): HTMLTimeElement {
  const result = el('time', { text: day });
  result.dateTime = on;
  return result;
}

/**
 * A text that may be overdue, with the state in words as well as colour: the warning icon, and
 * "Overdue: " in front unless the extension's wording already says so ("2 days overdue").
 */
function dueText(text: string, overdue: boolean, normalIcon: string): HTMLSpanElement {
  const result = el('span', { className: overdue ? 'due overdue' : 'due' }, icon(overdue ? 'warning' : normalIcon));
  if (overdue && !text.toLocaleLowerCase().includes(l10n.t('overdue').toLocaleLowerCase())) {
    result.append(el('strong', { className: 'overdue-word', text: l10n.t('Overdue: ') }));
  }
  result.append(el('span', { text }));
  return result;
}

// ---------------------------------------------------------------------------------------------
// Header and actions

function header(model: PersonPageModel): HTMLElement {
  const h1 = el('h1', { id: 'person-name', text: model.name, focusKey: 'heading:name' });
  h1.tabIndex = -1;
  const titleRow = el(
    'div',
    { className: 'title-row' },
    h1,
    model.archived ? el('span', { className: 'badge archived' }, icon('archive'), el('span', { text: l10n.t('Archived') })) : undefined,
  );
  const role = model.role !== undefined && model.role !== '' ? el('p', { className: 'role', text: model.role }) : undefined;
  const facts = el(
    'ul',
    { className: 'facts' },
    el('li', {}, icon('history'), el('span', { text: model.lastOneOnOne })),
    el('li', {}, dueText(model.nextOneOnOne, model.oneOnOneOverdue, 'calendar')),
    el('li', {}, icon('sync'), el('span', { text: l10n.t('Cadence: {0}', model.cadence) })),
  );
  facts.setAttribute('aria-label', l10n.t('About your 1:1s'));
  const actions = el(
    'div',
    { className: 'actions' },
    action({
      label: l10n.t('Log 1:1'),
      icon: 'comment-discussion',
      message: { type: 'logOneOnOne' },
      focusKey: 'action:logOneOnOne',
      primary: true,
      ariaLabel: l10n.t('Log 1:1 with {0}', model.name),
    }),
    action({
      label: l10n.t('Log feedback'),
      icon: 'feedback',
      message: { type: 'logFeedback' },
      focusKey: 'action:logFeedback',
      ariaLabel: l10n.t('Log feedback for {0}', model.name),
    }),
    action({
      label: l10n.t('Log moment'),
      icon: 'telescope',
      message: { type: 'logMoment' },
      focusKey: 'action:logMoment',
      ariaLabel: l10n.t('Log a moment with {0}: the bigger picture explained, or a behavior modeled', model.name),
    }),
    action({
      label: l10n.t('Delegate…'),
      icon: 'export',
      message: { type: 'logDelegation' },
      focusKey: 'action:logDelegation',
      ariaLabel: l10n.t('Delegate… a task to {0}', model.name),
    }),
    action({
      label: l10n.t('Rename'),
      icon: 'edit',
      message: { type: 'rename' },
      focusKey: 'action:rename',
      ariaLabel: l10n.t('Rename {0}', model.name),
    }),
  );
  actions.setAttribute('role', 'group');
  actions.setAttribute('aria-label', l10n.t('Actions'));
  return el('header', { className: 'person-header' }, titleRow, role, facts, actions);
}

// ---------------------------------------------------------------------------------------------
// The mood line

/** The drawing's height in SVG units; its width follows the page (see `chartWidth`). */
const CHART_HEIGHT = 132;
/** Room left of the plot for the scale's words. */
const AXIS_WIDTH = 76;
const PLOT_PADDING = 12;
const POINT_RADIUS = 4;
const DEFAULT_CHART_WIDTH = 480;
/** The narrowest drawing, in SVG units; narrower figures scale it down. */
const MIN_CHART_WIDTH = 200;

function moodChart(moods: readonly PersonMoodPoint[], width: number): SVGSVGElement {
  const chart = svg('svg', { viewBox: `0 0 ${width} ${CHART_HEIGHT}` }, 'mood-chart');
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', moodSummary(moods));
  chart.setAttribute('aria-describedby', 'mood-scale');

  const plotWidth = width - AXIS_WIDTH;
  const scale = svg('g', {}, 'mood-axis');
  for (const step of MOOD_SCALE) {
    const y = moodY(step.mood, CHART_HEIGHT, PLOT_PADDING);
    scale.append(
      svg(
        'line',
        { x1: AXIS_WIDTH, x2: width - PLOT_PADDING / 2, y1: y, y2: y },
        step.mood === 3 ? 'mood-grid mood-grid-middle' : 'mood-grid',
      ),
    );
    const word = svg('text', { x: AXIS_WIDTH - 8, y, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, 'mood-word');
    word.textContent = step.word;
    scale.append(word);
  }
  chart.append(scale);

  const plot = svg('g', { transform: `translate(${AXIS_WIDTH} 0)` }, 'mood-plot');
  const points = moodLinePoints(moods, plotWidth, CHART_HEIGHT, PLOT_PADDING);
  if (points.length > 1) {
    plot.append(
      svg(
        'polyline',
        { points: polylinePoints(points), fill: 'none', 'stroke-width': 2, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' },
        'mood-line',
      ),
    );
  }
  points.forEach((point, index) => {
    const mood = moods[index];
    if (mood === undefined) {
      return;
    }
    const last = index === points.length - 1;
    const circle = svg(
      'circle',
      { cx: point.x, cy: point.y, r: last ? POINT_RADIUS + 1 : POINT_RADIUS, 'stroke-width': 2 },
      last ? 'mood-point mood-point-last' : 'mood-point',
    );
    const title = svg('title');
    title.textContent = `${mood.label}, ${mood.day}`;
    circle.append(title);
    plot.append(circle);
  });
  chart.append(plot);
  return chart;
}

function moodTable(moods: readonly PersonMoodPoint[]): HTMLDetailsElement {
  const rows = moods.map((point) => el('tr', {}, el('td', {}, time(point.on, point.day)), el('td', { text: point.label })));
  const dayHeader = el('th', { text: l10n.t('Day') });
  const moodHeader = el('th', { text: l10n.t('How they were doing') });
  dayHeader.scope = 'col';
  moodHeader.scope = 'col';
  const table = el(
    'table',
    { className: 'mood-data' },
    el('caption', { className: 'visually-hidden', text: l10n.t('How they were doing at each 1:1, oldest first') }),
    el('thead', {}, el('tr', {}, dayHeader, moodHeader)),
    el('tbody', {}, ...rows),
  );
  const details = el(
    'details',
    { className: 'mood-table' },
    el('summary', { text: l10n.t('Show as table'), focusKey: 'moodTable' }),
    table,
  );
  details.open = moodTableOpen;
  details.addEventListener('toggle', () => {
    moodTableOpen = details.open;
  });
  return details;
}

/** The chart itself is drawn by `fitChart` once the figure is in the page and has a width. */
function moodSection(model: PersonPageModel): HTMLElement {
  if (model.moods.length === 0) {
    return section('mood', l10n.t('How they were doing'), 'mood-section', el('p', { className: 'empty', text: moodSummary(model.moods) }));
  }
  const figure = el(
    'figure',
    { className: 'mood-figure' },
    el('p', { id: 'mood-scale', className: 'visually-hidden', text: moodScaleDescription() }),
  );
  return section('mood', l10n.t('How they were doing'), 'mood-section', figure, moodTable(model.moods));
}

/** Draws the chart at the figure's width, or redraws it when that width changed; nothing else changes. */
function fitChart(): void {
  const figure = root.querySelector<HTMLElement>('.mood-figure');
  if (current === undefined || figure === null) {
    return;
  }
  const width = chartWidth(figure, MIN_CHART_WIDTH, DEFAULT_CHART_WIDTH);
  const chart = figure.querySelector<SVGSVGElement>('svg.mood-chart');
  if (chart === null) {
    figure.prepend(moodChart(current.moods, width));
  } else if (chart.viewBox.baseVal.width !== width) {
    chart.replaceWith(moodChart(current.moods, width));
  }
}

let resizeFrame = 0;
const resizeObserver = new ResizeObserver(() => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(fitChart);
});
resizeObserver.observe(root);

// ---------------------------------------------------------------------------------------------
// Open delegations

function delegationItem(delegation: PersonOpenDelegation): HTMLLIElement {
  const text = el(
    'div',
    { className: 'delegation-text' },
    el('span', { className: 'task', text: delegation.task }),
    el(
      'span',
      { className: 'meta' },
      el('span', { className: 'level', text: l10n.t('Level: {0}', delegation.level) }),
      dueText(l10n.t('Follow-up {0}', delegation.followUp), delegation.overdue, 'calendar'),
    ),
  );
  const code = delegation.code;
  if (code !== undefined) {
    // What moved in the code it points at: text only, as every line of the model.
    text.append(
      el(
        'div',
        { className: 'code-moves' },
        ...(code.moving === undefined ? [] : [el('span', { className: 'moving' }, icon('pulse'), el('span', { text: code.moving }))]),
        ...code.lines.map((line) => el('span', { className: 'code-line', text: line })),
        ...(code.question === undefined ? [] : [el('span', { className: 'code-question', text: code.question })]),
      ),
    );
  }
  const checkIn = action({
    label: l10n.t('Check in'),
    icon: 'comment',
    message: { type: 'checkIn', delegationId: delegation.id },
    focusKey: `checkIn:${delegation.id}`,
    focusGroup: 'checkIn',
    focusFallback: 'heading:delegations',
    ariaLabel: l10n.t('Check in on "{0}"', delegation.task),
  });
  return el('li', { className: delegation.overdue ? 'delegation overdue' : 'delegation' }, text, checkIn);
}

function delegationsSection(model: PersonPageModel): HTMLElement {
  const count = model.openDelegations.length;
  const body =
    count === 0
      ? el('p', { className: 'empty', text: l10n.t('Nothing delegated to them is open.') })
      : el('ul', { className: 'delegations' }, ...model.openDelegations.map(delegationItem));
  const result = section('delegations', l10n.t('Open delegations'), 'delegations-section', body);
  if (count > 0) {
    const heading = result.querySelector('h2');
    heading?.append(el('span', { className: 'count', text: ` (${count})` }));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Prepare next 1:1

function topicWord(topic: PersonPageModel['prepare']['questions'][number]['topic']): string {
  switch (topic) {
    case 'check-in':
      return l10n.t('How they are');
    case 'career':
      return l10n.t('Career');
    case 'feedback':
      return l10n.t('Feedback');
    default:
      return topic;
  }
}

function prepareSection(model: PersonPageModel): HTMLElement {
  const { due, lastNotes, questions } = model.prepare;
  const dueBody =
    due.length === 0
      ? el('p', { className: 'empty', text: l10n.t('Nothing is due with them.') })
      : el('ul', { className: 'prepare-due' }, ...due.map((line) => el('li', { text: line })));
  const notes =
    lastNotes !== undefined && lastNotes.trim() !== ''
      ? [
          el('h3', { text: l10n.t('From the last 1:1') }),
          el('blockquote', { className: 'last-notes' }, ...lastNotes.split(/\r?\n/).map((line) => el('p', { text: line }))),
        ]
      : [];
  const questionList =
    questions.length === 0
      ? undefined
      : el(
          'ol',
          { className: 'questions' },
          ...questions.map((question) =>
            el(
              'li',
              {},
              el('span', { className: 'topic', text: l10n.t('{0}: ', topicWord(question.topic)) }),
              el('span', { text: question.text }),
            ),
          ),
        );
  const copy = action({
    label: l10n.t('Copy to clipboard'),
    icon: 'copy',
    message: { type: 'copyPrepare' },
    focusKey: 'action:copyPrepare',
    title: l10n.t('Copy what is due, the last notes and the questions, to paste into your notes'),
  });
  return section(
    'prepare',
    l10n.t('Prepare next 1:1'),
    'prepare-section',
    el('h3', { text: l10n.t('Due') }),
    dueBody,
    ...notes,
    questionList === undefined ? undefined : el('h3', { text: l10n.t('Questions to ask') }),
    questionList,
    ...shippedPart(model.signals, (message) => vscode.post(message)),
    el('div', { className: 'actions' }, copy),
  );
}

// ---------------------------------------------------------------------------------------------
// Timeline

const KIND_ICONS: Readonly<Record<PersonTimelineEntry['kind'], string>> = {
  delegated: 'export',
  checkIn: 'comment',
  levelChanged: 'arrow-both',
  followUpChanged: 'calendar',
  done: 'check',
  reopened: 'debug-restart',
  edited: 'edit',
  oneOnOne: 'comment-discussion',
  feedbackGiven: 'feedback',
  feedbackAsked: 'question',
  biggerPicture: 'telescope',
  modelling: 'mirror',
};

function timelineItem(entry: PersonTimelineEntry): HTMLLIElement {
  const body = el(
    'div',
    { className: 'entry-body' },
    el('p', { className: 'entry-head' }, time(entry.on, entry.day), el('span', { className: 'entry-title', text: entry.title })),
    entry.mood === undefined
      ? undefined
      : el('p', { className: 'entry-mood', text: l10n.t('How they were doing: {0}', moodLabel(entry.mood)) }),
    ...entry.details.map((line) => el('p', { className: 'entry-detail', text: line })),
  );
  return el(
    'li',
    { className: `entry kind-${entry.kind}` },
    el('span', { className: 'entry-icon' }, icon(KIND_ICONS[entry.kind] ?? 'circle-filled')),
    body,
  );
}

function timelineSection(model: PersonPageModel): HTMLElement {
  const body =
    model.timeline.length === 0
      ? el('p', { className: 'empty', text: l10n.t('Nothing yet: a 1:1, feedback or a delegation will show here.') })
      : el('ol', { className: 'timeline' }, ...model.timeline.map(timelineItem));
  return section(
    'timeline',
    l10n.t('Timeline'),
    'timeline-section',
    el('p', { className: 'section-note', text: l10n.t('Everything with them, newest first.') }),
    body,
  );
}

// ---------------------------------------------------------------------------------------------
// Rendering, keeping focus

function render(model: PersonPageModel): void {
  current = model;
  vscode.setState(model);
  const focus = rememberFocus(root);
  const sections = [header(model), signalsSection(model), moodSection(model), delegationsSection(model), prepareSection(model)];
  root.replaceChildren(...sections.filter((s): s is HTMLElement => s !== undefined), timelineSection(model));
  fitChart();
  restoreFocus(root, focus);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isPersonToPage(event.data)) {
    render(event.data.model);
  }
});

const initial = readInitialState<PersonPageModel>() ?? vscode.getState();
if (initial) {
  render(initial);
  byId('person-name').focus({ preventScroll: true });
} else {
  root.replaceChildren(el('p', { className: 'empty', text: l10n.t('Loading…') }));
}
vscode.post({ type: 'ready' });
