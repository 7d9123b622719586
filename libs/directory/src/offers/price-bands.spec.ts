import { SharedPriceError, validatePriceBands } from './price-bands';
import { thrownBy } from '../../../../test/support/thrown';

describe('validatePriceBands', () => {
  it.each([
    [[], 'bands'],
    [[{ people: 2, centsPerHourEach: 700 }], 'bands[0].people'],
    [[{ people: 1, centsPerHourEach: 0 }], 'bands[0].centsPerHourEach'],
    [[{ people: 1, centsPerHourEach: 10.5 }], 'bands[0].centsPerHourEach'],
    [[{ people: 0, centsPerHourEach: 100 }], 'bands[0].people'],
    [
      [
        { people: 1, centsPerHourEach: 1000 },
        { people: 1, centsPerHourEach: 900 },
      ],
      'bands[1].people',
    ],
    [
      [
        { people: 1, centsPerHourEach: 1000 },
        { people: 3, centsPerHourEach: 500 },
        { people: 2, centsPerHourEach: 700 },
      ],
      'bands[2].people',
    ],
    [
      [
        { people: 1, centsPerHourEach: 1000 },
        { people: 2, centsPerHourEach: 1100 },
      ],
      'bands[1].centsPerHourEach',
    ],
  ])('rejects %j at %s', (bands, field) => {
    expect(thrownBy(() => validatePriceBands(bands), SharedPriceError)).toMatchObject({
      code: 'PRICE_BANDS_INVALID',
      field,
    });
  });

  it('accepts equal prices for consecutive bands', () => {
    expect(() =>
      validatePriceBands([
        { people: 1, centsPerHourEach: 1000 },
        { people: 2, centsPerHourEach: 1000 },
      ]),
    ).not.toThrow();
  });
});
