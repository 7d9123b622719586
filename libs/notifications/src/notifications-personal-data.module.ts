import { Module } from '@nestjs/common';
import { NotificationExport } from './notification-export';

/** Notifications' personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [NotificationExport] })
export class NotificationsPersonalDataModule {}
