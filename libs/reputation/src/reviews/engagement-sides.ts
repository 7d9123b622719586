import { DomainError, Queryable } from '@prossimo/platform';
import { isUUID } from 'class-validator';

/** The engagement as a review needs it: who the two sides are, and what was served. */
export interface EngagementSides {
  id: string;
  status: string;
  completedAt: Date | null;
  comuneIstat: string;
  territoryId: string | null;
  helperUserId: string;
  citizenAuthorUserId: string | null;
  beneficiaryUserId: string | null;
  serviceOfferId: string | null;
  offerOrganisationId: string | null;
  description: string;
}

/** The names a review request shows each side: the helper (or the offer) and the citizen. */
export interface ReviewRequestNames {
  helper: string | null;
  offer: string | null;
  citizen: string | null;
}

/**
 * What reputation reads of the engagement a review is about. Engagements, needs, offers and
 * volunteers are the tables of libraries above reputation (matching, requests, directory,
 * community), so reputation owns this port and matching provides it (`EngagementSidesModule`, global,
 * imported once by each app's root module), as identity's TERRITORY_COVERAGE. Both methods run on
 * the caller's `db` (its transaction).
 */
export interface EngagementSidesSource {
  /** The engagement and its sides; `lock` locks the engagement row (FOR UPDATE). */
  findEngagementSides(
    db: Queryable,
    engagementId: string,
    lock: boolean,
  ): Promise<EngagementSides | undefined>;
  /** The names each side sees: the helper's, the offer's title and the citizen's. */
  findRequestNames(
    db: Queryable,
    helperUserId: string,
    serviceOfferId: string | null,
    citizenUserId: string,
  ): Promise<ReviewRequestNames | undefined>;
}

/** The injection token of reputation's EngagementSidesSource. */
export const ENGAGEMENT_SIDES = Symbol('ENGAGEMENT_SIDES');

/** The engagement and its sides (`lock`: FOR UPDATE of the engagement); ENGAGEMENT_NOT_FOUND if there is none. */
export async function loadEngagementSides(
  source: EngagementSidesSource,
  manager: Queryable,
  engagementId: string,
  lock: boolean,
): Promise<EngagementSides> {
  if (!isUUID(engagementId)) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
  const row = await source.findEngagementSides(manager, engagementId, lock);
  if (!row) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
  return row;
}

/** The citizen side's account: the author of a citizen's own need, else the person it is for. */
export function citizenSideUserId(sides: EngagementSides): string | null {
  return sides.citizenAuthorUserId ?? sides.beneficiaryUserId;
}
