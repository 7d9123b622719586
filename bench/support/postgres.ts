import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Client } from 'pg';

/** The PostgreSQL server the benchmarks create their own databases on. */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the same server. */
export function databaseUrlFor(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on a connection to the server's maintenance database (CREATE / DROP DATABASE). */
export async function onServer(work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A connection to `databaseUrl` in an open transaction whose random() draws repeat run after run
 * for the same `seed` (setseed takes a fraction: seed % 1000 / 1000). The caller commits or rolls
 * back, and ends the connection.
 */
export async function connectSeeded(databaseUrl: string, seed: number): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT setseed($1)', [(seed % 1000) / 1000]);
    return client;
  } catch (error) {
    await client.end();
    throw error;
  }
}

/** A fresh, empty database for one bench run: prossimo_bench_<kind>_<time>_<random>. */
export async function createBenchDatabase(kind: string): Promise<string> {
  const database = `prossimo_bench_${kind}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE "${database}"`));
  return database;
}

export function dropDatabase(database: string): Promise<void> {
  return onServer((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}

/** Brings the database up to date with the built migrations (dist/: `npm run build` first). */
export async function migrate(root: string, databaseUrl: string): Promise<string[]> {
  const { runMigrations } = createRequire(join(root, 'package.json'))(
    join(root, 'dist/libs/platform/src/index.js'),
  ) as {
    runMigrations: (config: { DATABASE_URL: string; DATABASE_POOL_SIZE: number }) => Promise<string[]>;
  };
  return runMigrations({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 2 });
}
