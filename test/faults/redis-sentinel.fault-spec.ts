import { INestApplication } from '@nestjs/common';
import IORedis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LoopbackSmsGateway } from '../support/sms-gateway';
import { uniqueIp } from '../support/stack';
import {
  burstEnvironment,
  deliveryCounts,
  PrivateRedis,
  PrivateSentinel,
  queueSettled,
  reportFailover,
  waitUntil,
  waitUntilRecordedSent,
  startApi,
  startBurstGateway,
  WorkerProcess,
  writeBurst,
} from './fault-support';

const BURST = Number(process.env.FAULT_BURST ?? 2000);
const NAME = 'prossimo';

/**
 * Redis Sentinel failover (issue 16): a primary, a replica and three sentinels (quorum 2) on
 * loopback ports; the api (in this process) and a worker child process find the primary through
 * the sentinels (REDIS_SENTINELS). The primary is SIGKILLed mid-burst; the sentinels promote the
 * replica, ioredis follows it, and jobs the replica had not yet received are enqueued again from
 * the outbox (a reconnection reconciles). The gateway ignores Idempotency-Key: a message POSTed
 * twice counts as sent twice.
 */
describe('Redis Sentinel failover', () => {
  let primary: PrivateRedis;
  let replica: PrivateRedis;
  const sentinels: PrivateSentinel[] = [];
  let gateway: LoopbackSmsGateway;
  let api: INestApplication | undefined;
  let dataSource: DataSource;
  let worker: WorkerProcess | undefined;
  let env: Record<string, string>;
  let sentinelOptions: { sentinels: { host: string; port: number }[]; name: string };

  beforeAll(async () => {
    primary = new PrivateRedis();
    await primary.start();
    replica = new PrivateRedis(['--replicaof', '127.0.0.1', String(primary.port)]);
    await replica.start();
    for (let i = 0; i < 3; i++) {
      const sentinel = new PrivateSentinel(primary.port, NAME, 2);
      sentinels.push(sentinel);
      await sentinel.start();
    }
    sentinelOptions = {
      sentinels: sentinels.map((sentinel) => ({ host: '127.0.0.1', port: sentinel.port })),
      name: NAME,
    };
    // The sentinels know each other and the replica before the test relies on a failover.
    await waitUntil(
      async () => {
        const client = new IORedis(sentinels[0].port, '127.0.0.1', { maxRetriesPerRequest: 1 });
        try {
          const [master] = (await client.call('SENTINEL', 'MASTERS')) as string[][];
          const field = (name: string) => Number(master[master.indexOf(name) + 1]);
          return field('num-other-sentinels') === 2 && field('num-slaves') === 1;
        } finally {
          client.disconnect();
        }
      },
      30000,
      'three sentinels and a replica',
    );
    gateway = await startBurstGateway();
    env = burstEnvironment(gateway, {
      // Its host is not used with sentinels.
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_SENTINELS: sentinels.map((sentinel) => `127.0.0.1:${sentinel.port}`).join(','),
      REDIS_SENTINEL_NAME: NAME,
      OUTBOX_POLL_INTERVAL_MS: '100',
    });
    ({ api, dataSource } = await startApi(env));
  }, 120000);

  afterAll(async () => {
    await worker?.kill('SIGKILL');
    await api?.close();
    await gateway?.stop();
    await Promise.all(sentinels.map((sentinel) => sentinel.cleanup()));
    await replica?.cleanup();
    await primary?.cleanup();
  });

  const deliveredOf = (ids: string[]) => deliveryCounts(gateway, ids).delivered;

  it('primary SIGKILLed mid-burst, replica promoted: every SMS sent once', async () => {
    const ids = await writeBurst(api!, dataSource, BURST);
    worker = new WorkerProcess(env);
    worker.start();
    await waitUntil(() => deliveredOf(ids) >= BURST / 4, 60000, 'a quarter of the burst');
    await primary.stop('SIGKILL');
    const killedAt = Date.now();
    const atKill = deliveredOf(ids);

    // The api keeps answering reads meanwhile (they do not need Redis).
    const search = await request(api!.getHttpServer())
      .post('/graphql')
      .set('x-forwarded-for', uniqueIp())
      .send({
        query: `{ searchServiceOffers(filter: { near: { lat: 44.7, lon: 8.03, radiusKm: 20 } }, first: 5) { items { id } } }`,
      });
    expect(search.body.errors).toBeUndefined();

    const direct = new IORedis(replica.url, { maxRetriesPerRequest: 1 });
    try {
      await waitUntil(async () => (await direct.role())[0] === 'master', 60000, 'the replica promoted');
    } finally {
      direct.disconnect();
    }
    const promotedAt = Date.now();
    let drainMs = Number.NaN;
    try {
      await waitUntil(() => deliveredOf(ids) === BURST, 120000, 'every message after the failover');
      drainMs = Date.now() - promotedAt;
      // Counted once nothing is left to run: a job the replica gave back would be re-run by then.
      const connection = new IORedis({ ...sentinelOptions, maxRetriesPerRequest: 1 });
      await queueSettled(connection, env.QUEUE_PREFIX, 'notifications').finally(() =>
        connection.disconnect(),
      );
      await waitUntilRecordedSent(dataSource, ids, 60000);
    } finally {
      reportFailover(gateway, ids, {
        label: 'Sentinel failover',
        fault: 'Sentinel failover (primary SIGKILLed)',
        atKill,
        killedAt,
        promotedAt,
        drainMs,
      });
    }
    expect(deliveryCounts(gateway, ids)).toEqual({ delivered: BURST, lost: 0, sentTwice: 0 });
    await worker.kill('SIGTERM');
  });
});
