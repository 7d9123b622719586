import { randomUUID } from 'node:crypto';
import { createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';

/** Points the warm-up searches near (Comune centres in several regions: fixed, so runs repeat). */
const POINTS: readonly [number, number][] = [
  [45.0703, 7.6869],
  [44.3845, 7.5427],
  [45.4642, 9.19],
  [41.9028, 12.4964],
  [40.8518, 14.2681],
  [44.4949, 11.3426],
  [45.4384, 10.9916],
  [38.1157, 13.3615],
];

const SEARCH = `query WarmUp($near: NearInput!, $first: Int!) {
  searchServiceOffers(filter: { near: $near }, first: $first) {
    items { id title category distanceKm price { model unit amountCents } organisation { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface WarmUpResult {
  ms: number;
  connections: number;
  requests: number;
  failures: number;
}

/**
 * Runs before the api listens, so that /ready says yes only once the first requests will not be
 * slow: every PostgreSQL connection of the pool is opened (a new backend and its catalogue caches
 * cost milliseconds each, paid otherwise by the first requests of a burst), and `requests` public
 * catalogue searches go through the whole stack (Express, guards, Apollo's parse and validation,
 * the resolvers, the session check, the search's prepared statement on every connection, the
 * organisation loader), which also gets V8 to compile the hot paths before real traffic.
 *
 * The searches go to a private loopback server of this process (`exclusive`: not the cluster's
 * shared port, and no "listening" for the primary), each with its own signed token of a session
 * that does not exist: the search is public, so it is answered, and each token has its own rate
 * limit, so the warm-up never eats into a real client's budget.
 */
export async function warmUpApi(
  app: INestApplication,
  options: { requests: number; poolSize: number },
): Promise<WarmUpResult> {
  const began = performance.now();
  const dataSource = app.get(DataSource);
  // Concurrent queries take one client each: the pool opens all its connections.
  await Promise.all(Array.from({ length: options.poolSize }, () => dataSource.query('SELECT 1')));

  let failures = 0;
  if (options.requests > 0) {
    const jwt = app.get(JwtService, { strict: false });
    const server = createServer(app.getHttpAdapter().getInstance() as Parameters<typeof createServer>[1]);
    await listen(server);
    const { port } = server.address() as AddressInfo;
    let next = 0;
    const worker = async () => {
      while (next < options.requests) {
        const index = next;
        next += 1;
        const [lat, lon] = POINTS[index % POINTS.length];
        const token = await jwt.signAsync({ sub: randomUUID(), sid: randomUUID() }, { expiresIn: 60 });
        const body = JSON.stringify({
          query: SEARCH,
          variables: { near: { lat, lon, radiusKm: 10 }, first: 20 },
        });
        if (!(await post(port, body, token))) failures += 1;
      }
    };
    try {
      await Promise.all(Array.from({ length: options.poolSize }, worker));
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  }
  return {
    ms: Math.round(performance.now() - began),
    connections: options.poolSize,
    requests: options.requests,
    failures,
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => done());
  });
}

/** True when the answer is a 200 with data and no errors. */
function post(port: number, body: string, token: string): Promise<boolean> {
  return new Promise((done) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
        timeout: 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          done(response.statusCode === 200 && !text.includes('"errors"'));
        });
        response.on('error', () => done(false));
      },
    );
    sent.on('timeout', () => sent.destroy());
    sent.on('error', () => done(false));
    sent.end(body);
  });
}
