import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { isServiceUnavailable } from '../errors/service-unavailable';
import { withTimeout } from '../queue/queue-backend.service';
import { queryPrepared, queryPreparedOnPool } from './prepared-query';
import { replicaState } from './replica-state.repository';

/** How long a verdict on the replica (usable or not) is trusted before it is checked again. */
const CHECK_EVERY_MS = 1000;
const CHECK_TIMEOUT_MS = 1000;
/** After the replica failed a read, the primary serves reads for this long before it is tried again. */
const DOWN_FOR_MS = 5000;

/**
 * Replay lag in seconds, and whether WAL still streams from the primary. The lag is the age of the
 * last replayed commit while received WAL waits to be replayed (0 when all is replayed): an
 * overestimate after an idle spell, which only sends reads to the primary sooner.
 */
/**
 * Reads that tolerate replication lag (the public catalogue, live indicators) go to the read
 * replica (DATABASE_REPLICA_URL) when it is usable: a standby still streaming from the primary,
 * replaying within DATABASE_REPLICA_MAX_LAG_SECONDS. Otherwise, and when a read on it fails for
 * want of a connection, they go to the primary: a replica that stops or falls behind costs the
 * primary some load, never a failed request. Everything else (writes, transactions, reads after a
 * write) uses the primary, TypeORM's default mode here.
 */
@Injectable()
export class ReadReplicaService {
  private readonly logger = new Logger(ReadReplicaService.name);
  private usable = false;
  private checkedAt = 0;
  private checking?: Promise<boolean>;
  private reason = 'not checked';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get configured(): boolean {
    return Boolean(this.config.DATABASE_REPLICA_URL);
  }

  /** `work` in a read-only transaction on the replica if usable, else on the primary. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.onReplicaOrPrimary(
      async () => {
        const runner = this.dataSource.createQueryRunner('slave');
        try {
          await runner.startTransaction();
          const result = await work(runner.manager);
          await runner.commitTransaction();
          return result;
        } catch (error) {
          if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
          throw error;
        } finally {
          await runner.release();
        }
      },
      () => this.dataSource.transaction(work),
    );
  }

  /** A prepared read (queryPrepared) on the replica if usable, else on the primary. */
  async queryPrepared<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    return this.onReplicaOrPrimary(
      () => queryPreparedOnPool<T>(this.replicaPool(), text, values),
      () => queryPrepared<T>(this.dataSource, text, values),
    );
  }

  private async onReplicaOrPrimary<T>(onReplica: () => Promise<T>, onPrimary: () => Promise<T>): Promise<T> {
    if (!this.configured || !(await this.replicaUsable())) return onPrimary();
    try {
      return await onReplica();
    } catch (error) {
      if (!isServiceUnavailable(error)) throw error;
      this.markUnusable(`a read failed: ${(error as Error).message}`, DOWN_FOR_MS);
      return onPrimary();
    }
  }

  private replicaUsable(): Promise<boolean> | boolean {
    if (Date.now() - this.checkedAt < CHECK_EVERY_MS) return this.usable;
    this.checking ??= this.check().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async check(): Promise<boolean> {
    try {
      const [state] = await withTimeout(replicaState(this.replicaPool()), CHECK_TIMEOUT_MS, 'read replica');
      const maxLag = this.config.DATABASE_REPLICA_MAX_LAG_SECONDS;
      if (!state.standby) this.markUnusable('it is not a standby (promoted?)');
      else if (!state.streaming) this.markUnusable('it is not streaming from the primary');
      else if (state.lag > maxLag)
        this.markUnusable(`its replay lags ${Math.round(state.lag)} s (> ${maxLag} s)`);
      else this.markUsable();
    } catch (error) {
      this.markUnusable(`it does not answer: ${(error as Error).message}`);
    }
    return this.usable;
  }

  private markUsable(): void {
    this.checkedAt = Date.now();
    if (!this.usable) this.logger.log('Read replica in use for reads that tolerate lag');
    this.usable = true;
  }

  /** One log line per change of state (or of reason), not per request. */
  private markUnusable(reason: string, forMs = CHECK_EVERY_MS): void {
    this.checkedAt = Date.now() + forMs - CHECK_EVERY_MS;
    if (this.usable || reason.split(':')[0] !== this.reason.split(':')[0]) {
      this.logger.warn(`Read replica not used, reads go to the primary: ${reason}`);
    }
    this.usable = false;
    this.reason = reason;
  }

  private replicaPool(): Pool {
    const [pool] = (this.dataSource.driver as unknown as { slaves: Pool[] }).slaves;
    return pool;
  }
}
