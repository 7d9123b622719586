import { APP_CONFIG, AppConfig } from '@prossimo/platform';
import type { Pool } from 'pg';
import { warmUpApi } from '../../apps/api/src/warm-up';
import { startStack, TestStack } from '../support/stack';

/**
 * The api's warm-up before it listens (apps/api/src/main.ts): every pool connection open, and
 * public searches answered through the whole stack.
 */
describe('api warm-up', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ startWorker: false });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('opens the whole pool and gets every search answered', async () => {
    const poolSize = stack.api.get<AppConfig>(APP_CONFIG).DATABASE_POOL_SIZE;
    const result = await warmUpApi(stack.api, { requests: 4, poolSize });
    expect(result.firstFailure).toBeUndefined();
    expect(result).toMatchObject({ requests: 4, connections: poolSize, failures: 0 });
    const pool = (stack.dataSource.driver as unknown as { master: Pool }).master;
    expect(pool.totalCount).toBe(poolSize);
    // The app still answers on its own port afterwards (the warm-up's server was a private one).
    const after = await stack.graphql<{ searchServiceOffers: { items: unknown[] } }>(
      `{ searchServiceOffers(filter: { near: { lat: 45.07, lon: 7.69, radiusKm: 5 } }, first: 1) { items { id } } }`,
    );
    expect(after.errors).toBeUndefined();
    expect(after.data?.searchServiceOffers.items).toEqual([]);
  });
});
