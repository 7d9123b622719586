import { ThrottlerStorage } from '@nestjs/throttler';
import { ResilientThrottlerStorage } from './rate-limit';

describe('ResilientThrottlerStorage', () => {
  const record = { totalHits: 7, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 };

  it('uses the shared counters while they answer', async () => {
    const shared: ThrottlerStorage = { increment: jest.fn().mockResolvedValue(record) };
    const storage = new ResilientThrottlerStorage(shared);
    await expect(storage.increment('k', 60000, 10, 0, 'default')).resolves.toEqual(record);
  });

  it('counts locally when the shared store fails or hangs, so requests are never held up', async () => {
    const failing: ThrottlerStorage = {
      increment: jest.fn().mockRejectedValue(new Error('Connection is closed')),
    };
    const hanging: ThrottlerStorage = { increment: jest.fn(() => new Promise<never>(() => undefined)) };
    for (const shared of [failing, hanging]) {
      const storage = new ResilientThrottlerStorage(shared);
      const started = Date.now();
      const first = await storage.increment('k', 60000, 10, 0, 'default');
      const second = await storage.increment('k', 60000, 10, 0, 'default');
      expect([first.totalHits, second.totalHits]).toEqual([1, 2]);
      expect(Date.now() - started).toBeLessThan(2000);
      await storage.onApplicationShutdown();
    }
  });

  it('closes the store it wraps on shutdown', async () => {
    const onModuleDestroy = jest.fn().mockResolvedValue(undefined);
    const storage = new ResilientThrottlerStorage({ increment: jest.fn(), onModuleDestroy });
    await storage.onApplicationShutdown();
    expect(onModuleDestroy).toHaveBeenCalledTimes(1);
  });
});
