import { formatDay, type DateKey } from '../core/dates';
import type { DelegationEvent } from './delegations';
import { levelInfo } from './delegationLevels';
import * as l10n from '../core/l10n';

/** One history event in words: "Raised from Consult to Advise on Thu 12 Mar". */
export function describeEvent(event: DelegationEvent, today: DateKey): string {
  const on = formatDay(event.on, today);
  switch (event.kind) {
    case 'created':
      return l10n.t('Delegated on {0}', on);
    case 'edited':
      return event.field === 'task'
        ? l10n.t('Task edited on {0}', on)
        : event.field === 'person'
          ? l10n.t('Person edited on {0}', on)
          : event.field === 'code'
            ? l10n.t('Code link edited on {0}', on)
            : l10n.t('Note edited on {0}', on);
    case 'levelChanged':
      return event.to > event.from
        ? l10n.t('Raised from {0} to {1} on {2}', levelInfo(event.from).name, levelInfo(event.to).name, on)
        : l10n.t('Lowered from {0} to {1} on {2}', levelInfo(event.from).name, levelInfo(event.to).name, on);
    case 'followUpChanged':
      return l10n.t('Follow-up moved from {0} to {1} on {2}', formatDay(event.from, today), formatDay(event.to, today), on);
    case 'checkIn':
      return event.note ? l10n.t('Checked in on {0}: {1}', on, event.note) : l10n.t('Checked in on {0}', on);
    case 'done':
      return l10n.t('Marked done on {0}', on);
    case 'reopened':
      return l10n.t('Reopened on {0}', on);
  }
}
