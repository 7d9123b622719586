import { Module } from '@nestjs/common';
import { IdentityModule } from '@prossimo/identity';
import { NotificationsModule } from '../notifications.module';
import { InAppLiveService } from './in-app-live.service';
import { NotificationCenterRepository } from './notification-center.repository';
import { NotificationCenterService } from './notification-center.service';
import { NotificationsResolver } from './notifications.resolver';
import { SmsWebhooksController } from './sms-webhooks.controller';

/** The api side of notifications: preferences, in-app list and live feed, dead letters, SMS webhooks. */
@Module({
  imports: [IdentityModule, NotificationsModule],
  controllers: [SmsWebhooksController],
  providers: [
    NotificationCenterService,
    NotificationCenterRepository,
    NotificationsResolver,
    InAppLiveService,
  ],
  exports: [NotificationCenterService],
})
export class NotificationsApiModule {}
