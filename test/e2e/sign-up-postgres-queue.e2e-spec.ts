import request from 'supertest';
import { startStackForFile, uniqueIp, uniquePhone } from '../support/stack';

describe('SMS-verified sign-up on the PostgreSQL queue backend (the embedded default)', () => {
  const stack = startStackForFile({ queueBackend: 'postgres' });

  it('runs the whole sign-up with BullMQ jobs stored in PostgreSQL', async () => {
    const phone = uniquePhone();
    const requested = await stack.graphql(
      `mutation ($phone: String!) { requestPhoneVerification(input: { phone: $phone }) { phone } }`,
      { phone },
      { ip: uniqueIp() },
    );
    expect(requested.errors).toBeUndefined();
    const code = await stack.gateway.waitForCode(phone);

    const verified = await stack.graphql<{ verifyPhone: { accessToken: string } }>(
      `mutation ($phone: String!, $code: String!) { verifyPhone(input: { phone: $phone, code: $code }) { accessToken } }`,
      { phone, code },
    );
    expect(verified.errors).toBeUndefined();
    const me = await stack.graphql<{ me: { phoneE164: string } }>(
      '{ me { phoneE164 } }',
      {},
      { token: verified.data!.verifyPhone.accessToken },
    );
    expect(me.data?.me.phoneE164).toBe(phone);

    // The job lives in BullMQ's own schema in the application database.
    const [jobs] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = $1`,
      [`${process.env.QUEUE_PREFIX}_jobs`],
    );
    expect(jobs.count).toBeGreaterThan(0);
  });

  it('reports the PostgreSQL backend as ready', async () => {
    const ready = await request(stack.api.getHttpServer()).get('/ready').expect(200);
    expect(ready.body.info.queue).toEqual({ status: 'up', backend: 'postgres' });
  });

  it('retries through a failing gateway and delivers once', async () => {
    const phone = uniquePhone();
    stack.gateway.failNext(2, 503);
    await stack.graphql(
      `mutation ($phone: String!) { requestPhoneVerification(input: { phone: $phone }) { phone } }`,
      { phone },
      { ip: uniqueIp() },
    );
    await stack.gateway.waitForCode(phone);
    const [notification] = await stack.dataSource.query(`SELECT id FROM notifications WHERE recipient = $1`, [
      phone,
    ]);
    expect(stack.gateway.requests.filter((entry) => entry.idempotencyKey === notification.id)).toHaveLength(
      3,
    );
    expect(stack.gateway.messagesTo(phone)).toHaveLength(1);
  });
});
