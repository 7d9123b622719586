import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';
import { RequestsPersonalDataRepository } from './requests-personal-data.repository';

/**
 * "Download my data", requests' part: the person's needs (their own, and those posted for them),
 * with the address, notes and the beneficiary they entered decrypted, and the needs' history.
 */
@Injectable()
export class NeedExport extends PersonalDataExportArea {
  readonly area = 'requests';
  readonly sections = ['needs', 'needStatusHistory'];
  readonly tables = ['needs', 'beneficiaries', 'status_history'];

  constructor(private readonly personalData: RequestsPersonalDataRepository) {
    super();
  }

  async collect({ manager, userId, decrypt }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const rows = await this.personalData.findNeedsOfPerson(manager, userId);
    const needIds = rows.map((need) => need.id as string);
    const needStatusHistory = await this.personalData.findNeedStatusHistory(manager, needIds);
    const needs = rows.map(
      ({
        address_encrypted,
        sensitive_notes_encrypted,
        beneficiary_name_encrypted,
        beneficiary_phone_encrypted,
        beneficiary_codice_fiscale_encrypted,
        ...need
      }) => ({
        ...need,
        address: decrypt(address_encrypted),
        sensitiveNotes: decrypt(sensitive_notes_encrypted),
        beneficiaryName: decrypt(beneficiary_name_encrypted),
        beneficiaryPhone: decrypt(beneficiary_phone_encrypted),
        beneficiaryCodiceFiscale: decrypt(beneficiary_codice_fiscale_encrypted),
      }),
    );
    return { sections: { needs, needStatusHistory }, found: { need: needIds } };
  }
}
