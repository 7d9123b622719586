import { Injectable } from '@nestjs/common';
import { firstRow, Queryable } from '@prossimo/platform';
import { comuniAs, joinComuneSql } from '@prossimo/territory';
import { ContentType, itemPublishedSql } from '@prossimo/moderation';
import { joinActiveUserSql } from '@prossimo/identity';

/** A call with no last day is matched against availability over this many days from its start. */
const OPEN_ENDED_CALL_DAYS = 28;

/**
 * The volunteers a targeted call fits, nearest first: active, with a published profile; one of the
 * call's categories (any, when the call names none); home in one of its Comuni or within their
 * travel radius of one; an availability window on a day of the call (a one-off window overlapping
 * it, or a weekly one valid then on one of its weekdays); not told of this call yet, and told of
 * fewer than $2 calls in the last 7 days. At most $3 of them.
 */
const FITTING_VOLUNTEERS = `
  WITH c AS (
    SELECT id, categories, comune_istats, starts_on,
           coalesce(ends_on, starts_on + ${OPEN_ENDED_CALL_DAYS - 1}) AS ends_on
      FROM calls_to_action WHERE id = $1
  )
  SELECT p.user_id AS "userId"
    FROM c
    ${joinComuneSql('cm', 'ANY(c.comune_istats)')}
    JOIN volunteer_profiles p
      ON earth_box(ll_to_earth(cm.lat, cm.lon), 100000) @> ll_to_earth(p.home_lat, p.home_lon)
    ${joinActiveUserSql('u', 'p.user_id')}
   WHERE (cardinality(c.categories) = 0 OR p.categories && c.categories)
     AND (p.comune_istat = cm.istat
          OR earth_distance(ll_to_earth(cm.lat, cm.lon), ll_to_earth(p.home_lat, p.home_lon)) <= p.travel_radius_km * 1000)
     AND ${itemPublishedSql(ContentType.VOLUNTEER_PROFILE, 'p.id')}
     AND EXISTS (
       SELECT 1 FROM availability_windows w
        WHERE w.volunteer_id = p.id
          AND ((w.kind = 'one_off'
                AND w.during && tstzrange(c.starts_on::timestamp AT TIME ZONE 'Europe/Rome',
                                          (c.ends_on + 1)::timestamp AT TIME ZONE 'Europe/Rome'))
            OR (w.kind = 'recurring' AND EXISTS (
                SELECT 1 FROM generate_series(greatest(c.starts_on, lower(w.validity))::timestamp,
                                              least(c.ends_on, upper(w.validity) - 1,
                                                    greatest(c.starts_on, lower(w.validity)) + 6)::timestamp,
                                              interval '1 day') AS d(day)
                 WHERE extract(isodow FROM d.day) = w.day_of_week))))
     AND NOT EXISTS (SELECT 1 FROM call_notifications cn WHERE cn.call_id = c.id AND cn.volunteer_user_id = p.user_id)
     AND (SELECT count(*) FROM call_notifications cn
           WHERE cn.volunteer_user_id = p.user_id AND cn.created_at > now() - interval '7 days') < $2
   GROUP BY p.user_id
   ORDER BY min(earth_distance(ll_to_earth(cm.lat, cm.lon), ll_to_earth(p.home_lat, p.home_lon))), p.user_id
   LIMIT $3`;

/** A call as its notice tells it, with whether it is to be told now. */
export interface CallToTell {
  title: string;
  replyHours: number;
  places: string;
  startsOn: string;
  endsOn: string | null;
  telling: boolean;
}

/**
 * The statements of telling a call's volunteers (the worker's job), all in its transaction.
 * Reads joined from other libraries: comuni (territory), users (identity), moderation_items
 * (moderation).
 */
@Injectable()
export class CallNoticesRepository {
  /** Calls take turns, so that the weekly cap per volunteer holds across calls told at once. */
  async takeTellingTurn(db: Queryable): Promise<void> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('prossimo:call-volunteers'))`);
  }

  /** The call as its notice tells it, its row locked (FOR UPDATE); undefined if there is none. */
  async lockCallToTell(db: Queryable, callId: string): Promise<CallToTell | undefined> {
    return firstRow<CallToTell>(
      db,
      `SELECT ca.title, to_char(ca.starts_on, 'DD/MM') AS "startsOn",
                greatest(1, ceil(extract(epoch FROM (coalesce(ca.ends_on + 1, (now() AT TIME ZONE 'Europe/Rome')::date + 8)::timestamp
                  AT TIME ZONE 'Europe/Rome') - now()) / 3600))::int AS "replyHours", to_char(ca.ends_on, 'DD/MM') AS "endsOn",
                (SELECT string_agg(cm.name, ', ' ORDER BY cm.name) FROM ${comuniAs('cm')}
                  WHERE cm.istat = ANY(ca.comune_istats)) AS places,
                (ca.volunteers_notified_at IS NULL AND NOT ca.always_open AND ca.status = 'open'
                  AND (ca.ends_on IS NULL OR ca.ends_on >= (now() AT TIME ZONE 'Europe/Rome')::date)
                  AND ${itemPublishedSql(ContentType.CALL_TO_ACTION, 'ca.id')}) AS telling
           FROM calls_to_action ca WHERE ca.id = $1 FOR UPDATE`,
      [callId],
    );
  }

  /** The users the call fits (FITTING_VOLUNTEERS), nearest first. */
  async findFittingVolunteers(
    db: Queryable,
    callId: string,
    maxPerVolunteerPerWeek: number,
    maxPerCall: number,
  ): Promise<{ userId: string }[]> {
    return db.query(FITTING_VOLUNTEERS, [callId, maxPerVolunteerPerWeek, maxPerCall]);
  }

  /** Records that these users were told of the call, and that its volunteers have been told. */
  async recordTold(db: Queryable, callId: string, userIds: string[]): Promise<void> {
    await db.query(
      `INSERT INTO call_notifications (call_id, volunteer_user_id) SELECT $1, unnest($2::uuid[])`,
      [callId, userIds],
    );
    await db.query(`UPDATE calls_to_action SET volunteers_notified_at = now() WHERE id = $1`, [callId]);
  }
}
