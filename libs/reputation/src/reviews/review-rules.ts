// Pure rules of reviews: which criteria a subject is rated on, when a review may be written or
// edited, and the aggregate's Bayesian average. No Nest or database here.

import {
  addToAggregate,
  bayesianAverage,
  RatingAggregate,
  removeFromAggregate,
  ReviewRatings,
} from '../aggregates/bayesian-average';
import { ReviewCriteriaSet, ReviewSubjectKind } from './review.entity';

/** Criterion names in column order (criterion1_stars, criterion2_stars, criterion3_stars). */
export const CRITERIA: Record<ReviewCriteriaSet, readonly [string, string, string]> = {
  person: ['punctuality', 'respect', 'helpQuality'],
  service: ['quality', 'priceClarity', 'reliability'],
};

export function criteriaSetOf(subjectKind: ReviewSubjectKind): ReviewCriteriaSet {
  return subjectKind === 'offer' || subjectKind === 'organisation' ? 'service' : 'person';
}

/** The three column values as named ratings, as the aggregates count them. */
export function ratingsOf(set: ReviewCriteriaSet, stars: readonly [number, number, number]): ReviewRatings {
  const [a, b, c] = CRITERIA[set];
  return { criteria: { [a]: stars[0], [b]: stars[1], [c]: stars[2] } };
}

export type ReviewWindowCheck = 'ok' | 'not_completed' | 'window_closed';

/** A review may be written from completion until `windowDays` after it. */
export function checkReviewWindow(
  status: string,
  completedAt: Date | null,
  now: Date,
  windowDays: number,
): ReviewWindowCheck {
  if (status !== 'completed' || !completedAt) return 'not_completed';
  return now.getTime() - completedAt.getTime() <= windowDays * 86_400_000 ? 'ok' : 'window_closed';
}

/** A review may be edited by its author for `editHours` after it was written. */
export function canEditReview(createdAt: Date, now: Date, editHours: number): boolean {
  return now.getTime() - createdAt.getTime() <= editHours * 3_600_000;
}

export interface ReputationPrior {
  mean: number;
  weight: number;
}

/**
 * The Bayesian average of an aggregate's overall stars (each review's own mean). With no reviews
 * and no prior weight there is nothing to say: the prior mean stands in.
 */
export function aggregateBayesianAverage(aggregate: RatingAggregate, prior: ReputationPrior): number {
  if (aggregate.count === 0 && prior.weight === 0) return prior.mean;
  return bayesianAverage({
    count: aggregate.count,
    sum: overallSum(aggregate),
    priorMean: prior.mean,
    priorWeight: prior.weight,
  });
}

/** Sum of the review means (count × overall mean), clamped against floating-point overshoot. */
export function overallSum(aggregate: RatingAggregate): number {
  if (aggregate.count === 0 || aggregate.overallMean === null) return 0;
  return Math.min(Math.max(aggregate.overallMean * aggregate.count, aggregate.count), aggregate.count * 5);
}

/** Aggregates are public only from a minimum count, so that one person's review is not identifiable. */
export function isAggregatePublic(count: number, minimum: number): boolean {
  return count >= minimum;
}

/**
 * One review's change in an aggregate: take out what was counted for it (if anything), put in
 * what should count now (if anything). Applying the same change again must be avoided by the
 * caller (it records what is counted), which is what makes the queue job idempotent.
 */
export function applyReviewChange(
  aggregate: RatingAggregate,
  counted: ReviewRatings | null,
  wanted: ReviewRatings | null,
): RatingAggregate {
  let next = aggregate;
  if (counted) next = removeFromAggregate(next, counted);
  if (wanted) next = addToAggregate(next, wanted);
  return next;
}
