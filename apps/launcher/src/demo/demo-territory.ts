import { GraphQLClient } from './graphql-client';

/** The demo consortium: real Comuni of the Langhe and Roero around Alba (ISTAT codes). */
export const DEMO_CONSORTIUM = {
  name: 'Consorzio Socio Assistenziale Alba Langhe Roero',
  comuni: ['004003', '004029', '004067', '004013', '004080', '004105', '004072', '004010'],
};

export const DEMO_PHONES = {
  citizen: '+393331000001',
  volunteer: '+393331000002',
  moderator: '+393331000003',
  etsAdmin: '+393331000004',
  deskOperator: '+393331000005',
  admin: '+393331000009',
};

/** The consortium's desk (a made-up number): messages tell people to call it. */
export const DEMO_DESK = { phone: '0173 123456', hours: 'lun-ven 9-12' };

type Step = (line: string) => void;

/** 11-digit codice fiscale of a body, with its check digit (the Luhn-like rule of the Agenzia). */
export function entityCodiceFiscale(first10: string): string {
  let sum = 0;
  for (let index = 0; index < 10; index += 1) {
    let digit = Number(first10[index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return first10 + String((10 - (sum % 10)) % 10);
}

/**
 * Plays the Comune's set-up through the public API: the consortium and its staff, an accredited
 * ETS with a shared-caregiver offer, a ride need by a citizen and one posted at the desk.
 */
export async function createDemoTerritory(client: GraphQLClient, step: Step): Promise<void> {
  const admin = await client.signIn(DEMO_PHONES.admin);
  step('Platform admin signed in by SMS');
  const { createTerritory } = await client.call<{ createTerritory: { id: string } }>(
    'createTerritory',
    `mutation ($input: CreateTerritoryInput!) { createTerritory(input: $input) { id } }`,
    { input: { name: DEMO_CONSORTIUM.name, kind: 'AMBITO', comuneIstatCodes: DEMO_CONSORTIUM.comuni } },
    admin.token,
  );
  const territoryId = createTerritory.id;
  step(`Territory "${DEMO_CONSORTIUM.name}" created over ${DEMO_CONSORTIUM.comuni.length} Comuni`);

  const moderator = await client.signIn(DEMO_PHONES.moderator);
  const operator = await client.signIn(DEMO_PHONES.deskOperator);
  const grant = `mutation ($input: GrantStaffRoleInput!) { grantStaffRole(input: $input) { role } }`;
  await client.call(
    'grantStaffRole',
    grant,
    { input: { phone: DEMO_PHONES.moderator, role: 'COMUNE_MODERATOR', territoryId } },
    admin.token,
  );
  await client.call(
    'grantStaffRole',
    grant,
    { input: { phone: DEMO_PHONES.deskOperator, role: 'COMUNE_OPERATOR', territoryId } },
    admin.token,
  );
  step('Giulia Verdi is moderator and Paolo Neri desk operator of the consortium');
  // The desk's number and hours: every message that says "to change it, call" gives them.
  await client.call(
    'setTerritoryDesk',
    `mutation ($input: SetTerritoryDeskInput!) { setTerritoryDesk(input: $input) { deskPhone } }`,
    { input: { territoryId, phone: DEMO_DESK.phone, hours: DEMO_DESK.hours } },
    admin.token,
  );
  step(`The consortium's desk answers on ${DEMO_DESK.phone} (${DEMO_DESK.hours})`);

  const ets = await client.signIn(DEMO_PHONES.etsAdmin);
  const { registerOrganisation } = await client.call<{ registerOrganisation: { id: string } }>(
    'registerOrganisation',
    `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
    {
      input: {
        kind: 'SOCIAL_COOPERATIVE',
        name: 'Cooperativa Sociale Insieme per Alba',
        codiceFiscale: entityCodiceFiscale('0312345004'),
        description: 'Assistenza domiciliare, badanti di condominio e accompagnamento nelle Langhe.',
        homeComuneIstat: '004003',
        contactEmail: 'info@insiemealba.example.it',
      },
    },
    ets.token,
  );
  const organisationId = registerOrganisation.id;
  const { requestAccreditation } = await client.call<{ requestAccreditation: { id: string } }>(
    'requestAccreditation',
    `mutation ($input: RequestAccreditationInput!) { requestAccreditation(input: $input) { id } }`,
    { input: { organisationId, territoryId } },
    ets.token,
  );
  await client.call(
    'startAccreditationReview',
    `mutation ($input: StartAccreditationReviewInput!) { startAccreditationReview(input: $input) { status } }`,
    { input: { accreditationId: requestAccreditation.id } },
    moderator.token,
  );
  await client.call(
    'decideAccreditation',
    `mutation ($input: DecideAccreditationInput!) { decideAccreditation(input: $input) { status } }`,
    {
      input: {
        accreditationId: requestAccreditation.id,
        decision: 'ACCREDITED',
        reason: 'Iscrizione e documenti verificati',
      },
    },
    moderator.token,
  );
  step('Cooperativa Insieme per Alba registered and accredited by the moderator');

  await client.call(
    'createServiceOffer',
    `mutation ($input: CreateServiceOfferInput!) { createServiceOffer(input: $input) { id } }`,
    {
      input: {
        organisationId,
        title: 'Badante di condominio condivisa',
        category: 'SHARED_CAREGIVER',
        description:
          'Una assistente familiare contrattualizzata, condivisa tra famiglie dello stesso palazzo o via.',
        area: { comuneIstatCodes: ['004003', '004029'] },
        schedule: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, start: '08:00', end: '13:00' })),
        languages: ['it'],
        price: {
          model: 'SHARED',
          bands: [
            { people: 1, centsPerHourEach: 1000 },
            { people: 2, centsPerHourEach: 700 },
            { people: 3, centsPerHourEach: 500 },
          ],
          vouchersAccepted: true,
        },
      },
    },
    ets.token,
  );
  step('Shared-caregiver offer listed: 10 EUR/h alone, 7 EUR/h each for two, 5 EUR/h each for three');

  const volunteer = await client.signIn(DEMO_PHONES.volunteer);
  await client.call(
    'upsertVolunteerProfile',
    `mutation ($input: UpsertVolunteerProfileInput!) { upsertVolunteerProfile(input: $input) { id } }`,
    {
      input: {
        displayName: 'Luca Bianchi',
        bio: 'Pensionato, ho l’auto e il martedì e il giovedì mattina sono libero. Accompagno volentieri a visite e commissioni.',
        homeLat: 44.6928,
        homeLon: 8.0463,
        travelRadiusKm: 20,
        weeklyHourLimit: 8,
        categories: ['RIDES_AND_ACCOMPANIMENT', 'SHOPPING_AND_DELIVERY', 'COMPANIONSHIP'],
        languages: ['it'],
        skills: ['guida', 'commissioni'],
        vehicle: { seats: 3, wheelchairAccessible: false },
        availability: [2, 4].map((dayOfWeek) => ({ recurring: { dayOfWeek, start: '07:00', end: '13:00' } })),
      },
    },
    volunteer.token,
  );
  step('Luca Bianchi registered as a volunteer driver, free on Tuesday and Thursday mornings');

  const citizen = await client.signIn(DEMO_PHONES.citizen);
  // Tuesday morning, when the demo volunteer is free.
  const start = nextWeekday(2, 8);
  const appointment = new Date(start.getTime() + 90 * 60000);
  await client.call(
    'postNeed',
    `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id status } }`,
    {
      input: {
        category: 'RIDES_AND_ACCOMPANIMENT',
        description: 'Accompagnamento a una visita all’ospedale di Verduno, con attesa e ritorno.',
        location: { lat: 44.7003, lon: 8.0352 },
        address: 'Via Vittorio Emanuele 10, Alba',
        windowStart: start.toISOString(),
        windowEnd: new Date(start.getTime() + 5 * 3600000).toISOString(),
        urgency: 'NORMAL',
        sensitiveNotes: 'Controllo cardiologico; cammina con il bastone.',
        healthDataConsent: true,
        details: {
          ride: {
            pickupPlace: 'Via Vittorio Emanuele 10, Alba',
            pickupLocation: { lat: 44.7003, lon: 8.0352 },
            destinationPlace: 'Ospedale Michele e Pietro Ferrero, Verduno',
            destinationLocation: { lat: 44.6766, lon: 7.9301 },
            appointmentAt: appointment.toISOString(),
            returnTripWanted: true,
            returnAt: new Date(appointment.getTime() + 2 * 3600000).toISOString(),
            escortWaits: true,
            passengers: 1,
          },
        },
      },
    },
    citizen.token,
  );
  step('Maria Rossi posted a ride to the hospital in Verduno (notes encrypted)');

  await client.call(
    'postNeedAtDesk',
    `mutation ($input: PostNeedAtDeskInput!) { postNeedAtDesk(input: $input) { id } }`,
    {
      input: {
        category: 'SHOPPING_AND_DELIVERY',
        description: 'Spesa settimanale per una signora che vive sola a Bra.',
        location: { lat: 44.6977, lon: 7.8513 },
        windowStart: start.toISOString(),
        windowEnd: new Date(start.getTime() + 3 * 86400000).toISOString(),
        beneficiary: {
          fullName: 'Anna Ferrero',
          phone: '+393331000006',
          consentRecorded: true,
          consentDate: new Date().toISOString(),
        },
      },
    },
    operator.token,
  );
  step('The desk operator posted a shopping need for Anna Ferrero, who has no app');
}

/** The next given weekday (1 = Monday … 7 = Sunday) at least two days ahead, at `hour` in Italy (UTC+1). */
function nextWeekday(isoDay: number, hour: number): Date {
  const date = new Date(Date.now() + 2 * 86400000);
  while ((date.getUTCDay() || 7) !== isoDay) date.setUTCDate(date.getUTCDate() + 1);
  date.setUTCHours(hour - 1, 0, 0, 0);
  return date;
}
