import { Injectable } from '@nestjs/common';
import {
  PersonalDataExportArea,
  PersonalDataExportHandlers,
  PersonalDataExportPart,
  PersonalDataExportStep,
} from '@prossimo/platform';
import { OrganisationPersonalDataRepository } from './organisation-personal-data.repository';

/** "Download my data", the directory's part: the organisations the person registered. */
@Injectable()
export class OrganisationExport extends PersonalDataExportArea {
  readonly area = 'directory';
  readonly sections = ['organisationsCreated'];
  readonly tables = ['organisations', 'organisation_accreditations', 'service_offers'];

  constructor(
    handlers: PersonalDataExportHandlers,
    private readonly personalData: OrganisationPersonalDataRepository,
  ) {
    super(handlers);
  }

  async collect({ manager, userId }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const organisationsCreated = await this.personalData.findOrganisationsCreatedBy(manager, userId);
    return { sections: { organisationsCreated } };
  }
}
