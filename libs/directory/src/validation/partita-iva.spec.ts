import fc from 'fast-check';
import { elevenDigitCheckDigit } from './codice-fiscale';
import { PARTITA_IVA_INVALID, isValidOfficeCode, isValidPartitaIva, validatePartitaIva } from './partita-iva';

const digit = fc.constantFrom(...'0123456789'.split(''));
const officeCode = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(120, 121, 888, 999));

// A valid partita IVA: non-zero taxpayer number, allowed office, computed check digit.
const partitaIva = fc
  .tuple(fc.array(digit, { minLength: 7, maxLength: 7 }), officeCode)
  .filter(([number]) => number.some((d) => d !== '0'))
  .map(([number, office]) => {
    const first10 = number.join('') + String(office).padStart(3, '0');
    return first10 + String(elevenDigitCheckDigit(first10));
  });

describe('validatePartitaIva', () => {
  it('accepts real partite IVA', () => {
    expect(validatePartitaIva('02121151001')).toEqual({ ok: true, value: '02121151001' }); // INPS
    expect(isValidPartitaIva('00743110157')).toBe(true);
    expect(isValidPartitaIva(' 02438750586 ')).toBe(true); // Roma Capitale, trimmed
  });

  it('accepts computed examples for special offices', () => {
    expect(elevenDigitCheckDigit('1234567120')).toBe(5);
    expect(isValidPartitaIva('12345671205')).toBe(true);
    expect(elevenDigitCheckDigit('1234567999')).toBe(2);
    expect(isValidPartitaIva('12345679992')).toBe(true);
  });

  it.each([
    ['', 'EMPTY'],
    ['0212115100', 'LENGTH'],
    ['0212115100A', 'FORMAT'],
    ['IT02121151001', 'LENGTH'],
    ['00000000000', 'ZERO_NUMBER'],
    ['00000000588', 'ZERO_NUMBER'],
    ['12345670000', 'OFFICE'],
    ['12345671010', 'OFFICE'],
    ['12345671190', 'OFFICE'],
    ['02121151002', 'CHECK_DIGIT'],
  ])('rejects %p with reason %s', (value, reason) => {
    expect(validatePartitaIva(value)).toEqual({
      ok: false,
      code: PARTITA_IVA_INVALID,
      field: 'partitaIva',
      reason,
    });
  });

  it('knows the office code ranges', () => {
    expect([0, 1, 100, 101, 119, 120, 121, 122, 887, 888, 999].map(isValidOfficeCode)).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
      true,
      true,
    ]);
  });

  it('accepts every well-formed number with its computed check digit', () => {
    fc.assert(
      fc.property(partitaIva, (value) => expect(validatePartitaIva(value)).toEqual({ ok: true, value })),
    );
  });

  it('rejects any single-digit change of a valid number', () => {
    fc.assert(
      fc.property(partitaIva, fc.nat({ max: 10 }), digit, (value, position, replacement) => {
        fc.pre(value[position] !== replacement);
        const changed = value.slice(0, position) + replacement + value.slice(position + 1);
        expect(isValidPartitaIva(changed)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
