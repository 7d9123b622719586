import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';

/**
 * "Download my data", moderation's part: the reports the person filed. The moderation records of
 * their content (moderation_items) are the moderators' work and stay out of the copy, as before.
 */
@Injectable()
export class ModerationExport extends PersonalDataExportArea {
  readonly area = 'moderation';
  readonly sections = ['reportsFiled'];
  readonly tables = ['moderation_items', 'content_reports'];

  async collect({ manager, userId }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const reportsFiled = await manager.query(
      `SELECT content_type AS "contentType", content_id AS "contentId", reason, created_at AS "createdAt"
         FROM content_reports WHERE reporter_user_id = $1`,
      [userId],
    );
    return { sections: { reportsFiled } };
  }
}
