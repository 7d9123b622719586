import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';
import { ModerationPersonalDataRepository } from './personal-data.repository';

/**
 * "Download my data", moderation's part: the reports the person filed. The moderation records of
 * their content (moderation_items) are the moderators' work and stay out of the copy, as before.
 */
@Injectable()
export class ModerationExport extends PersonalDataExportArea {
  readonly area = 'moderation';
  readonly sections = ['reportsFiled'];
  readonly tables = ['moderation_items', 'content_reports'];

  constructor(private readonly personalData: ModerationPersonalDataRepository) {
    super();
  }

  async collect({ manager, userId }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const reportsFiled = await this.personalData.reportsFiledBy(manager, userId);
    return { sections: { reportsFiled } };
  }
}
