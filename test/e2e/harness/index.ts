export { startCodeServer, installVsix, freePort, DEFAULT_USER_SETTINGS } from './codeServer';
export type { CodeServer, StartCodeServerOptions, InstallVsixOptions } from './codeServer';
export {
  openWorkbench,
  waitForWorkbench,
  runCommand,
  waitForExtensionActivated,
  reloadWindow,
  screenshotOnFailure,
  takeScreenshot,
  collectPageErrors,
  notificationToasts,
  CHROMIUM_ARGS,
  WORKBENCH_SELECTOR,
  STATUS_BAR_SELECTOR,
} from './workbench';
export type { Workbench, OpenWorkbenchOptions, PageProblems, PageDialog, ToastContent } from './workbench';
export { realVsCode, repoRoot, testResultsDir, safeFileName } from './paths';
export type { RealVsCodePaths } from './paths';
