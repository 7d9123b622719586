// Benchmark (npm run bench:notifications): outbox -> BullMQ -> loopback gateway through one worker
// process on a private Redis, against a baseline of plain BullMQ add -> process -> same gateway.
import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/create-api-app';
import { HttpSmsChannel, NotificationsService } from '@prossimo/notifications';
import { LoopbackSmsGateway } from '../test/support/sms-gateway';
import { testEnvironment } from '../test/support/stack';
import { PrivateRedis, waitUntil, WorkerProcess } from '../test/faults/fault-support';

const SEED = 20261121;
// BENCH_QUICK=1: a small run (1,000 messages, 5 s at 50/s) to check that it works, not to quote.
const QUICK = process.env.BENCH_QUICK === '1';
const THROUGHPUT_COUNT = QUICK ? 1000 : 5000;
const RATE_PER_SECOND = 50;
const STEADY_SECONDS = QUICK ? 5 : 20;
const CONCURRENCY = 50;

/** mulberry32: the same recipients and texts on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const phone = () =>
  `+39347${Math.floor(random() * 1e7)
    .toString()
    .padStart(7, '0')}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Row {
  path: string;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

describe('notifications benchmark', () => {
  let redis: PrivateRedis;
  let gateway: LoopbackSmsGateway;
  let api: INestApplication;
  let dataSource: DataSource;
  let env: Record<string, string>;
  const rows: Row[] = [];

  beforeAll(async () => {
    redis = new PrivateRedis();
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
      },
    });
    Object.assign(process.env, env);
    api = await createApiApp();
    dataSource = api.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await api?.close();
    await gateway?.stop();
    await redis?.cleanup();
    const line = (r: Row) =>
      `| ${r.path.padEnd(34)} | ${r.throughput.toFixed(0).padStart(9)} | ${r.p50.toFixed(0).padStart(6)} | ${r.p95.toFixed(0).padStart(6)} | ${r.p99.toFixed(0).padStart(6)} |`;
    const [outbox, baseline] = rows;
    process.stdout.write(
      [
        '',
        `Notifications benchmark (seed ${SEED}, ${THROUGHPUT_COUNT} messages for throughput, ${RATE_PER_SECOND}/s for ${STEADY_SECONDS} s for latency, one worker, concurrency ${CONCURRENCY})`,
        '| path                               | msgs/s    | p50 ms | p95 ms | p99 ms |',
        '|------------------------------------|-----------|--------|--------|--------|',
        ...rows.map(line),
        outbox && baseline
          ? `ratio outbox/baseline: throughput ${(outbox.throughput / baseline.throughput).toFixed(2)}x, p95 ${(outbox.p95 / baseline.p95).toFixed(2)}x`
          : '',
        `targets: outbox throughput >= 500/s (${outbox && outbox.throughput >= 500 ? 'met' : 'NOT met'}), p95 < 1000 ms at ${RATE_PER_SECOND}/s (${outbox && outbox.p95 < 1000 ? 'met' : 'NOT met'})`,
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

  it('outbox -> queue -> gateway through one worker process', async () => {
    // Throughput: a backlog committed first, then one worker drains it.
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
    const count = () => gateway.delivered.filter((m) => wanted.has(m.idempotencyKey)).length;
    // BENCH_WORKER_PROFILE=<dir>: a V8 tick log of the worker (node --prof-process <dir>/worker-v8.log);
    // a tick log rather than --cpu-prof, which is not written when the worker is stopped by a signal.
    const profile = process.env.BENCH_WORKER_PROFILE;
    const worker = new WorkerProcess(
      env,
      profile ? ['--prof', '--no-logfile-per-isolate', `--logfile=${profile}/worker-v8.log`] : [],
    );
    worker.start();
    await waitUntil(() => count() > 0, 60000, 'the worker');
    const first = Math.min(
      ...gateway.delivered.filter((m) => wanted.has(m.idempotencyKey)).map((m) => m.receivedAt),
    );
    await waitUntil(() => count() === THROUGHPUT_COUNT, 300000, 'the backlog');
    const last = Math.max(
      ...gateway.delivered.filter((m) => wanted.has(m.idempotencyKey)).map((m) => m.receivedAt),
    );
    const throughput = (THROUGHPUT_COUNT - 1) / ((last - first) / 1000);

    // Latency: one committed notification every 20 ms; commit -> gateway receipt.
    const committedAt = new Map<string, number>();
    const total = RATE_PER_SECOND * STEADY_SECONDS;
    const start = Date.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / RATE_PER_SECOND;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      pending.push(
        dataSource
          .transaction((manager) => queue(manager, i))
          .then((id) => {
            committedAt.set(id, Date.now());
          }),
      );
    }
    await Promise.all(pending);
    const received = () => gateway.delivered.filter((m) => committedAt.has(m.idempotencyKey));
    await waitUntil(() => received().length === total, 60000, 'the steady load');
    const latencies = received().map((m) => m.receivedAt - (committedAt.get(m.idempotencyKey) as number));
    await worker.kill('SIGTERM');
    rows.push({
      path: 'outbox -> BullMQ -> gateway',
      throughput,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    });
    expect(count()).toBe(THROUGHPUT_COUNT);
  });

  it('baseline: BullMQ add -> process -> gateway, no outbox', async () => {
    const channel = new HttpSmsChannel({
      url: gateway.url,
      username: gateway.username,
      password: gateway.password,
      sender: 'Prossimo',
      timeoutMs: 2000,
    });
    const connection = new IORedis(redis.url, { maxRetriesPerRequest: null });
    const prefix = 'bench';
    const jobs = new Queue('baseline', { connection, prefix });
    const keyOf = (i: string) => `baseline-${i}`;
    const workerConnection = new IORedis(redis.url, { maxRetriesPerRequest: null });
    const worker = new Worker(
      'baseline',
      async (job) => {
        await channel.send({ idempotencyKey: keyOf(job.id as string), to: job.data.to, text: job.data.text });
      },
      {
        connection: workerConnection,
        prefix,
        concurrency: CONCURRENCY,
        autorun: false,
      },
    );
    const count = (prefixKey: string) =>
      gateway.delivered.filter((m) => m.idempotencyKey.startsWith(prefixKey)).length;
    await jobs.addBulk(
      Array.from({ length: THROUGHPUT_COUNT }, (_, i) => ({
        name: 'deliver',
        data: { to: phone(), text: `Prossimo: tra un'ora, alle 10:30, "Visita ${i}" con Giovanni, Alba.` },
        opts: { jobId: `t${i}`, removeOnComplete: true },
      })),
    );
    void worker.run();
    await waitUntil(() => count('baseline-t') > 0, 60000, 'the baseline worker');
    const firstAt = Math.min(
      ...gateway.delivered.filter((m) => m.idempotencyKey.startsWith('baseline-t')).map((m) => m.receivedAt),
    );
    await waitUntil(() => count('baseline-t') === THROUGHPUT_COUNT, 300000, 'the baseline backlog');
    const lastAt = Math.max(
      ...gateway.delivered.filter((m) => m.idempotencyKey.startsWith('baseline-t')).map((m) => m.receivedAt),
    );

    const addedAt = new Map<string, number>();
    const total = RATE_PER_SECOND * STEADY_SECONDS;
    const start = Date.now();
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / RATE_PER_SECOND;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      const id = `s${i}`;
      void jobs
        .add(
          'deliver',
          { to: phone(), text: `Prossimo: promemoria ${i}` },
          { jobId: id, removeOnComplete: true },
        )
        .then(() => addedAt.set(keyOf(id), Date.now()));
    }
    await waitUntil(
      () => count('baseline-s') === total && addedAt.size === total,
      60000,
      'the baseline steady load',
    );
    const latencies = gateway.delivered
      .filter((m) => m.idempotencyKey.startsWith('baseline-s'))
      .map((m) => m.receivedAt - (addedAt.get(m.idempotencyKey) as number));
    await worker.close();
    await jobs.close();
    // Connections passed in are not closed by close(): left open, they would keep Jest from exiting.
    await Promise.all([connection.quit(), workerConnection.quit()]);
    rows.push({
      path: 'baseline: BullMQ add -> gateway',
      throughput: (THROUGHPUT_COUNT - 1) / ((lastAt - firstAt) / 1000),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    });
    expect(count('baseline-t')).toBe(THROUGHPUT_COUNT);
  });
});
