import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.schema';
import { buildDataSourceOptions } from './data-source-options';

/** Applies pending migrations; safe to call from several processes (TypeORM takes a lock). */
export async function runMigrations(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
): Promise<string[]> {
  // Migrations are SQL: loading entities here would pull in every library.
  const dataSource = new DataSource({
    // On the primary only (never the read replica).
    ...buildDataSourceOptions({ ...config, DATABASE_REPLICA_URL: undefined }, 'prossimo-migrate'),
    entities: [],
    logging: ['error'],
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
