import IORedis from 'ioredis';
import { QueueBackendService, QueueReconcilerService } from '@prossimo/platform';
import { queueTestSms, waitUntil } from '../support/fixtures';
import { startStackForFile, uniquePhone } from '../support/stack';

/**
 * PostgreSQL is the truth for background work (issue 16): work whose job the queue lost is
 * enqueued again from the outbox, and a Redis that lost its data gets its schedules back.
 */
describe('queue reconciliation', () => {
  const stack = startStackForFile({ env: { QUEUE_WATCH_INTERVAL_MS: '200' } });
  let redis: IORedis;
  const prefix = () => process.env.QUEUE_PREFIX as string;

  beforeAll(() => {
    redis = new IORedis(process.env.REDIS_URL as string, { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    await redis?.quit();
  });

  /** What FLUSHALL does to this stack, without touching other stacks' keys on the shared Redis. */
  // All keys in one DEL, atomic like FLUSHALL: deleted batch by batch, the worker could see the
  // marker gone and reconcile while the lost job was still there (then nothing was missing), and
  // the job vanished just after (seen failing in a CI run).
  async function forgetQueueData(): Promise<number> {
    let cursor = '0';
    const keys: string[] = [];
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix()}:*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    return keys.length > 0 ? redis.del(...new Set(keys)) : 0;
  }

  async function outboxRowOf(notificationId: string) {
    const [row] = await stack.dataSource.query(
      `SELECT id, dispatched_at, finished_at FROM outbox WHERE payload->>'notificationId' = $1`,
      [notificationId],
    );
    return row as { id: string; dispatched_at: Date | null; finished_at: Date | null };
  }

  it('marks an outbox row finished when its job completes', async () => {
    const phone = uniquePhone();
    const id = await queueTestSms(stack, phone);
    await stack.gateway.waitFor(() => stack.gateway.messagesTo(phone).length === 1);
    await waitUntil(async () => (await outboxRowOf(id)).finished_at !== null);
  });

  it('enqueues again, once, a dispatched job that the queue lost', async () => {
    const reconciler = stack.worker!.get(QueueReconcilerService);
    const phone = uniquePhone();
    // Due in a while: dispatched as a delayed job, which then vanishes from Redis.
    const id = await queueTestSms(stack, phone, new Date(Date.now() + 1500));
    await waitUntil(async () => (await outboxRowOf(id)).dispatched_at !== null);
    const row = await outboxRowOf(id);
    const queues = stack.worker!.get(QueueBackendService);
    await queues.queue('notifications').remove(row.id);
    expect(await queues.queue('notifications').getJob(row.id)).toBeUndefined();

    expect(await reconciler.reconcile()).toBe(1);
    expect(await reconciler.reconcile()).toBe(0); // the job is there now
    await stack.gateway.waitFor(() => stack.gateway.messagesTo(phone).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stack.gateway.messagesTo(phone)).toHaveLength(1);
    expect(stack.gateway.requests.filter((entry) => entry.idempotencyKey === id)).toHaveLength(1);
  });

  it('after Redis lost its data: schedules back and lost work enqueued again, by itself', async () => {
    const queues = stack.worker!.get(QueueBackendService);
    const schedulers = async () =>
      (await queues.queue('maintenance').getJobSchedulers()).map((scheduler) => scheduler.key).sort();
    const before = await schedulers();
    expect(before).toEqual(expect.arrayContaining(['purge', 'expire-needs', 'reconcile-outbox']));
    const phone = uniquePhone();
    const id = await queueTestSms(stack, phone, new Date(Date.now() + 2000));
    await waitUntil(async () => (await outboxRowOf(id)).dispatched_at !== null);

    expect(await forgetQueueData()).toBeGreaterThan(0);

    // The watch runs every 200 ms here: it finds the marker gone and repairs both.
    await waitUntil(async () => (await schedulers()).join() === before.join(), 10000);
    expect(await queues.queue('matching').getJobScheduler('sweep-unmatched')).toBeDefined();
    await stack.gateway.waitFor(() => stack.gateway.messagesTo(phone).length === 1, 15000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stack.gateway.requests.filter((entry) => entry.idempotencyKey === id)).toHaveLength(1);
  });
});
