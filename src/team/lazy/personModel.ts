/**
 * The person page's model, worded from the stored data. Plain TypeScript (no `vscode`), so the
 * wording is unit-tested; the panel only sends what this returns.
 */
import { daysBetween, formatDay, type DateKey } from '../../domain/core/dates';
import {
  compareByFollowUp,
  describeFollowUp,
  isDone,
  isOverdue,
  type Delegation,
  type DelegationEvent,
} from '../../domain/team/delegations';
import type { FollowThroughView } from '../../domain/signals/delegationSignals';
import { levelLabel } from '../../domain/team/delegationLevels';
import { hashText, type Nudge } from '../../domain/coach/nudges';
import {
  describeLastOneOnOne,
  describeMood,
  describeNextOneOnOne,
  isOneOnOneOverdue,
  isMood,
  lastOneOnOne,
  nextOneOnOneDue,
  TOPIC_LABELS,
} from '../../domain/team/oneOnOnes';
import type { TeamData } from '../../domain/team/kinds';
import type { PersonPageModel, PersonSignalsPart, PersonTimelineEntry } from '../protocol';
import { BEHAVIOR_LABELS } from '../../domain/team/moments';
import * as l10n from '../../domain/core/l10n';

const MOOD_POINTS = 10;
const TIMELINE_MAX = 200;

/** The themes "Prepare next 1:1" draws its three questions from. */
const QUESTION_THEMES = [
  { topic: 'check-in', theme: 'check-ins' },
  { topic: 'career', theme: 'career-growth' },
  { topic: 'feedback', theme: 'feedback' },
] as const;

/** Three questions for a 1:1 with one person: the same all day, different from one 1:1 to the next. */
export function prepareQuestions(catalogue: readonly Nudge[], personId: string, seed: string): PersonPageModel['prepare']['questions'] {
  return QUESTION_THEMES.flatMap(({ topic, theme }) => {
    const pool = catalogue.filter((n) => n.theme === theme && n.question !== undefined).sort((a, b) => a.id.localeCompare(b.id));
    const pick = pool[hashText(`${personId}#${seed}#${topic}`) % Math.max(1, pool.length)];
    return pick?.question ? [{ topic, text: pick.question }] : [];
  });
}

function eventEntry(task: string, event: DelegationEvent, today: DateKey): PersonTimelineEntry | undefined {
  const base = { on: event.on, day: formatDay(event.on, today) };
  switch (event.kind) {
    case 'created':
      return undefined; // the "delegated" entry says it, with the level
    case 'checkIn':
      return { ...base, kind: 'checkIn', title: l10n.t('Checked in on "{0}"', task), details: event.note ? [event.note] : [] };
    case 'levelChanged':
      return {
        ...base,
        kind: 'levelChanged',
        title:
          event.to > event.from
            ? l10n.t('Raised "{0}" from {1} to {2}', task, levelLabel(event.from), levelLabel(event.to))
            : l10n.t('Lowered "{0}" from {1} to {2}', task, levelLabel(event.from), levelLabel(event.to)),
        details: [],
      };
    case 'followUpChanged':
      return {
        ...base,
        kind: 'followUpChanged',
        title: l10n.t('Moved the follow-up on "{0}" to {1}', task, formatDay(event.to, today)),
        details: [],
      };
    case 'done':
      return { ...base, kind: 'done', title: l10n.t('"{0}" done', task), details: [] };
    case 'reopened':
      return { ...base, kind: 'reopened', title: l10n.t('Reopened "{0}"', task), details: [] };
    case 'edited':
      return {
        ...base,
        kind: 'edited',
        title:
          event.field === 'task'
            ? l10n.t('Edited the task of "{0}"', task)
            : event.field === 'person'
              ? l10n.t('Edited the person of "{0}"', task)
              : event.field === 'code'
                ? l10n.t('Edited the code link of "{0}"', task)
                : l10n.t('Edited the note of "{0}"', task),
        details: [],
      };
  }
}

export function buildPersonModel(
  data: TeamData,
  personId: string,
  today: DateKey,
  catalogue: readonly Nudge[],
  signals?: PersonSignalsPart,
  codeOf?: (delegation: Delegation) => FollowThroughView | undefined,
): PersonPageModel | undefined {
  const person = data.people.find((p) => p.id === personId);
  if (!person) {
    return undefined;
  }
  const delegations = data.delegations.filter((d) => d.personId === personId);
  const meetings = data.oneOnOnes.filter((m) => m.personId === personId).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const feedback = data.feedback.filter((f) => f.personId === personId);
  const last = lastOneOnOne(meetings, personId);
  const nextDue = nextOneOnOneDue(person, last);

  const timeline: PersonTimelineEntry[] = [];
  for (const d of delegations) {
    timeline.push({
      on: d.createdOn,
      day: formatDay(d.createdOn, today),
      kind: 'delegated',
      title: l10n.t('Delegated "{0}" at level {1}', d.task, levelLabel(d.level)),
      details: d.note ? [d.note] : [],
    });
    for (const event of d.history) {
      const entry = eventEntry(d.task, event, today);
      if (entry) {
        timeline.push(entry);
      }
    }
  }
  for (const m of meetings) {
    const details = [
      ...(m.topics.length > 0 ? [l10n.t('Came up: {0}', m.topics.map((t) => TOPIC_LABELS[t]).join(', '))] : []),
      ...(m.notes ? [m.notes] : []),
    ];
    timeline.push({
      on: m.on,
      day: formatDay(m.on, today),
      kind: 'oneOnOne',
      title: m.mood === undefined ? l10n.t('1:1') : l10n.t('1:1, doing {0}', describeMood(m.mood)),
      details,
      ...(m.mood === undefined ? {} : { mood: m.mood }),
    });
  }
  for (const f of feedback) {
    timeline.push(
      f.kind === 'given'
        ? {
            on: f.on,
            day: formatDay(f.on, today),
            kind: 'feedbackGiven',
            title: l10n.t('Gave feedback'),
            details: [l10n.t('Situation: {0}', f.situation), l10n.t('Behavior: {0}', f.behaviour), l10n.t('Impact: {0}', f.impact)],
          }
        : {
            on: f.on,
            day: formatDay(f.on, today),
            kind: 'feedbackAsked',
            title: l10n.t('Asked for feedback'),
            details: [l10n.t('They said: {0}', f.said), l10n.t('I will change: {0}', f.change)],
          },
    );
  }
  for (const m of data.moments) {
    if (m.personId === personId) {
      const label = m.behavior === undefined || m.behavior === 'other' ? undefined : BEHAVIOR_LABELS[m.behavior];
      timeline.push({
        on: m.on,
        day: formatDay(m.on, today),
        kind: m.action,
        title:
          m.action === 'biggerPicture'
            ? l10n.t('Explained the bigger picture')
            : label
              ? l10n.t('Modeled: {0}', label)
              : l10n.t('Modeled a behavior'),
        details: m.note ? [m.note] : [],
      });
    }
  }
  // Newest first; on one day, the order things were recorded in, newest first too.
  const ordered = timeline
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.on < b.entry.on ? 1 : a.entry.on > b.entry.on ? -1 : b.index - a.index));

  const open = delegations.filter((d) => !isDone(d)).sort(compareByFollowUp);
  const code = new Map(
    open.flatMap((d) => {
      const view = codeOf?.(d);
      return view === undefined ? [] : [[d.id, view] as const];
    }),
  );
  const moving = (d: Delegation): boolean => code.get(d.id)?.moving !== undefined;
  const due = [
    ...(isOneOnOneOverdue(person, last, today) ? [l10n.t('The 1:1 itself: {0}.', describeNextOneOnOne(person, last, today))] : []),
    ...open
      .filter((d) => isOverdue(d, today, moving) || daysBetween(d.followUpOn, nextDue) >= 0)
      .map((d) => l10n.t('Follow up on "{0}" ({1}).', d.task, describeFollowUp(d, today))),
  ];
  const moods = meetings.filter((m) => isMood(m.mood)).slice(-MOOD_POINTS);
  return {
    personId,
    name: person.name,
    ...(person.role ? { role: person.role } : {}),
    archived: person.archived === true,
    lastOneOnOne: describeLastOneOnOne(last, today),
    nextOneOnOne: describeNextOneOnOne(person, last, today),
    oneOnOneOverdue: isOneOnOneOverdue(person, last, today),
    cadence: person.cadenceDays === 1 ? l10n.t('every 1 day') : l10n.t('every {0} days', person.cadenceDays),
    moods: moods.map((m) => ({
      on: m.on,
      day: formatDay(m.on, today),
      mood: m.mood ?? 3,
      label: m.mood === undefined ? '' : describeMood(m.mood),
    })),
    openDelegations: open.map((d) => {
      const view = code.get(d.id);
      return {
        id: d.id,
        task: d.task,
        level: levelLabel(d.level),
        followUp: describeFollowUp(d, today),
        overdue: isOverdue(d, today, moving),
        ...(view === undefined
          ? {}
          : {
              code: {
                ...(view.moving === undefined ? {} : { moving: view.moving }),
                lines: [view.line, ...(view.sinceCheckIn === undefined ? [] : [view.sinceCheckIn]), ...view.takenBack],
                ...(view.question === undefined ? {} : { question: view.question }),
              },
            }),
      };
    }),
    timeline: ordered.slice(0, TIMELINE_MAX).map(({ entry }) => entry),
    prepare: {
      due: due.length > 0 ? due : [l10n.t('Nothing is due with them: a good 1:1 to spend on them, not on status.')],
      ...(last?.notes ? { lastNotes: last.notes } : {}),
      questions: prepareQuestions(catalogue, personId, last?.on ?? person.addedOn),
    },
    ...(signals ? { signals } : {}),
  };
}

/** "Prepare next 1:1" as plain text for the clipboard: it is pasted, never rendered here. */
export function prepareAsText(model: PersonPageModel): string {
  const lines = [l10n.t('Next 1:1 with {0}', model.name), '', l10n.t('What is due:'), ...model.prepare.due.map((d) => `- ${d}`), ''];
  if (model.prepare.lastNotes) {
    lines.push(l10n.t('Last notes:'), model.prepare.lastNotes, '');
  }
  lines.push(l10n.t('Questions:'), ...model.prepare.questions.map((q) => `- ${q.text}`), '');
  if (model.signals) {
    lines.push(l10n.t('Shipped since your last 1:1:'), ...shippedLines(model.signals), '');
  }
  return lines.join('\n');
}

/** The shipped-since lines as plain text: each group's heading, then its lines. */
function shippedLines(signals: PersonSignalsPart): string[] {
  const { groups, more } = signals.shipped;
  return [...groups.flatMap((g) => [`${g.heading}`, ...g.lines.map((line) => `- ${line.text}`)]), ...(more === undefined ? [] : [more])];
}

/** One shipped-since line of the model, by its commit, as it is copied into the 1:1 notes. */
export function shippedLineText(model: PersonPageModel, hash: string): string | undefined {
  return model.signals?.shipped.groups.flatMap((g) => g.lines).find((line) => line.hash === hash)?.text;
}
