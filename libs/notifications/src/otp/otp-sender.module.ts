import { Global, Injectable, Module } from '@nestjs/common';
import { OTP_SENDER, OtpMessage, OtpSender } from '@prossimo/identity';
import { EntityManager } from 'typeorm';
import { NotificationsService } from '../delivery/notifications.service';
import { NotificationsModule } from '../notifications.module';

/** Identity's OTP port, implemented as a sensitive SMS through the outbox. */
@Injectable()
export class SmsOtpSender implements OtpSender {
  constructor(private readonly notifications: NotificationsService) {}

  async queueInTransaction(manager: EntityManager, message: OtpMessage): Promise<void> {
    await this.notifications.queueInTransaction(manager, {
      userId: message.userId,
      channel: 'sms',
      recipient: message.phone,
      event: 'otp',
      language: message.language,
      params: { code: message.code, minutes: message.validForMinutes },
      sensitive: true,
    });
  }
}

/** Gives identity its OTP_SENDER wherever IdentityModule is used: import once in each app's root module. */
@Global()
@Module({
  imports: [NotificationsModule],
  providers: [{ provide: OTP_SENDER, useClass: SmsOtpSender }],
  exports: [OTP_SENDER],
})
export class OtpSenderModule {}
