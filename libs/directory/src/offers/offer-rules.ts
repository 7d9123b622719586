// Pure rules for service offers: weekly schedule, price model, languages. They throw
// DomainError naming the input field so that the caller can point at it.
import { DomainError, TIME_OF_DAY_PATTERN } from '@prossimo/platform/rules';
import { PriceBand, SharedPriceError, validatePriceBands } from './price-bands';

export interface WeeklySlot {
  /** ISO day of week: 1 Monday ... 7 Sunday. */
  dayOfWeek: number;
  /** "HH:MM", 24-hour clock. */
  start: string;
  /** "HH:MM", after start; "24:00" closes at midnight. */
  end: string;
}

export const MAX_SCHEDULE_SLOTS = 70;
/** An end may also be "24:00": open until midnight. */
const END_TIME = new RegExp(`^(${TIME_OF_DAY_PATTERN.source.slice(1, -1)}|24:00)$`);

/**
 * Checks a weekly schedule and returns it sorted by day and start. Zero-padded "HH:MM" strings
 * compare correctly as text, which the search relies on too.
 */
export function validateSchedule(slots: readonly WeeklySlot[], field = 'schedule'): WeeklySlot[] {
  if (slots.length > MAX_SCHEDULE_SLOTS) {
    throw new DomainError('FIELD_TOO_LONG', { field, params: { max: MAX_SCHEDULE_SLOTS } });
  }
  slots.forEach((slot, i) => {
    if (!Number.isInteger(slot.dayOfWeek) || slot.dayOfWeek < 1 || slot.dayOfWeek > 7) {
      throw new DomainError('SCHEDULE_DAY_INVALID', { field: `${field}[${i}].dayOfWeek` });
    }
    if (!TIME_OF_DAY_PATTERN.test(slot.start)) {
      throw new DomainError('SCHEDULE_TIME_INVALID', { field: `${field}[${i}].start` });
    }
    if (!END_TIME.test(slot.end))
      throw new DomainError('SCHEDULE_TIME_INVALID', { field: `${field}[${i}].end` });
    if (slot.end <= slot.start) {
      throw new DomainError('SCHEDULE_END_BEFORE_START', { field: `${field}[${i}].end` });
    }
  });
  const sorted = slots
    .map((slot, index) => ({ slot: { dayOfWeek: slot.dayOfWeek, start: slot.start, end: slot.end }, index }))
    .sort((a, b) => a.slot.dayOfWeek - b.slot.dayOfWeek || compare(a.slot.start, b.slot.start));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1].slot;
    const current = sorted[i].slot;
    // Touching slots (09:00-12:00, 12:00-13:00) are fine; overlapping ones are a typo.
    if (previous.dayOfWeek === current.dayOfWeek && current.start < previous.end) {
      throw new DomainError('SCHEDULE_OVERLAP', { field: `${field}[${sorted[i].index}]` });
    }
  }
  return sorted.map((entry) => entry.slot);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export enum PriceModel {
  FREE = 'free',
  FIXED = 'fixed',
  SHARED = 'shared',
}

export enum PriceUnit {
  HOUR = 'hour',
  SERVICE = 'service',
}

export interface PriceSpec {
  model: PriceModel;
  unit?: PriceUnit | null;
  amountCents?: number | null;
  bands?: readonly PriceBand[] | null;
  vouchersAccepted?: boolean | null;
}

export interface NormalisedPrice {
  model: PriceModel;
  unit: PriceUnit | null;
  amountCents: number | null;
  bands: PriceBand[] | null;
  /** Lowest hourly price one person can pay: 0 when free, null when not priced per hour. */
  minCentsPerHour: number | null;
  vouchersAccepted: boolean;
}

/** 10,000 euro: far above any hourly or per-service price, low enough to catch typos in cents. */
export const MAX_PRICE_CENTS = 1_000_000;
export const MAX_PRICE_BANDS = 20;

export function validatePrice(spec: PriceSpec, field = 'price'): NormalisedPrice {
  const vouchersAccepted = spec.vouchersAccepted ?? false;
  const absent = (name: 'unit' | 'amountCents' | 'bands') => {
    if (spec[name] !== undefined && spec[name] !== null) {
      throw new DomainError('PRICE_FIELD_NOT_ALLOWED', {
        field: `${field}.${name}`,
        params: { model: spec.model.toUpperCase() },
      });
    }
  };
  switch (spec.model) {
    case PriceModel.FREE:
      absent('unit');
      absent('amountCents');
      absent('bands');
      return {
        model: spec.model,
        unit: null,
        amountCents: null,
        bands: null,
        minCentsPerHour: 0,
        vouchersAccepted,
      };
    case PriceModel.FIXED: {
      absent('bands');
      if (!spec.unit) throw new DomainError('FIELD_REQUIRED', { field: `${field}.unit` });
      const amount = spec.amountCents;
      if (amount === undefined || amount === null) {
        throw new DomainError('FIELD_REQUIRED', { field: `${field}.amountCents` });
      }
      if (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_PRICE_CENTS) {
        throw new DomainError('PRICE_AMOUNT_INVALID', {
          field: `${field}.amountCents`,
          params: { max: MAX_PRICE_CENTS },
        });
      }
      return {
        model: spec.model,
        unit: spec.unit,
        amountCents: amount,
        bands: null,
        minCentsPerHour: spec.unit === PriceUnit.HOUR ? amount : null,
        vouchersAccepted,
      };
    }
    case PriceModel.SHARED: {
      absent('unit');
      absent('amountCents');
      const bands = spec.bands ?? [];
      if (bands.length > MAX_PRICE_BANDS) {
        throw new DomainError('FIELD_TOO_LONG', {
          field: `${field}.bands`,
          params: { max: MAX_PRICE_BANDS },
        });
      }
      try {
        validatePriceBands(bands);
      } catch (error) {
        if (error instanceof SharedPriceError) {
          throw new DomainError('PRICE_BANDS_INVALID', {
            field: `${field}.${error.field}`,
            params: { problem: error.message },
          });
        }
        throw error;
      }
      bands.forEach((band, i) => {
        if (band.centsPerHourEach > MAX_PRICE_CENTS) {
          throw new DomainError('PRICE_AMOUNT_INVALID', {
            field: `${field}.bands[${i}].centsPerHourEach`,
            params: { max: MAX_PRICE_CENTS },
          });
        }
      });
      const copy = bands.map((band) => ({ people: band.people, centsPerHourEach: band.centsPerHourEach }));
      return {
        model: spec.model,
        unit: PriceUnit.HOUR,
        amountCents: null,
        bands: copy,
        // Bands never rise with group size, so the last band is the cheapest way in.
        minCentsPerHour: copy[copy.length - 1].centsPerHourEach,
        vouchersAccepted,
      };
    }
    default:
      throw new DomainError('FIELD_INVALID', { field: `${field}.model` });
  }
}

// ISO 639-1 two-letter language codes.
const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ' +
    'ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik ' +
    'io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml ' +
    'mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd ' +
    'se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi ' +
    'vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/** Lower-cased, de-duplicated ISO 639-1 codes, in the order given. */
export function normaliseLanguages(codes: readonly string[], field = 'languages'): string[] {
  const result: string[] = [];
  codes.forEach((code, i) => {
    const normalised = code.trim().toLowerCase();
    if (!ISO_639_1.has(normalised)) throw new DomainError('LANGUAGE_INVALID', { field: `${field}[${i}]` });
    if (!result.includes(normalised)) result.push(normalised);
  });
  return result;
}
