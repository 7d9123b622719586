import { describe, expect, it } from 'vitest';
import { formatEuro, formatKm, parseEuroToCents } from './format';

describe('format', () => {
  it('writes prices and distances the Italian way', () => {
    expect(formatEuro(700).replace(/\u00a0/g, ' ')).toBe('7,00 €');
    expect(formatEuro(1234567).replace(/\u00a0/g, ' ')).toBe('12.345,67 €');
    expect(formatKm(3.24)).toBe('3,2');
    expect(formatKm(12.6)).toBe('13');
  });

  it('reads euro amounts typed with a comma or a dot', () => {
    expect(parseEuroToCents('7,50')).toBe(750);
    expect(parseEuroToCents(' 10 € ')).toBe(1000);
    expect(parseEuroToCents('7.5')).toBe(750);
    expect(parseEuroToCents('sette')).toBeUndefined();
    expect(parseEuroToCents('-3')).toBeUndefined();
  });
});
