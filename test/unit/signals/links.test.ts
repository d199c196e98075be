import * as assert from 'node:assert/strict';
import { identityKeyOf } from '../../../src/domain/signals/history';
import { ignoreIdentity, linkIdentity, NO_LINKS, readSignalLinks } from '../../../src/domain/signals/links';

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
});
