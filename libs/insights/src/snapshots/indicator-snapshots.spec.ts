import { decodeSnapshot, encodeResult, snapshotPlan } from './indicator-snapshots';

const scope = (from: string, to: string, granularity: 'week' | 'month' | 'period', extra = {}) => ({
  from,
  to,
  granularity,
  category: null,
  byComune: false,
  byCategory: false,
  ...extra,
});

describe('snapshotPlan', () => {
  it('answers a calendar year at every granularity from that year’s snapshot, all rows', () => {
    for (const granularity of ['period', 'month', 'week'] as const) {
      expect(snapshotPlan(scope('2025-01-01', '2025-12-31', granularity))).toMatchObject({
        years: [2025],
        granularity,
        periodStarts: null,
      });
    }
  });

  it('answers whole months, across years, from the month rows; one calendar month as a period too', () => {
    expect(snapshotPlan(scope('2024-11-01', '2025-02-28', 'month'))).toMatchObject({
      years: [2024, 2025],
      granularity: 'month',
      periodStarts: { first: '2024-11-01', last: '2025-02-28' },
    });
    expect(snapshotPlan(scope('2024-02-01', '2024-02-29', 'period'))).toMatchObject({
      years: [2024],
      granularity: 'month',
      periodStarts: { first: '2024-02-01', last: '2024-02-01' },
    });
  });

  it('answers Monday-to-Sunday runs inside one year from its week rows', () => {
    expect(snapshotPlan(scope('2025-03-03', '2025-03-30', 'week'))).toMatchObject({
      years: [2025],
      granularity: 'week',
      periodStarts: { first: '2025-03-03', last: '2025-03-30' },
    });
  });

  it('leaves anything else to the live path: cut months, cut weeks, weeks across years, two months as a period', () => {
    expect(snapshotPlan(scope('2025-01-02', '2025-12-31', 'month'))).toBeNull();
    expect(snapshotPlan(scope('2025-01-01', '2025-11-30', 'period'))).toBeNull();
    expect(snapshotPlan(scope('2025-03-01', '2025-04-30', 'period'))).toBeNull();
    expect(snapshotPlan(scope('2025-03-04', '2025-03-30', 'week'))).toBeNull();
    expect(snapshotPlan(scope('2025-03-03', '2025-03-29', 'week'))).toBeNull();
    expect(snapshotPlan(scope('2024-12-30', '2025-01-05', 'week'))).toBeNull();
    expect(snapshotPlan(scope('2025-02-30', '2025-03-31', 'month'))).toBeNull();
  });

  it('reads a category from the per-category snapshot', () => {
    expect(snapshotPlan(scope('2025-01-01', '2025-12-31', 'month', { category: 'home_help' }))).toMatchObject(
      {
        byCategory: true,
        category: 'home_help',
        dropCategory: true,
      },
    );
    expect(
      snapshotPlan(scope('2025-01-01', '2025-12-31', 'month', { category: 'home_help', byCategory: true })),
    ).toMatchObject({ byCategory: true, category: 'home_help', dropCategory: false });
  });
});

describe('encodeResult / decodeSnapshot', () => {
  const rows = [
    {
      periodStart: '2025-01-01',
      comuneIstat: '001001',
      category: 'home_help',
      needs: 3,
      median: 1.25,
      p90: null,
    },
    {
      periodStart: '2025-01-01',
      comuneIstat: null,
      category: 'companionship',
      needs: 0,
      median: null,
      p90: 2,
    },
    {
      periodStart: '2025-02-01',
      comuneIstat: '001001',
      category: 'home_help',
      needs: 7,
      median: 0.1,
      p90: 9.75,
    },
  ];

  it('gives back exactly the stored rows, through JSON', () => {
    const stored = JSON.parse(JSON.stringify(encodeResult(rows)));
    const all = { years: [2025], granularity: 'month' as const, byComune: true, byCategory: true };
    expect(
      decodeSnapshot([stored], { ...all, periodStarts: null, category: null, dropCategory: false }),
    ).toEqual(rows);
    expect(
      decodeSnapshot([stored], {
        ...all,
        periodStarts: { first: '2025-02-01', last: '2025-12-01' },
        category: 'home_help',
        dropCategory: true,
      }),
    ).toEqual([{ ...rows[2], category: null }]);
    expect(
      decodeSnapshot([encodeResult([])], { ...all, periodStarts: null, category: null, dropCategory: false }),
    ).toEqual([]);
  });
});
