import { EntityManager } from 'typeorm';
import { AnyJob, PayloadOf } from '../queue/queue-names';

declare const typed: unique symbol;

/** One outbox row to write; built only by outboxJob, so its payload is the one its job declares. */
export interface OutboxMessage {
  readonly job: AnyJob;
  readonly payload: unknown;
  /** Deliver no earlier than this (scheduled reminders, held SMS during quiet hours). */
  readonly availableAt: Date | null;
  readonly [typed]: true;
}

/** A job of the map with its payload, as an outbox row to write. */
export function outboxJob<J extends AnyJob>(
  job: J,
  payload: PayloadOf<J>,
  availableAt?: Date | null,
): OutboxMessage {
  return { job, payload, availableAt: availableAt ?? null } as OutboxMessage;
}

/**
 * The one way to write background work: outbox rows inside the caller's transaction (one INSERT,
 * one round trip), so they commit with the state change or not at all. The relay in the worker
 * turns each into a BullMQ job whose id is the row id. Returns the row ids, in order.
 */
export async function writeOutbox(
  manager: EntityManager,
  messages: OutboxMessage | readonly OutboxMessage[],
): Promise<string[]> {
  const list: readonly OutboxMessage[] = Array.isArray(messages) ? messages : [messages as OutboxMessage];
  if (list.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO outbox (queue, job_name, payload, available_at)
     SELECT queue, job_name, payload, coalesce(available_at, now())
       FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::timestamptz[]) WITH ORDINALITY
            AS m(queue, job_name, payload, available_at, position)
      ORDER BY position
     RETURNING id`,
    [
      list.map((message) => message.job.queue),
      list.map((message) => message.job.name),
      list.map((message) => JSON.stringify(message.payload)),
      list.map((message) => message.availableAt),
    ],
  );
  return rows.map((row) => row.id);
}
