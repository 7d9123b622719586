import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ModerationStatus } from '@prossimo/moderation';
import { CursorAt, firstRow, keysetPageSql, onlyRow, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { HeldReason } from '../screening/comment-screening';
import {
  ReviewAuthorSide,
  ReviewCriteriaSet,
  ReviewStatus,
  ReviewSubjectAndStars,
  ReviewSubjectKind,
} from './review.entity';

/** A review with its reply, as read for showing or changing it. */
export interface ReviewRow extends ReviewSubjectAndStars {
  id: string;
  engagementId: string;
  comuneIstat: string;
  authorUserId: string | null;
  overallStars: string;
  comment: string | null;
  status: ReviewStatus;
  heldReasons: HeldReason[];
  createdAt: Date;
  editedAt: Date | null;
  replyId: string | null;
  replyBody: string | null;
  replyStatus: ReviewStatus | null;
  replyAuthorUserId: string | null;
  replyHeldReasons: HeldReason[] | null;
  replyCreatedAt: Date | null;
}

const REVIEW_COLUMNS = `r.id, r.engagement_id AS "engagementId", r.comune_istat AS "comuneIstat",
  r.author_user_id AS "authorUserId", r.subject_kind AS "subjectKind", r.subject_user_id AS "subjectUserId",
  r.subject_organisation_id AS "subjectOrganisationId", r.subject_offer_id AS "subjectOfferId",
  r.criteria_set AS "criteriaSet", r.criterion1_stars AS c1, r.criterion2_stars AS c2, r.criterion3_stars AS c3,
  r.overall_stars AS "overallStars", r.comment, r.status, r.held_reasons AS "heldReasons",
  r.created_at AS "createdAt", r.edited_at AS "editedAt",
  rr.id AS "replyId", rr.body AS "replyBody", rr.status AS "replyStatus", rr.author_user_id AS "replyAuthorUserId",
  rr.held_reasons AS "replyHeldReasons", rr.created_at AS "replyCreatedAt"`;
const REVIEW_FROM = `reviews r LEFT JOIN review_replies rr ON rr.review_id = r.id`;

/** A new review, its subject and stars decided by the service. */
export interface NewReview {
  engagementId: string;
  territoryId: string | null;
  comuneIstat: string;
  authorUserId: string;
  authorSide: ReviewAuthorSide;
  subjectKind: ReviewSubjectKind;
  subjectUserId: string | null;
  subjectOrganisationId: string | null;
  subjectOfferId: string | null;
  criteriaSet: ReviewCriteriaSet;
  stars: [number, number, number];
  comment: string | null;
  heldReasons: HeldReason[];
}

/** The reviews and review_replies tables, with the review requests' reminders. */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the review as pending; undefined when this side of the engagement has already written one. */
  async insertReview(db: Queryable, review: NewReview): Promise<string | undefined> {
    const row = await firstRow<{ id: string }>(
      db,
      `INSERT INTO reviews (engagement_id, territory_id, comune_istat, author_user_id, author_side, subject_kind,
                              subject_user_id, subject_organisation_id, subject_offer_id, criteria_set,
                              criterion1_stars, criterion2_stars, criterion3_stars, comment, held_reasons, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'pending')
         ON CONFLICT (engagement_id, author_side) DO NOTHING RETURNING id`,
      [
        review.engagementId,
        review.territoryId,
        review.comuneIstat,
        review.authorUserId,
        review.authorSide,
        review.subjectKind,
        review.subjectUserId,
        review.subjectOrganisationId,
        review.subjectOfferId,
        review.criteriaSet,
        review.stars[0],
        review.stars[1],
        review.stars[2],
        review.comment,
        review.heldReasons,
      ],
    );
    return row?.id;
  }

  /** The author's edit: stars, comment and its screening. */
  async updateReviewContent(
    db: Queryable,
    reviewId: string,
    stars: [number, number, number],
    comment: string | null,
    heldReasons: HeldReason[],
  ): Promise<void> {
    await db.query(
      `UPDATE reviews SET criterion1_stars = $2, criterion2_stars = $3, criterion3_stars = $4, comment = $5,
                held_reasons = $6, edited_at = now(), updated_at = now()
          WHERE id = $1`,
      [reviewId, stars[0], stars[1], stars[2], comment, heldReasons],
    );
  }

  /** Inserts the reply as pending; undefined when the review already has one. */
  async insertReply(
    db: Queryable,
    reviewId: string,
    authorUserId: string,
    body: string,
    heldReasons: HeldReason[],
  ): Promise<string | undefined> {
    const reply = await firstRow<{ id: string }>(
      db,
      `INSERT INTO review_replies (review_id, author_user_id, body, held_reasons, status)
         VALUES ($1, $2, $3, $4, 'pending') ON CONFLICT (review_id) DO NOTHING RETURNING id`,
      [reviewId, authorUserId, body, heldReasons],
    );
    return reply?.id;
  }

  /** The reply's status as moderation set it when it was submitted. */
  async setReplyStatus(db: Queryable, replyId: string, status: ModerationStatus): Promise<void> {
    await db.query(`UPDATE review_replies SET status = $2 WHERE id = $1`, [replyId, status]);
  }

  /** Moderation's status for the review; answers the status it had, undefined if there is no such review. */
  async updateStatusFromModeration(
    db: Queryable,
    reviewId: string,
    status: ModerationStatus,
  ): Promise<ReviewStatus | undefined> {
    // UPDATE ... RETURNING comes back from TypeORM as [rows, rowCount].
    const [[row]]: [{ from: ReviewStatus }[], number] = await db.query(
      `UPDATE reviews r SET status = $2, updated_at = now() FROM reviews old
        WHERE r.id = $1 AND old.id = r.id RETURNING old.status AS "from"`,
      [reviewId, status],
    );
    return row?.from;
  }

  /** Locks the review (FOR UPDATE) and answers its comment; undefined if there is no such review. */
  lockReviewComment(db: Queryable, reviewId: string): Promise<{ comment: string | null } | undefined> {
    return firstRow<{ comment: string | null }>(db, `SELECT comment FROM reviews WHERE id = $1 FOR UPDATE`, [
      reviewId,
    ]);
  }

  /** The redacted comment replaces the stored one; its screening is settled. */
  async storeRedactedComment(db: Queryable, reviewId: string, comment: string): Promise<void> {
    await db.query(`UPDATE reviews SET comment = $2, held_reasons = '{}', updated_at = now() WHERE id = $1`, [
      reviewId,
      comment,
    ]);
  }

  /** Locks the reply (FOR UPDATE) and answers its body; undefined if there is no such reply. */
  lockReplyBody(db: Queryable, replyId: string): Promise<{ body: string } | undefined> {
    return firstRow<{ body: string }>(db, `SELECT body FROM review_replies WHERE id = $1 FOR UPDATE`, [
      replyId,
    ]);
  }

  /** The redacted body replaces the stored one; its screening is settled. */
  async storeRedactedReply(db: Queryable, replyId: string, body: string): Promise<void> {
    await db.query(
      `UPDATE review_replies SET body = $2, held_reasons = '{}', updated_at = now() WHERE id = $1`,
      [replyId, body],
    );
  }

  /** Moderation's status for the reply. */
  async updateReplyStatusFromModeration(
    db: Queryable,
    replyId: string,
    status: ModerationStatus,
  ): Promise<void> {
    await db.query(`UPDATE review_replies SET status = $2, updated_at = now() WHERE id = $1`, [
      replyId,
      status,
    ]);
  }

  findReview(reviewId: string): Promise<ReviewRow | undefined> {
    return firstRow<ReviewRow>(
      this.dataSource,
      `SELECT ${REVIEW_COLUMNS} FROM ${REVIEW_FROM} WHERE r.id = $1`,
      [reviewId],
    );
  }

  /** Locks the review (not its reply) and reads it with its reply. */
  lockReview(db: Queryable, reviewId: string): Promise<ReviewRow | undefined> {
    return firstRow<ReviewRow>(
      db,
      `SELECT ${REVIEW_COLUMNS} FROM ${REVIEW_FROM} WHERE r.id = $1 FOR UPDATE OF r`,
      [reviewId],
    );
  }

  /** How many published, non-citizen reviews the subject has, by its column (subjectColumn). */
  async countPublishedOf(subjectColumn: string, subjectId: string): Promise<number> {
    const { n } = await onlyRow<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n FROM reviews r WHERE ${subjectColumn} = $1 AND r.status = 'published'
          AND r.subject_kind <> 'citizen'`,
      [subjectId],
    );
    return n;
  }

  /**
   * Reviews (with replies) meeting the conditions on `r` and `rr` (their values in `params`), after
   * the cursor: oldest first for `ASC`, newest first for `DESC`; a page plus one.
   */
  findReviewsPage(
    conditions: string[],
    params: unknown[],
    after: string | undefined,
    order: 'ASC' | 'DESC',
    first: number,
  ): Promise<(ReviewRow & CursorAt)[]> {
    const keyset = keysetPageSql({ at: 'r.created_at', id: 'r.id' }, order, { after, first }, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${REVIEW_COLUMNS}, ${keyset.cursorColumn} FROM ${REVIEW_FROM}
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** The review's status as moderation set it when it was submitted. */
  async setReviewStatus(db: Queryable, reviewId: string, status: ReviewStatus): Promise<void> {
    await db.query(`UPDATE reviews SET status = $2 WHERE id = $1`, [reviewId, status]);
  }

  /** The sides that have reviewed the engagement. */
  async findSidesThatReviewed(db: Queryable, engagementId: string): Promise<ReviewAuthorSide[]> {
    const written: { author_side: ReviewAuthorSide }[] = await db.query(
      `SELECT author_side FROM reviews WHERE engagement_id = $1`,
      [engagementId],
    );
    return written.map((row) => row.author_side);
  }

  /** Records the reminder to a side; false when it was already recorded (sent). */
  async recordReminder(db: Queryable, engagementId: string, side: ReviewAuthorSide): Promise<boolean> {
    const inserted: unknown[] = await db.query(
      `INSERT INTO review_reminders (engagement_id, author_side) VALUES ($1, $2)
           ON CONFLICT DO NOTHING RETURNING engagement_id`,
      [engagementId, side],
    );
    return inserted.length > 0;
  }
}
