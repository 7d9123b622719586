import { NotificationsService, SmsReplyService } from '@prossimo/notifications';
import {
  codeOf,
  needSeenBy,
  createTerritory,
  grantRole,
  hoursFromNow,
  ok,
  PIEDMONT,
  SignedInUser,
  signUp,
  signUpWithRoles,
  waitUntil,
} from '../support/fixtures';
import { operatorOf } from '../support/roles';
import { startStackForFile } from '../support/stack';
import { postNeedAs, saveVolunteerProfile } from '../support/engagements';

const POST_NEED = `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id status } }`;
const MY_PROPOSALS = `query { myProposals(first: 20) { items { id needId status rank score distanceKm whyThisHelper
  reasons { name value weight contribution explanation } } } }`;
const NEED_PROPOSALS = `query ($needId: ID!) { needProposals(needId: $needId, first: 20) {
  items { id helperUserId helperName status rank score whyThisHelper reasons { name explanation } } } }`;
const ACCEPT = `mutation ($id: ID!) { acceptProposal(input: { proposalId: $id }) { id needId status helperName startsAt endsAt } }`;
const DECLINE = `mutation ($id: ID!) { declineProposal(input: { proposalId: $id }) { id status } }`;
const MY_ENGAGEMENTS = `query { myEngagements(first: 20) { items { id needId status helperName helperUserId } } }`;
const NEED = `query ($id: ID!) { need(id: $id) { id status address sensitiveNotes engagement { id status helperName } } }`;
const NEED_DETAILS = `query ($id: ID!) { need(id: $id) { id location { lat lon }
  details { ride { destinationPlace destinationLocation { lat lon } appointmentAt returnAt } } } }`;
const UNMATCHED = `query { unmatchedNeeds(first: 100) { items { needId reason reasonText } } }`;
const START = `mutation ($id: ID!) { startEngagement(input: { engagementId: $id }) { id status } }`;
const COMPLETE = `mutation ($id: ID!, $hours: Float!) {
  completeEngagement(input: { engagementId: $id, hoursLogged: $hours }) { id status hoursLogged } }`;
const HISTORY = `query ($id: ID!) { engagementHistory(engagementId: $id) { from to actorUserId } }`;

const ALBA = { lat: 44.7004, lon: 8.0347 };

function profile(
  name: string,
  home: { lat: number; lon: number },
  vehicle: { seats: number; wheelchairAccessible: boolean },
) {
  return {
    displayName: name,
    bio: 'Volontario, accompagno alle visite.',
    skills: ['guida'],
    categories: ['RIDES_AND_ACCOMPANIMENT'],
    languages: ['it'],
    homeLat: home.lat,
    homeLon: home.lon,
    travelRadiusKm: 20,
    vehicle,
    weeklyHourLimit: 10,
    availability: [{ oneOff: { startsAt: hoursFromNow(0.5), endsAt: hoursFromNow(10) } }],
  };
}

function rideInput(overrides: Record<string, unknown> = {}) {
  return {
    category: 'RIDES_AND_ACCOMPANIMENT',
    description: 'Accompagnamento a una visita',
    location: ALBA,
    address: 'Via Vittorio Emanuele 12, Alba',
    windowStart: hoursFromNow(1.5),
    windowEnd: hoursFromNow(6),
    urgency: 'HIGH',
    language: 'it',
    accessibilityNeeds: ['WHEELCHAIR'],
    maxDistanceKm: 15,
    sensitiveNotes: 'Porta il pacemaker',
    healthDataConsent: true,
    details: {
      ride: {
        pickupPlace: 'Casa',
        pickupLocation: ALBA,
        destinationPlace: 'Ospedale di Verduno',
        destinationLocation: { lat: 44.671, lon: 7.944 },
        // Near now: the helper may start from 2 hours before the pickup (30 minutes before).
        appointmentAt: hoursFromNow(2),
        returnTripWanted: true,
        returnAt: hoursFromNow(4.5),
        wheelchair: true,
        escortWaits: true,
        passengers: 2,
      },
    },
    ...overrides,
  };
}

function companionshipInput(start: number, end: number) {
  return {
    category: 'COMPANIONSHIP',
    description: 'Compagnia per una passeggiata',
    location: ALBA,
    windowStart: hoursFromNow(start),
    windowEnd: hoursFromNow(end),
    urgency: 'NORMAL',
    language: 'it',
    accessibilityNeeds: [],
  };
}

describe('Matching: proposals, first acceptance wins, engagements', () => {
  const stack = startStackForFile();
  let citizen: SignedInUser;
  let operator: SignedInUser;
  let territory: string;
  let foreignOperator: SignedInUser;
  // Near, nearer, farther (all with a wheelchair car), one without, one far away in Torino.
  let anna: SignedInUser;
  let bruno: SignedInUser;
  let carla: SignedInUser;
  let dario: SignedInUser;
  let enzo: SignedInUser;
  let rideId: string;
  let engagementId: string;

  async function proposalsOf(user: SignedInUser) {
    return ok(
      await stack.graphql<{
        myProposals: {
          items: {
            id: string;
            needId: string;
            status: string;
            whyThisHelper: string;
            reasons: { name: string }[];
          }[];
        };
      }>(MY_PROPOSALS, {}, { token: user.token }),
    ).myProposals.items;
  }

  beforeAll(async () => {
    territory = await createTerritory(stack.dataSource, `Matching Langhe ${Date.now()}`, [
      PIEDMONT.alba,
      PIEDMONT.bra,
    ]);
    const novarese = await createTerritory(stack.dataSource, `Matching Novarese ${Date.now()}`, [
      PIEDMONT.novara,
    ]);
    [citizen, operator, anna, bruno, carla, dario, enzo, foreignOperator] = await signUpWithRoles(stack, [
      null,
      operatorOf(territory),
      ...Array.from({ length: 5 }, () => null),
      operatorOf(novarese),
    ]);
    const profiles: [SignedInUser, unknown][] = [
      [anna, profile('Anna', { lat: 44.7045, lon: 8.035 }, { seats: 3, wheelchairAccessible: true })],
      [bruno, profile('Bruno', { lat: 44.69, lon: 8.02 }, { seats: 4, wheelchairAccessible: true })],
      [carla, profile('Carla', { lat: 44.72, lon: 8.06 }, { seats: 3, wheelchairAccessible: true })],
      [dario, profile('Dario', { lat: 44.701, lon: 8.036 }, { seats: 4, wheelchairAccessible: false })],
      [enzo, profile('Enzo', { lat: 45.07, lon: 7.68 }, { seats: 4, wheelchairAccessible: true })],
    ];
    for (const [user, input] of profiles) {
      const saved = await saveVolunteerProfile(stack, user, input);
      expect(saved.moderationStatus).toBe('PUBLISHED');
    }
  });

  it('the territory’s desk number and hours: set by its moderator, checked', async () => {
    const moderator = await signUp(stack);
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId: territory });
    const SET_DESK = `mutation ($input: SetTerritoryDeskInput!) {
      setTerritoryDesk(input: $input) { deskPhone deskHours } }`;
    const set = (input: Record<string, unknown>, token: string) =>
      stack.graphql<{ setTerritoryDesk: { deskPhone: string; deskHours: string } }>(
        SET_DESK,
        { input: { territoryId: territory, ...input } },
        { token },
      );
    expect(codeOf(await set({ phone: '0173 123456' }, operator.token))).toBe('FORBIDDEN');
    expect(codeOf(await set({ phone: '123' }, moderator.token))).toBe('PHONE_INVALID');
    expect(codeOf(await set({ hours: 'lun-ven 9-12' }, moderator.token))).toBe('DESK_HOURS_WITHOUT_PHONE');
    expect(ok(await set({ phone: '0173 123456', hours: 'lun-ven 9-12' }, moderator.token))).toEqual({
      setTerritoryDesk: { deskPhone: '+390173123456', deskHours: 'lun-ven 9-12' },
    });
  });

  it('a published ride need reaches the best three helpers by SMS, with reasons for the operator', async () => {
    const before = [anna, bruno, carla, dario, enzo].map(
      (user) => stack.gateway.messagesTo(user.phone).length,
    );
    const posted = ok(
      await stack.graphql<{ postNeed: { id: string; status: string } }>(
        POST_NEED,
        { input: rideInput() },
        { token: citizen.token },
      ),
    );
    rideId = posted.postNeed.id;
    expect(posted.postNeed.status).toBe('OPEN');

    // The loopback SMS gateway receives the three proposals (urgent: the ride is today).
    for (const [index, user] of [anna, bruno, carla].entries()) {
      await stack.gateway.waitFor(() => stack.gateway.messagesTo(user.phone).length > before[index]);
      const text = stack.gateway.messagesTo(user.phone).at(-1)!.text;
      expect(text).toContain('Accompagnamento a una visita');
      expect(text).toMatch(/SI [A-Z2-9]{4}/);
      // The exact address never travels in a proposal.
      expect(text).not.toContain('Vittorio Emanuele');
    }
    // No wheelchair car, or too far: not asked.
    expect(stack.gateway.messagesTo(dario.phone)).toHaveLength(before[3]);
    expect(stack.gateway.messagesTo(enzo.phone)).toHaveLength(before[4]);

    const annaProposals = await proposalsOf(anna);
    expect(annaProposals).toHaveLength(1);
    expect(annaProposals[0]).toMatchObject({ needId: rideId, status: 'PENDING' });
    expect(annaProposals[0].reasons.map((reason) => reason.name)).toEqual([
      'distance',
      'rating',
      'continuity',
      'fairness',
      'reliability',
    ]);

    const forOperator = ok(
      await stack.graphql<{
        needProposals: {
          items: { helperUserId: string; rank: number; score: number; whyThisHelper: string }[];
        };
      }>(NEED_PROPOSALS, { needId: rideId }, { token: operator.token, language: 'en' }),
    ).needProposals.items;
    expect(forOperator.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(new Set(forOperator.map((p) => p.helperUserId))).toEqual(
      new Set([anna.userId, bruno.userId, carla.userId]),
    );
    // Equal records: the nearest ranks first, and the reasons say so in the asked language.
    expect(forOperator[0].helperUserId).toBe(anna.userId);
    expect(forOperator[0].score).toBeGreaterThanOrEqual(forOperator[1].score);
    expect(forOperator[0].whyThisHelper).toMatch(/Distance from home: [\d.]+ km/);

    // Citizens and helpers are not the operator.
    const denied = await stack.graphql(NEED_PROPOSALS, { needId: rideId }, { token: citizen.token });
    expect(codeOf(denied)).toBe('FORBIDDEN');

    // A helper it was proposed to reads the ride (destination, times) to decide; nobody else does.
    const proposed = ok(
      await stack.graphql<{ need: { details: { ride: { destinationPlace: string } } } }>(
        NEED_DETAILS,
        { id: rideId },
        { token: anna.token },
      ),
    ).need;
    expect(proposed.details.ride.destinationPlace).toBe('Ospedale di Verduno');
    for (const stranger of [dario, enzo, foreignOperator]) {
      const result = await stack.graphql(NEED_DETAILS, { id: rideId }, { token: stranger.token });
      expect(result.data?.need ?? null).toBeNull();
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'NEED_NOT_FOUND', field: 'id' });
      expect(JSON.stringify(result)).not.toContain('Verduno');
    }
  });

  it('one helper accepts; the others are withdrawn and told; the citizen sees the engagement', async () => {
    const [brunoProposal] = await proposalsOf(bruno);
    // Before confirmation the helper sees no address.
    expect((await needSeenBy(stack, bruno, rideId)).address).toBeNull();

    const accepted = ok(
      await stack.graphql<{ acceptProposal: { id: string; status: string; helperName: string } }>(
        ACCEPT,
        { id: brunoProposal.id },
        { token: bruno.token },
      ),
    ).acceptProposal;
    engagementId = accepted.id;
    expect(accepted).toMatchObject({ status: 'CONFIRMED', helperName: 'Bruno' });

    const [annaProposal] = await proposalsOf(anna);
    expect(annaProposal.status).toBe('WITHDRAWN');
    expect((await proposalsOf(carla))[0].status).toBe('WITHDRAWN');
    const late = await stack.graphql(ACCEPT, { id: annaProposal.id }, { token: anna.token });
    expect(codeOf(late)).toBe('PROPOSAL_NOT_PENDING');
    const told: { user_id: string }[] = await stack.dataSource.query(
      `SELECT user_id FROM notifications WHERE event = 'proposal_withdrawn' AND user_id = ANY($1::uuid[])`,
      [[anna.userId, carla.userId, bruno.userId]],
    );
    expect(new Set(told.map((row) => row.user_id))).toEqual(new Set([anna.userId, carla.userId]));

    const mine = ok(
      await stack.graphql<{ myEngagements: { items: { id: string; status: string; helperName: string }[] } }>(
        MY_ENGAGEMENTS,
        {},
        { token: citizen.token },
      ),
    ).myEngagements.items;
    expect(mine).toEqual([
      expect.objectContaining({ id: engagementId, status: 'CONFIRMED', helperName: 'Bruno' }),
    ]);
    const need = await needSeenBy(stack, citizen, rideId);
    expect(need).toMatchObject({ status: 'MATCHED', engagement: { id: engagementId } });
    const matchedNotice: { body_encrypted: string }[] = await stack.dataSource.query(
      `SELECT body_encrypted FROM notifications WHERE event = 'need_matched' AND user_id = $1 AND channel = 'sms'`,
      [citizen.userId],
    );
    expect(matchedNotice.length).toBeGreaterThan(0);
    // Who to call to change it: the territory's desk, with its number and hours.
    expect(
      stack.api.get(NotificationsService).decryptBody({ bodyEncrypted: matchedNotice[0].body_encrypted }),
    ).toMatch(/\. Per cambiare chiama lo sportello al 0173 123456 \(lun-ven 9-12\)\.$/);

    // Confirmed: the helper now sees the exact address and notes; the others still do not.
    const forHelper = await needSeenBy(stack, bruno, rideId);
    expect(forHelper).toMatchObject({
      address: 'Via Vittorio Emanuele 12, Alba',
      sensitiveNotes: 'Porta il pacemaker',
    });
    const forOther = await stack.graphql<{ need: unknown }>(NEED, { id: rideId }, { token: anna.token });
    expect(JSON.stringify(forOther)).not.toContain('Vittorio Emanuele');
    // Withdrawn helpers no longer see the ride at all.
    const withdrawn = await stack.graphql(NEED_DETAILS, { id: rideId }, { token: carla.token });
    expect(codeOf(withdrawn)).toBe('NEED_NOT_FOUND');
    expect(JSON.stringify(withdrawn)).not.toContain('Verduno');
  });

  it('the engagement goes in progress and is completed with hours logged, with history', async () => {
    const notHelper = await stack.graphql(START, { id: engagementId }, { token: anna.token });
    expect(codeOf(notHelper)).toBe('ENGAGEMENT_NOT_FOUND');
    const early = await stack.graphql(COMPLETE, { id: engagementId, hours: 2 }, { token: bruno.token });
    expect(codeOf(early)).toBe('ENGAGEMENT_TRANSITION_INVALID');
    // Not days before it happens: the same engagement two days later cannot start yet.
    const moveSlot = (interval: string) =>
      stack.dataSource.query(
        `UPDATE engagements SET during = tstzrange(lower(during) + $2::interval, upper(during) + $2::interval)
          WHERE id = $1`,
        [engagementId, interval],
      );
    await moveSlot('2 days');
    const tooEarly = await stack.graphql(START, { id: engagementId }, { token: bruno.token, language: 'en' });
    expect(tooEarly.errors?.[0].extensions).toMatchObject({
      code: 'ENGAGEMENT_TOO_EARLY',
      field: 'engagementId',
    });
    expect(tooEarly.errors?.[0].message).toMatch(
      /^It is too early to start: you can start this engagement from \d\d\/\d\d \d\d:\d\d\.$/,
    );
    await moveSlot('-2 days');
    expect(
      ok(
        await stack.graphql<{ startEngagement: { status: string } }>(
          START,
          { id: engagementId },
          { token: bruno.token },
        ),
      ).startEngagement.status,
    ).toBe('IN_PROGRESS');
    // The ride holds Bruno from pickup to drop-off (3 hours 30 minutes, with the buffers): not 5 hours.
    const tooMany = await stack.graphql(COMPLETE, { id: engagementId, hours: 5 }, { token: bruno.token });
    expect(tooMany.errors?.[0].extensions).toMatchObject({
      code: 'HOURS_LOGGED_TOO_MANY',
      field: 'hoursLogged',
    });
    expect(tooMany.errors?.[0].message).toBe(
      'Le ore indicate superano la durata dell’impegno: al massimo 4.5.',
    );
    const done = ok(
      await stack.graphql<{ completeEngagement: { status: string; hoursLogged: number } }>(
        COMPLETE,
        { id: engagementId, hours: 3.5 },
        { token: bruno.token },
      ),
    ).completeEngagement;
    expect(done).toMatchObject({ status: 'COMPLETED', hoursLogged: 3.5 });
    const need = await needSeenBy(stack, citizen, rideId);
    expect(need.status).toBe('COMPLETED');
    const history = ok(
      await stack.graphql<{ engagementHistory: { from: string | null; to: string; actorUserId: string }[] }>(
        HISTORY,
        { id: engagementId },
        { token: citizen.token },
      ),
    ).engagementHistory;
    expect(history.map((h) => [h.from, h.to])).toEqual([
      [null, 'CONFIRMED'],
      ['CONFIRMED', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'COMPLETED'],
    ]);
    expect(history.every((h) => h.actorUserId === bruno.userId)).toBe(true);

    // The deprecated single-star rating writes the citizen's review of the helper, once; the
    // helper cannot use it.
    const RATE = `mutation ($id: ID!, $stars: Int!) { rateEngagement(input: { engagementId: $id, stars: $stars }) { id } }`;
    expect(codeOf(await stack.graphql(RATE, { id: engagementId, stars: 5 }, { token: bruno.token }))).toBe(
      'ENGAGEMENT_NOT_FOUND',
    );
    ok(await stack.graphql(RATE, { id: engagementId, stars: 5 }, { token: citizen.token }));
    expect(codeOf(await stack.graphql(RATE, { id: engagementId, stars: 4 }, { token: citizen.token }))).toBe(
      'REVIEW_ALREADY_WRITTEN',
    );
    const [rated]: { subject_user_id: string; overall_stars: string; status: string }[] =
      await stack.dataSource.query(
        `SELECT subject_user_id, overall_stars, status FROM reviews WHERE engagement_id = $1 AND author_side = 'citizen'`,
        [engagementId],
      );
    expect(rated).toEqual({ subject_user_id: bruno.userId, overall_stars: '5.00', status: 'published' });
  });

  it('a declined proposal makes room for the next candidate', async () => {
    const posted = ok(
      await stack.graphql<{ postNeed: { id: string } }>(
        POST_NEED,
        // Later the same day, so Bruno's finished ride does not matter; one passenger, no wheelchair.
        {
          input: rideInput({
            windowStart: hoursFromNow(6.5),
            windowEnd: hoursFromNow(9),
            accessibilityNeeds: [],
            details: {
              ride: {
                ...(rideInput().details as { ride: Record<string, unknown> }).ride,
                appointmentAt: hoursFromNow(7),
                returnTripWanted: false,
                returnAt: null,
                wheelchair: false,
                passengers: 1,
              },
            },
          }),
        },
        { token: citizen.token },
      ),
    );
    const needId = posted.postNeed.id;
    const asked = async () =>
      (await stack.dataSource.query(`SELECT helper_user_id FROM match_proposals WHERE need_id = $1`, [
        needId,
      ])) as {
        helper_user_id: string;
      }[];
    await waitUntil(async () => (await asked()).length === 3);
    const first = new Set((await asked()).map((row) => row.helper_user_id));
    const helpers = [anna, bruno, carla, dario];
    const left = helpers.find((user) => !first.has(user.userId))!;
    const decliner = helpers.find((user) => first.has(user.userId))!;
    const proposal = (await proposalsOf(decliner)).find((p) => p.needId === needId)!;
    expect(
      ok(
        await stack.graphql<{ declineProposal: { status: string } }>(
          DECLINE,
          { id: proposal.id },
          { token: decliner.token },
        ),
      ).declineProposal.status,
    ).toBe('DECLINED');
    // The worker asks the one helper not asked yet; Enzo in Torino never.
    await waitUntil(async () => (await asked()).some((row) => row.helper_user_id === left.userId));
    expect((await asked()).map((row) => row.helper_user_id)).not.toContain(enzo.userId);
  });

  it('a need nobody can take lands on the operator’s unmatched list with the reason', async () => {
    const posted = ok(
      await stack.graphql<{ postNeed: { id: string } }>(
        POST_NEED,
        { input: companionshipInput(3, 4) },
        { token: citizen.token },
      ),
    );
    const needId = posted.postNeed.id;
    let items: { needId: string; reason: string; reasonText: string }[] = [];
    await waitUntil(async () => {
      items = ok(
        await stack.graphql<{ unmatchedNeeds: { items: typeof items } }>(
          UNMATCHED,
          {},
          { token: operator.token },
        ),
      ).unmatchedNeeds.items;
      return items.some((item) => item.needId === needId);
    });
    const item = items.find((entry) => entry.needId === needId)!;
    expect(item.reason).toBe('NO_HELPER_IN_RANGE');
    expect(item.reasonText).toContain('Nessun volontario');
    const forCitizen = await stack.graphql(UNMATCHED, {}, { token: citizen.token });
    expect(codeOf(forCitizen)).toBe('FORBIDDEN');
    const elsewhere = ok(
      await stack.graphql<{ unmatchedNeeds: { items: typeof items } }>(
        UNMATCHED,
        {},
        { token: foreignOperator.token },
      ),
    ).unmatchedNeeds.items;
    expect(elsewhere.map((entry) => entry.needId)).not.toContain(needId);

    // Helpers in range but none free then; free but no car with six seats.
    const ride = (rideInput().details as { ride: Record<string, unknown> }).ride;
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          windowStart: hoursFromNow(40),
          windowEnd: hoursFromNow(44),
          details: {
            ride: { ...ride, appointmentAt: hoursFromNow(41), returnTripWanted: false, returnAt: null },
          },
        },
        'NONE_AVAILABLE',
      ],
      [
        {
          windowStart: hoursFromNow(7.5),
          windowEnd: hoursFromNow(9),
          details: {
            ride: {
              ...ride,
              appointmentAt: hoursFromNow(8),
              returnTripWanted: false,
              returnAt: null,
              passengers: 6,
            },
          },
        },
        'REQUIREMENT_NOT_MET',
      ],
    ];
    for (const [overrides, reason] of cases) {
      const id = await postNeedAs(stack, citizen, rideInput(overrides));
      await waitUntil(async () => {
        items = ok(
          await stack.graphql<{ unmatchedNeeds: { items: typeof items } }>(
            UNMATCHED,
            {},
            { token: operator.token, language: 'en' },
          ),
        ).unmatchedNeeds.items;
        return items.some((entry) => entry.needId === id);
      });
      expect(items.find((entry) => entry.needId === id)!.reason).toBe(reason);
    }
  });

  it('a blocked helper is never proposed; a helper accepts by answering the SMS', async () => {
    const other = await signUp(stack);
    const BLOCK = `mutation ($id: ID!) { blockHelper(input: { helperUserId: $id }) }`;
    expect(
      ok(await stack.graphql<{ blockHelper: boolean }>(BLOCK, { id: anna.userId }, { token: other.token }))
        .blockHelper,
    ).toBe(true);
    const ride = (rideInput().details as { ride: Record<string, unknown> }).ride;
    const before = [bruno, carla, dario].map((user) => stack.gateway.messagesTo(user.phone).length);
    const needId = await postNeedAs(
      stack,
      other,
      rideInput({
        windowStart: hoursFromNow(8.5),
        windowEnd: hoursFromNow(9.7),
        accessibilityNeeds: [],
        details: {
          ride: {
            ...ride,
            appointmentAt: hoursFromNow(9),
            returnTripWanted: false,
            returnAt: null,
            wheelchair: false,
            passengers: 1,
          },
        },
      }),
    );
    for (const [index, user] of [bruno, carla, dario].entries()) {
      await stack.gateway.waitFor(() => stack.gateway.messagesTo(user.phone).length > before[index]);
    }
    const asked: { helper_user_id: string }[] = await stack.dataSource.query(
      `SELECT helper_user_id FROM match_proposals WHERE need_id = $1`,
      [needId],
    );
    expect(asked.map((row) => row.helper_user_id)).not.toContain(anna.userId);

    // Carla answers "SI <code>" to her SMS. It names who asks: a citizen without a name is someone of her Comune.
    const text = stack.gateway.messagesTo(carla.phone).at(-1)!.text;
    expect(text).toMatch(/^Prossimo: Una persona di [A-Z][^:]+ chiede aiuto: /);
    const code = /SI ([A-Z2-9]{4})/.exec(text)![1];
    const answer = await stack.api.get(SmsReplyService).handleInbound(carla.phone, `si ${code}`);
    expect(answer).toMatchObject({ result: 'accepted', targetType: 'proposal' });
    const engagements: { helper_user_id: string; status: string }[] = await stack.dataSource.query(
      `SELECT helper_user_id, status FROM engagements WHERE need_id = $1`,
      [needId],
    );
    expect(engagements).toEqual([{ helper_user_id: carla.userId, status: 'confirmed' }]);

    // Carla does not come: the citizen reports it, the need is open again and the helpers whose
    // proposals were withdrawn are asked again (not Carla, not the blocked Anna).
    const NO_SHOW = `mutation ($id: ID!) { reportNoShow(input: { engagementId: $id, reason: "Non è venuta" }) { id status } }`;
    const [engagement]: { id: string }[] = await stack.dataSource.query(
      `SELECT id FROM engagements WHERE need_id = $1`,
      [needId],
    );
    expect(codeOf(await stack.graphql(NO_SHOW, { id: engagement.id }, { token: carla.token }))).toBe(
      'ENGAGEMENT_NOT_FOUND',
    );
    expect(
      ok(
        await stack.graphql<{ reportNoShow: { status: string } }>(
          NO_SHOW,
          { id: engagement.id },
          { token: other.token },
        ),
      ).reportNoShow.status,
    ).toBe('NO_SHOW');
    expect((await needSeenBy(stack, other, needId)).status).toBe('OPEN');
    const pendingFor = async () =>
      (
        (await stack.dataSource.query(
          `SELECT helper_user_id FROM match_proposals WHERE need_id = $1 AND status = 'pending' ORDER BY helper_user_id`,
          [needId],
        )) as { helper_user_id: string }[]
      ).map((row) => row.helper_user_id);
    await waitUntil(async () => (await pendingFor()).length === 2);
    expect(await pendingFor()).toEqual([bruno.userId, dario.userId].sort());
  });

  it('64 helpers accept the same need at once: exactly one engagement', async () => {
    const needId = await postNeedAs(stack, citizen, companionshipInput(20, 21));
    const helpers = await Promise.all(Array.from({ length: 64 }, () => signUp(stack)));
    for (const helper of helpers) {
      // Proposals inserted directly: the race is about acceptance, not about who is asked.
      await stack.dataSource.query(
        `WITH v AS (
           INSERT INTO volunteer_profiles (user_id, display_name, home_lat, home_lon, comune_istat, travel_radius_km,
                                           weekly_hour_limit, categories)
           VALUES ($1, 'Volontario', 44.70, 8.03, $2, 10, 10, '{companionship}') RETURNING id)
         INSERT INTO match_proposals (need_id, helper_user_id, volunteer_id, rank, score, distance_km, breakdown,
                                      status, expires_at)
         SELECT $3, $1, v.id, 1, 0.5, 1, $4, 'pending', now() + interval '1 hour' FROM v`,
        [
          helper.userId,
          PIEDMONT.alba,
          needId,
          JSON.stringify({ total: 0.5, components: [], summary: { it: '', en: '' } }),
        ],
      );
    }
    const proposals: { id: string; helper_user_id: string }[] = await stack.dataSource.query(
      `SELECT id, helper_user_id FROM match_proposals WHERE need_id = $1`,
      [needId],
    );
    const results = await Promise.all(
      helpers.map((helper) =>
        stack.graphql(
          ACCEPT,
          { id: proposals.find((p) => p.helper_user_id === helper.userId)!.id },
          { token: helper.token },
        ),
      ),
    );
    const winners = results.filter((result) => !result.errors);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((result) => result.errors)) {
      expect(['PROPOSAL_NOT_PENDING', 'NEED_ALREADY_MATCHED']).toContain(codeOf(loser));
    }
    const engagements: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM engagements WHERE need_id = $1`,
      [needId],
    );
    expect(engagements).toHaveLength(1);
    const statuses: { status: string; n: number }[] = await stack.dataSource.query(
      `SELECT status, count(*)::int AS n FROM match_proposals WHERE need_id = $1 GROUP BY status ORDER BY status`,
      [needId],
    );
    expect(statuses).toEqual([
      { status: 'accepted', n: 1 },
      { status: 'withdrawn', n: 63 },
    ]);
    // The need left the unmatched list when it was matched.
    const unmatched = ok(
      await stack.graphql<{ unmatchedNeeds: { items: { needId: string }[] } }>(
        UNMATCHED,
        {},
        { token: operator.token },
      ),
    ).unmatchedNeeds.items;
    expect(unmatched.map((item) => item.needId)).not.toContain(needId);
  });

  it('32 parallel bookings of overlapping slots for one helper: none overlap (exclusion constraint)', async () => {
    const helper = await signUp(stack);
    const [volunteer]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO volunteer_profiles (user_id, display_name, home_lat, home_lon, comune_istat, travel_radius_km,
                                       weekly_hour_limit, categories)
       VALUES ($1, 'Volontaria', 44.70, 8.03, $2, 10, 60, '{companionship}') RETURNING id`,
      [helper.userId, PIEDMONT.alba],
    );
    // 32 needs whose windows all overlap the next one (staggered by 15 minutes, 2 hours long).
    const needIds: string[] = [];
    for (let i = 0; i < 32; i++) {
      needIds.push(await postNeedAs(stack, citizen, companionshipInput(30 + i / 4, 32 + i / 4)));
    }
    const proposalIds: string[] = [];
    for (const needId of needIds) {
      const [row]: { id: string }[] = await stack.dataSource.query(
        `INSERT INTO match_proposals (need_id, helper_user_id, volunteer_id, rank, score, distance_km, breakdown,
                                      status, expires_at)
         VALUES ($1, $2, $3, 1, 0.5, 1, $4, 'pending', now() + interval '1 hour') RETURNING id`,
        [
          needId,
          helper.userId,
          volunteer.id,
          JSON.stringify({ total: 0.5, components: [], summary: { it: '', en: '' } }),
        ],
      );
      proposalIds.push(row.id);
    }
    const results = await Promise.all(
      proposalIds.map((id) => stack.graphql(ACCEPT, { id }, { token: helper.token })),
    );
    const booked = results.filter((result) => !result.errors).length;
    expect(booked).toBeGreaterThanOrEqual(1);
    for (const refused of results.filter((result) => result.errors)) {
      expect(codeOf(refused)).toBe('ENGAGEMENT_OVERLAP');
    }
    const overlapping: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM engagements a JOIN engagements b ON a.helper_user_id = b.helper_user_id AND a.id < b.id
        WHERE a.helper_user_id = $1 AND a.status IN ('confirmed', 'in_progress')
          AND b.status IN ('confirmed', 'in_progress') AND a.during && b.during`,
      [helper.userId],
    );
    expect(overlapping).toHaveLength(0);
    // Slots 15 minutes apart and 2 hours long (over 9¾ hours): at most every eighth can be booked.
    expect(booked).toBeLessThanOrEqual(4);

    // The database itself refuses, even without the application's checks.
    const engaged: { need_id: string; during: string }[] = await stack.dataSource.query(
      `SELECT need_id, during::text FROM engagements WHERE helper_user_id = $1`,
      [helper.userId],
    );
    const engagement = engaged[0];
    const free = needIds.find((id) => !engaged.some((row) => row.need_id === id));
    await expect(
      stack.dataSource.query(
        `INSERT INTO engagements (need_id, helper_user_id, during, status) VALUES ($1, $2, $3::tstzrange, 'confirmed')`,
        [free, helper.userId, engagement.during],
      ),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23P01' }) });
  });
});

describe('Matching: a proposal that times out goes to the next candidate', () => {
  const stack = startStackForFile({
    env: { MATCHING_PROPOSALS_PER_NEED: '1', MATCHING_PROPOSAL_TTL_SECONDS: '2' },
  });

  beforeAll(async () => {});

  it('the first helper does not answer; after the time limit the second is asked', async () => {
    const citizen = await signUp(stack);
    const [first, second] = await Promise.all([signUp(stack), signUp(stack)]);
    // Bra, away from the other describe's helpers.
    const bra = { lat: 44.6975, lon: 7.855 };
    for (const [user, name, home] of [
      [first, 'Primo', { lat: 44.698, lon: 7.856 }],
      [second, 'Secondo', { lat: 44.71, lon: 7.87 }],
    ] as const) {
      await saveVolunteerProfile(stack, user, profile(name, home, { seats: 4, wheelchairAccessible: true }));
    }
    const needId = await postNeedAs(
      stack,
      citizen,
      rideInput({
        location: bra,
        maxDistanceKm: 5,
        details: {
          ride: {
            ...(rideInput().details as { ride: Record<string, unknown> }).ride,
            pickupLocation: bra,
          },
        },
      }),
    );
    const proposals = async () =>
      (await stack.dataSource.query(
        `SELECT helper_user_id, status FROM match_proposals WHERE need_id = $1 ORDER BY rank`,
        [needId],
      )) as { helper_user_id: string; status: string }[];
    const deadline = Date.now() + 20000;
    while ((await proposals()).length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await proposals()).toEqual([
      { helper_user_id: first.userId, status: 'expired' },
      { helper_user_id: second.userId, status: 'pending' },
    ]);
  });
});
