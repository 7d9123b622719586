// Jest's globalSetup resolves no path aliases (moduleNameMapper applies to test files only).
// eslint-disable-next-line prossimo/boundaries
import { runMigrations } from '../../libs/platform/src/database/migrate';
import { createDatabase, databaseUrlFor, newDatabaseName } from './test-database';

/** Each test run gets its own fresh, migrated database; globalTeardown drops it. */
export default async function globalSetup(): Promise<void> {
  const name = newDatabaseName();
  await createDatabase(name);
  process.env.PROSSIMO_TEST_DATABASE = name;
  process.env.PROSSIMO_TEST_DATABASE_URL = databaseUrlFor(name);
  await runMigrations({ DATABASE_URL: databaseUrlFor(name), DATABASE_POOL_SIZE: 2 });
}
