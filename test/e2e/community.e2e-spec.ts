import { randomBytes, randomUUID } from 'node:crypto';
import { addDays, dayOfWeekOf, fromLocal, todayInRome } from '@prossimo/community';
import {
  createTerritory,
  grantRole,
  ok,
  registerOrganisation,
  SignedInUser,
  signUp,
} from '../support/fixtures';
import { GraphQLResult, startStackForFile } from '../support/stack';

// Comuni no other test file uses, so that moderation modes set elsewhere do not apply here.
const SAVIGLIANO = '004215';
const BIELLA = '096004';
const HOME = { lat: 44.653, lon: 7.65 };

const UPSERT = `mutation ($input: UpsertVolunteerProfileInput!) {
  upsertVolunteerProfile(input: $input) { id comuneIstat comuneName homeLat homeLon moderationStatus vehicle { seats } }
}`;
const MY_PROFILE = `{ myVolunteerProfile { id homeLat homeLon comuneIstat } }`;
const MY_AVAILABILITY = `{ myAvailability { id kind dayOfWeek start end startsAt endsAt nextOccurrences { startsAt endsAt } } }`;
const AVAILABLE = `query ($comuneIstat: String, $lat: Float, $lon: Float, $radiusKm: Int, $from: DateTime!, $to: DateTime!) {
  availableVolunteers(comuneIstat: $comuneIstat, lat: $lat, lon: $lon, radiusKm: $radiusKm, from: $from, to: $to) {
    items { id displayName comuneName distanceKm }
  }
}`;
const PUBLISH_OFFER = `mutation ($input: PublishVolunteerOfferInput!) {
  publishVolunteerOffer(input: $input) { id kind title comuneIstat ride { freeSeats seatsLeft departureAt } }
}`;
const SEARCH_OFFERS = `query ($filter: VolunteerOfferFilter) {
  searchVolunteerOffers(filter: $filter) { items { id distanceKm ride { seatsLeft } } }
}`;
const JOIN = `mutation ($input: RequestToJoinVolunteerOfferInput!) {
  requestToJoinVolunteerOffer(input: $input) { id status seats }
}`;
const ACCEPT_JOIN = `mutation ($id: ID!) { acceptJoinRequest(input: { requestId: $id }) { id status } }`;
const OFFER_REQUESTS = `query ($offerId: ID!) {
  volunteerOfferJoinRequests(offerId: $offerId) { items { id message status seats } }
}`;
const PUBLISH_CALL = `mutation ($input: PublishCallToActionInput!) {
  publishCallToAction(input: $input) { id title volunteersWanted acceptedCount places { istat name } }
}`;
const CALLS = `query ($comuneIstat: String) { callsToAction(comuneIstat: $comuneIstat) { items { id title } } }`;
const ANSWER_CALL = `mutation ($callId: ID!) { answerCallToAction(input: { callId: $callId, message: "Ci sono" }) { id status } }`;
const CALL_ANSWERS = `query ($callId: ID!) {
  callAnswers(callId: $callId) { items { id status message volunteer { id displayName comuneName } } }
}`;
const ACCEPT_ANSWER = `mutation ($id: ID!) { acceptCallAnswer(input: { answerId: $id }) { id status } }`;

function errorOf(result: GraphQLResult<unknown>): Record<string, unknown> | undefined {
  return result.errors?.[0]?.extensions;
}

/** The first date after today (Rome calendar) that falls on the given ISO weekday. */
function nextWeekday(dayOfWeek: number): string {
  let date = addDays(todayInRome(), 1);
  while (dayOfWeekOf(date) !== dayOfWeek) date = addDays(date, 1);
  return date;
}

const at = (date: string, hour: number) => fromLocal(date, hour * 60).toISOString();

function profileInput(name: string, availability?: unknown[]) {
  return {
    displayName: name,
    bio: 'Pensionato, accompagno volentieri alle visite e faccio la spesa.',
    skills: ['guida', 'spesa'],
    categories: ['RIDES_AND_ACCOMPANIMENT', 'COMPANIONSHIP'],
    languages: ['it', 'en'],
    homeLat: HOME.lat,
    homeLon: HOME.lon,
    travelRadiusKm: 15,
    vehicle: { seats: 3, wheelchairAccessible: false },
    weeklyHourLimit: 6,
    ...(availability ? { availability } : {}),
  };
}

describe('community: volunteers, availability, offers and calls to action', () => {
  const stack = startStackForFile();
  let volunteer: SignedInUser;
  let operator: SignedInUser;
  let foreignOperator: SignedInUser;
  let profileId: string;
  const tuesday = nextWeekday(2);
  const saturday = nextWeekday(6);

  beforeAll(async () => {
    const suffix = randomBytes(3).toString('hex');
    const territory = await createTerritory(stack.dataSource, `Community Savigliano ${suffix}`, [SAVIGLIANO]);
    const elsewhere = await createTerritory(stack.dataSource, `Community Biella ${suffix}`, [BIELLA]);
    [volunteer, operator, foreignOperator] = await Promise.all([signUp(stack), signUp(stack), signUp(stack)]);
    await grantRole(stack.dataSource, operator.userId, 'comune_operator', { territoryId: territory });
    await grantRole(stack.dataSource, foreignOperator.userId, 'comune_operator', { territoryId: elsewhere });
  });

  it('refuses a reversed window naming the field and writes nothing', async () => {
    const result = await stack.graphql(
      UPSERT,
      {
        input: profileInput('Giulia', [
          { recurring: { dayOfWeek: 2, start: '09:00', end: '12:00' } },
          { recurring: { dayOfWeek: 4, start: '18:00', end: '16:30' } },
        ]),
      },
      { token: volunteer.token },
    );
    expect(errorOf(result)).toMatchObject({
      code: 'AVAILABILITY_END_NOT_AFTER_START',
      field: 'availability.1.recurring.end',
    });
    expect(result.errors?.[0].message).toContain('availability.1.recurring.end');
    expect(ok(await stack.graphql(MY_PROFILE, {}, { token: volunteer.token })).myVolunteerProfile).toBeNull();
    const roles: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM user_roles WHERE user_id = $1 AND role = 'volunteer'`,
      [volunteer.userId],
    );
    expect(roles).toHaveLength(0);
  });

  it('refuses an affiliation to an organisation that does not exist, naming the field, and writes nothing', async () => {
    const result = await stack.graphql(
      UPSERT,
      { input: { ...profileInput('Giulia'), organisationId: randomUUID() } },
      { token: volunteer.token },
    );
    expect(errorOf(result)).toMatchObject({
      code: 'AFFILIATION_ORGANISATION_NOT_FOUND',
      field: 'organisationId',
    });
    expect(ok(await stack.graphql(MY_PROFILE, {}, { token: volunteer.token })).myVolunteerProfile).toBeNull();
  });

  it('registers a profile with availability; the public view hides the home', async () => {
    const created = ok(
      await stack.graphql<{
        upsertVolunteerProfile: {
          id: string;
          comuneIstat: string;
          homeLat: number;
          moderationStatus: string;
        };
      }>(
        UPSERT,
        {
          input: profileInput('Giulia', [
            { recurring: { dayOfWeek: 2, start: '09:00', end: '12:00' } },
            { oneOff: { startsAt: at(saturday, 14), endsAt: at(saturday, 18) } },
          ]),
        },
        { token: volunteer.token },
      ),
    ).upsertVolunteerProfile;
    profileId = created.id;
    // The Comune is derived from the home point (nearest centre); post-moderation publishes at once.
    expect(created).toMatchObject({
      comuneIstat: SAVIGLIANO,
      homeLat: HOME.lat,
      moderationStatus: 'PUBLISHED',
    });
    const roles: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM user_roles WHERE user_id = $1 AND role = 'volunteer'`,
      [volunteer.userId],
    );
    expect(roles).toHaveLength(1);

    const mine = ok(
      await stack.graphql<{ myVolunteerProfile: unknown }>(MY_PROFILE, {}, { token: volunteer.token }),
    );
    expect(mine.myVolunteerProfile).toMatchObject({ id: profileId, homeLat: HOME.lat, homeLon: HOME.lon });

    const publicView = await stack.graphql(
      `query ($id: ID!) { volunteerProfile(id: $id) { id displayName comuneName bio vehicle { seats } } }`,
      { id: profileId },
    );
    expect(ok(publicView)).toMatchObject({ volunteerProfile: { id: profileId, comuneName: 'Savigliano' } });
    expect(JSON.stringify(publicView.data)).not.toContain(String(HOME.lat));
    const asking = await stack.graphql(`query ($id: ID!) { volunteerProfile(id: $id) { homeLat } }`, {
      id: profileId,
    });
    expect(errorOf(asking)?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const windows = ok(
      await stack.graphql<{
        myAvailability: { kind: string; start: string | null; nextOccurrences: { startsAt: string }[] }[];
      }>(MY_AVAILABILITY, {}, { token: volunteer.token }),
    ).myAvailability;
    expect(windows.map((window) => window.kind).sort()).toEqual(['ONE_OFF', 'RECURRING']);
    const weekly = windows.find((window) => window.kind === 'RECURRING')!;
    expect(weekly.start).toBe('09:00');
    expect(weekly.nextOccurrences.length).toBeGreaterThanOrEqual(4);
    expect(weekly.nextOccurrences[0].startsAt <= at(tuesday, 9)).toBe(true);
  });

  it('adds and removes single windows, rejecting a reversed one-off', async () => {
    // Each window added asks matching to look again, by an outbox row of the same transaction.
    const askedMatching = async () => {
      const [{ count }]: { count: number }[] = await stack.dataSource.query(
        `SELECT count(*)::int AS count FROM outbox o JOIN volunteer_profiles p ON o.payload->>'volunteerId' = p.id::text
          WHERE o.job_name = 'match-near-volunteer' AND p.user_id = $1`,
        [volunteer.userId],
      );
      return count;
    };
    const askedBefore = await askedMatching();
    const reversed = await stack.graphql(
      `mutation ($input: AvailabilityWindowInput!) { addAvailabilityWindow(input: $input) { id } }`,
      { input: { oneOff: { startsAt: at(saturday, 20), endsAt: at(saturday, 19) } } },
      { token: volunteer.token },
    );
    expect(errorOf(reversed)).toMatchObject({
      code: 'AVAILABILITY_END_NOT_AFTER_START',
      field: 'oneOff.endsAt',
    });
    const added = ok(
      await stack.graphql<{ addAvailabilityWindow: { id: string; dayOfWeek: number } }>(
        `mutation ($input: AvailabilityWindowInput!) { addAvailabilityWindow(input: $input) { id dayOfWeek } }`,
        { input: { recurring: { dayOfWeek: 5, start: '15:00', end: '17:00' } } },
        { token: volunteer.token },
      ),
    ).addAvailabilityWindow;
    expect(added.dayOfWeek).toBe(5);
    expect(await askedMatching()).toBe(askedBefore + 1);
    const count = async () =>
      ok(await stack.graphql<{ myAvailability: unknown[] }>(MY_AVAILABILITY, {}, { token: volunteer.token }))
        .myAvailability.length;
    expect(await count()).toBe(3);
    ok(
      await stack.graphql(
        `mutation ($id: ID!) { removeAvailabilityWindow(id: $id) }`,
        { id: added.id },
        {
          token: volunteer.token,
        },
      ),
    );
    expect(await count()).toBe(2);
  });

  it('answers NOT_FOUND for another volunteer’s window and for a removed one, deleting nothing', async () => {
    const other = await signUp(stack);
    ok(await stack.graphql(UPSERT, { input: profileInput('Piero') }, { token: other.token }));
    const [theirs] = ok(
      await stack.graphql<{ myAvailability: { id: string }[] }>(
        MY_AVAILABILITY,
        {},
        { token: volunteer.token },
      ),
    ).myAvailability;
    const remove = (id: string, token: string) =>
      stack.graphql(`mutation ($id: ID!) { removeAvailabilityWindow(id: $id) }`, { id }, { token });
    const foreign = await remove(theirs.id, other.token);
    expect(foreign.data?.removeAvailabilityWindow ?? null).toBeNull();
    expect(errorOf(foreign)).toMatchObject({ code: 'AVAILABILITY_WINDOW_NOT_FOUND', field: 'id' });
    const windows = ok(
      await stack.graphql<{ myAvailability: { id: string }[] }>(
        MY_AVAILABILITY,
        {},
        { token: volunteer.token },
      ),
    ).myAvailability;
    expect(windows.map((window) => window.id)).toContain(theirs.id);
    const unknown = await remove(randomUUID(), volunteer.token);
    expect(errorOf(unknown)).toMatchObject({ code: 'AVAILABILITY_WINDOW_NOT_FOUND', field: 'id' });
  });

  it('finds the volunteer for a time inside a window and not outside; other territories are refused', async () => {
    const search = async (
      from: string,
      to: string,
      area: Record<string, unknown> = { comuneIstat: SAVIGLIANO },
    ) =>
      ok(
        await stack.graphql<{ availableVolunteers: { items: { id: string; distanceKm: number }[] } }>(
          AVAILABLE,
          { ...area, from, to },
          { token: operator.token },
        ),
      ).availableVolunteers.items;

    const inWeekly = await search(at(tuesday, 10), at(tuesday, 11));
    expect(inWeekly.map((item) => item.id)).toContain(profileId);
    expect(JSON.stringify(inWeekly)).not.toContain(String(HOME.lat));
    expect(inWeekly.find((item) => item.id === profileId)?.distanceKm).toBe(1);

    expect((await search(at(tuesday, 11), at(tuesday, 13))).map((item) => item.id)).not.toContain(profileId);
    expect((await search(at(tuesday, 13), at(tuesday, 14))).map((item) => item.id)).not.toContain(profileId);
    expect((await search(at(saturday, 15), at(saturday, 17))).map((item) => item.id)).toContain(profileId);
    expect((await search(at(saturday, 17), at(saturday, 19))).map((item) => item.id)).not.toContain(
      profileId,
    );

    const byPoint = await search(at(saturday, 15), at(saturday, 16), { lat: 44.64, lon: 7.66, radiusKm: 5 });
    expect(byPoint.map((item) => item.id)).toContain(profileId);

    const foreign = await stack.graphql(
      AVAILABLE,
      { comuneIstat: SAVIGLIANO, from: at(tuesday, 10), to: at(tuesday, 11) },
      { token: foreignOperator.token },
    );
    expect(errorOf(foreign)?.code).toBe('FORBIDDEN');
    const citizen = await stack.graphql(
      AVAILABLE,
      { comuneIstat: SAVIGLIANO, from: at(tuesday, 10), to: at(tuesday, 11) },
      { token: volunteer.token },
    );
    expect(errorOf(citizen)?.code).toBe('FORBIDDEN');
  });

  it('publishes a ride; a citizen joins, the volunteer accepts; requests beyond the free seats are refused', async () => {
    const [first, second, third, fourth] = await Promise.all([
      signUp(stack),
      signUp(stack),
      signUp(stack),
      signUp(stack),
    ]);
    const offer = ok(
      await stack.graphql<{
        publishVolunteerOffer: { id: string; title: string; ride: { seatsLeft: number } };
      }>(
        PUBLISH_OFFER,
        {
          input: {
            kind: 'RIDE',
            ride: {
              fromPlace: 'Piazza Santarosa, Savigliano',
              fromLat: 44.6485,
              fromLon: 7.657,
              toPlace: 'Ospedale di Verduno',
              toLat: 44.6661,
              toLon: 7.9307,
              departureAt: at(saturday, 8),
              freeSeats: 2,
            },
          },
        },
        { token: volunteer.token },
      ),
    ).publishVolunteerOffer;
    expect(offer).toMatchObject({
      title: 'Piazza Santarosa, Savigliano → Ospedale di Verduno',
      ride: { seatsLeft: 2 },
    });

    const tooMany = await stack.graphql(
      PUBLISH_OFFER,
      {
        input: {
          kind: 'RIDE',
          ride: {
            fromPlace: 'Savigliano',
            fromLat: 44.6485,
            fromLon: 7.657,
            toPlace: 'Fossano',
            toLat: 44.5508,
            toLon: 7.7192,
            departureAt: at(saturday, 9),
            freeSeats: 5,
          },
        },
      },
      { token: volunteer.token },
    );
    expect(errorOf(tooMany)).toMatchObject({ code: 'RIDE_SEATS_OVER_VEHICLE', field: 'ride.freeSeats' });

    const found = ok(
      await stack.graphql<{ searchVolunteerOffers: { items: { id: string; distanceKm: number }[] } }>(
        SEARCH_OFFERS,
        {
          filter: { kind: 'RIDE', near: { lat: 44.65, lon: 7.66, radiusKm: 5 } },
        },
      ),
    ).searchVolunteerOffers.items;
    expect(found.map((item) => item.id)).toContain(offer.id);

    const join = (user: SignedInUser, seats: number, message?: string) =>
      stack.graphql<{ requestToJoinVolunteerOffer: { id: string; status: string } }>(
        JOIN,
        { input: { offerId: offer.id, seats, message } },
        { token: user.token },
      );
    const own = await join(volunteer, 1);
    expect(errorOf(own)?.code).toBe('JOIN_OWN_OFFER');

    const asked = ok(await join(first, 1, 'Visita in dialisi, ritorno alle 12')).requestToJoinVolunteerOffer;
    expect(asked.status).toBe('PENDING');
    const stored: { message_encrypted: string }[] = await stack.dataSource.query(
      `SELECT message_encrypted FROM volunteer_offer_join_requests WHERE id = $1`,
      [asked.id],
    );
    expect(stored[0].message_encrypted).not.toContain('dialisi');
    const seen = ok(
      await stack.graphql<{ volunteerOfferJoinRequests: { items: { id: string; message: string }[] } }>(
        OFFER_REQUESTS,
        { offerId: offer.id },
        { token: volunteer.token },
      ),
    ).volunteerOfferJoinRequests.items;
    expect(seen).toEqual([
      expect.objectContaining({ id: asked.id, message: 'Visita in dialisi, ritorno alle 12' }),
    ]);
    expect(
      errorOf(await stack.graphql(OFFER_REQUESTS, { offerId: offer.id }, { token: second.token }))?.code,
    ).toBe('FORBIDDEN');

    expect(errorOf(await stack.graphql(ACCEPT_JOIN, { id: asked.id }, { token: first.token }))?.code).toBe(
      'FORBIDDEN',
    );
    const accepted = ok(
      await stack.graphql<{ acceptJoinRequest: { status: string } }>(
        ACCEPT_JOIN,
        { id: asked.id },
        {
          token: volunteer.token,
        },
      ),
    );
    expect(accepted.acceptJoinRequest.status).toBe('ACCEPTED');
    const history: { from_status: string | null; to_status: string }[] = await stack.dataSource.query(
      `SELECT from_status, to_status FROM status_history WHERE entity_id = $1 ORDER BY id`,
      [asked.id],
    );
    expect(history).toEqual([
      { from_status: null, to_status: 'pending' },
      { from_status: 'pending', to_status: 'accepted' },
    ]);

    // One seat is left: asking for two is refused, naming the field.
    const beyond = await join(second, 2);
    expect(errorOf(beyond)).toMatchObject({ code: 'NOT_ENOUGH_SEATS', field: 'seats', seatsLeft: 1 });

    // Two requests for the last seat, accepted at the same time: exactly one wins.
    const a = ok(await join(third, 1)).requestToJoinVolunteerOffer;
    const b = ok(await join(fourth, 1)).requestToJoinVolunteerOffer;
    const results = await Promise.all([
      stack.graphql(ACCEPT_JOIN, { id: a.id }, { token: volunteer.token }),
      stack.graphql(ACCEPT_JOIN, { id: b.id }, { token: volunteer.token }),
    ]);
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.map((result) => errorOf(result)?.code).filter(Boolean)).toEqual(['NOT_ENOUGH_SEATS']);
    const [seats]: { accepted_seats: number }[] = await stack.dataSource.query(
      `SELECT accepted_seats FROM volunteer_offers WHERE id = $1`,
      [offer.id],
    );
    expect(seats.accepted_seats).toBe(2);

    // A full ride leaves the public search; cancelling frees the seat again.
    const search = async () =>
      ok(
        await stack.graphql<{ searchVolunteerOffers: { items: { id: string }[] } }>(SEARCH_OFFERS, {
          filter: { kind: 'RIDE', near: { lat: 44.65, lon: 7.66, radiusKm: 5 } },
        }),
      ).searchVolunteerOffers.items.map((item) => item.id);
    expect(await search()).not.toContain(offer.id);
    ok(
      await stack.graphql(
        `mutation ($id: ID!) { cancelJoinRequest(input: { requestId: $id }) { status } }`,
        { id: asked.id },
        { token: first.token },
      ),
    );
    expect(await search()).toContain(offer.id);

    // The volunteer withdraws the ride: it leaves the search and the accepted request ends with it.
    const cancelled = ok(
      await stack.graphql<{ cancelVolunteerOffer: { id: string } }>(
        `mutation ($id: ID!) { cancelVolunteerOffer(input: { offerId: $id, reason: "Auto dal meccanico" }) { id } }`,
        { id: offer.id },
        { token: volunteer.token },
      ),
    );
    expect(cancelled.cancelVolunteerOffer.id).toBe(offer.id);
    expect(await search()).not.toContain(offer.id);
    const left: { status: string }[] = await stack.dataSource.query(
      `SELECT DISTINCT status FROM volunteer_offer_join_requests WHERE offer_id = $1 AND status IN ('pending', 'accepted')`,
      [offer.id],
    );
    expect(left).toEqual([]);
  });

  it('an organisation lists its own calls in any state, with the Comune’s check; its admins read the answers', async () => {
    const [admin, member, stranger] = await Promise.all([signUp(stack), signUp(stack), signUp(stack)]);
    const { organisationId } = await registerOrganisation(stack, admin, { homeComuneIstat: SAVIGLIANO });
    await grantRole(stack.dataSource, member.userId, 'organisation_operator', { organisationId });
    const publish = (title: string) =>
      stack.graphql<{ publishCallToAction: { id: string } }>(
        PUBLISH_CALL,
        {
          input: {
            organisationId,
            title,
            description: 'Cerchiamo volontari per la distribuzione dei pacchi alimentari.',
            categories: ['SHOPPING_AND_DELIVERY'],
            comuneIstats: [SAVIGLIANO],
            volunteersWanted: 3,
          },
        },
        { token: admin.token },
      );
    const first = ok(await publish('Pacchi alimentari, turno del sabato')).publishCallToAction.id;
    const second = ok(await publish('Pacchi alimentari, turno del martedì')).publishCallToAction.id;
    const CALLS_OF = `query ($id: ID!, $after: String) {
      organisationCallsToAction(organisationId: $id, first: 1, after: $after) {
        items { id title moderationStatus acceptedCount volunteersWanted } pageInfo { hasNextPage endCursor } } }`;
    type CallsPage = {
      organisationCallsToAction: {
        items: { id: string; moderationStatus: string | null }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const page1 = ok(
      await stack.graphql<CallsPage>(CALLS_OF, { id: organisationId }, { token: member.token }),
    ).organisationCallsToAction;
    const page2 = ok(
      await stack.graphql<CallsPage>(
        CALLS_OF,
        { id: organisationId, after: page1.pageInfo.endCursor },
        { token: member.token },
      ),
    ).organisationCallsToAction;
    // Newest first, each with the Comune's check.
    expect([...page1.items, ...page2.items].map((item) => item.id)).toEqual([second, first]);
    expect(page1.items[0].moderationStatus).toEqual(expect.any(String));
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(
      errorOf(await stack.graphql(CALLS_OF, { id: organisationId }, { token: stranger.token }))?.code,
    ).toBe('FORBIDDEN');
    // An operator sees the calls; the answers are for the admins who publish them.
    expect(errorOf(await stack.graphql(CALL_ANSWERS, { callId: first }, { token: member.token }))?.code).toBe(
      'FORBIDDEN',
    );
    expect(ok(await stack.graphql(CALL_ANSWERS, { callId: first }, { token: admin.token }))).toEqual({
      callAnswers: { items: [] },
    });
  });

  it('an operator publishes a call, a volunteer answers, the publisher accepts up to the number wanted', async () => {
    const foreignCall = await stack.graphql(
      PUBLISH_CALL,
      {
        input: {
          title: 'Compagnia agli anziani',
          description: 'Visite settimanali',
          comuneIstats: [SAVIGLIANO],
          volunteersWanted: 1,
        },
      },
      { token: foreignOperator.token },
    );
    expect(errorOf(foreignCall)?.code).toBe('FORBIDDEN');
    const missing = await stack.graphql(
      PUBLISH_CALL,
      { input: { title: 'Senza numero', description: 'x', comuneIstats: [SAVIGLIANO] } },
      { token: operator.token },
    );
    expect(errorOf(missing)).toMatchObject({ code: 'FIELD_REQUIRED', field: 'volunteersWanted' });

    const call = ok(
      await stack.graphql<{ publishCallToAction: { id: string; places: { name: string }[] } }>(
        PUBLISH_CALL,
        {
          input: {
            title: 'Compagnia agli anziani',
            description: 'Visite settimanali agli anziani soli del centro storico.',
            categories: ['COMPANIONSHIP'],
            comuneIstats: [SAVIGLIANO],
            volunteersWanted: 1,
            endsOn: addDays(todayInRome(), 60),
          },
        },
        { token: operator.token },
      ),
    ).publishCallToAction;
    expect(call.places).toEqual([{ istat: SAVIGLIANO, name: 'Savigliano' }]);
    const listed = ok(
      await stack.graphql<{ callsToAction: { items: { id: string }[] } }>(CALLS, { comuneIstat: SAVIGLIANO }),
    ).callsToAction.items;
    expect(listed.map((item) => item.id)).toContain(call.id);

    const answer = ok(
      await stack.graphql<{ answerCallToAction: { id: string; status: string } }>(
        ANSWER_CALL,
        { callId: call.id },
        { token: volunteer.token },
      ),
    ).answerCallToAction;
    expect(answer.status).toBe('PENDING');
    expect(
      errorOf(await stack.graphql(ANSWER_CALL, { callId: call.id }, { token: volunteer.token }))?.code,
    ).toBe('CALL_ALREADY_ANSWERED');

    const answers = ok(
      await stack.graphql<{ callAnswers: { items: unknown[] } }>(
        CALL_ANSWERS,
        { callId: call.id },
        {
          token: operator.token,
        },
      ),
    ).callAnswers.items;
    expect(answers).toEqual([
      expect.objectContaining({
        id: answer.id,
        volunteer: expect.objectContaining({ comuneName: 'Savigliano' }),
      }),
    ]);
    expect(
      errorOf(await stack.graphql(CALL_ANSWERS, { callId: call.id }, { token: foreignOperator.token }))?.code,
    ).toBe('FORBIDDEN');

    expect(
      errorOf(await stack.graphql(ACCEPT_ANSWER, { id: answer.id }, { token: volunteer.token }))?.code,
    ).toBe('FORBIDDEN');
    const accepted = ok(
      await stack.graphql<{ acceptCallAnswer: { status: string } }>(
        ACCEPT_ANSWER,
        { id: answer.id },
        {
          token: operator.token,
        },
      ),
    );
    expect(accepted.acceptCallAnswer.status).toBe('ACCEPTED');

    // Only one volunteer was wanted: a second answer cannot be accepted.
    const other = await signUp(stack);
    ok(await stack.graphql(UPSERT, { input: profileInput('Marco') }, { token: other.token }));
    const late = ok(
      await stack.graphql<{ answerCallToAction: { id: string } }>(
        ANSWER_CALL,
        { callId: call.id },
        {
          token: other.token,
        },
      ),
    ).answerCallToAction;
    const full = await stack.graphql(ACCEPT_ANSWER, { id: late.id }, { token: operator.token });
    expect(errorOf(full)).toMatchObject({ code: 'CALL_FULL', field: 'answerId' });
  });
});
