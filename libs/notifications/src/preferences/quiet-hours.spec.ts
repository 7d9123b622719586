import { quietHoursRelease, zonedTime } from './quiet-hours';

const rome = (iso: string) => new Date(iso); // ISO strings below carry Rome's offset explicitly

describe('quiet hours in Europe/Rome', () => {
  it('holds an evening message until the next morning (winter time, UTC+1)', () => {
    expect(quietHoursRelease(rome('2026-01-15T22:30:00+01:00'), '21:00', '08:00')?.toISOString()).toBe(
      '2026-01-16T07:00:00.000Z',
    );
  });

  it('holds a message after midnight until the same morning (summer time, UTC+2)', () => {
    expect(quietHoursRelease(rome('2026-07-10T02:15:00+02:00'), '21:00', '08:00')?.toISOString()).toBe(
      '2026-07-10T06:00:00.000Z',
    );
  });

  it('lets a daytime message through', () => {
    expect(quietHoursRelease(rome('2026-07-10T08:00:00+02:00'), '21:00', '08:00')).toBeNull();
    expect(quietHoursRelease(rome('2026-07-10T20:59:00+02:00'), '21:00', '08:00')).toBeNull();
  });

  it('handles a window within one day and an empty window', () => {
    expect(quietHoursRelease(rome('2026-03-02T13:30:00+01:00'), '13:00', '15:00')?.toISOString()).toBe(
      '2026-03-02T14:00:00.000Z',
    );
    expect(quietHoursRelease(rome('2026-03-02T13:30:00+01:00'), '13:00', '13:00')).toBeNull();
  });

  it('releases at 08:00 local time across the spring clock change', () => {
    // 28 → 29 March 2026: clocks go from UTC+1 to UTC+2 at 02:00.
    expect(quietHoursRelease(rome('2026-03-28T23:00:00+01:00'), '21:00', '08:00')?.toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
    expect(zonedTime({ year: 2026, month: 10, day: 25 }, 8 * 60, 'Europe/Rome').toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
  });
});
