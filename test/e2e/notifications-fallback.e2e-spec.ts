import { queueTestSms } from '../support/fixtures';
import { LoopbackSmsGateway } from '../support/sms-gateway';
import { startStackForFile, uniquePhone } from '../support/stack';

describe('SMS fallback gateway behind a circuit breaker', () => {
  const fallback = new LoopbackSmsGateway('fallback', 'fallback-secret');
  beforeAll(() => fallback.start());
  const stack = startStackForFile(() => ({
    env: {
      SMS_FALLBACK_HTTP_URL: fallback.url,
      SMS_FALLBACK_HTTP_USERNAME: fallback.username,
      SMS_FALLBACK_HTTP_PASSWORD: fallback.password,
      SMS_BREAKER_FAILURE_THRESHOLD: '3',
      SMS_BREAKER_COOLDOWN_MS: '1500',
      JOB_ATTEMPTS: '10',
      WORKER_CONCURRENCY: '1',
    },
  }));
  afterAll(() => fallback.stop());

  const send = (phone: string) => queueTestSms(stack, phone);

  it('switches to the fallback while the primary keeps failing, then probes and returns', async () => {
    // Primary down: three consecutive failures open the circuit; the retry goes to the fallback.
    stack.gateway.failNext(1000, 503);
    const phone = uniquePhone();
    const id = await send(phone);
    await fallback.waitFor(() => fallback.messagesTo(phone).length === 1);
    expect(stack.gateway.delivered.some((m) => m.idempotencyKey === id)).toBe(false);
    expect(stack.gateway.requests.filter((r) => r.idempotencyKey === id)).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 200));
    const [row] = await stack.dataSource.query(`SELECT status, gateway FROM notifications WHERE id = $1`, [
      id,
    ]);
    expect(row).toEqual({ status: 'sent', gateway: 'fallback' });

    // While open, new messages go straight to the fallback.
    const second = uniquePhone();
    await send(second);
    await fallback.waitFor(() => fallback.messagesTo(second).length === 1);

    // Primary back: after the cool-down one probe goes to it and closes the circuit.
    stack.gateway.failNext(0);
    await new Promise((r) => setTimeout(r, 1600));
    const third = uniquePhone();
    await send(third);
    await stack.gateway.waitFor(() => stack.gateway.messagesTo(third).length === 1);
    expect(fallback.messagesTo(third)).toHaveLength(0);
  });
});
