import { describe, expect, it } from 'vitest';
import { formatDateTime, formatEuro, formatKm, formatNumber, parseEuroToCents } from './format';

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

  it("writes instants on Rome's clock, in winter and in summer, whatever the language", () => {
    expect(formatDateTime('2026-12-05T08:30:00Z', 'it')).toBe('5 dicembre 2026, 09:30');
    expect(formatDateTime('2026-07-01T22:05:00Z', 'it')).toBe('2 luglio 2026, 00:05');
    expect(formatDateTime('2026-12-05T08:30:00Z', 'en')).toBe('5 December 2026, 09:30');
    expect(formatNumber(3.25, 'it')).toBe('3,3');
    expect(formatNumber(3.25, 'en', 2)).toBe('3.25');
  });
});
