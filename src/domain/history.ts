import { formatDay, type DateKey } from './dates';
import type { DelegationEvent } from './delegation';
import { levelInfo } from './delegationLevels';

/** One history event in words: "Raised from Consult to Advise on Thu 12 Mar". */
export function describeEvent(event: DelegationEvent, today: DateKey): string {
  const on = formatDay(event.on, today);
  switch (event.kind) {
    case 'created':
      return `Delegated on ${on}`;
    case 'edited':
      return `${event.field === 'task' ? 'Task' : event.field === 'person' ? 'Person' : 'Note'} edited on ${on}`;
    case 'levelChanged':
      return `${event.to > event.from ? 'Raised' : 'Lowered'} from ${levelInfo(event.from).name} to ${levelInfo(event.to).name} on ${on}`;
    case 'followUpChanged':
      return `Follow-up moved from ${formatDay(event.from, today)} to ${formatDay(event.to, today)} on ${on}`;
    case 'checkIn':
      return `Checked in on ${on}${event.note ? `: ${event.note}` : ''}`;
    case 'done':
      return `Marked done on ${on}`;
    case 'reopened':
      return `Reopened on ${on}`;
  }
}
