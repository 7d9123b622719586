// SMS segment counting per 3GPP TS 23.038 (alphabet) and TS 23.040 (concatenation).
// Used to estimate cost before sending, so it must match what the SMSC will bill.

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentCount {
  encoding: SmsEncoding;
  /** GSM-7 septets (extension characters count 2) or UCS-2 UTF-16 code units. */
  units: number;
  segments: number;
}

export const SMS_LIMITS = {
  'GSM-7': { single: 160, multipart: 153 },
  // Multipart loses 6 bytes to the concatenation header: 7 septets or 3 UCS-2 units.
  'UCS-2': { single: 70, multipart: 67 },
} as const;

// GSM 7-bit default alphabet, positions 0x00–0x7F in order. 0x1B is ESC (the escape to
// the extension table), not a character of its own, so it holds a placeholder here.
export const GSM7_BASIC_TABLE =
  '@£$¥èéùìòÇ\nØø\rÅå' +
  'Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ' +
  ' !"#¤%&\'()*+,-./' +
  '0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNO' +
  'PQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmno' +
  'pqrstuvwxyzäöñüà';

// Default extension table: each costs ESC + code, i.e. 2 septets. \f is the page break.
export const GSM7_EXTENSION_CHARACTERS = '\f^{}\\[~]|€';

const ESC = '\u001b';
const BASIC = new Set([...GSM7_BASIC_TABLE].filter((char) => char !== ESC));
const EXTENSION = new Set([...GSM7_EXTENSION_CHARACTERS]);

// Greedy packing is exact here: characters keep their order and a character that
// does not fit wholly in the current segment must start the next one.
function packSegments(widths: number[], units: number, single: number, multipart: number): number {
  if (units === 0) return 0;
  if (units <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > multipart) {
      segments++;
      used = 0;
    }
    used += width;
  }
  return segments;
}

/**
 * Counts the segments the text needs, without any normalisation: callers that want
 * the cheaper GSM-7 encoding for decomposed accents should NFC-normalise first and
 * send that same string. Empty text needs 0 segments.
 */
export function countSmsSegments(text: string): SmsSegmentCount {
  const characters = [...text]; // by code point, so astral characters stay whole
  const gsm = characters.every((char) => BASIC.has(char) || EXTENSION.has(char));
  if (gsm) {
    const widths = characters.map((char) => (EXTENSION.has(char) ? 2 : 1));
    const units = widths.reduce((sum, width) => sum + width, 0);
    const { single, multipart } = SMS_LIMITS['GSM-7'];
    return { encoding: 'GSM-7', units, segments: packSegments(widths, units, single, multipart) };
  }
  // A surrogate pair (emoji etc.) takes 2 units and is kept in one segment, as
  // handsets cannot rebuild a character split across two messages.
  const widths = characters.map((char) => char.length);
  const { single, multipart } = SMS_LIMITS['UCS-2'];
  return {
    encoding: 'UCS-2',
    units: text.length,
    segments: packSegments(widths, text.length, single, multipart),
  };
}
