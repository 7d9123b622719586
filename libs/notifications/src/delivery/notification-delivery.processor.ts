import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobHandler, maskPhone, QueueProcessor } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { EMAIL_CHANNEL, EmailChannel, splitEmail } from '../email/email-channel';
import { NotificationChannel } from '../notification.entity';
import { PermanentDeliveryError, SMS_CHANNEL, SmsChannel } from '../sms/sms-channel';
import { NotificationsService } from './notifications.service';
import { SentStatusWriter } from './sent-status-writer';

interface ClaimedNotification {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  event: string;
  bodyEncrypted: string | null;
}

/**
 * Sends one notification. Idempotent: a notification already sent is skipped, and the gateway
 * receives the notification id as idempotency key (the Message-ID for e-mail), so a crash between
 * the gateway's answer and our update cannot produce a second message.
 *
 * Two round trips to PostgreSQL per message on the hot path: one UPDATE ... RETURNING claims it
 * (and counts the attempt), and the "sent" write is grouped with other jobs' (SentStatusWriter).
 */
@Injectable()
@QueueProcessor('notifications', ['deliver'])
export class NotificationDeliveryProcessor implements JobHandler {
  private readonly logger = new Logger(NotificationDeliveryProcessor.name);
  private readonly sentWriter: SentStatusWriter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SMS_CHANNEL) private readonly sms: SmsChannel,
    @Inject(EMAIL_CHANNEL) private readonly email: EmailChannel,
    private readonly notifications: NotificationsService,
  ) {
    this.sentWriter = new SentStatusWriter(dataSource);
  }

  async process(job: Job<unknown, unknown, string>): Promise<string> {
    const { notificationId } = job.data as { notificationId: string };
    // A notification that is sent, delivered, failed for good or cancelled is not claimed; one left
    // 'sending' by a worker that died is claimed again (the idempotency key stops a second message).
    const [claimed]: [ClaimedNotification[], number] = await this.dataSource.query(
      `UPDATE notifications SET status = 'sending', attempts = attempts + 1, updated_at = now()
        WHERE id = $1 AND status IN ('pending', 'sending', 'failed')
        RETURNING id, channel, recipient, event, body_encrypted AS "bodyEncrypted"`,
      [notificationId],
    );
    const record = claimed[0];
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
      await this.sentWriter.record({
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
      await this.dataSource.query(
        `UPDATE notifications SET status = 'pending', last_error = $2, updated_at = now() WHERE id = $1`,
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

  private async failPermanently(id: string, reason: string): Promise<never> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'failed_permanent', last_error = $2, updated_at = now() WHERE id = $1`,
      [id, reason],
    );
    throw new UnrecoverableError(reason);
  }
}
