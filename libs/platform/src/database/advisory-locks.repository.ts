import { Queryable } from './queryable';

/**
 * Takes a transaction-scoped advisory lock on the key (released at commit or rollback): callers
 * serialise their counters and limits per key with it.
 */
export async function takeTransactionLock(db: Queryable, key: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}
