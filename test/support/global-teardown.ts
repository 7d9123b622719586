import { dropDatabase, dropDatabasesStartingWith } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.PROSSIMO_TEST_DATABASE;
  if (name && !process.env.KEEP_TEST_DATABASE) {
    await dropDatabasesStartingWith(`${name}_f`);
    await dropDatabase(name);
  }
}
