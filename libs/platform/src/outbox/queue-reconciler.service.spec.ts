import { AppConfig } from '../config/config.schema';
import { QueueBackendService } from '../queue/queue-backend.service';
import { OutboxJobRow, OutboxRepository } from './outbox.repository';
import { QueueReconcilerService } from './queue-reconciler.service';

const LOST_ROW: OutboxJobRow = {
  seq: '1',
  id: '0b5d1a7e-2f4c-4d7e-9a1b-3c5d7e9f1a2b',
  queue: 'notifications',
  job_name: 'deliver-notification',
  payload: { notificationId: 'n-1' },
  delay_ms: 0,
} as unknown as OutboxJobRow;

/**
 * A queue that has lost its data (the marker changed) and whose own connection fails the first
 * job lookup, as right after a Redis restart; and an outbox with one dispatched, unfinished row.
 */
function lostQueueFailingFirstLookup() {
  let epoch = 'before';
  let lookups = 0;
  const added: string[] = [];
  const queues = {
    queueEpoch: async () => ({ epoch, created: false }),
    ensureSchedules: async () => [],
    onQueueReconnect: () => undefined,
    onJobKeysLost: () => undefined,
    defaultJobOptions: () => ({}),
    jobStates: async (_queue: string, ids: string[]) => {
      lookups++;
      if (lookups === 2) throw new Error('Stream isn’t writeable');
      return ids.map(() => undefined);
    },
    queue: () => ({
      addBulk: async (jobs: { opts: { jobId: string } }[]) => {
        added.push(...jobs.map((job) => job.opts.jobId));
        return [];
      },
    }),
  };
  const outbox = {
    dispatchedUnfinished: async (afterSeq: string) => (afterSeq === '0' ? [LOST_ROW] : []),
    markFinished: async () => undefined,
  };
  const config = { QUEUE_WATCH_INTERVAL_MS: 60_000, QUEUE_PREFIX: 'test' } as AppConfig;
  const reconciler = new QueueReconcilerService(
    config,
    queues as unknown as QueueBackendService,
    outbox as unknown as OutboxRepository,
  );
  return { reconciler, added, loseData: () => (epoch = 'after'), lookups: () => lookups };
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('QueueReconcilerService', () => {
  it('retries a reconciliation that failed after a data loss soon, instead of forgetting the loss', async () => {
    const { reconciler, added, loseData, lookups } = lostQueueFailingFirstLookup();
    reconciler.start();
    try {
      // The start's pass: the row's job is missing, so it is enqueued.
      await until(() => added.length === 1);
      loseData();
      // The next watch sees the loss; its pass fails (lookup 2), the retry 250 ms later enqueues.
      void (reconciler as unknown as { watch(): Promise<void> }).watch();
      await until(() => added.length === 2);
      expect(lookups()).toBe(3);
      expect(added).toEqual([LOST_ROW.id, LOST_ROW.id]);
    } finally {
      await reconciler.stop();
    }
  });
});
