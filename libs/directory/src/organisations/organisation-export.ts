import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  PersonalDataExportHandlers,
  PersonalDataExportPart,
  PersonalDataExportStep,
} from '@prossimo/platform';

/** "Download my data", the directory's part: the organisations the person registered. */
@Injectable()
export class OrganisationExport implements OnModuleInit {
  constructor(private readonly handlers: PersonalDataExportHandlers) {}

  onModuleInit(): void {
    this.handlers.register('directory', {
      sections: ['organisationsCreated'],
      tables: ['organisations', 'organisation_accreditations', 'service_offers'],
      collect: (step) => this.collect(step),
    });
  }

  private async collect({ manager, userId }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const organisationsCreated = await manager.query(
      `SELECT id, name, created_at AS "createdAt" FROM organisations WHERE created_by_user_id = $1`,
      [userId],
    );
    return { sections: { organisationsCreated } };
  }
}
