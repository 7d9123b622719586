import type { DataSource } from 'typeorm';
import { queryPrepared } from './prepared-query';

describe('queryPrepared', () => {
  it('names the statement after its text: the same SQL reuses one prepared statement, another gets its own', async () => {
    const sent: { name: string; text: string; values: unknown[] }[] = [];
    const dataSource = {
      query: jest.fn(),
      driver: {
        master: {
          query: async (config: { name: string; text: string; values: unknown[] }) => {
            sent.push(config);
            return { rows: [{ id: 'a' }] };
          },
        },
      },
    };
    expect(await queryPrepared(dataSource, 'SELECT $1::int AS id', [1])).toEqual([{ id: 'a' }]);
    await queryPrepared(dataSource, 'SELECT $1::int AS id', [2]);
    await queryPrepared(dataSource, 'SELECT $1::int AS id, 2', [3]);
    expect(sent.map((config) => config.values)).toEqual([[1], [2], [3]]);
    expect(sent[0].name).toBe(sent[1].name);
    expect(sent[2].name).not.toBe(sent[0].name);
    expect(sent[0].name).toMatch(/^prossimo_[0-9a-f]{24}$/);
    expect(dataSource.query).not.toHaveBeenCalled();
  });

  it('falls back to a plain query without a pg pool', async () => {
    const query = jest.fn(async () => [{ id: 'b' }]);
    expect(await queryPrepared({ query } as unknown as Pick<DataSource, 'query'>, 'SELECT 1', [])).toEqual([
      { id: 'b' },
    ]);
    expect(query).toHaveBeenCalledWith('SELECT 1', []);
  });
});
