/** Embedded PostgreSQL: running as root (an unprivileged user for the server) and spawning its processes. */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { DEDICATED_SYSTEM_USER, Log, RunAs, SUPERUSER } from './shared';

// Running as root: pick or create an unprivileged user

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export async function resolveRunAsUser(log: Log): Promise<RunAs> {
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

export async function lookupUser(name: string): Promise<RunAs | undefined> {
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
export async function reachableBy(target: string, runAs: RunAs, targetBits?: number): Promise<boolean> {
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
export async function treeReadableBy(root: string, runAs: RunAs): Promise<boolean> {
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
// Child processes

let pdeathsigSupported: boolean | undefined;

/** setpriv (util-linux) can ask the kernel to SIGINT the server if this process dies, even by SIGKILL. */
export function setprivPath(): string | undefined {
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
export function childEnv(): NodeJS.ProcessEnv {
  return { PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin', LC_ALL: 'C', LANG: 'C' };
}

export function spawnAs(
  command: string,
  args: string[],
  runAs: RunAs | undefined,
  server: boolean,
): ChildProcess {
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

export function forwardLines(child: ChildProcess, onLine: (line: string) => void): void {
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

export function runCollect(
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

export function execFileText(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
