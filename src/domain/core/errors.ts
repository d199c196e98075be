/**
 * An error whose message is written for the user (what happened, and that nothing changed), as
 * opposed to a bug. The command wrapper (platform/commands.ts) recognises it with `instanceof`: every
 * bundle shares this one module (esbuild's code splitting, or the web build's one file).
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    /** How it is shown: a warning (a refusal the user can act on) or an error. */
    readonly severity: 'warning' | 'error',
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
