import { describe, expect, it } from 'vitest';
import { formatPhone } from './format';

describe('formatPhone', () => {
  it('groups an Italian mobile as people read it', () => {
    expect(formatPhone('+393331234567')).toBe('+39 333 123 4567');
    expect(formatPhone('+39333123456')).toBe('+39 333 123 456');
  });

  it('leaves other numbers as they are', () => {
    expect(formatPhone('+41791234567')).toBe('+41791234567');
    expect(formatPhone('+3901731234')).toBe('+3901731234');
  });
});
