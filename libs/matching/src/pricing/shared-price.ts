// Shared price: households that share a service (e.g. a carer visiting several
// homes) pay a per-person hourly rate that falls with the size of the group.
// All amounts are integer euro cents; floats never touch money here.
// The bands, their validation and the error are directory's (it owns the offers).
import { PriceBand, SharedPriceError, validatePriceBands } from '@prossimo/directory/rules';

export interface SharedPriceInput {
  bands: readonly PriceBand[];
  /** One id per household sharing the service; their order decides who absorbs remainders. */
  householdIds: readonly string[];
  /** Weekly duration of the service, in whole minutes. */
  weeklyMinutes: number;
}

export interface HouseholdShare {
  householdId: string;
  centsPerWeek: number;
  /** What the household would pay for the same minutes with the 1-person band. */
  aloneCentsPerWeek: number;
  savingCentsPerWeek: number;
}

export interface SharedPriceResult {
  band: PriceBand;
  totalCentsPerWeek: number;
  /** Same order as the input householdIds. */
  households: HouseholdShare[];
}

const MINUTES_PER_HOUR = 60;

/** The largest band with people <= householdCount (bands must be valid). */
export function selectBand(bands: readonly PriceBand[], householdCount: number): PriceBand {
  let selected = bands[0];
  for (const band of bands) {
    if (band.people <= householdCount) selected = band;
  }
  return selected;
}

// Exact ceil(a / b) for non-negative safe integers: % is exact in IEEE doubles and
// (a - r) / b divides an exact multiple, so no rounding can creep in.
function ceilDiv(a: number, b: number): number {
  const r = a % b;
  return (a - r) / b + (r === 0 ? 0 : 1);
}

function safeProduct(field: string, ...factors: number[]): number {
  const product = factors.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(product)) {
    throw new SharedPriceError('PRICE_OVERFLOW', field, 'amount too large to compute exactly');
  }
  return product;
}

/**
 * Splits the weekly price of a shared service between households.
 *
 * Total = band price × households × hours. When that is not a whole number of cents
 * it is rounded up, and a single household going alone is rounded up the same way:
 * since ceil(ceil(x·n) / n) = ceil(x), nobody's share can then exceed the alone
 * price, which plain half-up rounding cannot guarantee. The total is split evenly;
 * the leftover cents go one each to the households with the smallest ids (code-unit
 * order, independent of locale), so shares differ by at most one cent and add up
 * exactly to the total.
 */
export function computeSharedPrice(input: SharedPriceInput): SharedPriceResult {
  const { bands, householdIds, weeklyMinutes } = input;
  validatePriceBands(bands);
  if (!Array.isArray(householdIds) || householdIds.length === 0) {
    throw new SharedPriceError('HOUSEHOLDS_INVALID', 'householdIds', 'at least one household is required');
  }
  const seen = new Set<string>();
  householdIds.forEach((id, i) => {
    if (typeof id !== 'string' || id.length === 0) {
      throw new SharedPriceError(
        'HOUSEHOLDS_INVALID',
        `householdIds[${i}]`,
        'household ids must be non-empty',
      );
    }
    if (seen.has(id)) {
      throw new SharedPriceError('HOUSEHOLDS_INVALID', `householdIds[${i}]`, 'household ids must be unique');
    }
    seen.add(id);
  });
  if (!Number.isSafeInteger(weeklyMinutes) || weeklyMinutes <= 0) {
    throw new SharedPriceError(
      'WEEKLY_MINUTES_INVALID',
      'weeklyMinutes',
      'weeklyMinutes must be a positive integer',
    );
  }

  const n = householdIds.length;
  const band = selectBand(bands, n);
  const total = ceilDiv(
    safeProduct('weeklyMinutes', band.centsPerHourEach, n, weeklyMinutes),
    MINUTES_PER_HOUR,
  );
  const alone = ceilDiv(
    safeProduct('weeklyMinutes', bands[0].centsPerHourEach, weeklyMinutes),
    MINUTES_PER_HOUR,
  );

  const extra = total % n;
  const base = (total - extra) / n;
  const byId = [...householdIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const paysExtra = new Set(byId.slice(0, extra));

  const households = householdIds.map((householdId) => {
    const centsPerWeek = base + (paysExtra.has(householdId) ? 1 : 0);
    return { householdId, centsPerWeek, aloneCentsPerWeek: alone, savingCentsPerWeek: alone - centsPerWeek };
  });
  return { band: { ...band }, totalCentsPerWeek: total, households };
}
