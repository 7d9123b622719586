import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, registerMessages } from '@prossimo/platform';
import { NotificationDeliveryProcessor } from './delivery/notification-delivery.processor';
import { NotificationDeliveryRepository } from './delivery/notification-delivery.repository';
import { NotificationsRepository } from './delivery/notifications.repository';
import { NotificationsService } from './delivery/notifications.service';
import { NotificationsErasure } from './erasure/notifications-erasure';
import { NotificationsErasureRepository } from './erasure/notifications-erasure.repository';
import { NotificationsRetention } from './erasure/notifications-retention';
import { SmsReplyCodesRepository } from './replies/sms-reply-codes.repository';
import { SmsReplyService } from './replies/sms-reply.service';
import { EngagementReminderProcessor } from './reminders/engagement-reminder.processor';
import { EngagementRemindersRepository } from './reminders/engagement-reminders.repository';
import { CircuitBreaker } from './sms/circuit-breaker';
import { FailoverSmsChannel } from './sms/failover-sms.channel';
import { FileSmsChannel } from './sms/file-sms.channel';
import { HttpSmsChannel } from './sms/http-sms.channel';
import { SMS_CHANNEL, SmsChannel } from './sms/sms-channel';
import { EMAIL_CHANNEL, EmailChannel } from './email/email-channel';
import { FileEmailChannel } from './email/file-email.channel';
import { SmtpEmailChannel } from './email/smtp-email.channel';
import { FileIoChannel } from './io/file-io.channel';
import { JsonLinesFile } from './delivery/json-lines-file';
import { HttpIoChannel } from './io/http-io.channel';
import { IO_CHANNEL, IoChannel } from './io/io-channel';
import { IoDeliveryProcessor } from './io/io-delivery.processor';
import { IoDeliveryRepository } from './io/io-delivery.repository';

registerMessages({
  FAMILY_CONSENT_REQUIRED: {
    it: 'Serve il consenso del familiare per inviargli aggiornamenti.',
    en: 'The family contact must agree before receiving updates.',
  },
  EMAIL_REQUIRED: {
    it: 'Per ricevere notizie per e-mail indica prima un indirizzo e-mail.',
    en: 'Give an e-mail address before choosing to be notified by e-mail.',
  },
  CODICE_FISCALE_REQUIRED: {
    it: 'Per ricevere notizie su App IO indica prima il tuo codice fiscale.',
    en: 'Give your codice fiscale before choosing to be notified on App IO.',
  },
  EMAIL_INVALID: { it: "L'indirizzo e-mail non è valido.", en: 'The e-mail address is not valid.' },
  NOTIFICATION_NOT_FOUND: { it: 'Notifica non trovata.', en: 'Notification not found.' },
  NOTIFICATION_NOT_REPLAYABLE: {
    it: 'Si possono rinviare solo le notifiche fallite con il testo ancora disponibile.',
    en: 'Only failed notifications whose text is still available can be sent again.',
  },
});

export function createSmsChannel(config: AppConfig): SmsChannel {
  if (config.SMS_CHANNEL === 'http') {
    const primary = new HttpSmsChannel({
      url: config.SMS_HTTP_URL as string,
      username: config.SMS_HTTP_USERNAME,
      password: config.SMS_HTTP_PASSWORD,
      sender: config.SMS_HTTP_SENDER,
      timeoutMs: config.SMS_HTTP_TIMEOUT_MS,
      statusUrl: config.SMS_HTTP_STATUS_URL,
    });
    if (!config.SMS_FALLBACK_HTTP_URL) return primary;
    const fallback = new HttpSmsChannel({
      url: config.SMS_FALLBACK_HTTP_URL,
      username: config.SMS_FALLBACK_HTTP_USERNAME,
      password: config.SMS_FALLBACK_HTTP_PASSWORD,
      sender: config.SMS_HTTP_SENDER,
      timeoutMs: config.SMS_HTTP_TIMEOUT_MS,
      statusUrl: config.SMS_FALLBACK_HTTP_STATUS_URL,
    });
    const breaker = new CircuitBreaker({
      failureThreshold: config.SMS_BREAKER_FAILURE_THRESHOLD,
      cooldownMs: config.SMS_BREAKER_COOLDOWN_MS,
    });
    return new FailoverSmsChannel(primary, fallback, breaker);
  }
  return new FileSmsChannel(new JsonLinesFile(config.SMS_FILE_PATH));
}

export function createEmailChannel(config: AppConfig): EmailChannel {
  if (config.SMTP_URL) {
    return new SmtpEmailChannel({
      url: config.SMTP_URL,
      from: config.EMAIL_FROM,
      timeoutMs: config.SMTP_TIMEOUT_MS,
    });
  }
  return new FileEmailChannel(new JsonLinesFile(config.EMAIL_FILE_PATH));
}

export function createIoChannel(config: AppConfig): IoChannel {
  if (config.IO_CHANNEL === 'http') {
    return new HttpIoChannel({
      url: config.IO_API_URL,
      apiKey: config.IO_API_KEY as string,
      timeoutMs: config.IO_HTTP_TIMEOUT_MS,
    });
  }
  return new FileIoChannel(new JsonLinesFile(config.IO_FILE_PATH));
}

/** Closes the pooled SMTP connections when the process stops. */
@Injectable()
class EmailChannelCloser implements OnApplicationShutdown {
  constructor(@Inject(EMAIL_CHANNEL) private readonly email: EmailChannel) {}

  onApplicationShutdown(): void {
    this.email.close?.();
  }
}

/**
 * Sending (api and worker), and notifications' steps of the erasures and the retention purge
 * (NotificationsErasure, NotificationsRetention, which privacy calls in its order). The GraphQL and webhook side is NotificationsApiModule (api only).
 */
@Module({
  providers: [
    NotificationsService,
    NotificationsRepository,
    NotificationDeliveryProcessor,
    NotificationDeliveryRepository,
    IoDeliveryProcessor,
    IoDeliveryRepository,
    EngagementReminderProcessor,
    EngagementRemindersRepository,
    SmsReplyService,
    SmsReplyCodesRepository,
    NotificationsErasure,
    NotificationsErasureRepository,
    NotificationsRetention,
    { provide: SMS_CHANNEL, inject: [APP_CONFIG], useFactory: createSmsChannel },
    { provide: EMAIL_CHANNEL, inject: [APP_CONFIG], useFactory: createEmailChannel },
    { provide: IO_CHANNEL, inject: [APP_CONFIG], useFactory: createIoChannel },
    EmailChannelCloser,
  ],
  exports: [NotificationsService, SmsReplyService, NotificationsErasure, NotificationsRetention],
})
export class NotificationsModule {}
