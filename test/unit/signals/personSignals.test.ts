/**
 * The person page's signals part, from a generated history with a known answer: Sam worked in the
 * day for 8 weeks, then late on 4 of the last 14 days; Priya always works at night (no signal).
 */
import * as assert from 'node:assert/strict';
import type { DateKey } from '../../../src/domain/core/dates';
import { identityKeyOf } from '../../../src/domain/signals/history';
import { buildPersonSignals, paceSignals } from '../../../src/domain/signals/personSignals';
import { commit, historyOf, instantOf } from './generated';

const NOW = instantOf('2026-11-27T12:00', 'Z');
const TODAY = '2026-11-27' as DateKey;
const SAM = identityKeyOf('Sam Lee', 'sam@work.example');
const PRIYA = identityKeyOf('Priya Sharma', 'priya@work.example');

/** Weekdays (Mon–Fri) between two days, as `YYYY-MM-DD`. */
function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = instantOf(`${from}T00:00`, 'Z'); t <= instantOf(`${to}T00:00`, 'Z'); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) {
      out.push(d.toISOString().slice(0, 10));
    }
  }
  return out;
}

const base = weekdays('2026-09-18', '2026-11-12');
const history = historyOf([
  ...base.map((d, i) => commit({ author: 'Sam Lee', email: 'sam@work.example', local: `${d}T11:00`, files: [`api/f${i}.ts`] })),
  ...['2026-11-16', '2026-11-18', '2026-11-20', '2026-11-24'].map((d, i) =>
    commit({
      author: 'Sam Lee',
      email: 'sam@work.example',
      local: `${d}T23:30`,
      offset: '+01:00',
      subject: `Late fix ${i} <b>`,
      files: i % 2 === 0 ? ['billing/a.ts'] : ['web/b.ts'],
    }),
  ),
  ...[...base, ...weekdays('2026-11-13', '2026-11-26')].map((d) =>
    commit({ author: 'Priya Sharma', email: 'priya@work.example', local: `${d}T23:00`, offset: '-05:00' }),
  ),
  commit({ author: 'Unlinked Person', email: 'who@else.example', local: '2026-11-25T10:00' }),
]);

describe('signals: a person page’s signals', () => {
  it('says a clear rise in late days in words, as a question, compared only with their own pattern', () => {
    const signals = buildPersonSignals(history, { name: 'Sam', identities: new Set([SAM]), now: NOW, today: TODAY });
    assert.deepEqual(signals.identities, [SAM]);
    assert.deepEqual(signals.pace?.lines, ['Sam committed late on 4 of the last 14 days; usually hardly ever.']);
    assert.equal(signals.pace?.question, 'How is the load at the moment? Is anything keeping you late?');
    assert.match(signals.pace?.basis ?? '', /Sam's own usual pattern/);
    assert.equal(paceSignals(history, new Set([SAM]), NOW), true);
  });

  it('has no pace line for someone who always works at night', () => {
    const signals = buildPersonSignals(history, { name: 'Priya', identities: new Set([PRIYA]), now: NOW, today: TODAY });
    assert.equal(signals.pace, undefined);
    assert.equal(paceSignals(history, new Set([PRIYA]), NOW), false);
    assert.equal(paceSignals(history, new Set(), NOW), false);
  });

  it('lists what they shipped since the last 1:1, grouped by folder, subjects as plain text, nobody else’s', () => {
    const signals = buildPersonSignals(history, {
      name: 'Sam',
      identities: new Set([SAM]),
      lastOneOnOne: '2026-11-18' as DateKey,
      now: NOW,
      today: TODAY,
    });
    assert.match(signals.shipped.summary, /^3 commits by Sam since /);
    assert.deepEqual(
      signals.shipped.groups.map((g) => [g.heading, g.lines.length]),
      [
        ['web/', 2],
        ['billing/', 1],
      ],
    );
    assert.match(signals.shipped.groups[0]?.lines[0]?.text ?? '', /^Late fix 3 <b> \(/);
    assert.equal(signals.shipped.more, undefined);
    assert.doesNotMatch(JSON.stringify(signals), /Unlinked|who@else|Priya/);
  });

  it('covers the last 14 days when there was no 1:1 yet', () => {
    const signals = buildPersonSignals(history, { name: 'Sam', identities: new Set([SAM]), now: NOW, today: TODAY });
    assert.match(signals.shipped.summary, /^4 commits by Sam since /);
  });
});
