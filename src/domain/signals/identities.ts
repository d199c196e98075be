/**
 * The commit authors found in the history, and how they relate to the team: which are bots, which
 * are the lead, and which person in the Team each of the others probably is.
 *
 * Identities arrive already merged by the repository's .mailmap (git applies it). A person may
 * still have several (a work and a home email, a laptop with an old name): the lead links each to a
 * person. The suggestions here are only suggestions: nothing is linked until the lead confirms,
 * edits or ignores each one, and unlinked authors are never shown outside that step.
 *
 * Plain TypeScript with no VS Code dependency.
 */
import type { CommitHistory, IdentityKey, IdentityRecord } from './history';

export interface Identity extends IdentityRecord {
  /** An automated account (dependabot, renovate, CI): never linked, never counted. */
  readonly bot: boolean;
  /** The lead's own identity (from their git user.name / user.email). */
  readonly lead: boolean;
}

/** The lead's git identity, as `git config user.name` / `user.email` give it. */
export interface LeadGitUser {
  readonly name?: string;
  readonly email?: string;
}

/** A person of the Team, as far as linking needs them. */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
}

/** Person id → the identities the lead linked to them. */
export type IdentityLinks = Readonly<Record<string, readonly IdentityKey[]>>;

/** How sure a suggestion is, for its wording and order. */
export type Confidence = 'high' | 'medium' | 'low';

/** Why an identity looks like a person. */
export type MatchReason =
  'sameName' | 'sameNameReordered' | 'nameContained' | 'firstName' | 'emailName' | 'emailInitials' | 'emailFirstName' | 'emailLastName';

export interface LinkSuggestion {
  readonly identity: IdentityKey;
  readonly personId: string;
  /** 0–1. Lowered when the same evidence points at more than one person. */
  readonly score: number;
  readonly confidence: Confidence;
  readonly reason: MatchReason;
}

/** Letters that do not decompose into a base letter and a mark. */
const FOLDED: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ı: 'i', ħ: 'h' };

/** A name for comparing: no case, no accents, punctuation as spaces. "Zoë O'Brien-Smith" → "zoe o brien smith". */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđßæœþðıħ]/g, (c) => FOLDED[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a name; apostrophes join ("O'Brien" → "obrien"), other punctuation separates. */
export function nameTokens(text: string): string[] {
  const joined = normaliseName(text.replace(/['’]/g, ''));
  return joined.length === 0 ? [] : joined.split(' ');
}

/** The part of an email before the @, without a +tag, and for GitHub's noreply addresses the login. */
export function emailLocalPart(email: string): string {
  const at = email.lastIndexOf('@');
  const local = (at === -1 ? email : email.slice(0, at)).toLowerCase();
  const domain = at === -1 ? '' : email.slice(at + 1).toLowerCase();
  if (domain === 'users.noreply.github.com') {
    const plus = local.indexOf('+');
    return plus === -1 ? local : local.slice(plus + 1);
  }
  const plus = local.indexOf('+');
  return plus === -1 ? local : local.slice(0, plus);
}

/** The words of an email's local part: split on `.`, `_`, `-`, digits dropped. */
export function emailTokens(email: string): string[] {
  return normaliseName(emailLocalPart(email).replace(/[0-9]+/g, ' '))
    .split(' ')
    .filter((t) => t.length > 0);
}

const BOT_NAMES: ReadonlySet<string> = new Set([
  'dependabot',
  'dependabot preview',
  'renovate',
  'renovate bot',
  'renovatebot',
  'github actions',
  'github',
  'web flow',
  'greenkeeper',
  'greenkeeperio bot',
  'snyk bot',
  'mergify',
  'semantic release bot',
  'codecov',
  'pre commit ci',
  'imgbot',
  'imgbotapp',
  'allcontributors',
  'jenkins',
  'gitlab ci',
  'travis ci',
  'circleci',
  'azure pipelines',
  'release please',
  'weblate',
  'transifex',
  'crowdin',
]);

const NOREPLY_LOCAL: ReadonlySet<string> = new Set([
  'noreply',
  'no-reply',
  'no_reply',
  'donotreply',
  'do-not-reply',
  'action',
  'actions',
  'bot',
  'bots',
  'ci',
  'build',
  'builds',
  'jenkins',
]);

/**
 * Whether an author is an automated account: a `[bot]` suffix (GitHub apps), a known tool
 * (dependabot, renovate, github-actions, …), "bot" as a word of the name or the email's local part
 * ("release-bot", "CI Bot"), or a no-reply address that is not a person's GitHub noreply address
 * (`noreply@…`, `action@github.com`; `12345+sam@users.noreply.github.com` is Sam).
 */
export function isBot(name: string, email: string): boolean {
  const lowerName = name.trim().toLowerCase();
  const lowerEmail = email.trim().toLowerCase();
  if (lowerName.endsWith('[bot]') || lowerEmail.includes('[bot]@') || /\[bot\]$/.test(emailLocalPart(lowerEmail))) {
    return true;
  }
  const normalName = normaliseName(name);
  const tokens = normalName.split(' ');
  if (BOT_NAMES.has(normalName) || tokens.includes('bot') || tokens.includes('bots')) {
    return true;
  }
  const local = emailLocalPart(lowerEmail);
  const localTokens = normaliseName(local).split(' ');
  if (localTokens.includes('bot') || localTokens.includes('bots') || BOT_NAMES.has(normaliseName(local))) {
    return true;
  }
  const at = lowerEmail.lastIndexOf('@');
  return at !== -1 && NOREPLY_LOCAL.has(lowerEmail.slice(0, at)) && !lowerEmail.endsWith('@users.noreply.github.com');
}

/**
 * Whether an identity is the lead: the same email as their git user.email (case aside), or, when
 * the names are full names (two words or more), the same name as their git user.name.
 */
export function isLead(name: string, email: string, lead: LeadGitUser): boolean {
  if (lead.email !== undefined && lead.email.trim().length > 0 && email.trim().toLowerCase() === lead.email.trim().toLowerCase()) {
    return true;
  }
  if (lead.name === undefined) {
    return false;
  }
  const leadName = normaliseName(lead.name);
  return leadName.includes(' ') && leadName === normaliseName(name);
}

const botMasks = new WeakMap<CommitHistory, Uint8Array>();

/** A flag per identity number of the history: 1 for a bot. Kept per history and extended as identities arrive. */
export function botMask(history: CommitHistory): Uint8Array {
  const known = botMasks.get(history);
  if (known !== undefined && known.length === history.identityCount) {
    return known;
  }
  const mask = new Uint8Array(history.identityCount);
  for (let id = 0; id < mask.length; id++) {
    if (known !== undefined && id < known.length) {
      mask[id] = known[id] ?? 0;
    } else {
      const identity = history.identity(id);
      mask[id] = isBot(identity.name, identity.email) ? 1 : 0;
    }
  }
  botMasks.set(history, mask);
  return mask;
}

/** The identities of the history, with bots and the lead recognised; most commits first. */
export function listIdentities(history: CommitHistory, lead: LeadGitUser = {}): Identity[] {
  return history
    .identities()
    .map((record) => ({ ...record, bot: isBot(record.name, record.email), lead: isLead(record.name, record.email, lead) }))
    .sort((a, b) => b.commits - a.commits || a.key.localeCompare(b.key));
}

/** The keys of the lead's own identities. */
export function leadIdentities(identities: readonly Identity[]): ReadonlySet<IdentityKey> {
  return new Set(identities.filter((i) => i.lead && !i.bot).map((i) => i.key));
}

/** The identities linked to one person (empty when none). */
export function identitiesOf(links: IdentityLinks, personId: string): ReadonlySet<IdentityKey> {
  return new Set(Object.prototype.hasOwnProperty.call(links, personId) ? (links[personId] ?? []) : []);
}

/** Identity → the person it is linked to. An identity linked to two people counts for the first (in key order). */
export function personByIdentity(links: IdentityLinks): Map<IdentityKey, string> {
  const owner = new Map<IdentityKey, string>();
  for (const personId of Object.keys(links).sort()) {
    for (const key of links[personId] ?? []) {
      if (!owner.has(key)) {
        owner.set(key, personId);
      }
    }
  }
  return owner;
}

/** How well one identity's name and email fit one person's name, with the reason; undefined below 0.4. */
function matchScore(
  identity: Pick<IdentityRecord, 'name' | 'email'>,
  personName: string,
): { score: number; reason: MatchReason } | undefined {
  const person = nameTokens(personName);
  if (person.length === 0) {
    return undefined;
  }
  const author = nameTokens(identity.name);
  const candidates: { score: number; reason: MatchReason }[] = [];
  const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((t, i) => t === b[i]);
  const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
    a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
  const contains = (outer: readonly string[], inner: readonly string[]): boolean => inner.every((t) => outer.includes(t));
  if (author.length > 0) {
    if (sameList(author, person)) {
      candidates.push({ score: person.length > 1 ? 0.95 : 0.7, reason: 'sameName' });
    } else if (sameSet(author, person)) {
      candidates.push({ score: 0.85, reason: 'sameNameReordered' });
    } else if (Math.min(author.length, person.length) > 1 && (contains(author, person) || contains(person, author))) {
      candidates.push({ score: 0.65, reason: 'nameContained' });
    } else if (author[0] === person[0] && (author.length === 1 || person.length === 1)) {
      candidates.push({ score: 0.55, reason: 'firstName' });
    }
  }
  const local = emailTokens(identity.email);
  const joined = local.join('');
  const first = person[0] ?? '';
  const last = person[person.length - 1] ?? '';
  if (local.length > 0 && person.length > 1) {
    if (sameSet(local, person) || joined === person.join('')) {
      candidates.push({ score: 0.8, reason: 'emailName' });
    } else if (
      joined === `${first.slice(0, 1)}${last}` ||
      joined === `${first}${last.slice(0, 1)}` ||
      joined === `${last}${first.slice(0, 1)}`
    ) {
      candidates.push({ score: 0.6, reason: 'emailInitials' });
    } else if (joined === first) {
      candidates.push({ score: 0.5, reason: 'emailFirstName' });
    } else if (joined === last && last.length > 2) {
      candidates.push({ score: 0.4, reason: 'emailLastName' });
    }
  } else if (local.length > 0 && joined === first) {
    candidates.push({ score: 0.55, reason: 'emailFirstName' });
  }
  return candidates.sort((a, b) => b.score - a.score)[0];
}

function confidenceOf(score: number): Confidence {
  return score >= 0.8 ? 'high' : score >= 0.55 ? 'medium' : 'low';
}

/**
 * Suggested links from the identities not yet linked (bots and the lead left out) to people: for
 * each identity, the people whose name fits its name or its email's local part, best first. When
 * the best evidence fits two people equally (two Sams), each suggestion's score is lowered by a
 * third, so neither reads as sure. Never applied by itself: the lead confirms, edits or ignores each.
 */
export function suggestLinks(identities: readonly Identity[], people: readonly PersonRef[], links: IdentityLinks = {}): LinkSuggestion[] {
  const linked = personByIdentity(links);
  const suggestions: LinkSuggestion[] = [];
  for (const identity of identities) {
    if (identity.bot || identity.lead || linked.has(identity.key)) {
      continue;
    }
    const matches = people
      .map((person) => ({ person, match: matchScore(identity, person.name) }))
      .filter(
        (m): m is { person: PersonRef; match: { score: number; reason: MatchReason } } => m.match !== undefined && m.match.score >= 0.4,
      );
    const best = Math.max(...matches.map((m) => m.match.score));
    const tied = matches.filter((m) => m.match.score === best).length;
    for (const { person, match } of matches) {
      const score = tied > 1 && match.score === best ? Math.round(match.score * (2 / 3) * 100) / 100 : match.score;
      suggestions.push({ identity: identity.key, personId: person.id, score, confidence: confidenceOf(score), reason: match.reason });
    }
  }
  return suggestions.sort((a, b) => a.identity.localeCompare(b.identity) || b.score - a.score || a.personId.localeCompare(b.personId));
}
