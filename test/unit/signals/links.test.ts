import * as assert from 'node:assert/strict';
import { identityKeyOf } from '../../../src/domain/signals/history';
import {
  ignoreIdentity,
  linkIdentity,
  NO_LINKS,
  readAnnounced,
  readSignalLinks,
  toAnnounce,
  withAnnounced,
} from '../../../src/domain/signals/links';

const sam = identityKeyOf('Sam Lee', 'Sam@Work.example');
const home = identityKeyOf('sam', 'sam@home.example');

describe('signals: stored links', () => {
  it('reads back only identity keys under person ids', () => {
    assert.deepEqual(readSignalLinks({ links: { p1: [sam, 'not a key', 3, sam], '': [home] }, ignored: [home, {}] }), {
      links: { p1: [sam] },
      ignored: [home],
    });
    assert.equal(readSignalLinks('nonsense'), undefined);
    assert.deepEqual(readSignalLinks({}), NO_LINKS);
  });

  it('moves an identity from one person to another, and ignoring it unlinks it', () => {
    const one = linkIdentity(NO_LINKS, sam, 'p1');
    const two = linkIdentity(linkIdentity(one, home, 'p1'), sam, 'p2');
    assert.deepEqual(two.links, { p1: [home], p2: [sam] });
    const ignored = ignoreIdentity(two, home);
    assert.deepEqual(ignored, { links: { p2: [sam] }, ignored: [home] });
    assert.deepEqual(linkIdentity(ignored, home, 'p1'), { links: { p2: [sam], p1: [home] }, ignored: [] });
  });

  it('announces an author once: skipped or told, not again in another window; a new author is', () => {
    const priya = identityKeyOf('Priya', 'priya@work.example');
    const told = withAnnounced([], toAnnounce([sam, home], []));
    assert.deepEqual(told, [sam, home]);
    // Another window, or after a reload: the same authors, still unlinked (skipped), are not announced.
    assert.deepEqual(toAnnounce([sam, home], readAnnounced(JSON.parse(JSON.stringify(told))) ?? []), []);
    // A new author is, and only them.
    assert.deepEqual(toAnnounce([sam, priya, home], told), [priya]);
    assert.deepEqual(withAnnounced(told, [priya, sam]), [home, priya, sam]);
  });

  it('reads the announced authors strictly and keeps the most recent 200', () => {
    assert.deepEqual(readAnnounced([sam, 'not a key', 7, sam]), [sam]);
    assert.equal(readAnnounced({ sam }), undefined);
    const many = Array.from({ length: 250 }, (_, i) => identityKeyOf(`Author ${i}`, `a${i}@work.example`));
    const kept = withAnnounced(many.slice(0, 150), many.slice(150));
    assert.equal(kept.length, 200);
    assert.equal(kept[199], many[249]);
    assert.equal(kept[0], many[50]);
  });
});
