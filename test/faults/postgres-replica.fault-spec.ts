import { INestApplication } from '@nestjs/common';
import { Client, Pool } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LoopbackSmsGateway } from '../support/sms-gateway';
import { uniqueIp } from '../support/stack';
import {
  burstEnvironment,
  deliveryCounts,
  faultTable,
  PrivatePostgres,
  PrivateRedis,
  startApi,
  startBurstGateway,
  waitUntil,
  waitUntilRecordedSent,
  WorkerProcess,
  writeBurst,
} from './fault-support';

const BURST = Number(process.env.FAULT_BURST ?? 2000);
const MAX_LAG_SECONDS = 1;
const SEARCH = `{ searchServiceOffers(filter: { near: { lat: 44.7, lon: 8.03, radiusKm: 20 } }, first: 5) { items { id } } }`;

/**
 * A streaming replica (pg_basebackup -R of a private primary) serving the catalogue's reads
 * (DATABASE_REPLICA_URL) while 2,000 SMS go out (issue 16): searches are served there; with its
 * replay paused it falls behind (more than DATABASE_REPLICA_MAX_LAG_SECONDS) and reads go to the
 * primary; stopped, the same; started again, reads return to it. No search fails at any point and
 * the burst (which never touches the replica) loses nothing and sends nothing twice.
 */
describe('PostgreSQL streaming replica behind and stopped', () => {
  const primary = new PrivatePostgres();
  const replica = new PrivatePostgres();
  let redis: PrivateRedis;
  let gateway: LoopbackSmsGateway;
  let api: INestApplication;
  let dataSource: DataSource;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    await primary.startMigrated();
    await replica.startReplicaOf(primary);
    redis = new PrivateRedis();
    await redis.start();
    gateway = await startBurstGateway();
    const env = burstEnvironment(gateway, {
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URL: replica.url,
      DATABASE_REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS),
      REDIS_URL: redis.url,
    });
    ({ api, dataSource } = await startApi(env));
    worker = new WorkerProcess(env);
  }, 180000);

  afterAll(async () => {
    await worker?.kill('SIGKILL');
    await api?.close();
    await gateway?.stop();
    await redis?.cleanup();
    await replica.cleanup();
    await primary.cleanup();
  });

  /** Searches answered without error (each must be), in `count` requests. */
  async function searches(count: number): Promise<number> {
    let answered = 0;
    for (let i = 0; i < count; i++) {
      const response = await request(api.getHttpServer())
        .post('/graphql')
        .set('x-forwarded-for', uniqueIp())
        .send({ query: SEARCH });
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      if (response.body.data?.searchServiceOffers) answered++;
    }
    return answered;
  }

  /**
   * The api's prepared reads sent to the replica's pool (the search is one; the replica's state
   * check is a plain query and not counted): where each search was served.
   */
  let onReplica = 0;
  function countReadsOnReplica(): void {
    const [pool] = (dataSource.driver as unknown as { slaves: Pool[] }).slaves;
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (typeof args[0] === 'object' && args[0] !== null && 'name' in args[0]) onReplica++;
      return query(...args);
    };
  }

  /** On the primary: WAL for the replica to fall behind on, whatever the burst is doing. */
  async function writeOnPrimary(): Promise<void> {
    await dataSource.query(`CREATE TABLE IF NOT EXISTS fault_ticks (at timestamptz NOT NULL)`);
    await dataSource.query(`INSERT INTO fault_ticks VALUES (now())`);
  }

  it('reads served on the replica; behind or stopped, on the primary; no failed search, every SMS once', async () => {
    const ids = await writeBurst(api, dataSource, BURST);
    const deliveredOf = () => deliveryCounts(gateway, ids).delivered;
    const phases: string[] = [];

    // Healthy: the searches are served by the replica.
    countReadsOnReplica();
    await searches(3); // the replica is checked and found usable
    onReplica = 0;
    expect(await searches(30)).toBe(30);
    phases.push(`healthy: ${onReplica} of 30 searches on the replica`);
    expect(onReplica).toBe(30);

    // The burst goes out during the replica's faults (it never reads there).
    worker!.start();
    await waitUntil(() => deliveredOf() > 0, 60000, 'the first message');

    // Behind: replay paused while the primary writes; once it lags, reads go to the primary.
    const control = new Client({ connectionString: replica.url });
    await control.connect();
    await control.query(`SELECT pg_wal_replay_pause()`);
    const pausedAt = Date.now();
    let answered = 0;
    while (Date.now() - pausedAt < (MAX_LAG_SECONDS + 2) * 1000) {
      await writeOnPrimary();
      answered += await searches(5);
    }
    onReplica = 0;
    await writeOnPrimary();
    answered += await searches(20);
    phases.push(`replay paused: ${answered} searches answered, ${onReplica} of the last 20 on the replica`);
    expect(onReplica).toBe(0);
    await control.query(`SELECT pg_wal_replay_resume()`);
    await control.end();
    phases.push(`${deliveredOf()}/${BURST} sent by then`);

    // Stopped (immediate shutdown, as a crash): reads on the primary, none fails.
    await replica.stop();
    const stoppedAt = Date.now();
    answered = 0;
    while (Date.now() - stoppedAt < 3000) answered += await searches(5);
    phases.push(`stopped: ${answered} searches answered`);

    // Started again: reads go back to it.
    await replica.start();
    const upAt = Date.now();
    await waitUntil(
      async () => {
        onReplica = 0;
        await searches(5);
        return onReplica === 5;
      },
      60000,
      'reads on the replica again',
    );
    phases.push(`reads back on it ${Date.now() - upAt} ms after its start`);

    let drainMs = Number.NaN;
    try {
      await waitUntil(() => deliveredOf() === BURST, 240000, 'every message');
      drainMs = Date.now() - upAt;
      await waitUntilRecordedSent(dataSource, ids, 60000);
    } finally {
      // Where the ones not delivered stand (a failure's diagnosis).
      const open: { status: string; attempts: number; last_error: string | null; n: number }[] =
        await dataSource.query(
          `SELECT status, attempts, last_error, count(*)::int AS n FROM notifications
            WHERE id = ANY($1::uuid[]) AND status <> 'sent' GROUP BY 1, 2, 3`,
          [ids],
        );
      if (open.length > 0) process.stdout.write(`[faults] not sent: ${JSON.stringify(open)}\n`);
      const counts = deliveryCounts(gateway, ids);
      const note = phases.join('; ');
      process.stdout.write(
        `[faults] read replica behind and stopped: lost ${counts.lost}, sent twice ${counts.sentTwice}, drained ${drainMs} ms after its restart (${note})\n`,
      );
      process.stdout.write(
        `${faultTable([
          {
            fault: 'read replica: replay paused, then stopped',
            messages: BURST,
            lost: counts.lost,
            sentTwice: counts.sentTwice,
            drainMs,
            note,
          },
        ])}\n`,
      );
    }
    expect(deliveryCounts(gateway, ids)).toEqual({ delivered: BURST, lost: 0, sentTwice: 0 });
    await worker!.kill('SIGTERM');
  });
});
