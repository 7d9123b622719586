import { Module } from '@nestjs/common';
import { NotificationExport } from './personal-data/notification-export';
import { NotificationPersonalDataRepository } from './personal-data/notification-personal-data.repository';

/** Notifications' personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [NotificationExport, NotificationPersonalDataRepository] })
export class NotificationsPersonalDataModule {}
