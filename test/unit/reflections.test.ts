import * as assert from 'node:assert/strict';
import type { DateKey } from '../../src/domain/core/dates';
import { describeNeglect } from '../../src/domain/coach/neglect';
import type { Nudge } from '../../src/domain/coach/nudges';
import {
  choosePrompts,
  readReflectionAnswers,
  reflectionsFor,
  REFLECTION_ANSWER_MAX,
  validateAnswer,
  withAnswer,
} from '../../src/domain/review/reflections';

const week = '2026-11-16' as DateKey;

function nudge(id: string, theme: Nudge['theme'], reflection?: string): Nudge {
  return { id, theme, short: id, action: `Do ${id}`, why: 'Because.', lesson: 'check-in', ...(reflection ? { reflection } : {}) };
}

const catalogue: Nudge[] = [
  nudge('c1', 'check-ins', 'Who did you not talk to this week?'),
  nudge('c2', 'check-ins', 'Whose week did you ask about, not just their tickets?'),
  nudge('f1', 'feedback', 'What did you ask to hear about yourself?'),
  nudge('f2', 'feedback', 'What feedback did you act on?'),
  nudge('d1', 'delegation', 'What did you keep that someone else could own?'),
  nudge('m1', 'modelling', 'What did your team see you do under pressure?'),
  nudge('plain', 'trust'),
];

describe('weekly reflections', () => {
  it('chooses three prompts, the first from the action practised least, each from another theme where possible', () => {
    const prompts = choosePrompts(catalogue, week, ['feedback']);
    assert.equal(prompts.length, 3);
    assert.ok(prompts[0]?.id.startsWith('f'), JSON.stringify(prompts));
    const themes = prompts.map((p) => catalogue.find((n) => n.id === p.id)?.theme);
    assert.equal(new Set(themes).size, 3, `themes repeat: ${themes.join(', ')}`);
    assert.ok(prompts.every((p) => p.prompt.endsWith('?')));
  });

  it('gives the same prompts for the same week, and never a nudge without a reflection', () => {
    assert.deepEqual(choosePrompts(catalogue, week, ['feedback']), choosePrompts(catalogue, week, ['feedback']));
    for (const start of ['2026-01-05', '2026-06-01', '2026-11-30'] as DateKey[]) {
      assert.ok(choosePrompts(catalogue, start).every((p) => p.id !== 'plain'));
    }
  });

  it('shows the stored prompts of a week even after the catalogue changed', () => {
    const stored = { [week]: [{ id: 'gone', prompt: 'An old question?', answer: 'An old answer' }] };
    assert.deepEqual(
      reflectionsFor(stored, week, () => choosePrompts(catalogue, week)),
      stored[week],
    );
    assert.equal(reflectionsFor(stored, '2026-11-23' as DateKey, () => choosePrompts(catalogue, '2026-11-23' as DateKey)).length, 3);
  });

  it('saves one answer with its week, leaving the other weeks and prompts alone', () => {
    const prompts = reflectionsFor({}, week, () => choosePrompts(catalogue, week));
    const first = prompts[0];
    assert.ok(first);
    const other = { '2026-11-09': [{ id: 'x', prompt: 'Before?', answer: 'kept' }] };
    const next = withAnswer(other, week, prompts, first.id, 'I skipped two 1:1s.');
    assert.deepEqual(next['2026-11-09'], other['2026-11-09']);
    assert.equal(next[week]?.find((r) => r.id === first.id)?.answer, 'I skipped two 1:1s.');
    assert.deepEqual(
      next[week]?.map((r) => r.prompt),
      prompts.map((r) => r.prompt),
    );
  });

  it('reads only what is in the stored shape', () => {
    assert.equal(readReflectionAnswers('nope'), undefined);
    assert.deepEqual(readReflectionAnswers({ 'not-a-week': [], [week]: [{ id: 'a', prompt: 'Q?', answer: 'A' }, { id: 3 }, 'x'] }), {
      [week]: [{ id: 'a', prompt: 'Q?', answer: 'A' }],
    });
  });

  it('checks answers with the rules for notes: no control characters, a length limit, empty is allowed', () => {
    assert.deepEqual(validateAnswer('  '), { ok: true, value: '' });
    assert.equal(validateAnswer('line one\nline two').ok, true);
    assert.equal(validateAnswer('bad \u202e text').ok, false);
    assert.equal(validateAnswer('x'.repeat(REFLECTION_ANSWER_MAX + 1)).ok, false);
  });
});

describe('why the coach picked a neglected action', () => {
  it('says how long, in days and then weeks, or that it never happened', () => {
    assert.equal(describeNeglect('feedback', 21), 'You have not asked anyone for feedback in 3 weeks.');
    assert.equal(describeNeglect('feedback', 10), 'You have not asked anyone for feedback in 10 days.');
    assert.equal(describeNeglect('delegating', undefined), 'You have not logged a delegation yet.');
    assert.equal(describeNeglect('checkIns', 15), 'You have not had a 1:1 or a check-in with anyone in 2 weeks.');
    assert.equal(describeNeglect('modelling', 2), 'Of the five actions, this is the one you practiced least in the last two weeks.');
  });
});
