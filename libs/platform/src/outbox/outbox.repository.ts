import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Queryable } from '../database/queryable';
import { QueueName } from '../queue/queue-names';

/** Rows due later than this stay in the outbox until they are within it (see claimAndMarkDue). */
export const RELAY_HORIZON_DAYS = 7;

/**
 * Subscribes the relay's own connection to the outbox trigger's notifications (a NOTIFY on
 * `prossimo_outbox` after each insert, from the Foundation migration), so it wakes without polling.
 */
export async function listenForOutboxRows(client: Client): Promise<void> {
  await client.query('LISTEN prossimo_outbox');
}

/** An outbox row as the relay and the reconciler enqueue it. */
export interface OutboxJobRow {
  id: string;
  queue: QueueName;
  job_name: string;
  payload: Record<string, unknown>;
  delay_ms: number;
}

/**
 * The columns of an outbox row to enqueue, with its remaining delay (SQL select list). The delay is
 * from the statement's own clock, not now() (its transaction's start): a row due at once, committed
 * by a transaction that began after the relay's BEGIN, has an available_at later than the relay's
 * now() and was enqueued as a delayed job of a few milliseconds (a detour through BullMQ's delayed
 * set, and the bench's 'late' message, issue 18). A row the statement sees was committed before
 * it began, so its default available_at (its transaction's start) is never after clock_timestamp().
 */
const OUTBOX_JOB_COLUMNS = `id, queue, job_name, payload,
  greatest(0, (extract(epoch FROM available_at - clock_timestamp()) * 1000)::bigint)::int AS delay_ms`;

/** The relay's and the reconciler's statements on the outbox (platform's table). */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` undispatched rows due within the horizon, oldest first, locked FOR UPDATE SKIP
   * LOCKED (another relay takes the others) and marked as enqueued to the queues of `queuePrefix`,
   * in one statement of the caller's transaction: the caller enqueues them before it commits, and
   * rolls back (the rows undispatched again) if it cannot.
   */
  async claimAndMarkDue(manager: Queryable, limit: number, queuePrefix: string): Promise<OutboxJobRow[]> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows]: [(OutboxJobRow & { seq: string })[], number] = await manager.query(
      `UPDATE outbox o
          SET dispatched_at = now(), dispatch_attempts = o.dispatch_attempts + 1, dispatched_to = $2
         FROM (SELECT id AS due_id
                 FROM outbox
                WHERE dispatched_at IS NULL
                  -- Far-future rows (a reminder weeks ahead) wait here until they come within the
                  -- horizon: a job delay must fit in 32 bits of milliseconds (24.8 days), and one row
                  -- that does not would fail the whole batch and stop every other side effect.
                  AND available_at < now() + interval '${RELAY_HORIZON_DAYS} days'
                ORDER BY seq
                LIMIT $1
                FOR UPDATE SKIP LOCKED) due
        WHERE o.id = due.due_id
       RETURNING seq, ${OUTBOX_JOB_COLUMNS}`,
      [limit, queuePrefix],
    );
    // RETURNING keeps no order: oldest first, as they were committed.
    return rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
  }

  /** The next `limit` rows after `afterSeq` dispatched to `queuePrefix` whose job has not finished. */
  dispatchedUnfinished(
    afterSeq: string,
    limit: number,
    queuePrefix: string,
  ): Promise<(OutboxJobRow & { seq: string })[]> {
    return this.dataSource.query(
      `SELECT seq, ${OUTBOX_JOB_COLUMNS}
         FROM outbox
        WHERE dispatched_at IS NOT NULL AND finished_at IS NULL AND seq > $1 AND dispatched_to = $3
        ORDER BY seq
        LIMIT $2`,
      [afterSeq, limit, queuePrefix],
    );
  }

  /** Marks the rows whose jobs completed or failed for good. */
  async markFinished(ids: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox SET finished_at = now() WHERE id = ANY($1::uuid[]) AND finished_at IS NULL`,
      [ids],
    );
  }
}
