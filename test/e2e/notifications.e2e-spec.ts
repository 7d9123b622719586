import { randomBytes, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import request from 'supertest';
import WebSocket from 'ws';
import { DomainError } from '@prossimo/platform';
import { NotificationsService, signWebhook, SmsReplyService } from '@prossimo/notifications';
import { grantRole, SignedInUser, signUp, withoutQuietHours } from '../support/fixtures';
import { startStackForFile, uniquePhone } from '../support/stack';

const WEBHOOK_SECRET = randomBytes(32).toString('hex');

const PREFERENCES = `{ myNotificationPreferences { language quietHoursStart quietHoursEnd
  channels { event channels } familyContact { name phone consentAt } } }`;
const UPDATE = `mutation ($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { language quietHoursStart quietHoursEnd
    channels { event channels } familyContact { name phone } } }`;
const MY = `query ($unreadOnly: Boolean) { myNotifications(first: 10, unreadOnly: $unreadOnly) {
  unreadCount items { id event body readAt } pageInfo { hasNextPage } } }`;
const FAILED = `{ failedNotifications(first: 50) { items { id status event recipient lastError } } }`;
const REPLAY = `mutation ($id: ID!) { replayNotification(id: $id) { id status } }`;

function codes(result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/** "HH:MM" in Rome, `offsetMinutes` from now. */
function romeTime(offsetMinutes: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + offsetMinutes * 60_000));
}

describe('notifications', () => {
  const stack = startStackForFile({ env: { SMS_WEBHOOK_SECRET: WEBHOOK_SECRET } });
  let notifications: NotificationsService;
  let user: SignedInUser;

  beforeAll(async () => {
    notifications = stack.api.get(NotificationsService);
    user = await signUp(stack);
    // Quiet hours around now would hold the SMS these tests wait for; tests that need them set them.
    await withoutQuietHours(stack, user);
  });

  function notify(
    userId: string,
    event: Parameters<NotificationsService['notifyUser']>[1]['event'],
    extra = {},
  ) {
    return stack.dataSource.transaction((manager) =>
      notifications.notifyUser(manager, {
        userId,
        event,
        params: {
          summary: 'Visita cardiologica',
          when: 'domani alle 10:30',
          helper: 'Giovanni',
          time: '10:30',
          who: 'Giovanni',
          place: 'Alba',
          contact: '0173 000',
          citizen: 'Maria',
        },
        ...extra,
      }),
    );
  }

  async function statusOf(id: string): Promise<{ status: string; gateway_message_id: string | null }> {
    const [row] = await stack.dataSource.query(
      `SELECT status, gateway_message_id FROM notifications WHERE id = $1`,
      [id],
    );
    return row;
  }

  function postSigned(path: string, body: unknown, secret = WEBHOOK_SECRET) {
    const raw = JSON.stringify(body);
    return request(stack.api.getHttpServer())
      .post(path)
      .set('content-type', 'application/json')
      .set('x-prossimo-signature', signWebhook(secret, raw))
      .send(raw);
  }

  describe('preferences', () => {
    it('shows defaults, then stores channels, language, quiet hours and a consenting family contact', async () => {
      const other = await signUp(stack);
      const defaults = await stack.graphql<{ myNotificationPreferences: Record<string, unknown> }>(
        PREFERENCES,
        {},
        { token: other.token },
      );
      expect(defaults.errors).toBeUndefined();
      expect(defaults.data!.myNotificationPreferences).toMatchObject({
        language: 'it',
        quietHoursStart: '21:00',
        quietHoursEnd: '08:00',
        familyContact: null,
      });
      expect(defaults.data!.myNotificationPreferences.channels).toContainEqual({
        event: 'proposal_new',
        channels: ['SMS', 'IN_APP'],
      });

      const noConsent = await stack.graphql(
        UPDATE,
        { input: { familyContact: { name: 'Luca', phone: '347 123 4567', consent: false } } },
        { token: other.token },
      );
      expect(codes(noConsent)).toEqual(['FAMILY_CONSENT_REQUIRED']);
      expect(noConsent.errors?.[0].extensions?.field).toBe('familyContact.consent');
      const badTime = await stack.graphql(
        UPDATE,
        { input: { quietHoursStart: '25:00' } },
        { token: other.token },
      );
      expect(codes(badTime)).toEqual(['VALIDATION_FAILED']);

      const familyPhone = uniquePhone();
      const updated = await stack.graphql<{ updateNotificationPreferences: Record<string, unknown> }>(
        UPDATE,
        {
          input: {
            language: 'en',
            quietHoursStart: '22:30',
            quietHoursEnd: '07:15',
            // Pickup news for the family is opt-in.
            channels: [
              { event: 'rating_request', channels: ['IN_APP'] },
              { event: 'family_pickup', channels: ['SMS'] },
            ],
            familyContact: { name: 'Luca', phone: familyPhone.slice(3), consent: true },
          },
        },
        { token: other.token },
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data!.updateNotificationPreferences).toMatchObject({
        language: 'en',
        quietHoursStart: '22:30',
        quietHoursEnd: '07:15',
        familyContact: { name: 'Luca', phone: familyPhone },
      });
      expect(updated.data!.updateNotificationPreferences.channels).toContainEqual({
        event: 'rating_request',
        channels: ['IN_APP'],
      });

      // The family contact receives updates only with consent; the text follows the user's language.
      const familyId = await stack.dataSource.transaction((manager) =>
        notifications.notifyFamily(manager, {
          userId: other.userId,
          event: 'family_pickup',
          params: { time: '09:10', helper: 'Giovanni', person: 'Anna', summary: 'Visita' },
          urgent: true,
        }),
      );
      expect(familyId).not.toBeNull();
      await stack.gateway.waitFor(() => stack.gateway.messagesTo(familyPhone).length === 1);
      expect(stack.gateway.messagesTo(familyPhone)[0].text).toBe(
        'Prossimo: at 09:10 Giovanni picked up Anna for "Visita".',
      );

      // rating_request now goes in-app only.
      const ids = await notify(other.userId, 'rating_request', {
        params: { summary: 'Visita', helper: 'Giovanni', link: 'x' },
      });
      const [{ channels }] = await stack.dataSource.query(
        `SELECT array_agg(channel) AS channels FROM notifications WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      expect(channels).toEqual(['in_app']);
    });

    it('holds an SMS during quiet hours until their end, but not an OTP or an urgent one', async () => {
      const sleepy = await signUp(stack);
      const start = romeTime(-60);
      const end = romeTime(60);
      const set = await stack.graphql(
        UPDATE,
        { input: { quietHoursStart: start, quietHoursEnd: end } },
        { token: sleepy.token },
      );
      expect(set.errors).toBeUndefined();

      const [held] = await notify(sleepy.userId, 'reminder_day_before');
      const [urgent] = await notify(sleepy.userId, 'reminder_hour_before', { urgent: true });
      const otp = await stack.dataSource.transaction((manager) =>
        notifications.queueInTransaction(manager, {
          userId: sleepy.userId,
          channel: 'sms',
          recipient: sleepy.phone,
          event: 'otp',
          language: 'it',
          params: { code: '123456', minutes: 10 },
          sensitive: true,
        }),
      );
      const availability = async (id: string) => {
        const [row] = await stack.dataSource.query(
          `SELECT extract(epoch FROM available_at - created_at)::int AS held_seconds,
                  to_char(available_at AT TIME ZONE 'Europe/Rome', 'HH24:MI') AS local
             FROM outbox WHERE payload->>'notificationId' = $1`,
          [id],
        );
        return row as { held_seconds: number; local: string };
      };
      const heldRow = await availability(held);
      expect(heldRow.local).toBe(end);
      expect(heldRow.held_seconds).toBeGreaterThan(55 * 60);
      expect((await availability(urgent)).held_seconds).toBe(0);
      expect((await availability(otp)).held_seconds).toBe(0);
      await stack.gateway.waitFor(() => stack.gateway.messagesTo(sleepy.phone).length >= 3); // sign-up OTP + 2
      expect((await statusOf(held)).status).toBe('pending');
    });
  });

  describe('in-app', () => {
    it('lists with the unread count, marks read, and pushes live over graphql-ws', async () => {
      const reader = await signUp(stack);
      await stack.graphql(
        UPDATE,
        { input: { channels: [{ event: 'need_matched', channels: ['IN_APP'] }] } },
        { token: reader.token },
      );

      const port = (stack.api.getHttpServer().address() as AddressInfo).port;
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${reader.token}` },
        retryAttempts: 0,
      });
      const received: { id: string; body: string }[] = [];
      const subscribed = new Promise<void>((resolve, reject) => {
        client.subscribe<{ notificationReceived: { id: string; body: string } }>(
          { query: 'subscription { notificationReceived { id event body } }' },
          {
            next: (message) => received.push(message.data!.notificationReceived),
            error: reject,
            complete: () => undefined,
          },
        );
        setTimeout(resolve, 500); // the subscription registers its listener before this
      });
      await subscribed;

      // Nothing yet: the count comes back (0) with an empty page.
      const empty = await stack.graphql<{
        myNotifications: { unreadCount: number; items: unknown[]; pageInfo: { hasNextPage: boolean } };
      }>(MY, {}, { token: reader.token });
      expect(empty.data!.myNotifications).toEqual({
        unreadCount: 0,
        items: [],
        pageInfo: { hasNextPage: false },
      });

      const [first] = await notify(reader.userId, 'need_matched');
      const [second] = await notify(user.userId, 'need_matched'); // someone else's: not pushed to reader
      expect(second).toBeDefined();
      const deadline = Date.now() + 5000;
      while (received.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      expect(received.map((n) => n.id)).toEqual([first]);
      expect(received[0].body).toBe('Giovanni ti aiuterà per "Visita cardiologica" domani alle 10:30.');
      await client.dispose();

      const listed = await stack.graphql<{
        myNotifications: { unreadCount: number; items: { id: string; readAt: string | null }[] };
      }>(MY, {}, { token: reader.token });
      expect(listed.errors).toBeUndefined();
      expect(listed.data!.myNotifications.unreadCount).toBe(1);
      expect(listed.data!.myNotifications.items.map((n) => n.id)).toEqual([first]);
      expect((await statusOf(first)).status).toBe('delivered');

      // Marking someone else's notification does nothing.
      const marked = await stack.graphql<{ markNotificationsRead: number }>(
        `mutation ($ids: [ID!]!) { markNotificationsRead(input: { ids: $ids }) }`,
        { ids: [first, second] },
        { token: reader.token },
      );
      expect(marked.data?.markNotificationsRead).toBe(0);
      const [{ read_at }] = await stack.dataSource.query(`SELECT read_at FROM notifications WHERE id = $1`, [
        second,
      ]);
      expect(read_at).toBeNull();
      const unread = await stack.graphql<{
        myNotifications: { unreadCount: number; items: unknown[]; pageInfo: { hasNextPage: boolean } };
      }>(MY, { unreadOnly: true }, { token: reader.token });
      expect(unread.data!.myNotifications).toEqual({
        unreadCount: 0,
        items: [],
        pageInfo: { hasNextPage: false },
      });
      // Read ones stay listed, newest first, pages of `first` with their cursor.
      const [third] = await notify(reader.userId, 'need_matched');
      const PAGE = `query ($after: String) { myNotifications(first: 1, after: $after) {
        unreadCount items { id readAt } pageInfo { hasNextPage endCursor } } }`;
      type Listed = {
        myNotifications: {
          unreadCount: number;
          items: { id: string; readAt: string | null }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      const one = await stack.graphql<Listed>(PAGE, {}, { token: reader.token });
      expect(one.data!.myNotifications.items.map((n) => n.id)).toEqual([third]);
      expect(one.data!.myNotifications.unreadCount).toBe(1);
      expect(one.data!.myNotifications.pageInfo.hasNextPage).toBe(true);
      const two = await stack.graphql<Listed>(
        PAGE,
        { after: one.data!.myNotifications.pageInfo.endCursor },
        { token: reader.token },
      );
      expect(two.data!.myNotifications.items.map((n) => n.id)).toEqual([first]);
      expect(two.data!.myNotifications.items[0].readAt).not.toBeNull();
      expect(two.data!.myNotifications.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses a subscription without a valid token', async () => {
      const port = (stack.api.getHttpServer().address() as AddressInfo).port;
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      const outcome = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: 'subscription { notificationReceived { id } }' },
          {
            next: (message) => resolve(message),
            error: (error) => resolve(error),
            complete: () => resolve('complete'),
          },
        );
      });
      expect(JSON.stringify(outcome)).toMatch(/UNAUTHENTICATED|Forbidden/);
      expect((outcome as { data?: unknown }).data ?? null).toBeNull();
      await client.dispose();
    });
  });

  describe('SMS webhooks', () => {
    async function sendSms(): Promise<{ id: string; gatewayId: string }> {
      const [id] = await notify(user.userId, 'reminder_hour_before', { urgent: true });
      await stack.gateway.waitFor(() => stack.gateway.delivered.some((m) => m.idempotencyKey === id));
      let row = await statusOf(id);
      for (let i = 0; i < 50 && row.status !== 'sent'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        row = await statusOf(id);
      }
      return { id, gatewayId: row.gateway_message_id as string };
    }

    it('marks a sent SMS delivered or failed from a signed receipt, and refuses unsigned ones', async () => {
      const { id, gatewayId } = await sendSms();
      expect(gatewayId).toMatch(/^gw-/);
      const unsigned = await request(stack.api.getHttpServer())
        .post('/webhooks/sms/status')
        .send({ id: gatewayId, status: 'delivered' });
      expect(unsigned.status).toBe(403);
      const forged = await postSigned(
        '/webhooks/sms/status',
        { id: gatewayId, status: 'delivered' },
        'x'.repeat(40),
      );
      expect(forged.status).toBe(403);
      expect((await statusOf(id)).status).toBe('sent');

      const delivered = await postSigned('/webhooks/sms/status', { id: gatewayId, status: 'delivered' });
      expect(delivered.status).toBe(200);
      expect((await statusOf(id)).status).toBe('delivered');
      // A late "failed" for a delivered message does not move it back.
      await postSigned('/webhooks/sms/status', { id: gatewayId, status: 'failed' });
      expect((await statusOf(id)).status).toBe('delivered');

      const other = await sendSms();
      expect(
        (await postSigned('/webhooks/sms/status', { id: other.gatewayId, status: 'undeliverable' })).status,
      ).toBe(200);
      expect((await statusOf(other.id)).status).toBe('failed');
      expect(
        (await postSigned('/webhooks/sms/status', { id: 'gw-unknown', status: 'delivered' })).status,
      ).toBe(404);
    });

    it('maps "SI <code>" / "NO <code>" from the right phone, once, to the registered target', async () => {
      const replies = stack.api.get(SmsReplyService);
      const answers: { targetId: string; answer: string }[] = [];
      replies.register('e2e_target', async (manager, reply) => {
        if (reply.targetId === closedTarget) throw new DomainError('PROPOSAL_CLOSED');
        answers.push({ targetId: reply.targetId, answer: reply.answer });
        await manager.query('SELECT 1');
      });
      const target = randomUUID();
      const closedTarget = randomUUID();
      const codeFor = async (targetId: string) => {
        const [id] = await stack.dataSource.transaction((manager) =>
          notifications.notifyUser(manager, {
            userId: user.userId,
            event: 'proposal_new',
            params: { citizen: 'Maria', summary: 'Spesa', when: 'sabato', place: 'Bra' },
            urgent: true,
            replyTarget: { type: 'e2e_target', id: targetId },
          }),
        );
        await stack.gateway.waitFor(() => stack.gateway.delivered.some((m) => m.idempotencyKey === id));
        const text = stack.gateway.delivered.find((m) => m.idempotencyKey === id)!.text;
        return /Rispondi SI (\w{4}) per accettare o NO \1 per rifiutare/.exec(text)![1];
      };
      const code = await codeFor(target);

      expect(
        (await postSigned('/webhooks/sms/inbound', { from: uniquePhone(), text: `SI ${code}` })).body,
      ).toEqual({ result: 'unknown_code' });
      expect((await postSigned('/webhooks/sms/inbound', { from: user.phone, text: 'forse' })).body).toEqual({
        result: 'unrecognised',
      });
      const unsigned = await request(stack.api.getHttpServer())
        .post('/webhooks/sms/inbound')
        .send({ from: user.phone, text: `SI ${code}` });
      expect(unsigned.status).toBe(403);

      const accepted = await postSigned('/webhooks/sms/inbound', {
        from: user.phone,
        text: `sì ${code.toLowerCase()}`,
      });
      expect(accepted.body).toEqual({ result: 'accepted', targetType: 'e2e_target', targetId: target });
      expect(
        (await postSigned('/webhooks/sms/inbound', { from: user.phone, text: `NO ${code}` })).body,
      ).toEqual({ result: 'unknown_code' });
      expect(answers).toEqual([{ targetId: target, answer: 'yes' }]);

      // A refusal by the target's library rolls back: the code stays usable.
      const closedCode = await codeFor(closedTarget);
      expect(
        (await postSigned('/webhooks/sms/inbound', { from: user.phone, text: `NO ${closedCode}` })).body,
      ).toEqual({ result: 'refused', code: 'PROPOSAL_CLOSED' });
      const [{ used_at }] = await stack.dataSource.query(
        `SELECT used_at FROM sms_reply_codes WHERE code = $1 AND recipient_phone = $2`,
        [closedCode, user.phone],
      );
      expect(used_at).toBeNull();
    });
  });

  describe('dead letters', () => {
    it('lists permanent failures to platform admins only, and replays one exactly once', async () => {
      stack.gateway.failNext(1, 400);
      const [id] = await notify(user.userId, 'reminder_hour_before', { urgent: true });
      let row = await statusOf(id);
      for (let i = 0; i < 100 && row.status !== 'failed_permanent'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        row = await statusOf(id);
      }
      expect(row.status).toBe('failed_permanent');
      // Permanent (HTTP 400, e.g. an invalid number): one request, not retried.
      await new Promise((r) => setTimeout(r, 300));
      expect(stack.gateway.requests.filter((entry) => entry.idempotencyKey === id)).toHaveLength(1);

      const admin = await signUp(stack);
      await grantRole(stack.dataSource, admin.userId, 'platform_admin');
      expect(codes(await stack.graphql(FAILED, {}, { token: user.token }))).toEqual(['FORBIDDEN']);
      expect(codes(await stack.graphql(REPLAY, { id }, { token: user.token }))).toEqual(['FORBIDDEN']);

      const failed = await stack.graphql<{
        failedNotifications: { items: { id: string; recipient: string; lastError: string }[] };
      }>(FAILED, {}, { token: admin.token });
      const listed = failed.data!.failedNotifications.items.find((item) => item.id === id);
      expect(listed).toMatchObject({ lastError: 'SMS gateway answered HTTP 400' });
      expect(listed!.recipient).not.toBe(user.phone);
      expect(listed!.recipient.slice(-4)).toBe(user.phone.slice(-4));

      const replayed = await stack.graphql(REPLAY, { id }, { token: admin.token });
      expect(replayed.errors).toBeUndefined();
      await stack.gateway.waitFor(() => stack.gateway.delivered.some((m) => m.idempotencyKey === id));
      await new Promise((r) => setTimeout(r, 300));
      expect((await statusOf(id)).status).toBe('sent');
      expect(stack.gateway.delivered.filter((m) => m.idempotencyKey === id)).toHaveLength(1);
      expect(codes(await stack.graphql(REPLAY, { id }, { token: admin.token }))).toEqual([
        'NOTIFICATION_NOT_REPLAYABLE',
      ]);
    });
  });

  describe('scheduled reminders', () => {
    it('are delayed jobs that a cancelled engagement withdraws', async () => {
      const ref = `engagement:${randomUUID()}`;
      const [id] = await notify(user.userId, 'reminder_hour_before', {
        availableAt: new Date(Date.now() + 1500),
        ref,
        urgent: true,
      });
      const [kept] = await notify(user.userId, 'reminder_day_before', {
        availableAt: new Date(Date.now() + 1500),
        urgent: true,
      });
      expect(
        await stack.dataSource.transaction((manager) => notifications.cancelScheduled(manager, ref)),
      ).toBe(1);
      await stack.gateway.waitFor(() => stack.gateway.delivered.some((m) => m.idempotencyKey === kept));
      await new Promise((r) => setTimeout(r, 500));
      expect(stack.gateway.delivered.some((m) => m.idempotencyKey === id)).toBe(false);
      expect((await statusOf(id)).status).toBe('cancelled');
    });
  });
});
