import { describe, expect, it } from 'vitest';
import { labelLines } from './BarChart';
import { ageOf, defaultRange, monthsBetween } from './periods';

describe('indicator periods', () => {
  it('defaults to six whole months up to today in Rome, across the new year and at midnight in Rome', () => {
    // 23:30 UTC on 31 December is already 1 January in Rome.
    expect(defaultRange(new Date('2026-12-31T23:30:00Z'))).toEqual({ from: '2026-08-01', to: '2027-01-01' });
    expect(defaultRange(new Date('2026-03-15T12:00:00Z'))).toEqual({ from: '2025-10-01', to: '2026-03-15' });
  });

  it('lists every month of the range, also the empty ones, across years', () => {
    expect(monthsBetween('2025-11-15', '2026-02-03')).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
    expect(monthsBetween('2026-05-01', '2026-05-31')).toEqual(['2026-05-01']);
  });

  it('says how old a snapshot is in minutes, hours or days', () => {
    const now = Date.parse('2026-12-05T12:00:00Z');
    expect(ageOf('2026-12-05T11:35:00Z', now)).toEqual({ key: 'ageMinutes', count: 25 });
    expect(ageOf('2026-12-05T02:00:00Z', now)).toEqual({ key: 'ageHours', count: 10 });
    expect(ageOf('2026-12-01T12:00:00Z', now)).toEqual({ key: 'ageDays', count: 4 });
  });
});

describe('chart labels', () => {
  it('wraps long labels by words so that they do not overlap', () => {
    expect(labelLines('Nessuno abbastanza vicino', 16)).toEqual(['Nessuno', 'abbastanza', 'vicino']);
    expect(labelLines('dic 2026', 9)).toEqual(['dic 2026']);
  });
});
