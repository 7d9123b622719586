import { Injectable } from '@nestjs/common';
import { firstRow, onlyRow, Queryable } from '@prossimo/platform';
import { RatingAggregate } from './bayesian-average';
import { ReviewCriteriaSet, ReviewSubjectAndStars } from '../reviews/review.entity';
import type { AggregateKey } from './review-aggregates.service';

/** A review as its aggregates job reads it: its subject, stars, status and what the aggregates count of it. */
export interface ReviewForAggregates extends ReviewSubjectAndStars {
  id: string;
  status: string;
  countedCriteria: Record<string, number> | null;
}

/** A stored aggregate row. */
export interface AggregateRow {
  reviewCount: number;
  criteria: RatingAggregate['criteria'];
  byCriteriaCount: RatingAggregate['byCriteriaCount'];
  overallMean: number | null;
  bayesianAverage: number;
}

/** A published review's stars. */
export interface PublishedStarsRow {
  criteriaSet: ReviewCriteriaSet;
  c1: number;
  c2: number;
  c3: number;
}

/** An aggregate's values as stored, computed by the service. */
export interface AggregateValues {
  count: number;
  criteria: RatingAggregate['criteria'];
  byCriteriaCount: RatingAggregate['byCriteriaCount'];
  overallMean: number | null;
  overallSum: number;
  bayesianAverage: number;
}

const AGGREGATE_COLUMNS = `review_count AS "reviewCount", criteria, by_criteria_count AS "byCriteriaCount",
  overall_mean AS "overallMean", bayesian_average AS "bayesianAverage"`;

/** The review_aggregates table, and the reviews as the aggregates count them; in the caller's manager or transaction. */
@Injectable()
export class ReviewAggregatesRepository {
  /** Locks the review (FOR UPDATE) and reads what its aggregates need. */
  lockReviewForAggregates(db: Queryable, reviewId: string): Promise<ReviewForAggregates | undefined> {
    return firstRow<ReviewForAggregates>(
      db,
      `SELECT id, status, subject_kind AS "subjectKind", subject_user_id AS "subjectUserId",
                subject_organisation_id AS "subjectOrganisationId", subject_offer_id AS "subjectOfferId",
                criteria_set AS "criteriaSet", criterion1_stars AS c1, criterion2_stars AS c2,
                criterion3_stars AS c3, counted_criteria AS "countedCriteria"
           FROM reviews WHERE id = $1 FOR UPDATE`,
      [reviewId],
    );
  }

  /** What the aggregates now count of the review (null: nothing). */
  async setCountedCriteria(
    db: Queryable,
    reviewId: string,
    criteria: Record<string, number> | null,
  ): Promise<void> {
    await db.query(`UPDATE reviews SET counted_criteria = $2 WHERE id = $1`, [
      reviewId,
      criteria ? JSON.stringify(criteria) : null,
    ]);
  }

  /** The stars of the published reviews counted in the aggregate. */
  findPublishedStars(db: Queryable, key: AggregateKey): Promise<PublishedStarsRow[]> {
    const column =
      key.kind === 'volunteer'
        ? `subject_kind = 'volunteer' AND subject_user_id`
        : key.kind === 'offer'
          ? `subject_kind = 'offer' AND subject_offer_id`
          : `subject_kind IN ('offer', 'organisation') AND subject_organisation_id`;
    return db.query(
      `SELECT criteria_set AS "criteriaSet", criterion1_stars AS c1, criterion2_stars AS c2, criterion3_stars AS c3
         FROM reviews WHERE ${column} = $1 AND status = 'published'`,
      [key.id],
    );
  }

  findAggregate(db: Queryable, key: AggregateKey): Promise<AggregateRow | undefined> {
    return firstRow<AggregateRow>(
      db,
      `SELECT ${AGGREGATE_COLUMNS} FROM review_aggregates WHERE subject_kind = $1 AND subject_id = $2`,
      [key.kind, key.id],
    );
  }

  /** Creates the subject's empty aggregate (at the prior mean) if there is none, then locks it (FOR UPDATE). */
  async lockAggregate(db: Queryable, key: AggregateKey, priorMean: number): Promise<AggregateRow> {
    await db.query(
      `INSERT INTO review_aggregates (subject_kind, subject_id, review_count, criteria, by_criteria_count,
                                      overall_mean, overall_sum, bayesian_average)
       VALUES ($1, $2, 0, '{}', '{}', NULL, 0, $3) ON CONFLICT DO NOTHING`,
      [key.kind, key.id, priorMean],
    );
    return onlyRow<AggregateRow>(
      db,
      `SELECT ${AGGREGATE_COLUMNS} FROM review_aggregates WHERE subject_kind = $1 AND subject_id = $2 FOR UPDATE`,
      [key.kind, key.id],
    );
  }

  async storeAggregate(db: Queryable, key: AggregateKey, values: AggregateValues): Promise<void> {
    await db.query(
      `UPDATE review_aggregates SET review_count = $3, criteria = $4, by_criteria_count = $5, overall_mean = $6,
              overall_sum = $7, bayesian_average = $8, updated_at = now()
        WHERE subject_kind = $1 AND subject_id = $2`,
      [
        key.kind,
        key.id,
        values.count,
        JSON.stringify(values.criteria),
        JSON.stringify(values.byCriteriaCount),
        values.overallMean,
        values.overallSum,
        values.bayesianAverage,
      ],
    );
  }
}
