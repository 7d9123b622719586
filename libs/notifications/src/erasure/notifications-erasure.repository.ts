import { Injectable } from '@nestjs/common';
import { firstRow, Queryable } from '@prossimo/platform';

/**
 * Notifications' tables in the erasures (notifications, notification_preferences,
 * sms_reply_codes), in the caller's transaction, and the retention purge's statement.
 */
@Injectable()
export class NotificationsErasureRepository {
  /**
   * Messages since `since` to the people the person dealt with, that may name them. `counterparts`
   * is the caller's WITH clause defining `counterparts(id)` from the person's id ($1): who they dealt
   * with is in other libraries' tables (helpers and citizens of their needs and engagements,
   * proposals, reviewers), so the erasure that knows them writes it.
   */
  async findMessagesToCounterparts(
    db: Queryable,
    userId: string,
    since: Date,
    counterparts: string,
  ): Promise<{ id: string; body_encrypted: string }[]> {
    return db.query(
      `${counterparts}
       SELECT id, body_encrypted FROM notifications
        WHERE user_id IN (SELECT id FROM counterparts WHERE id IS NOT NULL AND id <> $1)
          AND body_encrypted IS NOT NULL AND created_at >= $2`,
      [userId, since],
    );
  }

  /** The messages' text goes, the record stays (a pending one is cancelled). */
  async blankNotifications(db: Queryable, ids: string[]): Promise<void> {
    await db.query(
      `UPDATE notifications SET body_encrypted = NULL,
                status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END, updated_at = now()
          WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async findFamilyPhone(db: Queryable, userId: string): Promise<{ family_phone: string | null } | undefined> {
    return firstRow(db, `SELECT family_phone FROM notification_preferences WHERE user_id = $1`, [userId]);
  }

  /** The person's messages: to their account, their number, and their family contact's (not to another account). */
  async deleteNotificationsOf(
    db: Queryable,
    userId: string,
    phone: string | null,
    familyPhone: string | null,
  ): Promise<number> {
    const [, deleted]: [unknown[], number] = await db.query(
      `DELETE FROM notifications
        WHERE user_id = $1 OR recipient = $1::text OR ($2::text IS NOT NULL AND recipient = $2)
           OR ($3::text IS NOT NULL AND recipient = $3 AND user_id IS NULL)`,
      [userId, phone, familyPhone],
    );
    return deleted;
  }

  /** Messages to others about the person (refs of their needs, engagements, proposals): the text goes. */
  async blankNotificationsByRef(db: Queryable, refs: string[]): Promise<number> {
    const [, blanked]: [unknown[], number] = await db.query(
      `UPDATE notifications SET body_encrypted = NULL,
              status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END, updated_at = now()
        WHERE ref = ANY($1::text[]) AND body_encrypted IS NOT NULL`,
      [refs],
    );
    return blanked;
  }

  async deleteSmsReplyCodesTo(db: Queryable, phone: string): Promise<void> {
    await db.query(`DELETE FROM sms_reply_codes WHERE recipient_phone = $1`, [phone]);
  }

  async deleteNotificationPreferences(db: Queryable, userId: string): Promise<void> {
    await db.query(`DELETE FROM notification_preferences WHERE user_id = $1`, [userId]);
  }

  /** Retention: messages `days` old or older; those still waiting to go out never, however old. */
  async deleteOlderThan(db: Queryable, days: number): Promise<number> {
    const [, deleted]: [unknown[], number] = await db.query(
      `DELETE FROM notifications
          WHERE created_at <= now() - make_interval(days => $1) AND status NOT IN ('pending', 'sending')`,
      [days],
    );
    return deleted;
  }

  /** Messages to a person without an account, by their number. */
  async deleteNotificationsToPhone(db: Queryable, phone: string | null): Promise<void> {
    await db.query(
      `DELETE FROM notifications WHERE $1::text IS NOT NULL AND recipient = $1 AND user_id IS NULL`,
      [phone],
    );
  }
}
