import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';

/** "Download my data", identity's part: the account (with the codice fiscale decrypted) and roles. */
@Injectable()
export class AccountExport extends PersonalDataExportArea {
  readonly area = 'identity';
  readonly sections = ['account', 'roles'];
  // Sessions are left out: tokens and devices are not the person's data to take away.
  readonly tables = ['users', 'user_roles', 'sessions'];

  async collect({ manager, userId, decrypt }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const [{ codice_fiscale_encrypted, ...account }]: Record<string, unknown>[] = await manager.query(
      `SELECT id, phone_e164 AS "phoneE164", display_name AS "displayName", language, status,
              phone_verified_at AS "phoneVerifiedAt", created_at AS "createdAt", codice_fiscale_encrypted
         FROM users WHERE id = $1`,
      [userId],
    );
    const roles = await manager.query(
      `SELECT role, territory_id AS "territoryId", organisation_id AS "organisationId", created_at AS "createdAt"
         FROM user_roles WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const phone = account.phoneE164;
    return {
      sections: { account: { ...account, codiceFiscale: decrypt(codice_fiscale_encrypted) }, roles },
      // Notifications are addressed to the number too.
      found: { phone: typeof phone === 'string' ? [phone] : [] },
    };
  }
}
