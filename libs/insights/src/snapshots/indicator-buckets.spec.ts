import { BucketWork, statementRuns } from './indicator-buckets';

const week = (periodStart: string, comuni: string[] | null): BucketWork => ({
  periodStart,
  comuni: comuni && new Set(comuni),
  categories: null,
});
const starts = (runs: BucketWork[][]) => runs.map((run) => run.map((bucket) => bucket.periodStart));

describe('statementRuns', () => {
  it('reads this week’s many Comuni alone and the earlier weeks’ few Comuni in one statement', () => {
    const many = Array.from({ length: 300 }, (_, index) => String(1000 + index).padStart(6, '0'));
    const work = [
      week('2025-03-03', ['001001']),
      week('2025-05-05', ['001002']),
      week('2025-07-07', ['001003']),
      week('2025-09-01', ['001001']),
      week('2025-11-17', many),
    ];
    expect(starts(statementRuns(work, 'week', 2025, 1180))).toEqual([
      ['2025-03-03', '2025-05-05', '2025-07-07', '2025-09-01'],
      ['2025-11-17'],
    ]);
  });

  it('reads scattered weeks of a whole territory one statement each, and adjacent ones together', () => {
    const work = [
      week('2025-03-03', null),
      week('2025-06-02', null),
      week('2025-11-10', null),
      week('2025-11-17', null),
    ];
    expect(starts(statementRuns(work, 'week', 2025, 1180))).toEqual([
      ['2025-03-03'],
      ['2025-06-02'],
      ['2025-11-10', '2025-11-17'],
    ]);
  });

  it('keeps a single bucket whole', () => {
    expect(starts(statementRuns([week('2025-01-01', ['001001'])], 'period', 2025, 1180))).toEqual([
      ['2025-01-01'],
    ]);
  });
});
