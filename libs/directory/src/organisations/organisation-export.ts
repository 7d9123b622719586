import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';

/** "Download my data", the directory's part: the organisations the person registered. */
@Injectable()
export class OrganisationExport extends PersonalDataExportArea {
  readonly area = 'directory';
  readonly sections = ['organisationsCreated'];
  readonly tables = ['organisations', 'organisation_accreditations', 'service_offers'];

  async collect({ manager, userId }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const organisationsCreated = await manager.query(
      `SELECT id, name, created_at AS "createdAt" FROM organisations WHERE created_by_user_id = $1`,
      [userId],
    );
    return { sections: { organisationsCreated } };
  }
}
