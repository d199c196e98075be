/**
 * The signals' page parts and messages: the person page's signals section and shipped-since list
 * (happy-dom), built with textContent only, absent without signals; the copy message checked to the
 * exact shape; the consent page's four bare messages; the copied 1:1 preparation with the list.
 */
import * as assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { prepareAsText, shippedLineText } from '../../../src/team/lazy/personModel';
import type { PersonPageModel, PersonToExtension } from '../../../src/team/protocol';
import { isPersonToExtension } from '../../../src/team/protocol';
import { isSignalsConsentToExtension, isSignalsConsentToPage } from '../../../src/signals/protocol';

const window = new Window();
const globals = globalThis as unknown as Record<string, unknown>;
const NAMES = ['document', 'Element', 'HTMLElement', 'HTMLButtonElement'] as const;
/** The DOM globals other suites set (focusKeeping), put back after this one. */
const saved = new Map<string, unknown>();

const HASH = 'a'.repeat(40);
const model = (signals?: PersonPageModel['signals']): PersonPageModel => ({
  personId: 'p1',
  name: 'Sam',
  archived: false,
  lastOneOnOne: 'no 1:1 yet',
  nextOneOnOne: 'next 1:1 due in 14 days',
  oneOnOneOverdue: false,
  cadence: 'every 14 days',
  moods: [],
  openDelegations: [],
  timeline: [],
  prepare: { due: ['Nothing is due.'], questions: [] },
  ...(signals ? { signals } : {}),
});
const signals: NonNullable<PersonPageModel['signals']> = {
  identities: ['Sam <sam@x.example>'],
  pace: { lines: ['Sam committed late on 4 of the last 14 days; usually about 1.'], question: 'How is the load?', basis: 'Own pattern.' },
  shipped: {
    summary: '2 commits by Sam since Tue 24 Nov.',
    groups: [{ heading: 'billing/', lines: [{ hash: HASH, text: '<img src=x onerror=alert(1)> Fix (Wed 25 Nov)' }] }],
    more: 'and 1 more',
  },
};

describe('signals: the page parts and their messages', () => {
  before(() => {
    for (const name of NAMES) {
      saved.set(name, globals[name]);
      globals[name] = window[name];
    }
  });
  after(() => {
    for (const name of NAMES) {
      globals[name] = saved.get(name);
    }
    window.close();
  });

  it('shows nothing of the signals without them, and their text as text with them', async () => {
    const { shippedPart, signalsSection } = await import('../../../src/team/page/signalsPart');
    const sent: PersonToExtension[] = [];
    assert.equal(signalsSection(model()), undefined);
    assert.deepEqual(
      shippedPart(undefined, (m) => sent.push(m)),
      [],
    );
    const section = signalsSection(model(signals));
    assert.match(section?.textContent ?? '', /committed late on 4 of the last 14 days/);
    assert.match(section?.textContent ?? '', /Worth asking: How is the load\?/);
    assert.match(section?.textContent ?? '', /Sam <sam@x\.example>/);
    const shipped = shippedPart(signals, (m) => sent.push(m));
    const holder = window.document.createElement('div') as unknown as HTMLElement;
    holder.append(...shipped);
    assert.equal(holder.querySelectorAll('img').length, 0, 'a subject is never parsed as markup');
    assert.match(holder.textContent ?? '', /<img src=x onerror=alert\(1\)> Fix/);
    assert.match(holder.textContent ?? '', /and 1 more/);
    holder.querySelector('button')?.click();
    assert.deepEqual(sent, [{ type: 'copyShipped', hash: HASH }]);
  });

  it('copies a shipped line by its commit, and the preparation with the list', () => {
    assert.equal(shippedLineText(model(signals), HASH), '<img src=x onerror=alert(1)> Fix (Wed 25 Nov)');
    assert.equal(shippedLineText(model(signals), 'b'.repeat(40)), undefined);
    assert.equal(shippedLineText(model(), HASH), undefined);
    const text = prepareAsText(model(signals));
    assert.match(text, /Shipped since your last 1:1:\nbilling\/\n- <img src=x onerror=alert\(1\)> Fix \(Wed 25 Nov\)\nand 1 more/);
    assert.doesNotMatch(prepareAsText(model()), /Shipped/);
  });

  it('accepts the copy message only with a full commit hash and nothing else', () => {
    assert.ok(isPersonToExtension({ type: 'copyShipped', hash: HASH }));
    assert.ok(isPersonToExtension({ type: 'copyShipped', hash: 'c'.repeat(64) }));
    for (const bad of [
      { type: 'copyShipped' },
      { type: 'copyShipped', hash: 'HEAD' },
      { type: 'copyShipped', hash: 'a'.repeat(39) },
      { type: 'copyShipped', hash: HASH.toUpperCase() },
      { type: 'copyShipped', hash: HASH, text: 'x' },
      { type: 'copyShipped', hash: 7 },
    ]) {
      assert.equal(isPersonToExtension(bad), false, JSON.stringify(bad));
    }
  });

  it('accepts only the consent page’s four bare messages', () => {
    for (const type of ['ready', 'turnOn', 'notNow', 'copyShareText']) {
      assert.ok(isSignalsConsentToExtension({ type }), type);
    }
    for (const bad of [null, 'turnOn', { type: 'turnOn', folders: [] }, { type: 'forget' }, Object.assign([], { type: 'turnOn' })]) {
      assert.equal(isSignalsConsentToExtension(bad), false, JSON.stringify(bad));
    }
    assert.ok(isSignalsConsentToPage({ type: 'state', state: {} }));
    assert.equal(isSignalsConsentToPage({ type: 'state' }), false);
  });
});
