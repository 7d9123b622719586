import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { QueueBackendService, withTimeout } from '../queue/queue-backend.service';
import { QueueName } from '../queue/queue-names';
import { listenForOutboxRows, OutboxJobRow, OutboxRepository } from './outbox.repository';

const ENQUEUE_TIMEOUT_MS = 5000;
const MIN_ERROR_BACKOFF_MS = 250;
const MAX_ERROR_BACKOFF_MS = 10000;
const MAX_LISTEN_BACKOFF_MS = 2000;

/** The queue backend refused or did not answer (as opposed to PostgreSQL). */
export class QueueUnavailableError extends Error {}

/** Enqueues outbox rows as jobs whose id is the row id: a row enqueued twice is one job. */
export async function enqueueOutboxRows(queues: QueueBackendService, rows: OutboxJobRow[]): Promise<void> {
  const byQueue = new Map<QueueName, OutboxJobRow[]>();
  for (const row of rows) {
    const queueRows = byQueue.get(row.queue);
    if (queueRows) queueRows.push(row);
    else byQueue.set(row.queue, [row]);
  }
  for (const [queueName, queueRows] of byQueue) {
    const jobs = queueRows.map((row) => ({
      name: row.job_name,
      data: row.payload,
      opts: { ...queues.defaultJobOptions(), jobId: row.id, delay: row.delay_ms },
    }));
    try {
      await withTimeout(queues.queue(queueName).addBulk(jobs), ENQUEUE_TIMEOUT_MS, `queue ${queueName}`);
    } catch (error) {
      throw new QueueUnavailableError((error as Error).message);
    }
  }
}

type RelayState = 'up' | 'queue down' | 'database down';

/**
 * Moves committed outbox rows into BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several workers can relay at once; each job's id is the row id, so a row enqueued twice (a
 * relay that died before marking it) is still one job. Runs only in the worker.
 *
 * It wakes on NOTIFY from the outbox trigger (a LISTEN connection that reconnects with backoff)
 * and polls otherwise. After an error it pauses with a growing backoff; new outbox rows do not cut
 * that pause short while the queue is down (they would only make it retry in a storm), but the
 * database or the queue coming back does. One log line per change of state, not per retry.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /**
   * A wake-up that came while the relay was not sleeping (a NOTIFY during a pass): the next sleep
   * returns at once. Without it, rows committed during a pass waited for the next NOTIFY or poll.
   */
  private wakeRequested = false;
  private listener?: Client;
  private listenRetry?: NodeJS.Timeout;
  private state: RelayState = 'up';
  private downSince = 0;
  private failedAttempts = 0;
  private queueReconnects = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueBackendService,
    private readonly outbox: OutboxRepository,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.queues.onQueueReconnect(() => {
      this.queueReconnects++;
      if (this.state === 'queue down') this.requestWake();
    });
    void this.listen(MIN_ERROR_BACKOFF_MS);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.listenRetry);
    this.requestWake();
    await this.loop;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Whether the NOTIFY connection is open (tests and diagnostics). */
  get listening(): boolean {
    return this.listener !== undefined;
  }

  /** Relays one batch (of what is due within the horizon); returns how many rows it moved. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Claimed and marked in one statement (three round trips a pass with BEGIN and COMMIT); an
      // enqueue that fails rolls the marks back.
      const rows = await this.outbox.claimAndMarkDue(
        manager,
        this.config.OUTBOX_BATCH_SIZE,
        this.config.QUEUE_PREFIX,
      );
      if (rows.length === 0) return 0;
      await enqueueOutboxRows(this.queues, rows);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let errorBackoffMs = MIN_ERROR_BACKOFF_MS;
    while (this.running) {
      const reconnectsBefore = this.queueReconnects;
      const passStartedAt = Date.now();
      try {
        const moved = await this.relayOnce();
        errorBackoffMs = MIN_ERROR_BACKOFF_MS;
        this.changeState('up');
        if (moved < this.config.OUTBOX_BATCH_SIZE) {
          await this.sleep(this.config.OUTBOX_POLL_INTERVAL_MS);
          // Woken at once by a steady stream of NOTIFYs (hundreds of commits a second), the relay
          // would run a pass (four statements and a commit) for every row or two: it gathers them.
          const gatherMs = passStartedAt + this.config.OUTBOX_RELAY_GATHER_MS - Date.now();
          if (gatherMs > 0 && this.running) await new Promise((resolve) => setTimeout(resolve, gatherMs));
        }
      } catch (error) {
        // The rows stay in the outbox (the transaction rolled back); try again after a pause.
        this.changeState(error instanceof QueueUnavailableError ? 'queue down' : 'database down', error);
        // Rows committed during the failed pass do not cut the pause short while the queue is down.
        if (this.state === 'queue down') this.wakeRequested = false;
        this.failedAttempts++;
        // Redis came back while this attempt was waiting on it: try again now, not after a pause.
        if (this.queueReconnects !== reconnectsBefore) errorBackoffMs = MIN_ERROR_BACKOFF_MS;
        await this.sleep(errorBackoffMs);
        errorBackoffMs = Math.min(errorBackoffMs * 2, MAX_ERROR_BACKOFF_MS);
      }
    }
  }

  private changeState(next: RelayState, error?: unknown): void {
    if (next === this.state) return;
    if (next === 'up') {
      this.logger.log(
        `Outbox relay resumed: ${this.state} for ${Date.now() - this.downSince} ms, ${this.failedAttempts} attempts`,
      );
    } else {
      if (this.state === 'up') this.downSince = Date.now();
      this.logger.warn(`Outbox relay paused, ${next}: ${(error as Error).message}`);
    }
    this.state = next;
    this.failedAttempts = 0;
  }

  /**
   * LISTEN for the outbox trigger's NOTIFY. A lost connection (PostgreSQL restarted) is opened
   * again with a growing backoff; once it is back, the relay wakes at once, also out of an error
   * pause (the database is back).
   */
  private async listen(backoffMs: number): Promise<void> {
    if (!this.running) return;
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'prossimo-relay',
    });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
      this.scheduleListen(MIN_ERROR_BACKOFF_MS);
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', () => {
      // New rows while the queue is down would only make the relay retry in a storm.
      if (this.state !== 'queue down') this.requestWake();
    });
    try {
      await client.connect();
      await listenForOutboxRows(client);
    } catch (error) {
      lost = true;
      client.end().catch(() => undefined);
      if (backoffMs === MIN_ERROR_BACKOFF_MS) {
        this.logger.warn(`Outbox LISTEN unavailable, polling until it is back: ${(error as Error).message}`);
      }
      this.scheduleListen(Math.min(backoffMs * 2, MAX_LISTEN_BACKOFF_MS));
      return;
    }
    if (!this.running) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    // Rows written while it was away, and an error pause that the database's return cuts short.
    if (this.state !== 'queue down') this.requestWake();
  }

  private scheduleListen(backoffMs: number): void {
    if (!this.running) return;
    clearTimeout(this.listenRetry);
    this.listenRetry = setTimeout(() => void this.listen(backoffMs), backoffMs);
  }

  /** Ends the current sleep, or the next one if the relay is in a pass now. */
  private requestWake(): void {
    if (this.wake) this.wake();
    else this.wakeRequested = true;
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested || !this.running) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
