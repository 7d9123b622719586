import { randomBytes } from 'node:crypto';
import { addDays, fromLocal, todayInRome } from '@prossimo/community';
import {
  answerCall,
  createTerritory,
  grantRole,
  ok,
  SignedInUser,
  signUp,
  waitUntil,
  withoutQuietHours,
} from '../support/fixtures';
import { inboundSms } from '../support/sms-webhook';
import { startStackForFile, uniquePhone } from '../support/stack';
import { saveVolunteerProfile } from '../support/engagements';

// Comuni no other test file uses (moderation modes and volunteers of other files stay out).
const FOSSANO = { istat: '004089', lat: 44.55077, lon: 7.71922 };
const MONDOVI = { istat: '004130', lat: 44.39603, lon: 7.81764 };
const TRENTO = { lat: 46.0679, lon: 11.1211 };
const WEBHOOK_SECRET = 'calls-webhook-secret-0123456789abcdefgh';

const PREFERENCES = `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { language } }`;
const PUBLISH_CALL = `mutation ($input: PublishCallToActionInput!) { publishCallToAction(input: $input) { id } }`;
const MY_NOTIFICATIONS = `query { myNotifications(first: 50) { items { event body } } }`;

// Every date is counted from today in whole fortnights: a 14-day call holds each weekday once,
// so which volunteers fit never depends on the day the test runs.
const CALL_START = addDays(todayInRome(), 10);
const CALL_END = addDays(CALL_START, 13);

interface Volunteer extends SignedInUser {
  name: string;
}

describe('calls to action reach the volunteers who fit them', () => {
  const stack = startStackForFile({
    env: {
      CALL_NOTIFY_MAX_PER_CALL: '3',
      CALL_NOTIFY_MAX_PER_VOLUNTEER_PER_WEEK: '1',
      SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
  });
  let operator: SignedInUser;
  let moderator: SignedInUser;
  // Nearest first from Fossano: near, middle, far fit; the others miss one condition each.
  let near: Volunteer;
  let middle: Volunteer;
  let far: Volunteer;
  let farthest: Volunteer;
  let wrongCategory: Volunteer;
  let outOfArea: Volunteer;
  let unavailable: Volunteer;
  let mondovi: Volunteer;
  let firstCallId: string;

  async function volunteer(
    name: string,
    home: { lat: number; lon: number },
    options: { categories?: string[]; availability?: unknown[] } = {},
  ): Promise<Volunteer> {
    const user = await signUp(stack);
    await saveVolunteerProfile(stack, user, {
      displayName: name,
      bio: 'Disponibile per il quartiere.',
      categories: options.categories ?? ['COMPANIONSHIP'],
      homeLat: home.lat,
      homeLon: home.lon,
      travelRadiusKm: 10,
      weeklyHourLimit: 6,
      availability: options.availability ?? [{ recurring: { dayOfWeek: 3, start: '15:00', end: '18:00' } }],
    });
    // Quiet hours around now would hold the SMS these tests wait for (calls are not urgent).
    await withoutQuietHours(stack, user);
    return { ...user, name };
  }

  async function publish(input: Record<string, unknown>, token = operator.token): Promise<string> {
    return ok(
      await stack.graphql<{ publishCallToAction: { id: string } }>(
        PUBLISH_CALL,
        {
          input: {
            description: 'Due pomeriggi con gli anziani della casa di riposo.',
            categories: ['COMPANIONSHIP'],
            comuneIstats: [FOSSANO.istat],
            volunteersWanted: 2,
            startsOn: CALL_START,
            endsOn: CALL_END,
            ...input,
          },
        },
        { token },
      ),
    ).publishCallToAction.id;
  }

  async function told(callId: string): Promise<string[]> {
    const rows: { volunteer_user_id: string }[] = await stack.dataSource.query(
      `SELECT volunteer_user_id FROM call_notifications WHERE call_id = $1`,
      [callId],
    );
    return rows.map((row) => row.volunteer_user_id).sort();
  }

  async function toldAtAll(callId: string): Promise<boolean> {
    const [row]: { done: boolean }[] = await stack.dataSource.query(
      `SELECT volunteers_notified_at IS NOT NULL AS done FROM calls_to_action WHERE id = $1`,
      [callId],
    );
    return row.done;
  }

  const smsTexts = (user: SignedInUser) =>
    stack.gateway.messagesTo(user.phone).map((message) => message.text);

  beforeAll(async () => {
    const suffix = randomBytes(3).toString('hex');
    const fossano = await createTerritory(stack.dataSource, `Calls Fossano ${suffix}`, [FOSSANO.istat]);
    const mondoviTerritory = await createTerritory(stack.dataSource, `Calls Mondovi ${suffix}`, [
      MONDOVI.istat,
    ]);
    [operator, moderator] = await Promise.all([signUp(stack), signUp(stack)]);
    await grantRole(stack.dataSource, operator.userId, 'comune_operator', { territoryId: fossano });
    await grantRole(stack.dataSource, operator.userId, 'comune_operator', { territoryId: mondoviTerritory });
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', {
      territoryId: mondoviTerritory,
    });
    // Mondovì checks calls before they are public.
    await stack.dataSource.query(
      `INSERT INTO moderation_settings (territory_id, content_type, mode) VALUES ($1, 'call_to_action', 'pre')`,
      [mondoviTerritory],
    );
    const offset = (km: number) => ({ lat: FOSSANO.lat + km / 111, lon: FOSSANO.lon });
    [near, middle, far, farthest, wrongCategory, outOfArea, unavailable, mondovi] = await Promise.all([
      volunteer('Vicina', offset(0.5)),
      volunteer('Media', offset(2)),
      volunteer('Lontana', offset(4)),
      volunteer('Lontanissima', offset(6)),
      volunteer('Autista', offset(0.2), { categories: ['RIDES_AND_ACCOMPANIMENT'] }),
      volunteer('Trentina', TRENTO),
      volunteer('Assente', offset(0.3), {
        // One afternoon, a month after the call.
        availability: [
          {
            oneOff: {
              startsAt: fromLocal(addDays(CALL_END, 20), 15 * 60).toISOString(),
              endsAt: fromLocal(addDays(CALL_END, 20), 18 * 60).toISOString(),
            },
          },
        ],
      }),
      volunteer('Monregalese', { lat: MONDOVI.lat + 0.005, lon: MONDOVI.lon }),
    ]);
    // The nearest volunteer reads English and wants this news by SMS only; the middle one in the app only.
    ok(
      await stack.graphql(
        PREFERENCES,
        { input: { language: 'en', channels: [{ event: 'call_to_action_new', channels: ['SMS'] }] } },
        { token: near.token },
      ),
    );
    ok(
      await stack.graphql(
        PREFERENCES,
        { input: { channels: [{ event: 'call_to_action_new', channels: ['IN_APP'] }] } },
        { token: middle.token },
      ),
    );
  });

  it('tells the nearest volunteers who fit area, category and availability, on their channels and language, up to the cap per call', async () => {
    const callId = await publish({ title: 'Pomeriggi in casa di riposo' });
    firstCallId = callId;
    await waitUntil(() => toldAtAll(callId));
    // Cap per call 3: the three nearest who fit; not the farthest, nor those who miss a condition.
    expect(await told(callId)).toEqual([near.userId, middle.userId, far.userId].sort());

    await stack.gateway.waitFor(() => smsTexts(near).length > 1 && smsTexts(far).length > 1);
    const nearSms = smsTexts(near).filter((text) => text.includes('Pomeriggi'));
    expect(nearSms).toEqual([expect.stringContaining('Prossimo: volunteers are wanted in Fossano')]);
    expect(smsTexts(far).filter((text) => text.includes('Pomeriggi'))).toEqual([
      expect.stringContaining('Prossimo: si cercano volontari a Fossano'),
    ]);
    // The middle one chose the app only: no SMS, an in-app notice.
    expect(smsTexts(middle).filter((text) => text.includes('Pomeriggi'))).toEqual([]);
    const inApp = ok(
      await stack.graphql<{ myNotifications: { items: { event: string; body: string }[] } }>(
        MY_NOTIFICATIONS,
        {},
        { token: middle.token },
      ),
    ).myNotifications.items;
    expect(inApp).toContainEqual({
      event: 'call_to_action_new',
      body: expect.stringContaining('Pomeriggi in casa di riposo'),
    });
    for (const missed of [farthest, wrongCategory, outOfArea, unavailable, mondovi]) {
      expect(smsTexts(missed).some((text) => text.includes('Pomeriggi'))).toBe(false);
    }
  });

  it('a volunteer answers a call by replying SI <code> to its SMS, only from the number it went to', async () => {
    const notice = smsTexts(far).find((text) => text.includes('Pomeriggi')) as string;
    const code = /SI ([A-Z2-9]{4})/.exec(notice)?.[1] as string;
    expect(code).toBeDefined();
    const inbound = (from: string, text: string) => inboundSms(stack, WEBHOOK_SECRET, from, text);
    expect(await inbound(uniquePhone(), `SI ${code}`)).toEqual({ result: 'unknown_code' });
    expect(await inbound(far.phone, `si ${code}`)).toEqual({
      result: 'accepted',
      targetType: 'call_to_action',
      targetId: firstCallId,
    });
    const answers = ok(
      await stack.graphql<{
        callAnswers: { items: { status: string; volunteer: { displayName: string } }[] };
      }>(
        `query ($callId: ID!) { callAnswers(callId: $callId) { items { status volunteer { displayName } } } }`,
        { callId: firstCallId },
        { token: operator.token },
      ),
    ).callAnswers.items;
    expect(answers).toEqual([{ status: 'PENDING', volunteer: { displayName: 'Lontana' } }]);
  });

  it('tells a volunteer of at most the weekly number of calls, and an always-open call tells nobody', async () => {
    const open = await publish({ title: 'Sempre aperta', alwaysOpen: true, volunteersWanted: null });
    const second = await publish({ title: 'Merenda del sabato' });
    await waitUntil(() => toldAtAll(second));
    // Cap per volunteer 1 a week: the three told of the first call are skipped; the farthest is told.
    expect(await told(second)).toEqual([farthest.userId]);
    await stack.gateway.waitFor(() => smsTexts(farthest).some((text) => text.includes('Merenda')));
    expect(await told(open)).toEqual([]);
    expect(await toldAtAll(open)).toBe(false);
  });

  it('tells nobody of a call held for moderation until a moderator publishes it, then once', async () => {
    const callId = await publish({ title: 'Festa a Mondovì', comuneIstats: [MONDOVI.istat] });
    // The job would run within a second if there were one: none is written while the call waits.
    const [queued]: { count: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox WHERE job_name = 'notify-call-volunteers' AND payload->>'callId' = $1`,
      [callId],
    );
    expect(queued.count).toBe(0);
    const decide = `mutation ($input: ModerateContentInput!) { moderateContent(input: $input) { status } }`;
    ok(
      await stack.graphql(
        decide,
        { input: { contentType: 'CALL_TO_ACTION', contentId: callId, decision: 'APPROVE', reason: 'Ok' } },
        { token: moderator.token },
      ),
    );
    await waitUntil(() => toldAtAll(callId));
    expect(await told(callId)).toEqual([mondovi.userId]);
    await stack.gateway.waitFor(() => smsTexts(mondovi).some((text) => text.includes('Festa a Mondov')));
    // Hidden and restored: already told, nobody hears of it twice.
    for (const decision of ['HIDE', 'RESTORE']) {
      ok(
        await stack.graphql(
          decide,
          { input: { contentType: 'CALL_TO_ACTION', contentId: callId, decision, reason: 'Verifica' } },
          { token: moderator.token },
        ),
      );
    }
    const [jobs]: { count: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox WHERE job_name = 'notify-call-volunteers' AND payload->>'callId' = $1`,
      [callId],
    );
    expect(jobs.count).toBe(1);
  });

  it('tells a volunteer whose answer is accepted or declined, in their language', async () => {
    const callId = await publish({ title: 'Lettura ad alta voce' });
    const answerOf = (user: Volunteer) => answerCall(stack, user, callId);
    const accepted = await answerOf(near);
    const declined = await answerOf(far);
    ok(
      await stack.graphql(
        `mutation ($id: ID!) { acceptCallAnswer(input: { answerId: $id }) { status } }`,
        { id: accepted },
        { token: operator.token },
      ),
    );
    ok(
      await stack.graphql(
        `mutation ($id: ID!) { declineCallAnswer(input: { answerId: $id, reason: "Posti coperti" }) { status } }`,
        { id: declined },
        { token: operator.token },
      ),
    );
    await stack.gateway.waitFor(
      () =>
        smsTexts(near).some((text) => text.includes('was accepted')) &&
        smsTexts(far).some((text) => text.includes('non serve il tuo aiuto')),
    );
    expect(smsTexts(near).filter((text) => text.includes('Lettura'))).toEqual([
      'Prossimo: your answer to "Lettura ad alta voce" was accepted. Thank you! The details are in the app.',
    ]);
    expect(smsTexts(far).filter((text) => text.includes('Lettura'))).toEqual([
      'Prossimo: per "Lettura ad alta voce" non serve il tuo aiuto questa volta. Grazie lo stesso, alla prossima!',
    ]);
  });
});
