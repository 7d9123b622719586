import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobHandler, maskPhone, QueueProcessor } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { NotificationRecord } from '../notification.entity';
import { PermanentDeliveryError, SMS_CHANNEL, SmsChannel } from '../sms/sms-channel';
import { NotificationsService } from './notifications.service';

const FINISHED_STATUSES = new Set(['sent', 'delivered', 'failed_permanent', 'cancelled']);

/**
 * Sends one notification. Idempotent: a notification already sent is skipped, and the gateway
 * receives the notification id as idempotency key, so a crash between the gateway's answer and
 * our update cannot produce a second message.
 */
@Injectable()
@QueueProcessor('notifications')
export class NotificationDeliveryProcessor implements JobHandler {
  private readonly logger = new Logger(NotificationDeliveryProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SMS_CHANNEL) private readonly sms: SmsChannel,
    private readonly notifications: NotificationsService,
  ) {}

  async process(job: Job<unknown, unknown, string>): Promise<string> {
    const { notificationId } = job.data as { notificationId: string };
    const repository = this.dataSource.getRepository(NotificationRecord);
    const record = await repository.findOneBy({ id: notificationId });
    if (!record) return 'missing';
    if (FINISHED_STATUSES.has(record.status)) return 'already-sent';
    if (record.channel !== 'sms') {
      // E-mail has no transport in this build (no SMTP library installed): visible to admins.
      const reason = `Channel ${record.channel} is not available`;
      await repository.update({ id: record.id }, { status: 'failed_permanent', lastError: reason });
      throw new UnrecoverableError(reason);
    }

    await repository.update({ id: record.id }, { status: 'sending', attempts: () => 'attempts + 1' });
    try {
      const result = await this.sms.send({
        idempotencyKey: record.id,
        to: record.recipient,
        text: this.notifications.decryptBody(record),
      });
      await repository.update(
        { id: record.id },
        {
          status: 'sent',
          gatewayMessageId: result.gatewayMessageId,
          gateway: result.gateway ?? this.sms.name,
          sentAt: new Date(),
          lastError: null,
          ...(record.sensitive ? { bodyEncrypted: null } : {}),
        },
      );
      this.logger.log(`Notification ${record.id} (${record.event}) sent to ${maskPhone(record.recipient)}`);
      return 'sent';
    } catch (error) {
      const message = (error as Error).message;
      if (error instanceof PermanentDeliveryError) {
        await repository.update({ id: record.id }, { status: 'failed_permanent', lastError: message });
        throw new UnrecoverableError(message);
      }
      await repository.update({ id: record.id }, { status: 'pending', lastError: message });
      throw error;
    }
  }

  async onExhausted(job: Job<unknown, unknown, string>, error: Error): Promise<void> {
    const { notificationId } = job.data as { notificationId: string };
    await this.dataSource
      .getRepository(NotificationRecord)
      .update({ id: notificationId, status: 'pending' }, { status: 'failed', lastError: error.message });
  }
}
