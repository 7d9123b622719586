import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';

type Row = Record<string, unknown>;

/**
 * "Download my data", notifications' part: the preferences (with the family contact) and every
 * message to the person, by account or to their number (the account's phone, found by identity).
 */
@Injectable()
export class NotificationExport extends PersonalDataExportArea {
  readonly area = 'notifications';
  readonly sections = ['notificationPreferences', 'notifications'];
  readonly tables = ['notifications', 'notification_preferences'];

  async collect({
    manager,
    userId,
    found,
    decrypt,
  }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const [preferences]: Row[] = await manager.query(
      `SELECT language, channels, email, quiet_start AS "quietStart", quiet_end AS "quietEnd",
              family_name AS "familyContactName", family_phone AS "familyContactPhone",
              family_consent_at AS "familyContactConsentAt"
         FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    const notifications: Row[] = await manager.query(
      `SELECT id, channel, event, status, body_encrypted, created_at AS "createdAt", sent_at AS "sentAt",
              read_at AS "readAt"
         FROM notifications
        WHERE user_id = $1 OR recipient = $1::text OR recipient = $2
        ORDER BY created_at`,
      [userId, found.phone?.[0] ?? null],
    );
    return {
      sections: {
        notificationPreferences: preferences ?? null,
        notifications: notifications.map(({ body_encrypted, ...row }) => ({
          ...row,
          text: decrypt(body_encrypted),
        })),
      },
    };
  }
}
