import * as vscode from 'vscode';
import { systemClock, type Clock } from './domain/core/dates';

/** Set by esbuild: true only in the test build (`npm run package:test`), false in the product. */
declare const TEST_BUILD: boolean;

/**
 * Whether the test hooks are on: the day-offset clock and the test API that `activate()` returns.
 * Only when VS Code runs the extension for tests (`ExtensionMode.Test`, as @vscode/test-cli does)
 * or in the test build the suites here install into code-server, where an installed extension always
 * runs in production mode. Never in a user's install.
 */
export function testHooksEnabled(context: vscode.ExtensionContext): boolean {
  return context.extensionMode === vscode.ExtensionMode.Test || TEST_BUILD;
}

/**
 * With the hooks on, a clock moved by whole days with `TECH_LEAD_COACH_DAY_OFFSET`, so the
 * end-to-end suite can see follow-ups fall due. Otherwise, and when the variable is unset, the
 * system clock.
 */
export function clockFor(context: vscode.ExtensionContext): Clock {
  if (!testHooksEnabled(context)) {
    return systemClock;
  }
  // No `process` in a web worker extension host: there the hook is simply off.
  const offset = Number(typeof process === 'undefined' ? 0 : (process.env['TECH_LEAD_COACH_DAY_OFFSET'] ?? 0));
  if (!Number.isInteger(offset) || offset === 0) {
    return systemClock;
  }
  return { now: () => new Date(Date.now() + offset * 86_400_000) };
}
