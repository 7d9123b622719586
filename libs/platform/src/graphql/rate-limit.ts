import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ExecutionContext,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  OnModuleDestroy,
  SetMetadata,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerModule,
  ThrottlerModuleOptions,
  ThrottlerRequest,
  ThrottlerStorage,
  ThrottlerStorageService,
} from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { withTimeout } from '../queue/queue-backend.service';
import { createRedisClient, RedisClient } from '../queue/redis-connection';
import type IORedis from 'ioredis';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { RequestContext } from '../context/request-context';
import { renderMessage } from '../i18n/messages';
import { isWarmUpRequest } from '../health/readiness';

const SENSITIVE_OPERATION = 'prossimo:sensitive-operation';

/** Marks an operation open to abuse (sign-up, search, reports): it gets the stricter limit too. */
export const SensitiveOperation = () => SetMetadata(SENSITIVE_OPERATION, true);

interface TrackedRequest {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

const MAX_REMEMBERED_TRACKERS = 10_000;

/**
 * The bearer token of an Authorization header when this platform signed it (HS256 with
 * JWT_SECRET), else undefined. One HMAC, no database: enough to tell a real caller from a made-up
 * token for rate limits (the resolvers' guards check expiry and the session).
 */
export function signedBearerToken(authorization: unknown, jwtKey: Buffer): string | undefined {
  if (typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return undefined;
  const token = authorization.slice(7);
  const lastDot = token.lastIndexOf('.');
  if (lastDot <= 0 || token.indexOf('.') === lastDot) return undefined;
  const signature = Buffer.from(token.slice(lastDot + 1), 'base64url');
  const expected = createHmac('sha256', jwtKey).update(token.slice(0, lastDot)).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : undefined;
}

/**
 * signedBearerToken with a memory of the tokens it found signed: a client sends the same token
 * with every request, and the HMAC of each was about 1% of the api's CPU in bench:api profiles. A
 * signature depends only on the token's bytes and the key, so the answer cannot change; only
 * signed tokens are remembered (a made-up one is checked each time), at most
 * MAX_REMEMBERED_TRACKERS of them, and expiry is still the resolvers' guards' to check.
 */
export class SignedBearerTokens {
  private readonly signed = new Set<string>();

  constructor(private readonly jwtKey: Buffer) {}

  /** The bearer token of the header when this platform signed it, else undefined. */
  tokenOf(authorization: unknown): string | undefined {
    if (typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return undefined;
    const candidate = authorization.slice(7);
    if (this.signed.has(candidate)) return candidate;
    const token = signedBearerToken(authorization, this.jwtKey);
    if (token) {
      if (this.signed.size >= MAX_REMEMBERED_TRACKERS) this.signed.clear();
      this.signed.add(token);
    }
    return token;
  }
}

/**
 * Rate limits for GraphQL and REST. A signed-in caller is counted by their token, anyone else by
 * client IP; each resolved field counts, so aliases cannot multiply one request's budget.
 */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  private readonly jwtKey: Buffer;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(options, storage, reflector);
    this.jwtKey = Buffer.from(config.JWT_SECRET, 'utf8');
  }

  protected override getRequestResponse(context: ExecutionContext) {
    if (context.getType<string>() === 'graphql') {
      const { req, res } = GqlExecutionContext.create(context).getContext<{
        req: TrackedRequest;
        res: unknown;
      }>();
      return { req: req as unknown as Record<string, unknown>, res: res as Record<string, unknown> };
    }
    return super.getRequestResponse(context);
  }

  /** The counts each request has started, by its execution context (see canActivate). */
  private readonly started = new WeakMap<ExecutionContext, Promise<boolean>[]>();

  /**
   * As ThrottlerGuard's, but the limits that apply (default, and sensitive on sign-up, search and
   * reports) are counted at once rather than one after the other's answer: with Redis
   * auto-pipelining both go in one round trip. A request refused by one limit is still counted by
   * the other (the library's loop stopped at the first refusal): stricter, never looser.
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const started: Promise<boolean>[] = [];
    this.started.set(context, started);
    let allowed: boolean;
    try {
      allowed = await super.canActivate(context);
    } finally {
      this.started.delete(context);
    }
    // The first refusal (a ThrottlerException) is thrown from here.
    const counted = await Promise.all(started);
    return allowed && counted.every(Boolean);
  }

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    // The api's own warm-up requests (readiness.ts: a mark no client can set) run the whole count,
    // Redis round trip included, so that it is warm too, but on counters of their own that never
    // refuse and are deleted when the warm-up ends: they count for no one.
    const counting = super.handleRequest(
      isWarmUpRequest(this.getRequestResponse(request.context).req) ? warmUpCount(request) : request,
    );
    const started = this.started.get(request.context);
    if (!started) return counting;
    started.push(counting);
    // Awaited by canActivate; until then a refusal must not count as unhandled.
    counting.catch(() => undefined);
    return Promise.resolve(true);
  }

  /** Token → tracker: a client sends the same token many times; hashing it each time showed in profiles. */
  private readonly tokenTrackers = new Map<string, string>();

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as TrackedRequest;
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      const known = this.tokenTrackers.get(header.slice(7));
      if (known) return known;
      // Only tokens this platform signed get their own count: a made-up one is counted by address
      // like no token, or each would open a fresh budget.
      const token = signedBearerToken(header, this.jwtKey);
      if (token) {
        const tracker = `token:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
        if (this.tokenTrackers.size >= MAX_REMEMBERED_TRACKERS) this.tokenTrackers.clear();
        this.tokenTrackers.set(token, tracker);
        return tracker;
      }
    }
    return `ip:${request.ip ?? 'unknown'}`;
  }
}

/** Prefixes the counters' keys of the warm-up's requests; a client's key is a bare hex hash. */
const WARM_UP_COUNTER = 'warm-up:';

/** A warm-up request's count: its own key, a limit it never reaches. */
function warmUpCount(request: ThrottlerRequest): ThrottlerRequest {
  return {
    ...request,
    limit: Number.MAX_SAFE_INTEGER,
    generateKey: (context, tracker, throttlerName) =>
      WARM_UP_COUNTER + request.generateKey(context, tracker, throttlerName),
  };
}

/**
 * Deletes the counters the warm-up's requests started (GqlThrottlerGuard), so that the warm-up
 * leaves nothing in Redis. Called by the warm-up when it ends.
 */
export async function forgetWarmUpRateCounters(app: {
  get(token: unknown, options: { strict: false }): unknown;
}): Promise<void> {
  const storage = app.get(ThrottlerStorage, { strict: false });
  if (storage instanceof ResilientThrottlerStorage) await storage.forgetWarmUpCounters();
}

const SHARED_STORAGE_TIMEOUT_MS = 250;

interface ThrottleScript {
  prossimoThrottle(
    hitKey: string,
    blockKey: string,
    throttlerName: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<unknown>;
}

/**
 * The Redis counters of @nest-lab/throttler-storage-redis, its script sent by SHA (EVALSHA through
 * ioredis' defineCommand, which falls back to EVAL once after a SCRIPT FLUSH or restart) instead of
 * its whole ~1 KB source with every request: that source was a tenth of the api's socket writes
 * per search, and Redis hashed it again each time.
 */
export class RedisThrottlerStorage extends ThrottlerStorageRedisService {
  constructor(client: RedisClient) {
    // The overloads take one kind or the other; the library checks which at run time.
    super(client as IORedis);
    // Its failures are answered by the local counters (ResilientThrottlerStorage), not logged.
    client.on('error', () => undefined);
    // Given a client, the library would leave it open at shutdown.
    this.disconnectRequired = true;
    this.redis.defineCommand('prossimoThrottle', { numberOfKeys: 2, lua: this.scriptSrc });
  }

  override async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    // The library's key layout, so counters carry over a deploy.
    const results = await (this.redis as unknown as ThrottleScript).prossimoThrottle(
      `{${key}:${throttlerName}}:hits`,
      `{${key}:${throttlerName}}:blocked`,
      throttlerName,
      ttl,
      limit,
      blockDuration,
    );
    if (
      !Array.isArray(results) ||
      results.length !== 4 ||
      results.some((value) => typeof value !== 'number')
    ) {
      throw new TypeError(`unexpected rate-limit script answer: ${JSON.stringify(results)}`);
    }
    const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = results as number[];
    return {
      totalHits,
      timeToExpire: Math.ceil(timeToExpire / 1000),
      isBlocked: isBlocked === 1,
      timeToBlockExpire: Math.ceil(timeToBlockExpire / 1000),
    };
  }

  /** Deletes counters (both keys of each, in the library's layout). */
  async forget(counters: readonly { key: string; throttlerName: string }[]): Promise<void> {
    if (!counters.length) return;
    await this.redis.unlink(
      ...counters.flatMap(({ key, throttlerName }) => [
        `{${key}:${throttlerName}}:hits`,
        `{${key}:${throttlerName}}:blocked`,
      ]),
    );
  }
}

/**
 * Counters shared through Redis, but never a dependency of every request: when Redis does not
 * answer quickly (down, restarting), this process counts on its own until it is back.
 */
export class ResilientThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly local = new ThrottlerStorageService();
  /** The warm-up's counters (key and throttler, joined by a newline), until forgetWarmUpCounters. */
  private readonly warmUpCounters = new Set<string>();

  constructor(private readonly shared: ThrottlerStorage & Partial<OnModuleDestroy>) {}

  /** Nest sees only this wrapper: close what it wraps, or the Redis connection keeps the process alive. */
  async onApplicationShutdown(): Promise<void> {
    this.local.onApplicationShutdown();
    await this.shared.onModuleDestroy?.();
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (key.startsWith(WARM_UP_COUNTER)) this.warmUpCounters.add(`${key}\n${throttlerName}`);
    try {
      return await withTimeout(
        this.shared.increment(key, ttl, limit, blockDuration, throttlerName),
        SHARED_STORAGE_TIMEOUT_MS,
        'rate-limit storage',
      );
    } catch {
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  /**
   * Deletes the warm-up's counters from Redis. (One counted locally while Redis did not answer
   * stays in this process's memory until its minute ends: it is no client's, and never refuses.)
   */
  async forgetWarmUpCounters(): Promise<void> {
    const counters = [...this.warmUpCounters].map((joined) => {
      const [key, throttlerName] = joined.split('\n');
      return { key, throttlerName };
    });
    this.warmUpCounters.clear();
    if (this.shared instanceof RedisThrottlerStorage) {
      await withTimeout(this.shared.forget(counters), 5_000, 'rate-limit storage').catch(() => undefined);
    }
  }
}

const ANONYMOUS_THROTTLER = 'anonymous';
const ANONYMOUS_WINDOW_MS = 60_000;

/**
 * A general limit for callers without a valid access token, per client address, counted for every
 * HTTP request to /graphql before its body is read or parsed: the resolvers' guard never sees
 * documents refused by the parser or validation, and would count a made-up token as a new caller.
 * A token counts as signed in when its signature checks (HS256 with JWT_SECRET; the resolvers'
 * guards check the rest), which costs one HMAC and no database.
 */
@Injectable()
export class AnonymousRateLimiter {
  private readonly signedTokens: SignedBearerTokens;
  private readonly limit: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
  ) {
    this.signedTokens = new SignedBearerTokens(Buffer.from(config.JWT_SECRET, 'utf8'));
    this.limit = config.RATE_LIMIT_ANONYMOUS_PER_MINUTE;
  }

  readonly middleware = (
    req: IncomingMessage & { ip?: string },
    res: ServerResponse,
    next: (error?: unknown) => void,
  ): void => {
    // The token first: the warm-up's requests (signed in) run the same check as a client's.
    if (this.signedTokens.tokenOf(req.headers.authorization) || isWarmUpRequest(req)) return next();
    const key = `anonymous:ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    this.storage
      .increment(key, ANONYMOUS_WINDOW_MS, this.limit, ANONYMOUS_WINDOW_MS, ANONYMOUS_THROTTLER)
      .then(({ isBlocked, timeToBlockExpire }) => {
        if (!isBlocked) return next();
        const retryAfterSeconds = Math.max(1, timeToBlockExpire);
        res.statusCode = 429;
        res.setHeader('retry-after', String(retryAfterSeconds));
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(
          JSON.stringify({
            errors: [
              {
                message: renderMessage('RATE_LIMITED', RequestContext.language(), { retryAfterSeconds }),
                extensions: { code: 'RATE_LIMITED', retryAfterSeconds },
              },
            ],
          }),
        );
      }, next);
  };
}

function isSensitive(context: ExecutionContext): boolean {
  return Reflect.getMetadata(SENSITIVE_OPERATION, context.getHandler()) === true;
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE },
          {
            name: 'sensitive',
            ttl: 60_000,
            limit: config.RATE_LIMIT_SENSITIVE_PER_MINUTE,
            skipIf: (context: ExecutionContext) => !isSensitive(context),
          },
        ],
        // Several api processes share counters through Redis; one process keeps them in memory.
        storage: config.REDIS_URL
          ? new ResilientThrottlerStorage(
              new RedisThrottlerStorage(
                createRedisClient(config, {
                  // The counters' keys carry a hash tag per caller (one slot on a cluster).
                  keyPrefix: `${config.QUEUE_PREFIX}:throttle:`,
                  // Fail at once while disconnected instead of queueing commands.
                  enableOfflineQueue: false,
                  // Commands of the same turn of the event loop (a request's limits, concurrent
                  // requests) travel in one write and come back in one read.
                  enableAutoPipelining: true,
                  maxRetriesPerRequest: 0,
                }),
              ),
            )
          : undefined,
        errorMessage: 'RATE_LIMITED',
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: GqlThrottlerGuard }, AnonymousRateLimiter],
  exports: [AnonymousRateLimiter],
})
export class RateLimitModule {}
