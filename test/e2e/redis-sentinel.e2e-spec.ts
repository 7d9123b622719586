import IORedis from 'ioredis';
import { PrivateRedis, PrivateSentinel } from '../faults/fault-support';
import { queueTestSms, waitUntil } from '../support/fixtures';
import { startStackForFile, uniquePhone } from '../support/stack';

/**
 * Redis Sentinel (issue 16): the api and the worker find the primary through a sentinel
 * (REDIS_SENTINELS), and after a failover (the primary SIGKILLed, its replica promoted) they carry
 * on with the new one; every SMS goes out once. Private redis-servers and sentinel on loopback.
 */
describe('Redis Sentinel', () => {
  let primary: PrivateRedis;
  let replica: PrivateRedis;
  let sentinel: PrivateSentinel;

  beforeAll(async () => {
    primary = new PrivateRedis();
    await primary.start();
    replica = new PrivateRedis(['--replicaof', '127.0.0.1', String(primary.port)]);
    await replica.start();
    sentinel = new PrivateSentinel(primary.port);
    await sentinel.start();
  });
  const stack = startStackForFile(() => ({
    env: {
      // Its host is not used with sentinels.
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_SENTINELS: `127.0.0.1:${sentinel.port}`,
      REDIS_SENTINEL_NAME: sentinel.name,
    },
  }));
  afterAll(async () => {
    await sentinel?.cleanup();
    await replica?.cleanup();
    await primary?.cleanup();
  });

  it('works through the sentinel, and after a failover every SMS goes out once', async () => {
    const before = Array.from({ length: 20 }, () => uniquePhone());
    for (const phone of before) await queueTestSms(stack, phone);
    await stack.gateway.waitFor(() => before.every((phone) => stack.gateway.messagesTo(phone).length === 1));
    // The jobs went to the primary named by the sentinel, not to REDIS_URL's host.
    const direct = new IORedis(primary.url, { maxRetriesPerRequest: 1 });
    expect((await direct.keys(`${process.env.QUEUE_PREFIX}:*`)).length).toBeGreaterThan(0);
    direct.disconnect();

    await primary.stop('SIGKILL');
    const killedAt = Date.now();
    const after = Array.from({ length: 20 }, () => uniquePhone());
    for (const phone of after) await queueTestSms(stack, phone);
    await stack.gateway.waitFor(
      () => after.every((phone) => stack.gateway.messagesTo(phone).length >= 1),
      60000,
    );
    const recoveredMs = Date.now() - killedAt;
    const role = new IORedis(replica.url, { maxRetriesPerRequest: 1 });
    await waitUntil(async () => (await role.role())[0] === 'master', 10000);
    role.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const phone of [...before, ...after]) expect(stack.gateway.messagesTo(phone)).toHaveLength(1);
    process.stdout.write(
      `[sentinel] primary killed: the 20 SMS written after it went out within ${recoveredMs} ms\n`,
    );
  });
});
