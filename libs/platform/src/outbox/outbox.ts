import { EntityManager } from 'typeorm';
import { CombinedStatement } from '../database/combined-statement';
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
  const statement = new CombinedStatement();
  const rows = writeOutboxIn(statement, list);
  const found: { id: string }[] = await statement.run(manager, `SELECT id FROM ${rows} ORDER BY seq`);
  return found.map((row) => row.id);
}

/**
 * writeOutbox as a part of the caller's combined statement: the rows are written with the rest of
 * it, and only if `when` (SQL, e.g. `EXISTS (SELECT 1 FROM need)`) holds. Returns the part's
 * name (columns id, seq), or null when there is nothing to write.
 */
export function writeOutboxIn(
  statement: CombinedStatement,
  messages: readonly OutboxMessage[],
  when?: string,
): string | null {
  if (messages.length === 0) return null;
  return statement.with(
    'outbox_rows',
    `INSERT INTO outbox (queue, job_name, payload, available_at)
     SELECT queue, job_name, payload, coalesce(available_at, now())
       FROM unnest(${statement.param(
         messages.map((message) => message.job.queue),
         'text[]',
       )},
                   ${statement.param(
                     messages.map((message) => message.job.name),
                     'text[]',
                   )},
                   ${statement.param(
                     messages.map((message) => JSON.stringify(message.payload)),
                     'jsonb[]',
                   )},
                   ${statement.param(
                     messages.map((message) => message.availableAt),
                     'timestamptz[]',
                   )}) WITH ORDINALITY AS m(queue, job_name, payload, available_at, position)
      ${when ? `WHERE ${when}` : ''}
      ORDER BY position
     RETURNING id, seq`,
  );
}
