import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@prossimo/platform';
import { NotificationDeliveryProcessor } from './delivery/notification-delivery.processor';
import { NotificationsService } from './delivery/notifications.service';
import { FileSmsChannel } from './sms/file-sms.channel';
import { HttpSmsChannel } from './sms/http-sms.channel';
import { SMS_CHANNEL, SmsChannel } from './sms/sms-channel';

export function createSmsChannel(config: AppConfig): SmsChannel {
  if (config.SMS_CHANNEL === 'http') {
    return new HttpSmsChannel({
      url: config.SMS_HTTP_URL as string,
      username: config.SMS_HTTP_USERNAME,
      password: config.SMS_HTTP_PASSWORD,
      sender: config.SMS_HTTP_SENDER,
      timeoutMs: config.SMS_HTTP_TIMEOUT_MS,
    });
  }
  return new FileSmsChannel(config.SMS_FILE_PATH);
}

@Module({
  providers: [
    NotificationsService,
    NotificationDeliveryProcessor,
    { provide: SMS_CHANNEL, inject: [APP_CONFIG], useFactory: createSmsChannel },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
