import { Injectable } from '@nestjs/common';
import { usersAs } from '@prossimo/identity';
import { firstRow, onlyRow, Queryable } from '@prossimo/platform';
import {
  FAMILY_EVENTS,
  PREFERENCE_COLUMNS,
  PreferenceRow,
  RECIPIENT_COLUMNS,
  Recipient,
} from './notification-requests';

/** What an SMS reply code answers, as createReplyCode stores it. */
export interface ReplyCodeTarget {
  type: string;
  id: string;
  ttlHours?: number;
}

/**
 * What queueing a notification reads and writes besides the notification rows themselves (those
 * are a combined statement, NotificationsService.writePlannedIn): the recipient, their preferences,
 * SMS reply codes, and the withdrawals. Every method runs in the caller's transaction (`db`).
 */
@Injectable()
export class NotificationsRepository {
  /** The person to notify, with their preferences; users is identity's table. */
  async findRecipient(db: Queryable, userId: string): Promise<Recipient | undefined> {
    return firstRow<Recipient>(
      db,
      `SELECT ${RECIPIENT_COLUMNS} FROM ${usersAs('u')} LEFT JOIN notification_preferences p ON p.user_id = u.id
        WHERE u.id = $1`,
      [userId],
    );
  }

  async findPreferences(db: Queryable, userId: string): Promise<PreferenceRow | undefined> {
    return firstRow<PreferenceRow>(
      db,
      `SELECT ${PREFERENCE_COLUMNS} FROM notification_preferences p WHERE p.user_id = $1`,
      [userId],
    );
  }

  /** The family contact's number, its preferences row locked until the transaction ends. */
  async lockFamilyPhone(db: Queryable, userId: string): Promise<{ family_phone: string | null } | undefined> {
    return firstRow<{ family_phone: string | null }>(
      db,
      `SELECT family_phone FROM notification_preferences WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
  }

  async forgetFamilyContact(db: Queryable, userId: string): Promise<void> {
    await db.query(
      `UPDATE notification_preferences SET family_name = NULL, family_phone = NULL, family_consent_at = NULL,
              updated_at = now() WHERE user_id = $1`,
      [userId],
    );
  }

  /** Cancels the family messages to this number that have not gone out; answers how many. */
  async cancelPendingFamilyMessages(db: Queryable, familyPhone: string): Promise<number> {
    // UPDATE through TypeORM answers [rows, affected].
    const [, cancelled]: [unknown[], number] = await db.query(
      `UPDATE notifications SET status = 'cancelled', updated_at = now()
        WHERE recipient = $1 AND user_id IS NULL AND status = 'pending' AND event = ANY($2::text[])`,
      [familyPhone, FAMILY_EVENTS],
    );
    return cancelled;
  }

  /** Cancels the notifications about `ref` that have not gone out; answers how many. */
  async cancelScheduledOfRef(db: Queryable, ref: string): Promise<number> {
    // UPDATE through TypeORM answers [rows, affected].
    const [, cancelled]: [unknown[], number] = await db.query(
      `UPDATE notifications SET status = 'cancelled', updated_at = now()
        WHERE ref = $1 AND status IN ('pending', 'held')`,
      [ref],
    );
    return cancelled;
  }

  /** Closes the open reply codes sent in the notifications about `ref`. */
  async closeReplyCodesOfRef(db: Queryable, ref: string): Promise<void> {
    await db.query(
      `UPDATE sms_reply_codes SET used_at = now()
        WHERE used_at IS NULL AND (recipient_phone, code) IN
              (SELECT recipient, reply_code FROM notifications WHERE ref = $1 AND reply_code IS NOT NULL)`,
      [ref],
    );
  }

  /** Whether the citizen's family contact already had "need matched" for `ref`. */
  async familyToldOfMatch(db: Queryable, ref: string, citizenUserId: string): Promise<boolean> {
    const { told } = await onlyRow<{ told: boolean }>(
      db,
      `SELECT EXISTS (
           SELECT 1 FROM notifications n
             JOIN notification_preferences p ON p.user_id = $2 AND n.recipient = p.family_phone
            WHERE n.ref = $1 AND n.event = 'need_matched_family') AS told`,
      [ref, citizenUserId],
    );
    return told;
  }

  /** The phone's open code for the target, its expiry pushed out to `ttlHours` from now at least. */
  async extendOpenReplyCode(
    db: Queryable,
    phone: string,
    target: ReplyCodeTarget,
  ): Promise<string | undefined> {
    // UPDATE through TypeORM answers [rows, affected].
    const [open]: [{ code: string }[], number] = await db.query(
      `UPDATE sms_reply_codes SET expires_at = greatest(expires_at, now() + make_interval(hours => $4))
          WHERE id = (SELECT id FROM sms_reply_codes
                       WHERE recipient_phone = $1 AND target_type = $2 AND target_id = $3
                         AND used_at IS NULL AND expires_at > now()
                       ORDER BY expires_at DESC LIMIT 1)
          RETURNING code`,
      [phone, target.type, target.id, target.ttlHours ?? 48],
    );
    return open[0]?.code;
  }

  /** Stores a new code; false when the phone already has this code open (draw another). */
  async insertReplyCode(
    db: Queryable,
    code: string,
    phone: string,
    target: ReplyCodeTarget,
  ): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `INSERT INTO sms_reply_codes (code, recipient_phone, target_type, target_id, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))
         ON CONFLICT (recipient_phone, code) WHERE used_at IS NULL DO NOTHING RETURNING id`,
      [code, phone, target.type, target.id, target.ttlHours ?? 48],
    );
    return rows.length > 0;
  }
}
