import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobHandler, maskPhone, QueueProcessor } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { EMAIL_CHANNEL, EmailChannel, splitEmail } from '../email/email-channel';
import { NotificationChannel } from '../notification.entity';
import { PermanentDeliveryError, SMS_CHANNEL, SmsChannel } from '../sms/sms-channel';
import { NotificationsService } from './notifications.service';
import { GroupedRoundTrip } from './grouped-round-trip';

interface ClaimedNotification {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  event: string;
  bodyEncrypted: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SentStatus {
  id: string;
  gatewayMessageId: string;
  gateway: string;
}

/**
 * Sends one notification. Idempotent: a notification already sent is skipped, and the gateway
 * receives the notification id as idempotency key (the Message-ID for e-mail), so a crash between
 * the gateway's answer and our update cannot produce a second message.
 *
 * Two writes to PostgreSQL per message on the hot path, each grouped with other jobs' into one
 * statement (GroupedRoundTrip): the claim (UPDATE ... RETURNING, which counts the attempt) and the
 * "sent" record with the gateway's message id, which completes before the job is acknowledged.
 */
@Injectable()
@QueueProcessor('notifications', ['deliver'])
export class NotificationDeliveryProcessor implements JobHandler {
  private readonly logger = new Logger(NotificationDeliveryProcessor.name);
  private readonly claims: GroupedRoundTrip<string, ClaimedNotification | undefined>;
  private readonly sentRecords: GroupedRoundTrip<SentStatus, void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SMS_CHANNEL) private readonly sms: SmsChannel,
    @Inject(EMAIL_CHANNEL) private readonly email: EmailChannel,
    private readonly notifications: NotificationsService,
  ) {
    this.claims = new GroupedRoundTrip((ids) => this.claim(ids));
    this.sentRecords = new GroupedRoundTrip((statuses) => this.recordSent(statuses));
  }

  async process(job: Job<unknown, unknown, string>): Promise<string> {
    const { notificationId } = job.data as { notificationId: string };
    // Checked here: one malformed id in a grouped claim would fail the other jobs' claims with it.
    if (typeof notificationId !== 'string' || !UUID.test(notificationId)) {
      throw new UnrecoverableError(`Job ${job.id} has no valid notification id`);
    }
    const record = await this.claims.call(notificationId);
    if (!record) return 'not-pending';
    if (record.channel !== 'sms' && record.channel !== 'email') {
      return this.failPermanently(record.id, `Channel ${record.channel} is not delivered by jobs`);
    }

    try {
      const text = this.notifications.decryptBody(record);
      const result =
        record.channel === 'sms'
          ? await this.sms.send({ idempotencyKey: record.id, to: record.recipient, text })
          : await this.email.send({ idempotencyKey: record.id, to: record.recipient, ...splitEmail(text) });
      const gateway = 'gateway' in result && typeof result.gateway === 'string' ? result.gateway : undefined;
      await this.sentRecords.call({
        id: record.id,
        gatewayMessageId: result.gatewayMessageId,
        gateway: gateway ?? (record.channel === 'sms' ? this.sms.name : this.email.name),
      });
      this.logger.log(
        `Notification ${record.id} (${record.event}) sent by ${record.channel}` +
          (record.channel === 'sms' ? ` to ${maskPhone(record.recipient)}` : ''),
      );
      return 'sent';
    } catch (error) {
      const message = (error as Error).message;
      if (error instanceof PermanentDeliveryError) return this.failPermanently(record.id, message);
      // Only while still 'sending': a duplicate job that got the gateway's answer may have recorded
      // 'sent' meanwhile (the gateway had the message, this attempt timed out), and that stays.
      await this.dataSource.query(
        `UPDATE notifications SET status = 'pending', last_error = $2, updated_at = now()
          WHERE id = $1 AND status = 'sending'`,
        [record.id, message],
      );
      throw error;
    }
  }

  async onExhausted(job: Job<unknown, unknown, string>, error: Error): Promise<void> {
    const { notificationId } = job.data as { notificationId: string };
    await this.dataSource.query(
      `UPDATE notifications SET status = 'failed', last_error = $2, updated_at = now()
        WHERE id = $1 AND status = 'pending'`,
      [notificationId, error.message],
    );
  }

  /**
   * Claims a batch of notifications. One that is sent, delivered, failed for good or cancelled is
   * not claimed; one left 'sending' by a worker that died is claimed again (the idempotency key
   * stops a second message). Rows are locked in id order so that two workers claiming overlapping
   * batches (duplicate jobs) wait for each other instead of deadlocking; an id twice in one batch
   * goes to its first job only.
   */
  private async claim(ids: string[]): Promise<(ClaimedNotification | undefined)[]> {
    const [claimed]: [ClaimedNotification[], number] = await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM notifications
          WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'sending', 'failed')
          ORDER BY id
            FOR UPDATE)
       UPDATE notifications n SET status = 'sending', attempts = n.attempts + 1, updated_at = now()
         FROM due WHERE n.id = due.id
       RETURNING n.id, n.channel, n.recipient, n.event, n.body_encrypted AS "bodyEncrypted"`,
      [ids],
    );
    const byId = new Map(claimed.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      byId.delete(id);
      return row;
    });
  }

  private async recordSent(statuses: SentStatus[]): Promise<void[]> {
    // One-time codes lose their text once sent (sensitive); the rest keep it for replay.
    await this.dataSource.query(
      `UPDATE notifications n
          SET status = 'sent', gateway_message_id = s.gateway_message_id, gateway = s.gateway,
              sent_at = now(), last_error = NULL, updated_at = now(),
              body_encrypted = CASE WHEN n.sensitive THEN NULL ELSE n.body_encrypted END
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS s(id, gateway_message_id, gateway)
        WHERE n.id = s.id`,
      [statuses.map((s) => s.id), statuses.map((s) => s.gatewayMessageId), statuses.map((s) => s.gateway)],
    );
    return statuses.map(() => undefined);
  }

  private async failPermanently(id: string, reason: string): Promise<never> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'failed_permanent', last_error = $2, updated_at = now() WHERE id = $1`,
      [id, reason],
    );
    throw new UnrecoverableError(reason);
  }
}
