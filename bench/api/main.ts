/*
 * API load benchmark: `npm run bench:api` (bench/README.md says what it does and the knobs).
 *
 * FINDINGS (2 cores shared with other people's test runs, 20-70% of the machine busy elsewhere;
 * the CPU-per-request table is the stable figure, req/s and latencies are noisy):
 * - Offer search is database-bound: PostgreSQL spends ~5-5.5 ms CPU per search for the api and the
 *   baseline alike. EXPLAIN: planning is about half of it (3-4.5 ms: the earthdistance functions
 *   are SQL functions inlined at every plan, plus two EXISTS); execution recomputes ll_to_earth per
 *   candidate row for the filter, the sort and the output. Cheap fixes, in the directory library:
 *   a stored earth column (or ORDER BY ll_to_earth(lat, lon) <-> centre on the GiST index), and a
 *   named prepared statement with a generic plan (TypeORM's query() cannot name statements).
 * - The api adds ~2.3 ms of Node CPU per search (3.2 vs 0.9 for node:http + pg). Its main thread:
 *   writev ~25% (kernel loopback sends: ~6 round trips per request against 3 for the baseline:
 *   the session check query, two Redis throttler scripts (default + sensitive), the search, the
 *   organisation loader, the response), GC 7-18%, graphql + Apollo ~13% (Apollo auto-installs its
 *   cache-control plugin, which wraps every field resolver: ApolloServerPluginCacheControlDisabled()
 *   in app.module removes it; responses are pretty-printed JSON), OpenSSL 3 `init` ~7% (one
 *   createHmac per JWT verify and one createDecipheriv per notification body, each fetching the
 *   algorithm), async_hooks ~3% (AsyncLocalStorage request context), class-validator ~1-2%.
 * - The mix costs ~3.2 ms api + ~3 ms PostgreSQL CPU per request: a ceiling of ~320 req/s on two
 *   free cores. With neighbours taking half the machine it saturates near 170 req/s, so the fixed
 *   200 req/s phase queues and p95 reaches seconds; the 200 req/s target needs a quieter machine or
 *   the fixes above. No request failed in any phase.
 * - Nothing in the api was changed from here (those files belong to other libraries).
 *
 * SESSION 3 (22 Nov 2026; 10 s phases; load average 7-10 from other helpers' runs, neighbours at
 * 40-70% of the machine, so compare ratios within a run):
 * - Round trips per request (the table this script now prints): search 2 SQL + 2 Redis; myNeeds
 *   2.5, myProposals 2, myNotifications 3, me 2 (was 3: findOne with a relation ran a DISTINCT query
 *   first), postNeed 12, addAvailability 9, acceptProposal 33-35 SQL (matching + two notifications:
 *   half of all the statements of the mix; not changed here, other helpers own that code).
 * - 'init' (6-8% of the mix) was jsonwebtoken calling createPublicKey on the string secret at every
 *   verify before falling back to an HMAC key: the secret is now a KeyObject, and a verified token is
 *   remembered until it expires. `dispatch` (5-10%) was an artefact of this summary (the wait before
 *   the first sample); fixed in profile.ts.
 * - The session check (one query per signed-in request, planning ~1 ms against ~0.2 ms executing)
 *   is now a prepared statement and is reused for SESSION_CACHE_TTL_MS (production 5 s). With 2,500
 *   tokens drawn at random at ~100 req/s, a token comes back every ~20 s, so the cache seldom hits
 *   here; a real client sends bursts. myNeeds and myProposals are prepared too.
 * - Offer search: a stored earth point (migration 1763701700000) instead of ll_to_earth per row:
 *   ~10 -> ~7 ms PostgreSQL per search on this data (EXECUTE of the prepared search, 40 points).
 * - With the machine this busy the 200 req/s phase still queues (p95 in seconds); see the README
 *   of bench/ for the figures and what is left.
 *
 * SESSION 4 (22 Nov 2026, 10 s phases, load average 1-4; figures in bench/README.md):
 * - Offer search, PostgreSQL: the plan fetched the whole 10 km box (~100-300 offers in a town),
 *   checked moderation and accreditation for each and sorted them: the index can only give
 *   `ORDER BY earth <-> point` alone, and the `, o.id` tie-break ruled its ordered walk out. The
 *   inner query now orders by `<->` alone (FETCH FIRST ... WITH TIES, the page size a sub-select so
 *   that no plan, generic or custom, prefers "fetch the box then sort"), the outer one sorts the
 *   page by (distance, id). PostgreSQL CPU per search 4.6 -> 1.6 ms, for the api and the baseline
 *   alike (the baseline runs the captured SQL), so the baseline's throughput nearly doubled too.
 * - The api's Node CPU then decided the search ratio, and with one main thread also the mix's
 *   tail. The largest single item was garbage collection (10-12% of the main thread, more on
 *   helper threads): the api now starts with 32 MB semi-spaces (apps/api/src/node-flags.ts, used
 *   here, by start:api, the image and the launcher): search 3.1 -> 2.6 ms api CPU per request.
 * - Smaller cuts: the throttler's Lua script by SHA (EVALSHA), both limits of a sensitive
 *   operation counted in one Redis round trip (auto-pipelining); class-validator's per-class rule
 *   look-up remembered; the cost limit remembered per document and page sizes; no ETag hash of
 *   every answer; prepared-statement names cached; `me` from one prepared statement instead of a
 *   TypeORM join; myNotifications' page and unread count in one statement (3 -> 2 round trips).
 * - Where the api's time goes now (mix, closed loop): socket writes to PostgreSQL are ~19% of its
 *   main thread (each statement ~0.15 ms of kernel time for a loopback send): the write paths'
 *   statements (acceptProposal 14, postNeed 9, addAvailability 7: two thirds of the mix's) are
 *   the next lever; then async_hooks (AsyncLocalStorage: ours and nestjs-pino's, ~4%), class-
 *   validator (~5%), Apollo's pretty-printed JSON (~2%). At a fixed 200 req/s the api spends
 *   ~40% more CPU per request than closed-loop (each request wakes the loop alone: no batching
 *   of reads, writes and microtasks), ~0.75 of its one main thread: the queue behind it is the
 *   p95. A second api process (they share limits through Redis already) would halve that queue;
 *   not done here, and it would need the baseline to get as many processes for a fair ratio.
 * - Done since (wt/apicluster): API_PROCESSES runs the api as node:cluster workers; this bench
 *   runs BENCH_API_PROCESSES (default 2) of them and as many baseline processes. One quiet run
 *   met both targets (p95 144 ms at 200 req/s, search 0.64); with neighbours above ~20% of the
 *   machine two processes did no better than one, as the api then uses 10-20% more CPU per request
 *   on two cores it shares with PostgreSQL and the load generator (bench/README.md, figures).
 * - Done since (issue 18): the write paths' statements, counted exactly per request by
 *   test/e2e/statement-counts.e2e-spec.ts (session check and BEGIN/COMMIT included): acceptProposal
 *   16 -> 5, postNeed 10 -> 3, addAvailabilityWindow 8 -> 5 (one statement of data-modifying CTEs
 *   per write: CombinedStatement in libs/platform). The round-trip table below samples the same.
 *
 * SESSION 9 (6 Dec 2026, issue 18; load average 22-32, neighbours at 82-95% of the machine):
 * - The load generator is our own (load.ts): an open-loop schedule at the offered rate, each
 *   latency from the request's intended start (autocannon's 200 connections at 1 req/s stopped
 *   offering when the server saturated, so its p95 understated the queue). The 200 req/s phase
 *   runs first, straight after /ready, with no warm-up by the bench: the api warms itself before
 *   it listens (apps/api/src/warm-up.ts), and the first tenth's p95 is printed against the rest's.
 * - The search is compared in interleaved api/baseline slices (order alternating per pair), CPU
 *   per request (server + PostgreSQL) being the main ratio; every phase prints its load average
 *   and the neighbours' share of the machine.
 * - The CPU meter counts per process: summed per group, a backend that closed mid-slice (the
 *   baseline pool's idle timeout) made the group's total drop and hid the slice's database CPU.
 * - No CPU cut in the api this session: at 82-95% neighbours a before/after of the api's own CPU
 *   per request could not be told from the noise.
 */
import { ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { databaseUrlFor, onServer, SERVER_URL } from '../support/postgres';
import { apiNodeFlags } from '../support/api-process';
import { freePort } from '../support/ports';
import { childPids, CpuMeter, CpuUsage } from './cpu';
import { PhaseOptions, percentile, PhaseResult, runPhase, servedRate } from './load';
import { summariseProfile } from './profile';
import { Random } from './random';
import { captureSearchSql } from './search-sql';
import { BenchSecrets, generateSecrets, SCALE, seedWorld, SeededWorld } from './seed';
import { graphqlFailure, MIX, Operation, SEARCH_PAGE_SIZE, Workload } from './workload';

const ROOT = resolve(__dirname, '..', '..', '..');
const SEED = Number(process.env.BENCH_SEED ?? 20251121);
/** The mix at the target rate: open loop, straight after /ready. */
const MIX_SECONDS = Number(process.env.BENCH_MIX_SECONDS ?? 40);
/** Keep-alive connections the open-loop generator may open (a request waits for one, its clock running). */
const MIX_SOCKETS = Number(process.env.BENCH_MIX_CONNECTIONS ?? 64);
/** Offer search: this many api/baseline pairs of slices, each slice this long. */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 6);
const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const TARGET_RATE = Number(process.env.BENCH_RATE ?? 200);
/**
 * Rounds of (mix, interleaved search pairs) in one run, on the same api and seed: the first mix is
 * straight after /ready, the others on a warm api. Per-round and median CPU per request are printed.
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_API_ROUNDS ?? 1));
const TARGET_P95_MS = 150;
const TARGET_MIX_CPU_MS = 3.5;
const TARGET_SEARCH_CPU_RATIO = 1.5;
/** The first tenth's p95 above this many times the rest's counts as a slow start. */
const SLOW_START_FACTOR = 1.5;
const POOL_SIZE = 10;
const READY_TIMEOUT_MS = 300_000;
/** API_PROCESSES of the api, and as many baseline processes (node:cluster both) for a fair ratio. */
const PROCESSES = Number(process.env.BENCH_API_PROCESSES ?? 2);
const CORES = cpus().length;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** BENCH_PROFILE=1 profiles one api worker during a search and a mix phase after the timed ones. */
const PROFILE = !!process.env.BENCH_PROFILE || !!process.env.BENCH_PROFILE_OUT;
/** When set, the .cpuprofile files are kept there (open them in Chrome DevTools or speedscope). */
const PROFILE_OUT = process.env.BENCH_PROFILE_OUT;
const PROFILE_SECONDS = 10;
/** Requests of each operation whose SQL statements and Redis commands are counted. */
const STATEMENT_SAMPLES = Number(process.env.BENCH_STATEMENT_SAMPLES ?? 50);
/**
 * Times in the requests (a need's window, a volunteer's availability) count from the next Tuesday
 * 08:00 UTC at least a day away, so the weekday they fall on never depends on the day of the run.
 */
const TIME_ANCHOR = nextTuesdayMorning(Date.now());

interface Measured {
  result: PhaseResult;
  cpu: CpuUsage;
  /** 1-minute load average at the phase's start and end. */
  load: [number, number];
}

function nextTuesdayMorning(now: number): number {
  const day = new Date(now + 86_400_000);
  const anchor = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8);
  const daysToTuesday = (2 - new Date(anchor).getUTCDay() + 7) % 7;
  return anchor + daysToTuesday * 86_400_000;
}

const children: ChildProcess[] = [];
/** Lines each child wrote: a log line per request would show up in the profile as writes. */
const outputLines = new Map<string, number>();
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(children.map(stopChild));
    for (const step of cleanups.reverse()) {
      await step().catch((error: unknown) => console.error('cleanup:', error));
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping, dropping the benchmark database`);
    void cleanup().then(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  const began = Date.now();
  const say = (line: string) =>
    console.log(`[${((Date.now() - began) / 1000).toFixed(1).padStart(5)}s] ${line}`);
  const database = `prossimo_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = databaseUrlFor(database);
  const queuePrefix = `bench${randomBytes(4).toString('hex')}`;

  await onServer((client) => client.query(`CREATE DATABASE "${database}"`));
  cleanups.push(() =>
    onServer((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)),
  );
  cleanups.push(() => deleteRedisKeys(queuePrefix));
  say(`database ${database}; load average ${loadAverage()}`);

  const load = createRequire(join(ROOT, 'package.json'));
  const { runMigrations } = load(join(ROOT, 'dist/libs/platform/src/index.js')) as {
    runMigrations: (config: { DATABASE_URL: string; DATABASE_POOL_SIZE: number }) => Promise<string[]>;
  };
  const migrations = await runMigrations({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 2 });
  say(`${migrations.length} migrations applied`);

  const secrets = generateSecrets();
  const world = await seedWorld(databaseUrl, secrets, SEED);
  say(
    `seeded: ${Object.entries(world.rows)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ')}`,
  );

  // The seed's dirty pages written out now, not by a timed checkpoint in the middle of a phase.
  await onServer((client) => client.query('CHECKPOINT'));
  say('checkpoint after the seed');

  const search = await captureSearchSql(ROOT, SEARCH_PAGE_SIZE);
  const profileDir = mkdtempSync(join(tmpdir(), 'prossimo-bench-'));
  cleanups.push(async () => rmSync(profileDir, { recursive: true, force: true }));
  const profilePath = join(profileDir, 'api.cpuprofile');

  const apiPort = await freePort();
  const apiStarted = Date.now();
  const api = startApi(apiPort, databaseUrl, queuePrefix, secrets, profilePath);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await waitReady(`${apiUrl}/ready`, api);
  // With several processes /ready answers as soon as one listens: wait for all of them.
  await waitFor(
    () => listeningWorkers >= (PROCESSES > 1 ? PROCESSES : 0),
    READY_TIMEOUT_MS,
    'every api worker',
  );
  // Only what is written from here on counts (start-up lines are not per-request work).
  outputLines.set('api', 0);
  say(
    `api ready on ${apiUrl} after ${((Date.now() - apiStarted) / 1000).toFixed(1)} s (production mode, ` +
      `${PROCESSES} process${PROCESSES > 1 ? 'es' : ''}, its own warm-up only)`,
  );
  const baseline = await startBaseline(databaseUrl, JSON.stringify(search));
  say(`baseline ready on ${baseline.url}`);

  const monitor = new Client({ connectionString: SERVER_URL });
  await monitor.connect();
  cleanups.push(() => monitor.end());
  // A cluster's primary and its workers, read afresh each time (a restarted worker has a new pid).
  const meter = new CpuMeter(monitor, database, () => ({
    api: [api.pid, ...childPids(api.pid)],
    baseline: [baseline.child.pid, ...childPids(baseline.child.pid)],
    'load generator': [process.pid],
  }));
  const measure = async (options: PhaseOptions): Promise<Measured> => {
    const loadBefore = loadavg()[0];
    const before = await meter.snapshot();
    const result = await runPhase(options);
    return {
      result,
      cpu: CpuMeter.between(before, await meter.snapshot()),
      load: [loadBefore, loadavg()[0]],
    };
  };

  // One generator per phase, each from the fixed seed: a phase replays the same requests run after run.
  const workload = (salt: number) => new Workload(world, new Random(SEED + salt), TIME_ANCHOR);
  const graphql = (source: Workload, single?: 'search') => () => {
    const planned = single ? source.build(single) : source.next();
    return { operation: planned.operation, path: '/graphql', body: planned.body, token: planned.token };
  };
  const check = graphqlFailure;

  const rounds: Round[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    if (ROUNDS > 1) say(`round ${round + 1} of ${ROUNDS}`);
    // Each mix starts on a quiet PostgreSQL: a checkpoint now (so none falls inside the phase, and
    // every round's writes pay the same full-page images), then the api and the database's
    // backends idle and no statement of the bench database running.
    await monitor.query('CHECKPOINT');
    const quiet = await waitUntilIdle(meter, ['api', 'postgres'], () => activeBackends(monitor, database));
    say(
      quiet.idle
        ? `checkpoint; PostgreSQL idle after ${(quiet.waitedMs / 1000).toFixed(1)} s`
        : `checkpoint; still busy after ${(quiet.waitedMs / 1000).toFixed(1)} s (${quiet.lastShares}); going on`,
    );
    // No warm-up from here: the api must be warm when /ready says yes, and the first tenth of the
    // first round's mix shows whether it is.
    say(
      `api mix at ${TARGET_RATE} req/s, open loop (${MIX_SECONDS} s, ${round === 0 ? 'straight after /ready' : 'warm api'})`,
    );
    const gcBefore = readGcTotals(profileDir);
    const mix = await measure({
      url: apiUrl,
      seconds: MIX_SECONDS,
      ratePerSecond: TARGET_RATE,
      maxSockets: MIX_SOCKETS,
      // Round 1 replays what single-round runs always did (salt 10); later rounds draw afresh.
      next: graphql(workload(10 + 1000 * round)),
      check,
    });
    // The hook writes its totals every 250 ms: wait for a write after the phase's end.
    await sleep(300);
    say(describeGc(gcBefore, readGcTotals(profileDir), mix.result.completed));
    say(
      `p95 by tenth of the phase (by intended start): ${tenths(mix.result)
        .map((p) => p.toFixed(0))
        .join(' ')} ms`,
    );

    // The mix may leave a backlog (a saturated api still answering, PostgreSQL still writing): the
    // search slices start only once the api and its backends are idle, or that work is charged to them.
    const idle = await waitUntilIdle(meter, ['api', 'postgres']);
    say(
      idle.idle
        ? `api idle ${(idle.waitedMs / 1000).toFixed(1)} s after the mix`
        : `api still busy ${(idle.waitedMs / 1000).toFixed(1)} s after the mix (${idle.lastShares}); going on`,
    );

    if (round === 0) {
      say('baseline warm-up (3 s, not reported)');
      await runPhase({
        url: baseline.url,
        seconds: 3,
        connections: CONNECTIONS,
        next: baselineRequests(workload(2)),
        check,
      });
      say('api search warm-up (3 s, not reported)');
      await runPhase({
        url: apiUrl,
        seconds: 3,
        connections: CONNECTIONS,
        next: graphql(workload(3), 'search'),
        check,
      });
    }

    // Interleaved slices: a neighbour's burst falls on both sides of a pair, and the order alternates
    // (api first, then baseline first) so a steady drift does not favour one side.
    const pairs: Pair[] = [];
    say(
      `offer search, ${PAIRS} interleaved pairs of ${SLICE_SECONDS} s slices, closed loop, ${CONNECTIONS} connections`,
    );
    for (let pair = 0; pair < PAIRS; pair += 1) {
      const salt = 100 + pair + 1000 * round;
      const sources = { api: workload(salt), baseline: workload(salt) };
      const run = (side: 'api' | 'baseline') =>
        measure({
          url: side === 'api' ? apiUrl : baseline.url,
          seconds: SLICE_SECONDS,
          connections: CONNECTIONS,
          next: side === 'api' ? graphql(sources.api, 'search') : baselineRequests(sources.baseline),
          check,
        });
      const order: ('api' | 'baseline')[] = pair % 2 === 0 ? ['api', 'baseline'] : ['baseline', 'api'];
      const slices: Partial<Record<'api' | 'baseline', Measured>> = {};
      for (const side of order) slices[side] = await run(side);
      pairs.push({ api: slices.api as Measured, baseline: slices.baseline as Measured });
    }
    rounds.push({ mix, pairs });
  }

  say(`round trips per operation (${STATEMENT_SAMPLES} sequential requests each, not timed)`);
  const roundTrips = await countRoundTrips(api, apiUrl, `${profilePath}.statements`, workload(4), meter);

  const profiles: { title: string; path: string }[] = [];
  if (PROFILE) {
    for (const [title, single, salt] of [
      ['offer search', 'search', 13],
      ['mix', undefined, 14],
    ] as const) {
      say(
        `profiling the api: ${title}, ${title === 'mix' ? `${TARGET_RATE} req/s open loop` : 'closed loop'} (${PROFILE_SECONDS} s)`,
      );
      const path = `${profilePath}.${salt}`;
      // One serving process is profiled (the round robin gives each worker the same share).
      const [profiled] = servingPids(api);
      process.kill(profiled, 'SIGWINCH');
      await runPhase({
        url: apiUrl,
        seconds: PROFILE_SECONDS,
        ...(single ? { connections: CONNECTIONS } : { ratePerSecond: TARGET_RATE, maxSockets: MIX_SOCKETS }),
        next: graphql(workload(salt), single),
        check,
      });
      process.kill(profiled, 'SIGWINCH');
      await waitFor(() => existsSync(profilePath), 10_000, 'the cpu profile');
      copyFileSync(profilePath, path);
      rmSync(profilePath);
      profiles.push({ title, path });
    }
  }

  rounds.forEach((round, index) => {
    if (ROUNDS > 1) console.log(`\n===== Round ${index + 1} of ${ROUNDS} =====`);
    printReport(round.mix, round.pairs, world);
  });
  if (ROUNDS > 1) printRounds(rounds);
  printRoundTrips(roundTrips);
  for (const profile of profiles) {
    printProfile(profile.title, summariseProfile(profile.path, ROOT));
    if (PROFILE_OUT) {
      mkdirSync(PROFILE_OUT, { recursive: true });
      const kept = join(PROFILE_OUT, `api-${profile.title.replace(/\W+/g, '-')}.cpuprofile`);
      copyFileSync(profile.path, kept);
      console.log(`(profile kept: ${kept})`);
    }
  }
  for (const [name, count] of outputLines)
    console.log(`(${name} wrote ${count} lines of output during the run)`);
  say(`done; load average ${loadAverage()}`);

  const broken = rounds
    .flatMap(({ mix, pairs }) => [mix, ...pairs.flatMap((pair) => [pair.api, pair.baseline])])
    .filter((phase) => phase.result.completed === 0 || phase.result.errors === phase.result.completed);
  if (broken.length) throw new Error(`${broken.length} phase(s) without a single good answer`);
}

interface Pair {
  api: Measured;
  baseline: Measured;
}

interface Round {
  mix: Measured;
  pairs: Pair[];
}

interface GcTotals {
  minor: number;
  minorMs: number;
  major: number;
  majorMs: number;
  incremental: number;
  incrementalMs: number;
  heapUsedMb: number;
  heapMb: number;
}

/** The api processes' collection totals so far (gc-hook.ts), summed over its workers. */
function readGcTotals(directory: string): GcTotals {
  const sum: GcTotals = {
    minor: 0,
    minorMs: 0,
    major: 0,
    majorMs: 0,
    incremental: 0,
    incrementalMs: 0,
    heapUsedMb: 0,
    heapMb: 0,
  };
  for (const name of readdirSync(directory)) {
    if (!/^api\.cpuprofile\.gc\.\d+$/.test(name)) continue;
    const totals = JSON.parse(readFileSync(join(directory, name), 'utf8')) as GcTotals;
    for (const key of Object.keys(sum) as (keyof GcTotals)[]) sum[key] += totals[key];
  }
  return sum;
}

/** What the api's collector did during a phase, per request, and the heap's size after it. */
function describeGc(before: GcTotals, after: GcTotals, requests: number): string {
  const per = (ms: number) => (requests ? ms / requests : 0).toFixed(3);
  return (
    `api GC during the mix (main-thread pauses): ${after.minor - before.minor} scavenges ` +
    `${(after.minorMs - before.minorMs).toFixed(0)} ms, ${after.major - before.major} mark-compacts ` +
    `${(after.majorMs - before.majorMs).toFixed(0)} ms, ${after.incremental - before.incremental} incremental steps ` +
    `${(after.incrementalMs - before.incrementalMs).toFixed(0)} ms; per request ` +
    `${per(after.minorMs - before.minorMs)} + ${per(after.majorMs - before.majorMs)} + ` +
    `${per(after.incrementalMs - before.incrementalMs)} ms; heap used ${before.heapUsedMb.toFixed(0)} → ` +
    `${after.heapUsedMb.toFixed(0)} MB of ${after.heapMb.toFixed(0)} MB`
  );
}

/** p95 of each tenth of a phase, the tenths cut by intended start (a slow start shows in the first). */
function tenths(result: PhaseResult): number[] {
  const span = result.seconds * 1000;
  return Array.from({ length: 10 }, (_, tenth) =>
    percentile(
      result.latencies.filter((_, i) => Math.min(9, Math.floor((result.dueAt[i] / span) * 10)) === tenth),
      0.95,
    ),
  );
}

function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

interface RoundTrips {
  operation: Operation;
  sql: number;
  redis: number;
  /** Statement texts (shortened) with their count per request, most frequent first. */
  statements: [string, number][];
  redisCommands: [string, number][];
  /** CPU ms per request of the api and of its PostgreSQL backends, the requests sent one at a time. */
  apiCpuMs: number;
  postgresCpuMs: number;
}

/**
 * Sends each operation of the mix STATEMENT_SAMPLES times, one at a time, and reads from the api's
 * statement-counter hook how many SQL statements and Redis commands it sent per request.
 */
async function countRoundTrips(
  api: ChildProcess,
  apiUrl: string,
  countsPath: string,
  source: Workload,
  meter: CpuMeter,
): Promise<RoundTrips[]> {
  // Each serving process writes its own counts; a request may have gone to any of them.
  const dump = async (): Promise<{ sql: [string, number][]; redis: [string, number][] }> => {
    const pids = servingPids(api);
    const paths = pids.map((pid) => `${countsPath}.${pid}`);
    for (const path of paths) rmSync(path, { force: true });
    for (const pid of pids) process.kill(pid, 'SIGURG');
    await waitFor(() => paths.every((path) => existsSync(path)), 10_000, 'the statement counts');
    const sql = new Map<string, number>();
    const redis = new Map<string, number>();
    for (const path of paths) {
      const counts = JSON.parse(readFileSync(path, 'utf8')) as {
        sql: [string, number][];
        redis: [string, number][];
      };
      for (const [text, count] of counts.sql) sql.set(text, (sql.get(text) ?? 0) + count);
      for (const [name, count] of counts.redis) redis.set(name, (redis.get(name) ?? 0) + count);
    }
    return { sql: [...sql], redis: [...redis] };
  };
  const results: RoundTrips[] = [];
  for (const { operation } of MIX) {
    await dump();
    const cpuBefore = await meter.snapshot();
    for (let sent = 0; sent < STATEMENT_SAMPLES; sent += 1) {
      const planned = source.build(operation);
      const response = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${planned.token}` },
        body: planned.body,
      });
      const failure = graphqlFailure(response.status, await response.text());
      if (failure) throw new Error(`${operation} failed while counting statements: ${failure}`);
    }
    // Work the request left behind (an outbox relay, a queued job) is counted too: give it a moment.
    await new Promise((wake) => setTimeout(wake, 300));
    const cpu = CpuMeter.between(cpuBefore, await meter.snapshot());
    const counted = await dump();
    const perRequest = (entries: [string, number][]) =>
      entries
        .map(([text, count]): [string, number] => [text, count / STATEMENT_SAMPLES])
        .sort((a, b) => b[1] - a[1]);
    const total = (entries: [string, number][]) => entries.reduce((sum, [, count]) => sum + count, 0);
    results.push({
      operation,
      sql: total(counted.sql) / STATEMENT_SAMPLES,
      redis: total(counted.redis) / STATEMENT_SAMPLES,
      statements: perRequest(counted.sql),
      redisCommands: perRequest(counted.redis),
      apiCpuMs: ((cpu.groups.get('api') ?? 0) * 1000) / STATEMENT_SAMPLES,
      postgresCpuMs: ((cpu.groups.get('postgres') ?? 0) * 1000) / STATEMENT_SAMPLES,
    });
  }
  return results;
}

// ----- children -----

/** The processes that serve requests: the cluster's workers, or the api itself when it runs alone. */
function servingPids(api: ChildProcess): number[] {
  const workers = childPids(api.pid);
  if (PROCESSES > 1 && workers.length !== PROCESSES) {
    throw new Error(`expected ${PROCESSES} api workers, found ${workers.length}`);
  }
  return PROCESSES > 1 ? workers : [api.pid as number];
}

/** "api worker listening" lines the api's cluster primary wrote. */
let listeningWorkers = 0;

/** SIGTERM, then SIGKILL after 5 s; resolves once the child is gone. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

function startApi(
  port: number,
  databaseUrl: string,
  queuePrefix: string,
  secrets: BenchSecrets,
  profilePath: string,
): ChildProcess {
  // Started as production starts it (infra/Dockerfile, npm run start:api): with the api's V8 flags.
  const child = spawn(process.execPath, [...apiNodeFlags(ROOT), join(ROOT, 'dist/apps/api/src/main.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      // Info for the primary's "api worker listening"; requests log at debug unless slow or failed.
      LOG_LEVEL: 'info',
      API_PROCESSES: String(PROCESSES),
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      REDIS_URL,
      QUEUE_BACKEND: 'redis',
      QUEUE_PREFIX: queuePrefix,
      ...secrets,
      SMS_CHANNEL: 'file',
      SMS_FILE_PATH: join(tmpdir(), `${queuePrefix}-sms.log`),
      // The limits are not under test here: every request comes from one address.
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_SENSITIVE_PER_MINUTE: '100000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
      // The api's own warm-up before /ready (its default unless set; 0 turns it off, to compare).
      ...(process.env.API_WARM_UP_REQUESTS ? { API_WARM_UP_REQUESTS: process.env.API_WARM_UP_REQUESTS } : {}),
      ...(process.env.API_WARM_UP_MAX_MS ? { API_WARM_UP_MAX_MS: process.env.API_WARM_UP_MAX_MS } : {}),
      NODE_OPTIONS: [
        ...(process.env.BENCH_API_NODE_OPTIONS ? [process.env.BENCH_API_NODE_OPTIONS] : []),
        `--require ${join(ROOT, 'dist/bench/api/profiler-hook.js')}`,
        `--require ${join(ROOT, 'dist/bench/api/statement-counter-hook.js')}`,
        `--require ${join(ROOT, 'dist/bench/api/gc-hook.js')}`,
      ].join(' '),
      BENCH_PROFILE_PATH: profilePath,
      BENCH_GC_PATH: `${profilePath}.gc`,
      BENCH_STATEMENTS_PATH: `${profilePath}.statements`,
    },
  });
  keepTail(child, 'api');
  children.push(child);
  return child;
}

async function startBaseline(
  databaseUrl: string,
  search: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(join(__dirname, 'baseline-server.js'), [], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      PATH: process.env.PATH,
      BASELINE_DATABASE_URL: databaseUrl,
      BASELINE_SEARCH: search,
      BASELINE_POOL_SIZE: String(POOL_SIZE),
      BASELINE_PROCESSES: String(PROCESSES),
    },
  });
  keepTail(child, 'baseline');
  children.push(child);
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('message', (message: { port: number }) => resolvePort(message.port));
    child.once('exit', (code) => reject(new Error(`baseline exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

function baselineRequests(source: Workload) {
  return () => ({
    operation: 'baseline' as const,
    path: '/search',
    body: JSON.stringify({ ...source.searchPoint(), first: SEARCH_PAGE_SIZE }),
  });
}

/** Keeps the last lines a child wrote, printed if it dies. */
function keepTail(child: ChildProcess, name: string): void {
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    const lines = chunk.toString('utf8').split('\n').filter(Boolean);
    if (name === 'api') {
      // The warm-up's own report (apps/api/src/warm-up.ts): how long it held /ready back.
      for (const line of lines) {
        const warmed = /"msg":"(api warmed up in [^"]*)"/.exec(line);
        if (warmed) console.log(`        ${warmed[1]}`);
      }
      listeningWorkers += lines.filter((line) => line.includes('"msg":"api worker listening"')).length;
    }
    outputLines.set(name, (outputLines.get(name) ?? 0) + lines.length);
    tail.push(...lines);
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code, signal) => {
    if (cleaning) return;
    console.error(`${name} exited (${code ?? signal}); its last output:\n${tail.join('\n')}`);
  });
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error('the api exited before it was ready');
      try {
        return (await fetch(url)).ok;
      } catch {
        return false;
      }
    },
    // Start-up (Nest, the warm-up) takes seconds on a quiet machine, minutes on a crowded one.
    READY_TIMEOUT_MS,
    'the api /ready',
  );
}

/** Below this share of one core for two windows in a row (the api, its PostgreSQL backends), a server is idle. */
const IDLE_CPU_SHARE = 0.05;
const IDLE_WINDOW_MS = 500;
const IDLE_MAX_WAIT_MS = 60_000;

/** Waits until the given groups use less than IDLE_CPU_SHARE of a core for two windows in a row. */
async function waitUntilIdle(
  meter: CpuMeter,
  groups: readonly string[],
  /** Something else that must be 0 at the end of a window (running statements), when given. */
  busyCount?: () => Promise<number>,
): Promise<{ idle: boolean; waitedMs: number; lastShares: string }> {
  const started = Date.now();
  let quietWindows = 0;
  let shares: number[] = [];
  let busy = 0;
  let previous = await meter.snapshot();
  while (Date.now() - started < IDLE_MAX_WAIT_MS) {
    await new Promise((wake) => setTimeout(wake, IDLE_WINDOW_MS));
    const current = await meter.snapshot();
    const used = CpuMeter.between(previous, current);
    previous = current;
    shares = groups.map((group) => (used.groups.get(group) ?? 0) / (IDLE_WINDOW_MS / 1000));
    busy = busyCount ? await busyCount() : 0;
    const quiet = shares.reduce((sum, share) => sum + share, 0) < IDLE_CPU_SHARE && busy === 0;
    quietWindows = quiet ? quietWindows + 1 : 0;
    if (quietWindows >= 2) break;
  }
  return {
    idle: quietWindows >= 2,
    waitedMs: Date.now() - started,
    lastShares:
      groups
        .map((group, index) => `${group} ${((shares[index] ?? 0) * 100).toFixed(0)}% of a core`)
        .join(', ') + (busyCount ? `, ${busy} statement(s) running` : ''),
  };
}

/** Backends of the bench database running a statement (autovacuum included), this one excepted. */
async function activeBackends(monitor: Client, database: string): Promise<number> {
  const { rows } = await monitor.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM pg_stat_activity
      WHERE datname = $1 AND state IS DISTINCT FROM 'idle' AND pid <> pg_backend_pid()`,
    [database],
  );
  return rows[0].count;
}

async function waitFor(test: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 200));
  }
}

// ----- PostgreSQL and Redis -----

/** The run's queues and rate-limit counters live under its own prefix; remove them. */
async function deleteRedisKeys(prefix: string): Promise<void> {
  const load = createRequire(join(ROOT, 'package.json'));
  const Redis = load('ioredis') as new (url: string) => {
    scan(cursor: string, ...args: (string | number)[]): Promise<[string, string[]]>;
    del(...keys: string[]): Promise<number>;
    quit(): Promise<unknown>;
  };
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

// ----- report -----

function printReport(mix: Measured, pairs: Pair[], world: SeededWorld): void {
  const neighbours = (phase: Measured) =>
    `${((phase.cpu.other / (Math.max(phase.result.elapsedMs, phase.result.seconds * 1000) / 1000) / CORES) * 100).toFixed(0)}%`;
  const loadText = (phase: Measured) => `${phase.load[0].toFixed(1)}→${phase.load[1].toFixed(1)}`;
  const ms = (value: number) => value.toFixed(1);

  console.log(
    `\nProssimo api benchmark: seed ${SEED}, ${PROCESSES} api and ${PROCESSES} baseline ` +
      `process${PROCESSES > 1 ? 'es' : ''}, ${CORES} cores, ${world.comuni.length} Piedmont Comuni, ` +
      `${SCALE.offers} offers, ${SCALE.citizens} citizens. "neighbours" is the share of the machine's CPU ` +
      'used outside the bench (other processes, the kernel) during the phase; "load" is the 1-minute ' +
      'load average at its start→end.',
  );

  // 1. The mix at the target rate.
  const result = mix.result;
  const served = servedRate(result);
  const p95 = percentile(result.latencies, 0.95);
  const byTenth = tenths(result);
  const firstTenth = byTenth[0];
  const rest = percentile(
    result.latencies.filter((_, i) => result.dueAt[i] >= result.seconds * 100),
    0.95,
  );
  const mixCpu = perRequest(mix, 'api') + perRequest(mix, 'postgres');
  const rateMet = served >= TARGET_RATE * 0.98 && p95 < TARGET_P95_MS && result.errors === 0;
  console.log(
    `\n1. Mix at ${TARGET_RATE} req/s, open loop (${MIX_SECONDS} s, up to ${MIX_SOCKETS} keep-alive connections; ` +
      "latency from each request's intended start):",
  );
  console.log(
    formatTable(
      [
        'offered req/s',
        'served req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'errors',
        'generator lag p99 ms',
        'load',
        'neighbours',
        'target',
        'verdict',
      ],
      [
        [
          (result.offered / result.seconds).toFixed(0),
          served.toFixed(0),
          ms(percentile(result.latencies, 0.5)),
          ms(p95),
          ms(percentile(result.latencies, 0.99)),
          String(result.errors),
          ms(result.sendLagP99),
          loadText(mix),
          neighbours(mix),
          `served ${TARGET_RATE}, p95 < ${TARGET_P95_MS}, 0 errors`,
          rateMet ? 'met' : 'MISSED',
        ],
      ],
    ),
  );
  console.log(
    `p95 by tenth of the phase: ${byTenth.map((value) => value.toFixed(0)).join(' ')} ms; first tenth ` +
      `${firstTenth.toFixed(0)} ms against ${rest.toFixed(0)} ms for the rest (x${(firstTenth / rest).toFixed(2)}; ` +
      `slow start if above x${SLOW_START_FACTOR}: ${firstTenth <= rest * SLOW_START_FACTOR ? 'none' : 'SLOW START'})`,
  );
  console.log(
    `CPU per mix request: api ${perRequest(mix, 'api').toFixed(2)} + PostgreSQL ${perRequest(mix, 'postgres').toFixed(2)} = ` +
      `${mixCpu.toFixed(2)} ms (target <= ${TARGET_MIX_CPU_MS}: ${mixCpu <= TARGET_MIX_CPU_MS ? 'met' : 'MISSED'}); ` +
      `load generator ${perRequest(mix, 'load generator').toFixed(2)} ms`,
  );
  console.log(
    formatTable(
      ['operation', 'share', 'requests', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'p95 first tenth / rest ms'],
      [...result.byOperation].map(([operation, stats]) => {
        const firstTenthEnd = result.seconds * 100;
        const inFirst = (first: boolean) =>
          stats.latencies.filter((_, i) => stats.dueAt[i] < firstTenthEnd === first);
        return [
          operation,
          `${((stats.count / Math.max(1, result.completed)) * 100).toFixed(0)}%`,
          String(stats.count),
          String(stats.errors),
          ms(percentile(stats.latencies, 0.5)),
          ms(percentile(stats.latencies, 0.95)),
          ms(percentile(stats.latencies, 0.99)),
          `${ms(percentile(inFirst(true), 0.95))} / ${ms(percentile(inFirst(false), 0.95))}`,
        ];
      }),
    ),
  );

  // 2. The search against the bare server, slice by slice.
  const cpuOf = (phase: Measured, server: string) =>
    perRequest(phase, server) + perRequest(phase, 'postgres');
  const lines = pairs.map((pair, index) => {
    const apiCpu = cpuOf(pair.api, 'api');
    const baseCpu = cpuOf(pair.baseline, 'baseline');
    return {
      cpuRatio: apiCpu / baseCpu,
      rateRatio: servedRate(pair.api.result) / servedRate(pair.baseline.result),
      cells: [
        `${index + 1} (${index % 2 === 0 ? 'api first' : 'baseline first'})`,
        `${perRequest(pair.api, 'api').toFixed(2)} + ${perRequest(pair.api, 'postgres').toFixed(2)}`,
        `${perRequest(pair.baseline, 'baseline').toFixed(2)} + ${perRequest(pair.baseline, 'postgres').toFixed(2)}`,
        (apiCpu / baseCpu).toFixed(2),
        `${servedRate(pair.api.result).toFixed(0)} / ${servedRate(pair.baseline.result).toFixed(0)}`,
        (servedRate(pair.api.result) / servedRate(pair.baseline.result)).toFixed(2),
        `${ms(percentile(pair.api.result.latencies, 0.95))} / ${ms(percentile(pair.baseline.result.latencies, 0.95))}`,
        String(pair.api.result.errors + pair.baseline.result.errors),
        `${neighbours(pair.api)} / ${neighbours(pair.baseline)}`,
        `${loadText(pair.api)} / ${loadText(pair.baseline)}`,
      ],
    };
  });
  const cpuMedian = median(lines.map((line) => line.cpuRatio));
  const rateMedian = median(lines.map((line) => line.rateRatio));
  console.log(
    `\n2. Offer search against the bare server (node:http + pg, the api's own SQL), ${pairs.length} interleaved ` +
      `pairs of ${SLICE_SECONDS} s slices, closed loop, ${CONNECTIONS} connections. Main figure: CPU per ` +
      'request, server + its PostgreSQL backends, api / baseline (lower is better):',
  );
  console.log(
    formatTable(
      [
        'pair',
        'api CPU ms/req (node + pg)',
        'baseline CPU ms/req',
        'CPU ratio',
        'req/s api / baseline',
        'req/s ratio',
        'p95 ms api / baseline',
        'errors',
        'neighbours api / baseline',
        'load api / baseline',
      ],
      [
        ...lines.map((line) => line.cells),
        ['median', '', '', cpuMedian.toFixed(2), '', rateMedian.toFixed(2), '', '', '', ''],
      ],
    ),
  );
  console.log(
    `Search CPU per request, median of the pairs: api ${cpuMedian.toFixed(2)}x the bare server's ` +
      `(target <= ${TARGET_SEARCH_CPU_RATIO}: ${cpuMedian <= TARGET_SEARCH_CPU_RATIO ? 'met' : 'MISSED'}); ` +
      `throughput ${rateMedian.toFixed(2)} of the bare server's.`,
  );

  for (const [name, phase] of [
    ['mix', mix],
    ...pairs.flatMap((pair, index): [string, Measured][] => [
      [`search pair ${index + 1}, api`, pair.api],
      [`search pair ${index + 1}, baseline`, pair.baseline],
    ]),
  ] as [string, Measured][]) {
    if (!phase.result.reasons.size && !phase.result.socketErrors) continue;
    const reasons = [...phase.result.reasons].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(
      `errors in "${name}": ${reasons.map(([reason, count]) => `${reason} x${count}`).join('; ')}` +
        (phase.result.socketErrors ? `; socket errors x${phase.result.socketErrors}` : '') +
        (phase.result.timeouts ? `; timeouts x${phase.result.timeouts}` : '') +
        (phase.result.unanswered ? `; unanswered at the end x${phase.result.unanswered}` : ''),
    );
  }
}

/** One line per round (CPU per mix request, the search's CPU ratio), then the medians over rounds. */
function printRounds(rounds: Round[]): void {
  const figures = rounds.map(({ mix, pairs }) => ({
    api: perRequest(mix, 'api'),
    postgres: perRequest(mix, 'postgres'),
    p95: percentile(mix.result.latencies, 0.95),
    served: servedRate(mix.result),
    load: `${mix.load[0].toFixed(1)}→${mix.load[1].toFixed(1)}`,
    searchApi: median(pairs.map((pair) => perRequest(pair.api, 'api') + perRequest(pair.api, 'postgres'))),
    searchBaseline: median(
      pairs.map((pair) => perRequest(pair.baseline, 'baseline') + perRequest(pair.baseline, 'postgres')),
    ),
    ratio: median(
      pairs.map(
        (pair) =>
          (perRequest(pair.api, 'api') + perRequest(pair.api, 'postgres')) /
          (perRequest(pair.baseline, 'baseline') + perRequest(pair.baseline, 'postgres')),
      ),
    ),
  }));
  const mid = (pick: (figure: (typeof figures)[number]) => number) => median(figures.map(pick));
  console.log(
    `\nRounds (${rounds.length}): CPU per request, api + PostgreSQL, and the search's median CPU ratio:`,
  );
  console.log(
    formatTable(
      [
        'round',
        'mix load',
        'mix served req/s',
        'mix p95 ms',
        'mix CPU ms/req (api + pg)',
        'search CPU ms/req api / baseline',
        'search CPU ratio',
      ],
      [
        ...figures.map((figure, index) => [
          String(index + 1),
          figure.load,
          figure.served.toFixed(0),
          figure.p95.toFixed(1),
          `${figure.api.toFixed(2)} + ${figure.postgres.toFixed(2)} = ${(figure.api + figure.postgres).toFixed(2)}`,
          `${figure.searchApi.toFixed(2)} / ${figure.searchBaseline.toFixed(2)}`,
          figure.ratio.toFixed(2),
        ]),
        [
          'median',
          '',
          '',
          mid((figure) => figure.p95).toFixed(1),
          `${mid((figure) => figure.api).toFixed(2)} + ${mid((figure) => figure.postgres).toFixed(2)} = ${mid((figure) => figure.api + figure.postgres).toFixed(2)}`,
          `${mid((figure) => figure.searchApi).toFixed(2)} / ${mid((figure) => figure.searchBaseline).toFixed(2)}`,
          mid((figure) => figure.ratio).toFixed(2),
        ],
      ],
    ),
  );
}

/** CPU ms per answered request of a group of processes during a phase. */
function perRequest(phase: Measured, group: string): number {
  return ((phase.cpu.groups.get(group) ?? 0) * 1000) / Math.max(1, phase.result.completed);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function printRoundTrips(results: RoundTrips[]): void {
  console.log(`\nRound trips per request (${STATEMENT_SAMPLES} sequential requests of each operation):`);
  console.log(
    formatTable(
      ['operation', 'SQL statements', 'Redis commands', 'CPU ms/req api + PostgreSQL', 'Redis by command'],
      results.map((entry) => [
        entry.operation,
        entry.sql.toFixed(1),
        entry.redis.toFixed(1),
        `${entry.apiCpuMs.toFixed(2)} + ${entry.postgresCpuMs.toFixed(2)}`,
        entry.redisCommands.map(([name, count]) => `${name} ${count.toFixed(1)}`).join(', '),
      ]),
    ),
  );
  if (process.env.BENCH_SHOW_STATEMENTS) {
    for (const entry of results) {
      console.log(`\n${entry.operation}:`);
      for (const [text, count] of entry.statements) console.log(`  ${count.toFixed(2).padStart(5)}  ${text}`);
    }
  }
}

function printProfile(title: string, summary: ReturnType<typeof summariseProfile>): void {
  const busy = summary.busyMs + summary.idleMs;
  console.log(
    `\nWhere the api's time goes (${title}, closed loop; ${PROCESSES > 1 ? `one of its ${PROCESSES} workers, whose` : 'its'} main thread busy ${((summary.busyMs / busy) * 100).toFixed(0)}% ` +
      `of the profiled ${(busy / 1000).toFixed(1)} s):`,
  );
  console.log(
    formatTable(
      ['self time by area', 'ms', 'share'],
      summary.areas.map((entry) => [entry.name, entry.ms.toFixed(0), `${(entry.share * 100).toFixed(1)}%`]),
    ),
  );
  console.log(
    formatTable(
      ['top functions (self time)', 'ms', 'share'],
      summary.functions.map((entry) => [
        entry.name,
        entry.ms.toFixed(0),
        `${(entry.share * 100).toFixed(1)}%`,
      ]),
    ),
  );
}

function formatTable(header: string[], lines: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join(
    '\n',
  );
}

main()
  .then(async () => {
    await cleanup();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error('bench:api failed:', error);
    await cleanup();
    process.exit(1);
  });
