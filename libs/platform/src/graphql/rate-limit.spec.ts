import { AppConfig } from '../config/config.schema';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerException, ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { createHmac } from 'node:crypto';
import { GqlThrottlerGuard, ResilientThrottlerStorage, SignedBearerTokens } from './rate-limit';

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

describe('GqlThrottlerGuard', () => {
  const handler = () => undefined;
  class Resolver {}
  const context = () => {
    const req = { ip: '203.0.113.9', headers: {} };
    const res = { setHeader: jest.fn() };
    return {
      getHandler: () => handler,
      getClass: () => Resolver,
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
    } as unknown as ExecutionContext;
  };
  const guardWith = (storage: ThrottlerStorage) =>
    new GqlThrottlerGuard(
      {
        throttlers: [
          { name: 'default', ttl: 60_000, limit: 2 },
          { name: 'sensitive', ttl: 60_000, limit: 1 },
        ],
      },
      storage,
      new Reflector(),
      { JWT_SECRET: 'j'.repeat(32) } as AppConfig,
    );

  it('counts every limit that applies before waiting for any answer (one Redis round trip)', async () => {
    const pending: ((record: ThrottlerStorageRecord) => void)[] = [];
    const increment = jest.fn(() => new Promise<ThrottlerStorageRecord>((resolve) => pending.push(resolve)));
    const guard = guardWith({ increment });
    await guard.onModuleInit();
    const allowed = guard.canActivate(context());
    await new Promise((wake) => setImmediate(wake));
    expect(increment.mock.calls.map((call: unknown[]) => call[4])).toEqual(['default', 'sensitive']);
    pending.forEach((resolve) =>
      resolve({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 }),
    );
    await expect(allowed).resolves.toBe(true);
  });

  it('still refuses when any one limit is exceeded', async () => {
    const increment = jest.fn((_key: string, _ttl: number, limit: number, _block: number, name: string) =>
      Promise.resolve({
        totalHits: name === 'sensitive' ? limit + 1 : 1,
        timeToExpire: 60,
        isBlocked: name === 'sensitive',
        timeToBlockExpire: name === 'sensitive' ? 60 : 0,
      }),
    );
    const guard = guardWith({ increment });
    await guard.onModuleInit();
    await expect(guard.canActivate(context())).rejects.toBeInstanceOf(ThrottlerException);
    expect(increment).toHaveBeenCalledTimes(2);
  });
});

describe('SignedBearerTokens', () => {
  const key = Buffer.from('k'.repeat(32), 'utf8');
  const sign = (payload: string, secret: Buffer) =>
    `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;

  it('answers a token signed with its key, again from memory, and never one that is not', () => {
    const tokens = new SignedBearerTokens(key);
    const signed = sign('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0', key);
    expect(tokens.tokenOf(`Bearer ${signed}`)).toBe(signed);
    expect(tokens.tokenOf(`Bearer ${signed}`)).toBe(signed);
    const forged = sign('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0', Buffer.from('x'.repeat(32), 'utf8'));
    expect(tokens.tokenOf(`Bearer ${forged}`)).toBeUndefined();
    expect(tokens.tokenOf(`Bearer ${signed.slice(0, -2)}`)).toBeUndefined();
    expect(tokens.tokenOf(signed)).toBeUndefined();
    expect(tokens.tokenOf(undefined)).toBeUndefined();
  });
});
