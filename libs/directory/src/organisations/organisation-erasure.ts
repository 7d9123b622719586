import { Injectable, OnModuleInit } from '@nestjs/common';
import { PhoneVerificationService } from '@prossimo/identity';
import { AccountErasureHandlers, AccountErasureStep } from '@prossimo/platform';

/**
 * Account erasure, the directory's part: invitations to the person's number (kept as an HMAC and
 * encrypted) or accepted by them, and an organisation's contact number that is their own mobile.
 * The organisations themselves stay: they are not the person's.
 */
@Injectable()
export class OrganisationAccountErasure implements OnModuleInit {
  constructor(
    private readonly handlers: AccountErasureHandlers,
    private readonly phones: PhoneVerificationService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('directory', (step) => this.erase(step));
  }

  private async erase({ manager, userId, phone }: AccountErasureStep): Promise<Record<string, number>> {
    await manager.query(
      `DELETE FROM organisation_invitations WHERE accepted_by_user_id = $1 OR ($2::bytea IS NOT NULL AND phone_hmac = $2)`,
      [userId, phone ? this.phones.phoneLookupHmac(phone) : null],
    );
    if (phone) {
      await manager.query(
        `UPDATE organisations SET contact_phone = NULL, updated_at = now() WHERE contact_phone = $1`,
        [phone],
      );
    }
    return {};
  }
}
