import { DataSource } from 'typeorm';
import {
  codeOf,
  needSeenBy,
  createTerritory,
  fieldOf,
  grantRole,
  hoursFromNow,
  ok,
  SignedInUser,
  signUp,
  signUpWithRoles,
  waitUntil,
} from '../support/fixtures';
import { moderatorOf, operatorOf } from '../support/roles';
import { startStackForFile, TestStack } from '../support/stack';
import { postNeedAs, proposalsOf, saveVolunteerProfile } from '../support/engagements';

const ADD_WINDOW = `mutation ($input: AvailabilityWindowInput!) { addAvailabilityWindow(input: $input) { id } }`;
const MY_PROPOSALS = `query { myProposals(first: 50) { items { id needId status organisationId helperName } } }`;
const NEED_PROPOSALS = `query ($needId: ID!) { needProposals(needId: $needId, first: 20) {
  items { id helperUserId helperName organisationId assignedByUserId status rank } } }`;
const NEED_CANDIDATES = `query ($needId: ID!) { needCandidates(needId: $needId) {
  kind helperUserId organisationId helperName rank score distanceKm whyThisHelper reasons { name explanation } } }`;
const ASSIGN = `mutation ($input: AssignHelperInput!) { assignHelper(input: $input) {
  id needId helperUserId status assignedByUserId whyThisHelper } }`;
const ACCEPT = `mutation ($id: ID!) { acceptProposal(input: { proposalId: $id }) {
  id needId status helperName helperUserId organisationId } }`;
const CONFIRM = `mutation ($id: ID!) { confirmEngagement(input: { engagementId: $id }) { id status } }`;
const DECLINE_ENGAGEMENT = `mutation ($id: ID!) {
  declineEngagement(input: { engagementId: $id, reason: "Preferisco qualcun altro" }) { id status } }`;
const START = `mutation ($id: ID!) { startEngagement(input: { engagementId: $id }) { id status } }`;
const NEED = `query ($id: ID!) { need(id: $id) { id status address sensitiveNotes engagement { id status } } }`;
const UNMATCHED = `query { unmatchedNeeds(first: 100) { items { needId reason reasonText } } }`;
const SETTINGS = `query ($id: ID!) { territoryMatchingSettings(territoryId: $id) { territoryId citizenConfirmationRequired } }`;
const SET_SETTINGS = `mutation ($input: SetTerritoryMatchingSettingsInput!) {
  setTerritoryMatchingSettings(input: $input) { territoryId citizenConfirmationRequired } }`;
const CREATE_OFFER = `mutation ($input: CreateServiceOfferInput!) { createServiceOffer(input: $input) { id moderationStatus } }`;

// Novara for the first stack, Vercelli (30 km away) for the second: they share the database.
const NOVARA = { lat: 45.44694, lon: 8.62118, istat: '003106' };
const VERCELLI = { lat: 45.32163, lon: 8.41989, istat: '002158' };

function needInput(
  category: string,
  place: { lat: number; lon: number },
  from: number,
  to: number,
  extra: Record<string, unknown> = {},
) {
  return {
    category,
    description: `Aiuto ${category.toLowerCase()} per una signora anziana`,
    location: { lat: place.lat, lon: place.lon },
    address: 'Via dei Mille 7',
    windowStart: hoursFromNow(from),
    windowEnd: hoursFromNow(to),
    urgency: 'NORMAL',
    language: 'it',
    accessibilityNeeds: [],
    sensitiveNotes: 'Diabetica, insulina alle 12',
    healthDataConsent: true,
    ...extra,
  };
}

function profile(
  name: string,
  home: { lat: number; lon: number },
  categories: string[],
  from: number,
  to: number,
) {
  return {
    displayName: name,
    bio: 'Volontaria del quartiere.',
    skills: [],
    categories,
    languages: ['it'],
    homeLat: home.lat,
    homeLon: home.lon,
    travelRadiusKm: 20,
    weeklyHourLimit: 20,
    availability: [{ oneOff: { startsAt: hoursFromNow(from), endsAt: hoursFromNow(to) } }],
  };
}

/** A published volunteer written straight to the database: no outbox row, so no trigger fires. */
async function insertVolunteer(
  dataSource: DataSource,
  user: SignedInUser,
  home: { lat: number; lon: number; istat: string },
  category: string,
  from: number,
  to: number,
): Promise<void> {
  const [volunteer]: { id: string }[] = await dataSource.query(
    `INSERT INTO volunteer_profiles (user_id, display_name, home_lat, home_lon, comune_istat, travel_radius_km,
                                     weekly_hour_limit, categories, languages)
     VALUES ($1, 'Volontario', $2, $3, $4, 20, 20, $5, '{it}') RETURNING id`,
    [user.userId, home.lat, home.lon, home.istat, [category]],
  );
  await dataSource.query(
    `INSERT INTO moderation_items (content_type, content_id, comune_istat, author_user_id, status, needs_review, summary)
     VALUES ('volunteer_profile', $1, $2, $3, 'published', false, 'Volontario')`,
    [volunteer.id, home.istat, user.userId],
  );
  await dataSource.query(
    `INSERT INTO availability_windows (volunteer_id, kind, during) VALUES ($1, 'one_off', tstzrange($2, $3))`,
    [volunteer.id, hoursFromNow(from), hoursFromNow(to)],
  );
}

async function proposalsFor(stack: TestStack, needId: string) {
  return (await stack.dataSource.query(
    `SELECT helper_user_id, status, organisation_id FROM match_proposals WHERE need_id = $1 ORDER BY rank`,
    [needId],
  )) as { helper_user_id: string; status: string; organisation_id: string | null }[];
}

async function unmatchedFor(stack: TestStack, operator: SignedInUser) {
  return ok(
    await stack.graphql<{
      unmatchedNeeds: { items: { needId: string; reason: string; reasonText: string }[] };
    }>(UNMATCHED, {}, { token: operator.token }),
  ).unmatchedNeeds.items;
}

describe('Matching flow: triggers, manual assignment, organisations, citizen confirmation', () => {
  const stack = startStackForFile();
  let territoryId: string;
  let citizen: SignedInUser;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let foreignOperator: SignedInUser;

  beforeAll(async () => {
    territoryId = await createTerritory(stack.dataSource, `Flusso Novarese ${Date.now()}`, [NOVARA.istat]);
    const elsewhere = await createTerritory(stack.dataSource, `Flusso Altrove ${Date.now()}`, ['001272']);
    [citizen, operator, moderator, foreignOperator] = await signUpWithRoles(stack, [
      null,
      operatorOf(territoryId),
      moderatorOf(territoryId),
      operatorOf(elsewhere),
    ]);
  });

  it('a volunteer adding availability re-matches the unmatched need nearby', async () => {
    const helper = await signUp(stack);
    await saveVolunteerProfile(
      stack,
      helper,
      profile('Giulia', { lat: 45.45, lon: 8.63 }, ['COMPANIONSHIP'], 0.5, 10),
    );
    const needId = await postNeedAs(
      stack,
      citizen,
      needInput('COMPANIONSHIP', NOVARA, 30, 31, { maxDistanceKm: 5 }),
    );
    await waitUntil(async () => (await unmatchedFor(stack, operator)).some((item) => item.needId === needId));
    expect((await unmatchedFor(stack, operator)).find((item) => item.needId === needId)!.reason).toBe(
      'NONE_AVAILABLE',
    );
    expect(await proposalsFor(stack, needId)).toEqual([]);

    // Giulia is free then after all: the change goes through the outbox to the matching queue.
    ok(
      await stack.graphql(
        ADD_WINDOW,
        { input: { oneOff: { startsAt: hoursFromNow(29), endsAt: hoursFromNow(32) } } },
        { token: helper.token },
      ),
    );
    await waitUntil(async () => (await proposalsFor(stack, needId)).length === 1);
    expect(await proposalsFor(stack, needId)).toEqual([
      { helper_user_id: helper.userId, status: 'pending', organisation_id: null },
    ]);
    expect((await unmatchedFor(stack, operator)).map((item) => item.needId)).not.toContain(needId);
  });

  it('an accredited organisation’s new service offer answers a need; its admin accepts within capacity', async () => {
    const admin = await signUp(stack);
    const [organisation]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO organisations (kind, runts_section, name, codice_fiscale, description, home_comune_istat)
       VALUES ('ets', 'a', 'Mani Amiche ODV', $1, 'Aiuto in casa', $2) RETURNING id`,
      [`9${Date.now()}`.slice(0, 11), NOVARA.istat],
    );
    await grantRole(stack.dataSource, admin.userId, 'organisation_admin', {
      organisationId: organisation.id,
    });
    // A second admin and an operator: the admins are told of each proposal, the operator is not.
    const [secondAdmin, member] = await Promise.all([signUp(stack), signUp(stack)]);
    await grantRole(stack.dataSource, secondAdmin.userId, 'organisation_admin', {
      organisationId: organisation.id,
    });
    await grantRole(stack.dataSource, member.userId, 'organisation_operator', {
      organisationId: organisation.id,
    });
    await stack.dataSource.query(
      `INSERT INTO organisation_accreditations (organisation_id, territory_id, status) VALUES ($1, $2, 'accredited')`,
      [organisation.id, territoryId],
    );
    // Two needs at the same time: nobody does home help in Novara yet.
    const first = await postNeedAs(stack, citizen, needInput('HOME_HELP', NOVARA, 50, 51));
    const second = await postNeedAs(stack, citizen, needInput('HOME_HELP', NOVARA, 50.5, 51.5));
    await waitUntil(async () => {
      const listed = (await unmatchedFor(stack, operator)).map((item) => item.needId);
      return listed.includes(first) && listed.includes(second);
    });

    // The offer serves Novara, one household at a time.
    const offer = ok(
      await stack.graphql<{ createServiceOffer: { id: string; moderationStatus: string } }>(
        CREATE_OFFER,
        {
          input: {
            organisationId: organisation.id,
            title: 'Aiuto domestico',
            category: 'HOME_HELP',
            targetGroups: ['ELDERLY'],
            description: 'Pulizie e piccole commissioni.',
            area: { comuneIstatCodes: [NOVARA.istat] },
            schedule: [],
            capacity: 1,
            languages: ['it'],
            price: { model: 'FREE' },
          },
        },
        { token: admin.token },
      ),
    ).createServiceOffer;
    expect(offer.moderationStatus).toBe('PUBLISHED');
    await waitUntil(async () => (await proposalsFor(stack, first)).length === 1);
    await waitUntil(async () => (await proposalsFor(stack, second)).length === 1);
    expect((await proposalsFor(stack, first))[0]).toEqual({
      helper_user_id: admin.userId,
      status: 'pending',
      organisation_id: organisation.id,
    });
    const forOperator = ok(
      await stack.graphql<{ needProposals: { items: { helperName: string; organisationId: string }[] } }>(
        NEED_PROPOSALS,
        { needId: first },
        { token: operator.token },
      ),
    ).needProposals.items;
    expect(forOperator).toEqual([
      expect.objectContaining({ helperName: 'Mani Amiche ODV', organisationId: organisation.id }),
    ]);

    // An organisation does not "live" anywhere: its distance is its offer's.
    const [{ breakdown }]: { breakdown: { summary: { it: string; en: string } } }[] =
      await stack.dataSource.query(`SELECT breakdown FROM match_proposals WHERE need_id = $1`, [first]);
    expect(breakdown.summary.it).toMatch(/Il servizio è a [\d,]+ km/);
    expect(breakdown.summary.it).not.toMatch(/Abita/);
    expect(breakdown.summary.en).toMatch(/The service is [\d.]+ km away/);

    const proposals = ok(
      await stack.graphql<{
        myProposals: { items: { id: string; needId: string; organisationId: string }[] };
      }>(MY_PROPOSALS, {}, { token: admin.token }),
    ).myProposals.items;
    const firstProposal = proposals.find((p) => p.needId === first)!;
    const secondProposal = proposals.find((p) => p.needId === second)!;
    const told: { user_id: string }[] = await stack.dataSource.query(
      `SELECT DISTINCT user_id FROM notifications WHERE event = 'proposal_new' AND ref = $1`,
      [`proposal:${firstProposal.id}`],
    );
    expect(told.map((row) => row.user_id).sort()).toEqual([admin.userId, secondAdmin.userId].sort());
    const engagement = ok(
      await stack.graphql<{
        acceptProposal: { id: string; status: string; helperName: string; organisationId: string };
      }>(ACCEPT, { id: firstProposal.id }, { token: admin.token }),
    ).acceptProposal;
    expect(engagement).toMatchObject({
      status: 'CONFIRMED',
      helperName: 'Mani Amiche ODV',
      organisationId: organisation.id,
    });
    // The second need overlaps the first: the offer is full.
    expect(codeOf(await stack.graphql(ACCEPT, { id: secondProposal.id }, { token: admin.token }))).toBe(
      'SERVICE_OFFER_FULL',
    );
    // A non-member cannot answer for the organisation.
    const stranger = await signUp(stack);
    expect(codeOf(await stack.graphql(ACCEPT, { id: secondProposal.id }, { token: stranger.token }))).toBe(
      'PROPOSAL_NOT_FOUND',
    );
    const need = await needSeenBy(stack, admin, first);
    expect(need.address).toBe('Via dei Mille 7');
    // Any member of the organisation that took it sees where to go, not only the contact.
    const forMember = await needSeenBy(stack, member, first);
    expect(forMember.address).toBe('Via dei Mille 7');
    // The other need, only proposed, keeps its address from them.
    const proposedOnly = await needSeenBy(stack, member, second);
    expect(proposedOnly.address).toBeNull();

    // Every member sees what was proposed to the organisation and what it took, filtered by status
    // and page by page; nobody else does.
    const ORGANISATION_PROPOSALS = `query ($id: ID!, $statuses: [ProposalStatus!], $after: String) {
      organisationProposals(organisationId: $id, statuses: $statuses, first: 1, after: $after) {
        items { id needId status } pageInfo { hasNextPage endCursor } } }`;
    type ProposalPage = {
      organisationProposals: {
        items: { id: string; needId: string; status: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const firstPage = ok(
      await stack.graphql<ProposalPage>(
        ORGANISATION_PROPOSALS,
        { id: organisation.id },
        { token: member.token },
      ),
    ).organisationProposals;
    const secondPage = ok(
      await stack.graphql<ProposalPage>(
        ORGANISATION_PROPOSALS,
        { id: organisation.id, after: firstPage.pageInfo.endCursor },
        { token: member.token },
      ),
    ).organisationProposals;
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    expect(
      [...firstPage.items, ...secondPage.items].map((item) => [item.needId, item.status]).sort(),
    ).toEqual(
      [
        [first, 'ACCEPTED'],
        [second, 'PENDING'],
      ].sort(),
    );
    expect(
      ok(
        await stack.graphql<ProposalPage>(
          ORGANISATION_PROPOSALS,
          { id: organisation.id, statuses: ['PENDING'] },
          { token: member.token },
        ),
      ).organisationProposals.items.map((item) => item.id),
    ).toEqual([secondProposal.id]);
    const ORGANISATION_ENGAGEMENTS = `query ($id: ID!, $statuses: [EngagementStatus!]) {
      organisationEngagements(organisationId: $id, statuses: $statuses, first: 10) { items { id needId status } } }`;
    const engagementsOf = async (token: string, statuses?: string[]) =>
      ok(
        await stack.graphql<{ organisationEngagements: { items: { id: string; needId: string }[] } }>(
          ORGANISATION_ENGAGEMENTS,
          { id: organisation.id, statuses },
          { token },
        ),
      ).organisationEngagements.items;
    expect(await engagementsOf(member.token)).toEqual([
      { id: engagement.id, needId: first, status: 'CONFIRMED' },
    ]);
    expect(await engagementsOf(member.token, ['COMPLETED'])).toEqual([]);
    expect(
      codeOf(await stack.graphql(ORGANISATION_PROPOSALS, { id: organisation.id }, { token: stranger.token })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await stack.graphql(ORGANISATION_ENGAGEMENTS, { id: organisation.id }, { token: citizen.token }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('a wheelchair ride goes only to an organisation whose offer carries a wheelchair, and with seats enough', async () => {
    let offers = 0;
    const rideOffer = async (name: string, vehicle: Record<string, unknown>) => {
      const admin = await signUp(stack);
      const [organisation]: { id: string }[] = await stack.dataSource.query(
        `INSERT INTO organisations (kind, runts_section, name, codice_fiscale, description, home_comune_istat)
         VALUES ('ets', 'a', $3, $1, 'Trasporto sociale', $2) RETURNING id`,
        [`8${String(Date.now()).slice(-9)}${++offers}`, NOVARA.istat, name],
      );
      await grantRole(stack.dataSource, admin.userId, 'organisation_admin', {
        organisationId: organisation.id,
      });
      await stack.dataSource.query(
        `INSERT INTO organisation_accreditations (organisation_id, territory_id, status) VALUES ($1, $2, 'accredited')`,
        [organisation.id, territoryId],
      );
      const created = ok(
        await stack.graphql<{ createServiceOffer: { id: string; vehicle: Record<string, unknown> } }>(
          `mutation ($input: CreateServiceOfferInput!) { createServiceOffer(input: $input) { id vehicle { seats wheelchairAccessible } } }`,
          {
            input: {
              organisationId: organisation.id,
              title: `Trasporto ${name}`,
              category: 'RIDES_AND_ACCOMPANIMENT',
              description: 'Accompagnamento a visite mediche.',
              area: { comuneIstatCodes: [NOVARA.istat] },
              languages: ['it'],
              price: { model: 'FREE' },
              vehicle,
            },
          },
          { token: admin.token },
        ),
      ).createServiceOffer;
      expect(created.vehicle).toEqual({
        seats: vehicle.seats ?? null,
        wheelchairAccessible: !!vehicle.wheelchairAccessible,
      });
      return organisation.id;
    };
    const withoutRamp = await rideOffer('Auto Senza Pedana', { seats: 4 });
    const smallVan = await rideOffer('Pulmino Piccolo', { seats: 1, wheelchairAccessible: true });
    const withRamp = await rideOffer('Pulmino Attrezzato', { seats: 3, wheelchairAccessible: true });

    const ride = (hours: number, passengers: number) =>
      needInput('RIDES_AND_ACCOMPANIMENT', NOVARA, hours, hours + 3, {
        accessibilityNeeds: ['WHEELCHAIR'],
        details: {
          ride: {
            pickupPlace: 'Via dei Mille 7, Novara',
            pickupLocation: { lat: NOVARA.lat, lon: NOVARA.lon },
            destinationPlace: 'Ospedale Maggiore della Carità',
            destinationLocation: { lat: 45.4403, lon: 8.6312 },
            appointmentAt: hoursFromNow(hours + 1),
            returnTripWanted: false,
            wheelchair: true,
            escortWaits: false,
            passengers,
          },
        },
      });
    const organisationsAsked = async (needId: string) =>
      (await proposalsFor(stack, needId))
        .map((row) => row.organisation_id)
        .filter((id): id is string => id !== null && [withoutRamp, smallVan, withRamp].includes(id));
    const needId = await postNeedAs(stack, citizen, ride(70, 2));
    await waitUntil(async () => (await organisationsAsked(needId)).length > 0);
    // Not the car without a ramp (nearest by name order), nor the van with one seat for two people.
    expect(await organisationsAsked(needId)).toEqual([withRamp]);
  });

  it('an operator assigns by hand from the ranked list; only operators of the territory may', async () => {
    const needId = await postNeedAs(stack, citizen, needInput('SHOPPING_AND_DELIVERY', NOVARA, 60, 61));
    await waitUntil(async () => (await unmatchedFor(stack, operator)).some((item) => item.needId === needId));
    // Two helpers appear without any trigger (straight in the database): nobody asks them yet.
    const [near, far] = await Promise.all([signUp(stack), signUp(stack)]);
    await insertVolunteer(
      stack.dataSource,
      near,
      { lat: 45.45, lon: 8.625, istat: NOVARA.istat },
      'shopping_and_delivery',
      55,
      65,
    );
    await insertVolunteer(
      stack.dataSource,
      far,
      { lat: 45.5, lon: 8.66, istat: NOVARA.istat },
      'shopping_and_delivery',
      55,
      65,
    );

    const candidates = ok(
      await stack.graphql<{
        needCandidates: {
          kind: string;
          helperUserId: string;
          rank: number;
          whyThisHelper: string;
          reasons: unknown[];
        }[];
      }>(NEED_CANDIDATES, { needId }, { token: operator.token, language: 'en' }),
    ).needCandidates;
    expect(candidates.map((c) => [c.kind, c.helperUserId, c.rank])).toEqual([
      ['VOLUNTEER', near.userId, 1],
      ['VOLUNTEER', far.userId, 2],
    ]);
    expect(candidates[0].whyThisHelper).toMatch(/Distance from home: [\d.]+ km/);
    expect(candidates[0].reasons).toHaveLength(5);

    // Not staff, staff of another territory, a moderator (not an operator): refused.
    expect(codeOf(await stack.graphql(NEED_CANDIDATES, { needId }, { token: citizen.token }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await stack.graphql(NEED_CANDIDATES, { needId }, { token: foreignOperator.token }))).toBe(
      'FORBIDDEN',
    );
    const assignFar = { needId, helperUserId: far.userId };
    for (const token of [citizen.token, foreignOperator.token, moderator.token]) {
      expect(codeOf(await stack.graphql(ASSIGN, { input: assignFar }, { token }))).toBe('FORBIDDEN');
    }
    // Bad input names the field; a helper who does not meet the need is refused.
    const both = await stack.graphql(
      ASSIGN,
      { input: { ...assignFar, organisationId: '00000000-0000-4000-8000-000000000000' } },
      { token: operator.token },
    );
    expect([codeOf(both), fieldOf(both)]).toEqual(['ASSIGN_ONE_HELPER', 'organisationId']);
    const wrong = await stack.graphql(
      ASSIGN,
      { input: { needId, helperUserId: citizen.userId } },
      { token: operator.token },
    );
    expect([codeOf(wrong), fieldOf(wrong)]).toEqual(['HELPER_NOT_ELIGIBLE', 'helperUserId']);

    // The operator prefers the farther helper (they know the lady).
    const proposal = ok(
      await stack.graphql<{
        assignHelper: { id: string; helperUserId: string; status: string; assignedByUserId: string };
      }>(ASSIGN, { input: assignFar }, { token: operator.token }),
    ).assignHelper;
    expect(proposal).toMatchObject({
      helperUserId: far.userId,
      status: 'PENDING',
      assignedByUserId: operator.userId,
    });
    // Told like any proposal (by SMS outside quiet hours, and in the app).
    const told: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM notifications WHERE event = 'proposal_new' AND user_id = $1 AND ref = $2`,
      [far.userId, `proposal:${proposal.id}`],
    );
    expect(told.length).toBeGreaterThan(0);
    expect((await unmatchedFor(stack, operator)).map((item) => item.needId)).not.toContain(needId);
    const audit: { actor_user_id: string; details: { helperUserId: string } }[] =
      await stack.dataSource.query(
        `SELECT actor_user_id, details FROM audit_log WHERE action = 'need.helper_assigned' AND entity_id = $1`,
        [needId],
      );
    expect(audit).toEqual([
      expect.objectContaining({
        actor_user_id: operator.userId,
        details: expect.objectContaining({ helperUserId: far.userId }),
      }),
    ]);
    // Asked once: the same helper cannot be assigned twice.
    expect(codeOf(await stack.graphql(ASSIGN, { input: assignFar }, { token: operator.token }))).toBe(
      'HELPER_NOT_ELIGIBLE',
    );
  });

  it('where the territory requires it, the citizen confirms before the helper sees the address', async () => {
    // Only the territory's moderators change the setting.
    expect(
      codeOf(
        await stack.graphql(
          SET_SETTINGS,
          { input: { territoryId, citizenConfirmationRequired: true } },
          { token: operator.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      ok(
        await stack.graphql<{ territoryMatchingSettings: { citizenConfirmationRequired: boolean } }>(
          SETTINGS,
          { id: territoryId },
          { token: operator.token },
        ),
      ).territoryMatchingSettings.citizenConfirmationRequired,
    ).toBe(false);
    ok(
      await stack.graphql(
        SET_SETTINGS,
        { input: { territoryId, citizenConfirmationRequired: true } },
        { token: moderator.token },
      ),
    );

    const [rosa, piero] = await Promise.all([signUp(stack), signUp(stack)]);
    for (const [user, name, home] of [
      [rosa, 'Rosa', { lat: 45.448, lon: 8.62 }],
      [piero, 'Piero', { lat: 45.44, lon: 8.61 }],
    ] as const) {
      await saveVolunteerProfile(stack, user, profile(name, home, ['CHILDCARE'], 35, 60));
    }
    const needId = await postNeedAs(stack, citizen, needInput('CHILDCARE', NOVARA, 40, 41));
    await waitUntil(async () => (await proposalsFor(stack, needId)).length === 2);
    const proposalOf = async (user: SignedInUser, need: string) =>
      (await proposalsOf(stack, user)).find((p) => p.needId === need)!;
    const engagement = ok(
      await stack.graphql<{ acceptProposal: { id: string; status: string } }>(
        ACCEPT,
        { id: (await proposalOf(rosa, needId)).id },
        { token: rosa.token },
      ),
    ).acceptProposal;
    expect(engagement.status).toBe('AWAITING_CONFIRMATION');
    // Waiting: no address or notes for the helper, no start; the citizen is asked.
    // (a matched need is no longer public, so she does not see it at all).
    const waiting = await stack.graphql(NEED, { id: needId }, { token: rosa.token });
    expect(JSON.stringify(waiting)).not.toMatch(/Via dei Mille|Diabetica/);
    expect(codeOf(await stack.graphql(START, { id: engagement.id }, { token: rosa.token }))).toBe(
      'ENGAGEMENT_TRANSITION_INVALID',
    );
    const asked: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM notifications WHERE event = 'engagement_confirmation_request' AND user_id = $1 AND ref = $2`,
      [citizen.userId, `engagement:${engagement.id}`],
    );
    expect(asked.length).toBeGreaterThan(0);
    // Neither the helper nor a stranger can confirm.
    expect(codeOf(await stack.graphql(CONFIRM, { id: engagement.id }, { token: rosa.token }))).toBe(
      'ENGAGEMENT_NOT_FOUND',
    );
    expect(
      codeOf(await stack.graphql(CONFIRM, { id: engagement.id }, { token: foreignOperator.token })),
    ).toBe('ENGAGEMENT_NOT_FOUND');
    expect(
      ok(
        await stack.graphql<{ confirmEngagement: { status: string } }>(
          CONFIRM,
          { id: engagement.id },
          { token: citizen.token },
        ),
      ).confirmEngagement.status,
    ).toBe('CONFIRMED');
    expect(codeOf(await stack.graphql(CONFIRM, { id: engagement.id }, { token: citizen.token }))).toBe(
      'ENGAGEMENT_NOT_AWAITING',
    );
    const confirmed = await needSeenBy(stack, rosa, needId);
    expect(confirmed).toMatchObject({
      address: 'Via dei Mille 7',
      sensitiveNotes: 'Diabetica, insulina alle 12',
    });

    // Second need: Piero accepts, the citizen declines him, matching asks Rosa again; the
    // operator confirms her.
    const second = await postNeedAs(stack, citizen, needInput('CHILDCARE', NOVARA, 44, 45));
    await waitUntil(async () => (await proposalsFor(stack, second)).length === 2);
    const declined = ok(
      await stack.graphql<{ acceptProposal: { id: string } }>(
        ACCEPT,
        { id: (await proposalOf(piero, second)).id },
        { token: piero.token },
      ),
    ).acceptProposal;
    expect(
      ok(
        await stack.graphql<{ declineEngagement: { status: string } }>(
          DECLINE_ENGAGEMENT,
          { id: declined.id },
          { token: citizen.token },
        ),
      ).declineEngagement.status,
    ).toBe('CANCELLED');
    const told: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM notifications WHERE event = 'engagement_declined' AND user_id = $1`,
      [piero.userId],
    );
    expect(told.length).toBeGreaterThan(0);
    await waitUntil(async () =>
      (await proposalsFor(stack, second)).some(
        (p) => p.helper_user_id === rosa.userId && p.status === 'pending',
      ),
    );
    expect((await proposalsFor(stack, second)).find((p) => p.helper_user_id === piero.userId)!.status).toBe(
      'accepted',
    );
    const again = ok(
      await stack.graphql<{ acceptProposal: { id: string; status: string } }>(
        ACCEPT,
        { id: (await proposalOf(rosa, second)).id },
        { token: rosa.token },
      ),
    ).acceptProposal;
    expect(again.status).toBe('AWAITING_CONFIRMATION');
    expect(
      ok(
        await stack.graphql<{ confirmEngagement: { status: string } }>(
          CONFIRM,
          { id: again.id },
          { token: operator.token },
        ),
      ).confirmEngagement.status,
    ).toBe('CONFIRMED');
    const audit: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM audit_log WHERE action = 'engagement.confirmed_by_staff' AND entity_id = $1 AND actor_user_id = $2`,
      [again.id, operator.userId],
    );
    expect(audit).toHaveLength(1);
  });
});

describe('Matching flow: the sweep, radius widening, and the operator told', () => {
  const stack = startStackForFile({
    env: {
      MATCHING_PROPOSALS_PER_NEED: '1',
      MATCHING_PROPOSAL_TTL_SECONDS: '3',
      MATCHING_SWEEP_INTERVAL_SECONDS: '2',
      MATCHING_RADIUS_STEPS_KM: '5,10',
    },
  });
  let citizen: SignedInUser;
  let operator: SignedInUser;
  let foreignOperator: SignedInUser;

  beforeAll(async () => {
    const territory = await createTerritory(stack.dataSource, `Flusso Vercellese ${Date.now()}`, [
      VERCELLI.istat,
    ]);
    const elsewhere = await createTerritory(stack.dataSource, `Flusso Biellese ${Date.now()}`, ['096004']);
    [citizen, operator, foreignOperator] = await signUpWithRoles(stack, [
      null,
      operatorOf(territory),
      operatorOf(elsewhere),
    ]);
  });

  it('the periodic sweep finds a helper for a need still unmatched', async () => {
    const needId = await postNeedAs(stack, citizen, needInput('DIGITAL_HELP', VERCELLI, 20, 21));
    await waitUntil(async () => (await unmatchedFor(stack, operator)).some((item) => item.needId === needId));
    const helper = await signUp(stack);
    // Straight into the database: no outbox row, only the repeatable sweep can notice.
    await insertVolunteer(
      stack.dataSource,
      helper,
      { lat: 45.325, lon: 8.42, istat: VERCELLI.istat },
      'digital_help',
      15,
      25,
    );
    await waitUntil(async () =>
      (await proposalsFor(stack, needId)).some((p) => p.helper_user_id === helper.userId),
    );
  });

  it('after the proposal expires the radius widens, then the need is unmatched with the reason and the operator is told once', async () => {
    const helper = await signUp(stack);
    // About 4.6 km away: beyond the need's 2 km, within the first widening (+5 km).
    await insertVolunteer(
      stack.dataSource,
      helper,
      { lat: 45.3446, lon: 8.4688, istat: VERCELLI.istat },
      'home_help',
      25,
      40,
    );
    const needId = await postNeedAs(
      stack,
      citizen,
      needInput('HOME_HELP', VERCELLI, 30, 31, { maxDistanceKm: 2 }),
    );
    await waitUntil(async () => (await proposalsFor(stack, needId)).length === 1);
    const [state]: { radius_step: number }[] = await stack.dataSource.query(
      `SELECT radius_step FROM need_match_states WHERE need_id = $1`,
      [needId],
    );
    expect(state.radius_step).toBe(1);

    // Nobody answers within 3 seconds; nobody else within 12 km: the operator's list, with why.
    await waitUntil(async () => (await unmatchedFor(stack, operator)).some((item) => item.needId === needId));
    expect(await proposalsFor(stack, needId)).toEqual([
      { helper_user_id: helper.userId, status: 'expired', organisation_id: null },
    ]);
    const item = (await unmatchedFor(stack, operator)).find((entry) => entry.needId === needId)!;
    expect(item.reason).toBe('ALL_DECLINED');
    const [widest]: { radius_step: number }[] = await stack.dataSource.query(
      `SELECT radius_step FROM need_match_states WHERE need_id = $1`,
      [needId],
    );
    expect(widest.radius_step).toBe(2);
    const notices = async () =>
      (await stack.dataSource.query(
        `SELECT user_id FROM notifications WHERE event = 'need_unmatched_operator' AND ref = $1`,
        [`need:${needId}`],
      )) as { user_id: string }[];
    await waitUntil(async () => (await notices()).length > 0);
    // Two more sweeps go by: still one notice, to this territory's operator only.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(await notices()).toEqual([{ user_id: operator.userId }]);
    expect((await unmatchedFor(stack, foreignOperator)).map((entry) => entry.needId)).not.toContain(needId);
  });
});
