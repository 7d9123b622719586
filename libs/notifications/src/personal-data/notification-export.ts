import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';
import { NotificationPersonalDataRepository } from './notification-personal-data.repository';

/**
 * "Download my data", notifications' part: the preferences (with the family contact) and every
 * message to the person, by account or to their number (the account's phone, found by identity).
 */
@Injectable()
export class NotificationExport extends PersonalDataExportArea {
  readonly area = 'notifications';
  readonly sections = ['notificationPreferences', 'notifications'];
  readonly tables = ['notifications', 'notification_preferences'];

  constructor(private readonly repository: NotificationPersonalDataRepository) {
    super();
  }

  async collect({
    manager,
    userId,
    found,
    decrypt,
  }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const preferences = await this.repository.preferencesForExport(manager, userId);
    const notifications = await this.repository.notificationsForExport(
      manager,
      userId,
      found.phone?.[0] ?? null,
    );
    return {
      sections: {
        notificationPreferences: preferences ?? null,
        notifications: notifications.map((row) =>
          this.decryptColumns(row, { text: 'body_encrypted' }, decrypt),
        ),
      },
    };
  }
}
