import { DomainError } from '@prossimo/platform';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';

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

export async function loadEngagementSides(
  manager: EntityManager,
  engagementId: string,
  lock: boolean,
): Promise<EngagementSides> {
  if (!isUUID(engagementId)) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
  const [row]: EngagementSides[] = await manager.query(
    `SELECT e.id, e.status, e.completed_at AS "completedAt", n.comune_istat AS "comuneIstat",
            (SELECT tc.territory_id FROM territory_comuni tc WHERE tc.comune_istat = n.comune_istat
              ORDER BY tc.territory_id LIMIT 1) AS "territoryId",
            e.helper_user_id AS "helperUserId",
            CASE WHEN n.source = 'citizen' THEN n.author_user_id END AS "citizenAuthorUserId",
            b.user_id AS "beneficiaryUserId", e.service_offer_id AS "serviceOfferId",
            so.organisation_id AS "offerOrganisationId", n.description
       FROM engagements e JOIN needs n ON n.id = e.need_id
       LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
       LEFT JOIN service_offers so ON so.id = e.service_offer_id
      WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`,
    [engagementId],
  );
  if (!row) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
  return row;
}

/** The citizen side's account: the author of a citizen's own need, else the person it is for. */
export function citizenSideUserId(sides: EngagementSides): string | null {
  return sides.citizenAuthorUserId ?? sides.beneficiaryUserId;
}
