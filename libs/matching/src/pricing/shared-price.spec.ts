import fc from 'fast-check';
import { SharedPriceError, type PriceBand } from '@prossimo/directory/rules';
import { computeSharedPrice, selectBand, type SharedPriceInput } from './shared-price';
import { thrownBy } from '../../../../test/support/thrown';

const BANDS: PriceBand[] = [
  { people: 1, centsPerHourEach: 1000 },
  { people: 2, centsPerHourEach: 700 },
  { people: 3, centsPerHourEach: 500 },
];

// Valid bands: start at 1 person, strictly increasing people, non-increasing price.
const bandsArb: fc.Arbitrary<PriceBand[]> = fc
  .record({
    firstPrice: fc.integer({ min: 1, max: 5000 }),
    steps: fc.array(
      fc.record({ morePeople: fc.integer({ min: 1, max: 3 }), cheaper: fc.nat({ max: 400 }) }),
      {
        maxLength: 5,
      },
    ),
  })
  .map(({ firstPrice, steps }) => {
    const bands: PriceBand[] = [{ people: 1, centsPerHourEach: firstPrice }];
    for (const { morePeople, cheaper } of steps) {
      const last = bands[bands.length - 1];
      bands.push({
        people: last.people + morePeople,
        centsPerHourEach: Math.max(1, last.centsPerHourEach - cheaper),
      });
    }
    return bands;
  });

const inputArb: fc.Arbitrary<SharedPriceInput> = fc.record({
  bands: bandsArb,
  householdIds: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
  weeklyMinutes: fc.integer({ min: 1, max: 60 * 40 }),
});

// Reference in BigInt arithmetic: ceil(price × n × minutes / 60).
const expectedTotal = (price: number, n: number, minutes: number) =>
  Number((BigInt(price) * BigInt(n) * BigInt(minutes) + 59n) / 60n);

describe('selectBand', () => {
  it('takes the largest band not above the group size', () => {
    expect(selectBand(BANDS, 1).people).toBe(1);
    expect(selectBand(BANDS, 2).people).toBe(2);
    expect(selectBand(BANDS, 3).people).toBe(3);
    expect(selectBand(BANDS, 9).people).toBe(3);
    expect(
      selectBand(
        [
          { people: 1, centsPerHourEach: 900 },
          { people: 4, centsPerHourEach: 600 },
        ],
        3,
      ).people,
    ).toBe(1);
  });
});

describe('computeSharedPrice', () => {
  it('prices three households sharing 3 hours a week', () => {
    expect(computeSharedPrice({ bands: BANDS, householdIds: ['c', 'a', 'b'], weeklyMinutes: 180 })).toEqual({
      band: { people: 3, centsPerHourEach: 500 },
      totalCentsPerWeek: 4500,
      households: [
        { householdId: 'c', centsPerWeek: 1500, aloneCentsPerWeek: 3000, savingCentsPerWeek: 1500 },
        { householdId: 'a', centsPerWeek: 1500, aloneCentsPerWeek: 3000, savingCentsPerWeek: 1500 },
        { householdId: 'b', centsPerWeek: 1500, aloneCentsPerWeek: 3000, savingCentsPerWeek: 1500 },
      ],
    });
  });

  it('gives leftover cents to the smallest household ids', () => {
    // 500 × 3 × 50/60 = 1250 cents, split 417 + 417 + 416.
    const result = computeSharedPrice({ bands: BANDS, householdIds: ['c', 'a', 'b'], weeklyMinutes: 50 });
    expect(result.totalCentsPerWeek).toBe(1250);
    expect(result.households.map((h) => [h.householdId, h.centsPerWeek])).toEqual([
      ['c', 416],
      ['a', 417],
      ['b', 417],
    ]);
    expect(result.households[0].aloneCentsPerWeek).toBe(834); // ceil(1000 × 50 / 60)
  });

  it('rounds a fractional total up to the next cent', () => {
    // 700 × 2 × 1/60 = 23.33… cents → 24.
    const result = computeSharedPrice({ bands: BANDS, householdIds: ['x', 'y'], weeklyMinutes: 1 });
    expect(result.totalCentsPerWeek).toBe(24);
    expect(result.households.map((h) => h.centsPerWeek)).toEqual([12, 12]);
  });

  it('charges a single household the 1-person band with no saving', () => {
    const [only] = computeSharedPrice({ bands: BANDS, householdIds: ['solo'], weeklyMinutes: 90 }).households;
    expect(only).toEqual({
      householdId: 'solo',
      centsPerWeek: 1500,
      aloneCentsPerWeek: 1500,
      savingCentsPerWeek: 0,
    });
  });

  it.each([
    [{ householdIds: [] }, 'HOUSEHOLDS_INVALID', 'householdIds'],
    [{ householdIds: ['a', ''] }, 'HOUSEHOLDS_INVALID', 'householdIds[1]'],
    [{ householdIds: ['a', 'b', 'a'] }, 'HOUSEHOLDS_INVALID', 'householdIds[2]'],
    [{ weeklyMinutes: 0 }, 'WEEKLY_MINUTES_INVALID', 'weeklyMinutes'],
    [{ weeklyMinutes: 1.5 }, 'WEEKLY_MINUTES_INVALID', 'weeklyMinutes'],
    [{ weeklyMinutes: 2 ** 52 }, 'PRICE_OVERFLOW', 'weeklyMinutes'],
  ])('rejects %j with %s', (override, code, field) => {
    const input = { bands: BANDS, householdIds: ['a', 'b'], weeklyMinutes: 60, ...override };
    expect(thrownBy(() => computeSharedPrice(input), SharedPriceError)).toMatchObject({ code, field });
  });

  it('always splits the exact band total into integer shares that add up', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = computeSharedPrice(input);
        const n = input.householdIds.length;
        expect(result.band).toEqual(selectBand(input.bands, n));
        expect(result.totalCentsPerWeek).toBe(
          expectedTotal(result.band.centsPerHourEach, n, input.weeklyMinutes),
        );
        const shares = result.households.map((h) => h.centsPerWeek);
        expect(shares.every(Number.isSafeInteger)).toBe(true);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(result.totalCentsPerWeek);
        expect(result.households.map((h) => h.householdId)).toEqual(input.householdIds);
      }),
    );
  });

  it('never charges a household more than one cent above another', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const shares = computeSharedPrice(input).households.map((h) => h.centsPerWeek);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never makes sharing cost more than going alone', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const h of computeSharedPrice(input).households) {
          expect(h.aloneCentsPerWeek).toBe(
            expectedTotal(input.bands[0].centsPerHourEach, 1, input.weeklyMinutes),
          );
          expect(h.savingCentsPerWeek).toBe(h.aloneCentsPerWeek - h.centsPerWeek);
          expect(h.savingCentsPerWeek).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('gives each household the same amount whatever the input order', () => {
    fc.assert(
      fc.property(inputArb, fc.infiniteStream(fc.nat()), (input, randoms) => {
        const shuffled = [...input.householdIds]
          .map((id) => [randoms.next().value, id] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, id]) => id);
        const amounts = (ids: readonly string[]) =>
          Object.fromEntries(
            computeSharedPrice({ ...input, householdIds: ids }).households.map((h) => [
              h.householdId,
              h.centsPerWeek,
            ]),
          );
        expect(amounts(shuffled)).toEqual(amounts(input.householdIds));
      }),
    );
  });
});
