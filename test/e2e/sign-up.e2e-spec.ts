import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import request from 'supertest';
import { bullPrefix, OutboxRelayService } from '@prossimo/platform';
import { waitUntil } from '../support/fixtures';
import { startStackForFile, uniqueIp, uniquePhone } from '../support/stack';

const REQUEST_CODE = `mutation ($phone: String!, $language: String) {
  requestPhoneVerification(input: { phone: $phone, language: $language }) { phone expiresAt resendAfterSeconds }
}`;
const VERIFY = `mutation ($phone: String!, $code: String!) {
  verifyPhone(input: { phone: $phone, code: $code }) {
    accessToken refreshToken accessTokenExpiresAt user { id phoneE164 roles { role } }
  }
}`;
const ME = `{ me { id phoneE164 language roles { role territoryId } } }`;
const REFRESH = `mutation ($token: String!) { refreshSession(input: { refreshToken: $token }) { accessToken refreshToken } }`;

interface VerifyData {
  verifyPhone: {
    accessToken: string;
    refreshToken: string;
    user: { id: string; phoneE164: string; roles: { role: string }[] };
  };
}

function errorCodes(result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

describe('SMS-verified sign-up on Redis', () => {
  const stack = startStackForFile({ queueBackend: 'redis' });

  async function requestCode(phone: string, ip = uniqueIp(), language = 'it') {
    const before = stack.gateway.messagesTo(phone).length;
    const result = await stack.graphql(REQUEST_CODE, { phone }, { ip, language });
    expect(result.errors).toBeUndefined();
    return stack.gateway.waitForCode(phone, before);
  }

  it('signs up, sees me, refreshes the session and signs out', async () => {
    const phone = uniquePhone();
    const localForm = `${phone.slice(3, 6)} ${phone.slice(6, 9)} ${phone.slice(9)}`;
    const requested = await stack.graphql(REQUEST_CODE, { phone: localForm }, { ip: uniqueIp() });
    expect(requested.errors).toBeUndefined();
    expect(requested.data).toMatchObject({ requestPhoneVerification: { phone, resendAfterSeconds: 60 } });

    const code = await stack.gateway.waitForCode(phone);
    const sms = stack.gateway.messagesTo(phone)[0];
    expect(sms.text).toContain('il tuo codice di verifica è');
    expect(sms.from).toBe('Prossimo');

    const verified = await stack.graphql<VerifyData>(VERIFY, { phone, code });
    expect(verified.errors).toBeUndefined();
    const session = verified.data!.verifyPhone;
    expect(session.user).toMatchObject({ phoneE164: phone, roles: [{ role: 'CITIZEN' }] });

    const me = await stack.graphql<{ me: { id: string } }>(ME, {}, { token: session.accessToken });
    expect(me.data?.me.id).toBe(session.user.id);
    // Every field of the person and their roles, as stored.
    const full = await stack.graphql<{ me: Record<string, unknown> }>(
      `{ me { id phoneE164 displayName language createdAt roles { id role territoryId organisationId createdAt } } }`,
      {},
      { token: session.accessToken },
    );
    const [stored] = await stack.dataSource.query(
      `SELECT u.created_at, r.id AS role_id, r.created_at AS role_created_at
         FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.id = $1`,
      [session.user.id],
    );
    expect(full.data?.me).toEqual({
      id: session.user.id,
      phoneE164: phone,
      displayName: null,
      language: 'it',
      createdAt: stored.created_at.toISOString(),
      roles: [
        {
          id: stored.role_id,
          role: 'CITIZEN',
          territoryId: null,
          organisationId: null,
          createdAt: stored.role_created_at.toISOString(),
        },
      ],
    });
    expect(errorCodes(await stack.graphql(ME))).toEqual(['UNAUTHENTICATED']);

    const refreshed = await stack.graphql<{ refreshSession: { accessToken: string; refreshToken: string } }>(
      REFRESH,
      {
        token: session.refreshToken,
      },
    );
    expect(refreshed.errors).toBeUndefined();
    const next = refreshed.data!.refreshSession;
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect((await stack.graphql(ME, {}, { token: next.accessToken })).errors).toBeUndefined();

    // A refresh token works once; reusing it ends the whole session family.
    expect(errorCodes(await stack.graphql(REFRESH, { token: session.refreshToken }))).toEqual([
      'SESSION_INVALID',
    ]);
    expect(errorCodes(await stack.graphql(ME, {}, { token: next.accessToken }))).toEqual(['UNAUTHENTICATED']);

    // Sign in again and sign out: the access token and the refresh token stop working.
    const secondCode = await requestCodeAfterCooldown(phone);
    const second = (await stack.graphql<VerifyData>(VERIFY, { phone, code: secondCode })).data!.verifyPhone;
    expect(second.user.id).toBe(session.user.id);
    const signOut = await stack.graphql<{ signOut: boolean }>(
      'mutation { signOut }',
      {},
      { token: second.accessToken },
    );
    expect(signOut.data?.signOut).toBe(true);
    expect(errorCodes(await stack.graphql(ME, {}, { token: second.accessToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await stack.graphql(REFRESH, { token: second.refreshToken }))).toEqual([
      'SESSION_INVALID',
    ]);
  });

  async function requestCodeAfterCooldown(phone: string): Promise<string> {
    await stack.dataSource.query(
      `UPDATE phone_verifications SET created_at = created_at - interval '61 seconds' WHERE phone_e164 = $1`,
      [phone],
    );
    return requestCode(phone);
  }

  it('stores the code only as an HMAC and erases the SMS body once sent', async () => {
    const phone = uniquePhone();
    const code = await requestCode(phone);
    await stack.gateway.waitFor(() => stack.gateway.messagesTo(phone).length === 1);
    const dump: { row: string }[] = await stack.dataSource.query(
      `SELECT row_to_json(v)::text AS row FROM phone_verifications v WHERE phone_e164 = $1
       UNION ALL SELECT row_to_json(n)::text FROM notifications n WHERE recipient = $1
       UNION ALL SELECT row_to_json(o)::text FROM outbox o`,
      [phone],
    );
    for (const { row } of dump) expect(row).not.toContain(code);
    await waitUntil(async () => {
      const [notification] = await stack.dataSource.query(
        `SELECT status, body_encrypted FROM notifications WHERE recipient = $1`,
        [phone],
      );
      return notification.status === 'sent' && notification.body_encrypted === null;
    });
  });

  it('locks a code after five wrong checks, even when the right code comes next', async () => {
    const phone = uniquePhone();
    const code = await requestCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const result = await stack.graphql(VERIFY, { phone, code: wrong });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'OTP_INVALID',
        attemptsRemaining: 5 - attempt,
      });
    }
    expect(errorCodes(await stack.graphql(VERIFY, { phone, code: wrong }))).toEqual(['OTP_LOCKED']);
    expect(errorCodes(await stack.graphql(VERIFY, { phone, code }))).toEqual(['OTP_LOCKED']);
  });

  it('refuses a code that was already used, and an expired one', async () => {
    const phone = uniquePhone();
    const code = await requestCode(phone);
    expect((await stack.graphql(VERIFY, { phone, code })).errors).toBeUndefined();
    expect(errorCodes(await stack.graphql(VERIFY, { phone, code }))).toEqual(['OTP_ALREADY_USED']);

    const other = uniquePhone();
    const otherCode = await requestCode(other);
    await stack.dataSource.query(
      `UPDATE phone_verifications SET expires_at = now() - interval '1 second' WHERE phone_e164 = $1`,
      [other],
    );
    expect(errorCodes(await stack.graphql(VERIFY, { phone: other, code: otherCode }))).toEqual([
      'OTP_EXPIRED',
    ]);
  });

  it('a new code replaces the previous one', async () => {
    const phone = uniquePhone();
    const first = await requestCode(phone);
    const second = await requestCodeAfterCooldown(phone);
    if (first !== second) {
      expect(errorCodes(await stack.graphql(VERIFY, { phone, code: first }))).toEqual(['OTP_INVALID']);
    }
    expect((await stack.graphql(VERIFY, { phone, code: second })).errors).toBeUndefined();
  });

  it('enforces 60 s between sends, 3 per 15 minutes and 10 per day per number', async () => {
    const phone = uniquePhone();
    await requestCode(phone);
    const tooSoon = await stack.graphql(REQUEST_CODE, { phone }, { ip: uniqueIp() });
    expect(tooSoon.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', field: 'phone' });
    expect(tooSoon.errors?.[0].message).toMatch(/Riprova tra \d+ secondi/);

    await requestCodeAfterCooldown(phone);
    await requestCodeAfterCooldown(phone);
    await stack.dataSource.query(
      `UPDATE phone_verifications SET created_at = created_at - interval '61 seconds' WHERE phone_e164 = $1`,
      [phone],
    );
    expect(errorCodes(await stack.graphql(REQUEST_CODE, { phone }, { ip: uniqueIp() }))).toEqual([
      'RATE_LIMITED',
    ]);

    // Ten sends spread over the day (older than 15 minutes) also stop the number for the day.
    await stack.dataSource.query(
      `INSERT INTO phone_verifications (phone_e164, code_hmac, requester_ip_hmac, expires_at, created_at)
       SELECT $1, '\\x00', '\\x00', now(), now() - interval '2 hours' FROM generate_series(1, 7)`,
      [phone],
    );
    await stack.dataSource.query(
      `UPDATE phone_verifications SET created_at = now() - interval '1 hour' WHERE phone_e164 = $1`,
      [phone],
    );
    expect(errorCodes(await stack.graphql(REQUEST_CODE, { phone }, { ip: uniqueIp() }))).toEqual([
      'RATE_LIMITED',
    ]);
  });

  it('allows at most 20 sends per hour from one client IP', async () => {
    const ip = uniqueIp();
    await stack.dataSource.query(
      `DELETE FROM phone_verifications WHERE created_at > now() - interval '1 hour'`,
    );
    const outcomes: unknown[] = [];
    for (let index = 0; index < 21; index += 1) {
      const result = await stack.graphql(REQUEST_CODE, { phone: uniquePhone() }, { ip });
      outcomes.push(result.errors ? errorCodes(result)[0] : 'SENT');
    }
    expect(outcomes.filter((outcome) => outcome === 'SENT')).toHaveLength(20);
    expect(outcomes[20]).toBe('RATE_LIMITED');
  });

  it('holds the limits when one document sends many aliases at once', async () => {
    const phone = uniquePhone();
    const aliases = Array.from(
      { length: 8 },
      (_, index) => `a${index}: requestPhoneVerification(input: { phone: "${phone}" }) { phone }`,
    );
    // Mutation fields run one after another, and the first refusal ends the document.
    const burst = await stack.graphql(`mutation { ${aliases.join('\n')} }`, {}, { ip: uniqueIp() });
    expect(errorCodes(burst)).toEqual(['RATE_LIMITED']);
    const code = await stack.gateway.waitForCode(phone);
    expect(await countVerifications(phone)).toBe(1);

    const wrong = code === '000000' ? '111111' : '000000';
    const checks = Array.from(
      { length: 8 },
      (_, index) => `c${index}: verifyPhone(input: { phone: "${phone}", code: "${wrong}" }) { accessToken }`,
    );
    for (let document = 1; document <= 4; document += 1) {
      const codes = errorCodes(await stack.graphql(`mutation { ${checks.join('\n')} }`));
      expect(codes).toEqual(['OTP_INVALID']);
      expect(await failedChecks(phone)).toBe(document);
    }
    expect(errorCodes(await stack.graphql(`mutation { ${checks.join('\n')} }`))).toEqual(['OTP_LOCKED']);
    expect(await failedChecks(phone)).toBe(5);
    expect(errorCodes(await stack.graphql(VERIFY, { phone, code }))).toEqual(['OTP_LOCKED']);
  });

  it('holds the limits when many requests for one number arrive at the same moment', async () => {
    const phone = uniquePhone();
    const sends = await Promise.all(
      Array.from({ length: 12 }, () => stack.graphql(REQUEST_CODE, { phone }, { ip: uniqueIp() })),
    );
    expect(sends.filter((result) => !result.errors)).toHaveLength(1);
    expect(sends.flatMap(errorCodes)).toEqual(Array(11).fill('RATE_LIMITED'));
    const code = await stack.gateway.waitForCode(phone);
    expect(await countVerifications(phone)).toBe(1);

    const wrong = code === '000000' ? '111111' : '000000';
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () => stack.graphql(VERIFY, { phone, code: wrong })),
    );
    const codes = guesses.flatMap(errorCodes);
    expect(codes.filter((c) => c === 'OTP_INVALID')).toHaveLength(4);
    expect(codes.filter((c) => c === 'OTP_LOCKED')).toHaveLength(8);
    expect(await failedChecks(phone)).toBe(5);
  });

  async function countVerifications(phone: string): Promise<number> {
    const [row] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM phone_verifications WHERE phone_e164 = $1`,
      [phone],
    );
    return row.count;
  }

  async function failedChecks(phone: string): Promise<number> {
    const [row] = await stack.dataSource.query(
      `SELECT failed_checks FROM phone_verifications WHERE phone_e164 = $1`,
      [phone],
    );
    return row.failed_checks;
  }

  it('answers in English when asked, and names the field of bad input', async () => {
    const invalid = await stack.graphql(REQUEST_CODE, { phone: '12' }, { language: 'en' });
    expect(invalid.errors?.[0]).toMatchObject({
      message: expect.stringContaining('The phone number is not valid'),
      extensions: { code: 'PHONE_INVALID', field: 'phone' },
    });
    const foreign = await stack.graphql(REQUEST_CODE, { phone: '+44 7911 123456' });
    expect(foreign.errors?.[0]).toMatchObject({
      message: expect.stringContaining('+39'),
      extensions: { code: 'PHONE_COUNTRY_NOT_ALLOWED', field: 'phone' },
    });
    const tooLong = await stack.graphql(REQUEST_CODE, { phone: '3'.repeat(40) });
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });
    const badCode = await stack.graphql(VERIFY, { phone: uniquePhone(), code: 'abc' });
    expect(badCode.errors?.[0].extensions).toMatchObject({ code: 'FIELD_INVALID', field: 'code' });
  });

  it('sends the SMS in English when the person asks for it', async () => {
    const phone = uniquePhone();
    await stack.graphql(REQUEST_CODE, { phone, language: 'en' }, { ip: uniqueIp() });
    await stack.gateway.waitForCode(phone);
    expect(stack.gateway.messagesTo(phone)[0].text).toContain('your verification code is');
  });

  it('retries a failing gateway with backoff and delivers once', async () => {
    const phone = uniquePhone();
    stack.gateway.failNext(2, 500);
    await requestCode(phone);
    const [notification] = await stack.dataSource.query(`SELECT id FROM notifications WHERE recipient = $1`, [
      phone,
    ]);
    const attempts = stack.gateway.requests.filter((entry) => entry.idempotencyKey === notification.id);
    expect(attempts.map((entry) => entry.status)).toEqual([500, 500, 200]);
    expect(stack.gateway.messagesTo(phone)).toHaveLength(1);
  });

  it('does not retry a permanent refusal, and keeps it visible', async () => {
    const phone = uniquePhone();
    stack.gateway.failNext(1, 400);
    await stack.graphql(REQUEST_CODE, { phone }, { ip: uniqueIp() });
    await waitUntil(async () => {
      const [row] = await stack.dataSource.query(`SELECT status FROM notifications WHERE recipient = $1`, [
        phone,
      ]);
      return row?.status === 'failed_permanent';
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [notification] = await stack.dataSource.query(
      `SELECT id, attempts FROM notifications WHERE recipient = $1`,
      [phone],
    );
    expect(stack.gateway.requests.filter((entry) => entry.idempotencyKey === notification.id)).toHaveLength(
      1,
    );
    expect(notification.attempts).toBe(1);
  });

  it('keeps a row due weeks ahead in the outbox without stopping the relay for the others', async () => {
    // A job delay must fit in 32 bits of milliseconds (24.8 days); a reminder 60 days ahead once
    // failed the relay's whole batch, and no SMS went out after it.
    const [far]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO outbox (queue, job_name, payload, available_at)
       VALUES ('maintenance', 'purge', '{}', now() + interval '60 days') RETURNING id`,
    );
    const phone = uniquePhone();
    await stack.graphql(REQUEST_CODE, { phone }, { ip: uniqueIp() });
    await stack.gateway.waitFor(() => stack.gateway.messagesTo(phone).length === 1);
    const [row]: { dispatched_at: Date | null }[] = await stack.dataSource.query(
      `SELECT dispatched_at FROM outbox WHERE id = $1`,
      [far.id],
    );
    expect(row.dispatched_at).toBeNull();
  });

  it('sends exactly once when a relay crashed after enqueuing but before marking the row', async () => {
    const relay = stack.worker!.get(OutboxRelayService);
    await relay.stop();
    const phone = uniquePhone();
    await stack.graphql(REQUEST_CODE, { phone }, { ip: uniqueIp() });
    const [row] = await stack.dataSource.query(
      `SELECT o.id, o.payload FROM outbox o JOIN notifications n ON n.id = (o.payload->>'notificationId')::uuid
        WHERE n.recipient = $1`,
      [phone],
    );
    // What a relay does before it dies: the job is in the queue, the row is not marked dispatched.
    const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const queue = new Queue('notifications', {
      connection,
      prefix: bullPrefix(process.env.QUEUE_PREFIX!, 'notifications'),
    });
    await queue.add('deliver', row.payload, { jobId: row.id });
    await stack.gateway.waitFor(() => stack.gateway.messagesTo(phone).length === 1);

    relay.start();
    await waitUntil(async () => {
      const [outbox] = await stack.dataSource.query(`SELECT dispatched_at FROM outbox WHERE id = $1`, [
        row.id,
      ]);
      return outbox.dispatched_at !== null;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const [notification] = await stack.dataSource.query(`SELECT id FROM notifications WHERE recipient = $1`, [
      phone,
    ]);
    expect(stack.gateway.requests.filter((entry) => entry.idempotencyKey === notification.id)).toHaveLength(
      1,
    );
    await queue.close();
    await connection.quit();
  });

  it('answers liveness and readiness', async () => {
    await request(stack.api.getHttpServer()).get('/health').expect(200);
    const ready = await request(stack.api.getHttpServer()).get('/ready').expect(200);
    expect(ready.body.info).toMatchObject({
      database: { status: 'up' },
      queue: { status: 'up', backend: 'redis' },
    });
  });
});
