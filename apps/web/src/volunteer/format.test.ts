import { describe, expect, it } from 'vitest';
import { formatDate as formatCitizenDate, formatLongDate } from '../citizen/datetime';
import { formatCalendarDate, formatDay } from './format';

describe("the volunteer's dates", () => {
  it("name the weekday on Rome's calendar (past midnight there while still the day before in UTC)", () => {
    expect(formatDay('2026-12-08T23:30:00Z', 'it')).toBe('mercoledì 9 dicembre 2026');
    expect(formatDay('2026-12-08T23:30:00Z', 'en')).toBe('Wednesday, 9 December 2026');
  });

  it('write a calendar date as it is, whatever the zone', () => {
    expect(formatCalendarDate('2026-12-09', 'it')).toBe('9 dicembre 2026');
    expect(formatCalendarDate('2026-03-29', 'en')).toBe('29 March 2026');
  });

  it("write days as the citizen's pages do", () => {
    expect(formatDay('2026-12-05T10:00:00Z', 'it')).toBe(formatLongDate('2026-12-05T10:00:00Z', 'it'));
    expect(formatCalendarDate('2026-12-05', 'en')).toBe(
      formatCitizenDate({ year: 2026, month: 12, day: 5 }, 'en'),
    );
  });
});
