import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson, type Lesson } from '../../src/domain/lessons/lessons';
import { countWords } from '../support/words';
import { NUDGE_THEMES, parseNudgeCatalogue, QUESTION_MAX, SHORT_MAX, type Nudge } from '../../src/domain/coach/nudges';

const root = join(__dirname, '..', '..', '..');
const lessonsDir = join(root, 'media', 'lessons');
const articlePath = join(root, '..', 'shared', 'source', 'article.md');

function loadLessons(): Lesson[] {
  return readdirSync(lessonsDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const parsed = parseLesson(name, readFileSync(join(lessonsDir, name), 'utf8'));
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
      return parsed.lesson;
    });
}

/** Lower-case words, apostrophes dropped, so "don't" and "dont" compare equal. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Lower-case word runs of `size`, for finding sentences copied from the article. */
function shingles(text: string, size: number): Set<string> {
  const list = words(text);
  const result = new Set<string>();
  for (let i = 0; i + size <= list.length; i++) {
    result.add(list.slice(i, i + size).join(' '));
  }
  return result;
}

/** The runs of 6 words `text` shares with the article. */
function copiedRuns(text: string, article: ReadonlySet<string>): string[] {
  return [...shingles(text, 6)].filter((s) => article.has(s));
}

/** Problems with one lesson body: length, a list, no HTML, opens with the title, ends with "Try this week". */
function lessonShapeProblems(lesson: Pick<Lesson, 'title' | 'body'>): string[] {
  const problems: string[] = [];
  const count = countWords(lesson.body);
  if (count < 150 || count > 400) {
    problems.push(`${count} words`);
  }
  if (!/^\s*(?:[-*]|\d+\.)\s/m.test(lesson.body)) {
    problems.push('no list');
  }
  if (/<\/?[a-z][^>]*>/i.test(lesson.body)) {
    problems.push('raw HTML');
  }
  const headings = [...lesson.body.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]);
  if (headings.at(-1) !== 'Try this week') {
    problems.push('does not end with "Try this week"');
  }
  if (headings[0] !== lesson.title) {
    problems.push('does not open with the title');
  }
  return problems;
}

/** The lessons on leading people, which come before the motivational ones. */
const PEOPLE_LESSONS = ['first-one-on-ones', 'hard-feedback', 'career-conversations', 'engineers-disagree', 'someone-struggling'];
/** The background lessons on why leading matters and where it comes from: after everything a lead can use this week. */
const MOTIVATIONAL_LESSONS = ['project-oxygen', 'learned-skill', 'microsoft-culture', 'afterthought'];
/** Lessons that follow another directly: [before, after]. */
const NEIGHBORS: readonly (readonly [string, string])[] = [
  ['first-90-days', 'first-one-on-ones'],
  ['giving-feedback', 'hard-feedback'],
  ['hard-feedback', 'someone-struggling'],
];

/** Problems with the reading order (lesson ids, first to last). */
function orderProblems(ordered: readonly string[]): string[] {
  const problems: string[] = [];
  const missing = [...PEOPLE_LESSONS, ...MOTIVATIONAL_LESSONS, ...NEIGHBORS.flat()].filter((id) => !ordered.includes(id));
  if (missing.length > 0) {
    return [...new Set(missing)].map((id) => `missing ${id}`);
  }
  const at = (id: string): number => ordered.indexOf(id);
  for (const lesson of PEOPLE_LESSONS) {
    for (const later of MOTIVATIONAL_LESSONS) {
      if (at(lesson) > at(later)) {
        problems.push(`${lesson} (lesson ${at(lesson) + 1}) comes after ${later} (lesson ${at(later) + 1})`);
      }
    }
  }
  for (const [before, after] of NEIGHBORS) {
    if (ordered[at(before) + 1] !== after) {
      problems.push(`${after} does not follow ${before}`);
    }
  }
  return problems;
}

/** Sources a lesson may lean on; naming one in the text calls for a "Further reading" line. */
const SOURCES = [
  /Project Oxygen/,
  /Aristotle/,
  /Edmondson/,
  /Maslach/,
  /Management 3\.0/,
  /Manager Tools/,
  /Fournier/,
  /Nadella/,
  /Dweck/,
  /\bSBI\b/,
  /Radical Candor/,
  /Blanchard/,
  /Arvey/,
  /De Neve/,
  /Amazon/,
  /[Ss]ociocracy/,
  /Nygard/,
];

function sourceProblems(body: string): string[] {
  const named = SOURCES.filter((source) => source.test(body)).map(String);
  return named.length > 0 && !/^\*Further reading: .+\*$/m.test(body)
    ? [`names ${named.join(', ')} but has no "Further reading" line`]
    : [];
}

const STOP_WORDS = new Set(
  'a an and are as at be by do for from how if in into is it its no not of on one or than that the their them then they this to what when which who with you your'.split(
    ' ',
  ),
);

/** The set of content words of a text: lower case, stop words out, a trailing plural "s" dropped. */
function contentWords(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => !STOP_WORDS.has(w))
      .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)),
  );
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = [...a].filter((w) => b.has(w)).length;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * Two actions at or above this word-set overlap ask for the same thing in nearly the same words.
 * Calibrated on the catalogue: its closest pair (check-ins-05 and feedback-01, two different
 * questions to ask a teammate) overlaps 0.24; the reworded copy in the test below overlaps 0.75.
 * Word overlap catches a copy with a few words changed, not the same ask in other words: those
 * were merged by reading the catalogue (see issue 14).
 */
const SAME_ACTION = 0.4;

function similarActions(nudges: readonly Pick<Nudge, 'id' | 'action'>[]): string[] {
  const sets = nudges.map((n) => contentWords(n.action));
  const pairs: string[] = [];
  for (let i = 0; i < nudges.length; i++) {
    for (let j = i + 1; j < nudges.length; j++) {
      const score = jaccard(sets[i] ?? new Set(), sets[j] ?? new Set());
      if (score >= SAME_ACTION) {
        pairs.push(`${nudges[i]?.id} ~ ${nudges[j]?.id} (${score.toFixed(2)})`);
      }
    }
  }
  return pairs;
}

/** Lessons with fewer than two nudges pointing at them, and nudges pointing at no lesson. */
function linkProblems(nudges: readonly Pick<Nudge, 'id' | 'lesson'>[], lessonIds: readonly string[]): string[] {
  const problems = nudges.filter((n) => !lessonIds.includes(n.lesson)).map((n) => `${n.id} links to missing lesson ${n.lesson}`);
  for (const id of lessonIds) {
    const count = nudges.filter((n) => n.lesson === id).length;
    if (count < 2) {
      problems.push(`${id} has ${count} nudge(s)`);
    }
  }
  return problems;
}

/** Nudges whose "why" leans on Google's research (Project Oxygen or Aristotle). */
function googleReasons(nudges: readonly Pick<Nudge, 'id' | 'why'>[]): string[] {
  return nudges.filter((n) => /google|oxygen|aristotle/i.test(n.why)).map((n) => n.id);
}
const MAX_GOOGLE_REASONS = 4;

/** The themes "Prepare next 1:1" draws one question from each: how they are, career, feedback. */
const QUESTION_THEMES = ['check-ins', 'career-growth', 'feedback'] as const;
const MIN_QUESTIONS = 5;

/** Themes with too few questions, questions not ending in "?", and questions asked twice. */
function questionProblems(nudges: readonly Pick<Nudge, 'id' | 'theme' | 'question'>[]): string[] {
  const problems: string[] = [];
  for (const theme of QUESTION_THEMES) {
    const count = nudges.filter((n) => n.theme === theme && n.question !== undefined).length;
    if (count < MIN_QUESTIONS) {
      problems.push(`${theme} has ${count} question(s)`);
    }
  }
  const seen = new Map<string, string>();
  for (const n of nudges) {
    if (n.question === undefined) {
      continue;
    }
    if (!n.question.trimEnd().endsWith('?')) {
      problems.push(`${n.id}: question does not end with "?"`);
    }
    const key = words(n.question).join(' ');
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`${n.id}: same question as ${first}`);
    } else {
      seen.set(key, n.id);
    }
  }
  return problems;
}

/**
 * The weekly review draws its reflection prompts from the themes behind the article's five actions
 * (the same groups as ACTION_THEMES in src/domain/review/review.ts): one group per action.
 */
const REFLECTION_GROUPS: Readonly<Record<string, readonly Nudge['theme'][]>> = {
  'check-ins': ['check-ins'],
  'bigger-picture or vision': ['bigger-picture', 'vision'],
  modelling: ['modelling'],
  delegation: ['delegation'],
  feedback: ['feedback'],
};
const MIN_REFLECTIONS = 4;

/** Groups with too few reflections, reflections not ending in "?", reflections given twice or equal to a 1:1 question. */
function reflectionProblems(nudges: readonly Pick<Nudge, 'id' | 'theme' | 'question' | 'reflection'>[]): string[] {
  const problems: string[] = [];
  for (const [group, themes] of Object.entries(REFLECTION_GROUPS)) {
    const count = nudges.filter((n) => themes.includes(n.theme) && n.reflection !== undefined).length;
    if (count < MIN_REFLECTIONS) {
      problems.push(`${group} has ${count} reflection(s)`);
    }
  }
  const questions = new Map<string, string>();
  for (const n of nudges) {
    if (n.question !== undefined && !questions.has(words(n.question).join(' '))) {
      questions.set(words(n.question).join(' '), n.id);
    }
  }
  const seen = new Map<string, string>();
  for (const n of nudges) {
    if (n.reflection === undefined) {
      continue;
    }
    if (!n.reflection.trimEnd().endsWith('?')) {
      problems.push(`${n.id}: reflection does not end with "?"`);
    }
    const key = words(n.reflection).join(' ');
    const first = seen.get(key);
    const question = questions.get(key);
    if (first !== undefined) {
      problems.push(`${n.id}: same reflection as ${first}`);
    } else {
      seen.set(key, n.id);
    }
    if (question !== undefined) {
      problems.push(`${n.id}: reflection is the 1:1 question of ${question}`);
    }
  }
  return problems;
}

/** An action that waits for an event (the next meeting, someone asking) must work today too. */
function waitsForAnEvent(action: string): boolean {
  const trigger =
    /\b(?:next|upcoming) (?:\w+ ){0,3}(?:meeting|1:1|standup|retro|review|discussion|conversation|call)\b|\bthe next time\b|\bwhen someone\b/i;
  const fallback = /\b(?:No|Nobody|Nothing|None|Quiet)\b[^.!?]*\?/;
  return trigger.test(action) && !/\btoday\b/i.test(action) && !fallback.test(action);
}

describe('the content checks themselves', () => {
  const nudge = (id: string, action: string, lesson = 'check-in', why = 'Because.'): Nudge => ({
    id,
    theme: 'check-ins',
    short: id,
    action,
    why,
    lesson,
  });

  it('catch a lesson that is too short or too long, or lacks its list, title or closing section', () => {
    const good = `# T\n\n${'word '.repeat(160)}\n\n- a list\n\n## Try this week\n\nDo it.\n`;
    assert.deepEqual(lessonShapeProblems({ title: 'T', body: good }), []);
    assert.deepEqual(lessonShapeProblems({ title: 'T', body: good.replace('word '.repeat(160), 'word '.repeat(20)) }), ['28 words']);
    assert.match(lessonShapeProblems({ title: 'T', body: good.replace('word '.repeat(160), 'word '.repeat(400)) }).join(), /408 words/);
    assert.deepEqual(lessonShapeProblems({ title: 'T', body: good.replace('- a list', 'no list here') }), ['no list']);
    assert.deepEqual(lessonShapeProblems({ title: 'T', body: good.replace('## Try this week', '## Summary') }), [
      'does not end with "Try this week"',
    ]);
    assert.deepEqual(lessonShapeProblems({ title: 'Other', body: good }), ['does not open with the title']);
    assert.deepEqual(lessonShapeProblems({ title: 'T', body: good.replace('Do it.', '<b>Do it.</b>') }), ['raw HTML']);
  });

  it('catch a lesson on leading people placed after a motivational one, and neighbors pulled apart', () => {
    const good = [
      'check-in',
      'first-90-days',
      'first-one-on-ones',
      'giving-feedback',
      'hard-feedback',
      'someone-struggling',
      'career-conversations',
      'engineers-disagree',
      'project-oxygen',
      'learned-skill',
      'microsoft-culture',
      'afterthought',
    ];
    assert.deepEqual(orderProblems(good), []);
    const careerLast = [...good.filter((id) => id !== 'career-conversations'), 'career-conversations'];
    assert.equal(orderProblems(careerLast).length, 4);
    assert.match(orderProblems(careerLast)[0] ?? '', /^career-conversations \(lesson 12\) comes after project-oxygen \(lesson 8\)$/);
    const apart = [
      'check-in',
      'first-90-days',
      'giving-feedback',
      'first-one-on-ones',
      'hard-feedback',
      'someone-struggling',
      'career-conversations',
      'engineers-disagree',
      'project-oxygen',
      'learned-skill',
      'microsoft-culture',
      'afterthought',
    ];
    assert.deepEqual(orderProblems(apart), [
      'first-one-on-ones does not follow first-90-days',
      'hard-feedback does not follow giving-feedback',
    ]);
    assert.deepEqual(orderProblems(good.filter((id) => id !== 'afterthought')), ['missing afterthought']);
  });

  it('catch a lesson that names a source without a Further reading line', () => {
    assert.equal(sourceProblems("Google's Project Oxygen found this.\n").length, 1);
    assert.deepEqual(sourceProblems("Google's Project Oxygen found this.\n\n*Further reading: Google re:Work, Project Oxygen.*\n"), []);
    assert.deepEqual(sourceProblems('No study named here.\n'), []);
  });

  it('catch a run of six words copied from the article, however it is cased or punctuated', () => {
    const article = shingles('People aren’t servers. You can’t just optimize a team like you can your code.', 6);
    assert.deepEqual(copiedRuns("Remember: you CAN'T just optimize a team, like code.", article), [
      'you cant just optimize a team',
      'cant just optimize a team like',
    ]);
    assert.deepEqual(copiedRuns('A team is not a system you can tune with a profiler.', article), []);
  });

  it('catch a reworded copy of an action, and pass two different asks on the same topic', () => {
    const original =
      'Message one teammate you have not had a proper chat with this week and ask how things are going for them, beyond the tickets. Then just listen.';
    const reworded =
      'Send one teammate you have not had a proper chat with this week a message asking how things are going beyond their tickets, and listen.';
    assert.equal(similarActions([nudge('a', original), nudge('b', reworded)]).length, 1);
    const different =
      'Pick the teammate who speaks least in meetings and send them a short private note asking how their week is honestly going.';
    assert.deepEqual(similarActions([nudge('a', original), nudge('c', different)]), []);
  });

  it('catch a nudge linking to a missing lesson and a lesson with fewer than two nudges', () => {
    const nudges = [nudge('a', 'x', 'check-in'), nudge('b', 'y', 'check-in'), nudge('c', 'z', 'trust'), nudge('d', 'w', 'gone')];
    assert.deepEqual(linkProblems(nudges, ['check-in', 'trust']), ['d links to missing lesson gone', 'trust has 1 nudge(s)']);
    assert.deepEqual(linkProblems(nudges.slice(0, 2), ['check-in']), []);
  });

  it('count the nudges whose reason is Google research', () => {
    assert.deepEqual(
      googleReasons([
        nudge('a', 'x', 'l', 'Project Oxygen ranked it first.'),
        nudge('b', 'x', 'l', 'Maslach and Leiter.'),
        nudge('c', 'x', 'l', 'As Google found.'),
      ]),
      ['a', 'c'],
    );
  });

  it('catch too few 1:1 questions in a theme, a question without "?", and a question asked twice', () => {
    const asking = (id: string, theme: Nudge['theme'], question: string): Pick<Nudge, 'id' | 'theme' | 'question'> => ({
      id,
      theme,
      question,
    });
    const full = QUESTION_THEMES.flatMap((theme) =>
      [1, 2, 3, 4, 5].map((i) => asking(`${theme}-0${i}`, theme, `What is ${theme} question ${i}?`)),
    );
    assert.deepEqual(questionProblems(full), []);
    assert.deepEqual(questionProblems(full.slice(1)), ['check-ins has 4 question(s)']);
    assert.deepEqual(questionProblems([...full, asking('feedback-09', 'feedback', 'Tell me more.')]), [
      'feedback-09: question does not end with "?"',
    ]);
    assert.deepEqual(questionProblems([...full, asking('feedback-09', 'feedback', 'what is FEEDBACK question 1 ?')]), [
      'feedback-09: same question as feedback-01',
    ]);
  });

  it('catch too few weekly reflections in a group, a reflection without "?", one given twice, and one equal to a 1:1 question', () => {
    const reflecting = (
      id: string,
      theme: Nudge['theme'],
      reflection: string,
      question?: string,
    ): Pick<Nudge, 'id' | 'theme' | 'question' | 'reflection'> => ({
      id,
      theme,
      reflection,
      ...(question === undefined ? {} : { question }),
    });
    const themes: Nudge['theme'][] = ['check-ins', 'bigger-picture', 'vision', 'modelling', 'delegation', 'feedback'];
    const full = themes.flatMap((theme) =>
      [1, 2, 3, 4].map((i) => reflecting(`${theme}-0${i}`, theme, `What did ${theme} reflection ${i} show you?`)),
    );
    assert.deepEqual(reflectionProblems(full), []);
    assert.deepEqual(reflectionProblems(full.slice(1)), ['check-ins has 3 reflection(s)']);
    // bigger-picture and vision count together: four of either are enough.
    assert.deepEqual(reflectionProblems(full.filter((n) => n.theme !== 'vision')), []);
    assert.deepEqual(reflectionProblems(full.filter((n) => n.theme !== 'modelling')), ['modelling has 0 reflection(s)']);
    assert.deepEqual(reflectionProblems([...full, reflecting('feedback-09', 'feedback', 'Think about your week.')]), [
      'feedback-09: reflection does not end with "?"',
    ]);
    assert.deepEqual(reflectionProblems([...full, reflecting('feedback-09', 'feedback', 'what did FEEDBACK reflection 1 show you ?')]), [
      'feedback-09: same reflection as feedback-01',
    ]);
    assert.deepEqual(reflectionProblems([...full, reflecting('trust-09', 'trust', 'How are you, really?', 'How are you really?')]), [
      'trust-09: reflection is the 1:1 question of trust-09',
    ]);
    assert.deepEqual(
      reflectionProblems([
        ...full.slice(0, -1),
        reflecting('feedback-04', 'feedback', 'Who did you thank this week?', 'Who did you thank, this week?'),
      ]),
      ['feedback-04: reflection is the 1:1 question of feedback-04'],
    );
  });

  it('the catalogue parser refuses a reflection that is too long or is not a question', () => {
    const entry = { id: 'x-01', theme: 'feedback', short: 's', action: 'a', why: 'w', lesson: 'check-in' };
    assert.deepEqual(
      parseNudgeCatalogue({ version: 1, nudges: [{ ...entry, reflection: `${'x'.repeat(QUESTION_MAX - 1)}?` }] }).problems,
      [],
    );
    assert.equal(
      parseNudgeCatalogue({ version: 1, nudges: [{ ...entry, reflection: `${'x'.repeat(QUESTION_MAX)}?` }] }).problems.length,
      1,
    );
    assert.equal(parseNudgeCatalogue({ version: 1, nudges: [{ ...entry, reflection: 'Think about your week.' }] }).problems.length, 1);
  });

  it('catch an action that only works once some event happens', () => {
    assert.ok(waitsForAnEvent('In your next design review, ask the quietest person first.'));
    assert.ok(waitsForAnEvent('The next time someone suggests an idea, say "tell me more".'));
    assert.ok(!waitsForAnEvent('In your next design review, ask one question. No review this week? Ask it in the team channel.'));
    assert.ok(!waitsForAnEvent('When someone brings you a problem today, ask what they tried.'));
    assert.ok(!waitsForAnEvent('Post a rough idea in the team channel.'));
  });

  it('the catalogue parser refuses over-long short, action and why texts', () => {
    const entry = { id: 'x-01', theme: 'trust', short: 's', action: 'a', why: 'w', lesson: 'check-in' };
    for (const [key, max] of [
      ['short', SHORT_MAX],
      ['action', 240],
      ['why', 200],
    ] as const) {
      assert.equal(parseNudgeCatalogue({ version: 1, nudges: [{ ...entry, [key]: 'x'.repeat(max) }] }).problems.length, 0, key);
      assert.equal(parseNudgeCatalogue({ version: 1, nudges: [{ ...entry, [key]: 'x'.repeat(max + 1) }] }).problems.length, 1, key);
    }
  });
});

describe('the shipped lessons', () => {
  const lessons = loadLessons();

  it('has at least 30 lessons with unique ids and orders', () => {
    assert.ok(lessons.length >= 30, `only ${lessons.length} lessons`);
    assert.equal(new Set(lessons.map((l) => l.id)).size, lessons.length);
    assert.equal(new Set(lessons.map((l) => l.order)).size, lessons.length);
  });

  it('covers every topic the product promises', () => {
    const ids = new Set(lessons.map((l) => l.id));
    for (const id of [
      'afterthought',
      'learned-skill',
      'preventing-burnout',
      'encouraging-creativity',
      'building-trust',
      'check-in',
      'bigger-picture',
      'model-behavior',
      'delegate-more',
      'ask-for-feedback',
      'project-oxygen',
      'microsoft-culture',
      'tech-lead-role',
      'delegation-levels',
      'giving-feedback',
      'first-90-days',
      'coding-and-leading',
      'managing-up',
      'team-decisions',
      'first-one-on-ones',
      'hard-feedback',
      'career-conversations',
      'engineers-disagree',
      'someone-struggling',
      'leading-incidents',
      'senior-engineer-resists',
      'when-support-is-not-enough',
      'your-own-load',
      'team-meetings',
      'onboarding-engineers',
    ]) {
      assert.ok(ids.has(id), `missing lesson ${id}`);
    }
  });

  it('starts with what a lead can use on day one, not with the motivational pieces', () => {
    const ordered = [...lessons].sort((a, b) => a.order - b.order).map((l) => l.id);
    assert.deepEqual(ordered.slice(0, 2), ['check-in', 'tech-lead-role']);
    for (const id of ['afterthought', 'learned-skill']) {
      assert.ok(ordered.indexOf(id) >= 5, `${id} is lesson ${ordered.indexOf(id) + 1}`);
    }
  });

  it('puts the lessons on leading people before the motivational ones, each beside the lesson it builds on', () => {
    assert.deepEqual(orderProblems([...lessons].sort((a, b) => a.order - b.order).map((l) => l.id)), []);
  });

  for (const lesson of lessons) {
    it(`${lesson.id}: 150 to 400 words, a list, no HTML, opens with its title, ends with one thing to try this week`, () => {
      assert.deepEqual(lessonShapeProblems(lesson), []);
    });
  }

  it('name a source in a Further reading line wherever a study or author is cited', () => {
    for (const lesson of lessons) {
      assert.deepEqual(sourceProblems(lesson.body), [], lesson.id);
    }
  });

  it('tags follow the prose spelling', () => {
    for (const lesson of lessons) {
      assert.ok(!lesson.tags.some((t) => t === 'modelling' || t === 'wellbeing'), lesson.id);
    }
  });

  it('copies no run of 6 words from the source article', () => {
    assert.ok(existsSync(articlePath), `The source article is needed for this check and was not found at ${articlePath}`);
    const article = shingles(readFileSync(articlePath, 'utf8'), 6);
    const nudges = readFileSync(join(root, 'media', 'nudges.json'), 'utf8');
    for (const [name, text] of [
      ...lessons.map((l) => [l.id, `${l.title}\n${l.summary}\n${l.body}`] as const),
      ['nudges.json', nudges] as const,
    ]) {
      assert.deepEqual(copiedRuns(text, article), [], `${name} repeats the article`);
    }
  });
});

describe('the shipped nudges', () => {
  const raw: unknown = JSON.parse(readFileSync(join(root, 'media', 'nudges.json'), 'utf8'));
  const { nudges, problems } = parseNudgeCatalogue(raw);
  const lessonIds = loadLessons().map((l) => l.id);

  it('are all valid (ids unique, short, action and why within their limits), at least 40 of them', () => {
    assert.deepEqual(problems, []);
    assert.ok(nudges.length >= 40, `only ${nudges.length}`);
    for (const nudge of nudges) {
      assert.ok(nudge.short.length <= SHORT_MAX, nudge.id);
      assert.match(nudge.id, new RegExp(`^${nudge.theme}-\\d{2}$`), `${nudge.id}: an id names its theme`);
    }
  });

  it('cover every theme, delegation and check-ins most', () => {
    for (const theme of NUDGE_THEMES) {
      const count = nudges.filter((n) => n.theme === theme).length;
      assert.ok(count >= (theme === 'delegation' || theme === 'check-ins' ? 5 : 3), `${theme}: ${count}`);
    }
  });

  it('link to lessons that exist, at least two for every lesson', () => {
    assert.deepEqual(linkProblems(nudges, lessonIds), []);
  });

  it('never ask for the same thing twice', () => {
    assert.deepEqual(similarActions(nudges), []);
  });

  it(`give Google research as the reason for at most ${MAX_GOOGLE_REASONS} of them`, () => {
    const google = googleReasons(nudges);
    assert.ok(google.length <= MAX_GOOGLE_REASONS, `${google.length}: ${google.join(', ')}`);
  });

  it('can all be done today, with a fallback where they wait for an event', () => {
    assert.deepEqual(
      nudges.filter((n) => waitsForAnEvent(n.action)).map((n) => n.id),
      [],
    );
  });

  it(`offer at least ${MIN_QUESTIONS} unique 1:1 questions for each theme "Prepare next 1:1" draws from, all parsed without problems`, () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(questionProblems(nudges), []);
  });

  it(`offer at least ${MIN_REFLECTIONS} unique weekly reflections for each of the five actions, none repeating a 1:1 question, all parsed without problems`, () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(reflectionProblems(nudges), []);
    for (const nudge of nudges) {
      if (nudge.reflection !== undefined) {
        assert.ok(nudge.reflection.length <= QUESTION_MAX, nudge.id);
        assert.match(nudge.reflection, /\byou(?:rs?|rself)?\b/i, `${nudge.id}: a reflection speaks to the lead as "you"`);
      }
    }
  });
});
