import { randomBytes } from 'node:crypto';
import { addDays, todayInRome } from '@prossimo/community';
import {
  answerCall,
  codeOf,
  createTerritory,
  fieldOf,
  grantRole,
  ok,
  registerOrganisation,
  SignedInUser,
  signUp,
} from '../support/fixtures';
import { NotificationsService } from '@prossimo/notifications';
import { startStackForFile } from '../support/stack';
import { saveVolunteerProfile } from '../support/engagements';

const SALUZZO = { istat: '004203', lat: 44.6447, lon: 7.4929 };
const CUNEO_ISTAT = '004078';

const PUBLISH_CALL = `mutation ($input: PublishCallToActionInput!) { publishCallToAction(input: $input) { id status } }`;
const CLOSE_CALL = `mutation ($input: CloseCallToActionInput!) {
  closeCallToAction(input: $input) { id status closedAt acceptedCount }
}`;
const ANSWER_CALL = `mutation ($callId: ID!) { answerCallToAction(input: { callId: $callId }) { id status } }`;
const ACCEPT_ANSWER = `mutation ($id: ID!) { acceptCallAnswer(input: { answerId: $id }) { id status } }`;
const DECLINE_ANSWER = `mutation ($id: ID!) { declineCallAnswer(input: { answerId: $id }) { id status } }`;
const CALL_ANSWERS = `query ($callId: ID!) { callAnswers(callId: $callId) { items { id status } } }`;
const ORGANISATION_CALLS = `query ($id: ID!) {
  organisationCallsToAction(organisationId: $id) { items { id status closedAt } }
}`;
const CALLS_TO_DECIDE = `query ($id: ID!, $pending: Boolean) {
  organisationCallsToAction(organisationId: $id, withPendingAnswers: $pending, first: 100) { items { id pendingAnswerCount } }
}`;
const COMUNE_CALLS = `query ($territoryId: ID, $pending: Boolean) {
  comuneCallsToAction(territoryId: $territoryId, withPendingAnswers: $pending, first: 100) {
    items { id organisationId moderationStatus pendingAnswerCount }
  }
}`;
const PUBLIC_CALLS = `query ($istat: String) { callsToAction(comuneIstat: $istat) { items { id } } }`;

describe('closing a call to action', () => {
  const stack = startStackForFile();
  let admin: SignedInUser;
  let organisationId: string;
  let otherAdmin: SignedInUser;
  let operatorMember: SignedInUser;
  let stranger: SignedInUser;
  let staff: SignedInUser;
  let otherStaff: SignedInUser;
  let saluzzoTerritory: string;

  async function volunteer(name: string): Promise<SignedInUser> {
    const user = await signUp(stack);
    await saveVolunteerProfile(stack, user, {
      displayName: name,
      bio: 'Disponibile per le iniziative del paese.',
      categories: ['COMPANIONSHIP'],
      homeLat: SALUZZO.lat,
      homeLon: SALUZZO.lon,
      travelRadiusKm: 10,
      weeklyHourLimit: 6,
    });
    return user;
  }

  async function publish(input: Record<string, unknown> = {}, token = admin.token): Promise<string> {
    return ok(
      await stack.graphql<{ publishCallToAction: { id: string } }>(
        PUBLISH_CALL,
        {
          input: {
            title: `Festa dei nonni ${randomBytes(2).toString('hex')}`,
            description: 'Servono volontari per accogliere gli ospiti.',
            categories: ['COMPANIONSHIP'],
            comuneIstats: [SALUZZO.istat],
            volunteersWanted: 3,
            startsOn: addDays(todayInRome(), 3),
            endsOn: addDays(todayInRome(), 10),
            organisationId,
            ...input,
          },
        },
        { token },
      ),
    ).publishCallToAction.id;
  }

  const answer = (callId: string, user: SignedInUser) => answerCall(stack, user, callId);

  const close = (callId: string, user: SignedInUser, reason?: string) =>
    stack.graphql<{ closeCallToAction: { id: string; status: string; closedAt: string | null } }>(
      CLOSE_CALL,
      { input: { callId, reason } },
      { token: user.token },
    );

  async function callRow(callId: string) {
    const [row]: { status: string; closed_at: Date | null; closed_by_user_id: string | null }[] =
      await stack.dataSource.query(
        `SELECT status, closed_at, closed_by_user_id FROM calls_to_action WHERE id = $1`,
        [callId],
      );
    return row;
  }

  async function notificationsOf(user: SignedInUser, callId: string): Promise<string[]> {
    const rows: { event: string; channel: string }[] = await stack.dataSource.query(
      `SELECT event, channel FROM notifications WHERE user_id = $1 AND ref = $2 ORDER BY channel`,
      [user.userId, `call:${callId}`],
    );
    return rows.map((row) => `${row.event}/${row.channel}`);
  }

  beforeAll(async () => {
    const suffix = randomBytes(3).toString('hex');
    const saluzzo = await createTerritory(stack.dataSource, `Saluzzo chiamate ${suffix}`, [SALUZZO.istat]);
    const cuneo = await createTerritory(stack.dataSource, `Cuneo chiamate ${suffix}`, [CUNEO_ISTAT]);
    saluzzoTerritory = saluzzo;
    [admin, otherAdmin, operatorMember, stranger, staff, otherStaff] = await Promise.all([
      signUp(stack),
      signUp(stack),
      signUp(stack),
      signUp(stack),
      signUp(stack),
      signUp(stack),
    ]);
    ({ organisationId } = await registerOrganisation(stack, admin, { homeComuneIstat: SALUZZO.istat }));
    await registerOrganisation(stack, otherAdmin, { homeComuneIstat: SALUZZO.istat });
    await grantRole(stack.dataSource, operatorMember.userId, 'organisation_operator', { organisationId });
    await grantRole(stack.dataSource, staff.userId, 'comune_operator', { territoryId: saluzzo });
    await grantRole(stack.dataSource, otherStaff.userId, 'comune_moderator', { territoryId: cuneo });
  });

  it('counts the answers waiting for a decision on each call, and lists only the calls that have some when asked', async () => {
    const [withAnswers, allDecided, unanswered] = await Promise.all([publish(), publish(), publish()]);
    const [first, second, third] = await Promise.all([
      volunteer('Elena'),
      volunteer('Fabio'),
      volunteer('Gina'),
    ]);
    await answer(withAnswers, first);
    const decidedAnswer = await answer(withAnswers, second);
    await answer(withAnswers, third);
    ok(await stack.graphql(ACCEPT_ANSWER, { id: decidedAnswer }, { token: admin.token }));
    ok(await stack.graphql(DECLINE_ANSWER, { id: await answer(allDecided, first) }, { token: admin.token }));

    const callsToDecide = async (pending: boolean | null, user = admin) =>
      ok(
        await stack.graphql<{
          organisationCallsToAction: { items: { id: string; pendingAnswerCount: number }[] };
        }>(CALLS_TO_DECIDE, { id: organisationId, pending }, { token: user.token }),
      ).organisationCallsToAction.items;
    const counts = new Map((await callsToDecide(null)).map((item) => [item.id, item.pendingAnswerCount]));
    expect([counts.get(withAnswers), counts.get(allDecided), counts.get(unanswered)]).toEqual([2, 0, 0]);
    const toDecide = (await callsToDecide(true)).map((item) => item.id);
    expect(toDecide).toContain(withAnswers);
    expect(toDecide).not.toContain(allDecided);
    expect(toDecide).not.toContain(unanswered);
    // Members read the counts too (an operator answers the phone); strangers are refused.
    expect((await callsToDecide(true, operatorMember)).map((item) => item.id)).toContain(withAnswers);
    const refused = await stack.graphql(
      CALLS_TO_DECIDE,
      { id: organisationId, pending: true },
      { token: stranger.token },
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
  });

  it('closes the call: no new answers, the given ones stay and can be decided, pending volunteers are told', async () => {
    const callId = await publish();
    const [waiting, accepted, declined, late] = await Promise.all([
      volunteer('Anna'),
      volunteer('Bruno'),
      volunteer('Carla'),
      volunteer('Dario'),
    ]);
    const waitingAnswer = await answer(callId, waiting);
    const acceptedAnswer = await answer(callId, accepted);
    const declinedAnswer = await answer(callId, declined);
    ok(await stack.graphql(ACCEPT_ANSWER, { id: acceptedAnswer }, { token: admin.token }));
    ok(await stack.graphql(DECLINE_ANSWER, { id: declinedAnswer }, { token: admin.token }));
    const listedBefore = ok(
      await stack.graphql<{ callsToAction: { items: { id: string }[] } }>(PUBLIC_CALLS, {
        istat: SALUZZO.istat,
      }),
    ).callsToAction.items;
    expect(listedBefore.map((item) => item.id)).toContain(callId);

    const closed = ok(await close(callId, admin, 'Abbiamo abbastanza volontari')).closeCallToAction;
    expect(closed).toEqual(
      expect.objectContaining({ id: callId, status: 'CLOSED', closedAt: expect.any(String) }),
    );

    // Who and when: on the call, in its status history and in the audit trail.
    const row = await callRow(callId);
    expect(row).toEqual(expect.objectContaining({ status: 'closed', closed_by_user_id: admin.userId }));
    expect(row.closed_at).toBeInstanceOf(Date);
    const history: { from_status: string; to_status: string; actor_user_id: string; reason: string }[] =
      await stack.dataSource.query(
        `SELECT from_status, to_status, actor_user_id, reason FROM status_history
          WHERE entity_type = 'call_to_action' AND entity_id = $1 ORDER BY created_at, id`,
        [callId],
      );
    expect(history.at(-1)).toEqual({
      from_status: 'open',
      to_status: 'closed',
      actor_user_id: admin.userId,
      reason: 'Abbiamo abbastanza volontari',
    });
    const audit: { actor_user_id: string }[] = await stack.dataSource.query(
      `SELECT actor_user_id FROM audit_log WHERE action = 'call_to_action.closed' AND entity_id = $1`,
      [callId],
    );
    expect(audit).toEqual([{ actor_user_id: admin.userId }]);

    // Only the volunteer whose answer waits is told; the decided ones already heard.
    expect(await notificationsOf(waiting, callId)).toEqual(['call_closed/in_app', 'call_closed/sms']);
    expect((await notificationsOf(accepted, callId)).filter((n) => n.startsWith('call_closed'))).toEqual([]);
    expect((await notificationsOf(declined, callId)).filter((n) => n.startsWith('call_closed'))).toEqual([]);

    // Answering a closed call: refused with the state named, nothing written.
    const refused = await stack.graphql(ANSWER_CALL, { callId }, { token: late.token });
    expect(codeOf(refused)).toBe('CALL_CLOSED');
    expect(refused.errors?.[0]?.message).toMatch(/chiusa/);
    const answers = ok(
      await stack.graphql<{ callAnswers: { items: { id: string; status: string }[] } }>(
        CALL_ANSWERS,
        { callId },
        { token: admin.token },
      ),
    ).callAnswers.items;
    expect(answers.map((item) => [item.id, item.status])).toEqual([
      [waitingAnswer, 'PENDING'],
      [acceptedAnswer, 'ACCEPTED'],
      [declinedAnswer, 'DECLINED'],
    ]);

    // The public list no longer shows it; the organisation's list shows it closed.
    const listedAfter = ok(
      await stack.graphql<{ callsToAction: { items: { id: string }[] } }>(PUBLIC_CALLS, {
        istat: SALUZZO.istat,
      }),
    ).callsToAction.items;
    expect(listedAfter.map((item) => item.id)).not.toContain(callId);
    const own = ok(
      await stack.graphql<{
        organisationCallsToAction: { items: { id: string; status: string; closedAt: string }[] };
      }>(ORGANISATION_CALLS, { id: organisationId }, { token: admin.token }),
    ).organisationCallsToAction.items.find((item) => item.id === callId);
    expect(own).toEqual(expect.objectContaining({ status: 'CLOSED', closedAt: closed.closedAt }));

    // The pending answer can still be accepted after closing.
    const decided = ok(
      await stack.graphql<{ acceptCallAnswer: { status: string } }>(
        ACCEPT_ANSWER,
        { id: waitingAnswer },
        { token: admin.token },
      ),
    ).acceptCallAnswer;
    expect(decided.status).toBe('ACCEPTED');
  });

  it('closing twice is refused and changes nothing', async () => {
    const callId = await publish();
    ok(await close(callId, admin));
    const before = await callRow(callId);
    const again = await close(callId, admin);
    expect(codeOf(again)).toBe('CALL_ALREADY_CLOSED');
    expect(again.errors?.[0]?.extensions?.field).toBe('callId');
    expect(await callRow(callId)).toEqual(before);
  });

  it('a stranger, another organisation, a member who is not admin and staff are refused for an organisation’s call', async () => {
    const callId = await publish();
    const pending = await volunteer('Elena');
    await answer(callId, pending);
    for (const user of [stranger, otherAdmin, operatorMember, staff]) {
      expect(codeOf(await close(callId, user))).toBe('FORBIDDEN');
    }
    expect(codeOf(await stack.graphql(CLOSE_CALL, { input: { callId } }))).toBe('UNAUTHENTICATED');
    // Nothing was written: still open, no history, no notice.
    expect(await callRow(callId)).toEqual({ status: 'open', closed_at: null, closed_by_user_id: null });
    expect(await notificationsOf(pending, callId)).toEqual([]);
    const stillOpen = await answer(callId, await volunteer('Franco'));
    expect(stillOpen).toEqual(expect.any(String));
  });

  it('staff of the territory close the Comune’s own call; an unknown call is named', async () => {
    const callId = await publish({ organisationId: undefined }, staff.token);
    expect(codeOf(await close(callId, admin))).toBe('FORBIDDEN');
    expect(ok(await close(callId, staff)).closeCallToAction.status).toBe('CLOSED');
    const unknown = await close('00000000-0000-4000-8000-000000000000', admin);
    expect(codeOf(unknown)).toBe('CALL_NOT_FOUND');
  });

  it('staff list the Comune’s own calls of their territory with the answers to decide; organisations’ calls and other territories stay out', async () => {
    const [withAnswer, quiet] = await Promise.all([
      publish({ organisationId: undefined }, staff.token),
      publish({ organisationId: undefined }, staff.token),
    ]);
    const organisationCall = await publish();
    await answer(withAnswer, await volunteer('Ines'));
    await answer(organisationCall, await volunteer('Luca'));

    const comuneCalls = async (user: SignedInUser, territoryId: string | null, pending: boolean | null) =>
      stack.graphql<{
        comuneCallsToAction: {
          items: {
            id: string;
            organisationId: string | null;
            moderationStatus: string;
            pendingAnswerCount: number;
          }[];
        };
      }>(COMUNE_CALLS, { territoryId, pending }, { token: user.token });

    const ofTerritory = ok(await comuneCalls(staff, saluzzoTerritory, null)).comuneCallsToAction.items;
    const counts = new Map(ofTerritory.map((call) => [call.id, call.pendingAnswerCount]));
    expect([counts.get(withAnswer), counts.get(quiet)]).toEqual([1, 0]);
    expect(counts.has(organisationCall)).toBe(false);
    expect(ofTerritory.every((call) => call.organisationId === null && call.moderationStatus)).toBe(true);
    // Volunteers read who calls: the Comune (by its first Comune's name) or the organisation.
    const publicCalls = ok(
      await stack.graphql<{
        callsToAction: { items: { id: string; publisher: { kind: string; name: string } }[] };
      }>(
        `query ($istat: String) { callsToAction(comuneIstat: $istat, first: 100) { items { id publisher { kind name } } } }`,
        { istat: SALUZZO.istat },
      ),
    ).callsToAction.items;
    const [organisation]: { name: string }[] = await stack.dataSource.query(
      `SELECT name FROM organisations WHERE id = $1`,
      [organisationId],
    );
    const publisherOf = (id: string) => publicCalls.find((call) => call.id === id)?.publisher;
    expect(publisherOf(withAnswer)).toEqual({ kind: 'COMUNE', name: 'Saluzzo' });
    expect(publisherOf(organisationCall)).toEqual({ kind: 'ORGANISATION', name: organisation.name });
    // Without a territory: all of the staff member's, the same calls here.
    const ofAll = ok(await comuneCalls(staff, null, null)).comuneCallsToAction.items.map((call) => call.id);
    expect(ofAll).toEqual(ofTerritory.map((call) => call.id));
    const toDecide = ok(await comuneCalls(staff, null, true)).comuneCallsToAction.items.map(
      (call) => call.id,
    );
    expect(toDecide).toContain(withAnswer);
    expect(toDecide).not.toContain(quiet);

    // Staff of another territory see none of them, and may not ask for this territory's.
    const elsewhere = ok(await comuneCalls(otherStaff, null, null)).comuneCallsToAction.items.map(
      (call) => call.id,
    );
    expect(elsewhere).not.toContain(withAnswer);
    expect(elsewhere).not.toContain(quiet);
    expect(codeOf(await comuneCalls(otherStaff, saluzzoTerritory, null))).toBe('FORBIDDEN');
    // An organisation's admin is not Comune staff.
    expect(codeOf(await comuneCalls(admin, null, null))).toBe('FORBIDDEN');
  });

  it('a volunteer reads their own answers, newest first, with each call and the decision; nobody else’s', async () => {
    const [acceptedCall, waitingCall] = [
      await publish(),
      await publish({ organisationId: undefined }, staff.token),
    ];
    const [marta, other] = await Promise.all([volunteer('Marta'), volunteer('Nadia')]);
    const accepted = await answer(acceptedCall, marta);
    const waiting = await answer(waitingCall, marta);
    await answer(waitingCall, other);
    ok(await stack.graphql(ACCEPT_ANSWER, { id: accepted }, { token: admin.token }));

    const MY_ANSWERS = `query ($first: Int!, $after: String) {
      myCallAnswers(first: $first, after: $after) {
        items { id status call { id title status publisher { kind } } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    type MyAnswers = {
      myCallAnswers: {
        items: { id: string; status: string; call: { id: string; publisher: { kind: string } } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const firstPage = ok(
      await stack.graphql<MyAnswers>(MY_ANSWERS, { first: 1 }, { token: marta.token }),
    ).myCallAnswers;
    expect(
      firstPage.items.map((item) => [item.id, item.status, item.call.id, item.call.publisher.kind]),
    ).toEqual([[waiting, 'PENDING', waitingCall, 'COMUNE']]);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = ok(
      await stack.graphql<MyAnswers>(
        MY_ANSWERS,
        { first: 1, after: firstPage.pageInfo.endCursor },
        { token: marta.token },
      ),
    ).myCallAnswers;
    expect(secondPage.items.map((item) => [item.id, item.status, item.call.id])).toEqual([
      [accepted, 'ACCEPTED', acceptedCall],
    ]);
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    // Another volunteer sees only their own; a stranger without a profile, none; nobody signed out.
    const others = ok(await stack.graphql<MyAnswers>(MY_ANSWERS, { first: 10 }, { token: other.token }))
      .myCallAnswers.items;
    expect(others.map((item) => item.call.id)).toEqual([waitingCall]);
    const strangers = ok(await stack.graphql<MyAnswers>(MY_ANSWERS, { first: 10 }, { token: stranger.token }))
      .myCallAnswers.items;
    expect(strangers).toEqual([]);
    expect(codeOf(await stack.graphql(MY_ANSWERS, { first: 10 }))).toBe('UNAUTHENTICATED');
  });

  describe('messages to the accepted volunteers', () => {
    const SEND = `mutation ($input: SendCallMessageInput!) {
      sendCallMessage(input: $input) { id callId body recipientCount createdAt }
    }`;
    const MESSAGES = `query ($callId: ID!, $first: Int, $after: String) {
      callMessages(callId: $callId, first: $first, after: $after) {
        items { id body recipientCount } pageInfo { hasNextPage endCursor }
      }
    }`;
    type Sent = { sendCallMessage: { id: string; callId: string; body: string; recipientCount: number } };
    type Messages = {
      callMessages: {
        items: { id: string; body: string; recipientCount: number }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const send = (callId: string, body: string, user: SignedInUser) =>
      stack.graphql<Sent>(SEND, { input: { callId, body } }, { token: user.token });
    const messagesOf = (callId: string, user: SignedInUser, first = 20) =>
      stack.graphql<Messages>(MESSAGES, { callId, first }, { token: user.token });
    const storedMessages = async (callId: string) =>
      (
        await stack.dataSource.query<{ body_encrypted: string }[]>(
          `SELECT body_encrypted FROM call_messages WHERE call_id = $1`,
          [callId],
        )
      ).map((row) => row.body_encrypted);

    /** The notices of a call's messages the person got: channel and the words as sent. */
    async function messageNotices(user: SignedInUser, callId: string) {
      const rows: { channel: string; body_encrypted: string }[] = await stack.dataSource.query(
        `SELECT channel, body_encrypted FROM notifications
          WHERE user_id = $1 AND event = 'call_message' AND ref = $2 ORDER BY channel, created_at`,
        [user.userId, `call:${callId}:messages`],
      );
      const notifications = stack.api.get(NotificationsService);
      return rows.map((row) => ({
        channel: row.channel,
        body: notifications.decryptBody({ bodyEncrypted: row.body_encrypted }),
      }));
    }

    it('reaches only the accepted volunteers, in the app and by SMS, signed by the publisher; volunteers accepted later read it too', async () => {
      const callId = await publish();
      const [accepted, waiting, declined, later] = await Promise.all([
        volunteer('Ugo'),
        volunteer('Vera'),
        volunteer('Walter'),
        volunteer('Zoe'),
      ]);
      const acceptedAnswer = await answer(callId, accepted);
      await answer(callId, waiting);
      const declinedAnswer = await answer(callId, declined);
      const laterAnswer = await answer(callId, later);

      // Before anyone is accepted the message would reach nobody: refused, nothing kept.
      const tooEarly = await send(callId, 'Ci vediamo in piazza alle 9.', admin);
      expect([codeOf(tooEarly), fieldOf(tooEarly)]).toEqual(['CALL_NO_ACCEPTED_VOLUNTEERS', 'callId']);
      expect(await storedMessages(callId)).toEqual([]);

      ok(await stack.graphql(ACCEPT_ANSWER, { id: acceptedAnswer }, { token: admin.token }));
      ok(await stack.graphql(DECLINE_ANSWER, { id: declinedAnswer }, { token: admin.token }));
      const words = 'Ci vediamo sabato alle 9 davanti al municipio: portate un cappello.';
      const sent = ok(await send(callId, `  ${words}  `, admin)).sendCallMessage;
      expect(sent).toEqual(expect.objectContaining({ callId, body: words, recipientCount: 1 }));

      // Kept encrypted, like every free text.
      const [stored] = await storedMessages(callId);
      expect(stored).not.toContain('municipio');
      // The accepted volunteer hears it on their channels (in-app and SMS, the defaults), with the
      // call's title and who writes; the others hear nothing.
      const notices = await messageNotices(accepted, callId);
      expect(notices.map((notice) => notice.channel)).toEqual(['in_app', 'sms']);
      expect(notices[1].body).toMatch(
        /^Prossimo\. .+ ti scrive per "Festa dei nonni [0-9a-f]{4}": Ci vediamo sabato/,
      );
      expect(notices[1].body).toContain('portate un cappello.');
      for (const other of [waiting, declined, later]) expect(await messageNotices(other, callId)).toEqual([]);
      // The audit trail says who wrote to how many, without the words.
      const audit: { actor_user_id: string; details: Record<string, unknown> }[] =
        await stack.dataSource.query(
          `SELECT actor_user_id, details FROM audit_log WHERE action = 'call_message.sent' AND entity_id = $1`,
          [callId],
        );
      expect(audit).toEqual([
        { actor_user_id: admin.userId, details: { messageId: sent.id, recipients: 1 } },
      ]);

      // The accepted volunteer and the publisher read it; the waiting and declined ones and a
      // stranger do not (it may say where to meet).
      const read = async (user: SignedInUser) =>
        ok(await messagesOf(callId, user)).callMessages.items.map((item) => item.body);
      expect(await read(accepted)).toEqual([words]);
      expect(await read(admin)).toEqual([words]);
      for (const refused of [waiting, declined, stranger, otherAdmin]) {
        expect(codeOf(await messagesOf(callId, refused))).toBe('FORBIDDEN');
      }
      expect(codeOf(await stack.graphql(MESSAGES, { callId }))).toBe('UNAUTHENTICATED');

      // A volunteer accepted afterwards reads what was said before; the next message reaches both.
      ok(await stack.graphql(ACCEPT_ANSWER, { id: laterAnswer }, { token: admin.token }));
      expect(await read(later)).toEqual([words]);
      const second = ok(await send(callId, 'Cambio: ci vediamo alle 9 e mezza.', admin)).sendCallMessage;
      expect(second.recipientCount).toBe(2);
      expect(await read(later)).toEqual(['Cambio: ci vediamo alle 9 e mezza.', words]);
      const firstPage = ok(await messagesOf(callId, accepted, 1)).callMessages;
      expect([firstPage.items.map((item) => item.id), firstPage.pageInfo.hasNextPage]).toEqual([
        [second.id],
        true,
      ]);
    });

    it('only the publisher writes; bad words are named by field and nothing is kept; at most 10 a day', async () => {
      const callId = await publish();
      const volunteerAccepted = await volunteer('Ines');
      ok(
        await stack.graphql(
          ACCEPT_ANSWER,
          { id: await answer(callId, volunteerAccepted) },
          { token: admin.token },
        ),
      );
      // Members who are not admins, other organisations, Comune staff and the volunteer: refused.
      for (const refused of [operatorMember, otherAdmin, staff, volunteerAccepted, stranger]) {
        expect(codeOf(await send(callId, 'Ciao a tutti', refused))).toBe('FORBIDDEN');
      }
      const blank = await send(callId, '   ', admin);
      expect([codeOf(blank), fieldOf(blank)]).toEqual(['FIELD_REQUIRED', 'body']);
      const tooLong = await send(callId, 'a'.repeat(281), admin);
      expect(fieldOf(tooLong)).toBe('body');
      const unknown = await send('00000000-0000-4000-8000-000000000000', 'Ciao', admin);
      expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['CALL_NOT_FOUND', 'callId']);
      expect(await storedMessages(callId)).toEqual([]);

      for (let i = 1; i <= 10; i++) ok(await send(callId, `Aggiornamento numero ${i}`, admin));
      const eleventh = await send(callId, 'Ancora uno', admin);
      expect([codeOf(eleventh), fieldOf(eleventh)]).toEqual(['RATE_LIMITED', 'body']);
      const retry = eleventh.errors?.[0]?.extensions?.retryAfterSeconds as number;
      expect(retry).toBeGreaterThan(23 * 3600);
      expect(retry).toBeLessThanOrEqual(24 * 3600);
      expect(await storedMessages(callId)).toHaveLength(10);
      expect(await messageNotices(volunteerAccepted, callId)).toHaveLength(20);
    });

    it('a message about a call that starts tomorrow goes out in the volunteer’s quiet hours; one about a later call waits for the morning', async () => {
      const helper = await volunteer('Piera');
      // Quiet hours around this very moment, whatever the hour: from an hour ago to two hours on.
      const romeNow = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Rome',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date());
      const [hour, minute] = romeNow.split(':').map(Number);
      const at = (hours: number) =>
        `${String((hour + hours + 24) % 24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
      ok(
        await stack.graphql(
          `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { quietHoursStart } }`,
          { input: { quietHoursStart: at(-1), quietHoursEnd: at(2) } },
          { token: helper.token },
        ),
      );
      const tomorrow = addDays(todayInRome(), 1);
      const [soon, later] = [
        await publish({ startsOn: tomorrow, endsOn: tomorrow }),
        await publish({ startsOn: addDays(todayInRome(), 5), endsOn: addDays(todayInRome(), 6) }),
      ];
      for (const callId of [soon, later]) {
        ok(await stack.graphql(ACCEPT_ANSWER, { id: await answer(callId, helper) }, { token: admin.token }));
        ok(await send(callId, 'Ritrovo alle 8:30 in piazza.', admin));
      }
      const smsRelease = async (callId: string) => {
        const [row]: { now: boolean; held: boolean }[] = await stack.dataSource.query(
          `SELECT o.available_at <= now() + interval '1 minute' AS now, o.available_at > now() + interval '50 minutes' AS held
             FROM notifications n JOIN outbox o ON (o.payload->>'notificationId')::uuid = n.id
            WHERE n.user_id = $1 AND n.ref = $2 AND n.channel = 'sms'`,
          [helper.userId, `call:${callId}:messages`],
        );
        return row;
      };
      expect(await smsRelease(soon)).toEqual({ now: true, held: false });
      expect(await smsRelease(later)).toEqual({ now: false, held: true });
    });

    it('staff of the territory write to the volunteers of the Comune’s own call; staff elsewhere cannot', async () => {
      const callId = await publish({ organisationId: undefined }, staff.token);
      const helper = await volunteer('Olga');
      ok(await stack.graphql(ACCEPT_ANSWER, { id: await answer(callId, helper) }, { token: staff.token }));
      expect(codeOf(await send(callId, 'Ritrovo in biblioteca', otherStaff))).toBe('FORBIDDEN');
      ok(await send(callId, 'Ritrovo in biblioteca alle 15.', staff));
      const notices = await messageNotices(helper, callId);
      expect(notices.map((notice) => notice.channel)).toEqual(['in_app', 'sms']);
      expect(notices[1].body).toMatch(
        /^Prossimo\. Comune di Saluzzo ti scrive per "Festa dei nonni [0-9a-f]{4}": Ritrovo in biblioteca/,
      );
      expect(codeOf(await messagesOf(callId, otherStaff))).toBe('FORBIDDEN');
      expect(ok(await messagesOf(callId, helper)).callMessages.items.map((item) => item.body)).toEqual([
        'Ritrovo in biblioteca alle 15.',
      ]);
    });
  });
});
