import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { QueueBackendService, withTimeout } from '../queue/queue-backend.service';
import { QueueName } from '../queue/queue-names';
import { enqueueOutboxRows } from './outbox-relay.service';
import { OutboxJobRow, OutboxRepository } from './outbox.repository';

const RECONCILE_BATCH = 500;
const LOOKUP_TIMEOUT_MS = 10000;
const FINISHED_FLUSH_MS = 250;
/** After a reconnection whose check failed (the other connections not ready yet): soon again. */
const RECONNECT_RECHECK_MS = 250;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * PostgreSQL is the truth for background work; the queue is a cache of it. An outbox row is
 * dispatched when its job is in the queue and finished when that job completed or failed for good.
 * A row dispatched but not finished whose job the queue no longer holds was lost (Redis restarted
 * without persistence, FLUSHALL, a failover to an empty replica): reconcile() enqueues it again
 * with the same jobId, so running it twice, or on several workers, adds nothing twice.
 *
 * Each worker reconciles at start and watches the queue: every QUEUE_WATCH_INTERVAL_MS and on
 * every reconnection, and as soon as a worker finds the keys of a job it ran gone, it reads the
 * queue's data-loss marker (an epoch id in Redis) and checks the schedules. A marker that vanished or changed means the data was lost: the schedules are
 * re-created and the outbox reconciled at once. A repeatable maintenance job reconciles as well,
 * every QUEUE_RECONCILE_INTERVAL_SECONDS, for losses no marker shows (a partial loss).
 */
@Injectable()
export class QueueReconcilerService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueReconcilerService.name);
  private epoch?: string;
  private watchTimer?: NodeJS.Timeout;
  private watching?: Promise<void>;
  private reconciling?: Promise<number>;
  /** Reconciliations completed by this process. */
  private reconciled = 0;
  private running = false;
  private queueDown = false;
  private reconnected = false;
  private readonly finished = new Set<string>();
  private flushTimer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueBackendService,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Reconciles once now (the worker's start) and then watches the queue. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.queues.onQueueReconnect(() => {
      // A reconnection may follow a loss the marker cannot show: a failover to a replica that
      // lagged, a restart that lost the last second of an AOF written every second.
      this.reconnected = true;
      void this.watch();
    });
    // A worker found a job's keys gone (FLUSHALL, a restart too quick for a reconnection to show):
    // the marker is read and the outbox reconciled now, not at the next watch.
    this.queues.onJobKeysLost(() => {
      if (!this.running) return;
      this.reconnected = true;
      void this.watch();
    });
    // The marker's first connection also emits 'ready', so the first watch usually reconciles
    // already; a second pass over the whole outbox at start (a HGETALL per row until issue 18's
    // session 15) would only compete with the backlog this worker has just started on.
    const reconciledBefore = this.reconciled;
    void this.watch().then(() =>
      this.reconciled === reconciledBefore ? this.reconcile().catch(() => undefined) : undefined,
    );
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.watchTimer);
    await this.watching;
    await this.reconciling?.catch(() => undefined);
    await this.flushFinished();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Called by the worker when a job completed or failed for good: its outbox row is finished. */
  jobFinished(jobId: string | undefined): void {
    if (!jobId || !UUID.test(jobId)) return; // repeatable jobs are not outbox rows
    // Stopped (the database closes next): the reconciler finds its job finished at the next start.
    if (!this.running) return;
    this.finished.add(jobId);
    this.flushTimer ??= setTimeout(() => void this.flushFinished(), FINISHED_FLUSH_MS);
  }

  /**
   * Enqueues again every dispatched, unfinished outbox row whose job the queue does not hold;
   * returns how many. One run at a time per process; several processes are harmless (jobId).
   */
  reconcile(): Promise<number> {
    this.reconciling ??= this.reconcileAll().finally(() => {
      this.reconciling = undefined;
    });
    return this.reconciling;
  }

  private async reconcileAll(): Promise<number> {
    await this.flushFinished();
    let afterSeq = '0';
    let requeued = 0;
    let checked = 0;
    for (;;) {
      const rows = await this.outbox.dispatchedUnfinished(
        afterSeq,
        RECONCILE_BATCH,
        this.config.QUEUE_PREFIX,
      );
      if (rows.length === 0) break;
      afterSeq = rows[rows.length - 1].seq;
      checked += rows.length;
      const missing = await this.missingJobs(rows);
      if (missing.length > 0) {
        await enqueueOutboxRows(this.queues, missing);
        requeued += missing.length;
      }
      if (rows.length < RECONCILE_BATCH) break;
    }
    this.reconciled++;
    if (requeued > 0) {
      this.logger.warn(
        `Outbox reconciled: ${requeued} of ${checked} unfinished jobs were missing from the queue and were enqueued again`,
      );
    }
    return requeued;
  }

  /** Rows whose job the queue lacks; rows whose job has finished (the worker died before saying so) are marked. */
  private async missingJobs(rows: OutboxJobRow[]): Promise<OutboxJobRow[]> {
    const byQueue = new Map<QueueName, OutboxJobRow[]>();
    for (const row of rows) {
      const queue = row.queue as QueueName;
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), row]);
    }
    const missing = new Set<OutboxJobRow>();
    await withTimeout(
      Promise.all(
        [...byQueue].map(async ([queue, queueRows]) => {
          const states = await this.queues.jobStates(
            queue,
            queueRows.map((row) => row.id),
          );
          states.forEach((state, index) => {
            if (!state) missing.add(queueRows[index]);
            else if (state.finished) this.jobFinished(queueRows[index].id);
          });
        }),
      ),
      LOOKUP_TIMEOUT_MS,
      'queue lookup',
    );
    // In the outbox's order, as the rows came.
    return rows.filter((row) => missing.has(row));
  }

  private watch(): Promise<void> {
    this.watching ??= this.checkQueue().finally(() => {
      this.watching = undefined;
      clearTimeout(this.watchTimer);
      // A reconnection not acted on yet (the marker's connection came back first and the queues'
      // were still reconnecting): checked again in a moment, not a whole interval later, so that
      // jobs Redis lost with its last writes are enqueued again within a second of its return.
      const delay = this.reconnected
        ? Math.min(RECONNECT_RECHECK_MS, this.config.QUEUE_WATCH_INTERVAL_MS)
        : this.config.QUEUE_WATCH_INTERVAL_MS;
      if (this.running) this.watchTimer = setTimeout(() => void this.watch(), delay);
    });
    return this.watching;
  }

  /** The data-loss marker, then the schedules; a loss reconciles the outbox at once. */
  private async checkQueue(): Promise<void> {
    try {
      const marker = await this.queues.queueEpoch();
      const lost = marker !== undefined && this.epoch !== undefined && marker.epoch !== this.epoch;
      if (marker) this.epoch = marker.epoch;
      if (lost) {
        this.logger.warn(
          'Queue data lost (its marker is gone): re-creating schedules and reconciling the outbox',
        );
      }
      const recreated = await this.queues.ensureSchedules();
      if (recreated.length > 0) this.logger.warn(`Schedules re-created: ${recreated.join(', ')}`);
      if (this.queueDown) this.logger.log('Queue watch: the queue answers again');
      this.queueDown = false;
      const reconnected = this.reconnected;
      this.reconnected = false;
      if (lost || reconnected) {
        try {
          await this.reconcile();
        } catch (error) {
          // The marker is already read (a loss no longer shows as one): without this, a pass that
          // failed because the queue's own connection was still reconnecting was never retried,
          // and the jobs Redis lost stayed lost (seen in the fault suite).
          this.reconnected = true;
          throw error;
        }
      }
    } catch (error) {
      if (!this.queueDown) this.logger.warn(`Queue watch: ${(error as Error).message}`);
      this.queueDown = true;
    }
  }

  private async flushFinished(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    await this.flushing;
    if (this.finished.size === 0) return;
    const ids = [...this.finished];
    this.finished.clear();
    this.flushing = this.outbox.markFinished(ids).then(
      () => undefined,
      () => {
        // PostgreSQL is away: keep them for the next flush (a row left unfinished is only
        // checked again by the reconciler, which finds its job and leaves it).
        for (const id of ids) this.finished.add(id);
        if (this.running) {
          this.flushTimer ??= setTimeout(() => void this.flushFinished(), FINISHED_FLUSH_MS * 8);
        }
      },
    );
    await this.flushing;
  }
}
