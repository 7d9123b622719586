import { callMessageIsUrgent, callMessageRetryAfterSeconds } from './call-message-rules';

describe('call message rules', () => {
  const call = { startsOn: '2026-12-12', endsOn: '2026-12-13', alwaysOpen: false };

  it.each([
    ['2026-12-10', false],
    ['2026-12-11', true],
    ['2026-12-12', true],
    ['2026-12-13', true],
    ['2026-12-14', false],
  ])('a call of 12-13 December: a message on %s is urgent: %s', (today, urgent) => {
    expect(callMessageIsUrgent(call, today)).toBe(urgent);
  });

  it('a one-day call is urgent the day before and on the day; the eve crosses a month', () => {
    const oneDay = { startsOn: '2027-01-01', endsOn: null, alwaysOpen: false };
    expect(callMessageIsUrgent(oneDay, '2026-12-31')).toBe(true);
    expect(callMessageIsUrgent(oneDay, '2027-01-01')).toBe(true);
    expect(callMessageIsUrgent(oneDay, '2027-01-02')).toBe(false);
    expect(callMessageIsUrgent(oneDay, '2026-12-30')).toBe(false);
  });

  it('an always-open call never wakes anyone', () => {
    expect(callMessageIsUrgent({ ...call, alwaysOpen: true, endsOn: null }, '2026-12-12')).toBe(false);
  });

  it('the wait until the oldest message of the last day leaves the count', () => {
    const oldest = new Date('2026-12-05T10:00:00Z');
    expect(callMessageRetryAfterSeconds(oldest, new Date('2026-12-05T10:00:00Z'))).toBe(24 * 3600);
    expect(callMessageRetryAfterSeconds(oldest, new Date('2026-12-06T09:59:30Z'))).toBe(30);
    expect(callMessageRetryAfterSeconds(oldest, new Date('2026-12-06T11:00:00Z'))).toBe(1);
  });
});
