import { manyByKey, oneByKey, RequestLoader } from './request-loader';

describe('RequestLoader', () => {
  it('batches the loads of one request into one call; each request has its own cache', async () => {
    const calls: string[][] = [];
    const loader = new RequestLoader<string, string>(async (keys) => {
      calls.push([...keys]);
      return keys.map((key) => key.toUpperCase());
    });
    const request = {};
    expect(await Promise.all(['a', 'b', 'a'].map((key) => loader.for(request).load(key)))).toEqual([
      'A',
      'B',
      'A',
    ]);
    expect(calls).toEqual([['a', 'b']]);
    expect(loader.for(request)).toBe(loader.for(request));
    await loader.for({}).load('a');
    expect(calls).toEqual([['a', 'b'], ['a']]);
  });

  it('orders one row per key, with a stand-in for missing keys', () => {
    const rows = [
      { id: 'b', n: 2 },
      { id: 'a', n: 1 },
    ];
    expect(
      oneByKey(
        ['a', 'x', 'b'],
        rows,
        (row) => row.id,
        null,
        (row) => row.n,
      ),
    ).toEqual([1, null, 2]);
  });

  it('groups many rows per key, in row order, empty for keys without rows', () => {
    const rows = [
      { t: 'x', c: 1 },
      { t: 'y', c: 2 },
      { t: 'x', c: 3 },
    ];
    expect(manyByKey(['x', 'z', 'y'], rows, (row) => row.t).map((group) => group.map((r) => r.c))).toEqual([
      [1, 3],
      [],
      [2],
    ]);
  });
});
