import fc from 'fast-check';
import {
  aggregateRatings,
  emptyAggregate,
  MAX_STARS,
  MIN_STARS,
  ReviewRatings,
} from '../aggregates/bayesian-average';
import {
  aggregateBayesianAverage,
  applyReviewChange,
  canEditReview,
  checkReviewWindow,
  CRITERIA,
  criteriaSetOf,
  overallSum,
  ratingsOf,
} from './review-rules';

const star = fc.integer({ min: MIN_STARS, max: MAX_STARS });
const stars = fc.tuple(star, star, star);
const criteriaSet = fc.constantFrom('person' as const, 'service' as const);
const review = fc.tuple(criteriaSet, stars).map(([set, s]) => ratingsOf(set, s));
const prior = fc.record({
  mean: fc.double({ min: 1, max: 5, noNaN: true }),
  weight: fc.double({ min: 0, max: 100, noNaN: true }),
});
const meanOf = (r: ReviewRatings) => Object.values(r.criteria).reduce((a, b) => a + b, 0) / 3;

describe('review criteria', () => {
  it('rates people and services on their own three criteria', () => {
    expect(criteriaSetOf('volunteer')).toBe('person');
    expect(criteriaSetOf('citizen')).toBe('person');
    expect(criteriaSetOf('offer')).toBe('service');
    expect(criteriaSetOf('organisation')).toBe('service');
    expect(ratingsOf('service', [5, 3, 4])).toEqual({
      criteria: { quality: 5, priceClarity: 3, reliability: 4 },
    });
    expect(CRITERIA.person).toEqual(['punctuality', 'respect', 'helpQuality']);
  });
});

describe('review window and edit time', () => {
  const completedAt = new Date('2026-03-01T10:00:00Z');
  const days = (n: number) => new Date(completedAt.getTime() + n * 86_400_000);

  it('opens at completion and closes after the configured days', () => {
    expect(checkReviewWindow('completed', completedAt, days(0), 14)).toBe('ok');
    expect(checkReviewWindow('completed', completedAt, days(14), 14)).toBe('ok');
    expect(checkReviewWindow('completed', completedAt, days(14.001), 14)).toBe('window_closed');
  });

  it('refuses engagements that did not complete', () => {
    for (const status of ['confirmed', 'in_progress', 'cancelled', 'no_show']) {
      expect(checkReviewWindow(status, null, days(1), 14)).toBe('not_completed');
    }
    expect(checkReviewWindow('cancelled', completedAt, days(1), 14)).toBe('not_completed');
  });

  it('allows edits for the configured hours only', () => {
    const written = new Date('2026-03-02T10:00:00Z');
    expect(canEditReview(written, new Date(written.getTime() + 48 * 3_600_000), 48)).toBe(true);
    expect(canEditReview(written, new Date(written.getTime() + 48 * 3_600_000 + 1), 48)).toBe(false);
  });
});

describe('aggregate Bayesian average', () => {
  it('stays within the star range for any reviews and prior', () => {
    fc.assert(
      fc.property(fc.array(review, { maxLength: 60 }), prior, (reviews, p) => {
        const value = aggregateBayesianAverage(aggregateRatings(reviews), p);
        expect(value).toBeGreaterThanOrEqual(MIN_STARS);
        expect(value).toBeLessThanOrEqual(MAX_STARS);
        const aggregate = aggregateRatings(reviews);
        expect(overallSum(aggregate)).toBeGreaterThanOrEqual(aggregate.count * MIN_STARS);
        expect(overallSum(aggregate)).toBeLessThanOrEqual(aggregate.count * MAX_STARS);
      }),
    );
  });

  it('with no more reviews than the prior is worth, stays nearer the prior than the reviews’ mean', () => {
    fc.assert(
      fc.property(fc.array(review, { minLength: 1, maxLength: 10 }), prior, (reviews, p) => {
        fc.pre(reviews.length <= p.weight);
        const aggregate = aggregateRatings(reviews);
        const value = aggregateBayesianAverage(aggregate, p);
        const mean = aggregate.overallMean as number;
        expect(Math.abs(value - p.mean)).toBeLessThanOrEqual(Math.abs(value - mean) + 1e-9);
      }),
    );
  });

  it('is the prior with no reviews, and leaves it further behind as the same reviews repeat', () => {
    fc.assert(
      fc.property(
        fc.array(review, { minLength: 1, maxLength: 5 }),
        prior,
        fc.integer({ min: 1, max: 20 }),
        (reviews, p, k) => {
          fc.pre(p.weight > 0);
          expect(aggregateBayesianAverage(emptyAggregate(), p)).toBe(p.mean);
          const after = (times: number) =>
            aggregateBayesianAverage(
              aggregateRatings(Array.from({ length: times }, () => reviews).flat()),
              p,
            );
          expect(Math.abs(after(k + 1) - p.mean)).toBeGreaterThanOrEqual(Math.abs(after(k) - p.mean) - 1e-9);
          const mean = reviews.map(meanOf).reduce((a, b) => a + b, 0) / reviews.length;
          expect(after(k)).toBeGreaterThanOrEqual(Math.min(p.mean, mean) - 1e-9);
          expect(after(k)).toBeLessThanOrEqual(Math.max(p.mean, mean) + 1e-9);
        },
      ),
    );
  });

  it('kept through writes, edits, hides and restores equals a from-scratch recount', () => {
    // Each step changes one of a few reviews: written/edited (new stars) or hidden/restored.
    const step = fc.record({
      slot: fc.integer({ min: 0, max: 5 }),
      published: fc.boolean(),
      stars: review,
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), prior, (steps, p) => {
        const counted: (ReviewRatings | null)[] = Array.from({ length: 6 }, () => null);
        let aggregate = emptyAggregate();
        for (const s of steps) {
          const wanted = s.published ? s.stars : null;
          aggregate = applyReviewChange(aggregate, counted[s.slot], wanted);
          counted[s.slot] = wanted;
          const scratch = aggregateRatings(counted.filter((r): r is ReviewRatings => r !== null));
          expect(aggregate).toEqual(scratch);
          expect(aggregateBayesianAverage(aggregate, p)).toBe(aggregateBayesianAverage(scratch, p));
        }
      }),
    );
  });
});
