// Italian codice fiscale: 16 alphanumeric characters for persons, 11 digits for
// bodies (enti), as issued by the Agenzia delle Entrate (DM 23/12/1976).
// Pure functions, no framework imports, so any layer can reuse them.

export const CODICE_FISCALE_INVALID = 'CODICE_FISCALE_INVALID' as const;

export type CodiceFiscaleKind = 'person' | 'entity';

export type CodiceFiscaleInvalidReason =
  'EMPTY' | 'LENGTH' | 'FORMAT' | 'MONTH' | 'DAY' | 'CHECK_CHARACTER' | 'CHECK_DIGIT';

export type CodiceFiscaleValidation =
  | { ok: true; value: string; kind: CodiceFiscaleKind }
  | {
      ok: false;
      code: typeof CODICE_FISCALE_INVALID;
      field: 'codiceFiscale';
      reason: CodiceFiscaleInvalidReason;
    };

// Omocodia: when two people would share a code, the Agenzia replaces digits in the
// numeric positions with these letters (0→L … 9→V), from the right.
export const OMOCODIA_LETTERS = 'LMNPQRSTUV';

// 0-based positions that hold digits (year, day, place number) and may carry omocodia.
export const PERSON_NUMERIC_POSITIONS: readonly number[] = [6, 7, 9, 10, 12, 13, 14];

const MONTH_LETTERS = 'ABCDEHLMPRST';

// Values for characters in odd positions (1st, 3rd, … counted from 1); digits share
// the value of the letter with the same index (0↔A, 1↔B, …).
const ODD_VALUES: readonly number[] = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

const PERSON_SHAPE = /^[A-Z]{6}[0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]$/;
const ENTITY_SHAPE = /^[0-9]{11}$/;

/** Trims surrounding whitespace and uppercases, the only forgiving step we allow. */
export function normaliseCodiceFiscale(value: string): string {
  return value.trim().toUpperCase();
}

// Index 0–25 of a character in the check tables: digits map like A–J.
function tableIndex(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65;
}

/** Check character for the first 15 characters of a person's codice fiscale. */
export function personCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const index = tableIndex(first15[i]);
    // i is 0-based, so even i is an odd position in the official 1-based wording.
    sum += i % 2 === 0 ? ODD_VALUES[index] : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Replaces omocodia letters in the numeric positions with the digits they stand for. */
export function decodeOmocodia(code: string): string {
  const chars = code.split('');
  for (const position of PERSON_NUMERIC_POSITIONS) {
    const letterIndex = OMOCODIA_LETTERS.indexOf(chars[position]);
    if (letterIndex >= 0) chars[position] = String(letterIndex);
  }
  return chars.join('');
}

/**
 * Luhn-style check digit shared by the 11-digit codice fiscale of bodies and the
 * partita IVA: digits in even (1-based) positions are doubled, minus 9 above 9.
 */
export function elevenDigitCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      sum += digit;
    } else {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return (10 - (sum % 10)) % 10;
}

function personFailure(code: string): CodiceFiscaleInvalidReason | null {
  if (code.length !== 16) return 'LENGTH';
  if (!PERSON_SHAPE.test(code)) return 'FORMAT';
  if (!MONTH_LETTERS.includes(code[8])) return 'MONTH';
  const day = Number(decodeOmocodia(code).slice(9, 11));
  // Women have 40 added to the day. We do not check day against month or year
  // because the century is ambiguous and the Agenzia's own codes are authoritative.
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return 'DAY';
  if (personCheckCharacter(code.slice(0, 15)) !== code[15]) return 'CHECK_CHARACTER';
  return null;
}

function entityFailure(code: string): CodiceFiscaleInvalidReason | null {
  if (code.length !== 11) return 'LENGTH';
  if (!ENTITY_SHAPE.test(code)) return 'FORMAT';
  if (elevenDigitCheckDigit(code.slice(0, 10)) !== code.charCodeAt(10) - 48) return 'CHECK_DIGIT';
  return null;
}

/** True for a valid 16-character personal code (after normalisation), omocodia included. */
export function isValidPersonCodiceFiscale(value: string): boolean {
  return personFailure(normaliseCodiceFiscale(value)) === null;
}

/** True for a valid 11-digit codice fiscale of a body (same check digit as partita IVA). */
export function isValidEntityCodiceFiscale(value: string): boolean {
  return entityFailure(normaliseCodiceFiscale(value)) === null;
}

/** Normalises and validates; the kind is decided by length (16 person, 11 entity). */
export function validateCodiceFiscale(value: string): CodiceFiscaleValidation {
  const code = normaliseCodiceFiscale(value);
  const fail = (reason: CodiceFiscaleInvalidReason): CodiceFiscaleValidation => ({
    ok: false,
    code: CODICE_FISCALE_INVALID,
    field: 'codiceFiscale',
    reason,
  });
  if (code.length === 0) return fail('EMPTY');
  if (code.length === 16) {
    const reason = personFailure(code);
    return reason === null ? { ok: true, value: code, kind: 'person' } : fail(reason);
  }
  if (code.length === 11) {
    const reason = entityFailure(code);
    return reason === null ? { ok: true, value: code, kind: 'entity' } : fail(reason);
  }
  return fail('LENGTH');
}

export type PersonCodiceFiscaleValidation =
  | { ok: true; value: string }
  | { ok: false; code: 'FIELD_INVALID'; field: string; reason: CodiceFiscaleInvalidReason };

/**
 * A person's code only (16 characters, omocodia included), normalised; a failure names the field
 * of the caller's input, so the API can answer FIELD_INVALID on it. A body's 11 digits are refused.
 */
export function validatePersonCodiceFiscale(
  value: string,
  field = 'codiceFiscale',
): PersonCodiceFiscaleValidation {
  const code = normaliseCodiceFiscale(value);
  const reason = code.length === 0 ? 'EMPTY' : personFailure(code);
  return reason === null ? { ok: true, value: code } : { ok: false, code: 'FIELD_INVALID', field, reason };
}
