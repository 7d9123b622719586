import { QueueBackendService } from '@prossimo/platform';
import { notifyNeedMatched, ok, SignedInUser, signUp, waitUntil } from '../support/fixtures';
import { LoopbackIoServer } from '../support/io-server';
import { startStackForFile } from '../support/stack';

const UPDATE = `mutation ($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { channels { event channels } } }`;
const SET_CF = `mutation ($cf: String) { setMyCodiceFiscale(input: { codiceFiscale: $cf }) }`;

// Valid personal codes (check characters computed with the official tables).
const CODES = [
  'RSSMRA85T10A562S',
  'BNCGVN80A01H501J',
  'VRDLCU92M45Z404P',
  'MRTMTT25D09F205Z',
  'MRTMTT25D09F20RU',
];

interface Row {
  id: string;
  channel: string;
  status: string;
  attempts: number;
  fallback_id: string | null;
  gateway_message_id: string | null;
}

describe('App IO channel (fake IO on loopback, checked against the contract)', () => {
  const io = new LoopbackIoServer();
  beforeAll(() => io.start());
  const stack = startStackForFile(() => ({
    env: {
      IO_CHANNEL: 'http',
      IO_API_URL: io.url,
      IO_API_KEY: io.apiKey,
      IO_STATUS_DELAY_MS: '0',
      IO_HTTP_TIMEOUT_MS: '2000',
      JOB_ATTEMPTS: '6',
    },
  }));
  afterAll(async () => {
    await io.stop();
    // Every request Prossimo sent and every answer the fake gave kept to IO's contract.
    expect(io.violations).toEqual([]);
  });

  /** A person with a codice fiscale who chose IO, then SMS, for need_matched; no quiet hours. */
  async function personOnIo(codiceFiscale: string): Promise<SignedInUser> {
    const person = await signUp(stack);
    ok(await stack.graphql(SET_CF, { cf: codiceFiscale }, { token: person.token }));
    ok(
      await stack.graphql(
        UPDATE,
        {
          input: {
            quietHoursStart: '00:00',
            quietHoursEnd: '00:00',
            channels: [{ event: 'need_matched', channels: ['IO', 'SMS', 'IN_APP'] }],
          },
        },
        { token: person.token },
      ),
    );
    return person;
  }

  async function rowsOf(userId: string): Promise<Record<string, Row>> {
    const rows: Row[] = await stack.dataSource.query(
      `SELECT id, channel, status, attempts, fallback_id, gateway_message_id FROM notifications
        WHERE user_id = $1 AND event = 'need_matched'`,
      [userId],
    );
    return Object.fromEntries(rows.map((row) => [row.channel, row]));
  }

  async function settled(userId: string, channel: string, statuses: string[]): Promise<Record<string, Row>> {
    await waitUntil(async () => statuses.includes((await rowsOf(userId))[channel]?.status));
    return rowsOf(userId);
  }

  it('IO is chosen only with a codice fiscale; then it is offered in the preferences', async () => {
    const person = await signUp(stack);
    const refused = await stack.graphql(
      UPDATE,
      { input: { channels: [{ event: 'need_matched', channels: ['IO', 'SMS'] }] } },
      { token: person.token },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CODICE_FISCALE_REQUIRED',
      field: 'channels',
    });
    ok(await stack.graphql(SET_CF, { cf: CODES[4] }, { token: person.token }));
    const accepted = ok(
      await stack.graphql<{
        updateNotificationPreferences: { channels: { event: string; channels: string[] }[] };
      }>(
        UPDATE,
        { input: { channels: [{ event: 'need_matched', channels: ['IO', 'SMS'] }] } },
        { token: person.token },
      ),
    );
    expect(
      accepted.updateNotificationPreferences.channels.find((entry) => entry.event === 'need_matched')
        ?.channels,
    ).toEqual(['IO', 'SMS']);
  });

  it('delivered: one message on IO within its length rules, the SMS fallback cancelled, status read back', async () => {
    io.register(CODES[0]);
    const person = await personOnIo(CODES[0]);
    await notifyNeedMatched(stack, person.userId);
    const rows = await settled(person.userId, 'io', ['delivered']);
    expect(rows.io).toMatchObject({ status: 'delivered', fallback_id: rows.sms.id, attempts: 1 });
    expect(rows.sms.status).toBe('cancelled');
    expect(rows.in_app.status).toBe('delivered');
    const [message] = io.messagesTo(CODES[0]);
    expect(io.messagesTo(CODES[0])).toHaveLength(1);
    expect(rows.io.gateway_message_id).toBe(message.id);
    expect(message.content.subject.length).toBeGreaterThanOrEqual(10);
    expect(message.content.markdown).toContain('Giovanni');
    expect(message.content.markdown).toContain('Messaggio di **Prossimo**');
    expect(stack.gateway.messagesTo(person.phone).filter((sms) => sms.text.includes('Giovanni'))).toEqual([]);
  });

  it('not on IO (404): the SMS goes instead', async () => {
    const person = await personOnIo(CODES[1]);
    await notifyNeedMatched(stack, person.userId);
    const rows = await settled(person.userId, 'sms', ['sent', 'delivered']);
    expect(rows.io.status).toBe('failed_permanent');
    expect(io.messagesTo(CODES[1])).toEqual([]);
    expect(
      stack.gateway.messagesTo(person.phone).filter((sms) => sms.text.includes('Giovanni')),
    ).toHaveLength(1);
  });

  it('sender_allowed false: the SMS goes instead, nothing is submitted to IO', async () => {
    io.register(CODES[2], false);
    const person = await personOnIo(CODES[2]);
    await notifyNeedMatched(stack, person.userId);
    const rows = await settled(person.userId, 'sms', ['sent', 'delivered']);
    expect(rows.io.status).toBe('failed_permanent');
    expect(io.messagesTo(CODES[2])).toEqual([]);
    expect(
      stack.gateway.messagesTo(person.phone).filter((sms) => sms.text.includes('Giovanni')),
    ).toHaveLength(1);
  });

  it('429 and 5xx are retried with backoff: sent once in the end, no SMS', async () => {
    io.register(CODES[3]);
    io.failNext('getProfileByPOST', 500);
    io.failNext('submitMessageforUser', 429, 500);
    const person = await personOnIo(CODES[3]);
    await notifyNeedMatched(stack, person.userId);
    const rows = await settled(person.userId, 'io', ['sent', 'delivered']);
    expect(rows.io.attempts).toBe(4);
    expect(rows.sms.status).toBe('cancelled');
    expect(io.messagesTo(CODES[3])).toHaveLength(1);
    expect(io.requests.filter((r) => r.operation === 'submitMessageforUser').map((r) => r.status)).toEqual(
      expect.arrayContaining([429, 500, 201]),
    );
  });

  it('nothing sent twice: a repeated job does nothing, a send cut off by a dead worker is never repeated', async () => {
    const queue = stack.worker!.get(QueueBackendService).queue('io');
    // A repeated job for the message already delivered.
    const [first] = await stack.dataSource.query(
      `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.channel = 'io' AND n.status = 'delivered' LIMIT 1`,
    );
    const before = io.messages.length;
    const again = await queue.add('deliver', { notificationId: first.id }, { jobId: `repeat-${first.id}` });
    await waitUntil(async () => (await queue.getJob(again.id!))?.returnvalue === 'not-pending');

    // A worker died while sending: the notification stayed 'sending'. IO has no idempotency key,
    // so it is not sent again: 'unknown', for an administrator to check (and the SMS stays held).
    const person = await personOnIo('RSSMRA80A01H501U');
    io.register('RSSMRA80A01H501U');
    await stack.stopWorker();
    await notifyNeedMatched(stack, person.userId);
    const rows = await rowsOf(person.userId);
    await stack.dataSource.query(
      `UPDATE notifications SET status = 'sending', attempts = 1, updated_at = now() - interval '1 hour' WHERE id = $1`,
      [rows.io.id],
    );
    await stack.startWorker();
    const after = await settled(person.userId, 'io', ['unknown']);
    expect(after.sms.status).toBe('held');
    expect(io.messagesTo('RSSMRA80A01H501U')).toEqual([]);
    expect(io.messages.length).toBe(before);
  });
});
