import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';
import { OrganisationPersonalDataRepository } from './organisation-personal-data.repository';

/** "Download my data", the directory's part: the organisations the person registered. */
@Injectable()
export class OrganisationExport extends PersonalDataExportArea {
  readonly area = 'directory';
  readonly sections = ['organisationsCreated'];
  readonly tables = ['organisations', 'organisation_accreditations', 'service_offers'];

  constructor(private readonly personalData: OrganisationPersonalDataRepository) {
    super();
  }

  async collect({ manager, userId }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const organisationsCreated = await this.personalData.findOrganisationsCreatedBy(manager, userId);
    return { sections: { organisationsCreated } };
  }
}
