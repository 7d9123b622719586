import { describe, expect, it } from 'vitest';
import {
  isBusy,
  kilometres,
  romeDayOf,
  romeDaysOf,
  romeDaysWindow,
  romeDayWindow,
  tomorrowInRome,
} from './batch';

describe('batch assignment: days and states', () => {
  it('turns a Rome day into its window, in winter, in summer and on the days the hour changes', () => {
    expect(romeDayWindow('2026-01-15')).toEqual({
      from: '2026-01-14T23:00:00.000Z',
      to: '2026-01-15T23:00:00.000Z',
    });
    expect(romeDayWindow('2026-07-01')).toEqual({
      from: '2026-06-30T22:00:00.000Z',
      to: '2026-07-01T22:00:00.000Z',
    });
    // 29 March 2026 has 23 hours in Rome; 25 October 2026 has 25.
    expect(romeDayWindow('2026-03-29')).toEqual({
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
    expect(romeDayWindow('2026-10-25')).toEqual({
      from: '2026-10-24T22:00:00.000Z',
      to: '2026-10-25T23:00:00.000Z',
    });
    expect(romeDayWindow('2026-12-31')?.to).toBe('2026-12-31T23:00:00.000Z');
    expect(romeDayWindow('2026-02-30')).toBeNull();
    expect(romeDayWindow('31/12/2026')).toBeNull();
  });

  it('knows tomorrow and a run’s day in Rome, across midnight', () => {
    // 23:30 UTC on 31 December is already 1 January in Rome: tomorrow is the 2nd.
    expect(tomorrowInRome(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-02');
    expect(tomorrowInRome(new Date('2026-03-15T12:00:00Z'))).toBe('2026-03-16');
    expect(romeDayOf('2026-07-01T22:30:00.000Z')).toBe('2026-07-02');
  });

  it('asks again while the worker is at it, and writes kilometres', () => {
    expect(isBusy('RUNNING')).toBe(true);
    expect(isBusy('PUBLISHING')).toBe(true);
    expect(isBusy('PLANNED')).toBe(false);
    expect(kilometres(2950, 'it')).toBe('3,0');
    expect(kilometres(1480, 'en')).toBe('1.5');
  });

  it('turns several Rome days into one window, across the change of hour, at most 7 days', () => {
    expect(romeDaysWindow('2026-03-28', '3')).toEqual({
      from: '2026-03-27T23:00:00.000Z',
      to: '2026-03-30T22:00:00.000Z',
    });
    expect(romeDaysWindow('2026-12-30', '1')).toEqual(romeDayWindow('2026-12-30'));
    expect(romeDaysWindow('2026-12-30', '7')).toEqual({
      from: '2026-12-29T23:00:00.000Z',
      to: '2027-01-05T23:00:00.000Z',
    });
    expect(romeDaysWindow('2026-12-30', '8')).toEqual({ invalid: 'days' });
    expect(romeDaysWindow('2026-12-30', '0')).toEqual({ invalid: 'days' });
    expect(romeDaysWindow('2026-12-30', '2,5')).toEqual({ invalid: 'days' });
    expect(romeDaysWindow('2026-12-30', '')).toEqual({ invalid: 'days' });
    expect(romeDaysWindow('30/12/2026', '2')).toEqual({ invalid: 'day' });
    expect(romeDaysOf('2026-03-27T23:00:00.000Z', '2026-03-30T22:00:00.000Z')).toEqual({
      first: '2026-03-28',
      last: '2026-03-30',
    });
    expect(romeDaysOf('2026-01-14T23:00:00.000Z', '2026-01-15T23:00:00.000Z')).toEqual({
      first: '2026-01-15',
      last: '2026-01-15',
    });
  });
});
