import { BucketWork, inWork } from './indicator-buckets';
import { decodeSnapshot, encodeResult, QueryExecutor, StoredResult } from './indicator-snapshots';
import { mergeLikeTheDatabase, sameResult, spliceResult } from './indicator-splice';

type Row = Record<string, unknown>;

/** The database's side of the splice: the ranking query, ordered by code point here. */
const ranking: QueryExecutor = async (_sql, [values]) => [
  { ranked: [...(values as string[])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) },
];

/** A seeded generator (mulberry32): the same rows on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEEKS = ['2025-11-03', '2025-11-10', '2025-11-17', '2025-11-24'];
const COMUNI = ['001001', '001002', '004003', '010010', '099999'];
const CATEGORIES = ['companionship', 'errands', 'rides', null];

/** Rows of one statement's shape, in its ORDER BY (periodStart, comuneIstat, category NULLS LAST). */
function statementRows(random: () => number, keep: number): Row[] {
  const rows: Row[] = [];
  for (const periodStart of WEEKS)
    for (const comuneIstat of COMUNI)
      for (const category of CATEGORIES)
        if (random() < keep)
          rows.push({
            periodStart,
            comuneIstat,
            category,
            needs: Math.floor(random() * 50),
            hours: random() < 0.2 ? null : String((random() * 90).toFixed(2)),
            share: random(),
          });
  return rows;
}

/** The splice as it was done before (rows decoded, filtered, merged, encoded): the reference. */
async function throughRows(stored: StoredResult, work: BucketWork[], fresh: Row[]): Promise<StoredResult> {
  const all = {
    years: [2025],
    granularity: 'week' as const,
    byComune: true,
    byCategory: true,
    periodStarts: null,
    category: null,
    dropCategory: false,
  };
  const byStart = new Map(work.map((bucket) => [bucket.periodStart, bucket]));
  const kept = decodeSnapshot([stored], all).filter((row) => {
    const bucket = byStart.get(row.periodStart as string);
    return !bucket || !inWork(row, bucket);
  });
  return encodeResult(await mergeLikeTheDatabase(ranking, kept, fresh, stored));
}

describe('spliceResult', () => {
  it('gives exactly what decoding, merging and encoding the rows gives, on seeded random results', async () => {
    const random = seeded(20251119);
    for (let round = 0; round < 200; round++) {
      const stored = encodeResult(statementRows(random, random() < 0.1 ? 0 : 0.6));
      const work: BucketWork[] = WEEKS.filter(() => random() < 0.5).map((periodStart) => ({
        periodStart,
        comuni: random() < 0.2 ? null : new Set(COMUNI.filter(() => random() < 0.4)),
        categories:
          random() < 0.6 ? null : new Set(['companionship', 'errands', 'rides'].filter(() => random() < 0.5)),
      }));
      // The statement's rows for the work: some rows gone, some new, some changed.
      const fresh = statementRows(random, 0.6).filter((row) => work.some((bucket) => inWork(row, bucket)));
      const expected = await throughRows(stored, work, fresh.slice().reverse());
      expect(await spliceResult(ranking, stored, work, fresh.slice().reverse())).toEqual(expected);
    }
  });

  it('drops the recomputed rows that no longer exist, renumbering the text codes as encodeResult does', async () => {
    const rows = [
      { periodStart: '2025-11-10', comuneIstat: '001001', needs: 1 },
      { periodStart: '2025-11-17', comuneIstat: '001002', needs: 2 },
      { periodStart: '2025-11-17', comuneIstat: '004003', needs: 3 },
    ];
    const work = [{ periodStart: '2025-11-17', comuni: new Set(['001002', '010010']), categories: null }];
    const spliced = await spliceResult(ranking, encodeResult(rows), work, [
      { periodStart: '2025-11-17', comuneIstat: '010010', needs: 4 },
    ]);
    expect(spliced).toEqual(
      encodeResult([rows[0], rows[2], { periodStart: '2025-11-17', comuneIstat: '010010', needs: 4 }]),
    );
    expect(spliced.texts[1]).toEqual(['001001', '004003', '010010']);
  });

  it('tells a splice that recomputed the stored figures (nothing to write) from one that moved a figure', async () => {
    const rows = [
      { periodStart: '2025-11-10', comuneIstat: '001001', needs: 1 },
      { periodStart: '2025-11-17', comuneIstat: '001002', needs: 2 },
    ];
    const stored = JSON.parse(JSON.stringify(encodeResult(rows))) as StoredResult;
    const work = [{ periodStart: '2025-11-17', comuni: new Set(['001002']), categories: null }];
    const same = await spliceResult(ranking, stored, work, [{ ...rows[1] }]);
    expect(sameResult(same, stored)).toBe(true);
    const moved = await spliceResult(ranking, stored, work, [{ ...rows[1], needs: 3 }]);
    expect(sameResult(moved, stored)).toBe(false);
    expect(sameResult(await spliceResult(ranking, stored, work, []), stored)).toBe(false);
  });
});
