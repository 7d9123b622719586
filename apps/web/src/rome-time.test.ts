import { describe, expect, it } from 'vitest';
import { romeCalendarDate, romeDayAndTime, romeInstant, romeInstantOrNull } from './rome-time';

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

  it('answers null for what is not a day or a time (the desk form then names the field)', () => {
    for (const [day, time] of [
      ['2026-02-30', '09:00'],
      ['2026-13-01', '09:00'],
      ['', '09:00'],
      ['2026-12-12', ''],
      ['2026-12-12', '9:30'],
      ['2026-12-12', '25:00'],
      ['2026-12-12', '24:30'],
      ['2026-12-12', '10:60'],
    ]) {
      expect(romeInstantOrNull(day, time)).toBeNull();
    }
    expect(() => romeInstant('2026-02-30', '09:00')).toThrow(RangeError);
  });

  it('gives the day and time on Rome’s clock, not the device’s: past midnight in Rome is the next day', () => {
    const instant = new Date('2026-12-31T23:30:00Z');
    expect(romeDayAndTime(instant)).toEqual({ day: '2027-01-01', time: '00:30' });
    expect(romeCalendarDate(instant)).toBe('2027-01-01');
    expect(romeDayAndTime(new Date('2027-07-14T21:59:00Z'))).toEqual({ day: '2027-07-14', time: '23:59' });
  });
});
