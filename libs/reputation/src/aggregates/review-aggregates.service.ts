import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { aggregateRatings, emptyAggregate, RatingAggregate, ReviewRatings } from './bayesian-average';
import { ReviewSubjectKind } from '../reviews/review.entity';
import {
  aggregateBayesianAverage,
  applyReviewChange,
  isAggregatePublic,
  overallSum,
  ratingsOf,
  ReputationPrior,
} from '../reviews/review-rules';
import { Reputation, ReviewCriterion, ReviewSubjectType } from '../reviews/review.types';
import { AggregateRow, ReviewAggregatesRepository } from './review-aggregates.repository';

export type AggregateSubjectKind = 'volunteer' | 'organisation' | 'offer';

export interface AggregateKey {
  kind: AggregateSubjectKind;
  id: string;
}

export interface StoredAggregate extends RatingAggregate {
  bayesianAverage: number;
}

/** Which aggregates a review counts in: a volunteer; an offer and its organisation; an organisation. */
export function aggregateKeysOf(review: {
  subjectKind: ReviewSubjectKind;
  subjectUserId: string | null;
  subjectOrganisationId: string | null;
  subjectOfferId: string | null;
}): AggregateKey[] {
  switch (review.subjectKind) {
    case 'volunteer':
      return [{ kind: 'volunteer', id: review.subjectUserId as string }];
    case 'offer':
      return [
        { kind: 'offer', id: review.subjectOfferId as string },
        { kind: 'organisation', id: review.subjectOrganisationId as string },
      ];
    case 'organisation':
      return [{ kind: 'organisation', id: review.subjectOrganisationId as string }];
    default:
      // Citizens' reviews stay between the two sides: no public figure about a person in need.
      return [];
  }
}

/**
 * Keeps review_aggregates equal to the published reviews. The job for a review compares what the
 * aggregates count for it (reviews.counted_criteria) with what they should count now, and applies
 * the difference incrementally under row locks: running it twice, or after a later edit's job,
 * changes nothing more.
 */
@Injectable()
export class ReviewAggregatesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly aggregates: ReviewAggregatesRepository,
  ) {}

  get prior(): ReputationPrior {
    return { mean: this.config.REPUTATION_PRIOR_MEAN, weight: this.config.REPUTATION_PRIOR_WEIGHT };
  }

  /** Brings the aggregates of one review's subject(s) up to date. Returns whether anything changed. */
  async updateForReview(reviewId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const review = await this.aggregates.lockReviewForAggregates(manager, reviewId);
      if (!review) return false;
      const keys = aggregateKeysOf(review);
      const wanted: ReviewRatings | null =
        review.status === 'published' && keys.length
          ? ratingsOf(review.criteriaSet, [review.c1, review.c2, review.c3])
          : null;
      const counted: ReviewRatings | null = review.countedCriteria
        ? { criteria: review.countedCriteria }
        : null;
      if (sameRatings(wanted, counted)) return false;
      // A fixed order of row locks, so two reviews of the same subjects cannot deadlock.
      for (const key of [...keys].sort((a, b) => `${a.kind}:${a.id}`.localeCompare(`${b.kind}:${b.id}`))) {
        const aggregate = await this.lockAggregate(manager, key);
        await this.store(manager, key, applyReviewChange(aggregate, counted, wanted));
      }
      await this.aggregates.setCountedCriteria(manager, review.id, wanted ? wanted.criteria : null);
      return true;
    });
  }

  /** The aggregate recomputed from the published reviews (a check, and a repair if ever needed). */
  async recompute(
    key: AggregateKey,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoredAggregate> {
    const rows = await this.aggregates.findPublishedStars(manager, key);
    const aggregate = aggregateRatings(
      rows.map((row) => ratingsOf(row.criteriaSet, [row.c1, row.c2, row.c3])),
    );
    return { ...aggregate, bayesianAverage: aggregateBayesianAverage(aggregate, this.prior) };
  }

  /** The stored aggregate (empty when the subject has no counted review). */
  async stored(
    key: AggregateKey,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoredAggregate> {
    const row = await this.aggregates.findAggregate(manager, key);
    const aggregate = row ? fromRow(row) : emptyAggregate();
    return { ...aggregate, bayesianAverage: aggregateBayesianAverage(aggregate, this.prior) };
  }

  /** The public figures; null below the minimum number of reviews. */
  async reputation(type: ReviewSubjectType, subjectId: string): Promise<Reputation> {
    if (type === ReviewSubjectType.CITIZEN) {
      throw new DomainError('FIELD_INVALID', { field: 'subjectType', params: { field: 'subjectType' } });
    }
    const aggregate = await this.stored({ kind: type as AggregateSubjectKind, id: subjectId });
    const shown = isAggregatePublic(aggregate.count, this.config.REVIEW_MIN_PUBLIC_COUNT);
    return {
      subjectType: type,
      subjectId,
      shown,
      reviewCount: shown ? aggregate.count : null,
      average: shown ? aggregate.overallMean : null,
      bayesianAverage: shown ? aggregate.bayesianAverage : null,
      criteria: shown
        ? Object.entries(aggregate.criteria).map(([criterion, value]) => ({
            criterion: criterion as ReviewCriterion,
            average: value.average,
          }))
        : null,
    };
  }

  private async lockAggregate(manager: EntityManager, key: AggregateKey): Promise<RatingAggregate> {
    return fromRow(await this.aggregates.lockAggregate(manager, key, this.prior.mean));
  }

  private async store(manager: EntityManager, key: AggregateKey, aggregate: RatingAggregate): Promise<void> {
    await this.aggregates.storeAggregate(manager, key, {
      count: aggregate.count,
      criteria: aggregate.criteria,
      byCriteriaCount: aggregate.byCriteriaCount,
      overallMean: aggregate.overallMean,
      overallSum: overallSum(aggregate),
      bayesianAverage: aggregateBayesianAverage(aggregate, this.prior),
    });
  }
}

function fromRow(row: AggregateRow): RatingAggregate {
  return {
    count: row.reviewCount,
    criteria: row.criteria,
    overallMean: row.overallMean,
    byCriteriaCount: row.byCriteriaCount,
  };
}

function sameRatings(a: ReviewRatings | null, b: ReviewRatings | null): boolean {
  if (!a || !b) return a === b;
  const keys = Object.keys(a.criteria);
  return (
    keys.length === Object.keys(b.criteria).length && keys.every((key) => a.criteria[key] === b.criteria[key])
  );
}
