import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bullPrefix } from '@prossimo/platform';
import { LoopbackSmsGateway } from '../support/sms-gateway';
import { uniqueIp, uniquePhone } from '../support/stack';
import {
  burstEnvironment,
  deliveryCounts,
  FaultFigures,
  faultTable,
  FaultyLink,
  PrivateRedis,
  queueSettled,
  resentTimes,
  waitUntil,
  startApi,
  startBurstGateway,
  WorkerProcess,
  writeBurst,
} from './fault-support';

// FAULT_BURST=200 for a quick run while developing; the issue's figures are for 2,000.
const BURST = Number(process.env.FAULT_BURST ?? 2000);

/**
 * Exactly-once delivery under faults, against a private Redis and a worker child process (never
 * the shared Redis or worker of the e2e tests). Run with `npm run test:faults` (builds first).
 * The gateway ignores Idempotency-Key, as some providers do: a message POSTed twice reaches the
 * person twice, and counts as sent twice. It has a status lookup (SMS_HTTP_STATUS_URL).
 */
describe('notifications under faults', () => {
  let redis: PrivateRedis;
  let gateway: LoopbackSmsGateway;
  let link: FaultyLink;
  let api: INestApplication;
  let dataSource: DataSource;
  let env: Record<string, string>;
  let worker: WorkerProcess | undefined;
  /** The outbox relay's own process (apps/relay), as deployed; the other tests relay in the worker. */
  let relay: WorkerProcess | undefined;
  const figures: FaultFigures[] = [];

  beforeAll(async () => {
    redis = new PrivateRedis();
    await redis.start();
    gateway = await startBurstGateway();
    link = new FaultyLink(gateway.url);
    await link.start();
    env = burstEnvironment(gateway, {
      REDIS_URL: redis.url,
      SMS_HTTP_URL: link.url,
      OUTBOX_POLL_INTERVAL_MS: '100',
      OTP_MAX_SENDS_PER_IP_PER_HOUR: '1000',
    });
    ({ api, dataSource } = await startApi(env));
  });

  afterEach(async () => {
    await worker?.kill('SIGKILL');
    await relay?.kill('SIGKILL');
    await redis.start().catch(() => undefined);
  });

  afterAll(async () => {
    process.stdout.write(`[faults] summary (${BURST} messages each):\n${faultTable(figures)}\n`);
    await worker?.kill();
    await relay?.kill();
    await api?.close();
    await link?.stop();
    await gateway?.stop();
    await redis?.cleanup();
  });

  function startWorker(extra: Record<string, string> = {}): WorkerProcess {
    worker = new WorkerProcess({ ...env, ...extra });
    worker.start();
    return worker;
  }

  const burst = (count: number) => writeBurst(api, dataSource, count);

  const deliveredOf = (ids: string[]) => deliveryCounts(gateway, ids).delivered;

  /** Waits for every notification (up to a limit), then records lost and sent twice. */
  async function measure(
    fault: string,
    ids: string[],
    recoveredAt: number,
    note?: string,
    settle?: () => Promise<void>,
  ) {
    let drainMs = Number.NaN;
    try {
      await waitUntil(() => deliveredOf(ids) === ids.length, 120000, `${fault}: every message`);
      drainMs = Date.now() - recoveredAt;
      // Counted once nothing is left to run: a late re-send would show only then.
      await settle?.();
    } finally {
      const row = { fault, messages: ids.length, ...deliveryCounts(gateway, ids), drainMs, note };
      figures.push(row);
      process.stdout.write(
        `[faults] ${fault}: lost ${row.lost}, sent twice ${row.sentTwice}, drained in ${drainMs} ms${note ? ` (${note})` : ''}\n`,
      );
    }
  }

  /** Every notification: one outbox row, one message at the gateway, recorded as sent with its id. */
  async function expectExactlyOnce(ids: string[], label: string): Promise<void> {
    const wanted = new Set(ids);
    const [{ rows }] = await dataSource.query(
      `SELECT count(*)::int AS rows FROM outbox WHERE payload->>'notificationId' = ANY($1::text[])`,
      [ids],
    );
    expect(rows).toBe(ids.length);
    const messages = gateway.delivered.filter((message) => wanted.has(message.idempotencyKey));
    expect(messages).toHaveLength(ids.length);
    expect(new Set(messages.map((message) => message.idempotencyKey)).size).toBe(ids.length);
    // Raw requests per key: a retry after a crash re-sends with the same key and the gateway drops it.
    const accepted = new Map<string, number>();
    for (const entry of gateway.requests) {
      if (wanted.has(entry.idempotencyKey) && entry.status === 200) {
        accepted.set(entry.idempotencyKey, (accepted.get(entry.idempotencyKey) ?? 0) + 1);
      }
    }
    const resent = [...accepted.values()].filter((count) => count > 1).length;
    await waitUntil(
      async () => {
        const [{ sent }] = await dataSource.query(
          `SELECT count(*)::int AS sent FROM notifications WHERE id = ANY($1::uuid[]) AND status = 'sent'`,
          [ids],
        );
        return sent === ids.length;
      },
      120000,
      'every notification recorded as sent',
    );
    const recorded: { id: string; gateway_message_id: string }[] = await dataSource.query(
      `SELECT id, gateway_message_id FROM notifications WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byKey = new Map(messages.map((message) => [message.idempotencyKey, message.id]));
    expect(recorded.every((row) => row.gateway_message_id === byKey.get(row.id))).toBe(true);
    process.stdout.write(
      `[faults] ${label}: ${ids.length} outbox rows, ${messages.length} delivered once each; ` +
        `${resent} re-sent after the fault and dropped by the idempotency key\n`,
    );
  }

  it('(a) SIGKILL of the worker mid-burst: every notification delivered exactly once', async () => {
    // The burst is committed first, then the worker starts on it: a worker fast enough to keep up
    // with the writes would otherwise have sent nearly all of it before the kill.
    const ids = await burst(BURST);
    startWorker();
    await waitUntil(() => deliveredOf(ids) >= BURST / 4, 60000, 'a quarter of the burst');
    await worker!.kill('SIGKILL');
    // Requests the worker wrote before it died may still be in this process's socket buffers on a
    // loaded machine: let them land, then nothing may move.
    await new Promise((r) => setTimeout(r, 500));
    const atKill = deliveredOf(ids);
    await new Promise((r) => setTimeout(r, 1000));
    expect(deliveredOf(ids)).toBe(atKill); // nothing moves while it is dead
    const restarted = Date.now();
    startWorker();
    await measure('worker SIGKILL', ids, restarted, `killed at ${atKill}/${BURST}`);
    const drainMs = Date.now() - restarted;
    await expectExactlyOnce(ids, 'worker SIGKILL');
    process.stdout.write(
      `[faults] worker SIGKILL at ${atKill}/${BURST}: drained ${BURST - atKill} in ${drainMs} ms after restart\n`,
    );
    await worker!.kill('SIGTERM');
  });

  it('(b) Redis restart mid-burst: the api keeps accepting requests, then everything drains once', async () => {
    startWorker();
    const first = await burst(BURST / 2);
    await waitUntil(() => deliveredOf(first) >= BURST / 4, 60000, 'a quarter of the burst');
    await redis.stop('SIGTERM');
    const downAt = Date.now();

    // Redis is down: state changes keep committing (outbox rows accumulate) and the api answers.
    const second = await burst(BURST / 2);
    // The GraphQL api keeps answering while Redis is down: reads, and sign-up mutations whose SMS
    // becomes an outbox row (the rate limiter counts locally meanwhile). Each must succeed.
    const server = api.getHttpServer();
    const phones = Array.from({ length: 5 }, () => uniquePhone());
    const answers: { status: number; errors?: unknown; data?: Record<string, unknown> }[] = [];
    for (const phone of phones) {
      const response = await request(server).post('/graphql').set('x-forwarded-for', uniqueIp()).send({
        query: `mutation ($phone: String!) { requestPhoneVerification(input: { phone: $phone }) { phone } }`,
        variables: { phone },
      });
      answers.push({ status: response.status, errors: response.body.errors, data: response.body.data });
      const read = await request(server).post('/graphql').set('x-forwarded-for', uniqueIp()).send({
        query: `{ searchServiceOffers(filter: { near: { lat: 44.7, lon: 8.03, radiusKm: 20 } }, first: 5) { items { id } } }`,
      });
      answers.push({ status: read.status, errors: read.body.errors, data: read.body.data });
    }
    const health = await request(server).get('/health');
    process.stdout.write(
      `[faults] Redis down: ${BURST / 2} notifications committed; ${answers.length} GraphQL requests ` +
        `(5 sign-ups, 5 searches) answered ${answers.filter((a) => a.status === 200 && !a.errors).length} ` +
        `without error; GET /health ${health.status}\n`,
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toBeDefined();
    }
    expect(health.status).toBe(200);
    const [{ waiting }] = await dataSource.query(
      `SELECT count(*)::int AS waiting FROM outbox WHERE dispatched_at IS NULL`,
    );
    expect(waiting).toBeGreaterThanOrEqual(BURST / 2);
    await new Promise((r) => setTimeout(r, Math.max(0, 3000 - (Date.now() - downAt))));

    await redis.start();
    const upAt = Date.now();
    const ids = [...first, ...second];
    await measure('Redis restart (AOF), new rows meanwhile', ids, upAt, `down ${upAt - downAt} ms`);
    const drainMs = Date.now() - upAt;
    // The codes asked for while Redis was down went out once each after it came back.
    await waitUntil(
      () => phones.every((phone) => gateway.messagesTo(phone).length > 0),
      30000,
      'the sign-up codes asked for while Redis was down',
    );
    expect(phones.map((phone) => gateway.messagesTo(phone).length)).toEqual(phones.map(() => 1));
    await expectExactlyOnce(ids, 'Redis restart');
    process.stdout.write(
      `[faults] Redis down ${upAt - downAt} ms: drained in ${drainMs} ms after it came back\n`,
    );
    await worker!.kill('SIGTERM');
  });

  it('(c) gateway answering 500, then too slow: delivered after recovery, none twice', async () => {
    startWorker();
    const ids = await burst(BURST);
    await waitUntil(() => deliveredOf(ids) >= BURST / 4, 60000, 'a quarter of the burst');
    link.mode = 'error';
    await new Promise((r) => setTimeout(r, 3000));
    link.mode = 'slow';
    await new Promise((r) => setTimeout(r, 3000));
    link.mode = 'ok';
    const recovered = Date.now();
    await measure('gateway 500, then too slow', ids, recovered, `${link.faultsInjected} faults injected`);
    const drainMs = Date.now() - recovered;
    await expectExactlyOnce(ids, 'gateway 500 + timeouts');
    const [{ failed }] = await dataSource.query(
      `SELECT count(*)::int AS failed FROM notifications WHERE id = ANY($1::uuid[]) AND status LIKE 'failed%'`,
      [ids],
    );
    expect(failed).toBe(0);
    process.stdout.write(
      `[faults] gateway faults injected ${link.faultsInjected}: drained in ${drainMs} ms after recovery\n`,
    );
    await worker!.kill('SIGTERM');
  });

  /**
   * Redis loses every job while a backlog is queued (the outbox rows are all dispatched): the
   * worker sees its data-loss marker gone, re-creates the schedules and enqueues the lost work
   * again from the outbox.
   */
  async function queueDataLoss(fault: string, loseData: () => Promise<void>): Promise<void> {
    startWorker();
    const ids = await burst(BURST);
    await waitUntil(
      async () => {
        const [{ waiting }] = await dataSource.query(
          `SELECT count(*)::int AS waiting FROM outbox
            WHERE payload->>'notificationId' = ANY($1::text[]) AND dispatched_at IS NULL`,
          [ids],
        );
        return waiting === 0 && deliveredOf(ids) >= BURST / 10;
      },
      60000,
      'the burst dispatched and a tenth delivered',
    );
    const atLoss = deliveredOf(ids);
    await loseData();
    const lostAt = Date.now();
    const connection = new IORedis(redis.url, { maxRetriesPerRequest: null });
    const maintenance = new Queue('maintenance', {
      connection,
      prefix: bullPrefix(env.QUEUE_PREFIX, 'maintenance'),
    });
    try {
      await waitUntil(
        async () => (await maintenance.getJobSchedulers()).length >= 3,
        60000,
        'the schedules re-created',
      );
      const schedulesMs = Date.now() - lostAt;
      await measure(
        fault,
        ids,
        lostAt,
        `${BURST - atLoss} queued at the loss; schedules back in ${schedulesMs} ms`,
      );
      await expectExactlyOnce(ids, fault);
      expect(schedulesMs).toBeLessThan(60000);
    } finally {
      await maintenance.close();
      await connection.quit();
    }
    await worker!.kill('SIGTERM');
  }

  it('(d) Redis restarted without persistence while a backlog is queued: nothing lost, none twice', async () => {
    await queueDataLoss('Redis restarted empty (no persistence)', () => redis.restartEmpty());
  });

  it('(e) Redis FLUSHALL while a backlog is queued: nothing lost, none twice', async () => {
    await queueDataLoss('Redis FLUSHALL', async () => {
      expect(await redis.flushAll()).toBe(true);
    });
  });

  /**
   * Redis with appendfsync everysec (as in production) SIGKILLed mid-burst and started again on
   * its AOF. With `loseLastSecond`, the AOF is cut back to where it stood a second before the kill:
   * what an OS crash, or a kill while an fsync stalls, loses. Jobs completed in that second come back
   * waiting or active (their notifications already sent), jobs added in it are gone (the outbox has
   * them): nothing may be lost, nothing sent twice.
   */
  async function redisKilledWithAof(fault: string, loseLastSecond: boolean): Promise<void> {
    redis.appendfsync = 'everysec';
    await redis.stop('SIGTERM');
    await redis.start();
    try {
      const ids = await burst(BURST);
      // Where the AOF ended, every 50 ms: the cut goes back to the mark a second before the kill.
      const marks: { at: number; mark: ReturnType<PrivateRedis['aofMark']>; delivered: number }[] = [];
      const sampler = setInterval(
        () => marks.push({ at: Date.now(), mark: redis.aofMark(), delivered: deliveredOf(ids) }),
        50,
      );
      startWorker();
      let atKill: number;
      let killedAt: number;
      try {
        await waitUntil(() => deliveredOf(ids) >= BURST / 4, 60000, 'a quarter of the burst');
        await redis.stop('SIGKILL');
        killedAt = Date.now();
        atKill = deliveredOf(ids);
      } finally {
        clearInterval(sampler);
      }
      let note = `killed at ${atKill}/${BURST}`;
      if (loseLastSecond) {
        const before = marks.filter((sample) => sample.at <= killedAt - 1000).pop() ?? marks[0];
        const cut = redis.cutAofTo(before.mark);
        expect(cut).toBeGreaterThan(0);
        note +=
          `; AOF cut back ${killedAt - before.at} ms (${Math.round(cut / 1024)} KiB, ` +
          `${atKill - before.delivered} sends)`;
      }
      await new Promise((r) => setTimeout(r, 1000));
      await redis.start();
      const upAt = Date.now();
      await measure(fault, ids, upAt, `${note}; down ${upAt - killedAt} ms`, async () => {
        const connection = new IORedis(redis.url, { maxRetriesPerRequest: 1 });
        await queueSettled(connection, env.QUEUE_PREFIX, 'notifications').finally(() =>
          connection.disconnect(),
        );
      });
      const resent = resentTimes(gateway, ids, upAt);
      if (resent) process.stdout.write(`[faults] ${fault}: sent twice (ms after the restart): ${resent}\n`);
      await expectExactlyOnce(ids, fault);
      await worker!.kill('SIGTERM');
    } finally {
      redis.appendfsync = 'always';
      await redis.stop('SIGTERM');
      await redis.start();
    }
  }

  it('(f) Redis SIGKILLed mid-burst (AOF every second), restarted on its AOF: nothing lost, none twice', async () => {
    await redisKilledWithAof('Redis SIGKILL, AOF everysec', false);
  });

  it('(g) the same, the last second of the AOF lost: jobs already done come back, none sent twice', async () => {
    await redisKilledWithAof('Redis SIGKILL, AOF everysec, last second lost', true);
  });

  it('(h) SIGTERM while sends hang past the 10 s grace: moved back at once, none lost, none twice', async () => {
    // Sends that take 15 s (the gateway still gets them, late) against a 20 s send timeout: the
    // worker stopping has jobs running when its 10 s for active jobs are up.
    const slowSends = { SMS_HTTP_TIMEOUT_MS: '20000', LOG_LEVEL: 'warn' };
    const stopping = startWorker(slowSends);
    const ids = await burst(BURST);
    await waitUntil(() => deliveredOf(ids) >= BURST / 4, 60000, 'a quarter of the burst');
    link.slowMs = 15000;
    link.mode = 'slow';
    await new Promise((r) => setTimeout(r, 1000));
    const termAt = Date.now();
    await stopping.kill('SIGTERM');
    const exitedAt = Date.now();
    link.mode = 'ok';
    const atStop = deliveredOf(ids);
    const moved = /(\d+) jobs still running after \d+ ms: (\d+) moved back/.exec(stopping.output.join(''));
    startWorker(slowSends);
    await measure(
      'worker SIGTERM, sends hanging past its 10 s',
      ids,
      exitedAt,
      `${moved?.[1] ?? 0} jobs running at 10 s, ${moved?.[2] ?? 0} moved back; exit ${exitedAt - termAt} ms after SIGTERM; ${atStop}/${BURST} sent by then`,
      async () => {
        const connection = new IORedis(redis.url, { maxRetriesPerRequest: 1 });
        await queueSettled(connection, env.QUEUE_PREFIX, 'notifications').finally(() =>
          connection.disconnect(),
        );
      },
    );
    expect(Number(moved?.[2])).toBeGreaterThan(0);
    expect(moved?.[2]).toBe(moved?.[1]);
    await expectExactlyOnce(ids, 'worker SIGTERM, sends hanging');
    await worker!.kill('SIGTERM');
  });

  it('(i) SIGKILL of the relay in its own process mid-stream: the rest relayed after its restart, none twice', async () => {
    // As deployed (npm start, infra/): the worker only delivers, the relay process fills the queue.
    startWorker({ OUTBOX_RELAY_IN_WORKER: 'false' });
    const startRelay = () => {
      relay = new WorkerProcess(env, [], 'relay');
      relay.start();
    };
    startRelay();
    const first = await burst(BURST / 2);
    await waitUntil(() => deliveredOf(first) >= BURST / 8, 60000, 'an eighth of the burst');
    // Killed while it relays the rest of the first half (a pass cut off rolls back, or its jobs
    // are in the queue unmarked: enqueued again with the same job id, one job).
    const second = burst(BURST / 2);
    await relay!.kill('SIGKILL');
    const secondIds = await second;
    await new Promise((r) => setTimeout(r, 1500));
    const undispatched = async () => {
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM outbox WHERE payload->>'notificationId' = ANY($1::text[]) AND dispatched_at IS NULL`,
        [secondIds],
      );
      return count as number;
    };
    // Nothing relays while the relay is dead: the worker, without OUTBOX_RELAY_IN_WORKER, does not.
    expect(await undispatched()).toBeGreaterThan(0);
    const ids = [...first, ...secondIds];
    const restarted = Date.now();
    startRelay();
    await measure(
      'relay process SIGKILL',
      ids,
      restarted,
      `${deliveredOf(ids)}/${BURST} sent at its restart`,
    );
    expect(await undispatched()).toBe(0);
    await expectExactlyOnce(ids, 'relay process SIGKILL');
    await relay!.kill('SIGTERM');
    await worker!.kill('SIGTERM');
  });
});
