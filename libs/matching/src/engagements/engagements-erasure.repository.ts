import { Injectable } from '@nestjs/common';
import { Queryable } from '@prossimo/platform';
import { rolesOfActiveUsersSql } from '@prossimo/identity';
import { joinBeneficiaryOfNeedSql, joinNeedSql } from '@prossimo/requests';

/** An open engagement with what cancelling it needs (the need's people, its text, its start). */
export interface OpenEngagement {
  id: string;
  needId: string;
  status: 'awaiting_confirmation' | 'confirmed' | 'in_progress';
  helperUserId: string;
  organisationId: string | null;
  citizenUserIds: string[];
  description: string;
  startsAt: Date;
}

const OPEN_ENGAGEMENTS = `
  SELECT e.id, e.need_id AS "needId", e.status, e.helper_user_id AS "helperUserId",
         e.organisation_id AS "organisationId", n.description, lower(e.during) AS "startsAt",
         array_remove(ARRAY[CASE WHEN n.source = 'citizen' THEN n.author_user_id END, b.user_id], NULL)
           AS "citizenUserIds"
    FROM engagements e ${joinNeedSql('e.need_id')} ${joinBeneficiaryOfNeedSql()}
   WHERE e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress')`;

/**
 * Matching's tables in the erasures (engagements, proposals, engagement messages, the per-need
 * matching lock), in the caller's transaction. Reads needs and beneficiaries (requests' joins) for the
 * people of an engagement, and the roles of active accounts (identity's part) for an organisation's
 * successor.
 */
@Injectable()
export class EngagementsErasureRepository {
  /** Waits for the matching runs on these needs (their per-need locks, taken in id order). */
  async waitForMatchingRuns(db: Queryable, needIds: string[]): Promise<void> {
    await db.query(
      `SELECT count(pg_advisory_xact_lock(hashtextextended('match-need:' || id, 0)))
         FROM (SELECT id FROM unnest($1::text[]) AS id ORDER BY id) AS ordered`,
      [needIds],
    );
  }

  /**
   * The person's open engagements for an organisation's service offer pass to another active admin
   * or operator of it (admins first, then the longest-standing); returns how many passed.
   */
  async handOverOrganisationEngagements(db: Queryable, userId: string): Promise<number> {
    const [, handedOver]: [unknown[], number] = await db.query(
      `WITH handover AS (
         SELECT e.id, (
           SELECT r.user_id FROM ${rolesOfActiveUsersSql('r')}
            WHERE r.organisation_id = e.organisation_id AND r.user_id <> $1
              AND r.role IN ('organisation_admin', 'organisation_operator')
            ORDER BY (r.role = 'organisation_admin') DESC, r.created_at, r.user_id LIMIT 1) AS successor
           FROM engagements e
          WHERE e.helper_user_id = $1 AND e.organisation_id IS NOT NULL AND e.service_offer_id IS NOT NULL
            AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress')
          ORDER BY e.id FOR UPDATE OF e)
       UPDATE engagements e SET helper_user_id = h.successor, updated_at = now()
         FROM handover h WHERE e.id = h.id AND h.successor IS NOT NULL`,
      [userId],
    );
    return handedOver;
  }

  /** Open engagements where the person helps or is helped, locked, by need. */
  async lockOpenEngagementsOfPerson(db: Queryable, userId: string): Promise<OpenEngagement[]> {
    return db.query(
      `${OPEN_ENGAGEMENTS}
          AND (e.helper_user_id = $1 OR (n.source = 'citizen' AND n.author_user_id = $1) OR b.user_id = $1)
        ORDER BY e.need_id FOR UPDATE OF e`,
      [userId],
    );
  }

  /** Open engagements on these needs, locked, by need. */
  async lockOpenEngagementsOfNeeds(db: Queryable, needIds: string[]): Promise<OpenEngagement[]> {
    return db.query(
      `${OPEN_ENGAGEMENTS} AND e.need_id = ANY($1::uuid[]) ORDER BY e.need_id FOR UPDATE OF e`,
      [needIds],
    );
  }

  async cancelEngagement(db: Queryable, engagementId: string): Promise<void> {
    await db.query(`UPDATE engagements SET status = 'cancelled', updated_at = now() WHERE id = $1`, [
      engagementId,
    ]);
  }

  /** Pending proposals on these needs, and the helper's own (userId null: none), are withdrawn. */
  async withdrawPendingProposals(db: Queryable, needIds: string[], userId: string | null): Promise<void> {
    await db.query(
      `UPDATE match_proposals SET status = 'withdrawn', decided_at = now()
        WHERE status = 'pending' AND (need_id = ANY($1::uuid[]) OR helper_user_id = $2)`,
      [needIds, userId],
    );
  }

  /** Notification refs of the helper's (userId) or the needs' engagements and proposals, and of the needs. */
  async findRelatedRefs(db: Queryable, userId: string | null, needIds: string[]): Promise<{ ref: string }[]> {
    return db.query(
      `SELECT prefix || id AS ref
         FROM engagements, unnest(ARRAY['engagement:', 'engagement-review:']) AS prefix
        WHERE helper_user_id = $1 OR need_id = ANY($2::uuid[])
       UNION ALL
       SELECT 'engagement:' || id || ':messages' FROM engagements WHERE helper_user_id = $1 OR need_id = ANY($2::uuid[])       UNION ALL
       SELECT 'proposal:' || id FROM match_proposals WHERE helper_user_id = $1 OR need_id = ANY($2::uuid[])
       UNION ALL
       SELECT 'need:' || id FROM unnest($2::uuid[]) AS id`,
      [userId, needIds],
    );
  }

  /** Deletes the engagement messages that `condition` (on engagement_messages) selects; returns their ids. */
  async deleteEngagementMessages(
    db: Queryable,
    condition: string,
    params: unknown[],
  ): Promise<{ id: string }[]> {
    return db.query(
      `WITH gone AS (DELETE FROM engagement_messages WHERE ${condition} RETURNING id)
       SELECT id FROM gone`,
      params,
    );
  }
}
