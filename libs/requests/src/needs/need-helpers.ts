/**
 * Who helps on a need, as requests needs it to decide what a helper may see of it. Proposals and
 * engagements are the tables of matching, a library above requests, so requests owns this port
 * and matching provides it (`NeedHelpersModule`, global, imported once by each app's root module),
 * as identity's TERRITORY_COVERAGE.
 */
export interface NeedHelpersSource {
  /**
   * Whether the need was proposed to the user, or to an organisation of theirs, and the proposal
   * is open or accepted, or they help on an engagement on it.
   */
  isProposedHelper(needId: string, userId: string): Promise<boolean>;
  /**
   * Of these needs, those with a confirmed or started engagement the user helps on, or their
   * organisation does.
   */
  needsConfirmedHelperOf(needIds: readonly string[], userId: string): Promise<string[]>;
}

/** The injection token of requests' NeedHelpersSource. */
export const NEED_HELPERS = Symbol('NEED_HELPERS');
