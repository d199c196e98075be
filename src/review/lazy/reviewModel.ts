/**
 * The Weekly Review's page model and its Markdown export, worded from the week's figures. Plain
 * TypeScript (no `vscode`), so every sentence is unit-tested.
 */
import { addDays, daysBetween, formatDay, formatDayOfMonth, type DateKey } from '../../domain/core/dates';
import { DELEGATION_LEVELS as LEVELS } from '../../domain/team/delegationLevels';
import { KINDS } from '../../domain/team/kinds';
import { ACTION_LABELS, ACTIONS, type Action, type ActionCounts, type WeekFigures } from '../../domain/review/review';
import type { Reflection } from '../../domain/review/reflections';
import type { ReviewChart, ReviewPageModel } from '../protocol';
import * as l10n from '../../domain/core/l10n';
import type { LeadWeekView } from '../../domain/signals/delegationSignals';

/** The headline: the action done least, this week so far or that week, and how often ({0}: "once"). */
function leastHeadline(action: Action, current: boolean, count: string): string {
  switch (action) {
    case 'checkIns':
      return current
        ? l10n.t('You checked in with people least so far this week: {0}.', count)
        : l10n.t('You checked in with people least that week: {0}.', count);
    case 'biggerPicture':
      return current
        ? l10n.t('You explained the bigger picture least so far this week: {0}.', count)
        : l10n.t('You explained the bigger picture least that week: {0}.', count);
    case 'modelling':
      return current
        ? l10n.t('You modeled the behavior you want least so far this week: {0}.', count)
        : l10n.t('You modeled the behavior you want least that week: {0}.', count);
    case 'delegating':
      return current ? l10n.t('You delegated least so far this week: {0}.', count) : l10n.t('You delegated least that week: {0}.', count);
    case 'feedback':
      return current
        ? l10n.t('You asked for feedback least so far this week: {0}.', count)
        : l10n.t('You asked for feedback least that week: {0}.', count);
  }
}

function times(n: number): string {
  return n === 0 ? l10n.t('not once') : n === 1 ? l10n.t('once') : l10n.t('{0} times', n);
}

/** "Check in with people" → "check in with people", for the middle of a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** One person's 1:1s in the chart's summary. */
function oneOnOnesOf(p: WeekFigures['people'][number]): string {
  if (p.daysSinceOneOnOne === undefined) {
    return p.oneOnOneOverdue
      ? l10n.t('{0}: {1} this week, none yet, past their cadence', p.name, p.oneOnOnes)
      : l10n.t('{0}: {1} this week, none yet', p.name, p.oneOnOnes);
  }
  return p.oneOnOneOverdue
    ? l10n.t('{0}: {1} this week, last {2} days ago, past their cadence', p.name, p.oneOnOnes, p.daysSinceOneOnOne)
    : l10n.t('{0}: {1} this week, last {2} days ago', p.name, p.oneOnOnes, p.daysSinceOneOnOne);
}

export function weekTitle(figures: WeekFigures, today: DateKey): string {
  const { start, end } = figures.week;
  const endText = start.slice(0, 7) === end.slice(0, 7) ? String(Number(end.slice(8))) : formatDayOfMonth(end, today);
  return l10n.t('Week of {0} ({1} to {2})', formatDay(start, today), Number(start.slice(8)), endText);
}

export function weekWhen(figures: WeekFigures, today: DateKey): string {
  if (figures.current) {
    return l10n.t('This week, so far');
  }
  const weeks = Math.round(daysBetween(figures.week.start, today) / 7);
  return weeks <= 1 ? l10n.t('Last week') : l10n.t('{0} weeks ago', weeks);
}

function shortWeek(start: DateKey, today: DateKey): string {
  return formatDayOfMonth(start, today);
}

/** Which of the five counts came from nudges marked done rather than from what was logged. */
export function fromNudges(counts: ActionCounts): string {
  const parts = ACTIONS.filter((action) => counts[action] > 0).map((action) => l10n.t('{0}: {1}', ACTION_LABELS[action], counts[action]));
  return parts.length === 0
    ? l10n.t('None of them came from nudges marked done: all from what you logged.')
    : l10n.t('From nudges marked done: {0}; the rest from what you logged.', parts.join('; '));
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
      title: l10n.t('The five actions this week'),
      summary: l10n.t(
        '{0}. Done least: {1}.',
        ACTIONS.map((action) => l10n.t('{0}: {1}', ACTION_LABELS[action], a[action])).join('; '),
        lowerFirst(ACTION_LABELS[figures.least]),
      ),
      kind: 'bars',
      series: [l10n.t('times')],
      data: ACTIONS.map((action) => ({
        label: ACTION_LABELS[action],
        value: a[action],
        ...(action === figures.least ? { highlight: true } : {}),
      })),
      // {0} says which of the counts came from nudges marked done.
      note: l10n.t(
        'Check-ins count 1:1s and delegation check-ins; the bigger picture and modeling count the moments you logged; delegating counts delegations logged; feedback counts feedback you asked for; each also counts the nudges of that action you marked done, once when a moment came with it. {0}',
        fromNudges(figures.actionsFromNudges),
      ),
    },
    {
      id: 'delegationsPerPerson',
      title: l10n.t('Delegations given per person'),
      summary:
        active.length === 0
          ? l10n.t('Nobody is in the team yet.')
          : given === 1
            ? l10n.t('1 delegation this week: {0}.', active.map((p) => `${p.name} ${p.delegated}`).join(', '))
            : l10n.t('{0} delegations this week: {1}.', given, active.map((p) => `${p.name} ${p.delegated}`).join(', ')),
      kind: 'bars',
      series: [l10n.t('delegations')],
      data: active.map((p) => ({ label: p.name, value: p.delegated })),
      ...(figures.noDelegation.length > 0 ? { note: l10n.t('No delegation this week: {0}.', figures.noDelegation.join(', ')) } : {}),
    },
    {
      id: 'levels',
      title: l10n.t('How much was handed over (delegation levels)'),
      summary: l10n.t(
        "The week's delegations by level: {0}.",
        LEVELS.map((level, i) => `${level.name} ${figures.levels[i] ?? 0}`).join(', '),
      ),
      kind: 'columns',
      series: [l10n.t('delegations')],
      data: LEVELS.map((level, i) => ({ label: `${i + 1} ${level.name}`, value: figures.levels[i] ?? 0 })),
    },
    {
      id: 'followUps',
      title: l10n.t('Follow-ups kept on time, per week'),
      summary: l10n.t(
        'Over 9 weeks: {0}.',
        series
          .map((p) => l10n.t('{0} {1} on time, {2} late', shortWeek(p.week.start, today), p.followUpsOnTime, p.followUpsLate))
          .join('; '),
      ),
      kind: 'columns',
      series: [l10n.t('on time'), l10n.t('late')],
      data: series.map((p) => ({ label: shortWeek(p.week.start, today), value: p.followUpsOnTime, second: p.followUpsLate })),
      ...(last ? { note: l10n.t('This week: {0} on time, {1} late.', last.followUpsOnTime, last.followUpsLate) } : {}),
    },
    {
      id: 'oneOnOnes',
      title: l10n.t('1:1s this week, per person'),
      summary: active.length === 0 ? l10n.t('Nobody is in the team yet.') : l10n.t('{0}.', active.map(oneOnOnesOf).join('; ')),
      kind: 'bars',
      series: [l10n.t('1:1s')],
      data: active.map((p) => ({
        label:
          p.daysSinceOneOnOne === undefined
            ? l10n.t('{0} (no 1:1 yet)', p.name)
            : l10n.t('{0} (last {1}d ago)', p.name, p.daysSinceOneOnOne),
        value: p.oneOnOnes,
        ...(p.oneOnOneOverdue ? { highlight: true } : {}),
      })),
      ...(overdue.length > 0 ? { note: l10n.t('Past their 1:1 cadence: {0}.', overdue.map((p) => p.name).join(', ')) } : {}),
    },
    {
      id: 'feedback',
      title: l10n.t('Feedback given and asked, per week'),
      summary: l10n.t(
        'Over 9 weeks: {0}.',
        series.map((p) => l10n.t('{0} {1} given, {2} asked', shortWeek(p.week.start, today), p.feedbackGiven, p.feedbackAsked)).join('; '),
      ),
      kind: 'columns',
      series: [l10n.t('given'), l10n.t('asked')],
      data: series.map((p) => ({ label: shortWeek(p.week.start, today), value: p.feedbackGiven, second: p.feedbackAsked })),
    },
    {
      id: 'nudges',
      title: l10n.t('Nudges done, per week'),
      summary:
        figures.streak === 1
          ? l10n.t('Over 9 weeks: {0}. Streak: 1 day.', series.map((p) => `${shortWeek(p.week.start, today)} ${p.nudgesDone}`).join(', '))
          : l10n.t(
              'Over 9 weeks: {0}. Streak: {1} days.',
              series.map((p) => `${shortWeek(p.week.start, today)} ${p.nudgesDone}`).join(', '),
              figures.streak,
            ),
      kind: 'columns',
      series: [l10n.t('nudges done')],
      data: series.map((p) => ({ label: shortWeek(p.week.start, today), value: p.nudgesDone })),
    },
  ];
}

/** "Beside 2 1:1s, 3 delegations and 1 feedback entry this week." */
export function besideLeading(oneOnOnes: number, delegations: number, feedback: number): string {
  // Each kind's own count words, as everywhere else (the record-kind table).
  return l10n.t(
    'Beside {0}, {1} and {2} this week.',
    KINDS.oneOnOnes.count(oneOnOnes),
    KINDS.delegations.count(delegations),
    KINDS.feedback.count(feedback),
  );
}

/** The lead's own week in the repository (see ReviewPageModel.balance), beside the 1:1s they held. */
export type LeadWeekReader = (weekStart: DateKey, oneOnOnes: number) => LeadWeekView;

export function buildReviewModel(
  figures: WeekFigures,
  reflections: readonly Reflection[],
  today: DateKey,
  leadWeek?: LeadWeekReader,
): ReviewPageModel {
  const least = figures.least;
  const oneOnOnes = figures.people.reduce((sum, p) => sum + p.oneOnOnes, 0);
  const delegated = figures.people.reduce((sum, p) => sum + p.delegated, 0);
  const week = figures.series[figures.series.length - 1];
  const own = leadWeek?.(figures.week.start, oneOnOnes);
  return {
    weekStart: figures.week.start,
    title: weekTitle(figures, today),
    when: weekWhen(figures, today),
    canGoNext: !figures.current && daysBetween(addDays(figures.week.end, 1), today) >= 0,
    headline: leastHeadline(least, figures.current, times(figures.actions[least])),
    charts: reviewCharts(figures, today),
    streak:
      figures.streak === 0
        ? l10n.t('No nudge streak running.')
        : figures.streak === 1
          ? l10n.t('Nudge streak: 1 day.')
          : l10n.t('Nudge streak: {0} days.', figures.streak),
    prompts: reflections.map((r) => ({ id: r.id, text: r.prompt, answer: r.answer })),
    ...(own === undefined
      ? {}
      : {
          balance: {
            lines: own.lines,
            beside: besideLeading(oneOnOnes, delegated, (week?.feedbackGiven ?? 0) + (week?.feedbackAsked ?? 0)),
            ...(own.crowding === undefined ? {} : { crowding: own.crowding }),
            ...(own.question === undefined ? {} : { question: own.question }),
          },
        }),
  };
}

/** Table cells: one line, pipes escaped, nothing that could become markup. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\|*_`<>[\]#]/g, (c) => `\\${c}`)
    .trim();
}

/**
 * The review as Markdown, for a 1:1 with the lead's own manager: the tables behind the charts and
 * the answers. The lead's own week from the repository stays out: what the signals read leaves the
 * editor in no file.
 */
export function reviewMarkdown(model: ReviewPageModel): string {
  const lines = [`# ${l10n.t('Weekly review: {0}', model.title)}`, '', l10n.t('{0}. {1}', model.when, model.headline), ''];
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
  lines.push(model.streak, '', `## ${l10n.t('Reflections')}`, '');
  for (const p of model.prompts) {
    lines.push(
      `**${cell(p.text)}**`,
      '',
      p.answer.trim() === ''
        ? `_${l10n.t('(no answer)')}_`
        : p.answer
            .split('\n')
            .map((l) => `> ${cell(l)}`)
            .join('\n'),
      '',
    );
  }
  return lines.join('\n');
}
