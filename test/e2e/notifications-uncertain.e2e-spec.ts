import { randomUUID } from 'node:crypto';
import { JOBS, QueueBackendService } from '@prossimo/platform';
import { queueTestSms, waitUntil } from '../support/fixtures';
import { startStackForFile, TestStack, uniquePhone } from '../support/stack';

/**
 * A send is recorded before it leaves and settled after (issue 16): a message whose attempt may
 * have reached the provider is never POSTed again, even to a provider that ignores
 * Idempotency-Key. The provider's status lookup settles it; without one it becomes 'unknown'.
 */
const ENV = {
  SMS_HTTP_TIMEOUT_MS: '300',
  JOB_ATTEMPTS: '10',
  JOB_BACKOFF_MS: '200',
};

async function statusOf(stack: TestStack, id: string) {
  const [row] = await stack.dataSource.query(
    `SELECT status, gateway_message_id, attempts FROM notifications WHERE id = $1`,
    [id],
  );
  return row as { status: string; gateway_message_id: string | null; attempts: number };
}

const postsOf = (stack: TestStack, id: string) =>
  stack.gateway.requests.filter((entry) => entry.idempotencyKey === id).length;

describe('a send of unknown outcome, provider without status lookup', () => {
  const stack = startStackForFile({ env: ENV });

  beforeAll(async () => {
    stack.gateway.ignoreIdempotencyKey = true;
  });

  it('is not POSTed again after a timeout: it becomes unknown, for an administrator', async () => {
    const phone = uniquePhone();
    stack.gateway.holdNext(1, 1500); // it takes the message, answers after the client gave up
    const id = await queueTestSms(stack, phone);
    await waitUntil(async () => (await statusOf(stack, id)).status === 'unknown', 20000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(stack.gateway.messagesTo(phone)).toHaveLength(1);
    expect(postsOf(stack, id)).toBe(1);
  });
});

describe('a send of unknown outcome, provider with status lookup', () => {
  const stack = startStackForFile({ env: ENV });

  beforeAll(async () => {
    Object.assign(process.env, { SMS_HTTP_STATUS_URL: stack.gateway.statusUrl });
    await stack.stopWorker();
    await stack.startWorker();
    stack.gateway.ignoreIdempotencyKey = true;
  });

  afterAll(async () => {
    delete process.env.SMS_HTTP_STATUS_URL;
  });

  it('after a timeout, is settled by the lookup: recorded as sent with the provider id, POSTed once', async () => {
    const phone = uniquePhone();
    stack.gateway.holdNext(1, 1500);
    const id = await queueTestSms(stack, phone);
    await waitUntil(async () => (await statusOf(stack, id)).status === 'sent', 20000);
    const [message] = stack.gateway.messagesTo(phone);
    expect((await statusOf(stack, id)).gateway_message_id).toBe(message.id);
    expect(stack.gateway.messagesTo(phone)).toHaveLength(1);
    expect(postsOf(stack, id)).toBe(1);
    expect(stack.gateway.lookups).toBeGreaterThan(0);
  });

  it('a job for a notification already sent (one Redis gave back after losing its last second) sends nothing', async () => {
    const phone = uniquePhone();
    const id = await queueTestSms(stack, phone);
    await waitUntil(async () => (await statusOf(stack, id)).status === 'sent', 20000);
    const lookups = stack.gateway.lookups;
    // Another job for the same notification: what a restored AOF or a lagging replica hands back.
    const queue = stack.api.get(QueueBackendService).queue(JOBS.deliverNotification.queue);
    const again = await queue.add(
      JOBS.deliverNotification.name,
      { notificationId: id },
      { jobId: randomUUID() },
    );
    await waitUntil(async () => Boolean((await queue.getJob(again.id as string))?.finishedOn), 20000);
    expect((await queue.getJob(again.id as string))?.returnvalue).toBe('not-pending');
    expect(postsOf(stack, id)).toBe(1);
    expect(stack.gateway.lookups).toBe(lookups);
  });

  it('left sending by an attempt that reached the provider, its status lookup failing at first: settled, never POSTed again', async () => {
    const phone = uniquePhone();
    await stack.stopWorker();
    const id = await queueTestSms(stack, phone);
    // What a worker (or a job given back by a Redis that lost its last second) leaves behind: the
    // row 'sending', the message at the provider.
    const posted = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': id,
        authorization: `Basic ${Buffer.from(`${stack.gateway.username}:${stack.gateway.password}`).toString('base64')}`,
      },
      body: JSON.stringify({ from: 'Prossimo', to: phone, text: 'Promemoria' }),
    });
    expect(posted.status).toBe(200);
    await stack.dataSource.query(
      `UPDATE notifications SET status = 'sending', attempts = 1, updated_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    const lookups = stack.gateway.lookups;
    stack.gateway.failNextLookups(2); // the provider's status service is down for a moment
    await stack.startWorker();
    await waitUntil(async () => (await statusOf(stack, id)).status === 'sent', 30000);
    const [message] = stack.gateway.messagesTo(phone);
    expect((await statusOf(stack, id)).gateway_message_id).toBe(message.id);
    expect(stack.gateway.messagesTo(phone)).toHaveLength(1);
    expect(postsOf(stack, id)).toBe(1);
    expect(stack.gateway.lookups - lookups).toBe(3);
  });

  it('left sending by a worker that died before the POST left: the lookup finds nothing, so it is sent', async () => {
    const phone = uniquePhone();
    await stack.stopWorker();
    const id = await queueTestSms(stack, phone);
    // What a worker killed between its claim and its POST leaves behind.
    await stack.dataSource.query(
      `UPDATE notifications SET status = 'sending', attempts = 1, updated_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    await stack.startWorker();
    await waitUntil(async () => (await statusOf(stack, id)).status === 'sent', 20000);
    expect(stack.gateway.messagesTo(phone)).toHaveLength(1);
    expect(postsOf(stack, id)).toBe(1);
  });
});
