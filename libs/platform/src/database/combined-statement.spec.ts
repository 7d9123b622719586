import type { EntityManager } from 'typeorm';
import { CombinedStatement } from './combined-statement';

describe('CombinedStatement.runPrepared', () => {
  function twoParts(id: string): CombinedStatement {
    const statement = new CombinedStatement();
    const moved = statement.with(
      'moved',
      `UPDATE t SET x = 1 WHERE id = ${statement.param(id, 'uuid')} RETURNING id`,
    );
    statement.with('logged', `INSERT INTO log (ref) SELECT id FROM ${moved}`);
    return statement;
  }

  it("sends the whole statement as one named prepared statement on the transaction's connection", async () => {
    const sent: { name: string; text: string; values: unknown[] }[] = [];
    const client = {
      query: async (config: { name: string; text: string; values: unknown[] }) => {
        sent.push(config);
        return { rows: [{ id: 'a' }] };
      },
    };
    const manager = { query: jest.fn(), queryRunner: { isReleased: false, connect: async () => client } };
    expect(await twoParts('a').runPrepared(manager, 'SELECT id FROM moved')).toEqual([{ id: 'a' }]);
    await twoParts('b').runPrepared(manager, 'SELECT id FROM moved');
    expect(sent.map((config) => config.values)).toEqual([['a'], ['b']]);
    // The same shape, the same statement: PostgreSQL plans it once per connection.
    expect(sent[1].name).toBe(sent[0].name);
    expect(sent[0].name).toMatch(/^prossimo_/);
    expect(sent[0].text).toBe(twoParts('a').toQuery('SELECT id FROM moved').text);
    expect(manager.query).not.toHaveBeenCalled();
  });

  it('is a plain query with a stand-in manager', async () => {
    const query = jest.fn(async () => [{ id: 'c' }]);
    expect(await twoParts('c').runPrepared({ query } as unknown as Pick<EntityManager, 'query'>)).toEqual([
      { id: 'c' },
    ]);
    expect(query).toHaveBeenCalledWith(expect.stringMatching(/^WITH moved AS/), ['c']);
  });
});
