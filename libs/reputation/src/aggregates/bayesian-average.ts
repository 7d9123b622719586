// Reputation scores. A Bayesian average pulls helpers with few reviews towards a
// prior, so one enthusiastic 5-star review does not outrank a long good record.

import { RuleInputError } from '@prossimo/platform/rules';

export type RatingErrorCode = 'RATING_INPUT_INVALID' | 'RATING_NOT_IN_AGGREGATE';

export class RatingInputError extends RuleInputError<RatingErrorCode> {}

export const MIN_STARS = 1;
export const MAX_STARS = 5;

export interface BayesianAverageInput {
  /** Number of ratings observed. */
  count: number;
  /** Sum of those ratings. */
  sum: number;
  /** Mean assumed before any rating, e.g. the platform-wide average. */
  priorMean: number;
  /** How many ratings the prior is worth. */
  priorWeight: number;
}

/** (priorWeight × priorMean + sum) / (priorWeight + count). */
export function bayesianAverage({ count, sum, priorMean, priorWeight }: BayesianAverageInput): number {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RatingInputError('RATING_INPUT_INVALID', 'count', 'count must be a non-negative integer');
  }
  if (!Number.isFinite(sum)) throw new RatingInputError('RATING_INPUT_INVALID', 'sum', 'sum must be finite');
  if (!Number.isFinite(priorMean)) {
    throw new RatingInputError('RATING_INPUT_INVALID', 'priorMean', 'priorMean must be finite');
  }
  if (!Number.isFinite(priorWeight) || priorWeight < 0) {
    throw new RatingInputError('RATING_INPUT_INVALID', 'priorWeight', 'priorWeight must be finite and >= 0');
  }
  // Exact by definition; the formula would round w·m/w.
  if (count === 0) {
    if (priorWeight === 0) {
      throw new RatingInputError('RATING_INPUT_INVALID', 'priorWeight', 'no ratings and no prior: undefined');
    }
    return priorMean;
  }
  const value = (priorWeight * priorMean + sum) / (priorWeight + count);
  // The exact result lies between the prior and the sample mean; clamping only removes
  // floating-point overshoot, so valid stars can never score outside [1, 5].
  const sampleMean = sum / count;
  return Math.min(Math.max(value, Math.min(priorMean, sampleMean)), Math.max(priorMean, sampleMean));
}

export interface ReviewRatings {
  /** Stars per criterion (e.g. puntualita, cortesia): integers 1–5. */
  criteria: Readonly<Record<string, number>>;
}

export interface CriterionAggregate {
  count: number;
  sum: number;
  average: number;
}

export interface ReviewGroupTotals {
  reviews: number;
  stars: number;
}

export interface RatingAggregate {
  count: number;
  /** Per-criterion totals and averages, only for criteria that have ratings. */
  criteria: Record<string, CriterionAggregate>;
  /** Mean over reviews of each review's own mean; null when there are no reviews. */
  overallMean: number | null;
  /**
   * Star totals grouped by how many criteria a review rated. Keeping integers per
   * group (rather than a running float sum of review means) makes add/remove exact,
   * so the incremental aggregate always equals a from-scratch recomputation.
   */
  byCriteriaCount: Record<string, ReviewGroupTotals>;
}

const CRITERION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function checkReview(review: ReviewRatings): [string, number][] {
  const entries = Object.entries(review.criteria);
  if (entries.length === 0) {
    throw new RatingInputError(
      'RATING_INPUT_INVALID',
      'criteria',
      'a review must rate at least one criterion',
    );
  }
  for (const [name, stars] of entries) {
    // Identifier-like keys only: also rules out '__proto__', which would not
    // become an own property of the plain result objects.
    if (!CRITERION_NAME.test(name)) {
      throw new RatingInputError(
        'RATING_INPUT_INVALID',
        'criteria',
        `invalid criterion name ${JSON.stringify(name)}`,
      );
    }
    // Integer stars keep every sum exact (see byCriteriaCount).
    if (!Number.isInteger(stars) || stars < MIN_STARS || stars > MAX_STARS) {
      throw new RatingInputError(
        'RATING_INPUT_INVALID',
        `criteria.${name}`,
        'stars must be an integer from 1 to 5',
      );
    }
  }
  return entries;
}

function finish(
  count: number,
  criteria: Map<string, { count: number; sum: number }>,
  groups: Map<number, ReviewGroupTotals>,
): RatingAggregate {
  const criteriaOut: Record<string, CriterionAggregate> = {};
  const byKey = <T>(a: [string | number, T], b: [string | number, T]) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  for (const [name, { count: n, sum }] of [...criteria.entries()].sort(byKey)) {
    if (n > 0) criteriaOut[name] = { count: n, sum, average: sum / n };
  }
  const groupsOut: Record<string, ReviewGroupTotals> = {};
  let meanSum = 0;
  // Fixed summation order so equal state always gives a bit-identical mean.
  for (const [size, group] of [...groups.entries()].sort(byKey)) {
    if (group.reviews === 0) continue;
    groupsOut[String(size)] = { reviews: group.reviews, stars: group.stars };
    meanSum += group.stars / size;
  }
  return {
    count,
    criteria: criteriaOut,
    overallMean: count === 0 ? null : meanSum / count,
    byCriteriaCount: groupsOut,
  };
}

function unpack(aggregate: RatingAggregate) {
  const criteria = new Map(
    Object.entries(aggregate.criteria).map(([k, v]) => [k, { count: v.count, sum: v.sum }]),
  );
  const groups = new Map(
    Object.entries(aggregate.byCriteriaCount).map(([k, v]) => [
      Number(k),
      { reviews: v.reviews, stars: v.stars },
    ]),
  );
  return { criteria, groups };
}

function apply(aggregate: RatingAggregate, review: ReviewRatings, sign: 1 | -1): RatingAggregate {
  const entries = checkReview(review);
  const { criteria, groups } = unpack(aggregate);
  // Removing a review that was never added can only be caught when it leaves the
  // totals impossible (negative counts, sums outside 1–5 stars each).
  const missing = () =>
    new RatingInputError('RATING_NOT_IN_AGGREGATE', 'review', 'the review was not part of this aggregate');
  let stars = 0;
  for (const [name, value] of entries) {
    stars += value;
    const current = criteria.get(name) ?? { count: 0, sum: 0 };
    const next = { count: current.count + sign, sum: current.sum + sign * value };
    if (next.sum < next.count * MIN_STARS || next.sum > next.count * MAX_STARS) throw missing();
    criteria.set(name, next);
  }
  const group = groups.get(entries.length) ?? { reviews: 0, stars: 0 };
  const nextGroup = { reviews: group.reviews + sign, stars: group.stars + sign * stars };
  const count = aggregate.count + sign;
  const size = entries.length;
  if (
    count < 0 ||
    nextGroup.stars < nextGroup.reviews * size * MIN_STARS ||
    nextGroup.stars > nextGroup.reviews * size * MAX_STARS
  ) {
    throw missing();
  }
  groups.set(entries.length, nextGroup);
  return finish(count, criteria, groups);
}

export function emptyAggregate(): RatingAggregate {
  return { count: 0, criteria: {}, overallMean: null, byCriteriaCount: {} };
}

/** Returns a new aggregate including the review; the input is not modified. */
export function addToAggregate(aggregate: RatingAggregate, review: ReviewRatings): RatingAggregate {
  return apply(aggregate, review, 1);
}

/** Returns a new aggregate without the review (e.g. after moderation removes it). */
export function removeFromAggregate(aggregate: RatingAggregate, review: ReviewRatings): RatingAggregate {
  return apply(aggregate, review, -1);
}

/** Aggregates from scratch: count, per-criterion averages and the overall mean. */
export function aggregateRatings(reviews: readonly ReviewRatings[]): RatingAggregate {
  const criteria = new Map<string, { count: number; sum: number }>();
  const groups = new Map<number, ReviewGroupTotals>();
  for (const review of reviews) {
    const entries = checkReview(review);
    let stars = 0;
    for (const [name, value] of entries) {
      stars += value;
      const current = criteria.get(name) ?? { count: 0, sum: 0 };
      criteria.set(name, { count: current.count + 1, sum: current.sum + value });
    }
    const group = groups.get(entries.length) ?? { reviews: 0, stars: 0 };
    groups.set(entries.length, { reviews: group.reviews + 1, stars: group.stars + stars });
  }
  return finish(reviews.length, criteria, groups);
}
