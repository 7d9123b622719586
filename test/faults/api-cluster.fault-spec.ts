import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { API_NODE_FLAGS } from '../../apps/api/src/node-flags';
import { freePort, waitUntil } from './fault-support';

/** Child processes of `parent`, from /proc (the field after the command name is the state, then ppid). */
function childPids(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids.sort((a, b) => a - b);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface LogLine {
  pid?: number;
  msg?: string;
  worker?: number;
  req?: { url?: string };
  res?: { statusCode?: number };
}

/**
 * API_PROCESSES=2 on the compiled api (npm run build): a primary and two workers on one port,
 * both serving, a killed worker replaced while the other keeps answering, and SIGTERM stopping all.
 * Which worker served a request is read from the request log lines (pino writes the pid on every
 * line), not from anything the api sends back.
 */
describe('api with API_PROCESSES=2 (node:cluster)', () => {
  let primary: ChildProcess;
  let port: number;
  const lines: LogLine[] = [];
  const raw: string[] = [];

  beforeAll(async () => {
    const databaseUrl = process.env.PROSSIMO_TEST_DATABASE_URL;
    if (!databaseUrl) throw new Error('PROSSIMO_TEST_DATABASE_URL is not set: run through jest');
    port = await freePort();
    const prefix = `t${randomBytes(4).toString('hex')}`;
    primary = spawn(
      process.execPath,
      [...API_NODE_FLAGS, resolve(__dirname, '../../dist/apps/api/src/main.js')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          API_PROCESSES: '2',
          LOG_LEVEL: 'info',
          // Every successful request logged, so that its line names the worker that served it.
          LOG_REQUEST_SAMPLE_RATE: '1',
          HTTP_HOST: '127.0.0.1',
          HTTP_PORT: String(port),
          DATABASE_URL: databaseUrl,
          DATABASE_POOL_SIZE: '2',
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          QUEUE_BACKEND: 'redis',
          QUEUE_PREFIX: prefix,
          JWT_SECRET: randomBytes(32).toString('hex'),
          OTP_HMAC_SECRET: randomBytes(32).toString('hex'),
          FIELD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
          SMS_CHANNEL: 'file',
          SMS_FILE_PATH: join(tmpdir(), `${prefix}-sms.log`),
        },
      },
    );
    let pending = '';
    const collect = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) {
        raw.push(line);
        try {
          lines.push(JSON.parse(line) as LogLine);
        } catch {
          // Not a log line (e.g. a stack trace on stderr): kept in `raw` for the failure message.
        }
      }
    };
    primary.stdout?.on('data', collect);
    primary.stderr?.on('data', collect);
    await waitUntil(
      async () => {
        if (primary.exitCode !== null) throw new Error(`the api exited:\n${raw.join('\n')}`);
        return (await get('/ready').catch(() => 0)) === 200 && startedWorkers().length === 2;
      },
      // Two Nest processes start at once: about 10 s on an idle machine, over a minute at a load
      // average of 25 to 30 on two cores (the fault suite failed there on 6 Dec 2026).
      180_000,
      'two api workers ready',
    );
  });

  afterAll(async () => {
    if (primary && primary.exitCode === null && primary.signalCode === null) {
      const workers = childPids(primary.pid ?? 0);
      primary.kill('SIGKILL');
      for (const pid of workers) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  const startedWorkers = () =>
    lines.filter((line) => line.msg === 'api worker listening').map((l) => l.worker);
  /** Pids of the processes that logged a completed /graphql request. */
  const servedBy = () =>
    new Set(
      lines.filter((line) => line.req?.url === '/graphql' && line.res?.statusCode === 200).map((l) => l.pid),
    );

  /** One request on a connection of its own, so that the cluster's round robin can pick any worker. */
  function call(path: string, body?: string): Promise<{ status: number; text: string }> {
    return new Promise((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: body ? 'POST' : 'GET',
          agent: false,
          headers: body
            ? { 'content-type': 'application/json', connection: 'close' }
            : { connection: 'close' },
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', fail);
      req.end(body);
    });
  }
  const get = async (path: string) => (await call(path)).status;

  /** `count` GraphQL queries one after another; every one must be answered. */
  async function queries(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const answer = await call('/graphql', JSON.stringify({ query: '{ __typename }' }));
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ data: { __typename: 'Query' } });
    }
  }

  it('runs two workers that both answer requests, health endpoints included', async () => {
    const workers = childPids(primary.pid ?? 0);
    expect(workers).toHaveLength(2);
    expect([...startedWorkers()].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(workers);
    expect(await get('/health')).toBe(200);
    expect(await get('/ready')).toBe(200);
    await queries(20);
    await waitUntil(() => servedBy().size === 2, 10_000, 'request log lines from both workers');
    expect([...servedBy()].sort()).toEqual(workers);
  });

  it('replaces a killed worker while the other keeps answering', async () => {
    const [victim, survivor] = childPids(primary.pid ?? 0);
    process.kill(victim, 'SIGKILL');
    await waitUntil(
      () => lines.some((line) => line.msg?.startsWith('api worker exited') && line.worker === victim),
      10_000,
      'the primary logging why the worker exited',
    );
    // Once the primary knows (a connection it handed over in the instant of the crash is lost with
    // the worker's own), and while the replacement boots: the survivor answers everything.
    await queries(10);
    await waitUntil(() => childPids(primary.pid ?? 0).length === 2, 30_000, 'a replacement worker');
    const now = childPids(primary.pid ?? 0);
    expect(now).toContain(survivor);
    expect(now).not.toContain(victim);
    const replacement = now.find((pid) => pid !== survivor) as number;
    await waitUntil(() => startedWorkers().includes(replacement), 120_000, 'the replacement online');
    // The replacement serves too: keep asking until one of its request lines shows up.
    await waitUntil(
      async () => {
        await queries(4);
        return servedBy().has(replacement);
      },
      30_000,
      'a request served by the replacement',
    );
  });

  it('stops every worker and exits 0 on SIGTERM', async () => {
    const workers = childPids(primary.pid ?? 0);
    const exited = new Promise<number | null>((done) => primary.once('exit', (code) => done(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workers.filter(alive)).toEqual([]);
  });
});
