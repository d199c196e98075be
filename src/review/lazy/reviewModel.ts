/**
 * The Weekly Review's page model and its Markdown export, worded from the week's figures. Plain
 * TypeScript (no `vscode`), so every sentence is unit-tested.
 */
import { addDays, daysBetween, formatDay, type DateKey } from '../../domain/dates';
import { DELEGATION_LEVELS as LEVELS } from '../../domain/delegationLevels';
import { ACTION_LABELS, ACTIONS, type Action, type WeekFigures } from '../../domain/review';
import type { Reflection } from '../../domain/reflections';
import type { ReviewChart, ReviewPageModel } from '../../shared/reviewProtocol';

/** How the headline names the action done least. */
const LEAST: Readonly<Record<Action, string>> = {
  checkIns: 'You checked in with people least',
  biggerPicture: 'You explained the bigger picture least',
  modelling: 'You modelled the behaviour you want least',
  delegating: 'You delegated least',
  feedback: 'You asked for feedback least',
};

function times(n: number): string {
  return n === 0 ? 'not once' : n === 1 ? 'once' : `${n} times`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function weekTitle(figures: WeekFigures, today: DateKey): string {
  const { start, end } = figures.week;
  const endText = start.slice(0, 7) === end.slice(0, 7) ? String(Number(end.slice(8))) : formatDay(end, today).replace(/^\w+ /, '');
  return `Week of ${formatDay(start, today)} (${Number(start.slice(8))} to ${endText})`;
}

export function weekWhen(figures: WeekFigures, today: DateKey): string {
  if (figures.current) {
    return 'This week, so far';
  }
  const weeks = Math.round(daysBetween(figures.week.start, today) / 7);
  return weeks <= 1 ? 'Last week' : `${weeks} weeks ago`;
}

function shortWeek(start: DateKey, today: DateKey): string {
  return formatDay(start, today).replace(/^\w+ /, '');
}

/** The charts, each with its accessible summary and its note in words. */
export function reviewCharts(figures: WeekFigures, today: DateKey): ReviewChart[] {
  const a = figures.actions;
  const active = figures.people;
  const given = active.reduce((sum, p) => sum + p.delegated, 0);
  const series = figures.series;
  const last = series.at(-1);
  const overdue = active.filter((p) => p.oneOnOneOverdue);
  return [
    {
      id: 'actions',
      title: 'The five actions this week',
      summary: `${ACTIONS.map((action) => `${ACTION_LABELS[action]}: ${a[action]}`).join('; ')}. Done least: ${ACTION_LABELS[figures.least].toLowerCase()}.`,
      kind: 'bars',
      series: ['times'],
      data: ACTIONS.map((action) => ({ label: ACTION_LABELS[action], value: a[action], ...(action === figures.least ? { highlight: true } : {}) })),
      note: 'Check-ins count 1:1s and delegation check-ins; delegating counts delegations logged; feedback counts feedback you asked for; each also counts the nudges of that action you marked done.',
    },
    {
      id: 'delegationsPerPerson',
      title: 'Delegations given per person',
      summary: active.length === 0 ? 'Nobody is in the team yet.' : `${plural(given, 'delegation', 'delegations')} this week: ${active.map((p) => `${p.name} ${p.delegated}`).join(', ')}.`,
      kind: 'bars',
      series: ['delegations'],
      data: active.map((p) => ({ label: p.name, value: p.delegated })),
      ...(figures.noDelegation.length > 0 ? { note: `No delegation this week: ${figures.noDelegation.join(', ')}.` } : {}),
    },
    {
      id: 'levels',
      title: 'How much was handed over (delegation levels)',
      summary: `The week's delegations by level: ${LEVELS.map((level, i) => `${level.name} ${figures.levels[i] ?? 0}`).join(', ')}.`,
      kind: 'columns',
      series: ['delegations'],
      data: LEVELS.map((level, i) => ({ label: `${i + 1} ${level.name}`, value: figures.levels[i] ?? 0 })),
    },
    {
      id: 'followUps',
      title: 'Follow-ups kept on time, per week',
      summary: `Over 9 weeks: ${series.map((p) => `${shortWeek(p.week.start, today)} ${p.followUpsOnTime} on time, ${p.followUpsLate} late`).join('; ')}.`,
      kind: 'columns',
      series: ['on time', 'late'],
      data: series.map((p) => ({ label: shortWeek(p.week.start, today), value: p.followUpsOnTime, second: p.followUpsLate })),
      ...(last ? { note: `This week: ${last.followUpsOnTime} on time, ${last.followUpsLate} late.` } : {}),
    },
    {
      id: 'oneOnOnes',
      title: '1:1s this week, per person',
      summary: active.length === 0 ? 'Nobody is in the team yet.' : active.map((p) => `${p.name}: ${p.oneOnOnes} this week, ${p.daysSinceOneOnOne === undefined ? 'none yet' : `last ${p.daysSinceOneOnOne} days ago`}${p.oneOnOneOverdue ? ', past their cadence' : ''}`).join('; ') + '.',
      kind: 'bars',
      series: ['1:1s'],
      data: active.map((p) => ({
        label: `${p.name} (${p.daysSinceOneOnOne === undefined ? 'no 1:1 yet' : `last ${p.daysSinceOneOnOne}d ago`})`,
        value: p.oneOnOnes,
        ...(p.oneOnOneOverdue ? { highlight: true } : {}),
      })),
      ...(overdue.length > 0 ? { note: `Past their 1:1 cadence: ${overdue.map((p) => p.name).join(', ')}.` } : {}),
    },
    {
      id: 'feedback',
      title: 'Feedback given and asked, per week',
      summary: `Over 9 weeks: ${series.map((p) => `${shortWeek(p.week.start, today)} ${p.feedbackGiven} given, ${p.feedbackAsked} asked`).join('; ')}.`,
      kind: 'columns',
      series: ['given', 'asked'],
      data: series.map((p) => ({ label: shortWeek(p.week.start, today), value: p.feedbackGiven, second: p.feedbackAsked })),
    },
    {
      id: 'nudges',
      title: 'Nudges done, per week',
      summary: `Over 9 weeks: ${series.map((p) => `${shortWeek(p.week.start, today)} ${p.nudgesDone}`).join(', ')}. Streak: ${plural(figures.streak, 'day', 'days')}.`,
      kind: 'columns',
      series: ['nudges done'],
      data: series.map((p) => ({ label: shortWeek(p.week.start, today), value: p.nudgesDone })),
    },
  ];
}

export function buildReviewModel(figures: WeekFigures, reflections: readonly Reflection[], today: DateKey): ReviewPageModel {
  const least = figures.least;
  return {
    weekStart: figures.week.start,
    title: weekTitle(figures, today),
    when: weekWhen(figures, today),
    canGoNext: !figures.current && daysBetween(addDays(figures.week.end, 1), today) >= 0,
    headline: `${LEAST[least]} ${figures.current ? 'so far this week' : 'that week'}: ${times(figures.actions[least])}.`,
    charts: reviewCharts(figures, today),
    streak: figures.streak === 0 ? 'No nudge streak running.' : `Nudge streak: ${plural(figures.streak, 'day', 'days')}.`,
    prompts: reflections.map((r) => ({ id: r.id, text: r.prompt, answer: r.answer })),
  };
}

/** Table cells: one line, pipes escaped, nothing that could become markup. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\|*_`<>[\]#]/g, (c) => `\\${c}`)
    .trim();
}

/** The review as Markdown, for a 1:1 with the lead's own manager: the tables behind the charts and the answers. */
export function reviewMarkdown(model: ReviewPageModel): string {
  const lines = [`# Weekly review: ${model.title}`, '', `${model.when}. ${model.headline}`, ''];
  for (const chart of model.charts) {
    lines.push(`## ${chart.title}`, '');
    const headers = ['', ...chart.series];
    lines.push(`| ${headers.map(cell).join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`);
    for (const d of chart.data) {
      lines.push(`| ${cell(d.label)}${d.highlight ? ' (!)' : ''} | ${d.value} |${chart.series.length > 1 ? ` ${d.second ?? 0} |` : ''}`);
    }
    lines.push('');
    if (chart.note) {
      lines.push(cell(chart.note), '');
    }
  }
  lines.push(model.streak, '', '## Reflections', '');
  for (const p of model.prompts) {
    lines.push(`**${cell(p.text)}**`, '', p.answer.trim() === '' ? '_(no answer)_' : p.answer.split('\n').map((l) => `> ${cell(l)}`).join('\n'), '');
  }
  return lines.join('\n');
}
