import fc from 'fast-check';
import {
  RatingInputError,
  addToAggregate,
  aggregateRatings,
  bayesianAverage,
  emptyAggregate,
  removeFromAggregate,
  type RatingAggregate,
  type ReviewRatings,
} from './bayesian-average';
import { thrownBy } from '../../../../test/support/thrown';

const star = fc.integer({ min: 1, max: 5 });
const priorMean = fc.double({ min: 1, max: 5, noNaN: true });
const priorWeight = fc.double({ min: 0, max: 1000, noNaN: true });
const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The RatingInputError that `fn` throws. */
const errorOf = (fn: () => unknown) => thrownBy(fn, RatingInputError);

describe('bayesianAverage', () => {
  it('computes (w·m + sum) / (w + n)', () => {
    expect(bayesianAverage({ count: 2, sum: 9, priorMean: 3.5, priorWeight: 5 })).toBeCloseTo(
      (17.5 + 9) / 7,
      12,
    );
    expect(bayesianAverage({ count: 4, sum: 20, priorMean: 3, priorWeight: 0 })).toBe(5);
  });

  it('rejects invalid input with a code and the field', () => {
    expect(errorOf(() => bayesianAverage({ count: -1, sum: 0, priorMean: 3, priorWeight: 5 }))).toMatchObject(
      {
        code: 'RATING_INPUT_INVALID',
        field: 'count',
      },
    );
    expect(errorOf(() => bayesianAverage({ count: 1.5, sum: 4, priorMean: 3, priorWeight: 5 })).field).toBe(
      'count',
    );
    expect(errorOf(() => bayesianAverage({ count: 1, sum: NaN, priorMean: 3, priorWeight: 5 })).field).toBe(
      'sum',
    );
    expect(errorOf(() => bayesianAverage({ count: 1, sum: 4, priorMean: 3, priorWeight: -1 })).field).toBe(
      'priorWeight',
    );
    expect(errorOf(() => bayesianAverage({ count: 0, sum: 0, priorMean: 3, priorWeight: 0 })).field).toBe(
      'priorWeight',
    );
  });

  it('stays within [1, 5] for valid stars and prior', () => {
    fc.assert(
      fc.property(fc.array(star, { maxLength: 200 }), priorMean, priorWeight, (ratings, m, w) => {
        fc.pre(w > 0 || ratings.length > 0);
        const value = bayesianAverage({
          count: ratings.length,
          sum: sumOf(ratings),
          priorMean: m,
          priorWeight: w,
        });
        expect(value).toBeGreaterThanOrEqual(1);
        expect(value).toBeLessThanOrEqual(5);
      }),
    );
  });

  it('equals the prior with no ratings', () => {
    fc.assert(
      fc.property(priorMean, fc.double({ min: 1e-6, max: 1000, noNaN: true }), (m, w) => {
        expect(bayesianAverage({ count: 0, sum: 0, priorMean: m, priorWeight: w })).toBe(m);
      }),
    );
  });

  it('moves toward the sample mean as the same ratings keep coming', () => {
    fc.assert(
      fc.property(
        fc.array(star, { minLength: 1, maxLength: 20 }),
        priorMean,
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (ratings, m, w, k) => {
          const sampleMean = sumOf(ratings) / ratings.length;
          const after = (times: number) =>
            bayesianAverage({
              count: ratings.length * times,
              sum: sumOf(ratings) * times,
              priorMean: m,
              priorWeight: w,
            });
          const gap = (times: number) => Math.abs(after(times) - sampleMean);
          expect(gap(k + 1)).toBeLessThanOrEqual(gap(k) + 1e-12);
          expect(gap(0)).toBeGreaterThanOrEqual(gap(1) - 1e-12);
          // The estimate always lies between the prior and the sample mean.
          expect(after(k)).toBeGreaterThanOrEqual(Math.min(m, sampleMean));
          expect(after(k)).toBeLessThanOrEqual(Math.max(m, sampleMean));
        },
      ),
    );
  });

  it('ranks a single 5-star review below fifty 4.8-star reviews', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 3.5, max: 4, noNaN: true }),
        fc.double({ min: 5, max: 10, noNaN: true }),
        (m, w) => {
          const single = bayesianAverage({ count: 1, sum: 5, priorMean: m, priorWeight: w });
          const many = bayesianAverage({ count: 50, sum: 50 * 4.8, priorMean: m, priorWeight: w });
          expect(single).toBeLessThan(many);
        },
      ),
    );
  });
});

const criterionName = fc.constantFrom('puntualita', 'cortesia', 'affidabilita', 'comunicazione');
const review: fc.Arbitrary<ReviewRatings> = fc
  .dictionary(criterionName, star, { minKeys: 1, maxKeys: 4 })
  .map((criteria) => ({ criteria }));

describe('aggregateRatings', () => {
  it('computes count, per-criterion averages and the mean of review means', () => {
    const aggregate = aggregateRatings([
      { criteria: { puntualita: 5, cortesia: 4 } },
      { criteria: { puntualita: 3 } },
      { criteria: { cortesia: 5, puntualita: 4 } },
    ]);
    expect(aggregate).toEqual({
      count: 3,
      criteria: {
        cortesia: { count: 2, sum: 9, average: 4.5 },
        puntualita: { count: 3, sum: 12, average: 4 },
      },
      overallMean: (4.5 + 3 + 4.5) / 3,
      byCriteriaCount: { '1': { reviews: 1, stars: 3 }, '2': { reviews: 2, stars: 18 } },
    });
  });

  it('is empty with no reviews', () => {
    expect(aggregateRatings([])).toEqual(emptyAggregate());
    expect(emptyAggregate().overallMean).toBeNull();
  });

  it.each([
    [{ criteria: {} }, 'criteria'],
    [{ criteria: { cortesia: 0 } }, 'criteria.cortesia'],
    [{ criteria: { cortesia: 6 } }, 'criteria.cortesia'],
    [{ criteria: { cortesia: 4.5 } }, 'criteria.cortesia'],
    [{ criteria: { '': 4 } }, 'criteria'],
    [JSON.parse('{"criteria":{"__proto__":4}}') as ReviewRatings, 'criteria'],
  ])('rejects invalid review %j', (bad, field) => {
    expect(errorOf(() => aggregateRatings([bad]))).toMatchObject({ code: 'RATING_INPUT_INVALID', field });
  });

  it('rejects removing a review that cannot be in the aggregate', () => {
    const aggregate = aggregateRatings([{ criteria: { cortesia: 2 } }]);
    expect(errorOf(() => removeFromAggregate(aggregate, { criteria: { puntualita: 2 } })).code).toBe(
      'RATING_NOT_IN_AGGREGATE',
    );
    expect(errorOf(() => removeFromAggregate(aggregate, { criteria: { cortesia: 5 } })).code).toBe(
      'RATING_NOT_IN_AGGREGATE',
    );
    expect(errorOf(() => removeFromAggregate(emptyAggregate(), { criteria: { cortesia: 5 } })).code).toBe(
      'RATING_NOT_IN_AGGREGATE',
    );
  });

  it('keeps averages within [1, 5]', () => {
    fc.assert(
      fc.property(fc.array(review, { minLength: 1, maxLength: 50 }), (reviews) => {
        const aggregate = aggregateRatings(reviews);
        expect(aggregate.count).toBe(reviews.length);
        for (const value of [
          aggregate.overallMean!,
          ...Object.values(aggregate.criteria).map((c) => c.average),
        ]) {
          expect(value).toBeGreaterThanOrEqual(1);
          expect(value).toBeLessThanOrEqual(5);
        }
      }),
    );
  });

  it('updated incrementally always equals a recomputation from scratch', () => {
    // Each step adds a review or removes one of the reviews still present.
    const step = fc.oneof(
      review.map((r) => ({ add: r })),
      fc.nat().map((pick) => ({ remove: pick })),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let present: ReviewRatings[] = [];
        let aggregate: RatingAggregate = emptyAggregate();
        for (const s of steps) {
          if ('add' in s) {
            present.push(s.add);
            aggregate = addToAggregate(aggregate, s.add);
          } else if (present.length > 0) {
            const index = s.remove % present.length;
            aggregate = removeFromAggregate(aggregate, present[index]);
            present = present.filter((_, i) => i !== index);
          }
          expect(aggregate).toEqual(aggregateRatings(present));
        }
      }),
    );
  });

  it('does not modify the aggregate it is given', () => {
    const before = aggregateRatings([{ criteria: { cortesia: 3 } }]);
    const copy = structuredClone(before);
    addToAggregate(before, { criteria: { cortesia: 5 } });
    removeFromAggregate(before, { criteria: { cortesia: 3 } });
    expect(before).toEqual(copy);
  });
});
