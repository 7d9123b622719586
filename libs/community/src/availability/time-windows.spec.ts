import {
  checkWindow,
  expandRecurring,
  formatClock,
  fromLocal,
  parseClock,
  toLocal,
  weeklySpanOf,
} from './time-windows';

describe('clock times', () => {
  it('parses HH:MM, allows 24:00 as an end, refuses the rest', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:01')).toBeNull();
    expect(parseClock('9:30')).toBeNull();
    expect(parseClock('12:60')).toBeNull();
    expect(formatClock(570)).toBe('09:30');
  });
});

describe('Europe/Rome wall clock', () => {
  it('converts both ways in winter (UTC+1) and summer (UTC+2)', () => {
    expect(fromLocal('2025-01-15', 9 * 60).toISOString()).toBe('2025-01-15T08:00:00.000Z');
    expect(fromLocal('2025-07-15', 9 * 60).toISOString()).toBe('2025-07-15T07:00:00.000Z');
    expect(toLocal(new Date('2025-07-15T07:00:00Z'))).toEqual({
      date: '2025-07-15',
      dayOfWeek: 2,
      minutes: 540,
    });
    expect(toLocal(new Date('2025-12-31T23:30:00Z'))).toEqual({
      date: '2026-01-01',
      dayOfWeek: 4,
      minutes: 30,
    });
  });

  it('maps the missing spring hour past the jump and midnight to the next day', () => {
    // 2025-03-30 02:30 does not exist in Rome: the clock jumps from 02:00 to 03:00.
    expect(fromLocal('2025-03-30', 150).toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(fromLocal('2025-03-30', 1440).toISOString()).toBe('2025-03-30T22:00:00.000Z');
  });
});

describe('recurrence expansion', () => {
  const sundayMornings = { dayOfWeek: 7, startMinute: 9 * 60, endMinute: 12 * 60 };

  it('keeps local hours across the daylight saving change', () => {
    const slots = expandRecurring(
      { ...sundayMornings, validFrom: '2025-03-01', validUntil: null },
      new Date('2025-03-20T00:00:00Z'),
      new Date('2025-04-07T00:00:00Z'),
    );
    expect(slots.map((slot) => [slot.startsAt.toISOString(), slot.endsAt.toISOString()])).toEqual([
      ['2025-03-23T08:00:00.000Z', '2025-03-23T11:00:00.000Z'],
      ['2025-03-30T07:00:00.000Z', '2025-03-30T10:00:00.000Z'],
      ['2025-04-06T07:00:00.000Z', '2025-04-06T10:00:00.000Z'],
    ]);
  });

  it('respects the validity dates, both inclusive', () => {
    const slots = expandRecurring(
      { ...sundayMornings, validFrom: '2025-03-23', validUntil: '2025-04-06' },
      new Date('2025-03-01T00:00:00Z'),
      new Date('2025-05-01T00:00:00Z'),
    );
    expect(slots.map((slot) => toLocal(slot.startsAt).date)).toEqual([
      '2025-03-23',
      '2025-03-30',
      '2025-04-06',
    ]);
  });

  it('includes an occurrence already under way and none outside the range', () => {
    const from = new Date('2025-03-23T09:00:00Z'); // 10:00 in Rome, inside the window
    const slots = expandRecurring(
      { ...sundayMornings, validFrom: '2025-01-01', validUntil: null },
      from,
      new Date('2025-03-29T00:00:00Z'),
    );
    expect(slots).toHaveLength(1);
    expect(slots[0].startsAt < from).toBe(true);
  });
});

describe('weekly grid position of an interval', () => {
  it('places an interval inside one local day', () => {
    // Tuesday 2025-07-15, 10:00-11:00 in Rome.
    expect(weeklySpanOf(new Date('2025-07-15T08:00:00Z'), new Date('2025-07-15T09:00:00Z'))).toEqual({
      date: '2025-07-15',
      start: 1440 + 600,
      end: 1440 + 660,
    });
  });

  it('accepts an end at the next midnight and refuses intervals across days', () => {
    expect(weeklySpanOf(new Date('2025-07-20T20:00:00Z'), new Date('2025-07-20T22:00:00Z'))).toEqual({
      date: '2025-07-20',
      start: 6 * 1440 + 1320,
      end: 7 * 1440,
    });
    expect(weeklySpanOf(new Date('2025-07-15T20:00:00Z'), new Date('2025-07-15T23:00:00Z'))).toBeNull();
    expect(weeklySpanOf(new Date('2025-07-15T09:00:00Z'), new Date('2025-07-15T09:00:00Z'))).toBeNull();
  });
});

describe('window checks', () => {
  const now = new Date('2025-07-15T08:00:00Z');

  it('names the end of a reversed recurring window', () => {
    expect(
      checkWindow({ recurring: { dayOfWeek: 2, start: '12:00', end: '09:00' } }, now, 'availability.1'),
    ).toEqual({ issue: { field: 'availability.1.recurring.end', code: 'AVAILABILITY_END_NOT_AFTER_START' } });
    expect(checkWindow({ recurring: { dayOfWeek: 2, start: '09:00', end: '09:00' } }, now)).toEqual({
      issue: { field: 'recurring.end', code: 'AVAILABILITY_END_NOT_AFTER_START' },
    });
  });

  it('names validUntil before validFrom and a one-off that ends before it starts', () => {
    expect(
      checkWindow(
        {
          recurring: {
            dayOfWeek: 2,
            start: '09:00',
            end: '12:00',
            validFrom: '2025-09-10',
            validUntil: '2025-09-01',
          },
        },
        now,
      ),
    ).toEqual({ issue: { field: 'recurring.validUntil', code: 'AVAILABILITY_END_NOT_AFTER_START' } });
    expect(
      checkWindow(
        { oneOff: { startsAt: new Date('2025-08-01T10:00:00Z'), endsAt: new Date('2025-08-01T09:00:00Z') } },
        now,
      ),
    ).toEqual({ issue: { field: 'oneOff.endsAt', code: 'AVAILABILITY_END_NOT_AFTER_START' } });
  });

  it('wants exactly one kind, refuses past and month-long one-offs', () => {
    expect(checkWindow({}, now)).toEqual({ issue: { field: 'recurring', code: 'AVAILABILITY_WINDOW_KIND' } });
    expect(
      checkWindow(
        { oneOff: { startsAt: new Date('2025-07-01T10:00:00Z'), endsAt: new Date('2025-07-01T12:00:00Z') } },
        now,
      ),
    ).toEqual({ issue: { field: 'oneOff.endsAt', code: 'AVAILABILITY_IN_THE_PAST' } });
    expect(
      checkWindow(
        { oneOff: { startsAt: new Date('2025-08-01T10:00:00Z'), endsAt: new Date('2025-09-15T10:00:00Z') } },
        now,
      ),
    ).toEqual({ issue: { field: 'oneOff.endsAt', code: 'AVAILABILITY_TOO_LONG' } });
  });

  it('defaults a recurring rule to start today, local date', () => {
    const late = new Date('2025-07-15T22:30:00Z'); // already the 16th in Rome
    expect(checkWindow({ recurring: { dayOfWeek: 3, start: '09:00', end: '24:00' } }, late)).toEqual({
      window: {
        kind: 'recurring',
        rule: { dayOfWeek: 3, startMinute: 540, endMinute: 1440, validFrom: '2025-07-16', validUntil: null },
      },
    });
  });
});
