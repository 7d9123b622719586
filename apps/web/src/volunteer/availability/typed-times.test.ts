import { describe, expect, it } from 'vitest';
import { parseTypedClock, parseTypedDate } from './typed-times';

describe('typed dates', () => {
  it('reads the Italian day/month/year with any usual separator, and ISO dates', () => {
    expect(parseTypedDate('24/12/2026')).toBe('2026-12-24');
    expect(parseTypedDate(' 5.1.2027 ')).toBe('2027-01-05');
    expect(parseTypedDate('05-01-2027')).toBe('2027-01-05');
    expect(parseTypedDate('2027-01-05')).toBe('2027-01-05');
  });

  it('refuses days that do not exist and other text', () => {
    expect(parseTypedDate('31/02/2027')).toBeNull();
    expect(parseTypedDate('12/24/2026')).toBeNull();
    expect(parseTypedDate('domani')).toBeNull();
  });
});

describe('typed times', () => {
  it('reads hours with or without minutes, with a colon or a point', () => {
    expect(parseTypedClock('9:30')).toBe('09:30');
    expect(parseTypedClock('14.05')).toBe('14:05');
    expect(parseTypedClock('8')).toBe('08:00');
    expect(parseTypedClock('24:00')).toBe('24:00');
  });

  it('refuses impossible times', () => {
    expect(parseTypedClock('24:30')).toBeNull();
    expect(parseTypedClock('9:75')).toBeNull();
    expect(parseTypedClock('nove')).toBeNull();
  });
});
