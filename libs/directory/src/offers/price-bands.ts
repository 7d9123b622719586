// Price bands of a shared-price offer: households that share a service (e.g. a carer visiting
// several homes) pay a per-person hourly rate that falls with the size of the group. Directory
// owns the offers, so it owns their bands and their validation; matching prices a group with
// them (`computeSharedPrice`). Pure: no Nest, no database. All amounts are integer euro cents.

import { RuleInputError } from '@prossimo/platform/rules';

export type SharedPriceErrorCode =
  'PRICE_BANDS_INVALID' | 'HOUSEHOLDS_INVALID' | 'WEEKLY_MINUTES_INVALID' | 'PRICE_OVERFLOW';

export class SharedPriceError extends RuleInputError<SharedPriceErrorCode> {}

export interface PriceBand {
  /** The band applies to groups of at least this many people. */
  people: number;
  /** Hourly price each person pays in such a group, in cents. */
  centsPerHourEach: number;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Throws SharedPriceError unless bands are usable; see the rules inline. */
export function validatePriceBands(bands: readonly PriceBand[]): void {
  const fail = (field: string, message: string) =>
    new SharedPriceError('PRICE_BANDS_INVALID', field, message);
  if (!Array.isArray(bands) || bands.length === 0) throw fail('bands', 'at least one band is required');
  bands.forEach((band, i) => {
    if (!isPositiveInteger(band.people))
      throw fail(`bands[${i}].people`, 'people must be a positive integer');
    if (!isPositiveInteger(band.centsPerHourEach)) {
      throw fail(`bands[${i}].centsPerHourEach`, 'centsPerHourEach must be a positive integer');
    }
    if (i === 0) return;
    const previous = bands[i - 1];
    // Strictly increasing people: sorted and unique, so band lookup is unambiguous.
    if (band.people <= previous.people) {
      throw fail(`bands[${i}].people`, 'bands must be sorted by people, each value once');
    }
    // Sharing must never cost a person more than a smaller group would.
    if (band.centsPerHourEach > previous.centsPerHourEach) {
      throw fail(`bands[${i}].centsPerHourEach`, 'price per person must not increase with group size');
    }
  });
  // The 1-person band is the reference for savings and covers every group size.
  if (bands[0].people !== 1) throw fail('bands[0].people', 'the first band must be for 1 person');
}
