import { localDateToDay, nextLocalDate, periodProblem, wholeMonths } from './indicator-period';

describe('indicator period', () => {
  it('accepts real calendar dates only', () => {
    expect(localDateToDay('2026-02-28')).not.toBeNull();
    expect(localDateToDay('2026-02-29')).toBeNull();
    expect(localDateToDay('2024-02-29')).not.toBeNull();
    expect(localDateToDay('2026-13-01')).toBeNull();
    expect(localDateToDay('26-01-01')).toBeNull();
  });

  it('names the field of a bad period', () => {
    expect(periodProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(periodProblem('2026-01-32', '2026-12-31')).toEqual({
      field: 'from',
      code: 'INDICATOR_DATE_INVALID',
    });
    expect(periodProblem('2026-03-01', '2026-02-01')).toEqual({
      field: 'to',
      code: 'INDICATOR_PERIOD_REVERSED',
    });
    expect(periodProblem('2024-01-01', '2026-01-01')).toEqual({
      field: 'to',
      code: 'INDICATOR_PERIOD_TOO_LONG',
    });
  });

  it('rounds an open-data period out to whole months', () => {
    expect(wholeMonths('2026-01-15', '2026-02-03')).toEqual({ from: '2026-01-01', to: '2026-02-28' });
    expect(wholeMonths('2024-02-10', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('gives the next day across months and years', () => {
    expect(nextLocalDate('2026-12-31')).toBe('2027-01-01');
    expect(nextLocalDate('2026-03-28')).toBe('2026-03-29');
  });
});
