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
