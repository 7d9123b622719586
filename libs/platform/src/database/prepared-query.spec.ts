import type { DataSource, EntityManager } from 'typeorm';
import { queryPrepared, queryPreparedIn } from './prepared-query';

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

describe('queryPreparedIn', () => {
  it("prepares the statement on the transaction's own connection", async () => {
    const sent: { name: string; values: unknown[] }[] = [];
    const client = {
      query: async (config: { name: string; text: string; values: unknown[] }) => {
        sent.push(config);
        return { rows: [{ id: 'c' }] };
      },
    };
    const manager = { query: jest.fn(), queryRunner: { isReleased: false, connect: async () => client } };
    expect(await queryPreparedIn(manager, 'SELECT $1::int AS id', [7])).toEqual([{ id: 'c' }]);
    expect(sent).toEqual([
      expect.objectContaining({ name: expect.stringMatching(/^prossimo_/), values: [7] }),
    ]);
    expect(manager.query).not.toHaveBeenCalled();
  });

  it('uses the pool outside a transaction, and a plain query with a stand-in manager', async () => {
    const poolQuery = jest.fn(async () => ({ rows: [{ id: 'd' }] }));
    const pooled = {
      query: jest.fn(),
      connection: { query: jest.fn(), driver: { master: { query: poolQuery } } },
    };
    expect(await queryPreparedIn(pooled, 'SELECT 2', [])).toEqual([{ id: 'd' }]);
    expect(poolQuery).toHaveBeenCalledTimes(1);
    const plainQuery = jest.fn(async () => [{ id: 'e' }]);
    const plain = { query: plainQuery } as unknown as Pick<EntityManager, 'query'>;
    expect(await queryPreparedIn(plain, 'SELECT 3', [])).toEqual([{ id: 'e' }]);
    expect(plainQuery).toHaveBeenCalledWith('SELECT 3', []);
  });
});
