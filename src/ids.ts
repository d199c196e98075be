/**
 * Every id the extension shares with package.json, in one place.
 * test/unit/contributions.test.ts checks these against package.json in both directions.
 */
export const EXTENSION_ID = 'techleadcoach.tech-lead-coach';

export const Commands = {
  logDelegation: 'techLead.logDelegation',
  getStarted: 'techLead.getStarted',
  showToday: 'techLead.showToday',
  completeNudge: 'techLead.completeNudge',
  anotherNudge: 'techLead.anotherNudge',
  openLesson: 'techLead.openLesson',
  markDone: 'techLead.markDelegationDone',
  reopen: 'techLead.reopenDelegation',
  edit: 'techLead.editDelegation',
  changeFollowUp: 'techLead.changeFollowUp',
  delete: 'techLead.deleteDelegation',
  logCheckIn: 'techLead.logCheckIn',
  changeLevel: 'techLead.changeLevel',
  linkToCode: 'techLead.linkDelegationToCode',
  groupByPerson: 'techLead.groupByPerson',
  groupByFollowUp: 'techLead.groupByFollowUp',
  addPerson: 'techLead.addPerson',
  logOneOnOne: 'techLead.logOneOnOne',
  logFeedback: 'techLead.logFeedback',
  logMoment: 'techLead.logMoment',
  delegateWorkHere: 'techLead.delegateWorkHere',
  openPerson: 'techLead.openPerson',
  renamePerson: 'techLead.renamePerson',
  setCadence: 'techLead.setCadence',
  archivePerson: 'techLead.archivePerson',
  restorePerson: 'techLead.restorePerson',
  deletePerson: 'techLead.deletePerson',
  showArchivedPeople: 'techLead.showArchivedPeople',
  hideArchivedPeople: 'techLead.hideArchivedPeople',
  openWeeklyReview: 'techLead.openWeeklyReview',
  deleteOneOnOne: 'techLead.deleteOneOnOne',
  deleteFeedback: 'techLead.deleteFeedback',
  deleteMoment: 'techLead.deleteMoment',
  exportTeamData: 'techLead.exportTeamData',
  importTeamData: 'techLead.importTeamData',
  exportTeamDataKeptAside: 'techLead.exportTeamDataKeptAside',
  exportForeignData: 'techLead.exportForeignData',
  moveTeamData: 'techLead.moveTeamData',
  mergeTeamConflictCopies: 'techLead.mergeTeamConflictCopies',
  turnOnSignals: 'techLead.turnOnRepositorySignals',
  turnOffSignals: 'techLead.turnOffRepositorySignals',
  forgetSignals: 'techLead.forgetRepositorySignals',
  linkCommitAuthors: 'techLead.linkCommitAuthors',
} as const;

/**
 * The ids of renamed commands, each with the command it now runs: still registered, and hidden from
 * the command palette, so that keybindings and scripts that name the old id keep working.
 */
export const CommandAliases = {
  'techLead.exportDelegations': Commands.exportTeamData,
  'techLead.importDelegations': Commands.importTeamData,
  'techLead.exportKeptAside': Commands.exportTeamDataKeptAside,
} as const;

/** Walkthroughs (`contributes.walkthroughs`); VS Code knows them as `<extension id>#<id>`. */
export const Walkthroughs = {
  getStarted: 'techLead.getStarted',
} as const;

/** Context keys set by the extension for `when` clauses. */
export const ContextKeys = {
  groupBy: 'techLead.delegations.groupBy',
  showArchivedPeople: 'techLead.team.showArchived',
} as const;

export const Views = {
  container: 'techLead',
  today: 'techLead.today',
  delegations: 'techLead.delegations',
  team: 'techLead.team',
  lessons: 'techLead.lessons',
} as const;

/** Tree item `contextValue`s used in package.json `when` clauses. */
export const ContextValues = {
  openDelegation: 'delegation.open',
  doneDelegation: 'delegation.done',
  person: 'person',
  activeTeamMember: 'person.active',
  archivedTeamMember: 'person.archived',
  oneOnOne: 'oneOnOne',
  feedbackEntry: 'feedback',
  personMoment: 'moment.person',
  teamMoment: 'moment.team',
  teamMoments: 'moments.team',
  knowledgeIslands: 'islands',
  knowledgeIsland: 'island',
  lesson: 'lesson',
} as const;

export const SETTINGS_SECTION = 'techLead';

/** A setting's full id, `techLead.<key>`, for the Settings editor and `getConfiguration().update`. */
export function settingId(key: string): string {
  return `${SETTINGS_SECTION}.${key}`;
}

/** Setting keys below the `techLead` section. */
export const Settings = {
  statusBarTip: 'statusBarTip.enabled',
  defaultLevel: 'delegation.defaultLevel',
  defaultFollowUpDays: 'delegation.defaultFollowUpDays',
  followUpDaysByLevel: 'delegation.followUpDaysByLevel',
  nudgeThemes: 'nudges.themes',
  reminders: 'reminders.enabled',
  oneOnOneCadenceDays: 'oneOnOnes.cadenceDays',
  exportPrivateNotes: 'export.includePrivateNotes',
  adaptiveCoach: 'nudges.adaptive',
  weekStartsOn: 'review.weekStartsOn',
  workdays: 'nudges.workdays',
  teamLocation: 'team.location',
  teamFolder: 'team.folder',
} as const;

export const WebviewPanels = {
  lesson: 'techLead.lesson',
  person: 'techLead.person',
  oneOnOne: 'techLead.oneOnOne',
  weeklyReview: 'techLead.weeklyReview',
  signalsConsent: 'techLead.signalsConsent',
} as const;
