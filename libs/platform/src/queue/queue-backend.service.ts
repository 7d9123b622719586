import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import {
  createPostgresBackend,
  Job,
  JobsOptions,
  Processor,
  Queue,
  runMigrations as runQueueMigrations,
  Worker,
  withBackend,
} from 'bullmq';
import { Cluster } from 'ioredis';
import { Client } from 'pg';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { ConnectionStateLog } from './connection-state-log';
import { QUEUE_NAMES, QueueName } from './queue-names';
import { bullPrefix, createRedisClient, RedisClient } from './redis-connection';

const ENSURE_TIMEOUT_MS = 5000;
/**
 * How long a shutdown waits for the workers' active jobs, then for the queues, before it cuts their
 * connections: a Redis that does not answer (a Cluster master just killed, a failover under way)
 * must not hold the process for ever. A job cut off goes back to the queue when its lock expires.
 * Well under the worker's grace period (30 s in infra/).
 */
const SHUTDOWN_WAIT_MS = 10000;
/** BullMQ's errors for a job whose keys (its hash, its lock) are gone while a worker held it. */
const JOB_KEYS_LOST = /Missing key for job|Missing lock for job/;
/** QUIT waits for Redis's answer; a connection that gets none by then is cut. */
const QUIT_WAIT_MS = 2000;

type AnyQueue = Queue<unknown, unknown, string>;
type AnyWorker = Worker<unknown, unknown, string>;

/** Every so many milliseconds, or on a cron pattern in a time zone. */
export type RepeatEvery = number | { pattern: string; tz: string };

/** BullMQ's rate limiter: at most `max` jobs per `duration` ms on the queue, over all workers. */
export interface QueueLimiter {
  max: number;
  duration: number;
}

/** A repeatable job (a BullMQ job scheduler whose id is the job name). */
export interface ScheduleSpec {
  queueName: QueueName;
  jobName: string;
  every: RepeatEvery;
  /** First run one interval after the schedule is created, rather than at once (costly jobs). */
  firstRunAfterInterval: boolean;
}

/**
 * Builds BullMQ queues and workers on the configured backend: Redis in production, or BullMQ's
 * PostgreSQL backend on the application database (the embedded default needs nothing else).
 */
@Injectable()
export class QueueBackendService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(QueueBackendService.name);
  private readonly queues = new Map<QueueName, AnyQueue>();
  /** Each Redis queue's own connection (none on the PostgreSQL backend), for jobStates' pipeline. */
  private readonly queueClients = new Map<QueueName, RedisClient>();
  private readonly workers: AnyWorker[] = [];
  private readonly redisClients: RedisClient[] = [];
  private readonly schedules = new Map<string, ScheduleSpec>();
  private markerClient?: RedisClient;
  /** One line per change of state of the Redis connections, not one per retry of each client. */
  private readonly connectionLog = new ConnectionStateLog(this.logger, () =>
    this.redisClients.every((client) => client.status === 'ready'),
  );
  private readonly jobLostListeners: (() => void)[] = [];
  /** Jobs whose processor is running, in every worker; a shutdown waits for them. */
  private activeJobs = 0;
  /** The jobs whose processor is running, with their lock token: moved back at a slow shutdown. */
  private readonly running = new Set<{ job: Job; token?: string }>();
  private readonly whenIdle: (() => void)[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * BullMQ's PostgreSQL backend keeps its tables in its own schema; create or upgrade them before
   * any queue or worker touches it (a worker started on a missing schema spins on the error).
   */
  async onModuleInit(): Promise<void> {
    if (this.config.QUEUE_BACKEND !== 'postgres') return;
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'prossimo-queue-migrate',
    });
    await client.connect();
    try {
      await runQueueMigrations(client, this.postgresSchema());
    } finally {
      await client.end();
    }
  }

  get backend(): 'redis' | 'postgres' {
    return this.config.QUEUE_BACKEND;
  }

  defaultJobOptions(): JobsOptions {
    return {
      attempts: this.config.JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.JOB_BACKOFF_MS, jitter: 0.5 },
      // Completed jobs stay a week so that a re-enqueue with the same jobId is ignored.
      removeOnComplete: { age: 7 * 24 * 3600, count: 100000 },
      // Failed jobs stay visible until someone looks at them.
      removeOnFail: false,
    };
  }

  queue(name: QueueName): AnyQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.createQueue(name);
      queue.on('error', (error) => this.connectionLog.error(`Queue ${name}`, error));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * For each job id, whether the queue holds that job (`undefined`: it does not) and whether it has
   * finished. On Redis, one round trip for them all (a pipeline of EXISTS and HGET finishedOn on
   * the job hashes, which share the queue's hash tag, hence one Cluster slot) instead of an HGETALL
   * and a parsed job per id: the reconciler checks a worker's whole backlog at its start (issue 18).
   */
  async jobStates(name: QueueName, ids: string[]): Promise<({ finished: boolean } | undefined)[]> {
    const queue = this.queue(name);
    const client = this.queueClients.get(name);
    if (!client) {
      const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
      return jobs.map((job) => job && { finished: Boolean(job.finishedOn) });
    }
    const pipeline = client.pipeline();
    for (const id of ids) {
      const key = queue.toKey(id);
      pipeline.exists(key);
      pipeline.hget(key, 'finishedOn');
    }
    const replies = (await pipeline.exec()) ?? [];
    if (replies.length !== ids.length * 2) throw new Error('Job state lookup: incomplete answer');
    return ids.map((_, index) => {
      const [[existsError, exists], [finishedError, finishedOn]] = replies.slice(index * 2, index * 2 + 2);
      if (existsError) throw existsError;
      if (finishedError) throw finishedError;
      return exists === 1 ? { finished: Boolean(finishedOn) } : undefined;
    });
  }

  createWorker(
    name: QueueName,
    processor: Processor<unknown, unknown, string>,
    concurrency: number,
    limiter?: QueueLimiter,
  ): AnyWorker {
    const counted: Processor<unknown, unknown, string> = async (job, token, signal) => {
      this.activeJobs++;
      const running = { job, token };
      this.running.add(running);
      try {
        return await processor(job, token, signal);
      } finally {
        this.running.delete(running);
        this.activeJobs--;
        if (this.activeJobs === 0) for (const idle of this.whenIdle.splice(0)) idle();
      }
    };
    const worker =
      this.config.QUEUE_BACKEND === 'redis'
        ? this.createRedisWorker(name, counted, concurrency, limiter)
        : this.createPostgresWorker(name, counted, concurrency, limiter);
    worker.on('error', (error) => {
      // A job's keys gone while it ran: Redis lost its data (FLUSHALL, a restart without
      // persistence) without a reconnection to show it. The reconciler checks at once rather than
      // at its next watch.
      if (JOB_KEYS_LOST.test(error.message)) for (const listener of this.jobLostListeners) listener();
      this.connectionLog.error(`Worker ${name}`, error);
    });
    this.workers.push(worker);
    return worker;
  }

  /**
   * Remembers a repeatable job and creates its schedule. Upserting the same scheduler id from
   * several workers keeps a single schedule. ensureSchedules() re-creates it if the queue loses it.
   */
  async registerSchedule(spec: ScheduleSpec): Promise<void> {
    this.schedules.set(`${spec.queueName}/${spec.jobName}`, spec);
    await this.upsertSchedule(spec);
  }

  /** Re-creates every registered schedule the queue no longer holds; returns the job names. */
  async ensureSchedules(): Promise<string[]> {
    const recreated: string[] = [];
    for (const spec of this.schedules.values()) {
      const existing = await withTimeout(
        this.queue(spec.queueName).getJobScheduler(spec.jobName),
        ENSURE_TIMEOUT_MS,
        `queue ${spec.queueName}`,
      );
      if (existing) continue;
      await this.upsertSchedule(spec);
      recreated.push(spec.jobName);
    }
    return recreated;
  }

  /**
   * The queue's data-loss marker (Redis only): an epoch id per queue, beside the queue's keys (its
   * hash tag: on a Redis Cluster, on the same master), written when missing. The epoch is their
   * list: one that vanished or changed means Redis lost that queue's data (a restart without
   * persistence, FLUSHALL, a failover to an empty replica): the outbox must be reconciled.
   * Undefined on the PostgreSQL backend, whose jobs live in the same database as the outbox.
   */
  async queueEpoch(): Promise<{ epoch: string; created: boolean } | undefined> {
    if (this.config.QUEUE_BACKEND !== 'redis') return undefined;
    const markers = await Promise.all(QUEUE_NAMES.map((name) => this.queueMarker(name)));
    return {
      epoch: markers.map((marker) => marker.epoch).join(','),
      created: markers.some((marker) => marker.created),
    };
  }

  private async queueMarker(name: QueueName): Promise<{ epoch: string; created: boolean }> {
    const client = this.marker();
    const key = `${bullPrefix(this.config.QUEUE_PREFIX, name)}:epoch`;
    const current = await withTimeout(client.get(key), ENSURE_TIMEOUT_MS, 'queue epoch');
    if (current) return { epoch: current, created: false };
    const fresh = randomUUID();
    const set = await withTimeout(client.set(key, fresh, 'NX'), ENSURE_TIMEOUT_MS, 'queue epoch');
    if (set === 'OK') return { epoch: fresh, created: true };
    // Another worker wrote it first.
    const written = await withTimeout(client.get(key), ENSURE_TIMEOUT_MS, 'queue epoch');
    return { epoch: written ?? fresh, created: false };
  }

  /** Calls `listener` each time the marker's Redis connection is (re)established. */
  onQueueReconnect(listener: () => void): void {
    if (this.config.QUEUE_BACKEND !== 'redis') return;
    const client = this.marker();
    client.on('ready', listener);
    // A cluster stays ready while one master fails over: a node joining the slot map (its
    // replica promoted) is the reconnection of the queues it serves.
    if (client instanceof Cluster) client.on('+node', listener);
  }

  /** Calls `listener` when a worker finds the keys of a job it ran gone (a data loss, at once). */
  onJobKeysLost(listener: () => void): void {
    this.jobLostListeners.push(listener);
  }

  /** Answers when the backend answers; used by readiness. */
  async ping(timeoutMs = 2000): Promise<void> {
    await withTimeout(this.queue('notifications').getJobCounts('waiting'), timeoutMs, 'queue backend');
  }

  /**
   * Takes no new job, lets the active ones finish (for SHUTDOWN_WAIT_MS at most: a job cut off goes
   * back to the queue when its lock expires), then closes the workers, which ends their blocking
   * fetch and records the last completions. That close is bounded too: a Redis Cluster client
   * that lost its node during a failover never ends the fetch (a disconnection in that state does
   * not fail its queued commands), and the shutdown used to wait for it for ever; its connections
   * are cut afterwards (onApplicationShutdown).
   */
  async closeWorkers(): Promise<void> {
    const workers = this.workers.splice(0);
    if (workers.length === 0) return;
    await settlesWithin(Promise.all(workers.map((worker) => worker.pause(true))), QUIT_WAIT_MS);
    const idle =
      this.activeJobs === 0 ? Promise.resolve() : new Promise<void>((done) => this.whenIdle.push(done));
    if (!(await settlesWithin(idle, SHUTDOWN_WAIT_MS))) {
      const moved = await this.moveRunningBack();
      this.logger.warn(
        `${this.activeJobs} jobs still running after ${SHUTDOWN_WAIT_MS} ms: ${moved} moved back to the queue, ` +
          `${this.activeJobs - moved} left to their lock's expiry`,
      );
    }
    if (!(await settlesWithin(Promise.all(workers.map((worker) => worker.close())), QUIT_WAIT_MS))) {
      this.logger.warn(`Workers not closed within ${QUIT_WAIT_MS} ms: their connections are cut`);
    }
  }

  /**
   * A job still running when this worker stops is moved back to waiting at once, for another worker,
   * rather than after its lock expires and a stalled check finds it (JOB_LOCK_DURATION_MS plus up to
   * JOB_STALLED_INTERVAL_MS later). Safe because every processor is idempotent, and a send cut off
   * is recorded 'sending': the next attempt leaves it while it may still be in flight, then asks the
   * provider's status lookup, and never simply sends it again. Returns how many were moved.
   */
  private async moveRunningBack(): Promise<number> {
    const moves = [...this.running].map(async ({ job, token }) => {
      await job.moveToWait(token);
      return true;
    });
    const results = await withTimeout(Promise.allSettled(moves), QUIT_WAIT_MS, 'move back').catch(() => []);
    return results.filter((result) => result.status === 'fulfilled').length;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.closeWorkers();
    this.connectionLog.stop();
    const queues = [...this.queues.values()];
    this.queues.clear();
    this.queueClients.clear();
    if (!(await settlesWithin(Promise.all(queues.map((queue) => queue.close())), SHUTDOWN_WAIT_MS))) {
      this.logger.warn(`Queues not closed within ${SHUTDOWN_WAIT_MS} ms: their connections are cut`);
    }
    // Nothing is left to send. A Cluster's QUIT goes to every node, and one just killed never
    // answers: its sockets are cut at once. A single Redis gets a bounded QUIT.
    await Promise.all(
      this.redisClients.splice(0).map(async (client) => {
        if (client instanceof Cluster || !(await settlesWithin(client.quit(), QUIT_WAIT_MS))) {
          client.disconnect();
        }
      }),
    );
  }

  private marker(): RedisClient {
    // Commands wait for the connection (each watch is bounded by its timeout): a check at start
    // or during a reconnection then answers instead of failing on a connection not yet ready.
    this.markerClient ??= this.redisConnection(false, true);
    return this.markerClient;
  }

  private async upsertSchedule(spec: ScheduleSpec): Promise<void> {
    await withTimeout(
      this.queue(spec.queueName).upsertJobScheduler(
        spec.jobName,
        typeof spec.every === 'number'
          ? {
              every: spec.every,
              ...(spec.firstRunAfterInterval ? { startDate: Date.now() + spec.every } : {}),
            }
          : { pattern: spec.every.pattern, tz: spec.every.tz },
        { name: spec.jobName, data: {} },
      ),
      ENSURE_TIMEOUT_MS,
      `queue ${spec.queueName}`,
    );
  }

  /**
   * Lock and stalled-job check: a killed worker's jobs go back to the queue within about
   * lockDuration + stalledInterval (BullMQ's 30 s + 30 s by default). A job taken over while its
   * first worker was only slow runs twice: processors are idempotent. maxStalledCount above one,
   * so that a job that stalls again (a second kill, a long pause) is retried, not failed.
   */
  private lockOptions() {
    return {
      lockDuration: this.config.JOB_LOCK_DURATION_MS,
      stalledInterval: this.config.JOB_STALLED_INTERVAL_MS,
      maxStalledCount: 5,
    };
  }

  private redisConnection(forWorker: boolean, offlineQueue = forWorker): RedisClient {
    const client = createRedisClient(this.config, {
      maxRetriesPerRequest: forWorker ? null : 1,
      // Producers fail fast while Redis is down; the outbox keeps the work until it is back.
      enableOfflineQueue: offlineQueue,
      lazyConnect: false,
    });
    // Its errors are reported by the queue or worker that uses it; readiness ends a lost state.
    client.on('error', () => undefined);
    client.on('ready', () => this.connectionLog.check());
    this.redisClients.push(client);
    return client;
  }

  private postgresSchema(): string {
    return `${this.config.QUEUE_PREFIX}_jobs`;
  }

  private postgresConnection() {
    return { connectionString: this.config.DATABASE_URL, schema: this.postgresSchema(), max: 4 };
  }

  private createQueue(name: QueueName): AnyQueue {
    if (this.config.QUEUE_BACKEND === 'redis') {
      const connection = this.redisConnection(false);
      this.queueClients.set(name, connection);
      return new Queue(name, {
        connection,
        prefix: bullPrefix(this.config.QUEUE_PREFIX, name),
        defaultJobOptions: this.defaultJobOptions(),
      });
    }
    const { Queue: PostgresQueue } = withBackend(createPostgresBackend);
    return new PostgresQueue(name, {
      connection: this.postgresConnection(),
      defaultJobOptions: this.defaultJobOptions(),
    }) as unknown as AnyQueue;
  }

  private createRedisWorker(
    name: QueueName,
    processor: Processor<unknown, unknown, string>,
    concurrency: number,
    limiter?: QueueLimiter,
  ) {
    return new Worker(name, processor, {
      limiter,
      connection: this.redisConnection(true),
      prefix: bullPrefix(this.config.QUEUE_PREFIX, name),
      concurrency,
      ...this.lockOptions(),
    });
  }

  private createPostgresWorker(
    name: QueueName,
    processor: Processor<unknown, unknown, string>,
    concurrency: number,
    limiter?: QueueLimiter,
  ) {
    const { Worker: PostgresWorker } = withBackend(createPostgresBackend);
    return new PostgresWorker(name, processor as Processor<unknown, unknown, string>, {
      limiter,
      connection: this.postgresConnection(),
      concurrency,
      ...this.lockOptions(),
    }) as unknown as AnyWorker;
  }
}

export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether `promise` fulfils within `timeoutMs` (false if it rejects or takes longer). */
export async function settlesWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  return withTimeout(promise, timeoutMs, 'shutdown').then(
    () => true,
    () => false,
  );
}

export type { Job };
