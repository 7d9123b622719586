import { describe, expect, it } from 'vitest';
import { parseEuros } from './money';

describe('parseEuros', () => {
  it('reads euros as people type them, in cents', () => {
    expect(parseEuros('7')).toBe(700);
    expect(parseEuros('7,50')).toBe(750);
    expect(parseEuros('7.5')).toBe(750);
    expect(parseEuros(' € 12,05 ')).toBe(1205);
    expect(parseEuros('0,10')).toBe(10);
  });

  it('refuses what is not an amount', () => {
    expect(parseEuros('')).toBeNull();
    expect(parseEuros('sette')).toBeNull();
    expect(parseEuros('7,505')).toBeNull();
    expect(parseEuros('-3')).toBeNull();
    expect(parseEuros('1.000,00')).toBeNull();
  });
});
