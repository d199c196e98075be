/**
 * The Delegations tree and the interactive delegation commands, bundled apart
 * (dist/delegations.js) and loaded the first time the view asks for rows or a command runs;
 * `delegations/register.ts` and `delegations/commands.ts` import only its types.
 */
import { logCheckIn } from './checkIn';
import { changeFollowUp, changeLevel, edit, markDone, remove, reopen } from './editDelegation';
import { exportDelegations, importDelegations } from './exchange';
import { exportForeignData, exportKeptAside } from './keptAside';
import { logDelegation } from './logDelegation';

export { DelegationsTreeProvider } from './delegationsTree';

export const delegationCommands = {
  logDelegation,
  markDone,
  reopen,
  changeFollowUp,
  edit,
  remove,
  exportKeptAside,
  exportForeignData,
  logCheckIn,
  changeLevel,
  exportDelegations,
  importDelegations,
};
