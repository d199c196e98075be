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
  exportKeptAside: 'techLead.exportKeptAside',
  logCheckIn: 'techLead.logCheckIn',
  changeLevel: 'techLead.changeLevel',
  exportDelegations: 'techLead.exportDelegations',
  importDelegations: 'techLead.importDelegations',
  groupByPerson: 'techLead.groupByPerson',
  groupByFollowUp: 'techLead.groupByFollowUp',
} as const;

/** Walkthroughs (`contributes.walkthroughs`); VS Code knows them as `<extension id>#<id>`. */
export const Walkthroughs = {
  getStarted: 'techLead.getStarted',
} as const;

/** Context keys set by the extension for `when` clauses. */
export const ContextKeys = {
  groupBy: 'techLead.delegations.groupBy',
} as const;

export const Views = {
  container: 'techLead',
  today: 'techLead.today',
  delegations: 'techLead.delegations',
  lessons: 'techLead.lessons',
} as const;

/** Tree item `contextValue`s used in package.json `when` clauses. */
export const ContextValues = {
  openDelegation: 'delegation.open',
  doneDelegation: 'delegation.done',
  person: 'person',
  lesson: 'lesson',
} as const;

export const SETTINGS_SECTION = 'techLead';

/** Setting keys below the `techLead` section. */
export const Settings = {
  statusBarTip: 'statusBarTip.enabled',
  defaultLevel: 'delegation.defaultLevel',
  defaultFollowUpDays: 'delegation.defaultFollowUpDays',
  followUpDaysByLevel: 'delegation.followUpDaysByLevel',
  nudgeThemes: 'nudges.themes',
  reminders: 'reminders.enabled',
} as const;

export const WebviewPanels = {
  lesson: 'techLead.lesson',
} as const;
