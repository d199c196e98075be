/** The outcome of checking one value: the value as it will be kept, or a sentence for the lead saying what is wrong. */
export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const ok = <T>(value: T): Validation<T> => ({ ok: true, value });

export const fail = <T>(error: string): Validation<T> => ({ ok: false, error });

/** The message of a failed validation, or undefined when it passed: what an input box's validator returns. */
export function errorOf(result: Validation<unknown>): string | undefined {
  return result.ok ? undefined : result.error;
}
