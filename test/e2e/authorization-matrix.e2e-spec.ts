import { createTerritory, grantRole, PIEDMONT, signUp, SignedInUser } from '../support/fixtures';
import { GraphQLResult, startStackForFile, uniquePhone } from '../support/stack';

/**
 * Who may do what, where. Each row is an operation; each column an actor; each cell the expected
 * outcome, written here by hand:
 *   ok     the call is authorised (it may still fail for a domain reason, never FORBIDDEN)
 *   deny   FORBIDDEN
 *   anon   UNAUTHENTICATED
 *   notes  (sensitive field) the notes are readable; hidden: the field comes back null
 *   gone   NOT_FOUND: the record is not shown to this actor at all
 * Records live in Alba (Langhe territory). "Novarese" actors hold the same roles elsewhere.
 */
const ACTORS = [
  'anonymous',
  'owner',
  'otherCitizen',
  'operatorLanghe',
  'operatorNovarese',
  'moderatorLanghe',
  'moderatorNovarese',
  'orgAdmin',
  'platformAdmin',
] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = 'ok' | 'deny' | 'anon' | 'notes' | 'hidden' | 'gone';

// prettier-ignore
const MATRIX: Record<string, Outcome[]> = {
  //                              anon    owner   other   opL     opN     modL    modN    org     admin
  createTerritory:              ['anon', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'ok'],
  territories:                  ['anon', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'ok'],
  setTerritoryComuni:           ['anon', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'ok'],
  territoryStaffPage:           ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'deny', 'deny', 'ok'],
  failedNotifications:          ['anon', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'ok'],
  grantStaffRole:               ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'deny', 'deny', 'ok'],
  setTerritoryDesk:             ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'deny', 'deny', 'ok'],
  setModerationMode:            ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'deny', 'deny', 'ok'],
  moderationQueue:              ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'ok',   'deny', 'ok'],
  moderateContent:              ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'deny', 'deny', 'ok'],
  suspendUser:                  ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'deny', 'deny', 'ok'],
  postNeedAtDesk:               ['anon', 'deny', 'deny', 'ok',   'deny', 'deny', 'deny', 'deny', 'ok'],
  territoryNeeds:               ['anon', 'deny', 'deny', 'ok',   'ok',   'ok',   'ok',   'deny', 'ok'],
  reviewFlaggedNeed:            ['anon', 'deny', 'deny', 'ok',   'deny', 'deny', 'deny', 'deny', 'ok'],
  cancelNeed:                   ['anon', 'ok',   'deny', 'ok',   'deny', 'ok',   'deny', 'deny', 'ok'],
  needHistory:                  ['anon', 'ok',   'gone', 'ok',   'gone', 'ok',   'gone', 'gone', 'ok'],
  needSensitiveNotes:           ['anon', 'notes','gone', 'notes','gone', 'notes','gone', 'gone', 'hidden'],
  accreditationRequests:        ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'ok',   'deny', 'ok'],
  startAccreditationReview:     ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'deny', 'deny', 'ok'],
  inviteOrganisationMember:     ['anon', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'ok',   'ok'],
  createServiceOffer:           ['anon', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'ok',   'ok'],
  heldReviews:                  ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'ok',   'deny', 'ok'],
  organisationReviews:          ['anon', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'ok',   'ok'],
  auditTrail:                   ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'deny', 'deny', 'ok'],
  territoryStaff:               ['anon', 'deny', 'deny', 'deny', 'deny', 'ok',   'deny', 'deny', 'ok'],
  moderationModes:              ['anon', 'deny', 'deny', 'ok',   'deny', 'ok',   'deny', 'deny', 'ok'],
  publishBatchAssignment:       ['anon', 'deny', 'deny', 'ok',   'deny', 'deny', 'deny', 'deny', 'ok'],
  closeOrganisationCall:        ['anon', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'ok',   'ok'],
  closeComuneCall:              ['anon', 'deny', 'deny', 'ok',   'deny', 'ok',   'deny', 'deny', 'ok'],
};

const DENIAL_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

describe('Authorisation matrix: every sensitive operation, by every role, in the right and the wrong territory', () => {
  const stack = startStackForFile();
  let langhe: string;
  const people = {} as Record<Exclude<Actor, 'anonymous'>, SignedInUser>;
  let organisationId: string;
  // The person roles are granted to: never one of the actors, whose rights must not change.
  let bystander: SignedInUser;

  const later = (hours: number) => new Date(Date.now() + hours * 3600000).toISOString();

  async function as<T = Record<string, unknown>>(
    actor: Actor,
    query: string,
    variables: Record<string, unknown> = {},
  ) {
    return stack.graphql<T>(query, variables, actor === 'anonymous' ? {} : { token: people[actor].token });
  }

  async function must<T>(result: Promise<GraphQLResult<T>>): Promise<T> {
    const { data, errors } = await result;
    if (errors || !data) throw new Error(JSON.stringify(errors));
    return data;
  }

  /** A fresh need in Alba, posted by the owner, with sensitive notes. */
  async function ownersNeed(): Promise<string> {
    const data = await must(
      as<{ postNeed: { id: string } }>(
        'owner',
        `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }`,
        {
          input: {
            category: 'COMPANIONSHIP',
            description: 'Compagnia il pomeriggio',
            location: { lat: 44.7, lon: 8.035 },
            windowStart: later(24),
            windowEnd: later(48),
            sensitiveNotes: 'Diabete, insulina alle 18',
            healthDataConsent: true,
          },
        },
      ),
    );
    return data.postNeed.id;
  }

  async function flaggedNeed(): Promise<string> {
    const data = await must(
      as<{ flagLatentNeed: { id: string } }>(
        'otherCitizen',
        `mutation ($input: FlagLatentNeedInput!) { flagLatentNeed(input: $input) { id } }`,
        {
          input: {
            category: 'HOME_HELP',
            comuneIstat: PIEDMONT.alba,
            description: 'La vicina non esce più di casa',
          },
        },
      ),
    );
    return data.flagLatentNeed.id;
  }

  async function accreditationRequest(): Promise<string> {
    const other = await createTerritory(stack.dataSource, `Alba ${uniquePhone()}`, [PIEDMONT.alba]);
    await grantRole(stack.dataSource, people.moderatorLanghe.userId, 'comune_moderator', {
      territoryId: other,
    });
    const data = await must(
      as<{ requestAccreditation: { id: string } }>(
        'orgAdmin',
        `mutation ($input: RequestAccreditationInput!) { requestAccreditation(input: $input) { id } }`,
        { input: { organisationId, territoryId: other } },
      ),
    );
    return data.requestAccreditation.id;
  }

  /** A fresh call in Alba for the next volunteers (for the organisation when it is named). */
  async function callInAlba(forOrganisation: boolean): Promise<string> {
    const data = await must(
      as<{ publishCallToAction: { id: string } }>(
        forOrganisation ? 'orgAdmin' : 'operatorLanghe',
        `mutation ($input: PublishCallToActionInput!) { publishCallToAction(input: $input) { id } }`,
        {
          input: {
            title: 'Festa del quartiere',
            description: 'Servono volontari per l’accoglienza.',
            comuneIstats: [PIEDMONT.alba],
            volunteersWanted: 2,
            ...(forOrganisation ? { organisationId } : {}),
          },
        },
      ),
    );
    return data.publishCallToAction.id;
  }

  const closeCall = async (actor: Actor, forOrganisation: boolean) =>
    as(actor, `mutation ($input: CloseCallToActionInput!) { closeCallToAction(input: $input) { status } }`, {
      input: { callId: await callInAlba(forOrganisation) },
    });

  const OPERATIONS: Record<string, (actor: Actor) => Promise<GraphQLResult<Record<string, unknown>>>> = {
    territories: (actor) => as(actor, `{ territories(first: 5) { items { id } } }`),
    // The same Comuni again: the admin's call changes nothing the other rows rely on.
    setTerritoryComuni: (actor) =>
      as(actor, `mutation ($input: SetTerritoryComuniInput!) { setTerritoryComuni(input: $input) { id } }`, {
        input: { territoryId: langhe, comuneIstatCodes: [PIEDMONT.alba, PIEDMONT.bra] },
      }),
    territoryStaffPage: (actor) =>
      as(actor, `query ($id: ID!) { territoryStaffPage(territoryId: $id, first: 5) { items { userId } } }`, {
        id: langhe,
      }),
    failedNotifications: (actor) => as(actor, `{ failedNotifications(first: 5) { items { id } } }`),
    createTerritory: (actor) =>
      as(actor, `mutation ($input: CreateTerritoryInput!) { createTerritory(input: $input) { id } }`, {
        input: { name: 'Nuovo', kind: 'COMUNE', comuneIstatCodes: [PIEDMONT.barolo] },
      }),
    grantStaffRole: (actor) =>
      as(actor, `mutation ($input: GrantStaffRoleInput!) { grantStaffRole(input: $input) { role } }`, {
        input: { phone: bystander.phone, role: 'COMUNE_OPERATOR', territoryId: langhe },
      }),
    setTerritoryDesk: (actor) =>
      as(actor, `mutation ($input: SetTerritoryDeskInput!) { setTerritoryDesk(input: $input) { id } }`, {
        input: { territoryId: langhe, phone: '0173 123456', hours: 'lun-ven 9-12' },
      }),
    setModerationMode: (actor) =>
      as(actor, `mutation ($input: SetModerationModeInput!) { setModerationMode(input: $input) }`, {
        input: { territoryId: langhe, contentType: 'CALL_TO_ACTION', mode: 'POST' },
      }),
    moderationQueue: (actor) => as(actor, `{ moderationQueue(first: 5) { items { contentId } } }`),
    moderateContent: async (actor) =>
      as(actor, `mutation ($input: ModerateContentInput!) { moderateContent(input: $input) { status } }`, {
        input: { contentType: 'NEED', contentId: await ownersNeed(), decision: 'HIDE', reason: 'prova' },
      }),
    suspendUser: async (actor) => {
      const author = await signUp(stack);
      await must(
        stack.graphql(
          `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }`,
          {
            input: {
              category: 'OTHER',
              description: 'x',
              location: { lat: 44.7, lon: 8.035 },
              windowStart: later(24),
              windowEnd: later(30),
            },
          },
          { token: author.token },
        ),
      );
      return as(actor, `mutation ($input: SuspendUserInput!) { suspendUser(input: $input) }`, {
        input: { userId: author.userId, reason: 'prova' },
      });
    },
    postNeedAtDesk: (actor) =>
      as(actor, `mutation ($input: PostNeedAtDeskInput!) { postNeedAtDesk(input: $input) { id } }`, {
        input: {
          category: 'HOME_HELP',
          description: 'Aiuto in casa',
          location: { lat: 44.7, lon: 8.035 },
          windowStart: later(24),
          windowEnd: later(48),
          beneficiary: {
            fullName: 'Teresa Bosio',
            consentRecorded: true,
            consentDate: new Date().toISOString(),
          },
        },
      }),
    territoryNeeds: (actor) => as(actor, `{ territoryNeeds(first: 5) { items { id } } }`),
    auditTrail: (actor) =>
      as(
        actor,
        `query ($territoryId: ID!) { auditTrail(territoryId: $territoryId, first: 5) { items { id } } }`,
        {
          territoryId: langhe,
        },
      ),
    territoryStaff: (actor) =>
      as(actor, `query ($id: ID!) { territoryStaff(territoryId: $id) { userId } }`, { id: langhe }),
    moderationModes: (actor) =>
      as(actor, `query ($id: ID!) { moderationModes(territoryId: $id) { mode } }`, { id: langhe }),
    publishBatchAssignment: async (actor) => {
      // A finished run of the Langhe: those who may publish are told it is not a plan that waits.
      const [run]: { id: string }[] = await stack.dataSource.query(
        `INSERT INTO batch_assignment_runs (territory_id, category, window_start, window_end, status)
         VALUES ($1, 'rides_and_accompaniment', now(), now() + interval '1 day', 'completed') RETURNING id`,
        [langhe],
      );
      return as(
        actor,
        `mutation ($input: PublishBatchAssignmentInput!) { publishBatchAssignment(input: $input) { id } }`,
        { input: { runId: run.id } },
      );
    },
    reviewFlaggedNeed: async (actor) =>
      as(
        actor,
        `mutation ($input: ReviewFlaggedNeedInput!) { reviewFlaggedNeed(input: $input) { status } }`,
        {
          input: { needId: await flaggedNeed(), accept: true, reason: 'verificato' },
        },
      ),
    cancelNeed: async (actor) =>
      as(actor, `mutation ($input: CancelNeedInput!) { cancelNeed(input: $input) { status } }`, {
        input: { needId: await ownersNeed(), reason: 'non serve più' },
      }),
    needHistory: async (actor) =>
      as(actor, `query ($id: ID!) { needHistory(needId: $id) { to } }`, { id: await ownersNeed() }),
    needSensitiveNotes: async (actor) =>
      as(actor, `query ($id: ID!) { need(id: $id) { sensitiveNotes } }`, { id: await ownersNeed() }),
    accreditationRequests: (actor) => as(actor, `{ accreditationRequests(first: 5) { items { id } } }`),
    startAccreditationReview: async (actor) =>
      as(
        actor,
        `mutation ($input: StartAccreditationReviewInput!) { startAccreditationReview(input: $input) { status } }`,
        { input: { accreditationId: await accreditationRequest() } },
      ),
    inviteOrganisationMember: (actor) =>
      as(
        actor,
        `mutation ($input: InviteOrganisationMemberInput!) { inviteOrganisationMember(input: $input) { role } }`,
        {
          input: { organisationId, phone: bystander.phone, role: 'OPERATOR' },
        },
      ),
    createServiceOffer: (actor) =>
      as(actor, `mutation ($input: CreateServiceOfferInput!) { createServiceOffer(input: $input) { id } }`, {
        input: {
          organisationId,
          title: 'Spesa a domicilio',
          category: 'SHOPPING_AND_DELIVERY',
          description: 'Consegna della spesa',
          area: { comuneIstatCodes: [PIEDMONT.alba] },
          price: { model: 'FREE' },
        },
      }),
    closeOrganisationCall: (actor) => closeCall(actor, true),
    closeComuneCall: (actor) => closeCall(actor, false),
    heldReviews: (actor) => as(actor, `{ heldReviews(first: 5) { items { review { id } } } }`),
    organisationReviews: (actor) =>
      as(actor, `query ($id: ID!) { organisationReviews(organisationId: $id, first: 5) { items { id } } }`, {
        id: organisationId,
      }),
  };

  beforeAll(async () => {
    langhe = await createTerritory(stack.dataSource, 'Langhe (matrice)', [PIEDMONT.alba, PIEDMONT.bra]);
    const novarese = await createTerritory(stack.dataSource, 'Novarese (matrice)', [PIEDMONT.novara]);
    for (const actor of ACTORS) if (actor !== 'anonymous') people[actor] = await signUp(stack);
    bystander = await signUp(stack);
    const grants: [Actor, string, string | undefined][] = [
      ['operatorLanghe', 'comune_operator', langhe],
      ['operatorNovarese', 'comune_operator', novarese],
      ['moderatorLanghe', 'comune_moderator', langhe],
      ['moderatorNovarese', 'comune_moderator', novarese],
      ['platformAdmin', 'platform_admin', undefined],
    ];
    for (const [actor, role, territoryId] of grants) {
      await grantRole(stack.dataSource, people[actor as Exclude<Actor, 'anonymous'>].userId, role, {
        territoryId,
      });
    }
    const registered = await must(
      stack.graphql<{ registerOrganisation: { id: string } }>(
        `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
        {
          input: {
            kind: 'ETS',
            runtsSection: 'A',
            name: 'Auser Alba (matrice)',
            codiceFiscale: '90012345675',
            description: 'Volontariato',
            homeComuneIstat: PIEDMONT.alba,
          },
        },
        { token: people.orgAdmin.token },
      ),
    );
    organisationId = registered.registerOrganisation.id;
  });

  it('has a row for every operation it calls and a cell for every actor', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(OPERATIONS).sort());
    for (const row of Object.values(MATRIX)) expect(row).toHaveLength(ACTORS.length);
  });

  for (const [operation, row] of Object.entries(MATRIX)) {
    it(`${operation}: ${row.join(' ')}`, async () => {
      const observed: Outcome[] = [];
      for (const actor of ACTORS) {
        const result = await OPERATIONS[operation](actor);
        const code = result.errors?.[0]?.extensions?.code;
        if (operation === 'needSensitiveNotes' && !result.errors) {
          const need = result.data?.need as { sensitiveNotes: string | null } | undefined;
          observed.push(need?.sensitiveNotes === 'Diabete, insulina alle 18' ? 'notes' : 'hidden');
        } else if (code === 'NEED_NOT_FOUND') {
          observed.push('gone');
        } else if (code === 'FORBIDDEN') {
          observed.push('deny');
        } else if (code === 'UNAUTHENTICATED') {
          observed.push('anon');
        } else {
          // Authorised: any other outcome, including domain errors, is not a denial.
          expect(DENIAL_CODES.has(String(code))).toBe(false);
          observed.push('ok');
        }
      }
      expect(Object.fromEntries(ACTORS.map((actor, index) => [actor, observed[index]]))).toEqual(
        Object.fromEntries(ACTORS.map((actor, index) => [actor, row[index]])),
      );
    });
  }
});
