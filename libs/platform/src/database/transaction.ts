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
