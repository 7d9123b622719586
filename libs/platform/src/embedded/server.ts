/** Embedded PostgreSQL: the server process, its readiness, and the process-wide hooks that stop it. */
import { type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { type Socket } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { dataDirectoryOf } from './databases.repository';
import { forwardLines, spawnAs } from './run-as';
import {
  Binaries,
  CREDENTIALS_FILE,
  GRACE_AFTER_SIGNAL_MS,
  Log,
  OUTPUT_LINES_KEPT,
  READY_TIMEOUT_MS,
  RunAs,
  STOP_TIMEOUT_MS,
  SUPERUSER,
  EmbeddedPostgresPortInUseError,
} from './shared';

// The server process

export interface ServerStart {
  binaries: Binaries;
  dataDir: string;
  port: number;
  password: string;
  runAs: RunAs | undefined;
  log: Log;
  debug: boolean;
}

export interface RunningServer {
  child: ChildProcess;
  stop: () => Promise<void>;
}

export const running = new Set<RunningServer>();

/** After a crash, children of the dead postmaster may hold its shared memory for a moment: retry briefly. */
export class SharedMemoryStillInUseError extends Error {}

export async function startServerWithRetry(start: ServerStart): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServer(start);
    } catch (error) {
      if (!(error instanceof SharedMemoryStillInUseError) || attempt >= 20) throw error;
      if (attempt === 1) start.log('Embedded PostgreSQL: waiting for processes of a crashed server to exit');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export async function startServer(start: ServerStart): Promise<RunningServer> {
  const { binaries, dataDir, port, password, runAs, log, debug } = start;
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'lc_messages=C',
    '-c',
    'logging_collector=off',
  ];
  const child = spawnAs(binaries.postgres, args, runAs, true);
  const output: string[] = [];
  let ready = false;
  const onLine = (line: string): void => {
    output.push(line);
    if (output.length > OUTPUT_LINES_KEPT) output.shift();
    if (debug) log(`[postgres] ${line}`);
    else if (ready && /\b(FATAL|PANIC):/.test(line)) log(`[postgres] ${line}`);
  };
  forwardLines(child, onLine);

  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  let stopPromise: Promise<void> | undefined;
  const server: RunningServer = {
    child,
    stop: () => {
      stopPromise ??= stopChild();
      return stopPromise;
    },
  };
  const stopChild = async (): Promise<void> => {
    running.delete(server);
    updateProcessHooks();
    if (exited || spawnError) return;
    child.ref();
    child.kill('SIGINT');
    const escalate = async (signal: NodeJS.Signals, afterMs: number): Promise<boolean> => {
      const timedOut = await Promise.race([
        exitPromise.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), afterMs).unref()),
      ]);
      if (timedOut) child.kill(signal);
      return timedOut;
    };
    if (await escalate('SIGQUIT', STOP_TIMEOUT_MS)) {
      log(`Embedded PostgreSQL did not stop within ${STOP_TIMEOUT_MS / 1000} s; forcing it`);
      if (await escalate('SIGKILL', 5_000)) await exitPromise;
    }
    await exitPromise;
    log('Embedded PostgreSQL stopped');
  };

  running.add(server);
  updateProcessHooks();
  void exitPromise.then(() => {
    if (!ready || stopPromise) return;
    running.delete(server);
    updateProcessHooks();
    log(
      `Embedded PostgreSQL exited unexpectedly (code ${String(exited?.code)}, signal ${String(exited?.signal)})`,
    );
    if (!debug) for (const line of output.slice(-20)) log(`[postgres] ${line}`);
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      if (spawnError)
        throw new Error(`Embedded PostgreSQL: cannot run ${binaries.postgres}: ${spawnError.message}`);
      if (exited) throw startupFailure(port, dataDir, exited, output);
      const attempt = await probeServer(port, password, dataDir);
      if (attempt === 'ready') break;
      if (attempt instanceof Error) throw attempt;
      if (Date.now() > deadline) {
        throw new Error(
          `Embedded PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000} s:\n${output.join('\n')}`,
        );
      }
      await Promise.race([exitPromise, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
  } catch (error) {
    await server.stop();
    if (!debug && output.length > 0 && !(error instanceof SharedMemoryStillInUseError)) {
      for (const line of output) log(`[postgres] ${line}`);
    }
    throw error;
  }
  ready = true;
  // A running server must not keep Node alive on its own; stop() re-refs while waiting.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as Socket | null)?.unref();
  return server;
}

export function startupFailure(
  port: number,
  dataDir: string,
  exited: { code: number | null; signal: NodeJS.Signals | null },
  output: string[],
): Error {
  const text = output.join('\n');
  if (/could not bind|Address already in use/i.test(text)) return new EmbeddedPostgresPortInUseError(port);
  if (/lock file "postmaster\.pid" already exists/.test(text)) {
    return new Error(
      `Embedded PostgreSQL: another PostgreSQL server is already running on ${dataDir} (see ${path.join(dataDir, 'postmaster.pid')})`,
    );
  }
  const fatal = output.filter((line) => /\b(FATAL|PANIC|ERROR):/.test(line));
  if (/pre-existing shared memory block .* is still in use/.test(text)) {
    return new SharedMemoryStillInUseError(`Embedded PostgreSQL: ${fatal.join(' | ')}`);
  }
  return new Error(
    `Embedded PostgreSQL exited during startup (code ${String(exited.code)}, signal ${String(exited.signal)}): ` +
      (fatal.length > 0 ? fatal.join(' | ') : text.trim() || 'no output'),
  );
}

/** 'ready' once our server (checked via its data_directory) accepts connections; 'retry' while starting. */
export async function probeServer(
  port: number,
  password: string,
  dataDir: string,
): Promise<'ready' | 'retry' | Error> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    password,
    database: 'postgres',
    connectionTimeoutMillis: 2_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const actual = await dataDirectoryOf(client);
    const expected = await fs.realpath(dataDir).catch(() => dataDir);
    if (path.resolve(actual) !== path.resolve(dataDir) && path.resolve(actual) !== expected) {
      return new Error(
        `Embedded PostgreSQL: port ${port} is served by another PostgreSQL (data directory ${actual})`,
      );
    }
    return 'ready';
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '28P01' || code === '28000') {
      return new Error(
        `Embedded PostgreSQL: authentication failed on 127.0.0.1:${port}; the password in ${path.join(dataDir, CREDENTIALS_FILE)} does not match the cluster`,
      );
    }
    return 'retry';
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Process-wide hooks: stop servers on SIGINT/SIGTERM/SIGHUP and on exit

export const HANDLED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let hooksInstalled = false;
export const signalsSeen = new Set<NodeJS.Signals>();

export function onSignal(signal: NodeJS.Signals): void {
  const servers = [...running];
  const othersListen = process.listenerCount(signal) > 1;
  if (othersListen && !signalsSeen.has(signal)) {
    // The application handles this signal and will shut down in order (and call stop()); keep the
    // database up meanwhile, but not forever. Exit also stops it (see onExit).
    signalsSeen.add(signal);
    setTimeout(() => void Promise.all(servers.map((server) => server.stop())), GRACE_AFTER_SIGNAL_MS).unref();
    return;
  }
  void Promise.all(servers.map((server) => server.stop())).finally(() => {
    if (!othersListen) {
      // Nobody else handles it: restore the default behaviour (terminate) now the database is down.
      removeProcessHooks();
      process.kill(process.pid, signal);
    }
  });
}

export function onExit(): void {
  for (const server of running) {
    try {
      server.child.kill('SIGINT');
    } catch {
      // already gone
    }
  }
}

export function updateProcessHooks(): void {
  if (running.size > 0 && !hooksInstalled) {
    hooksInstalled = true;
    for (const signal of HANDLED_SIGNALS) process.on(signal, onSignal);
    process.on('exit', onExit);
  } else if (running.size === 0 && hooksInstalled) {
    removeProcessHooks();
  }
}

export function removeProcessHooks(): void {
  hooksInstalled = false;
  signalsSeen.clear();
  for (const signal of HANDLED_SIGNALS) process.removeListener(signal, onSignal);
  process.removeListener('exit', onExit);
}
