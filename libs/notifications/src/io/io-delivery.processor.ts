import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppConfig,
  FieldCipher,
  JOBS,
  OnJob,
  OnJobExhausted,
  outboxJob,
  PayloadOf,
  writeOutbox,
} from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { splitEmail } from '../email/email-channel';
import { NotificationsService } from '../delivery/notifications.service';
import { PermanentDeliveryError } from '../sms/sms-channel';
import { recordAfterSend, recordFailedAttempt } from '../delivery/notification-delivery.processor';
import { NotificationDeliveryRepository } from '../delivery/notification-delivery.repository';
import { IO_CHANNEL, IoChannel, IoRecipientUnreachableError } from './io-channel';
import { ClaimedIoNotification, IoDeliveryRepository } from './io-delivery.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Beyond the channel's timeout (two calls), before an unfinished attempt is taken as over. */
const IN_FLIGHT_MARGIN_MS = 2000;

/**
 * Sends a notification through App IO (queue `io`, whose BullMQ limiter keeps IO's rate limit).
 * As the SMS channel: recorded 'sending' before it leaves, 'sent' with IO's message id after; an
 * answered 429/5xx (or a refused connection) goes back to 'pending' and the job retries with
 * backoff. IO has no idempotency key, so a notification found 'sending' (its worker died mid-send,
 * or IO gave no answer) is never sent again: it becomes 'unknown' for an administrator to check.
 * When IO cannot reach the person (not on IO, sender_allowed false, or a permanent refusal), the
 * person's next channel, written 'held' beside it, is released in the same transaction.
 */
@Injectable()
export class IoDeliveryProcessor {
  private readonly logger = new Logger(IoDeliveryProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: IoDeliveryRepository,
    private readonly deliveryRepository: NotificationDeliveryRepository,
    @Inject(IO_CHANNEL) private readonly io: IoChannel,
    private readonly cipher: FieldCipher,
    private readonly notifications: NotificationsService,
  ) {}

  @OnJob(JOBS.deliverIoMessage)
  deliverJob({ notificationId }: PayloadOf<typeof JOBS.deliverIoMessage>, job: Job): Promise<string> {
    return this.deliver(validId(notificationId, job));
  }

  @OnJob(JOBS.ioMessageStatus)
  statusJob({ notificationId }: PayloadOf<typeof JOBS.ioMessageStatus>, job: Job): Promise<string> {
    return this.readStatus(validId(notificationId, job));
  }

  private async deliver(notificationId: string): Promise<string> {
    const record = await this.claim(notificationId);
    if (!record) return 'not-pending';
    if (record.inFlight)
      throw new Error(`Notification ${record.id} has a send under way: checked again later`);
    if (record.resumed) {
      await this.repository.markUnknownResumed(record.id);
      this.logger.warn(`Notification ${record.id}: IO outcome unknown, not sent again`);
      return 'unknown';
    }
    const fiscalCode = await this.fiscalCodeOf(record.userId);
    if (!fiscalCode) return this.fallBack(record.id, 'The person has no codice fiscale any more');
    const { subject, text } = splitEmail(this.notifications.decryptBody(record));
    try {
      const { messageId } = await this.io.send({
        notificationId: record.id,
        fiscalCode,
        subject,
        markdown: text,
      });
      await recordAfterSend(
        this.dataSource.transaction(async (manager) => {
          const updated = await this.repository.recordSent(manager, record.id, messageId, this.io.name);
          if (!updated) return;
          // IO took it: the next channel is not needed.
          await this.repository.cancelHeldFallback(manager, record.id);
          await writeOutbox(
            manager,
            outboxJob(
              JOBS.ioMessageStatus,
              { notificationId: record.id },
              new Date(Date.now() + this.config.IO_STATUS_DELAY_MS),
            ),
          );
        }),
      );
      this.logger.log(`Notification ${record.id} sent by IO`);
      return 'sent';
    } catch (error) {
      const message = (error as Error).message;
      if (error instanceof IoRecipientUnreachableError || error instanceof PermanentDeliveryError) {
        return this.fallBack(record.id, message);
      }
      return recordFailedAttempt(this.deliveryRepository, record.id, error as Error);
    }
  }

  /** IO cannot deliver it: failed for good, and the person's next channel goes instead (once). */
  private async fallBack(id: string, reason: string): Promise<string> {
    const fallbackId = await this.dataSource.transaction((manager) =>
      this.failAndRelease(manager, id, reason),
    );
    this.logger.log(
      `Notification ${id} not sent by IO (${reason})${fallbackId ? `: ${fallbackId} goes instead` : ''}`,
    );
    return fallbackId ? 'fallback' : 'failed';
  }

  private async failAndRelease(manager: EntityManager, id: string, reason: string): Promise<string | null> {
    const fallbackId = await this.repository.failPermanently(manager, id, reason);
    if (!fallbackId) return null;
    if (!(await this.repository.releaseHeld(manager, fallbackId))) return null;
    await writeOutbox(manager, outboxJob(JOBS.deliverNotification, { notificationId: fallbackId }));
    return fallbackId;
  }

  private async readStatus(notificationId: string): Promise<string> {
    const row = await this.repository.findIoNotification(notificationId);
    if (!row || row.status !== 'sent' || !row.gateway_message_id) return 'not-sent';
    const fiscalCode = await this.fiscalCodeOf(row.user_id);
    if (!fiscalCode) return 'no-fiscal-code';
    const status = await this.io.status(fiscalCode, row.gateway_message_id);
    if (status === 'PROCESSED') {
      await this.repository.markDelivered(notificationId);
    } else if (status === 'REJECTED' || status === 'FAILED') {
      await this.repository.markFailedAfterSend(notificationId, `IO status ${status}`);
    } else {
      // ACCEPTED or THROTTLED: IO is still at it; the job's retry (with backoff) asks again.
      throw new Error(`IO message still ${status}`);
    }
    return status.toLowerCase();
  }

  @OnJobExhausted(JOBS.deliverIoMessage)
  async deliveryExhausted(
    { notificationId }: PayloadOf<typeof JOBS.deliverIoMessage>,
    error: Error,
  ): Promise<void> {
    // No answer on the last attempt: unknown (it may have gone out). Surely not sent: the next
    // channel goes, so that nothing is lost.
    await this.dataSource.transaction(async (manager) => {
      const unknown = await this.repository.markUnknownExhausted(manager, notificationId, error.message);
      if (!unknown) await this.failAndRelease(manager, notificationId, error.message);
    });
  }

  private async fiscalCodeOf(userId: string): Promise<string | null> {
    const encrypted = await this.repository.findFiscalCodeEncrypted(userId);
    return encrypted ? this.cipher.decrypt(encrypted) : null;
  }

  private async claim(id: string): Promise<ClaimedIoNotification | undefined> {
    const inFlightMs = 2 * this.config.IO_HTTP_TIMEOUT_MS + IN_FLIGHT_MARGIN_MS;
    return this.repository.claim(id, inFlightMs);
  }
}

/** Checked before use: a malformed id must fail the job for good, not be retried. */
function validId(notificationId: string, job: Job): string {
  if (typeof notificationId !== 'string' || !UUID.test(notificationId)) {
    throw new UnrecoverableError(`Job ${job.id} has no valid notification id`);
  }
  return notificationId;
}
