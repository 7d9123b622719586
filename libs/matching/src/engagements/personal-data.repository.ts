import { Injectable } from '@nestjs/common';
import { Queryable } from '@prossimo/platform';

type Row = Record<string, unknown>;

/** "Download my data": matching's rows about one person (engagements, care groups, proposals, messages). */
@Injectable()
export class MatchingPersonalDataRepository {
  /** Engagements as helper, or on the person's needs. */
  engagements(db: Queryable, userId: string, needIds: readonly string[]): Promise<Row[]> {
    return db.query(
      `SELECT e.id, e.need_id AS "needId", CASE WHEN e.helper_user_id = $1 THEN 'helper' ELSE 'citizen' END AS role,
              e.status, lower(e.during) AS "startsAt", upper(e.during) AS "endsAt", e.hours_logged AS "hoursLogged",
              e.created_at AS "createdAt"
         FROM engagements e WHERE e.helper_user_id = $1 OR e.need_id = ANY($2::uuid[]) ORDER BY e.created_at`,
      [userId, needIds],
    );
  }

  careGroupMemberships(db: Queryable, needIds: readonly string[]): Promise<Row[]> {
    return db.query(
      `SELECT group_id AS "groupId", need_id AS "needId", status, price_cents_per_hour AS "priceCentsPerHour",
              weekly_cents AS "weeklyCents", joined_at AS "joinedAt", left_at AS "leftAt"
         FROM care_group_members WHERE need_id = ANY($1::uuid[])`,
      [needIds],
    );
  }

  proposalsReceived(db: Queryable, userId: string): Promise<Row[]> {
    return db.query(
      `SELECT id, need_id AS "needId", status, rank, score, distance_km AS "distanceKm", created_at AS "createdAt",
              decided_at AS "decidedAt"
         FROM match_proposals WHERE helper_user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  /** With the body still encrypted: the caller decrypts it. */
  messagesSent(db: Queryable, userId: string): Promise<Row[]> {
    return db.query(
      `SELECT id, engagement_id AS "engagementId", sender_side AS side, via, body_encrypted,
              created_at AS "createdAt"
         FROM engagement_messages WHERE sender_user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }
}
