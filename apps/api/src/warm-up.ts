import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { VolunteerService } from '@prossimo/community';
import {
  AuthenticatedUser,
  Role,
  SessionService,
  UserRolesRepository,
  UsersRepository,
} from '@prossimo/identity';
import { ProposalsRepository, ProposalsService } from '@prossimo/matching';
import { DomainError, forgetWarmUpRateCounters, markWarmUpRequest, Readiness } from '@prossimo/platform';
import {
  NeedCategory,
  NeedLifecycleService,
  NeedPostingService,
  NeedStatus,
  NeedUrgency,
} from '@prossimo/requests';
import { firstComuneCentre } from '@prossimo/territory';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

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

/**
 * The hot operations of the bench's mix (bench/api/workload.ts), the same documents. The writes are
 * ones the api refuses before it writes anything: the throwaway user is neither a citizen nor a
 * volunteer (FORBIDDEN), the proposal does not exist, and the windows end before they start.
 * Parsing, GraphQL validation, the guards, the pipes (class-validator on the inputs) and the
 * resolvers' first steps get warm, and no row is written. Their answer must be that refusal
 * (`refusedWith`); anything else (an INTERNAL_SERVER_ERROR, or a write that went through) is a failure.
 */
const OPERATIONS: readonly {
  name: string;
  query: string;
  variables: (index: number) => unknown;
  refusedWith?: string;
}[] = [
  {
    name: 'search',
    query: `query Search($near: NearInput!, $first: Int!) {
  searchServiceOffers(filter: { near: $near }, first: $first) {
    items { id title category distanceKm price { model unit amountCents } organisation { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: (index) => {
      const [lat, lon] = POINTS[index % POINTS.length];
      return { near: { lat, lon, radiusKm: 10 }, first: 20 };
    },
  },
  {
    name: 'me',
    query: `query Me { me { id displayName language roles { role } } }`,
    variables: () => undefined,
  },
  {
    name: 'myNeeds',
    query: `query MyNeeds { myNeeds(first: 10) {
  items { id status category description windowStart windowEnd visibleToHelpers }
  pageInfo { hasNextPage endCursor }
} }`,
    variables: () => undefined,
  },
  {
    name: 'myProposals',
    query: `query MyProposals { myProposals(first: 10) {
  items { id needId status rank distanceKm expiresAt }
  pageInfo { hasNextPage endCursor }
} }`,
    variables: () => undefined,
  },
  {
    name: 'myNotifications',
    query: `query MyNotifications { myNotifications(first: 10) {
  items { id event body createdAt readAt } unreadCount pageInfo { hasNextPage }
} }`,
    variables: () => undefined,
  },
  {
    name: 'postNeed',
    query: `mutation PostNeed($input: PostNeedInput!) { postNeed(input: $input) { id status comuneIstat } }`,
    variables: (index) => {
      const [lat, lon] = POINTS[index % POINTS.length];
      return {
        input: {
          category: 'SHOPPING_AND_DELIVERY',
          description: 'Warm-up: never stored.',
          location: { lat, lon },
          // Ends before it starts: refused before anything is written, whoever asks.
          windowStart: '2030-01-02T10:00:00.000Z',
          windowEnd: '2030-01-02T09:00:00.000Z',
          urgency: 'NORMAL',
        },
      };
    },
    // The throwaway user may not post (no citizen's profile): refused after validation and the pipes.
    refusedWith: 'FORBIDDEN',
  },
  {
    name: 'acceptProposal',
    query: `mutation Accept($id: ID!) { acceptProposal(input: { proposalId: $id }) { id status startsAt endsAt } }`,
    variables: () => ({ id: randomUUID() }),
    refusedWith: 'PROPOSAL_NOT_FOUND',
  },
  {
    name: 'addAvailability',
    query: `mutation AddWindow($input: AvailabilityWindowInput!) {
  addAvailabilityWindow(input: $input) { id kind startsAt endsAt }
}`,
    variables: () => ({
      input: { oneOff: { startsAt: '2030-01-02T10:00:00.000Z', endsAt: '2030-01-02T09:00:00.000Z' } },
    }),
    // The throwaway user is no volunteer: refused after parsing, validation and the pipes.
    refusedWith: 'FORBIDDEN',
  },
];

export interface WarmUpOptions {
  /** Requests to send at least (0: none, only the pool and the rehearsals). */
  requests: number;
  poolSize: number;
  /** The bound on the whole warm-up, whatever the work done or the JIT's state. */
  maxMs: number;
}

export interface WarmUpResult {
  ms: number;
  connections: number;
  /** Connections on which the writes were rehearsed (and rolled back) in the first pass. */
  rehearsed: number;
  /** Passes of rehearsals over every connection: the first, then one between batches of requests. */
  rehearsalPasses: number;
  /** The first pass's ms, slowest connection. */
  rehearsalMs: number;
  /** Requests answered (failed ones included). */
  requests: number;
  failures: number;
  /** The first failure's operation, status and error code, for the log. */
  firstFailure?: string;
  /** This process's CPU per request (ms) in the first batch and in the last one. */
  firstBatchCpuMs?: number;
  lastBatchCpuMs?: number;
  /** True when the CPU per request had stopped falling (settled) at the end. */
  settled: boolean;
  /** True when API_WARM_UP_MAX_MS stopped it before it had settled. */
  timedOut: boolean;
}

/** Requests per pool connection in a batch, between which the CPU per request is compared. */
const BATCH_PER_CONNECTION = 25;
/** Settled: the last two batches' CPU per request within this fraction of the best before them. */
const SETTLED_WITHIN = 0.05;
/** Never more requests than this many times `requests`, settled or not. */
const MAX_REQUESTS_FACTOR = 5;

/**
 * Runs before the api listens, with /ready answering 503 meanwhile (Readiness), so that neither the
 * cluster's round robin nor a load balancer sends traffic to a cold process:
 *
 * 1. every PostgreSQL connection of the pool is opened (a new backend and its catalogue caches
 *    cost milliseconds each, paid otherwise by the first requests of a burst), and on each of them
 *    the mix's writes (postNeed, acceptProposal, addAvailabilityWindow) are rehearsed for real in
 *    a transaction that is rolled back (rehearseWrites): a backend's first write to a table loads
 *    its relation and index caches, its foreign keys' check plans and its triggers, which the
 *    refused writes below never reach;
 * 2. batches of the mix's documents (OPERATIONS), `poolSize` at a time so that each connection
 *    prepares the statements, through the whole stack: Express, the middlewares, Apollo's parse and
 *    validation, the guards and the session check (run for every request, as for the mix's many
 *    tokens: the throwaway user's checked session is forgotten before each), the resolvers, the
 *    loaders, serialisation; after each batch the writes are rehearsed again on every connection,
 *    so the services' write code is run often enough for V8 to optimise it too.
 *
 * When to stop is about work and the JIT, not a fixed time: at least `requests` requests, then
 * until this process's CPU per request (process.cpuUsage: the main thread and V8's compiler and GC
 * threads) stops falling, i.e. the last two batches cost no less than 5% below the best batch
 * before them; at most `MAX_REQUESTS_FACTOR` times `requests`, and never longer than `maxMs`
 * (a restart on a crowded machine is not held up by a JIT that cannot be told apart from noise).
 *
 * The requests go to a private loopback server of this process (`exclusive`: not the cluster's
 * shared port), closed before the api listens. Each must carry a random secret of this process,
 * and only then is it marked as a warm-up request (markWarmUpRequest: a private set, which nothing a
 * client sends can set): the resolvers' rate limiter counts it on counters of its own, Redis round
 * trip included, that never refuse and are deleted at the end (forgetWarmUpRateCounters), so the
 * warm-up uses no client's budget and leaves no counter in Redis. The signed-in reads use a session of a throwaway user without
 * phone, name or data, deleted at the end (with its session, by cascade).
 */
export async function warmUpApi(app: INestApplication, options: WarmUpOptions): Promise<WarmUpResult> {
  return app.get(Readiness).whileWarmingUp(() => warmUp(app, options));
}

async function warmUp(app: INestApplication, options: WarmUpOptions): Promise<WarmUpResult> {
  const began = performance.now();
  const deadline = began + options.maxMs;
  const dataSource = app.get(DataSource);
  // Each rehearsal holds its own client: the pool opens all its connections.
  const rehearsal = await rehearseWrites(app, dataSource, options.poolSize);
  let rehearsalPasses = 1;

  let sent = 0;
  let failures = rehearsal.failures;
  let firstFailure: string | undefined = rehearsal.firstFailure;
  let timedOut = false;
  const batchCpuMs: number[] = [];
  if (options.requests > 0 && options.maxMs > 0) {
    const secret = randomBytes(32).toString('base64url');
    const handler = app.getHttpAdapter().getInstance() as (req: IncomingMessage, res: ServerResponse) => void;
    const server = createServer((req, res) => {
      if (req.headers[WARM_UP_HEADER] === secret) markWarmUpRequest(req);
      delete req.headers[WARM_UP_HEADER];
      handler(req, res);
    });
    await listen(server);
    const { port } = server.address() as AddressInfo;
    const sessions = app.get(SessionService, { strict: false });
    const user = await createThrowawayUser(app, dataSource);
    try {
      const batchSize = Math.min(options.requests, options.poolSize * BATCH_PER_CONNECTION);
      const maxRequests = options.requests * MAX_REQUESTS_FACTOR;
      for (;;) {
        const batchEnd = Math.min(sent + batchSize, maxRequests);
        const batchStart = sent;
        const cpuBefore = process.cpuUsage();
        const worker = async () => {
          while (sent < batchEnd) {
            if (performance.now() >= deadline) {
              timedOut = true;
              return;
            }
            const index = sent;
            sent += 1;
            // Searches are 30% of the mix and its costliest read: every other request is one.
            const operation =
              index % 2 === 0 ? OPERATIONS[0] : OPERATIONS[1 + ((index >> 1) % (OPERATIONS.length - 1))];
            const body = JSON.stringify({ query: operation.query, variables: operation.variables(index) });
            // The mix's tokens are seldom checked twice within the cache's bound: check this one each time.
            sessions.forgetCheckedSessions(user.id);
            const failure = await post(port, body, user.token, secret, operation.refusedWith);
            if (failure) {
              failures += 1;
              firstFailure ??= `${operation.name}: ${failure}`;
            }
          }
        };
        await Promise.all(Array.from({ length: options.poolSize }, worker));
        const cpu = process.cpuUsage(cpuBefore);
        if (sent > batchStart) batchCpuMs.push((cpu.user + cpu.system) / 1000 / (sent - batchStart));
        if (timedOut || sent >= maxRequests || (sent >= options.requests && settled(batchCpuMs))) break;
        if (performance.now() >= deadline) {
          timedOut = true;
          break;
        }
        const pass = await rehearseWrites(app, dataSource, options.poolSize);
        rehearsalPasses += 1;
        failures += pass.failures;
        firstFailure ??= pass.firstFailure;
      }
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
      await app.get(UsersRepository, { strict: false }).deleteAccount(dataSource.manager, user.id);
      sessions.forgetCheckedSessions(user.id);
      await forgetWarmUpRateCounters(app);
    }
  }
  return {
    ms: Math.round(performance.now() - began),
    connections: options.poolSize,
    rehearsed: options.poolSize - rehearsal.failures,
    rehearsalPasses,
    rehearsalMs: rehearsal.ms,
    requests: sent,
    failures,
    ...(firstFailure ? { firstFailure } : {}),
    ...(batchCpuMs.length
      ? { firstBatchCpuMs: round2(batchCpuMs[0]), lastBatchCpuMs: round2(batchCpuMs[batchCpuMs.length - 1]) }
      : {}),
    settled: settled(batchCpuMs),
    timedOut,
  };
}

/** The last two batches cost no less than SETTLED_WITHIN below the best batch before them. */
function settled(batchCpuMs: readonly number[]): boolean {
  if (batchCpuMs.length < 3) return false;
  const bestBefore = Math.min(...batchCpuMs.slice(0, -2));
  const recent = Math.min(...batchCpuMs.slice(-2));
  return recent >= bestBefore * (1 - SETTLED_WITHIN);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

const WARM_UP_HEADER = 'x-prossimo-warm-up';

/**
 * The mix's writes, for real, once on each of `poolSize` connections (all held at once, so each is
 * a different backend), each in a transaction that is rolled back whatever happens: throwaway
 * users (a citizen, a volunteer), the citizen's need posted, a proposal of it to the volunteer
 * accepted, a window added. Everything they write (rows, outbox jobs, notifications, their
 * pg_notify, audit and status history) is in that transaction, so nothing is left and nothing is
 * sent; the services get the transaction's manager and use no other connection. A failure is
 * reported (the warm-up's log line), never thrown: the api still starts.
 */
async function rehearseWrites(
  app: INestApplication,
  dataSource: DataSource,
  poolSize: number,
): Promise<{ ms: number; failures: number; firstFailure?: string }> {
  const runners: QueryRunner[] = [];
  try {
    // A runner takes its client at connect(): all of them before any rehearsal starts.
    for (let i = 0; i < poolSize; i += 1) runners.push(dataSource.createQueryRunner());
    await Promise.all(runners.map((runner) => runner.connect()));
    const outcomes = await Promise.all(
      runners.map(async (runner) => {
        const began = performance.now();
        try {
          await runner.startTransaction();
          try {
            await rehearse(app, runner.manager);
          } finally {
            await runner.rollbackTransaction();
          }
          return { ms: performance.now() - began };
        } catch (error) {
          return { ms: performance.now() - began, failure: (error as Error).message };
        }
      }),
    );
    const failed = outcomes.filter((outcome) => outcome.failure);
    return {
      ms: Math.round(Math.max(0, ...outcomes.map((outcome) => outcome.ms))),
      failures: failed.length,
      ...(failed.length ? { firstFailure: `rehearsal: ${failed[0].failure}` } : {}),
    };
  } finally {
    await Promise.all(runners.map((runner) => runner.release()));
  }
}

/**
 * One rehearsal in the manager's transaction (rolled back by the caller), through each owner's own
 * services and repositories, the statements real traffic runs: the api writes no table itself.
 */
async function rehearse(app: INestApplication, manager: EntityManager): Promise<void> {
  const comune = await firstComuneCentre(manager);
  if (!comune) throw new Error('no Comune to rehearse in');
  const users = app.get(UsersRepository, { strict: false });
  const citizenId = await users.createBlankAccount(manager);
  const helperId = await users.createBlankAccount(manager);
  await app.get(UserRolesRepository, { strict: false }).grantRole(manager, citizenId, Role.CITIZEN);
  const signedIn = (userId: string, role: Role): AuthenticatedUser => ({
    userId,
    sessionId: randomUUID(),
    roles: [{ role, territoryId: null, organisationId: null }],
    authLevel: null,
  });
  const helper = signedIn(helperId, Role.VOLUNTEER);
  const volunteers = app.get(VolunteerService, { strict: false });
  // The profile grants the volunteer's role, as a person who offers help for the first time.
  const volunteerId = await volunteers.upsertProfileIn(manager, helper, {
    displayName: 'Warm-up',
    bio: 'Warm-up: rolled back, never stored.',
    skills: [],
    categories: [],
    languages: [],
    homeLat: comune.lat,
    homeLon: comune.lon,
    comuneIstat: comune.istat,
    travelRadiusKm: 10,
    weeklyHourLimit: 8,
  });
  // A week from now, whatever the clock: the need's window and the volunteer's.
  const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 7 * 86_400_000);
  const end = new Date(start.getTime() + 3_600_000);
  const needId = await app
    .get(NeedPostingService, { strict: false })
    .postNeedIn(manager, signedIn(citizenId, Role.CITIZEN), {
      category: NeedCategory.SHOPPING_AND_DELIVERY,
      description: 'Warm-up: rolled back, never stored.',
      location: { lat: comune.lat, lon: comune.lon },
      windowStart: start,
      windowEnd: end,
      urgency: NeedUrgency.NORMAL,
      language: 'it',
      accessibilityNeeds: [],
    });
  if (!needId) throw new Error('postNeed wrote nothing');
  // Open (moderation may hold a new need) and proposed to the volunteer, as matching would.
  await openNeed(app, manager, needId);
  const proposal = await app.get(ProposalsRepository, { strict: false }).insertProposal(manager, {
    needId,
    helperUserId: helperId,
    volunteerId,
    organisationId: null,
    serviceOfferId: null,
    rank: 1,
    score: 0.5,
    distanceKm: 0,
    breakdown: '{}',
    expiresAt: new Date(Date.now() + 3_600_000),
    assignedByUserId: null,
  });
  await app.get(ProposalsService, { strict: false }).acceptInTransaction(manager, proposal.id, helperId);
  await volunteers.addWindowIn(manager, helper, {
    oneOff: {
      startsAt: new Date(end.getTime() + 86_400_000),
      endsAt: new Date(end.getTime() + 90_000_000),
    },
  });
}

/** Opens the need through its lifecycle; one the territory does not moderate is open already. */
async function openNeed(app: INestApplication, manager: EntityManager, needId: string): Promise<void> {
  try {
    await app
      .get(NeedLifecycleService, { strict: false })
      .transition(manager, needId, NeedStatus.OPEN, null, null);
  } catch (error) {
    const alreadyOpen =
      error instanceof DomainError &&
      error.code === 'NEED_TRANSITION_INVALID' &&
      error.options.params?.from === NeedStatus.OPEN;
    if (!alreadyOpen) throw error;
  }
}

/** A user with nothing (no phone, name, role or data) and a live session, for the signed-in reads. */
async function createThrowawayUser(
  app: INestApplication,
  dataSource: DataSource,
): Promise<{ id: string; token: string }> {
  const users = app.get(UsersRepository, { strict: false });
  const userId = await users.createBlankAccount(dataSource.manager);
  try {
    const tokens = await app.get(SessionService, { strict: false }).issue(dataSource.manager, userId);
    return { id: userId, token: tokens.accessToken };
  } catch (error) {
    await users.deleteAccount(dataSource.manager, userId);
    throw error;
  }
}

function listen(server: Server): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => done());
  });
}

/**
 * Null when the answer is the expected one (data and no errors, or the refusal `refusedWith`), else
 * its status and error code.
 */
function post(
  port: number,
  body: string,
  token: string,
  secret: string,
  refusedWith: string | undefined,
): Promise<string | null> {
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
          [WARM_UP_HEADER]: secret,
        },
        timeout: 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
          const expected = refusedWith
            ? code === refusedWith
            : response.statusCode === 200 && !text.includes('"errors"');
          done(expected ? null : `HTTP ${response.statusCode} ${code ?? text.slice(0, 120)}`);
        });
        response.on('error', (error) => done(error.message));
      },
    );
    sent.on('timeout', () => sent.destroy());
    sent.on('error', (error) => done(error.message));
    sent.end(body);
  });
}
