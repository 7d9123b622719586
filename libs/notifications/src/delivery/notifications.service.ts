import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  FieldCipher,
  Language,
  MessageParams,
  renderMessage,
  writeOutbox,
} from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { NotificationRecord, NotificationChannel } from '../notification.entity';
import { NotificationEvent } from '../templates/templates';

export interface NotificationRequest {
  userId?: string | null;
  channel: NotificationChannel;
  recipient: string;
  event: NotificationEvent;
  language: Language;
  params: MessageParams;
  /** Erase the body once sent (one-time codes). */
  sensitive?: boolean;
}

@Injectable()
export class NotificationsService {
  private readonly cipher: FieldCipher;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cipher = new FieldCipher(config.FIELD_ENCRYPTION_KEY);
  }

  /**
   * Stores the rendered, encrypted message and its outbox row in the caller's transaction.
   * The job payload carries only the notification id.
   */
  async queueInTransaction(manager: EntityManager, request: NotificationRequest): Promise<string> {
    const text = renderMessage(
      `notification.${request.event}.${request.channel}`,
      request.language,
      request.params,
    );
    const record = manager.create(NotificationRecord, {
      userId: request.userId ?? null,
      channel: request.channel,
      recipient: request.recipient,
      event: request.event,
      language: request.language,
      bodyEncrypted: this.cipher.encrypt(text),
      sensitive: request.sensitive ?? false,
      status: 'pending',
      attempts: 0,
    });
    const saved = await manager.save(NotificationRecord, record);
    await writeOutbox(manager, {
      queue: 'notifications',
      job: 'deliver',
      payload: { notificationId: saved.id },
    });
    return saved.id;
  }

  decryptBody(record: Pick<NotificationRecord, 'bodyEncrypted'>): string {
    if (!record.bodyEncrypted) throw new Error('Notification body was already erased');
    return this.cipher.decrypt(record.bodyEncrypted);
  }
}
