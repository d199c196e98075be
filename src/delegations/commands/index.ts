/**
 * The interactive delegation commands, bundled apart (dist/delegationCommands.js) and loaded the
 * first time one of them runs: none of this code is read at start-up.
 */
import { logCheckIn } from './checkIn';
import { changeFollowUp, changeLevel, edit, markDone, remove, reopen } from './editDelegation';
import { exportDelegations, importDelegations } from './exchange';
import { exportKeptAside } from './keptAside';
import { logDelegation } from './logDelegation';

export const delegationCommands = {
  logDelegation,
  markDone,
  reopen,
  changeFollowUp,
  edit,
  remove,
  exportKeptAside,
  logCheckIn,
  changeLevel,
  exportDelegations,
  importDelegations,
};
