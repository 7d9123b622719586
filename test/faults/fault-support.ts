import { ChildProcess, execFile, spawn } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { promisify } from 'node:util';
import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import IORedis, { Cluster } from 'ioredis';
import { bullPrefix, QueueName, runMigrations } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { NotificationsService } from '@prossimo/notifications';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { LoopbackSmsGateway } from '../support/sms-gateway';
import { testEnvironment, uniquePhone } from '../support/stack';
import { createServer, IncomingMessage, request as httpRequest, Server, ServerResponse } from 'node:http';
import { AddressInfo, connect, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A private redis-server on a free port (never the shared 6379), with an append-only file synced
 * on every write: a restart keeps the queued jobs, as a production Redis with AOF does.
 */
export class PrivateRedis {
  private process?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'prossimo-fault-redis-'));
  port = 0;
  /**
   * 'everysec' is the usual production setting: a kill may lose up to the last second or two of
   * writes (Redis also delays its writes while a slow fsync is under way). Read at each start.
   */
  appendfsync: 'always' | 'everysec' = 'always';

  /** `extraArgs`: more redis-server options (e.g. --replicaof host port). */
  constructor(private readonly extraArgs: string[] = []) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.process !== undefined && this.process.exitCode === null && this.process.signalCode === null;
  }

  /** The redis-server's process id (bench:notifications measures its CPU). */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  async start(): Promise<void> {
    if (this.running) return;
    if (!this.port) this.port = await freePort();
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        this.appendfsync,
        ...this.extraArgs,
      ],
      { stdio: 'ignore' },
    );
    this.process = child;
    await waitUntil(() => this.ping(), 10000, 'redis-server');
  }

  /** SIGTERM: Redis flushes the AOF and exits, as in a restart by the operator. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child) await endProcess(child, signal);
  }

  async cleanup(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Killed, its files gone, started again: a Redis restarted without persistence. */
  async restartEmpty(): Promise<void> {
    await this.stop('SIGKILL');
    for (const entry of readdirSync(this.dir))
      rmSync(join(this.dir, entry), { recursive: true, force: true });
    await this.start();
  }

  /**
   * Where the append-only file ends now: its last incremental file (Redis 7's multi-part AOF) and
   * that file's length. With cutAofTo(), what an OS crash or a stalled fsync loses.
   */
  aofMark(): { file: string; size: number } {
    const dir = join(this.dir, 'appendonlydir');
    const manifest = readFileSync(join(dir, 'appendonly.aof.manifest'), 'utf8');
    const incr = [...manifest.matchAll(/^file (\S+) seq \d+ type i$/gm)].pop();
    if (!incr) throw new Error('the AOF has no incremental file');
    const file = join(dir, incr[1]);
    return { file, size: statSync(file).size };
  }

  /**
   * After a kill: the AOF cut back to `mark` (Redis loads a file cut mid-command, since
   * aof-load-truncated is on by default). Returns the bytes cut; 0 if the file was rewritten since.
   */
  cutAofTo(mark: { file: string; size: number }): number {
    if (this.running) throw new Error('cut the AOF of a stopped Redis only');
    if (!existsSync(mark.file) || this.aofMark().file !== mark.file) return 0;
    const cut = statSync(mark.file).size - mark.size;
    truncateSync(mark.file, mark.size);
    return cut;
  }

  /** FLUSHALL, as an operator's mistake would. */
  flushAll(): Promise<boolean> {
    return this.command('FLUSHALL', '+OK');
  }

  private ping(): Promise<boolean> {
    return this.command('PING', '+PONG');
  }

  private command(command: string, expected: string): Promise<boolean> {
    return new Promise((done) => {
      const client = connect(this.port, '127.0.0.1');
      client.on('error', () => done(false));
      client.on('data', (data: Buffer) => {
        done(data.toString().startsWith(expected));
        client.destroy();
      });
      client.write(`${command}\r\n`);
    });
  }
}

/**
 * Sends `signal` to a child that is still running and waits for its exit; SIGKILL after 30 s of a
 * gentler signal. A child that already exited (by a code or a signal) is left as it is.
 */
export async function endProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill(signal);
  if (signal === 'SIGKILL') return exited;
  const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
  await exited.finally(() => clearTimeout(timer));
}

/** The compiled worker (npm run build) as a child process, so a test can SIGKILL it. */
export class WorkerProcess {
  private process?: ChildProcess;
  readonly output: string[] = [];

  /**
   * `nodeArgs`: options for node itself (e.g. --prof, which NODE_OPTIONS does not allow); `app`: the
   * worker, or the outbox relay's own process (apps/relay).
   */
  constructor(
    private readonly env: Record<string, string>,
    private readonly nodeArgs: string[] = [],
    private readonly app: 'worker' | 'relay' = 'worker',
  ) {}

  /** The worker's process id (bench:notifications measures its CPU). */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  start(): void {
    const main = resolve(__dirname, `../../dist/apps/${this.app}/src/main.js`);
    this.process = spawn(process.execPath, [...this.nodeArgs, main], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // FAULT_WORKER_LOG=<file> (with TEST_LOG_LEVEL=info) keeps every worker's output there.
    const log = process.env.FAULT_WORKER_LOG;
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (log) appendFileSync(log, chunk);
    };
    this.process.stdout?.on('data', keep);
    this.process.stderr?.on('data', keep);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.process) await endProcess(this.process, signal);
  }
}

/**
 * Sits between the worker and the loopback gateway and can break the link: answer 500, or hold
 * the request without answering (the client times out). Healthy, it forwards every byte.
 */
export class FaultyLink {
  mode: 'ok' | 'error' | 'slow' = 'ok';
  slowMs = 1000;
  private server?: Server;
  faultsInjected = 0;

  constructor(private readonly target: string) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/sms`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((done) => this.server?.listen(0, '127.0.0.1', done));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((done) => this.server?.close(() => done()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The whole body first: a request held in 'slow' mode must still reach the gateway complete
    // after its client has given up and closed the connection (a half-sent body would hang the
    // gateway's handler, and its server's close, for ever).
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (this.mode === 'error') {
      this.faultsInjected++;
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"injected"}');
      return;
    }
    if (this.mode === 'slow') {
      // The client gives up first, but the gateway gets the message later: a retry must not
      // produce a second SMS (the idempotency key).
      this.faultsInjected++;
      setTimeout(() => this.forward(req, body, res), this.slowMs);
      return;
    }
    this.forward(req, body, res);
  }

  private forward(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const target = new URL(this.target);
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: req.method,
        headers: {
          ...Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'transfer-encoding')),
          'content-length': String(body.length),
        },
      },
      (answer) => {
        if (res.destroyed) {
          answer.resume();
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  }
}

const run = promisify(execFile);

/**
 * A Redis Sentinel (redis-server --sentinel) on a free port, monitoring `primaryPort` as `name`;
 * `quorum` sentinels must agree that the primary is down (2 of 3 in production).
 */
export class PrivateSentinel {
  private process?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'prossimo-fault-sentinel-'));
  port = 0;

  constructor(
    private readonly primaryPort: number,
    readonly name = 'mymaster',
    private readonly quorum = 1,
  ) {}

  async start(): Promise<void> {
    this.port = await freePort();
    const config = join(this.dir, 'sentinel.conf');
    // It rewrites its file as it learns the topology; quick failure detection for tests.
    writeFileSync(
      config,
      [
        `port ${this.port}`,
        'bind 127.0.0.1',
        `dir ${this.dir}`,
        `sentinel monitor ${this.name} 127.0.0.1 ${this.primaryPort} ${this.quorum}`,
        `sentinel down-after-milliseconds ${this.name} 1000`,
        `sentinel failover-timeout ${this.name} 5000`,
        '',
      ].join('\n'),
    );
    this.process = spawn('redis-server', [config, '--sentinel'], { stdio: 'ignore' });
    await waitUntil(
      () =>
        new Promise<boolean>((done) => {
          const client = connect(this.port, '127.0.0.1');
          client.on('error', () => done(false));
          client.on('data', (data: Buffer) => {
            done(data.toString().startsWith('+PONG'));
            client.destroy();
          });
          client.write('PING\r\n');
        }),
      10000,
      'redis sentinel',
    );
  }

  async cleanup(): Promise<void> {
    if (this.process) await endProcess(this.process, 'SIGKILL');
    this.process = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A private PostgreSQL cluster on a free port (never the shared 5432), started as the postgres
 * user (as test/clock/run-at.sh does), so that a test can SIGKILL its postmaster and start it
 * again: crash recovery, then the same data.
 */
export class PrivatePostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'prossimo-fault-pg-'));
  port = 0;
  private readonly bin = `/usr/lib/postgresql/${readdirSync('/usr/lib/postgresql')
    .sort((a, b) => Number(a) - Number(b))
    .pop()}/bin`;

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async init(): Promise<void> {
    chmodSync(this.dir, 0o755);
    await run('chown', ['postgres', this.dir]);
    await this.asPostgres('initdb', ['-D', this.data, '-U', 'postgres', '-A', 'trust']);
    this.port = await freePort();
  }

  /**
   * A streaming replica of `primary` instead of a fresh cluster: pg_basebackup -R (a standby
   * with its primary_conninfo), on its own free port.
   */
  async initReplicaOf(primary: PrivatePostgres): Promise<void> {
    chmodSync(this.dir, 0o755);
    await run('chown', ['postgres', this.dir]);
    await this.asPostgres('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      this.data,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    this.port = await freePort();
  }

  /** A fresh cluster, started, with the api's schema: a test's primary. */
  async startMigrated(): Promise<void> {
    await this.init();
    await this.start();
    await runMigrations({ DATABASE_URL: this.url, DATABASE_POOL_SIZE: 2 });
  }

  /** A streaming replica of `primary` (initReplicaOf), started: it has the primary's schema. */
  async startReplicaOf(primary: PrivatePostgres): Promise<void> {
    await this.initReplicaOf(primary);
    await this.start();
  }

  /** Stopped at once (immediate shutdown), as a crashed server. */
  async stop(): Promise<void> {
    await this.asPostgres('pg_ctl', ['-D', this.data, '-m', 'immediate', 'stop']);
  }

  /** Starts it; after a kill, the old backends may need a moment to go, so it tries again. */
  async start(): Promise<void> {
    const deadline = Date.now() + 30000;
    for (;;) {
      try {
        await this.asPostgres('pg_ctl', [
          '-D',
          this.data,
          '-l',
          join(this.dir, 'pg.log'),
          '-w',
          '-o',
          `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`,
          'start',
        ]);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** SIGKILL of the postmaster: every connection drops, nothing is shut down cleanly. */
  kill(): void {
    const pidFile = join(this.data, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGKILL');
  }

  async cleanup(): Promise<void> {
    await this.asPostgres('pg_ctl', ['-D', this.data, '-m', 'immediate', 'stop']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get data(): string {
    return join(this.dir, 'pg');
  }

  private async asPostgres(program: string, args: string[]): Promise<void> {
    await run('runuser', ['-u', 'postgres', '--', join(this.bin, program), ...args], { timeout: 60000 });
  }
}

/**
 * Waits until a queue holds nothing to run (waiting, active, delayed, prioritized): a job given
 * back by a fault (a restored AOF, a promoted replica) has run by then, and a re-send would show.
 */
export async function queueSettled(
  connection: IORedis | Cluster,
  queuePrefix: string,
  name: QueueName,
  timeoutMs = 120000,
): Promise<void> {
  const queue = new Queue(name, { connection, prefix: bullPrefix(queuePrefix, name) });
  try {
    await waitUntil(
      async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(counts).every((count) => count === 0);
      },
      timeoutMs,
      `the ${name} queue to settle`,
    );
  } finally {
    await queue.close();
  }
}

/**
 * What every burst runs with: a short send timeout (a send with no answer is settled soon), many
 * quick retries, a busy worker, large relay batches.
 */
export const BURST_SETTINGS = {
  SMS_HTTP_TIMEOUT_MS: '500',
  JOB_ATTEMPTS: '20',
  JOB_BACKOFF_MS: '100',
  WORKER_CONCURRENCY: '50',
  OUTBOX_BATCH_SIZE: '500',
};

/**
 * A loopback gateway for a burst: it ignores Idempotency-Key (a message POSTed twice reaches the
 * person twice, so a re-send shows) but answers status lookups.
 */
export async function startBurstGateway(): Promise<LoopbackSmsGateway> {
  const gateway = new LoopbackSmsGateway();
  await gateway.start();
  gateway.ignoreIdempotencyKey = true;
  return gateway;
}

/** The test environment of a burst through `gateway` (its status lookup, BURST_SETTINGS), then `env`. */
export function burstEnvironment(
  gateway: LoopbackSmsGateway,
  env: Record<string, string>,
): Record<string, string> {
  return testEnvironment(gateway, {
    env: { SMS_HTTP_STATUS_URL: gateway.statusUrl, ...BURST_SETTINGS, ...env },
  });
}

/** The api in this process on `env` (also set in process.env), on a loopback port. */
export async function startApi(
  env: Record<string, string>,
): Promise<{ api: INestApplication; dataSource: DataSource }> {
  Object.assign(process.env, env);
  const api = await createApiApp();
  await api.listen(0, '127.0.0.1');
  return { api, dataSource: api.get<DataSource>(getDataSourceToken()) };
}

/** Lost, sent twice, drained: one row of the fault suite's summary. */
export interface FaultFigures {
  fault: string;
  messages: number;
  lost: number;
  sentTwice: number;
  drainMs: number;
  note?: string;
}

/** The figures as a Markdown table (the summary in docs/benchmarks-and-faults.md). */
export function faultTable(rows: FaultFigures[]): string {
  const lines = [
    '| Fault | Messages | Lost | Sent twice | Drain after recovery | Note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.fault} | ${row.messages} | ${row.lost} | ${row.sentTwice} | ${(row.drainMs / 1000).toFixed(1)} s | ${row.note ?? ''} |`,
    ),
  ];
  return lines.join('\n');
}

/** Writes `count` SMS notifications in transactions of 100, as state changes would. */
export async function writeBurst(
  api: INestApplication,
  dataSource: DataSource,
  count: number,
): Promise<string[]> {
  const notifications = api.get(NotificationsService);
  const ids: string[] = [];
  for (let offset = 0; offset < count; offset += 100) {
    const batch = await dataSource.transaction(async (manager) => {
      const created: string[] = [];
      for (let i = offset; i < Math.min(offset + 100, count); i++) {
        created.push(
          await notifications.queueInTransaction(manager, {
            channel: 'sms',
            recipient: uniquePhone(),
            event: 'reminder_hour_before',
            language: 'it',
            params: { time: '10:30', summary: `Visita ${i}`, who: 'Giovanni', place: 'Alba' },
            urgent: true,
          }),
        );
      }
      return created;
    });
    ids.push(...batch);
  }
  return ids;
}

/** Of `ids`: how many reached the gateway (once or more), how many not, how many more than once. */
export function deliveryCounts(
  gateway: LoopbackSmsGateway,
  ids: string[],
): { delivered: number; lost: number; sentTwice: number } {
  const wanted = new Set(ids);
  const perKey = new Map<string, number>();
  for (const message of gateway.delivered) {
    if (wanted.has(message.idempotencyKey)) {
      perKey.set(message.idempotencyKey, (perKey.get(message.idempotencyKey) ?? 0) + 1);
    }
  }
  return {
    delivered: perKey.size,
    lost: ids.length - perKey.size,
    sentTwice: [...perKey.values()].filter((count) => count > 1).length,
  };
}

/** Waits until every notification of `ids` is recorded as sent (the worker wrote its outcome). */
export async function waitUntilRecordedSent(
  dataSource: DataSource,
  ids: string[],
  timeoutMs: number,
): Promise<void> {
  await waitUntil(
    async () => {
      const [{ sent }]: { sent: number }[] = await dataSource.query(
        `SELECT count(*)::int AS sent FROM notifications WHERE id = ANY($1::uuid[]) AND status = 'sent'`,
        [ids],
      );
      return sent === ids.length;
    },
    timeoutMs,
    'every notification recorded as sent',
  );
}

/** A Redis failover under a burst: when its master was killed and when a replica took over. */
export interface FailoverRun {
  /** The log line's name of the fault. */
  label: string;
  /** The summary table's name of the fault. */
  fault: string;
  /** Messages delivered when the master was killed. */
  atKill: number;
  killedAt: number;
  promotedAt: number;
  drainMs: number;
}

/**
 * Prints a failover's figures: a log line, when the messages sent twice reached the gateway, and
 * the row of the fault suite's summary.
 */
export function reportFailover(gateway: LoopbackSmsGateway, ids: string[], run: FailoverRun): void {
  const counts = deliveryCounts(gateway, ids);
  const note =
    `killed at ${run.atKill}/${ids.length}; replica promoted ${run.promotedAt - run.killedAt} ms after the kill, ` +
    `last message ${run.drainMs + run.promotedAt - run.killedAt} ms after it`;
  process.stdout.write(
    `[faults] ${run.label}: lost ${counts.lost}, sent twice ${counts.sentTwice}, drained in ${run.drainMs} ms (${note})\n`,
  );
  const resent = resentTimes(gateway, ids, run.promotedAt);
  if (resent) process.stdout.write(`[faults] sent twice (ms after the promotion): ${resent}\n`);
  process.stdout.write(
    `${faultTable([
      {
        fault: run.fault,
        messages: ids.length,
        lost: counts.lost,
        sentTwice: counts.sentTwice,
        drainMs: run.drainMs,
        note,
      },
    ])}\n`,
  );
}

/** For a failure message: when each message sent more than once reached the gateway, from `since`. */
export function resentTimes(gateway: LoopbackSmsGateway, ids: string[], since: number): string {
  const wanted = new Set(ids);
  const times = new Map<string, number[]>();
  for (const message of gateway.delivered) {
    if (!wanted.has(message.idempotencyKey)) continue;
    times.set(message.idempotencyKey, [
      ...(times.get(message.idempotencyKey) ?? []),
      message.receivedAt - since,
    ]);
  }
  return [...times]
    .filter(([, at]) => at.length > 1)
    .map(([key, at]) => `${key}: ${at.map((ms) => `${ms} ms`).join(', ')}`)
    .join('; ');
}

/**
 * A Redis Cluster on loopback: `masters` redis-servers with --cluster-enabled, each with
 * `replicasPerMaster` replicas, joined by `redis-cli --cluster create`. A redis-server or redis-cli
 * without cluster support fails the test with a message saying so (never a silent skip).
 */
export class PrivateRedisCluster {
  readonly nodes: PrivateRedis[] = [];

  constructor(
    private readonly masters = 3,
    private readonly replicasPerMaster = 0,
  ) {}

  /** The seeds for REDIS_CLUSTER_NODES. */
  get seeds(): string {
    return this.nodes.map((node) => `127.0.0.1:${node.port}`).join(',');
  }

  async start(): Promise<void> {
    const count = this.masters * (1 + this.replicasPerMaster);
    for (let i = 0; i < count; i++) {
      // The cluster bus on its own free port (a port above 55535 has no room for port + 10000).
      const busPort = await freePort();
      const node = new PrivateRedis([
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        'nodes.conf',
        '--cluster-port',
        String(busPort),
        '--cluster-node-timeout',
        '1000',
        // A master whose replica lagged still serves while its replica is promoted after a kill.
        '--cluster-replica-validity-factor',
        '0',
      ]);
      this.nodes.push(node);
      try {
        await node.start();
      } catch (error) {
        throw new Error(
          `Redis Cluster: redis-server did not start with --cluster-enabled yes (${(error as Error).message}); ` +
            'these tests need a redis-server built with cluster support (Redis 7)',
        );
      }
    }
    try {
      await run(
        'redis-cli',
        [
          '--cluster',
          'create',
          ...this.nodes.map((node) => `127.0.0.1:${node.port}`),
          '--cluster-replicas',
          String(this.replicasPerMaster),
          '--cluster-yes',
        ],
        { timeout: 60000 },
      );
    } catch (error) {
      throw new Error(
        `Redis Cluster: redis-cli --cluster create failed (${(error as Error).message}); ` +
          'these tests need redis-cli with --cluster support (Redis 5 or later)',
      );
    }
    await waitUntil(() => this.healthy(), 30000, 'the Redis Cluster to be ok on every node');
  }

  /** cluster_state:ok on every node still running. */
  async healthy(): Promise<boolean> {
    for (const node of this.nodes) {
      if (!node.running) continue;
      const { stdout } = await run('redis-cli', ['-p', String(node.port), 'cluster', 'info']).catch(() => ({
        stdout: '',
      }));
      if (!stdout.includes('cluster_state:ok')) return false;
    }
    return true;
  }

  /** The node serving `key`'s slot as a master now. */
  async masterOf(key: string): Promise<PrivateRedis> {
    for (const node of this.nodes) {
      if (!node.running) continue;
      const { stdout: slot } = await run('redis-cli', ['-p', String(node.port), 'cluster', 'keyslot', key]);
      const { stdout } = await run('redis-cli', ['-p', String(node.port), 'cluster', 'slots']);
      // Lines: start, end, master host, master port, master id, then replicas.
      const lines = stdout.trim().split('\n');
      for (let i = 0; i + 3 < lines.length; i++) {
        const [start, end] = [Number(lines[i]), Number(lines[i + 1])];
        if (!Number.isInteger(start) || !Number.isInteger(end) || lines[i + 2] !== '127.0.0.1') continue;
        if (Number(slot) >= start && Number(slot) <= end) {
          const port = Number(lines[i + 3]);
          const master = this.nodes.find((candidate) => candidate.port === port);
          if (master) return master;
        }
      }
    }
    throw new Error(`no master found for ${key}`);
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.cleanup()));
  }
}
