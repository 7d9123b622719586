import { grantRole, notifyNeedMatched, SignedInUser, signUp, withoutQuietHours } from '../support/fixtures';
import { LoopbackSmtpServer, UNKNOWN_MAILBOX_DOMAIN } from '../support/smtp-server';
import { startStackForFile } from '../support/stack';

const PREFERENCES = `{ myNotificationPreferences { email channels { event channels } } }`;
const UPDATE = `mutation ($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { email language channels { event channels } } }`;
const FAILED = `{ failedNotifications(first: 50) { items { id channel status recipient lastError } } }`;
const EMAIL_FROM = 'Prossimo Test <notifiche@prossimo.example.org>';

type Errors = { errors?: { extensions?: Record<string, unknown> }[] };
const codes = (result: Errors) => (result.errors ?? []).map((error) => error.extensions?.code);

describe('notifications by e-mail (SMTP on loopback)', () => {
  const smtp = new LoopbackSmtpServer();
  beforeAll(() => smtp.start());
  const stack = startStackForFile(() => ({
    env: { SMTP_URL: smtp.url, EMAIL_FROM, SMTP_TIMEOUT_MS: '3000' },
  }));
  afterAll(() => smtp.stop());
  let user: SignedInUser;

  beforeAll(async () => {
    user = await signUp(stack);
    // Quiet hours never hold e-mail, but keep SMS out of the way of the counts below.
    await withoutQuietHours(stack, user);
  });

  async function statusOf(
    id: string,
  ): Promise<{ status: string; channel: string; gateway_message_id: string }> {
    const [row] = await stack.dataSource.query(
      `SELECT status, channel, gateway_message_id FROM notifications WHERE id = $1`,
      [id],
    );
    return row;
  }

  it('refuses a malformed address, and e-mail chosen without an address, naming the field', async () => {
    const malformed = await stack.graphql(
      UPDATE,
      { input: { email: 'maria.rossi@' } },
      { token: user.token },
    );
    expect(codes(malformed)).toEqual(['VALIDATION_FAILED']);
    expect(JSON.stringify(malformed.errors)).toContain('email');

    const withoutAddress = await stack.graphql(
      UPDATE,
      { input: { channels: [{ event: 'need_matched', channels: ['EMAIL'] }], language: 'en' } },
      { token: user.token },
    );
    expect(codes(withoutAddress)).toEqual(['EMAIL_REQUIRED']);
    expect(withoutAddress.errors?.[0].extensions?.field).toBe('email');
    // Nothing of the refused change was kept (one transaction).
    const after = await stack.graphql<{
      myNotificationPreferences: { email: string | null; channels: { event: string; channels: string[] }[] };
    }>(PREFERENCES, {}, { token: user.token });
    expect(after.data!.myNotificationPreferences.email).toBeNull();
    expect(
      after.data!.myNotificationPreferences.channels.find((entry) => entry.event === 'need_matched')!
        .channels,
    ).toEqual(['SMS', 'IN_APP']);
  });

  it('sends the chosen event by e-mail only, in the chosen language, received once with subject and text', async () => {
    const address = `maria.${Date.now()}@Esempio.IT`;
    const updated = await stack.graphql<{ updateNotificationPreferences: { email: string } }>(
      UPDATE,
      {
        input: {
          email: ` ${address} `,
          language: 'en',
          channels: [{ event: 'need_matched', channels: ['EMAIL'] }],
        },
      },
      { token: user.token },
    );
    expect(updated.errors).toBeUndefined();
    const stored = address.replace('Esempio.IT', 'esempio.it');
    expect(updated.data!.updateNotificationPreferences.email).toBe(stored);

    const smsBefore = stack.gateway.messagesTo(user.phone).length;
    const ids = await notifyNeedMatched(stack, user.userId);
    expect(ids).toHaveLength(1);
    const [id] = ids;
    await smtp.waitFor(() => smtp.received.some((message) => message.messageId.includes(id)));
    // Give a duplicate time to show up: there must be none.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const received = smtp.received.filter((message) => message.messageId.includes(id));
    expect(received).toHaveLength(1);
    const [email] = received;
    expect(email.to).toEqual([stored]);
    expect(email.from).toBe('notifiche@prossimo.example.org');
    expect(email.subject).toBe('You found help: Visita cardiologica');
    expect(email.text).toContain('Giovanni will help you with "Visita cardiologica" domani alle 10:30.');
    expect(email.text).toContain('The Prossimo team');
    expect(email.raw).toContain(`X-Prossimo-Notification: ${id}`);
    // E-mail only: no SMS for this event.
    expect(stack.gateway.messagesTo(user.phone)).toHaveLength(smsBefore);

    const row = await statusOf(id);
    expect(row).toMatchObject({ status: 'sent', channel: 'email' });
    expect(row.gateway_message_id).toBe(email.messageId);
  });

  it('marks a refused mailbox failed for good, without retrying, and shows it masked to admins', async () => {
    const other = await signUp(stack);
    const address = `nessuno@${UNKNOWN_MAILBOX_DOMAIN}`;
    expect(
      (
        await stack.graphql(
          UPDATE,
          { input: { email: address, channels: [{ event: 'need_matched', channels: ['EMAIL'] }] } },
          { token: other.token },
        )
      ).errors,
    ).toBeUndefined();
    const [id] = await notifyNeedMatched(stack, other.userId);
    let row = await statusOf(id);
    for (let i = 0; i < 200 && row.status !== 'failed_permanent'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      row = await statusOf(id);
    }
    expect(row.status).toBe('failed_permanent');
    const [{ attempts, last_error }] = await stack.dataSource.query(
      `SELECT attempts, last_error FROM notifications WHERE id = $1`,
      [id],
    );
    expect(attempts).toBe(1);
    expect(last_error).toBe('SMTP server answered 550');

    const admin = await signUp(stack);
    await grantRole(stack.dataSource, admin.userId, 'platform_admin');
    const failed = await stack.graphql<{
      failedNotifications: { items: { id: string; channel: string; recipient: string }[] };
    }>(FAILED, {}, { token: admin.token });
    const listed = failed.data!.failedNotifications.items.find((item) => item.id === id);
    expect(listed).toMatchObject({ channel: 'email', recipient: `***@${UNKNOWN_MAILBOX_DOMAIN}` });
  });

  it('removing the address is refused while an event still uses e-mail, and allowed after', async () => {
    expect(
      codes(await stack.graphql(UPDATE, { input: { removeEmail: true } }, { token: user.token })),
    ).toEqual(['EMAIL_REQUIRED']);
    const removed = await stack.graphql<{ updateNotificationPreferences: { email: string | null } }>(
      UPDATE,
      { input: { removeEmail: true, channels: [{ event: 'need_matched', channels: ['SMS'] }] } },
      { token: user.token },
    );
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.updateNotificationPreferences.email).toBeNull();
  });
});
