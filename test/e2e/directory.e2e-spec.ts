import { randomBytes, randomInt } from 'node:crypto';
import { elevenDigitCheckDigit, personCheckCharacter } from '@prossimo/directory';
import { NotificationsService } from '@prossimo/notifications';
import { FieldCipher } from '@prossimo/platform';
import { createTerritory, errorOf, SignedInUser, signUp, signUpWithRoles } from '../support/fixtures';
import { moderatorOf } from '../support/roles';
import { GraphQLResult, startStackForFile, uniquePhone } from '../support/stack';

// Umbrian Comuni, which no other test file uses, so moderation modes and offers stay ours.
const UMBRIA = {
  perugia: '054039',
  corciano: '054015',
  bastia: '054002',
  assisi: '054001',
  spello: '054050',
  foligno: '054018',
  todi: '054052',
  orvieto: '055023',
  gubbio: '054024',
};

const ORGANISATION_FIELDS = `id kind runtsSection runtsNumber name codiceFiscale partitaIva contactPhone contactEmail
  description homeComuneIstat`;
const OFFER_FIELDS = `id title category comuneIstat status moderationStatus distanceKm createdAt
  area { comuneIstatCodes centre { lat lon } radiusKm }
  schedule { dayOfWeek start end }
  price { model unit amountCents bands { people centsPerHourEach } vouchersAccepted }
  organisation { id name }`;

const REGISTER = `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { ${ORGANISATION_FIELDS} } }`;
const MY_ORGANISATIONS = `{ myOrganisations { id name } }`;
const INVITE = `mutation ($input: InviteOrganisationMemberInput!) { inviteOrganisationMember(input: $input) { userId role } }`;
const INVITE_STATUS = `mutation ($input: InviteOrganisationMemberInput!) {
  inviteOrganisationMember(input: $input) { organisationId userId role status invitationExpiresAt }
}`;
const REMOVE = `mutation ($input: RemoveOrganisationMemberInput!) { removeOrganisationMember(input: $input) }`;
const ACCREDITATION_FIELDS = `id organisationId organisationName territoryId status reason`;
const REQUEST_ACCREDITATION = `mutation ($input: RequestAccreditationInput!) { requestAccreditation(input: $input) { ${ACCREDITATION_FIELDS} } }`;
const START_REVIEW = `mutation ($id: ID!) { startAccreditationReview(input: { accreditationId: $id }) { ${ACCREDITATION_FIELDS} } }`;
const DECIDE = `mutation ($input: DecideAccreditationInput!) { decideAccreditation(input: $input) { ${ACCREDITATION_FIELDS} } }`;
const REQUESTS = `query ($territoryId: ID, $status: AccreditationStatus) {
  accreditationRequests(territoryId: $territoryId, status: $status) { items { id status organisationId } }
}`;
const HISTORY = `query ($id: ID!) {
  accreditationHistory(organisationId: $id) { accreditationId territoryId fromStatus toStatus actorUserId reason }
}`;
const CREATE_OFFER = `mutation ($input: CreateServiceOfferInput!) { createServiceOffer(input: $input) { ${OFFER_FIELDS} } }`;
const UPDATE_OFFER = `mutation ($input: UpdateServiceOfferInput!) { updateServiceOffer(input: $input) { ${OFFER_FIELDS} } }`;
const ARCHIVE_OFFER = `mutation ($input: ArchiveServiceOfferInput!) { archiveServiceOffer(input: $input) { id status } }`;
const PAUSE_OFFER = `mutation ($input: PauseServiceOfferInput!) { pauseServiceOffer(input: $input) { id status } }`;
const RESUME_OFFER = `mutation ($id: ID!) { resumeServiceOffer(input: { id: $id }) { id status } }`;
const ORGANISATION_OFFERS = `query ($id: ID!, $all: Boolean!) {
  organisationServiceOffers(organisationId: $id, includeArchived: $all, first: 100) { items { id status } }
}`;
const SEARCH_IDS = `query ($filter: ServiceOfferFilter, $first: Int) {
  searchServiceOffers(filter: $filter, first: $first) { items { id } }
}`;
const SEARCH = `query ($filter: ServiceOfferFilter, $order: ServiceOfferOrder, $first: Int, $after: String) {
  searchServiceOffers(filter: $filter, order: $order, first: $first, after: $after) {
    items { ${OFFER_FIELDS} } pageInfo { hasNextPage endCursor }
  }
}`;

interface OfferData {
  id: string;
  title: string;
  comuneIstat: string;
  status: string;
  moderationStatus: string | null;
  distanceKm: number | null;
  organisation: { id: string; name: string };
  price: { model: string; bands: { people: number; centsPerHourEach: number }[] | null };
}
interface SearchData {
  searchServiceOffers: { items: OfferData[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

function data<T>(result: GraphQLResult<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/** A valid 11-digit codice fiscale of a body (random, so runs never collide on the unique index). */
function entityCodiceFiscale(): string {
  const first10 = `8${randomInt(0, 1_000_000_000).toString().padStart(9, '0')}`;
  return first10 + elevenDigitCheckDigit(first10);
}

function partitaIva(): string {
  const first10 = `${randomInt(1, 10_000_000).toString().padStart(7, '0')}054`;
  return first10 + elevenDigitCheckDigit(first10);
}

/** Same code with a wrong check digit. */
function withWrongCheckDigit(code: string): string {
  return code.slice(0, 10) + ((Number(code[10]) + 1) % 10);
}

function marker(): string {
  return `zq${randomBytes(4).toString('hex')}`;
}

describe('directory: organisations, accreditation, service offers', () => {
  const stack = startStackForFile();
  let admin: SignedInUser;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let otherModerator: SignedInUser;
  let citizen: SignedInUser;
  let territoryId: string;
  let otherTerritoryId: string;
  let organisationId: string;
  let accreditationId: string;
  const comuni = new Map<string, { lat: number; lon: number }>();

  beforeAll(async () => {
    const suffix = randomBytes(3).toString('hex');
    territoryId = await createTerritory(stack.dataSource, `Ambito Perugino ${suffix}`, [
      UMBRIA.perugia,
      UMBRIA.corciano,
      UMBRIA.bastia,
      UMBRIA.assisi,
      UMBRIA.spello,
      UMBRIA.foligno,
      UMBRIA.todi,
      UMBRIA.orvieto,
    ]);
    otherTerritoryId = await createTerritory(stack.dataSource, `Gubbio ${suffix}`, [UMBRIA.gubbio]);
    [admin, operator, moderator, otherModerator, citizen] = await signUpWithRoles(stack, [
      null,
      null,
      moderatorOf(territoryId),
      moderatorOf(otherTerritoryId),
      null,
    ]);
    const rows: { istat: string; lat: number; lon: number }[] = await stack.dataSource.query(
      `SELECT istat::text, lat, lon FROM comuni WHERE istat = ANY($1::char(6)[])`,
      [Object.values(UMBRIA)],
    );
    for (const row of rows) comuni.set(row.istat, { lat: row.lat, lon: row.lon });
  });

  /** The invited person accepts the one invitation waiting for them. */
  async function acceptInvitation(person: SignedInUser): Promise<void> {
    const waiting = data(
      await stack.graphql<{ myOrganisationInvitations: { id: string; organisationId: string }[] }>(
        `{ myOrganisationInvitations { id organisationId role } }`,
        {},
        { token: person.token },
      ),
    ).myOrganisationInvitations;
    expect(waiting).toEqual([expect.objectContaining({ organisationId, role: 'OPERATOR' })]);
    expect(
      data(
        await stack.graphql<{ acceptOrganisationInvitation: unknown }>(
          `mutation ($id: ID!) { acceptOrganisationInvitation(input: { invitationId: $id }) { userId role status } }`,
          { id: waiting[0].id },
          { token: person.token },
        ),
      ).acceptOrganisationInvitation,
    ).toEqual({ userId: person.userId, role: 'OPERATOR', status: 'ACTIVE' });
  }

  function organisationInput(overrides: Record<string, unknown> = {}) {
    return {
      kind: 'ETS',
      runtsSection: 'B',
      runtsNumber: '12345',
      name: `APS Insieme ${marker()}`,
      codiceFiscale: entityCodiceFiscale(),
      partitaIva: partitaIva(),
      contactPhone: '075 572 1234',
      contactEmail: 'Info@Insieme.example',
      description: 'Associazione di promozione sociale: accompagnamento e compagnia.',
      homeComuneIstat: UMBRIA.perugia,
      ...overrides,
    };
  }

  function offerInput(overrides: Record<string, unknown> = {}) {
    return {
      organisationId,
      title: `Accompagnamento visite ${marker()}`,
      category: 'RIDES_AND_ACCOMPANIMENT',
      targetGroups: ['ELDERLY'],
      description: 'Accompagniamo alle visite mediche e aspettiamo.',
      area: { comuneIstatCodes: [UMBRIA.perugia] },
      schedule: [{ dayOfWeek: 2, start: '09:00', end: '12:30' }],
      languages: ['it', 'EN'],
      price: { model: 'FREE' },
      ...overrides,
    };
  }

  async function createOffer(
    overrides: Record<string, unknown> = {},
    token = operator.token,
  ): Promise<OfferData> {
    const result = await stack.graphql<{ createServiceOffer: OfferData }>(
      CREATE_OFFER,
      { input: offerInput(overrides) },
      { token },
    );
    return data(result).createServiceOffer;
  }

  async function search(variables: Record<string, unknown>): Promise<SearchData['searchServiceOffers']> {
    return data(await stack.graphql<SearchData>(SEARCH, variables)).searchServiceOffers;
  }

  async function searchIds(filter: Record<string, unknown>): Promise<string[]> {
    // Only ids, so that a page of 100 stays within the query cost limit.
    const result = await stack.graphql<{ searchServiceOffers: { items: { id: string }[] } }>(SEARCH_IDS, {
      filter,
      first: 100,
    });
    return data(result).searchServiceOffers.items.map((item) => item.id);
  }

  it('registers an ETS with a valid codice fiscale; the creator becomes its admin', async () => {
    const input = organisationInput();
    const result = await stack.graphql<{ registerOrganisation: { id: string } & Record<string, unknown> }>(
      REGISTER,
      { input },
      { token: admin.token },
    );
    const organisation = data(result).registerOrganisation;
    organisationId = organisation.id;
    expect(organisation).toMatchObject({
      kind: 'ETS',
      runtsSection: 'B',
      codiceFiscale: input.codiceFiscale,
      partitaIva: input.partitaIva,
      contactPhone: '+390755721234',
      contactEmail: 'info@insieme.example',
      homeComuneIstat: UMBRIA.perugia,
    });
    const mine = data(
      await stack.graphql<{ myOrganisations: { id: string }[] }>(
        MY_ORGANISATIONS,
        {},
        { token: admin.token },
      ),
    );
    expect(mine.myOrganisations.map((o) => o.id)).toEqual([organisationId]);
    const roles: { role: string }[] = await stack.dataSource.query(
      `SELECT role FROM user_roles WHERE user_id = $1 AND organisation_id = $2`,
      [admin.userId, organisationId],
    );
    expect(roles).toEqual([{ role: 'organisation_admin' }]);
    // Not accredited yet: hidden from the public, shown to its admin.
    expect(
      errorOf(
        await stack.graphql(`query ($id: ID!) { organisation(id: $id) { id } }`, { id: organisationId }),
      ).code,
    ).toBe('ORGANISATION_NOT_FOUND');
    expect(
      data(
        await stack.graphql(
          `query ($id: ID!) { organisation(id: $id) { id } }`,
          { id: organisationId },
          { token: admin.token },
        ),
      ),
    ).toEqual({ organisation: { id: organisationId } });
    expect(errorOf(await stack.graphql(REGISTER, { input: organisationInput() })).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('registers a sole trader with a personal codice fiscale and no RUNTS section', async () => {
    const owner = await signUp(stack);
    const first15 = `RSSMRA${randomInt(40, 99)}A01H501`;
    const codiceFiscale = first15 + personCheckCharacter(first15);
    const result = await stack.graphql<{ registerOrganisation: { kind: string; codiceFiscale: string } }>(
      REGISTER,
      {
        input: organisationInput({
          kind: 'COMPANY',
          runtsSection: null,
          runtsNumber: null,
          partitaIva: null,
          codiceFiscale: codiceFiscale.toLowerCase(),
        }),
      },
      { token: owner.token },
    );
    expect(data(result).registerOrganisation).toMatchObject({ kind: 'COMPANY', codiceFiscale });
  });

  it('rejects an invalid codice fiscale or partita IVA naming the field, and writes nothing', async () => {
    const someone = await signUp(stack);
    const [{ count: before }]: { count: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM organisations`,
    );
    const badCf = await stack.graphql(
      REGISTER,
      { input: organisationInput({ codiceFiscale: withWrongCheckDigit(entityCodiceFiscale()) }) },
      { token: someone.token },
    );
    expect(errorOf(badCf)).toEqual({ code: 'CODICE_FISCALE_INVALID', field: 'codiceFiscale' });
    expect(badCf.errors?.[0].message).toContain('codice fiscale');
    const english = await stack.graphql(
      REGISTER,
      { input: organisationInput({ codiceFiscale: '1234' }) },
      { token: someone.token, language: 'en' },
    );
    expect(english.errors?.[0].message).toMatch(/^The codice fiscale is not valid/);
    expect(
      errorOf(
        await stack.graphql(
          REGISTER,
          { input: organisationInput({ partitaIva: withWrongCheckDigit(partitaIva()) }) },
          { token: someone.token },
        ),
      ),
    ).toEqual({ code: 'PARTITA_IVA_INVALID', field: 'partitaIva' });
    expect(
      errorOf(
        await stack.graphql(
          REGISTER,
          { input: organisationInput({ runtsSection: null }) },
          { token: someone.token },
        ),
      ),
    ).toEqual({ code: 'FIELD_REQUIRED', field: 'runtsSection' });
    const [existing]: { codice_fiscale: string }[] = await stack.dataSource.query(
      `SELECT codice_fiscale FROM organisations WHERE id = $1`,
      [organisationId],
    );
    expect(
      errorOf(
        await stack.graphql(
          REGISTER,
          { input: organisationInput({ codiceFiscale: existing.codice_fiscale }) },
          { token: someone.token },
        ),
      ),
    ).toEqual({ code: 'ORGANISATION_ALREADY_REGISTERED', field: 'codiceFiscale' });

    const [{ count: after }]: { count: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM organisations`,
    );
    expect(after).toBe(before);
    const roles: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM user_roles WHERE user_id = $1 AND organisation_id IS NOT NULL`,
      [someone.userId],
    );
    expect(roles).toEqual([]);
  });

  it('admins invite members by phone and remove them; the last admin stays', async () => {
    const invited = await stack.graphql<{ inviteOrganisationMember: { userId: string; role: string } }>(
      INVITE,
      { input: { organisationId, phone: operator.phone, role: 'OPERATOR' } },
      { token: admin.token },
    );
    // A person who has signed up is asked, not added: the answer is the one an unknown number gets.
    expect(data(invited).inviteOrganisationMember).toEqual({ userId: null, role: 'OPERATOR' });
    await acceptInvitation(operator);
    const theirs = data(
      await stack.graphql<{ myOrganisations: { id: string }[] }>(
        MY_ORGANISATIONS,
        {},
        { token: operator.token },
      ),
    );
    expect(theirs.myOrganisations.map((o) => o.id)).toEqual([organisationId]);

    // Operators cannot invite; malformed phones are named; outsiders are refused.
    expect(
      errorOf(
        await stack.graphql(
          INVITE,
          { input: { organisationId, phone: citizen.phone, role: 'ADMIN' } },
          { token: operator.token },
        ),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(
        await stack.graphql(
          INVITE,
          { input: { organisationId, phone: '12', role: 'OPERATOR' } },
          { token: admin.token },
        ),
      ),
    ).toEqual({ code: 'PHONE_INVALID', field: 'phone' });

    expect(
      errorOf(
        await stack.graphql(
          REMOVE,
          { input: { organisationId, userId: admin.userId } },
          { token: admin.token },
        ),
      ),
    ).toEqual({ code: 'ORGANISATION_LAST_ADMIN', field: 'userId' });
    expect(
      data(
        await stack.graphql(
          REMOVE,
          { input: { organisationId, userId: operator.userId } },
          { token: admin.token },
        ),
      ),
    ).toEqual({
      removeOrganisationMember: true,
    });
    expect(
      data(
        await stack.graphql<{ myOrganisations: unknown[] }>(MY_ORGANISATIONS, {}, { token: operator.token }),
      ).myOrganisations,
    ).toEqual([]);
    // Removing someone who is not a member changes nothing.
    expect(
      data(
        await stack.graphql(
          REMOVE,
          { input: { organisationId, userId: citizen.userId } },
          { token: admin.token },
        ),
      ),
    ).toEqual({ removeOrganisationMember: false });
    const audit: { action: string }[] = await stack.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'organisation' AND entity_id = $1 ORDER BY id`,
      [organisationId],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'organisation.registered',
      'organisation_member.invited',
      'organisation_member.granted',
      'organisation_member.revoked',
    ]);
    // Back as operator for the offers below.
    data(
      await stack.graphql(
        INVITE,
        { input: { organisationId, phone: operator.phone, role: 'OPERATOR' } },
        { token: admin.token },
      ),
    );
    await acceptInvitation(operator);
  });

  it('an invitation to a phone that has not signed up waits, by SMS, and becomes the role at sign-up', async () => {
    const phone = uniquePhone();
    const invite = () =>
      stack.graphql<{
        inviteOrganisationMember: { userId: string | null; status: string; invitationExpiresAt: string };
      }>(INVITE_STATUS, { input: { organisationId, phone, role: 'OPERATOR' } }, { token: admin.token });
    const invited = data(await invite()).inviteOrganisationMember;
    expect(invited).toMatchObject({ organisationId, userId: null, role: 'OPERATOR', status: 'INVITED' });
    const days = (Date.parse(invited.invitationExpiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    // The SMS goes out through the outbox (held until morning during quiet hours); it names the
    // organisation and the role.
    const [{ name }]: { name: string }[] = await stack.dataSource.query(
      `SELECT name FROM organisations WHERE id = $1`,
      [organisationId],
    );
    const sms: { body_encrypted: string }[] = await stack.dataSource.query(
      `SELECT n.body_encrypted FROM notifications n JOIN outbox o ON (o.payload->>'notificationId')::uuid = n.id
        WHERE n.recipient = $1 AND n.event = 'organisation_invitation' AND n.channel = 'sms'`,
      [phone],
    );
    expect(sms).toHaveLength(1);
    const text = new FieldCipher(process.env.FIELD_ENCRYPTION_KEY as string).decrypt(sms[0].body_encrypted);
    expect(text).toContain(name.slice(0, 20));
    expect(text).toContain('operatore');

    // Inviting again renews the one invitation; the number is never stored in clear.
    data(await invite());
    const stored: { phone_encrypted: string; phone_hmac: Buffer }[] = await stack.dataSource.query(
      `SELECT phone_encrypted, phone_hmac FROM organisation_invitations WHERE organisation_id = $1 AND accepted_at IS NULL`,
      [organisationId],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].phone_encrypted).not.toContain(phone.slice(3));
    expect(stored[0].phone_hmac.toString('hex')).not.toContain(Buffer.from(phone).toString('hex'));

    // An expired invitation to another number gives nothing at sign-up.
    const latePhone = uniquePhone();
    data(
      await stack.graphql(
        INVITE,
        { input: { organisationId, phone: latePhone, role: 'ADMIN' } },
        { token: admin.token },
      ),
    );
    await stack.dataSource.query(
      `UPDATE organisation_invitations SET expires_at = now() - interval '1 minute'
        WHERE organisation_id = $1 AND role = 'organisation_admin' AND accepted_at IS NULL`,
      [organisationId],
    );

    const newcomer = await signUp(stack, phone);
    const late = await signUp(stack, latePhone);
    const theirs = data(
      await stack.graphql<{ myOrganisations: { id: string }[] }>(
        MY_ORGANISATIONS,
        {},
        { token: newcomer.token },
      ),
    );
    expect(theirs.myOrganisations.map((o) => o.id)).toEqual([organisationId]);
    const lateOnes = data(
      await stack.graphql<{ myOrganisations: { id: string }[] }>(MY_ORGANISATIONS, {}, { token: late.token }),
    );
    expect(lateOnes.myOrganisations).toEqual([]);
    // (The operator's own invitations, accepted above, are in the same table.)
    const accepted: { accepted_by_user_id: string }[] = await stack.dataSource.query(
      `SELECT accepted_by_user_id FROM organisation_invitations
        WHERE organisation_id = $1 AND role = 'organisation_operator' AND accepted_by_user_id <> $2`,
      [organisationId, operator.userId],
    );
    expect(accepted.map((row) => row.accepted_by_user_id)).toEqual([newcomer.userId]);
    const audit: { actor_user_id: string }[] = await stack.dataSource.query(
      `SELECT actor_user_id FROM audit_log WHERE action = 'organisation_member.granted' AND entity_id = $1
          AND details->>'userId' = $2`,
      [organisationId, newcomer.userId],
    );
    expect(audit.map((row) => row.actor_user_id)).toEqual([admin.userId]);

    // The new operator can be removed like any member.
    expect(
      data(
        await stack.graphql<{ removeOrganisationMember: boolean }>(
          REMOVE,
          { input: { organisationId, userId: newcomer.userId } },
          { token: admin.token },
        ),
      ).removeOrganisationMember,
    ).toBe(true);
  });

  it('keeps offers of a non-accredited organisation out of search; accreditation journey makes them visible', async () => {
    const tag = marker();
    const offer = await createOffer({ title: `Spesa a domicilio ${tag}`, category: 'SHOPPING_AND_DELIVERY' });
    expect(offer).toMatchObject({
      status: 'ACTIVE',
      moderationStatus: 'PUBLISHED',
      organisation: { id: organisationId },
    });
    expect(await searchIds({ text: tag })).toEqual([]);

    const requested = await stack.graphql<{ requestAccreditation: { id: string; status: string } }>(
      REQUEST_ACCREDITATION,
      { input: { organisationId, territoryId } },
      { token: admin.token },
    );
    const accreditation = data(requested).requestAccreditation;
    accreditationId = accreditation.id;
    expect(accreditation.status).toBe('SUBMITTED');
    expect(
      errorOf(
        await stack.graphql(
          REQUEST_ACCREDITATION,
          { input: { organisationId, territoryId } },
          { token: admin.token },
        ),
      ).code,
    ).toBe('ACCREDITATION_TRANSITION_INVALID');
    expect(
      errorOf(
        await stack.graphql(
          REQUEST_ACCREDITATION,
          { input: { organisationId, territoryId } },
          { token: operator.token },
        ),
      ).code,
    ).toBe('FORBIDDEN');

    // A moderator of another territory can neither act on it nor list it.
    expect(
      errorOf(await stack.graphql(START_REVIEW, { id: accreditationId }, { token: otherModerator.token }))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(await stack.graphql(REQUESTS, { territoryId }, { token: otherModerator.token })).code,
    ).toBe('FORBIDDEN');
    const theirs = data(
      await stack.graphql<{ accreditationRequests: { items: { id: string }[] } }>(
        REQUESTS,
        {},
        { token: otherModerator.token },
      ),
    );
    expect(theirs.accreditationRequests.items.map((item) => item.id)).not.toContain(accreditationId);
    expect(errorOf(await stack.graphql(REQUESTS, {}, { token: citizen.token })).code).toBe('FORBIDDEN');
    const ours = data(
      await stack.graphql<{ accreditationRequests: { items: { id: string; status: string }[] } }>(
        REQUESTS,
        { territoryId },
        { token: moderator.token },
      ),
    );
    expect(ours.accreditationRequests.items).toContainEqual(
      expect.objectContaining({ id: accreditationId, status: 'SUBMITTED' }),
    );

    // No decision without a review first.
    expect(
      errorOf(
        await stack.graphql(
          DECIDE,
          { input: { accreditationId, decision: 'ACCREDITED', reason: 'ok' } },
          { token: moderator.token },
        ),
      ).code,
    ).toBe('ACCREDITATION_TRANSITION_INVALID');
    expect(
      data(
        await stack.graphql<{ startAccreditationReview: { status: string } }>(
          START_REVIEW,
          { id: accreditationId },
          { token: moderator.token },
        ),
      ).startAccreditationReview.status,
    ).toBe('UNDER_REVIEW');
    expect(await searchIds({ text: tag })).toEqual([]);
    expect(
      errorOf(
        await stack.graphql(
          DECIDE,
          {
            input: {
              accreditationId,
              decision: 'ACCREDITED',
              reason: 'Statuto e iscrizione RUNTS verificati',
            },
          },
          { token: otherModerator.token },
        ),
      ).code,
    ).toBe('FORBIDDEN');
    const decided = await stack.graphql<{
      decideAccreditation: { status: string; reason: string; organisationName: string };
    }>(
      DECIDE,
      { input: { accreditationId, decision: 'ACCREDITED', reason: 'Statuto e iscrizione RUNTS verificati' } },
      { token: moderator.token },
    );
    expect(data(decided).decideAccreditation).toMatchObject({
      status: 'ACCREDITED',
      reason: 'Statuto e iscrizione RUNTS verificati',
    });
    // The organisation's admin hears the decision, in-app and by SMS (the defaults), in Italian.
    const notices: { channel: string; body_encrypted: string }[] = await stack.dataSource.query(
      `SELECT channel, body_encrypted FROM notifications
        WHERE user_id = $1 AND event = 'accreditation_decision' AND ref = $2 ORDER BY channel`,
      [admin.userId, `accreditation:${accreditationId}`],
    );
    expect(notices.map((notice) => notice.channel)).toEqual(['in_app', 'sms']);
    expect(
      stack.api.get(NotificationsService).decryptBody({ bodyEncrypted: notices[0].body_encrypted }),
    ).toBe(
      `La domanda di accreditamento di ${data(decided).decideAccreditation.organisationName} è stata accolta. Statuto e iscrizione RUNTS verificati`,
    );

    const found = await search({ filter: { text: tag }, first: 10 });
    expect(found.items.map((item) => item.id)).toEqual([offer.id]);
    expect(found.items[0].organisation).toEqual({
      id: organisationId,
      name: expect.stringContaining('APS Insieme'),
    });
    // Public now that it is accredited.
    expect(
      data(await stack.graphql(`query ($id: ID!) { organisation(id: $id) { id } }`, { id: organisationId })),
    ).toEqual({ organisation: { id: organisationId } });

    const history = data(
      await stack.graphql<{ accreditationHistory: Record<string, unknown>[] }>(
        HISTORY,
        { id: organisationId },
        { token: admin.token },
      ),
    ).accreditationHistory;
    expect(history).toEqual([
      {
        accreditationId,
        territoryId,
        fromStatus: null,
        toStatus: 'SUBMITTED',
        actorUserId: admin.userId,
        reason: null,
      },
      {
        accreditationId,
        territoryId,
        fromStatus: 'SUBMITTED',
        toStatus: 'UNDER_REVIEW',
        actorUserId: moderator.userId,
        reason: null,
      },
      {
        accreditationId,
        territoryId,
        fromStatus: 'UNDER_REVIEW',
        toStatus: 'ACCREDITED',
        actorUserId: moderator.userId,
        reason: 'Statuto e iscrizione RUNTS verificati',
      },
    ]);
    expect(
      data(
        await stack.graphql<{ accreditationHistory: unknown[] }>(
          HISTORY,
          { id: organisationId },
          { token: moderator.token },
        ),
      ).accreditationHistory,
    ).toHaveLength(3);
    expect(
      data(
        await stack.graphql<{ accreditationHistory: unknown[] }>(
          HISTORY,
          { id: organisationId },
          { token: otherModerator.token },
        ),
      ).accreditationHistory,
    ).toEqual([]);
    expect(errorOf(await stack.graphql(HISTORY, { id: organisationId }, { token: citizen.token })).code).toBe(
      'FORBIDDEN',
    );
    const audit: { action: string; territory_id: string }[] = await stack.dataSource.query(
      `SELECT action, territory_id FROM audit_log WHERE entity_type = 'organisation_accreditation' AND entity_id = $1 ORDER BY id`,
      [accreditationId],
    );
    expect(audit).toEqual(
      ['accreditation.submitted', 'accreditation.under_review', 'accreditation.accredited'].map((action) => ({
        action,
        territory_id: territoryId,
      })),
    );

    // Suspension hides the catalogue entries; lifting it shows them again.
    expect(
      data(
        await stack.graphql<{ decideAccreditation: { status: string } }>(
          DECIDE,
          { input: { accreditationId, decision: 'SUSPENDED', reason: 'Verifica DURC in corso' } },
          { token: moderator.token },
        ),
      ).decideAccreditation.status,
    ).toBe('SUSPENDED');
    expect(await searchIds({ text: tag })).toEqual([]);
    data(
      await stack.graphql(
        DECIDE,
        { input: { accreditationId, decision: 'ACCREDITED', reason: 'DURC regolare' } },
        { token: moderator.token },
      ),
    );
    expect(await searchIds({ text: tag })).toEqual([offer.id]);
  });

  it('a rejected organisation may ask again; the same request goes back to SUBMITTED', async () => {
    const requested = data(
      await stack.graphql<{ requestAccreditation: { id: string } }>(
        REQUEST_ACCREDITATION,
        { input: { organisationId, territoryId: otherTerritoryId } },
        { token: admin.token },
      ),
    ).requestAccreditation;
    data(await stack.graphql(START_REVIEW, { id: requested.id }, { token: otherModerator.token }));
    const rejected = data(
      await stack.graphql<{ decideAccreditation: { status: string; reason: string } }>(
        DECIDE,
        { input: { accreditationId: requested.id, decision: 'REJECTED', reason: 'Manca lo statuto' } },
        { token: otherModerator.token },
      ),
    ).decideAccreditation;
    expect(rejected).toMatchObject({ status: 'REJECTED', reason: 'Manca lo statuto' });
    expect(
      errorOf(
        await stack.graphql(
          DECIDE,
          { input: { accreditationId: requested.id, decision: 'SUSPENDED', reason: 'x' } },
          { token: otherModerator.token },
        ),
      ).code,
    ).toBe('ACCREDITATION_TRANSITION_INVALID');
    const again = data(
      await stack.graphql<{ requestAccreditation: { id: string; status: string; reason: string | null } }>(
        REQUEST_ACCREDITATION,
        { input: { organisationId, territoryId: otherTerritoryId } },
        { token: admin.token },
      ),
    ).requestAccreditation;
    expect(again).toMatchObject({ id: requested.id, status: 'SUBMITTED', reason: null });
    const history = data(
      await stack.graphql<{ accreditationHistory: { accreditationId: string; toStatus: string }[] }>(
        HISTORY,
        { id: organisationId },
        { token: otherModerator.token },
      ),
    ).accreditationHistory;
    expect(history.map((entry) => [entry.accreditationId, entry.toStatus])).toEqual(
      ['SUBMITTED', 'UNDER_REVIEW', 'REJECTED', 'SUBMITTED'].map((status) => [requested.id, status]),
    );
  });

  it('under pre-moderation an offer appears only after a moderator approves it', async () => {
    const setMode = `mutation ($input: SetModerationModeInput!) { setModerationMode(input: $input) }`;
    data(
      await stack.graphql(
        setMode,
        { input: { territoryId, contentType: 'SERVICE_OFFER', mode: 'PRE' } },
        { token: moderator.token },
      ),
    );
    try {
      const tag = marker();
      const offer = await createOffer({ title: `Badante condivisa ${tag}`, category: 'SHARED_CAREGIVER' });
      expect(offer.moderationStatus).toBe('PENDING');
      expect(await searchIds({ text: tag })).toEqual([]);
      // Its organisation still sees it.
      expect(
        data(
          await stack.graphql<{ serviceOffer: { id: string } }>(
            `query ($id: ID!) { serviceOffer(id: $id) { id } }`,
            { id: offer.id },
            { token: operator.token },
          ),
        ).serviceOffer.id,
      ).toBe(offer.id);
      expect(
        errorOf(await stack.graphql(`query ($id: ID!) { serviceOffer(id: $id) { id } }`, { id: offer.id }))
          .code,
      ).toBe('SERVICE_OFFER_NOT_FOUND');

      const approve = `mutation ($input: ModerateContentInput!) { moderateContent(input: $input) { status } }`;
      const input = { contentType: 'SERVICE_OFFER', contentId: offer.id, decision: 'APPROVE', reason: 'ok' };
      expect(errorOf(await stack.graphql(approve, { input }, { token: otherModerator.token })).code).toBe(
        'FORBIDDEN',
      );
      data(await stack.graphql(approve, { input }, { token: moderator.token }));
      expect(await searchIds({ text: tag })).toEqual([offer.id]);
    } finally {
      data(
        await stack.graphql(
          setMode,
          { input: { territoryId, contentType: 'SERVICE_OFFER', mode: 'POST' } },
          { token: moderator.token },
        ),
      );
    }
  });

  it('validates shared price bands and schedules, naming the field, and writes nothing', async () => {
    const [{ count: before }]: { count: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM service_offers WHERE organisation_id = $1`,
      [organisationId],
    );
    const rising = await stack.graphql(
      CREATE_OFFER,
      {
        input: offerInput({
          price: {
            model: 'SHARED',
            bands: [
              { people: 1, centsPerHourEach: 1000 },
              { people: 2, centsPerHourEach: 1200 },
            ],
          },
        }),
      },
      { token: operator.token },
    );
    expect(errorOf(rising)).toEqual({
      code: 'PRICE_BANDS_INVALID',
      field: 'price.bands[1].centsPerHourEach',
    });
    expect(rising.errors?.[0].message).toContain('price.bands[1].centsPerHourEach');
    const noSingle = await stack.graphql(
      CREATE_OFFER,
      { input: offerInput({ price: { model: 'SHARED', bands: [{ people: 2, centsPerHourEach: 700 }] } }) },
      { token: operator.token },
    );
    expect(errorOf(noSingle)).toEqual({ code: 'PRICE_BANDS_INVALID', field: 'price.bands[0].people' });
    const fixedWithoutUnit = await stack.graphql(
      CREATE_OFFER,
      { input: offerInput({ price: { model: 'FIXED', amountCents: 1500 } }) },
      { token: operator.token },
    );
    expect(errorOf(fixedWithoutUnit)).toEqual({ code: 'FIELD_REQUIRED', field: 'price.unit' });
    const backwards = await stack.graphql(
      CREATE_OFFER,
      { input: offerInput({ schedule: [{ dayOfWeek: 1, start: '18:00', end: '09:00' }] }) },
      { token: operator.token },
    );
    expect(errorOf(backwards)).toEqual({ code: 'SCHEDULE_END_BEFORE_START', field: 'schedule[0].end' });
    expect(
      errorOf(
        await stack.graphql(
          CREATE_OFFER,
          { input: offerInput({ area: { comuneIstatCodes: [UMBRIA.perugia], radiusKm: 5 } }) },
          { token: operator.token },
        ),
      ),
    ).toEqual({ code: 'AREA_AMBIGUOUS', field: 'area' });
    expect(
      errorOf(
        await stack.graphql(
          CREATE_OFFER,
          { input: offerInput({ area: { centre: { lat: 39.0, lon: 5.0 }, radiusKm: 5 } }) },
          { token: operator.token },
        ),
      ),
    ).toEqual({ code: 'AREA_OUTSIDE_ITALY', field: 'area.centre' });
    expect(
      errorOf(await stack.graphql(CREATE_OFFER, { input: offerInput() }, { token: citizen.token })).code,
    ).toBe('FORBIDDEN');
    const [{ count: after }]: { count: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM service_offers WHERE organisation_id = $1`,
      [organisationId],
    );
    expect(after).toBe(before);

    const bands = [
      { people: 1, centsPerHourEach: 1000 },
      { people: 2, centsPerHourEach: 700 },
      { people: 3, centsPerHourEach: 500 },
    ];
    const tag = marker();
    const shared = await createOffer({
      title: `Badante di condominio ${tag}`,
      category: 'SHARED_CAREGIVER',
      price: { model: 'SHARED', bands, vouchersAccepted: true },
    });
    expect(shared.price).toEqual({
      model: 'SHARED',
      unit: 'HOUR',
      amountCents: null,
      bands,
      vouchersAccepted: true,
    });
    // The cheapest band counts for the hourly price filter.
    expect(await searchIds({ text: tag, maxPriceCentsPerHour: 500 })).toEqual([shared.id]);
    expect(await searchIds({ text: tag, maxPriceCentsPerHour: 499 })).toEqual([]);
    expect(await searchIds({ text: tag, freeOnly: true })).toEqual([]);
    expect(await searchIds({ text: tag, vouchersAccepted: true })).toEqual([shared.id]);
  });

  it('searches near a point ordered by distance, excluding offers out of range', async () => {
    const tag = marker();
    const places = [
      UMBRIA.assisi,
      UMBRIA.todi,
      UMBRIA.perugia,
      UMBRIA.orvieto,
      UMBRIA.bastia,
      UMBRIA.corciano,
    ];
    const ids = new Map<string, string>();
    for (const istat of places) {
      const offer = await createOffer({
        title: `Compagnia ${tag} ${istat}`,
        area: { comuneIstatCodes: [istat] },
      });
      ids.set(istat, offer.id);
    }
    // An offer drawn as a circle counts from its centre: 1 km north of Perugia's.
    const perugia = comuni.get(UMBRIA.perugia)!;
    const circle = await createOffer({
      title: `Compagnia ${tag} cerchio`,
      area: { centre: { lat: perugia.lat + 0.009, lon: perugia.lon }, radiusKm: 10 },
    });
    expect(circle.comuneIstat).toBe(UMBRIA.perugia);

    const radiusKm = 25;
    const expected = [
      ...places.map((istat) => ({ id: ids.get(istat)!, ...comuni.get(istat)! })),
      { id: circle.id, lat: perugia.lat + 0.009, lon: perugia.lon },
    ]
      .map((point) => ({ id: point.id, km: haversineKm(perugia, point) }))
      .filter((point) => point.km <= radiusKm)
      .sort((a, b) => a.km - b.km);
    // Todi and Orvieto are beyond 25 km of Perugia.
    expect(expected.map((point) => point.id)).not.toContain(ids.get(UMBRIA.orvieto));
    expect(expected.map((point) => point.id)).not.toContain(ids.get(UMBRIA.todi));

    const near = { lat: perugia.lat, lon: perugia.lon, radiusKm };
    const found = await search({ filter: { text: tag, near }, first: 20 });
    expect(found.items.map((item) => item.id)).toEqual(expected.map((point) => point.id));
    found.items.forEach((item, i) => expect(item.distanceKm).toBeCloseTo(expected[i].km, 1));

    // Nearest first, the page reads its organisations in its own statement: the same public view,
    // field for field, as the organisation loader gives the other orders.
    const withOrganisations = async (order: string) =>
      data(
        await stack.graphql<{ searchServiceOffers: { items: { id: string; organisation: unknown }[] } }>(
          `query ($filter: ServiceOfferFilter, $order: ServiceOfferOrder) {
            searchServiceOffers(filter: $filter, order: $order, first: 10) {
              items { id organisation { ${ORGANISATION_FIELDS} createdAt } }
            }
          }`,
          { filter: { text: tag, near }, order },
        ),
      ).searchServiceOffers.items.sort((a, b) => a.id.localeCompare(b.id));
    const nearestFirst = await withOrganisations('DISTANCE');
    expect(nearestFirst).toHaveLength(expected.length);
    expect(nearestFirst).toEqual(await withOrganisations('NEWEST'));

    // Pages of two, ordered by distance, are disjoint and cover the same list.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: SearchData['searchServiceOffers'] = await search({
        filter: { text: tag, near },
        first: 2,
        after,
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected.map((point) => point.id));

    // Offers at one same point tie on distance: the index walk stops at the page, every tie comes
    // along, and the id decides, so pages of two still cover them once each, in id order.
    const twinTag = marker();
    const twins: string[] = [];
    for (let twin = 0; twin < 5; twin += 1) {
      const offer = await createOffer({
        title: `Gemelli ${twinTag} ${twin}`,
        area: { centre: { lat: perugia.lat - 0.02, lon: perugia.lon }, radiusKm: 5 },
      });
      twins.push(offer.id);
    }
    const twinsSeen: string[] = [];
    after = null;
    do {
      const page: SearchData['searchServiceOffers'] = await search({
        filter: { text: twinTag, near },
        first: 2,
        after,
      });
      twinsSeen.push(...page.items.map((item) => item.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(twinsSeen).toEqual([...twins].sort());

    // A Comune filter finds the offers whose area covers it, circles included.
    expect(await searchIds({ text: tag, comuneIstat: UMBRIA.perugia })).toEqual(
      expect.arrayContaining([ids.get(UMBRIA.perugia), circle.id]),
    );
    expect(await searchIds({ text: tag, comuneIstat: UMBRIA.orvieto })).toEqual([ids.get(UMBRIA.orvieto)]);
    // Distance order without a point is an error on the order argument.
    expect(errorOf(await stack.graphql(SEARCH, { filter: { text: tag }, order: 'DISTANCE' }))).toEqual({
      code: 'SEARCH_DISTANCE_NEEDS_NEAR',
      field: 'order',
    });
  });

  it('text search ignores accents and case; time of week matches the schedule', async () => {
    const tag = marker();
    const offer = await createOffer({
      title: `Caffè e compagnia ${tag}`,
      description: 'Un caffè insieme, due chiacchiere, la città vicina.',
      category: 'COMPANIONSHIP',
      schedule: [
        { dayOfWeek: 3, start: '15:00', end: '18:00' },
        { dayOfWeek: 5, start: '09:00', end: '11:00' },
      ],
    });
    expect(await searchIds({ text: `caffe ${tag}` })).toEqual([offer.id]);
    expect(await searchIds({ text: `CAFFÈ ${tag}` })).toEqual([offer.id]);
    expect(await searchIds({ text: `citta ${tag}` })).toEqual([offer.id]);
    expect(await searchIds({ text: `the ${tag}` })).toEqual([]);
    expect(await searchIds({ text: `100% ${tag}` })).toEqual([]);
    expect(await searchIds({ text: tag, category: 'COMPANIONSHIP' })).toEqual([offer.id]);
    expect(await searchIds({ text: tag, category: 'HOME_HELP' })).toEqual([]);
    expect(await searchIds({ text: tag, timeOfWeek: { dayOfWeek: 3, time: '15:00' } })).toEqual([offer.id]);
    expect(await searchIds({ text: tag, timeOfWeek: { dayOfWeek: 5, time: '10:59' } })).toEqual([offer.id]);
    expect(await searchIds({ text: tag, timeOfWeek: { dayOfWeek: 3, time: '18:00' } })).toEqual([]);
    expect(await searchIds({ text: tag, timeOfWeek: { dayOfWeek: 4, time: '16:00' } })).toEqual([]);
  });

  it('pages the newest first with disjoint pages, and refuses first: 101 and forged cursors', async () => {
    const tag = marker();
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await createOffer({ title: `Aiuto digitale ${tag} ${i}` })).id);
    // With words, the default order is relevance (offer-text-search.e2e-spec.ts): ask for newest.
    const newest = { filter: { text: tag }, order: 'NEWEST', first: 2 };
    const first = await search(newest);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search({ ...newest, after: first.pageInfo.endCursor });
    const third = await search({ ...newest, after: second.pageInfo.endCursor });
    expect(third.pageInfo.hasNextPage).toBe(false);
    const pages = [first, second, third].map((page) => page.items.map((item) => item.id));
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(new Set(pages.flat()).size).toBe(5);
    expect(pages.flat()).toEqual([...created].reverse());

    expect(errorOf(await stack.graphql(SEARCH_IDS, { filter: { text: tag }, first: 101 }))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'first',
    });
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    expect(errorOf(await stack.graphql(SEARCH, { filter: { text: tag }, after: forged }))).toEqual({
      code: 'FIELD_INVALID',
      field: 'after',
    });
  });

  it('updates re-enter moderation; archiving hides the offer and keeps its history', async () => {
    const tag = marker();
    const offer = await createOffer({ title: `Trasporto sociale ${tag}` });
    const updated = await stack.graphql<{ updateServiceOffer: OfferData }>(
      UPDATE_OFFER,
      {
        input: {
          ...offerInput({ title: `Trasporto sociale ${tag} con carrozzina` }),
          organisationId: undefined,
          id: offer.id,
          price: { model: 'FIXED', unit: 'SERVICE', amountCents: 800 },
        },
      },
      { token: operator.token },
    );
    expect(data(updated).updateServiceOffer).toMatchObject({
      title: `Trasporto sociale ${tag} con carrozzina`,
      price: { model: 'FIXED', unit: 'SERVICE', amountCents: 800 },
    });
    expect(await searchIds({ text: `carrozzina ${tag}` })).toEqual([offer.id]);
    // Priced per service, so no hourly price to compare.
    expect(await searchIds({ text: tag, maxPriceCentsPerHour: 100000 })).toEqual([]);

    expect(
      errorOf(await stack.graphql(ARCHIVE_OFFER, { input: { id: offer.id } }, { token: citizen.token })).code,
    ).toBe('FORBIDDEN');
    expect(
      data(
        await stack.graphql<{ archiveServiceOffer: { status: string } }>(
          ARCHIVE_OFFER,
          { input: { id: offer.id, reason: 'Servizio sospeso' } },
          { token: admin.token },
        ),
      ).archiveServiceOffer.status,
    ).toBe('ARCHIVED');
    expect(await searchIds({ text: tag })).toEqual([]);
    const history: {
      from_status: string | null;
      to_status: string;
      actor_user_id: string;
      reason: string | null;
    }[] = await stack.dataSource.query(
      `SELECT from_status, to_status, actor_user_id, reason FROM status_history
          WHERE entity_type = 'service_offer' AND entity_id = $1 ORDER BY id`,
      [offer.id],
    );
    expect(history).toEqual([
      { from_status: null, to_status: 'active', actor_user_id: operator.userId, reason: null },
      {
        from_status: 'active',
        to_status: 'archived',
        actor_user_id: admin.userId,
        reason: 'Servizio sospeso',
      },
    ]);
    expect(
      errorOf(
        await stack.graphql(
          UPDATE_OFFER,
          { input: { ...offerInput(), organisationId: undefined, id: offer.id } },
          { token: operator.token },
        ),
      ),
    ).toEqual({ code: 'SERVICE_OFFER_ARCHIVED', field: 'id' });
  });

  it('pausing takes an offer out of the catalogue and back, for members only, with its history; the list keeps it', async () => {
    const tag = marker();
    const offer = await createOffer({ title: `Compagnia al telefono ${tag}` });
    expect(await searchIds({ text: tag })).toEqual([offer.id]);

    expect(
      errorOf(await stack.graphql(PAUSE_OFFER, { input: { id: offer.id } }, { token: citizen.token })),
    ).toEqual({ code: 'FORBIDDEN', field: undefined });
    const pause = () =>
      stack.graphql<{ pauseServiceOffer: { status: string } }>(
        PAUSE_OFFER,
        { input: { id: offer.id, reason: 'Volontari in ferie ad agosto' } },
        { token: operator.token },
      );
    expect(data(await pause()).pauseServiceOffer.status).toBe('PAUSED');
    expect(await searchIds({ text: tag })).toEqual([]);
    // Nobody outside the organisation sees it; its members still find it in their list.
    expect(
      errorOf(await stack.graphql(`query ($id: ID!) { serviceOffer(id: $id) { id } }`, { id: offer.id })),
    ).toEqual({ code: 'SERVICE_OFFER_NOT_FOUND', field: 'id' });
    const listed = async (all: boolean) =>
      data(
        await stack.graphql<{ organisationServiceOffers: { items: { id: string; status: string }[] } }>(
          ORGANISATION_OFFERS,
          { id: organisationId, all },
          { token: operator.token },
        ),
      ).organisationServiceOffers.items.find((item) => item.id === offer.id);
    expect(await listed(false)).toEqual({ id: offer.id, status: 'PAUSED' });
    expect(errorOf(await pause())).toEqual({ code: 'SERVICE_OFFER_NOT_ACTIVE', field: 'id' });

    // Still editable while paused: the change goes to moderation and the pause stays.
    const edited = await stack.graphql<{ updateServiceOffer: OfferData }>(
      UPDATE_OFFER,
      {
        input: {
          ...offerInput({ title: `Compagnia al telefono ${tag} e a casa` }),
          organisationId: undefined,
          id: offer.id,
        },
      },
      { token: operator.token },
    );
    expect(data(edited).updateServiceOffer).toMatchObject({ status: 'PAUSED' });

    const resumed = await stack.graphql<{ resumeServiceOffer: { status: string } }>(
      RESUME_OFFER,
      { id: offer.id },
      { token: admin.token },
    );
    expect(data(resumed).resumeServiceOffer.status).toBe('ACTIVE');
    expect(await searchIds({ text: tag })).toEqual([offer.id]);
    expect(errorOf(await stack.graphql(RESUME_OFFER, { id: offer.id }, { token: admin.token }))).toEqual({
      code: 'SERVICE_OFFER_NOT_PAUSED',
      field: 'id',
    });
    const history: { from_status: string | null; to_status: string; reason: string | null }[] =
      await stack.dataSource.query(
        `SELECT from_status, to_status, reason FROM status_history
          WHERE entity_type = 'service_offer' AND entity_id = $1 ORDER BY id`,
        [offer.id],
      );
    expect(history).toEqual([
      { from_status: null, to_status: 'active', reason: null },
      { from_status: 'active', to_status: 'paused', reason: 'Volontari in ferie ad agosto' },
      { from_status: 'paused', to_status: 'active', reason: null },
    ]);
    // Resuming asks matching to look again at open needs near the offer.
    const asked: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM outbox WHERE job_name = 'match-near-service-offer' AND payload->>'serviceOfferId' = $1`,
      [offer.id],
    );
    expect(asked).toHaveLength(3);
  });

  it("shows organisations' accreditations batched per request: all states to members and staff, accredited ones to the public", async () => {
    const second = data(
      await stack.graphql<{ registerOrganisation: { id: string } }>(
        REGISTER,
        { input: organisationInput() },
        { token: admin.token },
      ),
    ).registerOrganisation.id;
    const ACCREDITATIONS = `{ myOrganisations { id accreditations { territoryId status } } }`;
    // A spy that calls through: the queries still run on the real database; it only counts them.
    const queries = jest.spyOn(stack.dataSource, 'query');
    let mine: {
      myOrganisations: { id: string; accreditations: { territoryId: string; status: string }[] }[];
    };
    try {
      mine = data(await stack.graphql(ACCREDITATIONS, {}, { token: admin.token }));
      expect(
        queries.mock.calls.filter(([sql]) => /FROM organisation_accreditations/.test(String(sql))),
      ).toHaveLength(1);
    } finally {
      queries.mockRestore();
    }
    const byId = new Map(
      mine.myOrganisations.map((organisation) => [organisation.id, organisation.accreditations]),
    );
    expect(byId.get(organisationId)).toEqual([
      { territoryId, status: 'ACCREDITED' },
      { territoryId: otherTerritoryId, status: 'SUBMITTED' },
    ]);
    expect(byId.get(second)).toEqual([]);

    const ONE = `query ($id: ID!) { organisation(id: $id) { accreditations { territoryId status } } }`;
    const seenBy = async (token?: string) =>
      data(
        await stack.graphql<{ organisation: { accreditations: { territoryId: string; status: string }[] } }>(
          ONE,
          { id: organisationId },
          { token },
        ),
      ).organisation.accreditations;
    expect(await seenBy()).toEqual([{ territoryId, status: 'ACCREDITED' }]);
    expect(await seenBy(citizen.token)).toEqual([{ territoryId, status: 'ACCREDITED' }]);
    expect(await seenBy(otherModerator.token)).toEqual([
      { territoryId, status: 'ACCREDITED' },
      { territoryId: otherTerritoryId, status: 'SUBMITTED' },
    ]);
  });
});

/** Great-circle distance on the sphere earthdistance uses (radius 6378168 m). */
function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6378.168 * Math.asin(Math.sqrt(h));
}
