/**
 * The Team view's tree, the person page and the team commands (with export and import of the whole
 * team), bundled apart (dist/team.js) and
 * loaded the first time the view asks for rows or a command runs; `team/register.ts` imports only
 * its types.
 */
import type { Services } from '../../services';
import { exportTeamData, importTeamData } from './exchange';
import { exportForeignData, exportTeamDataKeptAside } from './keptAside';
import { logFeedback } from './logFeedback';
import { logMoment } from './logMoment';
import { logOneOnOne } from './logOneOnOne';
import { mergeTeamConflictCopies, moveTeamData } from './moveTeam';
import {
  addPerson,
  archivePerson,
  deleteEntry,
  deletePerson,
  renamePerson,
  resolvePerson,
  restorePerson,
  setCadence,
} from './personCommands';
import { openPersonPanel } from './personPanel';
import * as l10n from '../../domain/core/l10n';

export { TeamTreeProvider } from './teamTree';
export { disposePersonPanels } from './personPanel';

async function openPerson(services: Services, arg: unknown): Promise<void> {
  const person = await resolvePerson(services, arg, l10n.t('Open whose page?'), () => true);
  if (person) {
    openPersonPanel(services, person.id, () => services.coach.catalogue());
  }
}

export const teamCommands = {
  addPerson,
  logOneOnOne,
  logFeedback,
  logMoment,
  openPerson,
  renamePerson,
  setCadence,
  archivePerson,
  restorePerson,
  deletePerson,
  deleteOneOnOne: (services: Services, arg: unknown) => deleteEntry(services, arg, 'oneOnOnes'),
  deleteFeedback: (services: Services, arg: unknown) => deleteEntry(services, arg, 'feedback'),
  deleteMoment: (services: Services, arg: unknown) => deleteEntry(services, arg, 'moments'),
  exportTeamData,
  importTeamData,
  exportTeamDataKeptAside,
  exportForeignData,
  moveTeamData,
  mergeTeamConflictCopies,
};
