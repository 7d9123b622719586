import { DomainError } from '@prossimo/platform';
import { normaliseLanguages, PriceModel, PriceUnit, validatePrice, validateSchedule } from './offer-rules';

function failure(run: () => unknown): { code: string; field?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('validateSchedule', () => {
  it('accepts slots, sorts them by day and start, and allows touching slots and 24:00', () => {
    const slots = validateSchedule([
      { dayOfWeek: 3, start: '14:00', end: '24:00' },
      { dayOfWeek: 1, start: '12:00', end: '13:00' },
      { dayOfWeek: 1, start: '09:00', end: '12:00' },
    ]);
    expect(slots).toEqual([
      { dayOfWeek: 1, start: '09:00', end: '12:00' },
      { dayOfWeek: 1, start: '12:00', end: '13:00' },
      { dayOfWeek: 3, start: '14:00', end: '24:00' },
    ]);
  });

  it('rejects an end that is not after the start, naming the slot', () => {
    expect(failure(() => validateSchedule([{ dayOfWeek: 2, start: '10:00', end: '10:00' }]))).toEqual({
      code: 'SCHEDULE_END_BEFORE_START',
      field: 'schedule[0].end',
    });
    expect(
      failure(() =>
        validateSchedule([
          { dayOfWeek: 2, start: '08:00', end: '09:00' },
          { dayOfWeek: 2, start: '18:00', end: '09:30' },
        ]),
      ),
    ).toEqual({ code: 'SCHEDULE_END_BEFORE_START', field: 'schedule[1].end' });
  });

  it('rejects days outside 1-7 and malformed times', () => {
    expect(failure(() => validateSchedule([{ dayOfWeek: 0, start: '10:00', end: '11:00' }])).field).toBe(
      'schedule[0].dayOfWeek',
    );
    expect(failure(() => validateSchedule([{ dayOfWeek: 8, start: '10:00', end: '11:00' }])).code).toBe(
      'SCHEDULE_DAY_INVALID',
    );
    for (const start of ['9:00', '24:00', '10:60', '10.00', '']) {
      expect(failure(() => validateSchedule([{ dayOfWeek: 1, start, end: '23:00' }]))).toEqual({
        code: 'SCHEDULE_TIME_INVALID',
        field: 'schedule[0].start',
      });
    }
    expect(failure(() => validateSchedule([{ dayOfWeek: 1, start: '10:00', end: '24:01' }])).field).toBe(
      'schedule[0].end',
    );
  });

  it('rejects overlapping slots on the same day but not on different days', () => {
    expect(
      failure(() =>
        validateSchedule([
          { dayOfWeek: 5, start: '09:00', end: '12:00' },
          { dayOfWeek: 5, start: '11:00', end: '13:00' },
        ]),
      ),
    ).toEqual({ code: 'SCHEDULE_OVERLAP', field: 'schedule[1]' });
    expect(
      validateSchedule([
        { dayOfWeek: 5, start: '09:00', end: '12:00' },
        { dayOfWeek: 6, start: '11:00', end: '13:00' },
      ]),
    ).toHaveLength(2);
  });
});

describe('validatePrice', () => {
  it('free is 0 per hour and takes no amounts', () => {
    expect(validatePrice({ model: PriceModel.FREE })).toMatchObject({
      minCentsPerHour: 0,
      vouchersAccepted: false,
    });
    expect(failure(() => validatePrice({ model: PriceModel.FREE, amountCents: 500 }))).toEqual({
      code: 'PRICE_FIELD_NOT_ALLOWED',
      field: 'price.amountCents',
    });
  });

  it('fixed needs a unit and a positive integer amount; only hourly prices count per hour', () => {
    expect(
      validatePrice({
        model: PriceModel.FIXED,
        unit: PriceUnit.HOUR,
        amountCents: 1250,
        vouchersAccepted: true,
      }),
    ).toEqual({
      model: PriceModel.FIXED,
      unit: PriceUnit.HOUR,
      amountCents: 1250,
      bands: null,
      minCentsPerHour: 1250,
      vouchersAccepted: true,
    });
    expect(
      validatePrice({ model: PriceModel.FIXED, unit: PriceUnit.SERVICE, amountCents: 3000 }).minCentsPerHour,
    ).toBeNull();
    expect(failure(() => validatePrice({ model: PriceModel.FIXED, amountCents: 1000 })).field).toBe(
      'price.unit',
    );
    expect(failure(() => validatePrice({ model: PriceModel.FIXED, unit: PriceUnit.HOUR })).field).toBe(
      'price.amountCents',
    );
    for (const amountCents of [0, -5, 12.5, 1_000_001]) {
      expect(
        failure(() => validatePrice({ model: PriceModel.FIXED, unit: PriceUnit.HOUR, amountCents })),
      ).toEqual({
        code: 'PRICE_AMOUNT_INVALID',
        field: 'price.amountCents',
      });
    }
  });

  it('shared takes bands by group size; the cheapest band is the per-hour price', () => {
    const bands = [
      { people: 1, centsPerHourEach: 1000 },
      { people: 2, centsPerHourEach: 700 },
      { people: 3, centsPerHourEach: 500 },
    ];
    expect(validatePrice({ model: PriceModel.SHARED, bands })).toMatchObject({
      unit: PriceUnit.HOUR,
      bands,
      minCentsPerHour: 500,
    });
  });

  it('rejects bad bands naming the band and its field', () => {
    const cases: [{ people: number; centsPerHourEach: number }[], string][] = [
      [[], 'price.bands'],
      [[{ people: 2, centsPerHourEach: 700 }], 'price.bands[0].people'],
      [
        [
          { people: 1, centsPerHourEach: 1000 },
          { people: 2, centsPerHourEach: 1100 },
        ],
        'price.bands[1].centsPerHourEach',
      ],
      [
        [
          { people: 1, centsPerHourEach: 1000 },
          { people: 1, centsPerHourEach: 900 },
        ],
        'price.bands[1].people',
      ],
      [[{ people: 1, centsPerHourEach: 0 }], 'price.bands[0].centsPerHourEach'],
    ];
    for (const [bands, field] of cases) {
      expect(failure(() => validatePrice({ model: PriceModel.SHARED, bands }))).toEqual({
        code: 'PRICE_BANDS_INVALID',
        field,
      });
    }
    expect(
      failure(() => validatePrice({ model: PriceModel.SHARED, unit: PriceUnit.HOUR, bands: [] })).field,
    ).toBe('price.unit');
  });
});

describe('normaliseLanguages', () => {
  it('lower-cases, de-duplicates and rejects codes that are not ISO 639-1', () => {
    expect(normaliseLanguages(['IT', 'en', 'it', ' ar '])).toEqual(['it', 'en', 'ar']);
    expect(failure(() => normaliseLanguages(['it', 'ita']))).toEqual({
      code: 'LANGUAGE_INVALID',
      field: 'languages[1]',
    });
    expect(failure(() => normaliseLanguages(['xx'])).field).toBe('languages[0]');
  });
});
