import { bullPrefix, QUEUE_NAMES, QueueReconcilerService, settlesWithin } from '@prossimo/platform';
import IORedis from 'ioredis';
import { PrivateRedisCluster } from './fault-support';
import { queueTestSms, waitUntil } from '../support/fixtures';
import { startStack, TestStack, uniqueIp, uniquePhone } from '../support/stack';

const REQUEST_CODE = `mutation ($phone: String!) {
  requestPhoneVerification(input: { phone: $phone }) { phone }
}`;

/**
 * Redis Cluster (issue 16): a private cluster of three masters, each with a replica, on loopback.
 * The api and the worker use it through REDIS_CLUSTER_NODES; each queue's keys carry a hash tag
 * (one slot per queue) and the queues spread over the masters. A sign-up SMS goes out, the
 * reconciler restores a queue whose data a master lost, and a master SIGKILLed mid-burst is
 * replaced by its replica with every SMS sent once.
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
    await waitUntil(async () => (await outboxRowOf(id)).dispatched_at !== null);
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
    const phones = Array.from({ length: 60 }, () => uniquePhone());
    const master = await cluster.masterOf(bullPrefix(prefix(), 'notifications'));
    let killedAt = 0;
    for (const [index, phone] of phones.entries()) {
      if (index === 20) {
        await master.stop('SIGKILL');
        killedAt = Date.now();
      }
      await queueTestSms(stack, phone);
    }
    await stack.gateway.waitFor(
      () => phones.every((phone) => stack.gateway.messagesTo(phone).length >= 1),
      60000,
    );
    const recoveredMs = Date.now() - killedAt;
    const promoted = await cluster.masterOf(bullPrefix(prefix(), 'notifications'));
    expect(promoted.port).not.toBe(master.port);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const phone of phones) expect(stack.gateway.messagesTo(phone)).toHaveLength(1);
    process.stdout.write(
      `[cluster] master SIGKILLed: the 40 SMS written after it went out within ${recoveredMs} ms\n`,
    );
  });
});
