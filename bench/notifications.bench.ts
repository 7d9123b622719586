// Benchmark (npm run bench:notifications): outbox -> relay process -> BullMQ -> loopback gateway
// through one worker process on a private Redis, against a baseline of plain BullMQ add -> process -> same gateway in
// a process of its own, in alternating rounds. bench/README.md says how to read it.
import { ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/create-api-app';
import { NotificationsService } from '@prossimo/notifications';
import { bullPrefix } from '@prossimo/platform';
import { LoopbackSmsGateway } from '../test/support/sms-gateway';
import { testEnvironment } from '../test/support/stack';
import { endProcess, PrivateRedis, waitUntil, WorkerProcess } from '../test/faults/fault-support';
import { CpuMeter, CpuSnapshot, CpuUsage, processSeconds } from './api/cpu';
import { Random } from './api/random';
import { WorkerProbe } from './notifications/worker-probe';

const SEED = 20261121;
// BENCH_QUICK=1: a small run (1,000 messages, 3 s of steady load, one round) to check that it works.
const QUICK = process.env.BENCH_QUICK === '1';
const THROUGHPUT_COUNT = QUICK ? 1000 : 5000;
/** The offered rate of the latency phase, open loop: each message at its own time, whatever came before. */
const RATE_PER_SECOND = Number(process.env.BENCH_RATE ?? 500);
const STEADY_SECONDS = QUICK ? 3 : 10;
/** Rounds of (baseline, outbox) alternating which goes first, so that a neighbour's load falls on both. */
const ROUNDS = QUICK ? 1 : Number(process.env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = 50;
const TARGETS = { ratio: 0.7, p95Ms: 100 };
const BASELINE_QUEUE = 'baseline';
const SMS_TIMEOUT_MS = 10000;
const BASELINE_PREFIX = 'bench';

// bench:api's seeded generator: the same recipients and texts on every run.
const random = new Random(SEED);
const phone = () => `+39347${random.int(1e7).toString().padStart(7, '0')}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

interface Row {
  round: number;
  path: 'outbox' | 'baseline';
  throughput: number;
  /** Latency phase: the rate actually offered (messages / seconds from the first due to the last sent). */
  offered: number;
  /** Commit (outbox) or add (baseline) -> gateway receipt. */
  p50: number;
  p95: number;
  p99: number;
  /** From each message's intended send time (open loop: includes any lag of the generator). */
  p95Intended: number;
  /** Messages of the latency phase not at the gateway two minutes after the last was sent. */
  late: number;
  /** CPU seconds over both phases: the path's worker process, and everything outside the bench. */
  workerCpu: number;
  /** Of workerCpu, what the worker used before the backlog's first message reached the gateway (its start). */
  workerStartCpu: number;
  /** The outbox relay's process (apps/relay) over the same phases; none in the baseline. */
  relayCpu: number;
  /** The Redis server and the benchmark database's PostgreSQL backends (both paths share Redis). */
  redisCpu: number;
  postgresCpu: number;
  otherCpu: number;
  seconds: number;
  load: string;
  /** CPU seconds per process group between the backlog's first and last message (the throughput window). */
  backlogWindow: BacklogWindow;
}

/** What each process used while the worker drained the backlog, over that window's wall time. */
interface BacklogWindow {
  seconds: number;
  cpu: Map<string, number>;
}

/** The plain BullMQ worker in its own process (bench/notifications/baseline-worker.ts, compiled). */
class BaselineProcess {
  private child?: ChildProcess;
  constructor(readonly env: Record<string, string>) {}
  get pid(): number | undefined {
    return this.child?.pid;
  }
  async start(): Promise<void> {
    const main = resolve(__dirname, '../dist/bench/notifications/baseline-worker.js');
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    await new Promise<void>((done, fail) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready')) done();
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => fail(new Error(`baseline worker exited (${code}): ${output}`)));
    });
  }
  async stop(): Promise<void> {
    if (this.child) await endProcess(this.child, 'SIGTERM');
  }
}

describe('notifications benchmark', () => {
  let redis: PrivateRedis;
  let gateway: LoopbackSmsGateway;
  let api: INestApplication;
  let dataSource: DataSource;
  let monitor: Client;
  let env: Record<string, string>;
  const rows: Row[] = [];

  beforeAll(async () => {
    redis = new PrivateRedis();
    // The usual production setting, for both paths alike (the fault suite's 'always' is for kills).
    redis.appendfsync = 'everysec';
    await redis.start();
    gateway = new LoopbackSmsGateway();
    await gateway.start();
    env = testEnvironment(gateway, {
      env: {
        REDIS_URL: redis.url,
        WORKER_CONCURRENCY: String(CONCURRENCY),
        OUTBOX_BATCH_SIZE: '500',
        OUTBOX_POLL_INTERVAL_MS: '200',
        DATABASE_POOL_SIZE: '20',
        RATE_LIMIT_PER_MINUTE: '1000000',
        // A loaded machine can hold the loopback gateway's answer past the tests' 2 s: an unknown
        // outcome is then settled by a status lookup (as in production), not resent.
        SMS_HTTP_TIMEOUT_MS: String(SMS_TIMEOUT_MS),
        SMS_HTTP_STATUS_URL: gateway.statusUrl,
      },
    });
    Object.assign(process.env, env);
    api = await createApiApp();
    dataSource = api.get<DataSource>(getDataSourceToken());
    monitor = new Client({ connectionString: env.DATABASE_URL });
    await monitor.connect();
  });

  afterAll(async () => {
    await monitor?.end();
    await api?.close();
    await gateway?.stop();
    await redis?.cleanup();
    const fixed = (value: number, width: number, digits = 0) => value.toFixed(digits).padStart(width);
    const line = (r: Row) =>
      `| ${String(r.round).padStart(5)} | ${r.path.padEnd(8)} | ${fixed(r.throughput, 6)} | ${fixed(r.offered, 7)} | ` +
      `${fixed(r.p50, 6)} | ${fixed(r.p95, 6)} | ${fixed(r.p99, 6)} | ${fixed(r.p95Intended, 11)} | ${fixed(r.late, 4)} | ` +
      `${fixed(r.workerCpu, 10, 1)} | ${fixed(r.workerStartCpu, 9, 1)} | ${fixed(r.relayCpu, 9, 1)} | ${fixed(r.redisCpu, 9, 1)} | ${fixed(r.postgresCpu, 12, 1)} | ` +
      `${fixed(r.otherCpu, 9, 1)} / ${fixed(r.seconds, 4)} s | ${r.load} |`;
    const ratios = [...new Set(rows.map((r) => r.round))].flatMap((round) => {
      const outbox = rows.find((r) => r.round === round && r.path === 'outbox');
      const baseline = rows.find((r) => r.round === round && r.path === 'baseline');
      return outbox && baseline ? [outbox.throughput / baseline.throughput] : [];
    });
    const outboxes = rows.filter((r) => r.path === 'outbox');
    const worstP95 = Math.max(...outboxes.map((r) => r.p95));
    const meanRatio = ratios.reduce((sum, r) => sum + r, 0) / Math.max(1, ratios.length);
    process.stdout.write(
      [
        '',
        `Notifications benchmark (seed ${SEED}; throughput: a backlog of ${THROUGHPUT_COUNT}; latency: ${RATE_PER_SECOND}/s offered open loop for ${STEADY_SECONDS} s; one worker process per path, concurrency ${CONCURRENCY}; same Redis, same loopback gateway)`,
        '| round | path     | msgs/s | offered | p50 ms | p95 ms | p99 ms | p95 intended | late | worker CPU | its start | relay CPU | redis CPU | postgres CPU | other CPU / wall   | load average (1 min) before-after |',
        '|-------|----------|--------|---------|--------|--------|--------|--------------|------|------------|-----------|-----------|-----------|--------------|--------------------|-----------------------------------|',
        ...rows.map(line),
        ratios.length === 0
          ? 'ratio outbox/baseline: not measured (no round with both paths)'
          : `ratio outbox/baseline throughput per round: ${ratios.map((r) => r.toFixed(2)).join(', ')} (mean ${meanRatio.toFixed(2)}; target >= ${TARGETS.ratio}: ${meanRatio >= TARGETS.ratio ? 'met' : 'NOT met'})`,
        outboxes.length === 0
          ? 'outbox path: not measured (the run stopped before it)'
          : `outbox commit -> gateway p95 at ${RATE_PER_SECOND}/s: worst round ${worstP95.toFixed(0)} ms (target < ${TARGETS.p95Ms} ms: ${worstP95 < TARGETS.p95Ms ? 'met' : 'NOT met'})`,
        "CPU in the throughput window (from the backlog's first message at the gateway to its last), per message:",
        ...rows.map((r) => {
          const perMessage = (group: string) =>
            `${(((r.backlogWindow.cpu.get(group) ?? 0) * 1000) / THROUGHPUT_COUNT).toFixed(3)} ms`;
          const total = [...r.backlogWindow.cpu.values()].reduce((sum, s) => sum + s, 0);
          return (
            `  round ${r.round} ${r.path.padEnd(8)} ${r.backlogWindow.seconds.toFixed(2)} s: worker ${perMessage('worker')}, ` +
            `postgres ${perMessage('postgres')}, redis ${perMessage('redis')}, relay ${perMessage('relay')}, ` +
            `bench process (gateway) ${perMessage('bench')}; all of these ${((total * 1000) / THROUGHPUT_COUNT).toFixed(3)} ms ` +
            `(${(total / Math.max(r.backlogWindow.seconds, 0.001)).toFixed(2)} of the 2 cores)`
          );
        }),
        `"its start": of the worker's CPU, what it used before the backlog's first message reached the gateway (starting up, e.g. the Nest application and the queue reconciliation).`,
        `"relay CPU": the outbox relay's own process (apps/relay), which fills the queue as the Jest process does for the baseline. "redis CPU" / "postgres CPU": the private Redis server and the benchmark database's backends (the Jest process's commits included). "other CPU": busy CPU seconds of everything outside the bench (other people's work; this process, both workers, the relay, Redis and the database's backends excluded) over the phases' wall time, 2 cores = 2 s per second.`,
        '',
      ].join('\n'),
    );
  });

  function queue(manager: import('typeorm').EntityManager, i: number) {
    return api.get(NotificationsService).queueInTransaction(manager, {
      channel: 'sms',
      recipient: phone(),
      event: 'reminder_hour_before',
      language: 'it',
      params: { time: '10:30', summary: `Visita ${i}`, who: 'Giovanni', place: 'Alba' },
      urgent: true,
    });
  }

  /** Messages the gateway received with these keys, and first/last receipt. */
  function received(keys: Set<string>) {
    const mine = gateway.delivered.filter((m) => keys.has(m.idempotencyKey));
    return {
      count: mine.length,
      first: Math.min(...mine.map((m) => m.receivedAt)),
      last: Math.max(...mine.map((m) => m.receivedAt)),
      at: new Map(mine.map((m) => [m.idempotencyKey, m.receivedAt])),
    };
  }

  /**
   * How many of `keys` the gateway has received, for the wait loops (every 50 ms): it reads only
   * what arrived since its last call. received() scanned every message of the run and built a map of
   * them at each poll, CPU of the bench's own process (which hosts the gateway) on the two cores the
   * paths share, more for the later and slower path (issue 18, session 16).
   */
  function arrivals(keys: Set<string>): () => number {
    let scanned = 0;
    let count = 0;
    return () => {
      const all = gateway.delivered;
      for (; scanned < all.length; scanned++) if (keys.has(all[scanned].idempotencyKey)) count++;
      return count;
    };
  }

  /**
   * Waits for the backlog's last message; answers each process group's CPU from `first` (a snapshot
   * taken when the first message had arrived) to then: where the throughput window's CPU went.
   */
  async function drainBacklog(cpu: CpuMeter, first: CpuSnapshot, wanted: Set<string>, what: string) {
    const firstAt = Date.now();
    const arrived = arrivals(wanted);
    await waitUntil(() => arrived() === THROUGHPUT_COUNT, 300000, what);
    const usage = CpuMeter.between(first, await cpu.snapshot());
    return { seconds: (Date.now() - firstAt) / 1000, cpu: usage.groups };
  }

  /**
   * The open-loop steady load: message i is due at start + i / rate and is sent then (or at once if
   * the generator is late), without waiting for the ones before. `send` resolves with its key when
   * committed / added.
   */
  async function steadyLoad(
    what: string,
    send: (i: number) => Promise<string>,
    stagesOf?: (
      keys: string[],
      committedAt: Map<string, number>,
      arrivedAt: Map<string, number>,
    ) => Promise<void>,
  ) {
    const total = RATE_PER_SECOND * STEADY_SECONDS;
    const doneAt = new Map<string, number>();
    const dueAt = new Map<string, number>();
    const start = Date.now() + 50;
    const benchCpuBefore = process.cpuUsage();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / RATE_PER_SECOND;
      if (due > Date.now()) await sleepUntil(due);
      pending.push(
        send(i).then((key) => {
          doneAt.set(key, Date.now());
          dueAt.set(key, due);
        }),
      );
    }
    const sentSeconds = (Date.now() - start) / 1000;
    await Promise.all(pending);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    // The generator's commits and the gateway share this process: when it nears a whole core, its
    // own queue delays both the commits' and the receipts' clocks (and the schedule: p95 intended).
    process.stdout.write(
      `${what}, latency phase: the bench process (generator and gateway) used ${(
        (benchCpu.user + benchCpu.system) /
        1000 /
        (Date.now() - start)
      ).toFixed(2)} of a core\n`,
    );
    const keys = new Set(doneAt.keys());
    // On a saturated machine the path may fall far behind: after two minutes, what has arrived is
    // measured and the rest is reported as late (the table's 'late' column), not as a failure.
    const arrivedCount = arrivals(keys);
    await waitUntil(() => arrivedCount() === total, 120000, 'the steady load').catch(() => undefined);
    const { at } = received(keys);
    const arrived = [...keys].filter((key) => at.has(key));
    await explainLate([...keys].filter((key) => !at.has(key)));
    await stagesOf?.(arrived, doneAt, at);
    const latencies = arrived.map((key) => (at.get(key) as number) - (doneAt.get(key) as number));
    const fromDue = arrived.map((key) => (at.get(key) as number) - (dueAt.get(key) as number));
    return {
      late: total - arrived.length,
      offered: total / Math.max(sentSeconds, STEADY_SECONDS),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      p95Intended: percentile(fromDue, 95),
    };
  }

  /**
   * Where each late message is (the 'late' column): its notification, its outbox row, its job and
   * what the gateway answered, so that a late one is explained rather than only counted.
   */
  async function explainLate(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const rows: Record<string, unknown>[] = await dataSource.query(
      `SELECT n.id, n.status, n.attempts, n.last_error, n.created_at, n.updated_at, n.sent_at,
              o.id AS outbox_id, o.dispatched_at, o.finished_at, o.dispatch_attempts
         FROM notifications n LEFT JOIN outbox o ON o.payload->>'notificationId' = n.id::text
        WHERE n.id = ANY($1::uuid[])`,
      [keys.filter((key) => /^[0-9a-f-]{36}$/.test(key))],
    );
    const connection = new IORedis(redis.url, { maxRetriesPerRequest: null });
    const notifications = new Queue('notifications', {
      connection,
      prefix: bullPrefix(env.QUEUE_PREFIX, 'notifications'),
    });
    try {
      for (const key of keys) {
        const row = rows.find((r) => r.id === key);
        const jobId = typeof row?.outbox_id === 'string' ? row.outbox_id : undefined;
        const job = jobId ? await notifications.getJob(jobId) : undefined;
        const state = jobId ? await notifications.getJobState(jobId) : 'no outbox row';
        process.stdout.write(
          `late ${key}: ${JSON.stringify({
            notification: row,
            job: job && {
              state,
              attemptsMade: job.attemptsMade,
              failedReason: job.failedReason,
              timestamp: job.timestamp,
              processedOn: job.processedOn,
              finishedOn: job.finishedOn,
              returnvalue: job.returnvalue as unknown,
              delay: job.delay,
            },
            jobState: state,
            gatewayRequests: gateway.requests.filter((r) => r.idempotencyKey === key),
          })}\n`,
        );
      }
    } finally {
      await notifications.close();
      await connection.quit();
    }
  }

  /**
   * Where the outbox path's commit-to-gateway time goes in the latency phase: from the commit to the
   * relay's pass (`dispatched_at`, its transaction's start, so it can read a little before the
   * commit's own clock), to the job in the queue (BullMQ's `timestamp`, inside the relay's pass),
   * to the worker taking it (`processedOn`), to the gateway (the claim statement and the request).
   * Printed, not a target.
   */
  async function reportOutboxStages(
    round: number,
    keys: string[],
    committedAt: Map<string, number>,
    arrivedAt: Map<string, number>,
  ): Promise<void> {
    const rows: { id: string; outbox_id: string; dispatched_ms: number }[] = await dataSource.query(
      `SELECT n.id, o.id AS outbox_id, extract(epoch FROM o.dispatched_at) * 1000 AS dispatched_ms
         FROM notifications n JOIN outbox o ON o.payload->>'notificationId' = n.id::text
        WHERE n.id = ANY($1::uuid[])`,
      [keys],
    );
    const connection = new IORedis(redis.url, { maxRetriesPerRequest: null });
    try {
      // A job's hash: BullMQ's key prefix, the queue's name, the job id (the outbox row's id).
      const jobKeys = `${bullPrefix(env.QUEUE_PREFIX, 'notifications')}:notifications`;
      const pipeline = connection.pipeline();
      for (const row of rows) pipeline.hmget(`${jobKeys}:${row.outbox_id}`, 'timestamp', 'processedOn');
      const jobs = ((await pipeline.exec()) ?? []).map(([, value]) =>
        (value as (string | null)[]).map(Number),
      );
      const stages = {
        "commit -> relay's pass": rows.map(
          (row) => Number(row.dispatched_ms) - (committedAt.get(row.id) as number),
        ),
        '-> in the queue': rows.map((row, i) => jobs[i][0] - Number(row.dispatched_ms)),
        '-> taken by the worker': rows.map((_, i) => jobs[i][1] - jobs[i][0]),
        '-> at the gateway': rows.map((row, i) => (arrivedAt.get(row.id) as number) - jobs[i][1]),
      };
      const shown = Object.entries(stages).map(
        ([stage, values]) =>
          `${stage} p50 ${percentile(values, 50).toFixed(0)}, p95 ${percentile(values, 95).toFixed(0)} ms`,
      );
      process.stdout.write(
        `round ${round} outbox, latency phase (${rows.length} messages): ${shown.join('; ')}\n`,
      );
    } finally {
      connection.disconnect();
    }
  }

  /**
   * Outbox rows due at once that the relay enqueued as delayed jobs: available_at (their
   * transaction's start) after the relay's now() (its pass's start), which delay_ms was measured
   * from until issue 18's session 14 (now clock_timestamp()).
   */
  async function reportDelayedRelays(round: number): Promise<void> {
    const [{ rows, delayed, max_ms }]: { rows: number; delayed: number; max_ms: number | null }[] =
      await dataSource.query(
        `SELECT count(*)::int AS rows, count(*) FILTER (WHERE available_at > dispatched_at)::int AS delayed,
                max(extract(epoch FROM available_at - dispatched_at) * 1000)::int AS max_ms
           FROM outbox WHERE dispatched_at IS NOT NULL`,
      );
    process.stdout.write(
      `round ${round} outbox: ${delayed} of ${rows} rows had available_at after their pass's start (at most ${max_ms ?? 0} ms)\n`,
    );
  }

  async function measured(
    round: number,
    path: Row['path'],
    workerPid: () => number | undefined,
    phases: (
      cpu: CpuMeter,
    ) => Promise<
      Pick<
        Row,
        | 'throughput'
        | 'offered'
        | 'p50'
        | 'p95'
        | 'p99'
        | 'p95Intended'
        | 'late'
        | 'workerStartCpu'
        | 'backlogWindow'
      >
    >,
    relayPid: () => number | undefined = () => undefined,
  ): Promise<void> {
    const cpu = new CpuMeter(monitor, new URL(env.DATABASE_URL).pathname.slice(1), () => ({
      bench: [process.pid],
      worker: [workerPid()],
      relay: [relayPid()],
      redis: [redis.pid],
    }));
    const loadBefore = loadavg()[0];
    const before = await cpu.snapshot();
    const started = Date.now();
    const result = await phases(cpu);
    const usage: CpuUsage = CpuMeter.between(before, await cpu.snapshot());
    rows.push({
      round,
      path,
      ...result,
      workerCpu: usage.groups.get('worker') ?? 0,
      relayCpu: usage.groups.get('relay') ?? 0,
      redisCpu: usage.groups.get('redis') ?? 0,
      postgresCpu: usage.groups.get('postgres') ?? 0,
      otherCpu: usage.other,
      seconds: (Date.now() - started) / 1000,
      load: `${loadBefore.toFixed(2)}-${loadavg()[0].toFixed(2)}`,
    });
  }

  async function outboxPath(round: number): Promise<void> {
    // The relay in its own process, as deployed (infra/, npm start): it moves the commits into the
    // queue as the Jest process adds the baseline's jobs, and the worker only delivers.
    const relay = new WorkerProcess(env, [], 'relay');
    relay.start();
    try {
      await outboxPhases(round, relay);
    } finally {
      await relay.kill('SIGTERM');
    }
  }

  async function outboxPhases(round: number, relay: WorkerProcess): Promise<void> {
    // Throughput: a backlog committed first (transactions of 250) and relayed, as the baseline's is
    // added, before one worker drains it.
    const ids: string[] = [];
    for (let offset = 0; offset < THROUGHPUT_COUNT; offset += 250) {
      ids.push(
        ...(await dataSource.transaction(async (manager) => {
          const batch: string[] = [];
          for (let i = offset; i < offset + 250; i++) batch.push(await queue(manager, i));
          return batch;
        })),
      );
    }
    const wanted = new Set(ids);
    await waitUntil(
      async () =>
        Number(
          (await monitor.query<{ count: string }>('SELECT count(*) FROM outbox WHERE dispatched_at IS NULL'))
            .rows[0].count,
        ) === 0,
      300000,
      'the relay',
    );
    // BENCH_WORKER_PROFILE=<dir>: a V8 tick log of the worker (node --prof-process <dir>/worker-v8.log);
    // a tick log rather than --cpu-prof, which is not written when the worker is stopped by a signal.
    const profile = process.env.BENCH_WORKER_PROFILE;
    const probeDir = process.env.BENCH_WORKER_CPU_PROFILE;
    const probe = probeDir ? new WorkerProbe(probeDir, round) : undefined;
    const worker = new WorkerProcess(
      { ...env, OUTBOX_RELAY_IN_WORKER: 'false', ...probe?.env() },
      profile ? ['--prof', '--no-logfile-per-isolate', `--logfile=${profile}/worker-v8-${round}.log`] : [],
    );
    const workerPid = () => worker.pid as number;
    try {
      await measured(
        round,
        'outbox',
        () => worker.pid,
        async (cpu) => {
          worker.start();
          const firstArrived = arrivals(wanted);
          await waitUntil(() => firstArrived() > 0, 300000, 'the first message');
          const workerStartCpu = processSeconds(workerPid());
          const firstCpu = await cpu.snapshot();
          if (probe) await probe.begin(workerPid());
          const backlogWindow = await drainBacklog(cpu, firstCpu, wanted, 'the backlog');
          const { first, last } = received(wanted);
          const throughput = (THROUGHPUT_COUNT - 1) / ((last - first) / 1000);
          if (probe) {
            await probe.end(workerPid(), 'backlog', THROUGHPUT_COUNT);
            await probe.begin(workerPid());
          }
          const latency = await steadyLoad(
            `round ${round} outbox`,
            (i) => dataSource.transaction((manager) => queue(manager, i)),
            (keys, committedAt, arrivedAt) => reportOutboxStages(round, keys, committedAt, arrivedAt),
          );
          await reportDelayedRelays(round);
          await probe?.end(workerPid(), `steady ${RATE_PER_SECOND}/s`, RATE_PER_SECOND * STEADY_SECONDS);
          return { throughput, workerStartCpu, backlogWindow, ...latency };
        },
        () => relay.pid,
      );
    } finally {
      await worker.kill('SIGTERM');
    }
    expect(received(wanted).count).toBe(THROUGHPUT_COUNT);
  }

  async function baselinePath(round: number): Promise<void> {
    const connection = new IORedis(redis.url, { maxRetriesPerRequest: null });
    const jobs = new Queue(BASELINE_QUEUE, { connection, prefix: BASELINE_PREFIX });
    const keyOf = (id: string) => `baseline-${id}`;
    const worker = new BaselineProcess({
      REDIS_URL: redis.url,
      BASELINE_QUEUE,
      BASELINE_PREFIX,
      WORKER_CONCURRENCY: String(CONCURRENCY),
      SMS_HTTP_URL: gateway.url,
      SMS_HTTP_USERNAME: gateway.username,
      SMS_HTTP_PASSWORD: gateway.password,
      SMS_HTTP_TIMEOUT_MS: String(SMS_TIMEOUT_MS),
    });
    const backlog = Array.from({ length: THROUGHPUT_COUNT }, (_, i) => `r${round}t${i}`);
    await jobs.addBulk(
      backlog.map((jobId, i) => ({
        name: 'deliver',
        data: { to: phone(), text: `Prossimo: tra un'ora, alle 10:30, "Visita ${i}" con Giovanni, Alba.` },
        opts: { jobId, removeOnComplete: true },
      })),
    );
    const wanted = new Set(backlog.map(keyOf));
    // BENCH_WORKER_CPU_PROFILE: the same probe in the baseline's worker, for a like-for-like reading.
    const probeDir = process.env.BENCH_WORKER_CPU_PROFILE;
    const probe = probeDir ? new WorkerProbe(probeDir, round, 'baseline') : undefined;
    Object.assign(worker.env, probe?.env());
    try {
      await measured(
        round,
        'baseline',
        () => worker.pid,
        async (cpu) => {
          await worker.start();
          const workerPid = worker.pid as number;
          const firstArrived = arrivals(wanted);
          await waitUntil(() => firstArrived() > 0, 300000, 'the first baseline message');
          const workerStartCpu = processSeconds(workerPid);
          const firstCpu = await cpu.snapshot();
          if (probe) await probe.begin(workerPid);
          const backlogWindow = await drainBacklog(cpu, firstCpu, wanted, 'the baseline backlog');
          const { first, last } = received(wanted);
          const throughput = (THROUGHPUT_COUNT - 1) / ((last - first) / 1000);
          if (probe) {
            await probe.end(workerPid, 'backlog', THROUGHPUT_COUNT);
            await probe.begin(workerPid);
          }
          const latency = await steadyLoad(`round ${round} baseline`, async (i) => {
            const jobId = `r${round}s${i}`;
            await jobs.add(
              'deliver',
              { to: phone(), text: `Prossimo: promemoria ${i}` },
              { jobId, removeOnComplete: true },
            );
            return keyOf(jobId);
          });
          await probe?.end(workerPid, `steady ${RATE_PER_SECOND}/s`, RATE_PER_SECOND * STEADY_SECONDS);
          return { throughput, workerStartCpu, backlogWindow, ...latency };
        },
      );
    } finally {
      await worker.stop();
      await jobs.close();
      // A connection passed in is not closed by close(): left open, it would keep Jest from exiting.
      await connection.quit();
    }
    expect(received(wanted).count).toBe(THROUGHPUT_COUNT);
  }

  // A few minutes on a quiet machine; a saturated one (load average 30 on two cores) starves both
  // paths, hence the long bound.
  it('outbox and baseline in alternating rounds', async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      // Odd rounds start with the baseline, even ones with the outbox path.
      const order = round % 2 === 1 ? [baselinePath, outboxPath] : [outboxPath, baselinePath];
      for (const path of order) await path(round);
    }
  }, 3_600_000);
});
