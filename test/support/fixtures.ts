import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { elevenDigitCheckDigit } from '@prossimo/directory';
import { NotificationsService } from '@prossimo/notifications';
import { GraphQLResult, TestStack, uniqueIp, uniquePhone } from './stack';

export interface SignedInUser {
  userId: string;
  phone: string;
  token: string;
}

/** The data of a result that must have succeeded; a result with errors fails the test with them. */
export function ok<T>(result: GraphQLResult<T>): T {
  if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** Anything that may carry GraphQL errors, whatever its data. */
type WithErrors = { errors?: { extensions?: Record<string, unknown> }[] };

/** The first error's code and field, after checking that there is an error. */
export function errorOf(result: WithErrors): { code?: unknown; field?: unknown } {
  expect(result.errors).toBeDefined();
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, field: extensions.field };
}

export const codeOf = (result: WithErrors) => result.errors?.[0]?.extensions?.code;
export const fieldOf = (result: WithErrors) => result.errors?.[0]?.extensions?.field;

/** The moment `n` hours from now (negative: ago), as an ISO string. */
export const hoursFromNow = (n: number) => new Date(Date.now() + n * 3600_000).toISOString();

/** Polls every 100 ms until the probe gives a value (not undefined) and returns it; fails after timeoutMs. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls every 100 ms until the predicate holds; fails after timeoutMs. */
export async function waitUntil(predicate: () => Promise<boolean>, timeoutMs = 20000): Promise<void> {
  await waitFor(async () => ((await predicate()) ? true : undefined), timeoutMs);
}

/** Asks the api for a sign-in code for `phone` (from an address of its own) and returns the code the SMS gateway got. */
export async function requestCode(stack: TestStack, phone: string): Promise<string> {
  const before = stack.gateway.messagesTo(phone).length;
  const requested = await stack.graphql(
    `mutation ($phone: String!) { requestPhoneVerification(input: { phone: $phone }) { phone } }`,
    { phone },
    { ip: uniqueIp() },
  );
  if (requested.errors) throw new Error(JSON.stringify(requested.errors));
  return stack.gateway.waitForCode(phone, before);
}

/** Signs a new person up through the real SMS flow and returns their access token. */
export async function signUp(stack: TestStack, phone = uniquePhone()): Promise<SignedInUser> {
  const code = await requestCode(stack, phone);
  const verified = await stack.graphql<{ verifyPhone: { accessToken: string; user: { id: string } } }>(
    `mutation ($phone: String!, $code: String!) { verifyPhone(input: { phone: $phone, code: $code }) { accessToken user { id } } }`,
    { phone, code },
  );
  if (verified.errors || !verified.data) throw new Error(JSON.stringify(verified.errors));
  return { userId: verified.data.verifyPhone.user.id, phone, token: verified.data.verifyPhone.accessToken };
}

/** Turns the person's quiet hours off: their SMS go out at whatever hour the test runs. */
export async function withoutQuietHours(stack: TestStack, user: SignedInUser): Promise<void> {
  ok(
    await stack.graphql(
      `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { quietHoursStart } }`,
      { input: { quietHoursStart: '00:00', quietHoursEnd: '00:00' } },
      { token: user.token },
    ),
  );
}

/** Gives a role directly in the database (as a platform admin would); tokens pick it up at once. */
export async function grantRole(
  dataSource: DataSource,
  userId: string,
  role: string,
  scope: { territoryId?: string; organisationId?: string } = {},
): Promise<void> {
  await dataSource.query(
    `INSERT INTO user_roles (user_id, role, territory_id, organisation_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [userId, role, scope.territoryId ?? null, scope.organisationId ?? null],
  );
}

/** A role signUpWithRoles gives, with its scope as grantRole takes it. */
export interface RoleToGrant {
  role: string;
  territoryId?: string;
  organisationId?: string;
}

/**
 * People signed up at once (signUp), in the order listed, then each given its role (grantRole);
 * `null` signs one up with no role (a citizen, a volunteer).
 */
export async function signUpWithRoles(
  stack: TestStack,
  roles: (RoleToGrant | null)[],
): Promise<SignedInUser[]> {
  const people = await Promise.all(roles.map(() => signUp(stack)));
  for (const [index, grant] of roles.entries()) {
    if (grant) await grantRole(stack.dataSource, people[index].userId, grant.role, grant);
  }
  return people;
}

/** A territory over the given Comuni (ISTAT codes); e.g. Alba 004003, Bra 004029, Cherasco 004067. */
export async function createTerritory(
  dataSource: DataSource,
  name: string,
  comuni: string[],
): Promise<string> {
  const [territory]: { id: string }[] = await dataSource.query(
    `INSERT INTO territories (kind, name) VALUES ($1, $2) RETURNING id`,
    [comuni.length === 1 ? 'comune' : 'ambito', name],
  );
  await dataSource.query(
    `INSERT INTO territory_comuni (territory_id, comune_istat) SELECT $1, unnest($2::text[])`,
    [territory.id, comuni],
  );
  return territory.id;
}

/** Far from the Piedmont Comuni the other files use: for tests that count everything in their area. */
export const TRENTINO = { trento: '022205', rovereto: '022161', bolzano: '021008' };

export const PIEDMONT = {
  alba: '004003',
  bra: '004029',
  cherasco: '004067',
  barolo: '004013',
  novara: '003106',
  borgomanero: '003024',
  torino: '001272',
};

/**
 * A social cooperative (RUNTS section D; `kind` and `runtsSection` for another) of
 * `homeComuneIstat` registered through the api by `founder`, who becomes its admin; a fresh valid
 * codice fiscale each time, its digits after the name. Its id and name.
 */
export async function registerOrganisation(
  stack: TestStack,
  founder: SignedInUser,
  place: {
    homeComuneIstat: string;
    name?: string;
    description?: string;
    kind?: string;
    runtsSection?: string;
  },
): Promise<{ organisationId: string; name: string }> {
  const digits = `8${randomInt(0, 1_000_000_000).toString().padStart(9, '0')}`;
  const name = place.name ? `${place.name} ${digits}` : `Cooperativa Cura Insieme ${digits}`;
  const organisationId = ok(
    await stack.graphql<{ registerOrganisation: { id: string } }>(
      `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
      {
        input: {
          kind: place.kind ?? 'SOCIAL_COOPERATIVE',
          runtsSection: place.runtsSection ?? 'D',
          runtsNumber: digits.slice(-4),
          name,
          codiceFiscale: digits + elevenDigitCheckDigit(digits),
          description:
            place.description ?? 'Cooperativa sociale: assistenza domiciliare e badanti di condominio.',
          homeComuneIstat: place.homeComuneIstat,
        },
      },
      { token: founder.token },
    ),
  ).registerOrganisation.id;
  return { organisationId, name };
}

/**
 * A social cooperative registered by `cooperative`, accredited for the territory by `moderator`
 * through the public API, with a published shared-carer offer over one Comune priced per person
 * by how many households share (`centsPerHourEach` for 1, 2, 3 people).
 */
export async function accreditedSharedCarerCooperative(
  stack: TestStack,
  people: { cooperative: SignedInUser; moderator: SignedInUser },
  place: { territoryId: string; comuneIstat: string },
  centsPerHourEach: [number, number, number],
): Promise<{ organisationId: string; offerModerationStatus: string }> {
  const { cooperative, moderator } = people;
  const { organisationId } = await registerOrganisation(stack, cooperative, {
    homeComuneIstat: place.comuneIstat,
  });
  const accreditationId = await accreditationUnderReview(stack, people, organisationId, place.territoryId);
  ok(
    await stack.graphql(
      `mutation ($input: DecideAccreditationInput!) { decideAccreditation(input: $input) { id } }`,
      { input: { accreditationId, decision: 'ACCREDITED', reason: 'Requisiti verificati' } },
      { token: moderator.token },
    ),
  );
  const offer = await createServiceOffer(
    stack,
    cooperative,
    sharedCarerOffer(organisationId, place.comuneIstat, centsPerHourEach),
  );
  return { organisationId, offerModerationStatus: offer.moderationStatus };
}

/**
 * The organisation's accreditation for the territory, asked by `cooperative` (its admin) and taken
 * up by `moderator` (the territory's), both through the api: its id, under review.
 */
export async function accreditationUnderReview(
  stack: TestStack,
  people: { cooperative: SignedInUser; moderator: SignedInUser },
  organisationId: string,
  territoryId: string,
): Promise<string> {
  const accreditationId = ok(
    await stack.graphql<{ requestAccreditation: { id: string } }>(
      `mutation ($input: RequestAccreditationInput!) { requestAccreditation(input: $input) { id } }`,
      { input: { organisationId, territoryId } },
      { token: people.cooperative.token },
    ),
  ).requestAccreditation.id;
  ok(
    await stack.graphql(
      `mutation ($id: ID!) { startAccreditationReview(input: { accreditationId: $id }) { id } }`,
      { id: accreditationId },
      { token: people.moderator.token },
    ),
  );
  return accreditationId;
}

/** `volunteer` answers the call to action through the api: the answer's id. */
export async function answerCall(stack: TestStack, volunteer: SignedInUser, callId: string): Promise<string> {
  return ok(
    await stack.graphql<{ answerCallToAction: { id: string } }>(
      `mutation ($callId: ID!) { answerCallToAction(input: { callId: $callId }) { id status } }`,
      { callId },
      { token: volunteer.token },
    ),
  ).answerCallToAction.id;
}

/** A service offer written through the api by `author` (its organisation's admin): its id and moderation status. */
export async function createServiceOffer(
  stack: TestStack,
  author: SignedInUser,
  input: Record<string, unknown>,
): Promise<{ id: string; moderationStatus: string }> {
  return ok(
    await stack.graphql<{ createServiceOffer: { id: string; moderationStatus: string } }>(
      `mutation ($input: CreateServiceOfferInput!) { createServiceOffer(input: $input) { id moderationStatus } }`,
      { input },
      { token: author.token },
    ),
  ).createServiceOffer;
}

/**
 * The input of an organisation's shared-carer offer ("Badante di condominio", Mondays 8 to 18) in
 * one Comune, priced per household by how many share: `centsPerHourEach[n]` when n + 1 do.
 */
export function sharedCarerOffer(organisationId: string, comuneIstat: string, centsPerHourEach: number[]) {
  return {
    organisationId,
    title: 'Badante di condominio',
    category: 'SHARED_CAREGIVER',
    targetGroups: ['ELDERLY'],
    description: 'Una badante qualificata condivisa tra famiglie vicine.',
    area: { comuneIstatCodes: [comuneIstat] },
    schedule: [{ dayOfWeek: 1, start: '08:00', end: '18:00' }],
    languages: ['it'],
    price: {
      model: 'SHARED',
      bands: centsPerHourEach.map((cents, index) => ({ people: index + 1, centsPerHourEach: cents })),
    },
  };
}

/** Via Roma 12, Saluzzo: the home of companionshipInSaluzzo's needs. */
export const SALUZZO_HOME = { lat: 44.6469, lon: 7.4935 };

/** A companionship need input at Via Roma 12, Saluzzo, one to four hours from now; `extra` adds or overrides fields. */
export function companionshipInSaluzzo(description: string, extra: Record<string, unknown> = {}) {
  return {
    category: 'COMPANIONSHIP',
    description,
    location: SALUZZO_HOME,
    address: 'Via Roma 12, Saluzzo',
    windowStart: hoursFromNow(1),
    windowEnd: hoursFromNow(4),
    ...extra,
  };
}

/**
 * A household's shared-carer need input in one Comune ("Badante per la mattina"): 10 hours a week
 * on `weeklySchedule`, willing to share with neighbours, from a day to 90 days from now.
 */
export function sharedCarerNeed(
  location: { lat: number; lon: number },
  comuneIstat: string,
  weeklySchedule: { dayOfWeek: number; start: string; end: string }[],
) {
  return {
    category: 'SHARED_CAREGIVER',
    description: 'Badante per la mattina, anche condivisa con i vicini',
    location,
    comuneIstat,
    windowStart: hoursFromNow(24),
    windowEnd: hoursFromNow(90 * 24),
    urgency: 'NORMAL',
    language: 'it',
    accessibilityNeeds: [],
    details: {
      sharedCaregiver: { weeklyHours: 10, weeklySchedule, willingToShare: true },
    },
  };
}

/** A volunteer driver's profile input: a car, 20 km around home, free from 1 to 40 hours from now. */
export function rideDriverProfile(name: string, home: { lat: number; lon: number }) {
  return {
    displayName: name,
    bio: 'Accompagno alle visite con la mia auto.',
    skills: ['guida'],
    categories: ['RIDES_AND_ACCOMPANIMENT'],
    languages: ['it'],
    homeLat: home.lat,
    homeLon: home.lon,
    travelRadiusKm: 20,
    vehicle: { seats: 3, wheelchairAccessible: false },
    weeklyHourLimit: 20,
    availability: [{ oneOff: { startsAt: hoursFromNow(1), endsAt: hoursFromNow(40) } }],
  };
}

/** An urgent SMS reminder to `phone`, written as a state change would (notification + outbox row). */
export async function queueTestSms(stack: TestStack, phone: string, availableAt?: Date): Promise<string> {
  return stack.dataSource.transaction((manager) =>
    stack.api.get(NotificationsService).queueInTransaction(manager, {
      channel: 'sms',
      recipient: phone,
      event: 'reminder_hour_before',
      language: 'it',
      params: { time: '10:30', summary: 'Visita', who: 'Giovanni', place: 'Alba' },
      urgent: true,
      availableAt,
    }),
  );
}

/** A need_matched notice to the person, written as matching writes it (in a transaction); its notification ids. */
export function notifyNeedMatched(stack: TestStack, userId: string): Promise<string[]> {
  return stack.dataSource.transaction((manager) =>
    stack.api.get(NotificationsService).notifyUser(manager, {
      userId,
      event: 'need_matched',
      params: {
        helper: 'Giovanni',
        summary: 'Visita cardiologica',
        when: 'domani alle 10:30',
        contact: 'Alba',
      },
    }),
  );
}

const NEED_AS_SEEN = `query ($id: ID!) { need(id: $id) {
  id status address sensitiveNotes engagement { id status helperName } } }`;

/** A need as one person reads it: the personal fields are null for those who may not see them. */
export interface NeedAsSeen {
  id: string;
  status: string;
  address: string | null;
  sensitiveNotes: string | null;
  engagement: { id: string; status: string; helperName: string } | null;
}

/** The need `needId` as `user` reads it (a reading refused fails the test). */
export async function needSeenBy(stack: TestStack, user: SignedInUser, needId: string): Promise<NeedAsSeen> {
  return ok(await stack.graphql<{ need: NeedAsSeen }>(NEED_AS_SEEN, { id: needId }, { token: user.token }))
    .need;
}
