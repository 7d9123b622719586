import { INestApplication } from '@nestjs/common';
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
  waitUntil,
  startApi,
  startBurstGateway,
  WorkerProcess,
  writeBurst,
} from './fault-support';

const BURST = Number(process.env.FAULT_BURST ?? 2000);
// A relay that lost its LISTEN connection falls back to this: long, so that a deaf relay shows.
const POLL_INTERVAL_MS = 3000;

/**
 * PostgreSQL SIGKILLed mid-burst and started again (crash recovery), on a private cluster this test
 * starts (never the shared 5432), with a private Redis and a worker child process. Nothing lost or
 * sent twice; the api answers SERVICE_UNAVAILABLE meanwhile; the relay's LISTEN connection comes
 * back, so delivery latency is back to normal right after (issue 16, items 3 and 6).
 */
describe('PostgreSQL killed and restarted', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let gateway: LoopbackSmsGateway;
  let api: INestApplication;
  let dataSource: DataSource;
  let worker: WorkerProcess;

  beforeAll(async () => {
    postgres = new PrivatePostgres();
    await postgres.startMigrated();
    redis = new PrivateRedis();
    await redis.start();
    gateway = await startBurstGateway();
    const env = burstEnvironment(gateway, {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      OUTBOX_POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
    });
    ({ api, dataSource } = await startApi(env));
    worker = new WorkerProcess(env);
    worker.start();
  });

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await api?.close();
    await gateway?.stop();
    await redis?.cleanup();
    await postgres?.cleanup();
  });

  /** Milliseconds from commit to the gateway, for one notification at a time. */
  async function deliveryLatency(): Promise<number> {
    const [id] = await writeBurst(api, dataSource, 1);
    const written = Date.now();
    await waitUntil(() => deliveryCounts(gateway, [id]).delivered === 1, 30000, 'one notification');
    return Date.now() - written;
  }

  it('SIGKILL of PostgreSQL mid-burst: nothing lost, none twice; the api says SERVICE_UNAVAILABLE; latency back at once', async () => {
    await waitUntil(
      async () => (await deliveryLatency()) < POLL_INTERVAL_MS / 2,
      60000,
      'the worker relaying on NOTIFY',
    );
    const ids = await writeBurst(api, dataSource, BURST);
    await waitUntil(
      () => deliveryCounts(gateway, ids).delivered >= BURST / 4,
      60000,
      'a quarter of the burst',
    );
    postgres.kill();
    const downAt = Date.now();
    const atKill = deliveryCounts(gateway, ids).delivered;

    const answer = await request(api.getHttpServer())
      .post('/graphql')
      .set('x-forwarded-for', uniqueIp())
      .send({
        query: `{ searchServiceOffers(filter: { near: { lat: 44.7, lon: 8.03, radiusKm: 20 } }, first: 5) { items { id } } }`,
      });
    expect(answer.body.errors?.[0]?.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: 5,
    });
    await new Promise((r) => setTimeout(r, Math.max(0, 3000 - (Date.now() - downAt))));

    await postgres.start();
    const upAt = Date.now();
    await waitUntil(
      () => deliveryCounts(gateway, ids).delivered === BURST,
      180000,
      'the burst after PostgreSQL came back',
    );
    const drainMs = Date.now() - upAt;
    // Let retries of sends that were under way at the kill settle, then count.
    await waitUntil(
      async () => {
        const [{ open }] = await dataSource.query(
          `SELECT count(*)::int AS open FROM notifications WHERE id = ANY($1::uuid[]) AND status <> 'sent'`,
          [ids],
        );
        return open === 0;
      },
      60000,
      'every notification recorded as sent',
    );
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) latencies.push(await deliveryLatency());
    latencies.sort((a, b) => a - b);
    const counts = deliveryCounts(gateway, ids);
    process.stdout.write(
      `[faults] PostgreSQL SIGKILL at ${atKill}/${BURST}, down ${upAt - downAt} ms: lost ${counts.lost}, ` +
        `sent twice ${counts.sentTwice}, drained in ${drainMs} ms; delivery latency after recovery ` +
        `p50 ${latencies[2]} ms, max ${latencies[4]} ms (polling alone: up to ${POLL_INTERVAL_MS} ms)\n`,
    );
    process.stdout.write(
      `${faultTable([
        {
          fault: 'PostgreSQL SIGKILL and restart',
          messages: BURST,
          lost: counts.lost,
          sentTwice: counts.sentTwice,
          drainMs,
          note: `killed at ${atKill}/${BURST}; latency after p50 ${latencies[2]} ms`,
        },
      ])}\n`,
    );
    expect(counts).toEqual({ delivered: BURST, lost: 0, sentTwice: 0 });
    expect(latencies[2]).toBeLessThan(POLL_INTERVAL_MS / 2);
  });
});
