import fc from 'fast-check';
import { GSM7_BASIC_TABLE, GSM7_EXTENSION_CHARACTERS, countSmsSegments } from './sms-segments';

const basicChars = [...GSM7_BASIC_TABLE].filter((char) => char !== '\u001b');
const extensionChars = [...GSM7_EXTENSION_CHARACTERS];
const basicChar = fc.constantFrom(...basicChars);
const gsmChar = fc.oneof(basicChar, fc.constantFrom(...extensionChars));
// Characters outside GSM-7 that Italians actually type, plus BMP and astral symbols.
const nonGsmChar = fc.constantFrom(
  'È',
  'À',
  'Ì',
  'Ò',
  'Ù',
  'ç',
  '’',
  '“',
  '…',
  '–',
  'ł',
  '\u00a0',
  '😀',
  '👍🏽',
  '€\u0301',
);

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

describe('GSM-7 tables', () => {
  it('lays out the default alphabet at the 3GPP TS 23.038 positions', () => {
    const table = [...GSM7_BASIC_TABLE];
    expect(table).toHaveLength(128);
    expect(table[0x00]).toBe('@');
    expect(table[0x04]).toBe('è');
    expect(table[0x05]).toBe('é');
    expect(table[0x06]).toBe('ù');
    expect(table[0x07]).toBe('ì');
    expect(table[0x08]).toBe('ò');
    expect(table[0x09]).toBe('Ç');
    expect(table[0x0a]).toBe('\n');
    expect(table[0x0d]).toBe('\r');
    expect(table[0x10]).toBe('Δ');
    expect(table[0x1f]).toBe('É');
    expect(table[0x24]).toBe('¤');
    expect(table[0x40]).toBe('¡');
    expect(table[0x41]).toBe('A');
    expect(table[0x5f]).toBe('§');
    expect(table[0x60]).toBe('¿');
    expect(table[0x7f]).toBe('à');
  });
});

describe('countSmsSegments', () => {
  it('counts the empty text as no segment', () => {
    expect(countSmsSegments('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
  });

  it('keeps Italian lowercase accents and É in GSM-7', () => {
    expect(countSmsSegments('Perché è già lì? Però più tardi. É così.')).toEqual({
      encoding: 'GSM-7',
      units: 40,
      segments: 1,
    });
  });

  it.each(['È', 'À', 'Ì', 'Ò', 'Ù', 'ç', 'á', '’'])('switches to UCS-2 for %p', (char) => {
    expect(countSmsSegments(`Ciao ${char}`)).toEqual({ encoding: 'UCS-2', units: 6, segments: 1 });
  });

  it('uses the 160/153 limits for GSM-7', () => {
    expect(countSmsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSmsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters as two septets', () => {
    expect(countSmsSegments('€5 [x] {y} ^~\\|\f')).toEqual({ encoding: 'GSM-7', units: 26, segments: 1 });
    expect(countSmsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSmsSegments('€'.repeat(81))).toEqual({ encoding: 'GSM-7', units: 162, segments: 2 });
  });

  it('never splits an extension character across segments', () => {
    // 306 septets would fit 2 × 153, but the € cannot straddle the boundary.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(152);
    expect(countSmsSegments(text)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
  });

  it('uses the 70/67 limits for UCS-2', () => {
    expect(countSmsSegments('È'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSmsSegments('È'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(countSmsSegments('È'.repeat(134)).segments).toBe(2);
    expect(countSmsSegments('È'.repeat(135)).segments).toBe(3);
  });

  it('counts an emoji as two UTF-16 units and keeps it whole', () => {
    expect(countSmsSegments('Grazie 😀')).toEqual({ encoding: 'UCS-2', units: 9, segments: 1 });
    expect(countSmsSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    // 134 units would fit 2 × 67, but the emoji cannot straddle the boundary.
    const text = 'È'.repeat(66) + '😀' + 'È'.repeat(66);
    expect(countSmsSegments(text)).toEqual({ encoding: 'UCS-2', units: 134, segments: 3 });
  });

  it('gives ceil(units / 153) for any basic-table text', () => {
    fc.assert(
      fc.property(fc.array(basicChar, { maxLength: 1000 }), (chars) => {
        const n = chars.length;
        const expected = n === 0 ? 0 : n <= 160 ? 1 : ceilDiv(n, 153);
        expect(countSmsSegments(chars.join(''))).toEqual({ encoding: 'GSM-7', units: n, segments: expected });
      }),
    );
  });

  it('counts septets and stays within one segment of the unsplit bound for any GSM text', () => {
    fc.assert(
      fc.property(fc.array(gsmChar, { maxLength: 800 }), (chars) => {
        const result = countSmsSegments(chars.join(''));
        const units = chars.reduce((sum, char) => sum + (extensionChars.includes(char) ? 2 : 1), 0);
        expect(result.encoding).toBe('GSM-7');
        expect(result.units).toBe(units);
        if (units > 160) {
          // Each boundary wastes at most one septet (a 2-septet character pushed over).
          expect(result.segments).toBeGreaterThanOrEqual(ceilDiv(units, 153));
          expect(result.segments).toBeLessThanOrEqual(ceilDiv(units, 152));
        }
      }),
    );
  });

  it('switches to UCS-2 as soon as one character is outside GSM-7', () => {
    fc.assert(
      fc.property(
        fc.array(gsmChar, { maxLength: 300 }),
        nonGsmChar,
        fc.array(gsmChar, { maxLength: 300 }),
        (before, odd, after) => {
          const text = before.join('') + odd + after.join('');
          const result = countSmsSegments(text);
          expect(result.encoding).toBe('UCS-2');
          expect(result.units).toBe(text.length);
          if (text.length <= 70) expect(result.segments).toBe(1);
          else expect(result.segments).toBeGreaterThanOrEqual(ceilDiv(text.length, 67));
        },
      ),
    );
  });

  it('never needs fewer segments after appending text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(gsmChar, nonGsmChar), { maxLength: 400 }),
        fc.oneof(gsmChar, nonGsmChar),
        (chars, extra) => {
          const text = chars.join('');
          expect(countSmsSegments(text + extra).segments).toBeGreaterThanOrEqual(
            countSmsSegments(text).segments,
          );
        },
      ),
    );
  });
});
