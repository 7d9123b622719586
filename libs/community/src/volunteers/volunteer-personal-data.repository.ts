import { Injectable } from '@nestjs/common';
import { ERASED_TEXT, firstRow, Queryable } from '@prossimo/platform';
import { comuniAs } from '@prossimo/territory';

type Row = Record<string, unknown>;

/** A join request as "download my data" reads it, the message still encrypted. */
export type ExportedJoinRequestRow = Row & { message_encrypted: string | null };
export type ExportedCallMessageRow = Row & { body_encrypted: string };

/**
 * Community's personal data: the erasure and the export of a person's volunteer profile,
 * availability, offers, join requests, call answers, call notices and the messages written for
 * a call's publisher. Every method runs in the
 * erasure's or the export's transaction (`db`). The profile's home moves to territory's comuni centre.
 */
@Injectable()
export class VolunteerPersonalDataRepository {
  /** Keeps the profile as an anonymous helper; answers how many profiles were changed. */
  async anonymiseProfile(db: Queryable, userId: string): Promise<number> {
    const [, anonymised]: [unknown[], number] = await db.query(
      `UPDATE volunteer_profiles p SET display_name = $2, bio = '', skills = '{}',
              home_lat = c.lat, home_lon = c.lon, updated_at = now()
         FROM ${comuniAs('c')} WHERE c.istat = p.comune_istat AND p.user_id = $1`,
      [userId, ERASED_TEXT],
    );
    return anonymised;
  }

  async deleteAvailability(db: Queryable, userId: string): Promise<void> {
    await db.query(
      `DELETE FROM availability_windows WHERE volunteer_id IN (SELECT id FROM volunteer_profiles WHERE user_id = $1)`,
      [userId],
    );
  }

  /** Cancels the person's offers and blanks their texts. */
  async cancelAndBlankOffers(db: Queryable, userId: string): Promise<void> {
    await db.query(
      `UPDATE volunteer_offers SET status = 'cancelled', title = $2, description = '',
              from_place = CASE WHEN from_place IS NULL THEN NULL ELSE $2 END,
              to_place = CASE WHEN to_place IS NULL THEN NULL ELSE $2 END
        WHERE volunteer_id IN (SELECT id FROM volunteer_profiles WHERE user_id = $1)`,
      [userId, ERASED_TEXT],
    );
  }

  async blankJoinRequestMessages(db: Queryable, userId: string): Promise<void> {
    await db.query(
      `UPDATE volunteer_offer_join_requests SET message_encrypted = NULL WHERE requester_user_id = $1`,
      [userId],
    );
  }

  async blankCallAnswerMessages(db: Queryable, userId: string): Promise<void> {
    await db.query(
      `UPDATE call_answers SET message = NULL
        WHERE volunteer_id IN (SELECT id FROM volunteer_profiles WHERE user_id = $1)`,
      [userId],
    );
  }

  /** The messages a person wrote for a call's publisher stay the publisher's; who wrote them goes. */
  async detachCallMessagesWritten(db: Queryable, userId: string): Promise<void> {
    await db.query(`UPDATE call_messages SET sender_user_id = NULL WHERE sender_user_id = $1`, [userId]);
  }

  async deleteCallNotices(db: Queryable, userId: string): Promise<void> {
    await db.query(`DELETE FROM call_notifications WHERE volunteer_user_id = $1`, [userId]);
  }

  async findProfileForExport(db: Queryable, userId: string): Promise<Row | undefined> {
    return firstRow<Row>(
      db,
      `SELECT id, display_name AS "displayName", bio, skills, categories, languages, home_lat AS "homeLat",
              home_lon AS "homeLon", comune_istat AS "comuneIstat", travel_radius_km AS "travelRadiusKm",
              vehicle_seats AS "vehicleSeats", vehicle_wheelchair_accessible AS "vehicleWheelchairAccessible",
              weekly_hour_limit AS "weeklyHourLimit", created_at AS "createdAt"
         FROM volunteer_profiles WHERE user_id = $1`,
      [userId],
    );
  }

  async findAvailabilityForExport(db: Queryable, userId: string): Promise<Row[]> {
    return db.query(
      `SELECT w.kind, w.day_of_week AS "dayOfWeek", w.start_minute AS "startMinute", w.end_minute AS "endMinute",
              w.validity::text AS validity, w.during::text AS during
         FROM availability_windows w JOIN volunteer_profiles p ON p.id = w.volunteer_id WHERE p.user_id = $1`,
      [userId],
    );
  }

  async findOffersForExport(db: Queryable, userId: string): Promise<Row[]> {
    return db.query(
      `SELECT o.id, o.kind, o.category, o.title, o.description, o.comune_istat AS "comuneIstat", o.from_place AS "fromPlace",
              o.to_place AS "toPlace", o.departure_at AS "departureAt", o.status, o.created_at AS "createdAt"
         FROM volunteer_offers o JOIN volunteer_profiles p ON p.id = o.volunteer_id WHERE p.user_id = $1`,
      [userId],
    );
  }

  async findJoinRequestsForExport(db: Queryable, userId: string): Promise<ExportedJoinRequestRow[]> {
    return db.query(
      `SELECT id, offer_id AS "offerId", seats, message_encrypted, status, created_at AS "createdAt"
         FROM volunteer_offer_join_requests WHERE requester_user_id = $1`,
      [userId],
    );
  }

  async findCallAnswersForExport(db: Queryable, userId: string): Promise<Row[]> {
    return db.query(
      `SELECT a.call_id AS "callId", a.message, a.status, a.created_at AS "createdAt"
         FROM call_answers a JOIN volunteer_profiles p ON p.id = a.volunteer_id WHERE p.user_id = $1`,
      [userId],
    );
  }

  /** What the person wrote, for a call's publisher, to the volunteers it accepted. */
  async findCallMessagesSentForExport(db: Queryable, userId: string): Promise<ExportedCallMessageRow[]> {
    return db.query(
      `SELECT call_id AS "callId", body_encrypted, recipient_count AS "recipientCount", created_at AS "createdAt"
         FROM call_messages WHERE sender_user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
  }
}
