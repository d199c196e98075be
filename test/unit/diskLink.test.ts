/**
 * The atomic step of a team folder's compare-and-swap, on a real disk: many claims of one name at
 * once, and exactly one wins.
 */
import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkExclusive } from '../../src/platform/diskLink';

describe('claiming a name on disk (hard link)', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tlc-link-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('of 8 claims of one name at once, exactly one wins, its text whole under the name, the others left as they were', async () => {
    for (let round = 0; round < 25; round++) {
      const target = join(dir, `index-${round}.json`);
      const temps = await Promise.all(
        [...Array(8).keys()].map(async (i) => {
          const temp = join(dir, `.index-${round}-${i}.tmp`);
          await writeFile(temp, `{"writer": ${i}}`);
          return temp;
        }),
      );
      const results = await Promise.all(temps.map((temp) => linkExclusive(temp, target)));
      assert.equal(results.filter((r) => r === true).length, 1, `round ${round}: ${JSON.stringify(results)}`);
      const winner = results.indexOf(true);
      assert.equal(await readFile(target, 'utf8'), `{"writer": ${winner}}`);
      const left = (await readdir(dir)).filter((n) => n.startsWith(`.index-${round}-`)).length;
      assert.equal(left, 7, 'a losing claim removed its temporary file, or the winner kept its');
    }
  });

  it('says so where there is no Node fs (the web worker host)', async () => {
    assert.equal(await linkExclusive(join(dir, 'a'), join(dir, 'b'), null), 'unsupported');
  });
});
