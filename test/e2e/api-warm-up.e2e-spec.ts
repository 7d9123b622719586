import { IN_APP_NOTIFY_CHANNEL } from '@prossimo/notifications';
import { APP_CONFIG, AppConfig } from '@prossimo/platform';
import IORedis from 'ioredis';
import { Client, type Pool } from 'pg';
import request from 'supertest';
import { warmUpApi } from '../../apps/api/src/warm-up';
import { startStackForFile } from '../support/stack';

const SEARCH = `{ searchServiceOffers(filter: { near: { lat: 45.07, lon: 7.69, radiusKm: 5 } }, first: 1) { items { id } } }`;
const SENSITIVE_LIMIT = 3;

/** The channels the writes the warm-up rehearses notify on (the outbox's trigger, in-app notices). */
const CHANNELS = ['prossimo_outbox', IN_APP_NOTIFY_CHANNEL];

/**
 * The api's warm-up before it listens (apps/api/src/main.ts): /ready says no until it ends, every
 * pool connection is opened, the mix's hot reads are answered through the whole stack (the rate
 * limiter's count included, on counters of its own), the writes are rehearsed and rolled back,
 * and it uses no client's rate-limit budget and leaves nothing behind, in PostgreSQL (no row, no
 * NOTIFY) or in Redis.
 */
describe('api warm-up', () => {
  const stack = startStackForFile({
    startWorker: false,
    env: { RATE_LIMIT_SENSITIVE_PER_MINUTE: String(SENSITIVE_LIMIT) },
  });
  let config: AppConfig;
  let redis: IORedis;

  beforeAll(() => {
    config = stack.api.get<AppConfig>(APP_CONFIG);
    redis = new IORedis(config.REDIS_URL as string);
  });
  afterAll(async () => {
    await redis.quit();
  });

  /** Exact row counts of every table of the database. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables: { name: string }[] = await stack.dataSource.query(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name FROM pg_stat_user_tables ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [{ count }]: { count: string }[] = await stack.dataSource.query(`SELECT count(*) FROM ${name}`);
      counts[name] = Number(count);
    }
    return counts;
  }

  async function throttleKeys(): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(
        cursor,
        'MATCH',
        `${config.QUEUE_PREFIX}:throttle:*`,
        'COUNT',
        1000,
      );
      keys.push(...found);
      cursor = next;
    } while (cursor !== '0');
    return keys;
  }

  /** Everything NOTIFY delivers on CHANNELS until the returned function is called. */
  async function listenToNotifications(): Promise<() => Promise<string[]>> {
    const client = new Client({ connectionString: config.DATABASE_URL });
    await client.connect();
    const received: string[] = [];
    client.on('notification', (message) => received.push(`${message.channel}: ${message.payload ?? ''}`));
    for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
    return async () => {
      // A NOTIFY committed before this query is delivered before its answer.
      await client.query('SELECT 1');
      await client.end();
      return received;
    };
  }

  it('answers /ready only after it, opens the pool, and spends no budget nor data', async () => {
    const rowsBefore = await rowCounts();
    const notifications = await listenToNotifications();
    expect(await throttleKeys()).toEqual([]);
    expect((await request(stack.api.getHttpServer()).get('/ready')).status).toBe(200);

    // Hold the warm-up at its first write (the throwaway user) while /ready is asked.
    const blocker = stack.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE users IN SHARE MODE');
    const poolSize = config.DATABASE_POOL_SIZE;
    const warming = warmUpApi(stack.api, { requests: 40, poolSize, maxMs: 60_000 });
    try {
      const during = await request(stack.api.getHttpServer()).get('/ready');
      expect(during.status).toBe(503);
      expect(during.body.error).toMatchObject({ warmUp: { status: 'down', message: 'warming up' } });
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    const result = await warming;
    expect(result.firstFailure).toBeUndefined();
    expect(result).toMatchObject({
      connections: poolSize,
      rehearsed: poolSize,
      failures: 0,
      timedOut: false,
    });
    // At least the requests asked for, then batches until the CPU per request settles: at most 5x.
    expect(result.requests).toBeGreaterThanOrEqual(40);
    expect(result.requests).toBeLessThanOrEqual(200);
    // Batches of 40 (the requests asked for), the writes rehearsed before each.
    expect(result.rehearsalPasses).toBe(result.requests / 40);
    expect((await request(stack.api.getHttpServer()).get('/ready')).status).toBe(200);
    const pool = (stack.dataSource.driver as unknown as { master: Pool }).master;
    expect(pool.totalCount).toBe(poolSize);

    // Nothing left behind: no row (the throwaway user and its session are gone), no NOTIFY of
    // the rehearsals' outbox jobs and notifications, no counter (its own are deleted).
    expect(await rowCounts()).toEqual(rowsBefore);
    expect(await notifications()).toEqual([]);
    expect(await throttleKeys()).toEqual([]);

    // A client on the same loopback address still has its whole sensitive budget (20 warm-up
    // searches went by, the limit is 3), and the limiter is on: the next one is refused, even
    // with the warm-up's header, which only the warm-up's own server and secret can honour.
    for (let i = 0; i < SENSITIVE_LIMIT; i += 1) {
      const answer = await stack.graphql<{ searchServiceOffers: { items: unknown[] } }>(SEARCH);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.searchServiceOffers.items).toEqual([]);
    }
    const refused = await request(stack.api.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-prossimo-warm-up', 'guess')
      .send({ query: SEARCH });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('stops at its time cap', async () => {
    const result = await warmUpApi(stack.api, { requests: 10_000, poolSize: 2, maxMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(result.requests).toBeLessThan(10_000);
    expect(result.failures).toBe(0);
    expect((await request(stack.api.getHttpServer()).get('/ready')).status).toBe(200);
  });
});
