import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { QueueBackendService, withTimeout } from '../queue/queue-backend.service';
import { QueueName } from '../queue/queue-names';

/** Rows due later than this stay in the outbox until they are within it (see relayOnce). */
export const RELAY_HORIZON_DAYS = 7;

interface ClaimedRow {
  id: string;
  queue: QueueName;
  job_name: string;
  payload: Record<string, unknown>;
  delay_ms: number;
}

const ENQUEUE_TIMEOUT_MS = 5000;
const MAX_ERROR_BACKOFF_MS = 10000;

/**
 * Moves committed outbox rows into BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several workers can relay at once; each job's id is the row id, so a row enqueued twice (a
 * relay that died before marking it) is still one job. Runs only in the worker.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private listener?: Client;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueBackendService,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Relays one batch (of what is due within the horizon); returns how many rows it moved. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: ClaimedRow[] = await manager.query(
        `SELECT id, queue, job_name, payload,
                greatest(0, (extract(epoch FROM available_at - now()) * 1000)::bigint)::int AS delay_ms
           FROM outbox
          WHERE dispatched_at IS NULL
            -- Far-future rows (a reminder weeks ahead) wait here until they come within the
            -- horizon: a job delay must fit in 32 bits of milliseconds (24.8 days), and one row
            -- that does not would fail the whole batch and stop every other side effect.
            AND available_at < now() + interval '${RELAY_HORIZON_DAYS} days'
          ORDER BY seq
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.config.OUTBOX_BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      const byQueue = new Map<QueueName, ClaimedRow[]>();
      for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
      for (const [queueName, queueRows] of byQueue) {
        const jobs = queueRows.map((row) => ({
          name: row.job_name,
          data: row.payload,
          opts: { ...this.queues.defaultJobOptions(), jobId: row.id, delay: row.delay_ms },
        }));
        await withTimeout(
          this.queues.queue(queueName).addBulk(jobs),
          ENQUEUE_TIMEOUT_MS,
          `queue ${queueName}`,
        );
      }
      await manager.query(
        `UPDATE outbox SET dispatched_at = now(), dispatch_attempts = dispatch_attempts + 1 WHERE id = ANY($1::uuid[])`,
        [rows.map((row) => row.id)],
      );
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let errorBackoffMs = 250;
    while (this.running) {
      try {
        const moved = await this.relayOnce();
        errorBackoffMs = 250;
        if (moved < this.config.OUTBOX_BATCH_SIZE) await this.sleep(this.config.OUTBOX_POLL_INTERVAL_MS);
      } catch (error) {
        // The rows stay in the outbox (the transaction rolled back); try again with a growing pause.
        this.logger.warn(`Outbox relay paused ${errorBackoffMs} ms: ${(error as Error).message}`);
        await this.sleep(errorBackoffMs);
        errorBackoffMs = Math.min(errorBackoffMs * 2, MAX_ERROR_BACKOFF_MS);
      }
    }
  }

  /** NOTIFY from the outbox trigger wakes the loop at once; polling covers a lost connection. */
  private async listen(): Promise<void> {
    try {
      const client = new Client({
        connectionString: this.config.DATABASE_URL,
        application_name: 'prossimo-relay',
      });
      client.on('error', () => {
        this.listener = undefined;
      });
      client.on('notification', () => this.wake?.());
      await client.connect();
      await client.query('LISTEN prossimo_outbox');
      this.listener = client;
    } catch (error) {
      this.logger.warn(`Outbox LISTEN unavailable, polling only: ${(error as Error).message}`);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
