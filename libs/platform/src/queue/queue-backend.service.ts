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
import { Client } from 'pg';
import IORedis from 'ioredis';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { QueueName } from './queue-names';

type AnyQueue = Queue<unknown, unknown, string>;
type AnyWorker = Worker<unknown, unknown, string>;

/**
 * Builds BullMQ queues and workers on the configured backend: Redis in production, or BullMQ's
 * PostgreSQL backend on the application database (the embedded default needs nothing else).
 */
@Injectable()
export class QueueBackendService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(QueueBackendService.name);
  private readonly queues = new Map<QueueName, AnyQueue>();
  private readonly workers: AnyWorker[] = [];
  private readonly redisClients: IORedis[] = [];

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
      queue.on('error', (error) => this.logger.warn(`Queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  createWorker(
    name: QueueName,
    processor: Processor<unknown, unknown, string>,
    concurrency: number,
  ): AnyWorker {
    const worker =
      this.config.QUEUE_BACKEND === 'redis'
        ? this.createRedisWorker(name, processor, concurrency)
        : this.createPostgresWorker(name, processor, concurrency);
    worker.on('error', (error) => this.logger.warn(`Worker ${name}: ${error.message}`));
    this.workers.push(worker);
    return worker;
  }

  /** Answers when the backend answers; used by readiness. */
  async ping(timeoutMs = 2000): Promise<void> {
    await withTimeout(this.queue('notifications').getJobCounts('waiting'), timeoutMs, 'queue backend');
  }

  async closeWorkers(): Promise<void> {
    // close() lets active jobs finish; jobs not finished by then are released by their lock expiring.
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.closeWorkers();
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await Promise.all(
      this.redisClients.splice(0).map((client) => client.quit().catch(() => client.disconnect())),
    );
  }

  private redisConnection(forWorker: boolean): IORedis {
    const client = new IORedis(this.config.REDIS_URL as string, {
      maxRetriesPerRequest: forWorker ? null : 1,
      // Producers fail fast while Redis is down; the outbox keeps the work until it is back.
      enableOfflineQueue: forWorker,
      lazyConnect: false,
    });
    client.on('error', () => undefined);
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
      return new Queue(name, {
        connection: this.redisConnection(false),
        prefix: this.config.QUEUE_PREFIX,
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
  ) {
    return new Worker(name, processor, {
      connection: this.redisConnection(true),
      prefix: this.config.QUEUE_PREFIX,
      concurrency,
    });
  }

  private createPostgresWorker(
    name: QueueName,
    processor: Processor<unknown, unknown, string>,
    concurrency: number,
  ) {
    const { Worker: PostgresWorker } = withBackend(createPostgresBackend);
    return new PostgresWorker(name, processor as Processor<unknown, unknown, string>, {
      connection: this.postgresConnection(),
      concurrency,
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

export type { Job };
