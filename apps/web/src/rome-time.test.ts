import { describe, expect, it } from 'vitest';
import { romeInstant } from './rome-time';

describe('Rome wall clock', () => {
  it('reads winter (UTC+1) and summer (UTC+2) times, and midnight as the next day', () => {
    expect(romeInstant('2027-01-13', '09:30').toISOString()).toBe('2027-01-13T08:30:00.000Z');
    expect(romeInstant('2027-07-14', '09:30').toISOString()).toBe('2027-07-14T07:30:00.000Z');
    expect(romeInstant('2027-07-14', '24:00').toISOString()).toBe('2027-07-14T22:00:00.000Z');
  });

  it('keeps local hours on the days the clocks change', () => {
    // 28 March 2027: 02:00 becomes 03:00; 31 October 2027: 03:00 becomes 02:00.
    expect(romeInstant('2027-03-28', '10:00').toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(romeInstant('2027-10-31', '10:00').toISOString()).toBe('2027-10-31T09:00:00.000Z');
  });
});
