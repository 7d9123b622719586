import fc from 'fast-check';
import { OPEN_DATA_MIN_PEOPLE, suppressRow, TableSpec } from './open-data';

interface Counts {
  total: number;
  a: number;
  b: number;
  c: number;
}

const spec: TableSpec<Counts> = {
  name: 'test',
  columns: [
    { header: 'total', value: (row) => row.total, people: (row) => row.total },
    { header: 'a', value: (row) => row.a, people: (row) => row.a },
    { header: 'b', value: (row) => row.b, people: (row) => row.b },
    { header: 'c', value: (row) => row.c, people: (row) => row.c },
    { header: 'share_a', value: (row) => row.a / row.total, dependsOn: ['a', 'total'] },
  ],
  partitions: [{ total: 'total', parts: ['a', 'b', 'c'] }],
};

const counts = fc
  .tuple(fc.nat({ max: 30 }), fc.nat({ max: 30 }), fc.nat({ max: 30 }))
  .map(([a, b, c]) => ({ a, b, c, total: a + b + c }));

describe('open data suppression', () => {
  it('publishes zeros and cells of five or more, suppresses one to four', () => {
    const { values } = suppressRow(spec, { total: 16, a: 0, b: 12, c: 4 });
    expect(values.a).toBe(0);
    expect(values.c).toBeNull();
  });

  it('never leaves a lone suppressed part next to its published total', () => {
    const { values } = suppressRow(spec, { total: 20, a: 6, b: 10, c: 4 });
    expect(values.c).toBeNull();
    // The smallest other part goes too, so c cannot be recovered as total - a - b.
    expect(values.a).toBeNull();
    expect(values.b).toBe(10);
    expect(values.total).toBe(20);
    expect(values.share_a).toBeNull();
  });

  it('suppresses the total when no other part can hide the small one', () => {
    const { values } = suppressRow(spec, { total: 7, a: 0, b: 7, c: 0 });
    expect(values).toMatchObject({ total: 7, a: 0, b: 7, c: 0 });
    const small = suppressRow(spec, { total: 3, a: 3, b: 0, c: 0 }).values;
    expect(small.total).toBeNull();
    expect(small.a).toBeNull();
  });

  it('for all rows: no published cell stands for 1-4 people and no suppressed part is recoverable', () => {
    fc.assert(
      fc.property(counts, (row) => {
        const { values } = suppressRow(spec, row);
        for (const header of ['total', 'a', 'b', 'c'] as const) {
          const published = values[header];
          if (published !== null)
            expect(published === 0 || Number(published) >= OPEN_DATA_MIN_PEOPLE).toBe(true);
        }
        const hiddenParts = (['a', 'b', 'c'] as const).filter((header) => values[header] === null);
        if (values.total !== null) expect(hiddenParts.length === 0 || hiddenParts.length >= 2).toBe(true);
      }),
    );
  });
});
