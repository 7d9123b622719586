import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';
import { RequestsPersonalDataRepository } from './requests-personal-data.repository';

/** The need's encrypted columns, by the names they have in the copy. */
const ENCRYPTED_NEED_COLUMNS = {
  address: 'address_encrypted',
  sensitiveNotes: 'sensitive_notes_encrypted',
  beneficiaryName: 'beneficiary_name_encrypted',
  beneficiaryPhone: 'beneficiary_phone_encrypted',
  beneficiaryCodiceFiscale: 'beneficiary_codice_fiscale_encrypted',
};

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
    const needs = rows.map((need) => this.decryptColumns(need, ENCRYPTED_NEED_COLUMNS, decrypt));
    return { sections: { needs, needStatusHistory }, found: { need: needIds } };
  }
}
