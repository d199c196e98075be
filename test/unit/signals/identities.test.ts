/**
 * Identities: bots recognised (and people who only look like them not), the lead recognised,
 * names compared without case, accents or punctuation, and link suggestions that are only
 * suggestions, with a confidence.
 */
import * as assert from 'node:assert/strict';
import { identityKeyOf } from '../../../src/domain/signals/history';
import {
  emailLocalPart,
  identitiesOf,
  isBot,
  isLead,
  leadIdentities,
  listIdentities,
  nameTokens,
  normaliseName,
  personByIdentity,
  suggestLinks,
  type Identity,
  type IdentityLinks,
} from '../../../src/domain/signals/identities';
import { commit, historyOf } from './generated';

function identity(name: string, email: string, extra: Partial<Identity> = {}): Identity {
  return {
    id: 0,
    key: identityKeyOf(name, email),
    name,
    email,
    commits: 1,
    firstSeen: 0,
    lastSeen: 0,
    bot: isBot(name, email),
    lead: false,
    ...extra,
  };
}

describe('signals: identities', () => {
  it('recognises bots by [bot] suffix, known tools, a "bot" word and no-reply addresses', () => {
    const bots: [string, string][] = [
      ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'],
      ['github-actions[bot]', '41898282+github-actions[bot]@users.noreply.github.com'],
      ['renovate[bot]', '29139614+renovate[bot]@users.noreply.github.com'],
      ['Renovate Bot', 'bot@renovateapp.com'],
      ['dependabot-preview', 'support@dependabot.com'],
      ['github-actions', 'action@github.com'],
      ['GitHub', 'noreply@github.com'],
      ['CI Bot', 'ci@example.com'],
      ['release-bot', 'releases@example.com'],
      ['Jenkins', 'jenkins@example.com'],
      ['Deploy', 'noreply@example.com'],
      ['Build Server', 'build-bot@example.com'],
    ];
    for (const [name, email] of bots) {
      assert.ok(isBot(name, email), `${name} <${email}>`);
    }
    const people: [string, string][] = [
      ['Sam Lee', '12345+samlee@users.noreply.github.com'],
      ['Abbott Botha', 'abbott.botha@example.com'],
      ['Sam Jenkins', 'sam.jenkins@example.com'],
      ['Robota Ng', 'robota@example.com'],
    ];
    for (const [name, email] of people) {
      assert.ok(!isBot(name, email), `${name} <${email}>`);
    }
  });

  it('compares names without case, accents or punctuation', () => {
    assert.equal(normaliseName('  Zoë  O’Brien-Smith '), 'zoe o brien smith');
    assert.equal(normaliseName('JÜRGEN Weiß'), 'jurgen weiss');
    assert.equal(normaliseName('Søren Łukasz'), 'soren lukasz');
    assert.deepEqual(nameTokens("Zoë O'Brien"), ['zoe', 'obrien']);
    assert.equal(emailLocalPart('12345+sam-lee@users.noreply.github.com'), 'sam-lee');
    assert.equal(emailLocalPart('priya.sharma+ci@example.com'), 'priya.sharma');
  });

  it('recognises the lead by git user.email, or by a full git user.name', () => {
    assert.ok(isLead('Whoever', 'Lead@Work.example', { email: 'lead@work.example' }));
    assert.ok(isLead('Jo Lead', 'old@home.example', { name: 'jo lead', email: 'lead@work.example' }));
    assert.ok(!isLead('Jo', 'jo@home.example', { name: 'Jo' }), 'a first name alone is not enough');
    assert.ok(!isLead('Jo Other', 'jo@home.example', { name: 'Jo Lead', email: 'lead@work.example' }));
    const history = historyOf([
      commit({ author: 'Jo Lead', email: 'lead@work.example', local: '2026-04-01T10:00' }),
      commit({ author: 'Jo Lead', email: 'jo@home.example', local: '2026-04-01T11:00' }),
      commit({ author: 'Sam Lee', local: '2026-04-01T12:00' }),
      commit({ author: 'Sam Lee', local: '2026-04-01T13:00' }),
      commit({ author: 'dependabot[bot]', email: '1+dependabot[bot]@users.noreply.github.com', local: '2026-04-01T13:00' }),
    ]);
    const identities = listIdentities(history, { name: 'Jo Lead', email: 'lead@work.example' });
    assert.deepEqual([...leadIdentities(identities)].sort(), [
      identityKeyOf('Jo Lead', 'jo@home.example'),
      identityKeyOf('Jo Lead', 'lead@work.example'),
    ]);
    assert.deepEqual(
      identities.map((i) => [i.name, i.commits, i.bot, i.lead]),
      [
        ['Sam Lee', 2, false, false],
        ['dependabot[bot]', 1, true, false],
        ['Jo Lead', 1, false, true],
        ['Jo Lead', 1, false, true],
      ],
    );
  });

  describe('link suggestions', () => {
    const people = [
      { id: 'p-priya', name: 'Priya Sharma' },
      { id: 'p-sam', name: 'Sam Lee' },
      { id: 'p-zoe', name: 'Zoë Ångström' },
      { id: 'p-ana', name: 'Ana' },
    ];
    const best = (i: Identity): [string, string, string] | undefined => {
      const [first] = suggestLinks([i], people);
      return first === undefined ? undefined : [first.personId, first.confidence, first.reason];
    };

    it('match by normalised name, reordered names, and the email local part, with a confidence', () => {
      assert.deepEqual(best(identity('zoe angstrom', 'z@example.com')), ['p-zoe', 'high', 'sameName']);
      assert.deepEqual(best(identity('SHARMA, Priya', 'x@example.com')), ['p-priya', 'high', 'sameNameReordered']);
      assert.deepEqual(best(identity('ps', 'priya.sharma@example.com')), ['p-priya', 'high', 'emailName']);
      assert.deepEqual(best(identity('ps', 'psharma@example.com')), ['p-priya', 'medium', 'emailInitials']);
      assert.deepEqual(best(identity('laptop', '9876+samlee@users.noreply.github.com')), ['p-sam', 'high', 'emailName']);
      assert.deepEqual(best(identity('Sam', 'sam@home.example')), ['p-sam', 'medium', 'firstName']);
      assert.deepEqual(best(identity('Ana', 'a@example.com')), ['p-ana', 'medium', 'sameName']);
      assert.equal(best(identity('Someone Else', 'someone@example.com')), undefined);
    });

    it('lower the score when the evidence fits two people equally', () => {
      const two = [
        { id: 'p-sam-lee', name: 'Sam Lee' },
        { id: 'p-sam-ortiz', name: 'Sam Ortiz' },
      ];
      const found = suggestLinks([identity('Sam', 'sam@home.example')], two);
      assert.deepEqual(
        found.map((s) => [s.personId, s.confidence]),
        [
          ['p-sam-lee', 'low'],
          ['p-sam-ortiz', 'low'],
        ],
      );
      assert.ok(found.every((s) => s.score < 0.55));
    });

    it('leave out bots, the lead and identities already linked, and change no link', () => {
      const links: IdentityLinks = Object.freeze({ 'p-sam': Object.freeze([identityKeyOf('Sam Lee', 'sam@work.example')]) });
      const found = suggestLinks(
        [
          identity('Sam Lee', 'sam@work.example'),
          identity('Priya Sharma', 'priya@example.com', { lead: true }),
          identity('dependabot[bot]', '1+dependabot[bot]@users.noreply.github.com'),
          identity('Sam Lee', 'sam@home.example'),
        ],
        people,
        links,
      );
      assert.deepEqual(
        found.map((s) => [s.identity, s.personId]),
        [[identityKeyOf('Sam Lee', 'sam@home.example'), 'p-sam']],
      );
      assert.deepEqual(links, { 'p-sam': [identityKeyOf('Sam Lee', 'sam@work.example')] });
    });
  });

  it('reads a link table both ways', () => {
    const sam = [identityKeyOf('Sam Lee', 'sam@work.example'), identityKeyOf('sam', 'sam@home.example')];
    const links: IdentityLinks = { 'p-sam': sam, 'p-ana': [identityKeyOf('Ana', 'ana@example.com')] };
    assert.deepEqual([...identitiesOf(links, 'p-sam')], sam);
    assert.deepEqual([...identitiesOf(links, 'toString')], []);
    assert.equal(personByIdentity(links).get(identityKeyOf('sam', 'sam@home.example')), 'p-sam');
  });
});
