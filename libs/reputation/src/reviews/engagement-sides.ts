import { DomainError, Queryable } from '@prossimo/platform';
import { isUUID } from 'class-validator';
import type { EngagementSides, ReviewsRepository } from './reviews.repository';

export type { EngagementSides };

/** The engagement and its sides (`lock`: FOR UPDATE of the engagement); ENGAGEMENT_NOT_FOUND if there is none. */
export async function loadEngagementSides(
  reviews: ReviewsRepository,
  manager: Queryable,
  engagementId: string,
  lock: boolean,
): Promise<EngagementSides> {
  if (!isUUID(engagementId)) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
  const row = await reviews.findEngagementSides(manager, engagementId, lock);
  if (!row) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
  return row;
}

/** The citizen side's account: the author of a citizen's own need, else the person it is for. */
export function citizenSideUserId(sides: EngagementSides): string | null {
  return sides.citizenAuthorUserId ?? sides.beneficiaryUserId;
}
