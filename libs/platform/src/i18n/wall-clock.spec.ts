import { wallClockOf } from './wall-clock';

describe('wallClockOf', () => {
  it('reads Rome time in winter and in summer, whatever the server zone', () => {
    expect(wallClockOf(new Date('2026-01-13T23:30:15Z'))).toEqual({
      year: 2026,
      month: 1,
      day: 14,
      hour: 0,
      minute: 30,
      second: 15,
      weekday: 2,
    });
    expect(wallClockOf(new Date('2026-07-05T21:59:00Z'))).toMatchObject({ day: 5, hour: 23, weekday: 6 });
  });

  it('reads another zone when asked', () => {
    expect(wallClockOf(new Date('2026-01-13T23:30:00Z'), 'UTC')).toMatchObject({
      day: 13,
      hour: 23,
      weekday: 1,
    });
  });
});
