import cluster, { Worker } from 'node:cluster';
import pino, { LevelWithSilent } from 'pino';

/** A worker that dies within this long of its start counts as a crash loop: the next waits longer. */
const STABLE_AFTER_MS = 30_000;
const RESTART_MIN_MS = 500;
const RESTART_MAX_MS = 30_000;

export interface ApiClusterOptions {
  processes: number;
  logLevel: LevelWithSilent;
  /** How long workers get to finish their requests after SIGTERM before they are killed. */
  shutdownGraceMs: number;
  /** Connections each worker may open (DATABASE_POOL_SIZE), only to log the total. */
  poolSizePerProcess: number;
}

/**
 * The primary of `API_PROCESSES` > 1: it serves nothing itself. It forks the workers (each runs
 * main.ts's single-process path; node:cluster hands them the connections of the one port), restarts
 * a worker that dies (after a delay that doubles while workers keep dying young, so a worker that
 * cannot start does not spin), and on SIGTERM/SIGINT asks every worker to shut down gracefully
 * and exits once they are gone.
 */
export function runApiPrimary(options: ApiClusterOptions): void {
  const log = pino({ level: options.logLevel, base: { pid: process.pid, role: 'api-primary' } });
  const started = new Map<number, number>();
  const restarts = new Set<NodeJS.Timeout>();
  let failures = 0;
  let stopping = false;

  const fork = (): void => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    worker.once('listening', () => log.info({ worker: worker.process.pid }, 'api worker listening'));
  };

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const lived = Date.now() - (started.get(worker.id) ?? Date.now());
    started.delete(worker.id);
    if (stopping) {
      log.info({ worker: worker.process.pid, code, signal }, 'api worker stopped');
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log.info('all api workers stopped; exiting');
        process.exit(0);
      }
      return;
    }
    failures = lived >= STABLE_AFTER_MS ? 0 : failures + 1;
    const delay = Math.min(RESTART_MAX_MS, RESTART_MIN_MS * 2 ** Math.max(0, failures - 1));
    log.error(
      { worker: worker.process.pid, code, signal, livedMs: lived, restartInMs: delay },
      `api worker exited (${signal ?? `exit code ${code}`}); restarting it`,
    );
    const timer = setTimeout(() => {
      restarts.delete(timer);
      if (!stopping) fork();
    }, delay);
    restarts.add(timer);
  });

  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    for (const timer of restarts) clearTimeout(timer);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker);
    log.info({ signal, workers: workers.length }, 'api primary shutting down its workers');
    if (workers.length === 0) process.exit(0);
    // SIGTERM whatever came in: each worker's Nest shutdown hooks close the server and the pools.
    // (Ctrl-C in a terminal also reaches the workers directly, as one process group.)
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      log.error('api workers still running after the grace period; killing them');
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, options.shutdownGraceMs).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  log.info(
    {
      processes: options.processes,
      databaseConnections: options.processes * options.poolSizePerProcess,
    },
    `api primary forking ${options.processes} workers (up to ${options.processes} x DATABASE_POOL_SIZE ` +
      `${options.poolSizePerProcess} PostgreSQL connections)`,
  );
  for (let i = 0; i < options.processes; i += 1) fork();
}
