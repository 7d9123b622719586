import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';
import { UsersRepository } from './users.repository';

/** "Download my data", identity's part: the account (with the codice fiscale decrypted) and roles. */
@Injectable()
export class AccountExport extends PersonalDataExportArea {
  readonly area = 'identity';
  readonly sections = ['account', 'roles'];
  // Sessions are left out: tokens and devices are not the person's data to take away.
  readonly tables = ['users', 'user_roles', 'sessions'];

  constructor(private readonly users: UsersRepository) {
    super();
  }

  async collect({ manager, userId, decrypt }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const account = this.decryptColumns(
      await this.users.accountForExport(manager, userId),
      { codiceFiscale: 'codice_fiscale_encrypted' },
      decrypt,
    );
    const roles = await this.users.rolesForExport(manager, userId);
    const phone = account.phoneE164;
    return {
      sections: { account, roles },
      // Notifications are addressed to the number too.
      found: { phone: typeof phone === 'string' ? [phone] : [] },
    };
  }
}
