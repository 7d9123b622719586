import cluster from 'node:cluster';
import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import type { CapturedSearch } from './search-sql';

/**
 * The bare baseline: node:http and pg, nothing else. POST /search {lat, lon, radiusKm} runs the
 * api's own search SQL and its organisation batch query, and answers the page as JSON.
 * Started by main.ts with fork(); it reports its port over IPC. With BASELINE_PROCESSES > 1 it
 * runs as many node:cluster workers on one port, as the api does with API_PROCESSES, so that the
 * search ratio compares like with like.
 */
const processes = Number(process.env.BASELINE_PROCESSES ?? 1);
if (processes > 1 && cluster.isPrimary) {
  let listening = 0;
  // Ready once every worker listens: the round robin only hands connections to those that do.
  cluster.on('listening', (_worker, address) => {
    listening += 1;
    if (listening === processes) process.send?.({ port: address.port });
  });
  cluster.on('exit', (worker, code, signal) => {
    console.error(`baseline worker ${worker.process.pid} exited (${signal ?? code})`);
    process.exit(1);
  });
  process.on('SIGTERM', () => {
    cluster.removeAllListeners('exit');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  });
  for (let i = 0; i < processes; i += 1) cluster.fork();
} else {
  serve();
}

function serve(): void {
  const search = JSON.parse(process.env.BASELINE_SEARCH ?? '') as CapturedSearch;
  const pool = new Pool({
    connectionString: process.env.BASELINE_DATABASE_URL,
    max: Number(process.env.BASELINE_POOL_SIZE ?? 10),
    // As the api's pool: connections (and their prepared statements) stay open between slices.
    min: Number(process.env.BASELINE_POOL_SIZE ?? 10),
    idleTimeoutMillis: 30_000,
  });

  interface SearchBody {
    lat: number;
    lon: number;
    radiusKm: number;
    first: number;
  }

  function readBody(request: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      request.on('error', reject);
    });
  }

  async function runSearch(body: SearchBody): Promise<unknown> {
    const values = { lat: body.lat, lon: body.lon, metres: body.radiusKm * 1000, limit: body.first + 1 };
    // Prepared like the api prepares them (queryPrepared), so both pay the same planning cost.
    const { rows } = await pool.query<{ id: string; organisationId: string; distanceM: number }>({
      name: 'baseline_search',
      text: search.pageSql,
      values: search.pageParams.map((name) => values[name]),
    });
    const items = rows.slice(0, body.first);
    const ids = [...new Set(items.map((row) => row.organisationId))];
    const { rows: organisations } = await pool.query<{ id: string; name: string }>({
      name: 'baseline_organisations',
      text: search.organisationsSql,
      values: [ids],
    });
    const byId = new Map(organisations.map((row) => [row.id, row]));
    return {
      items: items.map((row) => ({ ...row, organisation: byId.get(row.organisationId) ?? null })),
      hasNextPage: rows.length > body.first,
    };
  }

  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/search') {
      response.writeHead(404).end();
      return;
    }
    readBody(request)
      .then((text) => runSearch(JSON.parse(text) as SearchBody))
      .then((result) => {
        const payload = JSON.stringify({ data: result });
        response.writeHead(200, { 'content-type': 'application/json' }).end(payload);
      })
      .catch((error: unknown) => {
        console.error('baseline search failed:', error);
        response.writeHead(500).end();
      });
  });

  server.keepAliveTimeout = 65_000;
  // In a cluster worker, port 0 is one port the primary picks for all of them.
  server.listen(0, '127.0.0.1', () => {
    if (cluster.isPrimary) process.send?.({ port: (server.address() as AddressInfo).port });
  });

  process.on('SIGTERM', () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
