import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PersonalDataExport } from '@prossimo/privacy';
import {
  codeOf,
  createTerritory,
  errorOf,
  hoursFromNow,
  ok,
  SignedInUser,
  signUp,
  signUpWithRoles,
} from '../support/fixtures';
import { moderatorOf, operatorOf } from '../support/roles';
import { inboundSms } from '../support/sms-webhook';
import { startStackForFile, uniquePhone } from '../support/stack';
import { postNeedAs, saveVolunteerProfile } from '../support/engagements';

// A Comune no other test file uses; the helper lives far away, so matching proposes nobody.
const CUNEO = { istat: '004078', lat: 44.39071, lon: 7.54828 };
const DRONERO = '004082';
const TRENTO = { lat: 46.0679, lon: 11.1211 };
const WEBHOOK_SECRET = 'messages-webhook-secret-0123456789abcdef';

const SEND = `mutation ($input: SendEngagementMessageInput!) {
  sendEngagementMessage(input: $input) { id side senderName mine body viaSms moderationStatus }
}`;
const THREAD = `query ($id: ID!, $after: String) {
  engagementMessages(engagementId: $id, first: 3, after: $after) {
    items { id side senderName mine body viaSms moderationStatus } pageInfo { hasNextPage endCursor }
  }
}`;

interface MessageView {
  id: string;
  side: string;
  senderName: string;
  mine: boolean;
  body: string;
  viaSms: boolean;
  moderationStatus: string;
}

describe('messages between the parties of an engagement, in the app and by SMS', () => {
  const stack = startStackForFile({
    env: { SMS_WEBHOOK_SECRET: WEBHOOK_SECRET, ENGAGEMENT_MESSAGES_PER_SENDER_PER_HOUR: '10' },
  });
  let citizen: SignedInUser;
  let helper: SignedInUser;
  let stranger: SignedInUser;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let foreignOperator: SignedInUser;
  let helperVolunteerId: string;
  // Each engagement of the helper at its own time (two live ones may never overlap), all within the
  // next day: their messages are news of the moment, sent also in quiet hours, whatever the hour.
  let nextSlotHours = 0;

  async function postNeed(author: SignedInUser, description: string): Promise<string> {
    return postNeedAs(stack, author, {
      category: 'COMPANIONSHIP',
      description,
      location: { lat: CUNEO.lat, lon: CUNEO.lon },
      windowStart: hoursFromNow(30),
      windowEnd: hoursFromNow(33),
    });
  }

  /** The helper agreed (as acceptance would leave it): a confirmed engagement. */
  async function engagementOn(needId: string, status = 'confirmed'): Promise<string> {
    await stack.dataSource.query(`DELETE FROM match_proposals WHERE need_id = $1`, [needId]);
    nextSlotHours += 1.5;
    const [row]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO engagements (need_id, helper_user_id, volunteer_id, during, status)
       VALUES ($1, $2, $3, tstzrange(now() + make_interval(mins => $5), now() + make_interval(mins => $5 + 60)), $4)
       RETURNING id`,
      [needId, helper.userId, helperVolunteerId, status, nextSlotHours * 60],
    );
    await stack.dataSource.query(`UPDATE needs SET status = 'matched' WHERE id = $1`, [needId]);
    return row.id;
  }

  async function send(user: SignedInUser, engagementId: string, body: string) {
    return stack.graphql<{ sendEngagementMessage: MessageView }>(
      SEND,
      { input: { engagementId, body } },
      { token: user.token },
    );
  }

  async function thread(user: SignedInUser, engagementId: string): Promise<MessageView[]> {
    const all: MessageView[] = [];
    let after: string | null = null;
    do {
      const page: {
        engagementMessages: { items: MessageView[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      } = ok(await stack.graphql(THREAD, { id: engagementId, after }, { token: user.token }));
      all.push(...page.engagementMessages.items);
      after = page.engagementMessages.pageInfo.hasNextPage
        ? page.engagementMessages.pageInfo.endCursor
        : null;
    } while (after);
    return all;
  }

  const inbound = (from: string, text: string) => inboundSms(stack, WEBHOOK_SECRET, from, text);

  const smsTo = (phone: string) => stack.gateway.messagesTo(phone).map((message) => message.text);

  async function waitForSms(phone: string, containing: string): Promise<string> {
    await stack.gateway.waitFor(() => smsTo(phone).some((text) => text.includes(containing)));
    return smsTo(phone).find((text) => text.includes(containing)) as string;
  }

  beforeAll(async () => {
    const suffix = randomBytes(3).toString('hex');
    const territory = await createTerritory(stack.dataSource, `Messages Cuneo ${suffix}`, [CUNEO.istat]);
    const elsewhere = await createTerritory(stack.dataSource, `Messages Dronero ${suffix}`, [DRONERO]);
    [citizen, helper, stranger, operator, moderator, foreignOperator] = await signUpWithRoles(stack, [
      null,
      null,
      null,
      operatorOf(territory),
      moderatorOf(territory),
      operatorOf(elsewhere),
    ]);
    helperVolunteerId = (
      await saveVolunteerProfile(stack, helper, {
        displayName: 'Gianni',
        bio: 'Faccio compagnia volentieri.',
        categories: ['COMPANIONSHIP'],
        homeLat: TRENTO.lat,
        homeLon: TRENTO.lon,
        travelRadiusKm: 5,
        weeklyHourLimit: 4,
      })
    ).id;
  });

  it('the parties write to each other in the app, live and by SMS, with no number shown; others cannot read', async () => {
    const engagementId = await engagementOn(await postNeed(citizen, 'Compagnia per una passeggiata'));
    // The helper follows live (graphql-ws) and has chosen the app and SMS (the default).
    const port = (stack.api.getHttpServer().address() as AddressInfo).port;
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${helper.token}` },
      retryAttempts: 0,
    });
    const live: { event: string; body: string }[] = [];
    client.subscribe<{ notificationReceived: { event: string; body: string } }>(
      { query: 'subscription { notificationReceived { event body } }' },
      {
        next: (message) => live.push(message.data!.notificationReceived),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const sent = ok(
      await send(citizen, engagementId, 'Buongiorno! Sono pronta alle 9, citofono Rossi.'),
    ).sendEngagementMessage;
    expect(sent).toMatchObject({ side: 'CITIZEN', mine: true, viaSms: false, moderationStatus: 'PUBLISHED' });

    const sms = await waitForSms(helper.phone, 'Sono pronta alle 9');
    expect(sms).toMatch(
      /^Prossimo, messaggio di la persona aiutata per "Compagnia per una passeggiata": Buongiorno! Sono pronta alle 9, citofono Rossi\. -- Per rispondere, rispondi a questo SMS \(rif\. [A-Z2-9]{4}\)\.$/,
    );
    expect(sms).not.toContain(citizen.phone.slice(3));
    const deadline = Date.now() + 5000;
    while (!live.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await client.dispose();
    expect(live).toEqual([
      { event: 'engagement_message', body: expect.stringContaining('Sono pronta alle 9, citofono Rossi.') },
    ]);

    const reply = ok(await send(helper, engagementId, 'Perfetto, a domani!')).sendEngagementMessage;
    expect(reply).toMatchObject({ side: 'HELPER', senderName: 'Gianni', mine: true });
    expect(await waitForSms(citizen.phone, 'Perfetto, a domani!')).toContain('Prossimo, messaggio di Gianni');

    // Both parties and the territory's staff read the thread, newest first; nobody else, not even staff elsewhere.
    const seenByHelper = await thread(helper, engagementId);
    expect(seenByHelper.map((m) => [m.body, m.mine])).toEqual([
      ['Perfetto, a domani!', true],
      ['Buongiorno! Sono pronta alle 9, citofono Rossi.', false],
    ]);
    expect((await thread(operator, engagementId)).map((m) => m.side)).toEqual(['HELPER', 'CITIZEN']);
    for (const outsider of [stranger, foreignOperator]) {
      expect(errorOf(await stack.graphql(THREAD, { id: engagementId }, { token: outsider.token }))).toEqual({
        code: 'ENGAGEMENT_NOT_FOUND',
        field: 'engagementId',
      });
      expect(codeOf(await send(outsider, engagementId, 'Ciao'))).toBe('ENGAGEMENT_NOT_FOUND');
    }
    expect(JSON.stringify(seenByHelper)).not.toContain(citizen.phone.slice(3));
  });

  it('an SMS reply from a party’s number lands in the right thread and reaches the other party', async () => {
    const first = await engagementOn(await postNeed(citizen, 'Spesa al mercato'));
    ok(await send(citizen, first, 'Mi servono anche le uova'));
    const relayed = await waitForSms(helper.phone, 'anche le uova');
    const reference = /rif\. ([A-Z2-9]{4})/.exec(relayed)?.[1] as string;
    // A second thread is written to the helper later: a plain reply goes to the latest one,
    // a reply that starts with a thread's reference goes to that one.
    const second = await engagementOn(await postNeed(citizen, 'Lettura del giornale'));
    ok(await send(citizen, second, 'Porto io il giornale'));
    await waitForSms(helper.phone, 'Porto io il giornale');

    expect(await inbound(helper.phone, 'Va bene, a domani')).toEqual({
      result: 'relayed',
      targetType: 'engagement_thread',
      targetId: second,
    });
    expect(await inbound(helper.phone, `${reference} Sì, le prendo io`)).toEqual({
      result: 'relayed',
      targetType: 'engagement_thread',
      targetId: first,
    });
    expect((await thread(citizen, first))[0]).toMatchObject({
      body: 'Sì, le prendo io',
      side: 'HELPER',
      senderName: 'Gianni',
      viaSms: true,
      mine: false,
    });
    expect((await thread(citizen, second))[0]).toMatchObject({ body: 'Va bene, a domani', viaSms: true });
    expect(await waitForSms(citizen.phone, 'le prendo io')).toContain(
      'messaggio di Gianni per "Spesa al mercato"',
    );
    // A number that was never written to is not routed anywhere.
    expect(await inbound(uniquePhone(), 'Va bene, a domani')).toEqual({ result: 'unrecognised' });
  });

  it('a person registered at the desk, without the app, writes and reads by SMS; neither number reaches the other', async () => {
    const deskPhone = uniquePhone();
    const needId = ok(
      await stack.graphql<{ postNeedAtDesk: { id: string } }>(
        `mutation ($input: PostNeedAtDeskInput!) { postNeedAtDesk(input: $input) { id } }`,
        {
          input: {
            category: 'COMPANIONSHIP',
            description: 'Compagnia al pomeriggio',
            location: { lat: CUNEO.lat, lon: CUNEO.lon },
            windowStart: hoursFromNow(30),
            windowEnd: hoursFromNow(33),
            beneficiary: {
              fullName: 'Teresa Bianco',
              phone: deskPhone,
              consentRecorded: true,
              consentDate: hoursFromNow(-1),
            },
          },
        },
        { token: operator.token },
      ),
    ).postNeedAtDesk.id;
    const engagementId = await engagementOn(needId);
    ok(await send(helper, engagementId, 'Buongiorno Teresa, passo alle 15.'));
    expect(await waitForSms(deskPhone, 'passo alle 15')).toContain('Prossimo, messaggio di Gianni');
    expect(await inbound(deskPhone, 'Grazie, la aspetto')).toMatchObject({
      result: 'relayed',
      targetId: engagementId,
    });
    const relayed = await waitForSms(helper.phone, 'la aspetto');
    expect(relayed).toContain('Prossimo, messaggio di Teresa per "Compagnia al pomeriggio"');
    expect(relayed).not.toContain(deskPhone.slice(3));
    expect(smsTo(deskPhone).join(' ')).not.toContain(helper.phone.slice(3));
    expect((await thread(helper, engagementId))[0]).toMatchObject({
      side: 'CITIZEN',
      senderName: 'Teresa',
      viaSms: true,
      body: 'Grazie, la aspetto',
    });
  });

  it('the family contact of the person helped, if chosen, reads and answers by SMS on the person’s side', async () => {
    const daughter = await signUp(stack);
    const familyPhone = uniquePhone();
    const setFamily = (channels: string[]) =>
      stack.graphql(
        `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { language } }`,
        {
          input: {
            familyContact: { name: 'Laura', phone: familyPhone, consent: true },
            channels: [{ event: 'engagement_message_family', channels }],
          },
        },
        { token: daughter.token },
      );
    ok(await setFamily([]));
    const engagementId = await engagementOn(await postNeed(daughter, 'Visita alla nonna'));
    ok(await send(helper, engagementId, 'Primo messaggio'));
    // Not chosen (the default): the family contact is not told.
    const toFamily = async () => {
      const [row]: { n: number }[] = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient = $1 AND event = 'engagement_message_family'`,
        [familyPhone],
      );
      return row.n;
    };
    expect(await toFamily()).toBe(0);
    ok(await setFamily(['SMS']));
    ok(await send(helper, engagementId, 'Arrivo alle 16 con la torta'));
    const relayed = await waitForSms(familyPhone, 'Arrivo alle 16');
    expect(relayed).toMatch(
      /^Prossimo, messaggio di Gianni per la persona aiutata: Arrivo alle 16 con la torta -- .*\(rif\. [A-Z2-9]{4}\)\.$/,
    );
    expect(relayed).not.toContain(helper.phone.slice(3));

    expect(await inbound(familyPhone, 'Perfetto, la nonna vi aspetta')).toMatchObject({
      result: 'relayed',
      targetId: engagementId,
    });
    expect((await thread(helper, engagementId))[0]).toMatchObject({
      side: 'CITIZEN',
      senderName: 'Laura',
      viaSms: true,
      body: 'Perfetto, la nonna vi aspetta',
    });
    const toHelper = await waitForSms(helper.phone, 'la nonna vi aspetta');
    expect(toHelper).toContain('Prossimo, messaggio di Laura per "Visita alla nonna"');
    expect(toHelper).not.toContain(familyPhone.slice(3));
    // Someone else's number gets nowhere, even with the thread's reference.
    const reference = /rif\. ([A-Z2-9]{4})/.exec(relayed)?.[1] as string;
    expect(await inbound(uniquePhone(), `${reference} ciao`)).toEqual({ result: 'unrecognised' });
  });

  it('a message with a number is held for a moderator and reaches the other party only once approved; any can be reported', async () => {
    const engagementId = await engagementOn(await postNeed(citizen, 'Accompagnamento in posta'));
    const held = ok(
      await send(helper, engagementId, 'Se serve chiamami al 347 123 4567'),
    ).sendEngagementMessage;
    expect(held.moderationStatus).toBe('PENDING');
    // The writer sees it as pending; the other party does not see it at all, and gets no SMS.
    expect((await thread(helper, engagementId)).map((m) => m.moderationStatus)).toEqual(['PENDING']);
    expect(await thread(citizen, engagementId)).toEqual([]);
    const queue = ok(
      await stack.graphql<{ moderationQueue: { items: { contentId: string; summary: string }[] } }>(
        `query { moderationQueue(contentType: ENGAGEMENT_MESSAGE, first: 50) { items { contentId summary } } }`,
        {},
        { token: moderator.token },
      ),
    ).moderationQueue.items;
    expect(queue).toContainEqual({ contentId: held.id, summary: 'Se serve chiamami al 347 123 4567' });
    ok(
      await stack.graphql(
        `mutation ($input: ModerateContentInput!) { moderateContent(input: $input) { status } }`,
        {
          input: {
            contentType: 'ENGAGEMENT_MESSAGE',
            contentId: held.id,
            decision: 'APPROVE',
            reason: 'Numero dello sportello',
          },
        },
        { token: moderator.token },
      ),
    );
    expect(await waitForSms(citizen.phone, '347 123 4567')).toContain('Prossimo, messaggio di Gianni');
    expect((await thread(citizen, engagementId)).map((m) => m.id)).toEqual([held.id]);

    const plain = ok(await send(citizen, engagementId, 'Non voglio più sentirla')).sendEngagementMessage;
    const reported = ok(
      await stack.graphql<{ reportContent: { status: string; reportCount: number } }>(
        `mutation ($input: ReportContentInput!) { reportContent(input: $input) { status reportCount } }`,
        { input: { contentType: 'ENGAGEMENT_MESSAGE', contentId: plain.id, reason: 'Tono offensivo' } },
        { token: helper.token },
      ),
    ).reportContent;
    expect(reported).toEqual({ status: 'PUBLISHED', reportCount: 1 });
  });

  it('limits messages per sender per hour, naming the field and when to retry', async () => {
    const engagementId = await engagementOn(await postNeed(citizen, 'Aiuto con il computer'));
    for (let i = 1; i <= 10; i++) ok(await send(operator, engagementId, `Promemoria ${i}`));
    const refused = await send(operator, engagementId, 'Promemoria 11');
    expect(errorOf(refused)).toEqual({ code: 'RATE_LIMITED', field: 'body' });
    const retry = refused.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(3500);
    expect(retry).toBeLessThanOrEqual(3600);
    expect((await thread(operator, engagementId)).length).toBe(10);
  });

  it('takes messages while the engagement is live and for some days after completion, never after a cancellation', async () => {
    const engagementId = await engagementOn(await postNeed(citizen, 'Compagnia serale'));
    const finish = (daysAgo: number) =>
      stack.dataSource.query(
        `UPDATE engagements SET status = 'completed', hours_logged = 1,
                completed_at = now() - make_interval(hours => $2) WHERE id = $1`,
        [engagementId, daysAgo * 24],
      );
    await finish(1);
    ok(await send(citizen, engagementId, 'Grazie di tutto!'));
    await finish(8);
    expect(errorOf(await send(citizen, engagementId, 'Ancora grazie'))).toEqual({
      code: 'ENGAGEMENT_MESSAGES_CLOSED',
      field: 'engagementId',
    });
    const cancelled = await engagementOn(await postNeed(citizen, 'Compagnia annullata'), 'cancelled');
    expect(codeOf(await send(helper, cancelled, 'Ci sono?'))).toBe('ENGAGEMENT_MESSAGES_CLOSED');
    // The thread stays readable.
    expect((await thread(citizen, engagementId)).map((m) => m.body)).toEqual(['Grazie di tutto!']);
  });

  it('the writer’s messages are in "download my data" and go with the account; the other party’s stay', async () => {
    const writer = await signUp(stack);
    const engagementId = await engagementOn(await postNeed(writer, 'Compagnia del martedì'));
    ok(await send(writer, engagementId, 'Porto i biscotti della nonna'));
    // The writer's family contact takes part too: what they wrote for the writer goes with the account.
    const familyPhone = uniquePhone();
    ok(
      await stack.graphql(
        `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { language } }`,
        {
          input: {
            familyContact: { name: 'Piero', phone: familyPhone, consent: true },
            channels: [{ event: 'engagement_message_family', channels: ['SMS'] }],
          },
        },
        { token: writer.token },
      ),
    );
    ok(await send(helper, engagementId, 'Che bello, grazie'));
    await waitForSms(familyPhone, 'Che bello, grazie');
    expect(await inbound(familyPhone, 'Vengo anche io')).toMatchObject({ result: 'relayed' });
    const exported = await stack.api.get(PersonalDataExport).collect(stack.dataSource.manager, writer.userId);
    expect(exported.engagementMessagesSent).toEqual([
      expect.objectContaining({
        engagementId,
        side: 'citizen',
        via: 'app',
        text: 'Porto i biscotti della nonna',
      }),
    ]);

    ok(
      await stack.graphql(
        `mutation { deleteMyAccount(input: { confirm: true }) { id } }`,
        {},
        { token: writer.token },
      ),
    );
    const left: { sender_user_id: string | null; side: string }[] = await stack.dataSource.query(
      `SELECT sender_user_id, sender_side AS side FROM engagement_messages WHERE engagement_id = $1`,
      [engagementId],
    );
    expect(left).toEqual([{ sender_user_id: helper.userId, side: 'helper' }]);
    const [{ items }]: { items: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS items FROM moderation_items
        WHERE content_type = 'engagement_message' AND author_user_id = $1`,
      [writer.userId],
    );
    expect(items).toBe(0);
  });
});
