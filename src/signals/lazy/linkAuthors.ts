/**
 * Link Commit Authors to People: one quick pick per author nobody linked yet (bots and the lead's
 * own identity left out), the suggested person first; the lead confirms it, picks another person,
 * says the author is not in the team (ignored from then on), or skips them for now. Each answer is
 * stored at once, in workspace state only. Authors appear nowhere else until linked.
 */
import * as vscode from 'vscode';
import { inert } from '../../domain/core/inertText';
import * as l10n from '../../domain/core/l10n';
import type { Identity, MatchReason } from '../../domain/signals/identities';
import { suggestLinks } from '../../domain/signals/identities';
import { ignoreIdentity, linkIdentity } from '../../domain/signals/links';
import { StateMap } from '../../platform/stateMap';
import type { Services } from '../../services';

function reasonWords(reason: MatchReason): string {
  switch (reason) {
    case 'sameName':
      return l10n.t('the same name');
    case 'sameNameReordered':
      return l10n.t('the same name, in another order');
    case 'nameContained':
      return l10n.t('part of the same name');
    case 'firstName':
      return l10n.t('the same first name');
    case 'emailName':
      return l10n.t('their name in the email address');
    case 'emailInitials':
      return l10n.t('their initials in the email address');
    case 'emailFirstName':
      return l10n.t('their first name in the email address');
    case 'emailLastName':
      return l10n.t('their last name in the email address');
    default:
      return reason;
  }
}

type Choice = vscode.QuickPickItem & { readonly action: 'link' | 'ignore' | 'skip'; readonly personId?: string };

/** Asks about each author in turn; returns how many were linked. Escape stops (what was answered is kept). */
export async function linkAuthors(services: Services, authors: readonly Identity[]): Promise<number> {
  const people = services.team.people().filter((p) => p.archived !== true);
  if (authors.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('Every commit author is linked to a person or ignored.'));
    return 0;
  }
  if (people.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('Add the people of your team first: commit authors are linked to them.'));
    return 0;
  }
  let linked = 0;
  for (const [index, author] of authors.entries()) {
    const current = services.state.get(StateMap.signalLinks);
    const suggestions = suggestLinks([author], people, current.links);
    const suggested = new Map(suggestions.map((s) => [s.personId, s]));
    const ordered = [...people].sort(
      (a, b) => (suggested.get(b.id)?.score ?? 0) - (suggested.get(a.id)?.score ?? 0) || a.name.localeCompare(b.name),
    );
    const items: Choice[] = [
      ...ordered.map((person): Choice => {
        const suggestion = suggested.get(person.id);
        return {
          action: 'link',
          personId: person.id,
          label: inert(person.name),
          ...(suggestion ? { description: l10n.t('suggested: {0}', reasonWords(suggestion.reason)) } : {}),
        };
      }),
      { label: '', kind: vscode.QuickPickItemKind.Separator, action: 'skip' },
      { action: 'ignore', label: l10n.t('Not in my team'), description: l10n.t('ignore this author from now on') },
      { action: 'skip', label: l10n.t('Skip for now') },
    ];
    const who = `${author.name} <${author.email}>`;
    const choice = await vscode.window.showQuickPick(items, {
      title: l10n.t('Link commit authors to people ({0} of {1})', index + 1, authors.length),
      placeHolder: inert(
        author.commits === 1 ? l10n.t('Who is {0}? (1 commit)', who) : l10n.t('Who is {0}? ({1} commits)', who, author.commits),
      ),
      ignoreFocusOut: true,
    });
    if (choice === undefined) {
      break;
    }
    if (choice.action === 'link' && choice.personId !== undefined) {
      await services.state.update(StateMap.signalLinks, linkIdentity(current, author.key, choice.personId));
      linked += 1;
    } else if (choice.action === 'ignore') {
      await services.state.update(StateMap.signalLinks, ignoreIdentity(current, author.key));
    }
    services.signals.refreshed();
  }
  return linked;
}
