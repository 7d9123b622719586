import { Injectable } from '@nestjs/common';
import { Queryable } from '@prossimo/platform';

/** A review's stars, comment and state, as "download my data" shows them. */
interface ExportedReview {
  id: string;
  engagementId: string;
  criterion1Stars: number;
  criterion2Stars: number;
  criterion3Stars: number;
  overallStars: string;
  comment: string | null;
  status: string;
  createdAt: Date;
}

/** A review the person wrote. */
export interface ReviewWrittenRow extends ExportedReview {
  subjectKind: string;
  editedAt: Date | null;
}

/** A review about the person (without its author), with their own reply. */
export interface ReviewReceivedRow extends ExportedReview {
  myReply: string | null;
}

/** A reply the person wrote. */
export interface ReviewReplyWrittenRow {
  reviewId: string;
  body: string;
  status: string;
  createdAt: Date;
}

/** Reputation's personal data: erasure and export, in the caller's transaction. */
@Injectable()
export class ReviewPersonalDataRepository {
  /** Removes the comments of reviews by or about the person; answers how many reviews changed. */
  async removeCommentsByOrAbout(db: Queryable, userId: string): Promise<number> {
    // UPDATE comes back from TypeORM as [rows, rowCount].
    const [, reviewsAnonymised]: [unknown[], number] = await db.query(
      `UPDATE reviews SET comment = NULL, updated_at = now()
        WHERE (author_user_id = $1 OR subject_user_id = $1) AND comment IS NOT NULL`,
      [userId],
    );
    return reviewsAnonymised;
  }

  /** Blanks the replies the person wrote and those to reviews about them. */
  async blankRepliesByOrAbout(db: Queryable, userId: string, erasedText: string): Promise<void> {
    await db.query(
      `UPDATE review_replies SET body = $2, updated_at = now()
        WHERE author_user_id = $1 OR review_id IN (SELECT id FROM reviews WHERE subject_user_id = $1)`,
      [userId, erasedText],
    );
  }

  async findReviewIdsAbout(db: Queryable, userId: string): Promise<string[]> {
    const aboutThem: { id: string }[] = await db.query(`SELECT id FROM reviews WHERE subject_user_id = $1`, [
      userId,
    ]);
    return aboutThem.map((review) => review.id);
  }

  findReviewsWrittenBy(db: Queryable, userId: string): Promise<ReviewWrittenRow[]> {
    return db.query(
      `SELECT id, engagement_id AS "engagementId", subject_kind AS "subjectKind", criterion1_stars AS "criterion1Stars",
              criterion2_stars AS "criterion2Stars", criterion3_stars AS "criterion3Stars", overall_stars AS "overallStars",
              comment, status, created_at AS "createdAt", edited_at AS "editedAt"
         FROM reviews WHERE author_user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  findReviewsAbout(db: Queryable, userId: string): Promise<ReviewReceivedRow[]> {
    return db.query(
      `SELECT r.id, r.engagement_id AS "engagementId", r.criterion1_stars AS "criterion1Stars",
              r.criterion2_stars AS "criterion2Stars", r.criterion3_stars AS "criterion3Stars",
              r.overall_stars AS "overallStars", r.comment, r.status, r.created_at AS "createdAt",
              rr.body AS "myReply"
         FROM reviews r LEFT JOIN review_replies rr ON rr.review_id = r.id AND rr.author_user_id = $1
        WHERE r.subject_user_id = $1 ORDER BY r.created_at`,
      [userId],
    );
  }

  findRepliesWrittenBy(db: Queryable, userId: string): Promise<ReviewReplyWrittenRow[]> {
    return db.query(
      `SELECT review_id AS "reviewId", body, status, created_at AS "createdAt"
         FROM review_replies WHERE author_user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }
}
