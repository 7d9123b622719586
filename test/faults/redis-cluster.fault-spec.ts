import { bullPrefix, QUEUE_NAMES, QueueReconcilerService, settlesWithin } from '@prossimo/platform';
import IORedis, { Cluster } from 'ioredis';
import {
  BURST_SETTINGS,
  deliveryCounts,
  PrivateRedisCluster,
  queueSettled,
  reportFailover,
  startBurstGateway,
  waitUntil,
  waitUntilRecordedSent,
  WorkerProcess,
  writeBurst,
} from './fault-support';
import { queueTestSms } from '../support/fixtures';
import { startStack, TestStack, uniqueIp, uniquePhone } from '../support/stack';

const BURST = Number(process.env.FAULT_BURST ?? 2000);

const REQUEST_CODE = `mutation ($phone: String!) {
  requestPhoneVerification(input: { phone: $phone }) { phone }
}`;

/**
 * Redis Cluster (issue 16): a private cluster of three masters, each with a replica, on loopback.
 * The api and the worker use it through REDIS_CLUSTER_NODES; each queue's keys carry a hash tag
 * (one slot per queue) and the queues spread over the masters. A sign-up SMS goes out, the
 * reconciler restores a queue whose data a master lost, and a master SIGKILLed mid-burst of 2,000
 * SMS (a worker child process) is replaced by its replica with every SMS sent once.
 */
describe('Redis Cluster', () => {
  const cluster = new PrivateRedisCluster(3, 1);
  let stack: TestStack;
  const prefix = () => process.env.QUEUE_PREFIX as string;

  beforeAll(async () => {
    await cluster.start();
    stack = await startStack({
      env: {
        // Its host is not used with a cluster (only a password would be).
        REDIS_URL: 'redis://127.0.0.1:6379',
        REDIS_CLUSTER_NODES: cluster.seeds,
        QUEUE_WATCH_INTERVAL_MS: '200',
      },
    });
  }, 120000);

  afterAll(async () => {
    // Bounded: after the master kill, a shutdown must not wait on the dead node (the api and the
    // worker cut connections that do not close in time); then every node is SIGKILLed.
    const startedAt = Date.now();
    const closed = await settlesWithin(stack?.close() ?? Promise.resolve(), 45000);
    process.stdout.write(
      `[cluster] api and worker ${closed ? 'closed' : 'NOT closed'} after ${Date.now() - startedAt} ms\n`,
    );
    await cluster.cleanup();
    expect(closed).toBe(true);
  }, 90000);

  async function outboxRowOf(notificationId: string) {
    const [row] = await stack.dataSource.query(
      `SELECT id, dispatched_at, finished_at FROM outbox WHERE payload->>'notificationId' = $1`,
      [notificationId],
    );
    return row as { id: string; dispatched_at: Date | null; finished_at: Date | null };
  }

  it('sends a sign-up code by SMS, each queue on one slot and the queues on several masters', async () => {
    const phone = uniquePhone();
    const answer = await stack.graphql(REQUEST_CODE, { phone }, { ip: uniqueIp() });
    expect(answer.errors).toBeUndefined();
    await stack.gateway.waitFor(() => stack.gateway.messagesTo(phone).length === 1, 20000);

    const masters = new Set<number>();
    for (const name of QUEUE_NAMES) masters.add((await cluster.masterOf(bullPrefix(prefix(), name))).port);
    expect(masters.size).toBeGreaterThan(1);
    // The notifications queue's keys are all on its master, and nowhere else.
    const master = await cluster.masterOf(bullPrefix(prefix(), 'notifications'));
    const client = new IORedis(master.url, { maxRetriesPerRequest: 1 });
    const keys = await client.keys(`${bullPrefix(prefix(), 'notifications')}:*`);
    client.disconnect();
    expect(keys.length).toBeGreaterThan(1);
  });

  it('enqueues again the work of a queue whose master lost its data', async () => {
    const phone = uniquePhone();
    const id = await queueTestSms(stack, phone, new Date(Date.now() + 2000));
    await waitUntil(async () => (await outboxRowOf(id)).dispatched_at !== null, 20000, 'the job dispatched');
    const master = await cluster.masterOf(bullPrefix(prefix(), 'notifications'));
    const client = new IORedis(master.url, { maxRetriesPerRequest: 1 });
    // One slot: one DEL of every key of the queue (its marker too), atomic like a FLUSHALL.
    const keys = await client.keys(`${bullPrefix(prefix(), 'notifications')}:*`);
    expect(await client.del(...keys)).toBe(keys.length);
    client.disconnect();

    await stack.gateway.waitFor(() => stack.gateway.messagesTo(phone).length === 1, 15000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stack.gateway.requests.filter((entry) => entry.idempotencyKey === id)).toHaveLength(1);
    expect(await stack.worker!.get(QueueReconcilerService).reconcile()).toBe(0);
  });

  it('carries on when the master of the notifications queue is SIGKILLed mid-burst: every SMS once', async () => {
    // The burst's worker is a child process with the burst settings and a gateway that ignores
    // Idempotency-Key (a message POSTed twice reaches the person twice) but has a status lookup;
    // the in-process worker stops first so that only it sends.
    await stack.stopWorker();
    const gateway = await startBurstGateway();
    const worker = new WorkerProcess({
      SMS_HTTP_URL: gateway.url,
      SMS_HTTP_STATUS_URL: gateway.statusUrl,
      SMS_HTTP_USERNAME: gateway.username,
      SMS_HTTP_PASSWORD: gateway.password,
      ...BURST_SETTINGS,
    });
    const deliveredOf = (ids: string[]) => deliveryCounts(gateway, ids).delivered;
    try {
      const ids = await writeBurst(stack.api, stack.dataSource, BURST);
      const master = await cluster.masterOf(bullPrefix(prefix(), 'notifications'));
      worker.start();
      await waitUntil(() => deliveredOf(ids) >= BURST / 4, 60000, 'a quarter of the burst');
      await master.stop('SIGKILL');
      const killedAt = Date.now();
      const atKill = deliveredOf(ids);
      let promotedAt = Number.NaN;
      let drainMs = Number.NaN;
      try {
        await waitUntil(
          async () => (await cluster.masterOf(bullPrefix(prefix(), 'notifications'))).port !== master.port,
          60000,
          'the replica promoted',
        );
        promotedAt = Date.now();
        await waitUntil(() => deliveredOf(ids) === BURST, 120000, 'every message after the failover');
        drainMs = Date.now() - promotedAt;
        // Counted once nothing is left to run: a job the promoted replica gave back runs by then.
        const connection = new Cluster(
          cluster.seeds.split(',').map((seed) => ({ host: '127.0.0.1', port: Number(seed.split(':')[1]) })),
          {
            redisOptions: { maxRetriesPerRequest: 1 },
          },
        );
        await queueSettled(connection, prefix(), 'notifications').finally(() => connection.disconnect());
        await waitUntilRecordedSent(stack.dataSource, ids, 60000);
      } finally {
        reportFailover(gateway, ids, {
          label: 'Cluster master SIGKILL',
          fault: 'Redis Cluster: a master SIGKILLed, its replica promoted',
          atKill,
          killedAt,
          promotedAt,
          drainMs,
        });
      }
      expect(deliveryCounts(gateway, ids)).toEqual({ delivered: BURST, lost: 0, sentTwice: 0 });
      await worker.kill('SIGTERM');
    } finally {
      await worker.kill('SIGKILL');
      await gateway.stop();
    }
  });
});
