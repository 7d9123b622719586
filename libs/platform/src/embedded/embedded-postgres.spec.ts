import { promises as fs, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  EmbeddedPostgresPortInUseError,
  type EmbeddedPostgresHandle,
  startEmbeddedPostgres,
} from './embedded-postgres';

jest.setTimeout(60_000);

const EXTENSIONS = ['cube', 'earthdistance', 'btree_gist', 'pg_trgm', 'unaccent', 'pgcrypto'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  let root: string;
  let dataDir: string;
  let port: number;
  const lines: string[] = [];
  const log = (line: string): void => {
    lines.push(line);
  };
  const handles: EmbeddedPostgresHandle[] = [];
  const actualDataDirs = new Set<string>();

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(tmpdir(), 'prossimo-embedded-pg-'));
    // Traversable, so that when the suite runs as root the postgres user can reach the data dir.
    await fs.chmod(root, 0o755);
    dataDir = path.join(root, 'data');
    port = await freePort();
  });

  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.stop()));
    for (const dir of [root, ...actualDataDirs]) await fs.rm(dir, { recursive: true, force: true });
  });

  it('starts a real PostgreSQL with the extensions Prossimo needs, and keeps data across restarts', async () => {
    const first = await startEmbeddedPostgres({ dataDir, port, log });
    handles.push(first);
    actualDataDirs.add(first.dataDir);
    expect(first.port).toBe(port);
    expect(first.url).toMatch(new RegExp(`^postgres://postgres:[0-9a-f]+@127\\.0\\.0\\.1:${port}/prossimo$`));

    await withClient(first.url, async (client) => {
      for (const extension of EXTENSIONS) await client.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
      const { rows } = await client.query<{ km: number; encoding: string; collate: string }>(
        `SELECT earth_distance(ll_to_earth(45.07, 7.68), ll_to_earth(45.46, 9.19)) / 1000 AS km,
                pg_encoding_to_char(encoding) AS encoding, datcollate AS collate
           FROM pg_database WHERE datname = current_database()`,
      );
      expect(rows[0].km).toBeGreaterThan(125);
      expect(rows[0].km).toBeLessThan(130);
      expect(rows[0].encoding).toBe('UTF8');
      expect(rows[0].collate).toBe('C');
      const listen = await client.query<{ value: string }>(
        `SELECT current_setting('listen_addresses') AS value`,
      );
      expect(listen.rows[0].value).toBe('127.0.0.1');
      await client.query('CREATE TABLE survivor (id int PRIMARY KEY, name text)');
      await client.query(`INSERT INTO survivor VALUES (1, unaccent('Città'))`);
    });

    await first.stop();
    await first.stop(); // double stop is safe
    await expect(withClient(first.url, async () => undefined)).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dataDir, port, log });
    handles.push(second);
    expect(second.dataDir).toBe(first.dataDir);
    expect(lines.filter((line) => line.includes('creating a new cluster'))).toHaveLength(1);
    await withClient(second.url, async (client) => {
      const { rows } = await client.query<{ name: string }>('SELECT name FROM survivor WHERE id = 1');
      expect(rows).toEqual([{ name: 'Citta' }]);
    });
    await second.stop();
  });

  it('starts again after the server was killed and left a stale postmaster.pid', async () => {
    const running = await startEmbeddedPostgres({ dataDir, port, log });
    handles.push(running);
    const pidFile = path.join(running.dataDir, 'postmaster.pid');
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10);
    process.kill(pid, 'SIGKILL');
    await running.stop(); // resolves once the killed process is reaped
    await expect(fs.stat(pidFile)).resolves.toBeDefined();

    const restarted = await startEmbeddedPostgres({ dataDir, port, log });
    handles.push(restarted);
    await withClient(restarted.url, async (client) => {
      const { rows } = await client.query<{ count: string }>('SELECT count(*) AS count FROM survivor');
      expect(rows[0].count).toBe('1');
    });
    await restarted.stop();
  });

  it('fails with a one-line message naming the port when it is busy', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const attempt = startEmbeddedPostgres({ dataDir, port, log });
      await expect(attempt).rejects.toBeInstanceOf(EmbeddedPostgresPortInUseError);
      await expect(attempt).rejects.toThrow(new RegExp(`^[^\\n]*port ${port}[^\\n]*$`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
