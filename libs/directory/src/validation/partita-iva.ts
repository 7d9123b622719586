// Italian partita IVA: 11 digits = 7-digit taxpayer number, 3-digit provincial
// office code, 1 check digit (DPR 633/1972, art. 35).
import { elevenDigitCheckDigit } from './codice-fiscale';

export const PARTITA_IVA_INVALID = 'PARTITA_IVA_INVALID' as const;

export type PartitaIvaInvalidReason =
  'EMPTY' | 'LENGTH' | 'FORMAT' | 'ZERO_NUMBER' | 'OFFICE' | 'CHECK_DIGIT';

export type PartitaIvaValidation =
  | { ok: true; value: string }
  | { ok: false; code: typeof PARTITA_IVA_INVALID; field: 'partitaIva'; reason: PartitaIvaInvalidReason };

/** Trims surrounding whitespace; digits need no case folding. */
export function normalisePartitaIva(value: string): string {
  return value.trim();
}

// Provincial offices are 001–100; 120 and 121 were added for later provinces, 888
// and 999 are reserved by the Agenzia for special assignments (e.g. non-residents).
export function isValidOfficeCode(office: number): boolean {
  return (
    (office >= 1 && office <= 100) || office === 120 || office === 121 || office === 888 || office === 999
  );
}

export function validatePartitaIva(value: string): PartitaIvaValidation {
  const code = normalisePartitaIva(value);
  const fail = (reason: PartitaIvaInvalidReason): PartitaIvaValidation => ({
    ok: false,
    code: PARTITA_IVA_INVALID,
    field: 'partitaIva',
    reason,
  });
  if (code.length === 0) return fail('EMPTY');
  if (code.length !== 11) return fail('LENGTH');
  if (!/^[0-9]{11}$/.test(code)) return fail('FORMAT');
  if (code.slice(0, 7) === '0000000') return fail('ZERO_NUMBER');
  if (!isValidOfficeCode(Number(code.slice(7, 10)))) return fail('OFFICE');
  if (elevenDigitCheckDigit(code.slice(0, 10)) !== code.charCodeAt(10) - 48) return fail('CHECK_DIGIT');
  return { ok: true, value: code };
}

export function isValidPartitaIva(value: string): boolean {
  return validatePartitaIva(value).ok;
}
