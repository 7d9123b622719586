import { Injectable } from '@nestjs/common';
import { PhoneVerificationService } from '@prossimo/identity';
import { AccountErasureArea, AccountErasureStep } from '@prossimo/platform';
import { OrganisationPersonalDataRepository } from './organisation-personal-data.repository';

/**
 * Account erasure, the directory's part: invitations to the person's number (kept as an HMAC and
 * encrypted) or accepted by them, and an organisation's contact number that is their own mobile.
 * The organisations themselves stay: they are not the person's.
 */
@Injectable()
export class OrganisationAccountErasure extends AccountErasureArea {
  readonly area = 'directory';

  constructor(
    private readonly phones: PhoneVerificationService,
    private readonly personalData: OrganisationPersonalDataRepository,
  ) {
    super();
  }

  protected async erase({ manager, userId, phone }: AccountErasureStep): Promise<Record<string, number>> {
    await this.personalData.deleteInvitationsOf(
      manager,
      userId,
      phone ? this.phones.phoneLookupHmac(phone) : null,
    );
    if (phone) await this.personalData.clearContactPhone(manager, phone);
    return {};
  }
}
