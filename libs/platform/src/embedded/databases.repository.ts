import { Client } from 'pg';
import { SUPERUSER } from './shared';

/** Creates the application's database in the embedded server unless it is there already. */
export async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      } catch (error) {
        if ((error as { code?: string }).code !== '42P04') throw error; // created concurrently
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The data directory of the server the client is connected to ('' when it does not say). */
export async function dataDirectoryOf(client: Client): Promise<string> {
  const result = await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
  return result.rows[0]?.dir ?? '';
}
