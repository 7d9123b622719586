import { DataSource, EntityManager } from 'typeorm';

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
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    }
    return work(manager);
  });
}
