import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { AppConfig } from '../config/config.schema';

const librariesRoot = join(__dirname, '..', '..', '..');

/**
 * One definition of the data source for the app, the worker and the migration CLI.
 * Entities and migrations are found by file name so that a new library needs no registration.
 */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'> &
    Partial<Pick<AppConfig, 'DATABASE_REPLICA_URL'>>,
  applicationName = 'prossimo',
): DataSourceOptions {
  return {
    type: 'postgres',
    // With a read replica: the primary stays the default for everything (defaultMode), and only
    // ReadReplicaService sends the reads that tolerate lag to the replica.
    ...(config.DATABASE_REPLICA_URL
      ? {
          replication: {
            master: { url: config.DATABASE_URL },
            slaves: [{ url: config.DATABASE_REPLICA_URL }],
            defaultMode: 'master' as const,
          },
        }
      : { url: config.DATABASE_URL }),
    namingStrategy: new SnakeNamingStrategy(),
    entities: [join(librariesRoot, '*', 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName,
    extra: {
      max: config.DATABASE_POOL_SIZE,
      // The pool keeps its connections once opened (the api opens them all before it listens):
      // one closed after 30 s idle took its prepared statements with it, and the next burst paid
      // for a new backend and every statement's planning again.
      min: config.DATABASE_POOL_SIZE,
      idleTimeoutMillis: 30000,
      statement_timeout: 30000,
    },
  };
}
