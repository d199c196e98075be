/** The pages' way to `l10n.t` (they import only `shared/`): the same module as the domain's. */
export * from '../domain/core/l10n';
