import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryPrepared } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { NotificationChannel } from './notification.entity';

/** A notification claimed for sending (SMS or e-mail). */
export interface ClaimedNotification {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  event: string;
  bodyEncrypted: string | null;
  /** It was 'sending': an earlier attempt may have reached the provider. */
  resumed: boolean;
  /** That attempt is recent enough to be still under way. */
  inFlight: boolean;
}

/** The provider's answer to a send, to record. */
export interface SentStatus {
  id: string;
  gatewayMessageId: string;
  gateway: string;
}

/**
 * The notifications table on the SMS/e-mail delivery path (NotificationDeliveryProcessor; the
 * failed-attempt record is shared with the IO processor). Each method is one statement of its own:
 * the claims and the "sent" records of many jobs share one hot-path round trip, grouped by the caller.
 */
@Injectable()
export class NotificationDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One round trip for a batch of jobs (see NotificationDeliveryProcessor.claimAndRecordSent): the
   * "sent" records of the jobs whose send went out ('sent' with the gateway's ids; sensitive texts,
   * one-time codes, dropped) and the claims of the jobs about to send ('sending' with the attempt
   * counted, rows locked in id order; `inFlightMs` per channel says when an unfinished attempt is
   * over), in one statement and one commit. The caller keeps the two id lists disjoint: a statement
   * must not update a row twice. Answers the claimed rows. A named prepared statement (parsed and
   * planned once per connection, straight on the pool): it runs for every few messages sent.
   */
  async claimAndRecordSent(
    claimIds: string[],
    sent: SentStatus[],
    inFlightMs: { sms: number; email: number },
  ): Promise<ClaimedNotification[]> {
    return queryPrepared<ClaimedNotification>(
      this.dataSource,
      `WITH sent AS (
         UPDATE notifications n
            SET status = 'sent', gateway_message_id = s.gateway_message_id, gateway = s.gateway,
                sent_at = now(), last_error = NULL, updated_at = now(),
                body_encrypted = CASE WHEN n.sensitive THEN NULL ELSE n.body_encrypted END
           FROM unnest($4::uuid[], $5::text[], $6::text[]) AS s(id, gateway_message_id, gateway)
          WHERE n.id = s.id),
       due AS (
         SELECT id, status = 'sending' AS resumed,
                status = 'sending' AND updated_at > now() - make_interval(
                  secs => (CASE WHEN channel = 'email' THEN $3::int ELSE $2::int END) / 1000.0) AS in_flight
           FROM notifications
          WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'sending', 'failed')
          ORDER BY id
            FOR UPDATE)
       UPDATE notifications n
          SET status = 'sending',
              attempts = n.attempts + CASE WHEN due.resumed THEN 0 ELSE 1 END,
              updated_at = CASE WHEN due.in_flight THEN n.updated_at ELSE now() END
         FROM due WHERE n.id = due.id
       RETURNING n.id, n.channel, n.recipient, n.event, n.body_encrypted AS "bodyEncrypted",
                 due.resumed AS "resumed", due.in_flight AS "inFlight"`,
      [
        claimIds,
        inFlightMs.sms,
        inFlightMs.email,
        sent.map((s) => s.id),
        sent.map((s) => s.gatewayMessageId),
        sent.map((s) => s.gateway),
      ],
    );
  }

  /**
   * A failed send that may be retried, while the row is still 'sending': with the outcome unknown
   * it stays 'sending' (only the error is kept), otherwise it is 'pending' again.
   */
  async recordFailedAttempt(id: string, outcomeUnknown: boolean, error: string): Promise<void> {
    await this.dataSource.query(
      outcomeUnknown
        ? `UPDATE notifications SET last_error = $2, updated_at = now() WHERE id = $1 AND status = 'sending'`
        : `UPDATE notifications SET status = 'pending', last_error = $2, updated_at = now()
          WHERE id = $1 AND status = 'sending'`,
      [id, error],
    );
  }

  /** A resumed attempt that no status lookup can settle: 'unknown', not sent again. */
  async markUnknownWithoutLookup(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications
          SET status = 'unknown', updated_at = now(),
              last_error = 'An earlier attempt may have reached the provider, which offers no status lookup: not sent again'
        WHERE id = $1 AND status = 'sending'`,
      [id],
    );
  }

  /** The job's last attempt failed: 'unknown' if it was left 'sending', else 'failed'. */
  async recordExhausted(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications
          SET status = CASE WHEN status = 'sending' THEN 'unknown' ELSE 'failed' END,
              last_error = $2, updated_at = now()
        WHERE id = $1 AND status IN ('pending', 'sending')`,
      [id, error],
    );
  }

  async failPermanently(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'failed_permanent', last_error = $2, updated_at = now() WHERE id = $1`,
      [id, reason],
    );
  }
}
