/**
 * An error whose message is written for the user (what happened, and that nothing changed),
 * as opposed to a bug. Recognised by shape rather than by class, because lazily loaded bundles
 * carry their own copy of this module.
 */
export class UserFacingError extends Error {
  readonly userFacing: 'warning' | 'error';

  constructor(message: string, severity: 'warning' | 'error') {
    super(message);
    this.userFacing = severity;
  }
}

export function isUserFacing(error: unknown): error is UserFacingError {
  const severity = (error as { userFacing?: unknown } | null | undefined)?.userFacing;
  return error instanceof Error && (severity === 'warning' || severity === 'error');
}
