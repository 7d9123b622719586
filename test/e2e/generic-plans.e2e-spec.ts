import { withGenericPlansIn } from '@prossimo/platform';
import { Client } from 'pg';

/**
 * withGenericPlansIn on a real connection: the matching engine's searches run on their generic
 * plans, and the connection gets its own setting back, whether the work succeeds or fails, inside
 * a transaction or not.
 */
describe('generic plans for the candidate searches (withGenericPlansIn)', () => {
  let client: Client;
  const manager = () => ({ queryRunner: { isReleased: false, connect: async () => client } });
  const planCacheMode = async () =>
    (await client.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0].plan_cache_mode;
  /** The plan of a prepared statement with one parameter: `$1` in it when generic. */
  const planOf = async () => {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN EXECUTE generic_plans_probe('2026-01-01')`,
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };

  beforeAll(async () => {
    client = new Client({ connectionString: process.env.PROSSIMO_TEST_DATABASE_URL });
    await client.connect();
    await client.query(
      `PREPARE generic_plans_probe(timestamptz) AS SELECT count(*) FROM users WHERE created_at > $1`,
    );
  });

  afterAll(async () => {
    await client.end();
  });

  it('plans generically inside, and gives the connection its own setting back', async () => {
    await client.query(`SET plan_cache_mode = force_custom_plan`);
    expect(await planOf()).not.toContain('$1');
    const inside = await withGenericPlansIn(manager(), async () => ({
      mode: await planCacheMode(),
      plan: await planOf(),
    }));
    expect(inside.mode).toBe('force_generic_plan');
    expect(inside.plan).toContain('$1');
    expect(await planCacheMode()).toBe('force_custom_plan');
    await client.query(`RESET plan_cache_mode`);
  });

  it('puts the setting back after a failure outside a transaction, and passes the error on', async () => {
    await expect(
      withGenericPlansIn(manager(), async () => {
        await client.query('SELECT 1 / 0');
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await planCacheMode()).toBe('auto');
  });

  it('leaves the setting to the rollback after a failure inside a transaction', async () => {
    await client.query('BEGIN');
    await expect(
      withGenericPlansIn(manager(), async () => {
        await client.query('SELECT 1 / 0');
      }),
    ).rejects.toThrow(/division by zero/);
    await client.query('ROLLBACK');
    expect(await planCacheMode()).toBe('auto');
  });

  it('keeps the setting to the transaction when it commits', async () => {
    await client.query('BEGIN');
    expect(await withGenericPlansIn(manager(), planCacheMode)).toBe('force_generic_plan');
    expect(await planCacheMode()).toBe('auto');
    await client.query('COMMIT');
    expect(await planCacheMode()).toBe('auto');
  });

  it('runs the work as it is without a connection of its own (a pool)', async () => {
    expect(await withGenericPlansIn({}, planCacheMode)).toBe('auto');
  });
});
