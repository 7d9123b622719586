import IORedis from 'ioredis';
import { OutboxRelayService } from '@prossimo/platform';
import { PrivateRedis } from '../faults/fault-support';
import { queueTestSms } from '../support/fixtures';
import { startStackForFile, uniquePhone } from '../support/stack';

/**
 * While the queue is down, new outbox rows do not wake the relay out of its backoff (issue 16,
 * item 4: each row's NOTIFY used to cause a retry, hundreds per outage). A private redis-server,
 * whose settings are changed here.
 */
describe('outbox relay while the queue is down', () => {
  const redis = new PrivateRedis();
  let admin: IORedis;

  beforeAll(async () => {
    await redis.start();
    admin = new IORedis(redis.url, { maxRetriesPerRequest: 1 });
  });
  const stack = startStackForFile(() => ({ env: { REDIS_URL: redis.url } }));
  afterAll(async () => {
    await admin?.quit();
    await redis?.cleanup();
  });

  /** Forty state changes, one every `gapMs`, each with its NOTIFY; their phones. */
  async function writeRows(gapMs: number): Promise<string[]> {
    const phones: string[] = [];
    for (let i = 0; i < 40; i++) {
      const phone = uniquePhone();
      phones.push(phone);
      await queueTestSms(stack, phone);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    return phones;
  }

  const allSent = (phones: string[]) => phones.every((phone) => stack.gateway.messagesTo(phone).length === 1);

  it('a queue that refuses writes at once: a handful of retries, not one per new row', async () => {
    const relay = stack.worker!.get(OutboxRelayService);
    const attempts = jest.spyOn(relay, 'relayOnce');
    // Redis answers, but refuses every write at once (NOREPLICAS), as during a failover.
    await admin.config('SET', 'min-replicas-to-write', '1');
    const phones = await writeRows(100);
    const duringOutage = attempts.mock.calls.length;
    await admin.config('SET', 'min-replicas-to-write', '0');
    const upAt = Date.now();
    await stack.gateway.waitFor(() => allSent(phones), 20000);
    process.stdout.write(
      `[relay] queue refusing writes, 40 rows written: ${duringOutage} relay attempts; all sent ${Date.now() - upAt} ms after\n`,
    );
    // Backoff 250, 500, 1000, 2000 ms... over about four seconds.
    expect(duringOutage).toBeLessThanOrEqual(8);
    attempts.mockRestore();
  });
});
