import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import type { CapturedSearch } from './search-sql';

/**
 * The bare baseline: node:http and pg, nothing else. POST /search {lat, lon, radiusKm} runs the
 * api's own search SQL and its organisation batch query, and answers the page as JSON.
 * Started by main.ts with fork(); it reports its port over IPC.
 */
const search = JSON.parse(process.env.BASELINE_SEARCH ?? '') as CapturedSearch;
const pool = new Pool({
  connectionString: process.env.BASELINE_DATABASE_URL,
  max: Number(process.env.BASELINE_POOL_SIZE ?? 10),
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
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});

process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
