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
  /** The first failure's status and error code, for the log. */
  firstFailure?: string;
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
 * that does not exist (the search is public, so it is answered). They still count against the
 * sensitive limit of the loopback address (RATE_LIMIT_SENSITIVE_PER_MINUTE, 30 by default): an e2e
 * test with that limit at 3 had most of them refused. Hence API_WARM_UP_REQUESTS is 0 by default
 * (only the pool is opened) until the searches get a budget of their own.
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
  let firstFailure: string | undefined;
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
        const failure = await post(port, body, token);
        if (failure) {
          failures += 1;
          firstFailure ??= failure;
        }
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
    ...(firstFailure ? { firstFailure } : {}),
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => done());
  });
}

/** Null when the answer is a 200 with data and no errors, else its status and error code. */
function post(port: number, body: string, token: string): Promise<string | null> {
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
          const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
          done(
            response.statusCode === 200 && !text.includes('"errors"')
              ? null
              : `HTTP ${response.statusCode} ${code ?? text.slice(0, 120)}`,
          );
        });
        response.on('error', (error) => done(error.message));
      },
    );
    sent.on('timeout', () => sent.destroy());
    sent.on('error', (error) => done(error.message));
    sent.end(body);
  });
}
