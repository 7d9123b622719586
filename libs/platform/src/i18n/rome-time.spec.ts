import { romeDay, romeDayTime, romeTime } from './rome-time';

describe('Rome time formatting', () => {
  it('writes Italian local time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(romeDayTime(new Date('2026-01-01T23:05:00Z'))).toBe('02/01 00:05');
    expect(romeDayTime(new Date('2026-07-01T22:30:00Z'))).toBe('02/07 00:30');
    expect(romeTime(new Date('2026-07-01T07:09:00Z'))).toBe('09:09');
    expect(romeDay(new Date('2026-12-31T23:30:00Z'))).toBe('01/01');
  });

  it('follows the change to summer time (29 March 2026, 02:00 -> 03:00)', () => {
    expect(romeTime(new Date('2026-03-29T00:59:00Z'))).toBe('01:59');
    expect(romeTime(new Date('2026-03-29T01:00:00Z'))).toBe('03:00');
  });
});
