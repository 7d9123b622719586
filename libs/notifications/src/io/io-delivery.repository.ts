import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readActiveFiscalCodeEncrypted } from '@prossimo/identity';
import { firstRow, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';

/** An IO notification claimed for sending. */
export interface ClaimedIoNotification {
  id: string;
  userId: string;
  bodyEncrypted: string | null;
  language: 'it' | 'en';
  resumed: boolean;
  inFlight: boolean;
}

/** What the status check reads of a sent IO notification. */
export interface IoSentRow {
  user_id: string;
  gateway_message_id: string | null;
  status: string;
}

/**
 * The notifications table on the App IO path (IoDeliveryProcessor). Methods that take `db` run in
 * the processor's transaction; the others are statements of their own.
 */
@Injectable()
export class IoDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Claims one IO notification: 'sending' with the attempt counted (as the SMS claim, for one row). */
  async claim(id: string, inFlightMs: number): Promise<ClaimedIoNotification | undefined> {
    const [rows]: [ClaimedIoNotification[], number] = await this.dataSource.query(
      `WITH due AS (
         SELECT id, status = 'sending' AS resumed,
                status = 'sending' AND updated_at > now() - make_interval(secs => $2::int / 1000.0) AS in_flight
           FROM notifications WHERE id = $1 AND channel = 'io' AND status IN ('pending', 'sending', 'failed')
            FOR UPDATE)
       UPDATE notifications n
          SET status = 'sending', attempts = n.attempts + CASE WHEN due.resumed THEN 0 ELSE 1 END,
              updated_at = CASE WHEN due.in_flight THEN n.updated_at ELSE now() END
         FROM due WHERE n.id = due.id
       RETURNING n.id, n.user_id AS "userId", n.body_encrypted AS "bodyEncrypted", n.language,
                 due.resumed AS "resumed", due.in_flight AS "inFlight"`,
      [id, inFlightMs],
    );
    return rows[0];
  }

  /** A resumed attempt: IO has no idempotency key, so 'unknown', not sent again. */
  async markUnknownResumed(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'unknown', updated_at = now(),
                last_error = 'An earlier attempt may have reached IO, which has no idempotency key: not sent again'
          WHERE id = $1 AND status = 'sending'`,
      [id],
    );
  }

  /** 'sent' with IO's message id, while still 'sending'; false when it was not (nothing changed). */
  async recordSent(db: Queryable, id: string, messageId: string, gateway: string): Promise<boolean> {
    const [, updated]: [unknown[], number] = await db.query(
      `UPDATE notifications SET status = 'sent', gateway_message_id = $2, gateway = $3, sent_at = now(),
                  last_error = NULL, updated_at = now()
            WHERE id = $1 AND status = 'sending'`,
      [id, messageId, gateway],
    );
    return updated > 0;
  }

  /** Cancels the held next channel of this notification (IO took it). */
  async cancelHeldFallback(db: Queryable, id: string): Promise<void> {
    await db.query(
      `UPDATE notifications SET status = 'cancelled', updated_at = now()
            WHERE id = (SELECT fallback_id FROM notifications WHERE id = $1) AND status = 'held'`,
      [id],
    );
  }

  /** Failed for good while not settled otherwise; answers its fallback's id (null: none). */
  async failPermanently(db: Queryable, id: string, reason: string): Promise<string | null | undefined> {
    const [failed]: [{ fallback_id: string | null }[], number] = await db.query(
      `UPDATE notifications SET status = 'failed_permanent', last_error = $2, updated_at = now()
        WHERE id = $1 AND status IN ('pending', 'sending', 'failed') RETURNING fallback_id`,
      [id, reason],
    );
    return failed[0]?.fallback_id;
  }

  /** The held fallback back to 'pending'; false when it was not held any more. */
  async releaseHeld(db: Queryable, fallbackId: string): Promise<boolean> {
    const [released]: [{ id: string }[], number] = await db.query(
      `UPDATE notifications SET status = 'pending', updated_at = now() WHERE id = $1 AND status = 'held' RETURNING id`,
      [fallbackId],
    );
    return released.length > 0;
  }

  async findIoNotification(id: string): Promise<IoSentRow | undefined> {
    return firstRow<IoSentRow>(
      this.dataSource,
      `SELECT user_id, gateway_message_id, status FROM notifications WHERE id = $1 AND channel = 'io'`,
      [id],
    );
  }

  async markDelivered(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'delivered', delivered_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'sent'`,
      [id],
    );
  }

  /** IO reports the sent message rejected or failed. */
  async markFailedAfterSend(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'failed_permanent', last_error = $2, updated_at = now()
          WHERE id = $1 AND status = 'sent'`,
      [id, reason],
    );
  }

  /** The last attempt got no answer: 'unknown' if still 'sending'; false when it was not. */
  async markUnknownExhausted(db: Queryable, id: string, error: string): Promise<boolean> {
    const [, unknown]: [unknown[], number] = await db.query(
      `UPDATE notifications SET status = 'unknown', last_error = $2, updated_at = now()
          WHERE id = $1 AND status = 'sending'`,
      [id, error],
    );
    return unknown > 0;
  }

  /** The person's encrypted codice fiscale while the account is active (identity's users table, read by identity). */
  findFiscalCodeEncrypted(userId: string): Promise<string | null | undefined> {
    return readActiveFiscalCodeEncrypted(this.dataSource, userId);
  }
}
