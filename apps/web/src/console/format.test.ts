import { describe, expect, it } from 'vitest';
import { formatPhone } from './format';

describe('formatPhone', () => {
  it('groups an Italian mobile as people read it', () => {
    expect(formatPhone('+393331234567')).toBe('+39 333 123 4567');
    expect(formatPhone('+39333123456')).toBe('+39 333 123 456');
    expect(formatPhone('+3933312345678')).toBe('+39 333 123 45678');
  });

  it('leaves other numbers as they are', () => {
    expect(formatPhone('+41791234567')).toBe('+41791234567');
    expect(formatPhone('+3901731234')).toBe('+3901731234');
    expect(formatPhone('+390173316000')).toBe('+390173316000');
    expect(formatPhone('+441632960000')).toBe('+441632960000');
  });
});
