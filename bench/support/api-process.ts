import { ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The api's V8 flags (apps/api/src/node-flags.ts), for starting it as production does
 * (infra/Dockerfile, npm run start:api). Read from the build under `root`: the benches compile
 * apart from the apps (bench/tsconfig.json's rootDir).
 */
export function apiNodeFlags(root: string): readonly string[] {
  const { API_NODE_FLAGS } = createRequire(join(root, 'package.json'))(
    join(root, 'dist/apps/api/src/node-flags.js'),
  ) as { API_NODE_FLAGS: readonly string[] };
  return API_NODE_FLAGS;
}

/**
 * The built api under `root` in production mode on the loopback `port`, over the database at
 * `databaseUrl` with the PostgreSQL queue, its SMS written to prossimo-bench-<name>-<port>-sms.log
 * in the temporary folder; it logs warnings only, to the bench's stderr. `env` comes last (the
 * secrets, the bench's own settings). Wait for it with waitUntilApiReady.
 */
export function spawnBuiltApi(options: {
  root: string;
  name: string;
  port: number;
  databaseUrl: string;
  env: Record<string, string>;
  nodeFlags?: readonly string[];
}): ChildProcess {
  const { root, name, port, databaseUrl, env, nodeFlags = [] } = options;
  return spawn(process.execPath, [...nodeFlags, join(root, 'dist/apps/api/src/main.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      DATABASE_URL: databaseUrl,
      QUEUE_BACKEND: 'postgres',
      SMS_CHANNEL: 'file',
      SMS_FILE_PATH: join(tmpdir(), `prossimo-bench-${name}-${port}-sms.log`),
      ...env,
    },
  });
}

/**
 * Waits until the api child answers /ready on the loopback `port`, polling every half second;
 * fails at once if the child exits, and after `timeoutMs` if it never gets ready.
 */
export async function waitUntilApiReady(child: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the api stopped (exit ${child.exitCode})`);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((wait) => setTimeout(wait, 500));
  }
  throw new Error(`the api was not ready within ${timeoutMs / 1000} s`);
}
