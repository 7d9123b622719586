import { DataSource, EntityManager } from 'typeorm';
import { takeTransactionLock } from './advisory-locks.repository';

/**
 * Runs work in one transaction and serialises it per key with a transaction-scoped advisory
 * lock, so that counters and limits hold when many requests for the same key arrive at once
 * (for example several aliases of one GraphQL document).
 */
export async function withAdvisoryLocks<T>(
  dataSource: DataSource,
  lockKeys: string[],
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    for (const key of lockKeys) {
      await takeTransactionLock(manager, key);
    }
    return work(manager);
  });
}

/**
 * Works through rows in batches, each in its own short transaction, until a batch comes back
 * short: `lock` takes up to `batchSize` rows (SKIP LOCKED, so several workers share the work) and
 * `handle` treats each one under that lock. Answers how many rows were handled.
 */
export async function inLockedBatches<Row>(
  dataSource: DataSource,
  batchSize: number,
  lock: (manager: EntityManager, limit: number) => Promise<Row[]>,
  handle: (manager: EntityManager, row: Row) => Promise<unknown>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const handled = await dataSource.transaction(async (manager) => {
      const rows = await lock(manager, batchSize);
      for (const row of rows) await handle(manager, row);
      return rows.length;
    });
    total += handled;
    if (handled < batchSize) return total;
  }
}
