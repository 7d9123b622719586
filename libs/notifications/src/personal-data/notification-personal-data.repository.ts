import { Injectable } from '@nestjs/common';
import { firstRow, Queryable } from '@prossimo/platform';

type Row = Record<string, unknown>;

/** Notifications' personal data as "download my data" reads it, in the export's transaction. */
@Injectable()
export class NotificationPersonalDataRepository {
  /** The person's preferences, with the family contact; undefined when they set none. */
  async preferencesForExport(db: Queryable, userId: string): Promise<Row | undefined> {
    return firstRow<Row>(
      db,
      `SELECT language, channels, email, quiet_start AS "quietStart", quiet_end AS "quietEnd",
              family_name AS "familyContactName", family_phone AS "familyContactPhone",
              family_consent_at AS "familyContactConsentAt"
         FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
  }

  /** Every message to the person, by account or to their number (`phone`, null: none), oldest first. */
  async notificationsForExport(
    db: Queryable,
    userId: string,
    phone: string | null,
  ): Promise<(Row & { body_encrypted: string | null })[]> {
    return db.query(
      `SELECT id, channel, event, status, body_encrypted, created_at AS "createdAt", sent_at AS "sentAt",
              read_at AS "readAt"
         FROM notifications
        WHERE user_id = $1 OR recipient = $1::text OR recipient = $2
        ORDER BY created_at`,
      [userId, phone],
    );
  }
}
