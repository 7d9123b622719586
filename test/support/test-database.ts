import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrlFor(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function newDatabaseName(): string {
  return `prossimo_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function createDatabase(name: string): Promise<void> {
  return withServer(async (client) => {
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

export function dropDatabase(name: string): Promise<void> {
  return withServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** A copy of the migrated run database (PostgreSQL copies the files: much faster than migrating). */
export function createDatabaseFromTemplate(name: string, template: string): Promise<void> {
  return withServer(async (client) => {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
}

/** Drops every database whose name starts with the prefix (the per-file copies of a run). */
export function dropDatabasesStartingWith(prefix: string): Promise<void> {
  return withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  });
}
