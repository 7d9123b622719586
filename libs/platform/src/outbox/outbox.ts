import { EntityManager } from 'typeorm';
import { JobName, JobPayload, QueueName } from '../queue/queue-names';

export interface OutboxMessage<Q extends QueueName, N extends JobName<Q>> {
  queue: Q;
  job: N;
  payload: JobPayload<Q, N>;
  /** Deliver no earlier than this (scheduled reminders, held SMS during quiet hours). */
  availableAt?: Date;
}

/**
 * Writes a side effect as an outbox row inside the caller's transaction: it commits with the
 * state change or not at all. The relay in the worker turns it into a BullMQ job (jobId = row id).
 */
export async function writeOutbox<Q extends QueueName, N extends JobName<Q>>(
  manager: EntityManager,
  message: OutboxMessage<Q, N>,
): Promise<string> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO outbox (queue, job_name, payload, available_at) VALUES ($1, $2, $3, coalesce($4, now())) RETURNING id`,
    [message.queue, message.job, JSON.stringify(message.payload), message.availableAt ?? null],
  );
  return rows[0].id;
}

/** Several outbox rows in one INSERT (one round trip), in the caller's transaction. */
export async function writeOutboxRows<Q extends QueueName, N extends JobName<Q>>(
  manager: EntityManager,
  messages: OutboxMessage<Q, N>[],
): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO outbox (queue, job_name, payload, available_at)
     SELECT queue, job_name, payload, coalesce(available_at, now())
       FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::timestamptz[]) AS m(queue, job_name, payload, available_at)
     RETURNING id`,
    [
      messages.map((message) => message.queue),
      messages.map((message) => message.job),
      messages.map((message) => JSON.stringify(message.payload)),
      messages.map((message) => message.availableAt ?? null),
    ],
  );
  return rows.map((row) => row.id);
}
