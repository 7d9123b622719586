import { Global, Injectable, Module } from '@nestjs/common';
import { VOLUNTEER_PROFILES_AS_V } from '@prossimo/community';
import { joinServiceOfferSql, serviceOffersAs } from '@prossimo/directory';
import { usersAs } from '@prossimo/identity';
import { firstRow, Queryable } from '@prossimo/platform';
import {
  ENGAGEMENT_SIDES,
  EngagementSides,
  EngagementSidesSource,
  ReviewRequestNames,
} from '@prossimo/reputation';
import { joinBeneficiaryOfNeedSql, joinNeedSql } from '@prossimo/requests';
import { territoryComuniAs } from '@prossimo/territory';

/**
 * The engagements' side of reputation's ENGAGEMENT_SIDES port: the engagement a review is about
 * and its people. The need and its beneficiary, the Comune's territory, the accounts and the
 * volunteer's profile and the offer come through their owners' parts.
 */
@Injectable()
export class EngagementSidesQuery implements EngagementSidesSource {
  findEngagementSides(
    db: Queryable,
    engagementId: string,
    lock: boolean,
  ): Promise<EngagementSides | undefined> {
    return firstRow<EngagementSides>(
      db,
      `SELECT e.id, e.status, e.completed_at AS "completedAt", n.comune_istat AS "comuneIstat",
            (SELECT tc.territory_id FROM ${territoryComuniAs('tc')} WHERE tc.comune_istat = n.comune_istat
              ORDER BY tc.territory_id LIMIT 1) AS "territoryId",
            e.helper_user_id AS "helperUserId",
            CASE WHEN n.source = 'citizen' THEN n.author_user_id END AS "citizenAuthorUserId",
            b.user_id AS "beneficiaryUserId", e.service_offer_id AS "serviceOfferId",
            so.organisation_id AS "offerOrganisationId", n.description
       FROM engagements e ${joinNeedSql('e.need_id')}
       ${joinBeneficiaryOfNeedSql()}
       LEFT ${joinServiceOfferSql('so', 'e.service_offer_id')}
      WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`,
      [engagementId],
    );
  }

  findRequestNames(
    db: Queryable,
    helperUserId: string,
    serviceOfferId: string | null,
    citizenUserId: string,
  ): Promise<ReviewRequestNames | undefined> {
    return firstRow<ReviewRequestNames>(
      db,
      `SELECT (SELECT coalesce(v.display_name, u.display_name) FROM ${usersAs('u')}
                 LEFT JOIN ${VOLUNTEER_PROFILES_AS_V} ON v.user_id = u.id WHERE u.id = $1) AS helper,
              (SELECT so.title FROM ${serviceOffersAs('so')} WHERE so.id = $2) AS offer,
              (SELECT u.display_name FROM ${usersAs('u')} WHERE u.id = $3) AS citizen`,
      [helperUserId, serviceOfferId, citizenUserId],
    );
  }
}

/**
 * Gives reputation its ENGAGEMENT_SIDES wherever its services are used: import once in each app's
 * root module (as EngagementNoticesModule). No imports: the methods run on the caller's db.
 */
@Global()
@Module({
  providers: [{ provide: ENGAGEMENT_SIDES, useClass: EngagementSidesQuery }],
  exports: [ENGAGEMENT_SIDES],
})
export class EngagementSidesModule {}
