import fc from 'fast-check';
import {
  CODICE_FISCALE_INVALID,
  OMOCODIA_LETTERS,
  PERSON_NUMERIC_POSITIONS,
  decodeOmocodia,
  elevenDigitCheckDigit,
  isValidEntityCodiceFiscale,
  isValidPersonCodiceFiscale,
  normaliseCodiceFiscale,
  personCheckCharacter,
  validateCodiceFiscale,
  validatePersonCodiceFiscale,
} from './codice-fiscale';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const MONTHS = 'ABCDEHLMPRST';

const letter = fc.constantFrom(...LETTERS.split(''));
const digit = fc.constantFrom(...DIGITS.split(''));

// Builds a structurally valid personal code, optionally with omocodia letters in any
// subset of numeric positions, and appends the computed check character.
const personCode = fc
  .record({
    name: fc.array(letter, { minLength: 6, maxLength: 6 }),
    year: fc.array(digit, { minLength: 2, maxLength: 2 }),
    month: fc.constantFrom(...MONTHS.split('')),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 41, max: 71 })),
    placeLetter: letter,
    placeNumber: fc.array(digit, { minLength: 3, maxLength: 3 }),
    omocodia: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  })
  .map(({ name, year, month, day, placeLetter, placeNumber, omocodia }) => {
    const chars = [...name, ...year, month, ...String(day).padStart(2, '0'), placeLetter, ...placeNumber];
    PERSON_NUMERIC_POSITIONS.forEach((position, k) => {
      if (omocodia[k]) chars[position] = OMOCODIA_LETTERS[Number(chars[position])];
    });
    const first15 = chars.join('');
    return first15 + personCheckCharacter(first15);
  });

const entityCode = fc
  .array(digit, { minLength: 10, maxLength: 10 })
  .map((digits) => digits.join('') + String(elevenDigitCheckDigit(digits.join(''))));

describe('codice fiscale of persons', () => {
  it('accepts real published examples', () => {
    // Widely published sample codes (Mario Rossi, Matteo Moretti), checked by hand.
    expect(isValidPersonCodiceFiscale('RSSMRA85T10A562S')).toBe(true);
    expect(isValidPersonCodiceFiscale('MRTMTT25D09F205Z')).toBe(true);
  });

  // Check characters below were worked out by hand from the official tables.
  it('accepts examples computed with the odd/even tables', () => {
    expect(personCheckCharacter('BNCGVN80A01H501')).toBe('J');
    expect(isValidPersonCodiceFiscale('BNCGVN80A01H501J')).toBe(true);
    // Woman (day + 40) born abroad (Z-code place).
    expect(personCheckCharacter('VRDLCU92M45Z404')).toBe('P');
    expect(isValidPersonCodiceFiscale('VRDLCU92M45Z404P')).toBe(true);
  });

  it('accepts omocodia substitutions with their own check character', () => {
    // Last digit 5 → R, then the check character changes accordingly.
    expect(personCheckCharacter('MRTMTT25D09F20R')).toBe('U');
    expect(isValidPersonCodiceFiscale('MRTMTT25D09F20RU')).toBe(true);
    // All seven numeric positions substituted.
    const full = 'MRTMTTNRDLVFNLR';
    expect(decodeOmocodia(full)).toBe('MRTMTT25D09F205');
    expect(isValidPersonCodiceFiscale(full + personCheckCharacter(full))).toBe(true);
  });

  it('normalises case and surrounding spaces', () => {
    expect(normaliseCodiceFiscale('  rssmra85t10a562s \n')).toBe('RSSMRA85T10A562S');
    expect(validateCodiceFiscale(' rssmra85t10a562s ')).toEqual({
      ok: true,
      value: 'RSSMRA85T10A562S',
      kind: 'person',
    });
  });

  it.each([
    ['RSSMRA85T10A562T', 'CHECK_CHARACTER'],
    ['RSSMRA85T10A562', 'LENGTH'],
    ['RSSMRA85T10A5620', 'FORMAT'],
    ['RSSMRA85T1OA562S', 'FORMAT'], // letter O is not an omocodia letter
    ['RSSMRA85F10A562S', 'MONTH'],
    ['RSSMRA85T32A562S', 'DAY'],
    ['RSSMRA85T00A562S', 'DAY'],
    ['RSSMRA85T72A562S', 'DAY'],
    ['RSS MRA85T10A562', 'FORMAT'],
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
  ])('rejects %p with reason %s', (value, reason) => {
    expect(validateCodiceFiscale(value)).toEqual({
      ok: false,
      code: CODICE_FISCALE_INVALID,
      field: 'codiceFiscale',
      reason,
    });
  });

  it('accepts every structurally valid code with its computed check character', () => {
    fc.assert(
      fc.property(personCode, (code) => {
        expect(validateCodiceFiscale(code.toLowerCase())).toEqual({ ok: true, value: code, kind: 'person' });
      }),
    );
  });

  it('rejects any single-character change of a valid code', () => {
    const alphabet = (LETTERS + DIGITS).split('');
    fc.assert(
      fc.property(
        personCode,
        fc.nat({ max: 15 }),
        fc.constantFrom(...alphabet),
        (code, position, replacement) => {
          fc.pre(code[position] !== replacement);
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(isValidPersonCodiceFiscale(changed)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("a person's codice fiscale on their account", () => {
  it("accepts a person's code, omocodia included, normalised", () => {
    expect(validatePersonCodiceFiscale(' rssmra85t10a562s')).toEqual({ ok: true, value: 'RSSMRA85T10A562S' });
    expect(validatePersonCodiceFiscale('MRTMTT25D09F20RU')).toEqual({ ok: true, value: 'MRTMTT25D09F20RU' });
  });

  it.each([
    ['RSSMRA85T10A562T', 'CHECK_CHARACTER'],
    ['80002270660', 'LENGTH'], // a body's code is not a person's
    ['RSSMRA85F10A562S', 'MONTH'],
    ['  ', 'EMPTY'],
  ])('refuses %p as FIELD_INVALID naming the field (%s)', (value, reason) => {
    expect(validatePersonCodiceFiscale(value, 'input.codiceFiscale')).toEqual({
      ok: false,
      code: 'FIELD_INVALID',
      field: 'input.codiceFiscale',
      reason,
    });
  });

  it('agrees with the general validator on every generated person code', () => {
    fc.assert(
      fc.property(personCode, (code) => {
        expect(validatePersonCodiceFiscale(code)).toEqual({ ok: true, value: code });
      }),
    );
  });
});

describe('codice fiscale of bodies (11 digits)', () => {
  it('accepts real codes of public bodies', () => {
    expect(validateCodiceFiscale('02438750586')).toEqual({ ok: true, value: '02438750586', kind: 'entity' }); // Roma Capitale
    expect(isValidEntityCodiceFiscale('80078750587')).toBe(true); // INPS
    expect(isValidEntityCodiceFiscale('06363391001')).toBe(true); // Agenzia delle Entrate
  });

  it('accepts a computed example', () => {
    expect(elevenDigitCheckDigit('9712345058')).toBe(3);
    expect(isValidEntityCodiceFiscale('97123450583')).toBe(true);
  });

  it('rejects wrong check digit and non-digits', () => {
    expect(validateCodiceFiscale('02438750587')).toMatchObject({ ok: false, reason: 'CHECK_DIGIT' });
    expect(validateCodiceFiscale('0243875058A')).toMatchObject({ ok: false, reason: 'FORMAT' });
    expect(validateCodiceFiscale('024387505866')).toMatchObject({ ok: false, reason: 'LENGTH' });
  });

  it('accepts any code carrying its computed check digit', () => {
    fc.assert(fc.property(entityCode, (code) => expect(isValidEntityCodiceFiscale(code)).toBe(true)));
  });

  it('rejects any single-digit change of a valid code', () => {
    fc.assert(
      fc.property(entityCode, fc.nat({ max: 10 }), digit, (code, position, replacement) => {
        fc.pre(code[position] !== replacement);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(isValidEntityCodiceFiscale(changed)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
