import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';

/**
 * "Download my data", reputation's part: reviews the person wrote, reviews about them (without
 * saying who wrote them, with their own reply) and the replies they wrote.
 */
@Injectable()
export class ReviewExport extends PersonalDataExportArea {
  readonly area = 'reputation';
  readonly sections = ['reviewsWritten', 'reviewsReceived', 'reviewRepliesWritten'];
  readonly tables = ['reviews', 'review_replies'];

  async collect({ manager, userId }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const reviewsWritten = await manager.query(
      `SELECT id, engagement_id AS "engagementId", subject_kind AS "subjectKind", criterion1_stars AS "criterion1Stars",
              criterion2_stars AS "criterion2Stars", criterion3_stars AS "criterion3Stars", overall_stars AS "overallStars",
              comment, status, created_at AS "createdAt", edited_at AS "editedAt"
         FROM reviews WHERE author_user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const reviewsReceived = await manager.query(
      `SELECT r.id, r.engagement_id AS "engagementId", r.criterion1_stars AS "criterion1Stars",
              r.criterion2_stars AS "criterion2Stars", r.criterion3_stars AS "criterion3Stars",
              r.overall_stars AS "overallStars", r.comment, r.status, r.created_at AS "createdAt",
              rr.body AS "myReply"
         FROM reviews r LEFT JOIN review_replies rr ON rr.review_id = r.id AND rr.author_user_id = $1
        WHERE r.subject_user_id = $1 ORDER BY r.created_at`,
      [userId],
    );
    const reviewRepliesWritten = await manager.query(
      `SELECT review_id AS "reviewId", body, status, created_at AS "createdAt"
         FROM review_replies WHERE author_user_id = $1 ORDER BY created_at`,
      [userId],
    );
    return { sections: { reviewsWritten, reviewsReceived, reviewRepliesWritten } };
  }
}
