/**
 * The Delegations tree and the interactive delegation commands, bundled apart
 * (dist/delegations.js) and loaded the first time the view asks for rows or a command runs;
 * `delegations/register.ts` and `delegations/commands.ts` import only its types.
 */
import { logCheckIn } from './checkIn';
import { changeFollowUp, changeLevel, edit, linkToCode, markDone, remove, reopen } from './editDelegation';
import { delegateWorkHere } from './delegateWorkHere';
import { logDelegation } from './logDelegation';

export { DelegationsTreeProvider } from './delegationsTree';
export { storedGrouping, storeGrouping } from './grouping';
export { remindIfDue } from './reminders';

export const delegationCommands = {
  logDelegation,
  markDone,
  reopen,
  changeFollowUp,
  edit,
  remove,
  logCheckIn,
  changeLevel,
  linkToCode,
  delegateWorkHere,
};
