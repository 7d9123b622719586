import { romeWeekOf } from './batch-assignment.engine';

describe('romeWeekOf', () => {
  it('is the Monday of the Rome week, not of the UTC one', () => {
    // Monday 00:30 in Rome is still Sunday in UTC.
    expect(romeWeekOf(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    // Sunday 23:30 in Rome (summer time) belongs to the week that began six days before.
    expect(romeWeekOf(new Date('2026-07-05T21:30:00Z'))).toBe('2026-06-29');
    // Across a month and a year.
    expect(romeWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-12-28');
  });
});
