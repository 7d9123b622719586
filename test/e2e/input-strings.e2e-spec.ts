import { randomInt } from 'node:crypto';
import { elevenDigitCheckDigit } from '@prossimo/directory';
import { signUp, SignedInUser } from '../support/fixtures';
import { startStackForFile } from '../support/stack';

// "\ud800" in a JSON string is a lone UTF-16 surrogate: valid JSON, not valid text.
const LONE = '\ud800';

function firstError(result: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) {
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
}

describe('ill-formed strings (lone UTF-16 surrogates) in any input', () => {
  const stack = startStackForFile();
  let person: SignedInUser;

  beforeAll(async () => {
    person = await signUp(stack);
  });

  it('refuses an e-mail with a lone surrogate as FIELD_INVALID naming the field, and stores nothing', async () => {
    const result = await stack.graphql(
      `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { email } }`,
      { input: { email: `maria${LONE}@esempio.it` } },
      { token: person.token, language: 'en' },
    );
    const error = firstError(result);
    expect(error.extensions).toMatchObject({ code: 'FIELD_INVALID', field: 'email' });
    expect(error.message).toBe('The field email is not valid.');
    const after = await stack.graphql<{ myNotificationPreferences: { email: string | null } }>(
      `{ myNotificationPreferences { email } }`,
      {},
      { token: person.token },
    );
    expect(after.data?.myNotificationPreferences.email ?? null).toBeNull();
  });

  it('refuses it in an organisation’s contact e-mail', async () => {
    const first10 = `8${randomInt(0, 1_000_000_000).toString().padStart(9, '0')}`;
    const result = await stack.graphql(
      `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
      {
        input: {
          kind: 'ETS',
          runtsSection: 'B',
          name: 'APS Surrogati',
          codiceFiscale: first10 + elevenDigitCheckDigit(first10),
          contactEmail: `info${LONE}@aps.example`,
          description: 'Associazione di prova.',
          homeComuneIstat: '054039',
        },
      },
      { token: person.token },
    );
    expect(firstError(result).extensions).toMatchObject({ code: 'FIELD_INVALID', field: 'contactEmail' });
    const [{ count }]: { count: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM organisations WHERE name = 'APS Surrogati'`,
    );
    expect(count).toBe(0);
  });

  it('names the path inside nested inputs and lists', async () => {
    const result = await stack.graphql(
      `mutation ($input: UpsertVolunteerProfileInput!) { upsertVolunteerProfile(input: $input) { id } }`,
      {
        input: {
          displayName: 'Luca',
          bio: 'Pensionato, ho l’auto.',
          skills: ['guida', `spesa${LONE}`],
          categories: ['RIDES_AND_ACCOMPANIMENT'],
          homeLat: 44.69,
          homeLon: 8.04,
          travelRadiusKm: 10,
          weeklyHourLimit: 6,
          vehicle: { seats: 3, wheelchairAccessible: false },
          availability: [{ recurring: { dayOfWeek: 2, start: '08:00', end: '13:00' } }],
        },
      },
      { token: person.token },
    );
    expect(firstError(result).extensions).toMatchObject({ code: 'FIELD_INVALID', field: 'skills.1' });
    const needResult = await stack.graphql(
      `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }`,
      {
        input: {
          category: 'RIDES_AND_ACCOMPANIMENT',
          description: 'Visita',
          location: { lat: 44.7, lon: 8.035 },
          windowStart: '2030-01-08T07:00:00Z',
          windowEnd: '2030-01-08T12:00:00Z',
          details: {
            ride: {
              pickupPlace: 'Via Roma 1, Alba',
              pickupLocation: { lat: 44.7, lon: 8.035 },
              destinationPlace: `Ospedale ${LONE}`,
              destinationLocation: { lat: 44.6766, lon: 7.9301 },
              appointmentAt: '2030-01-08T08:30:00Z',
              passengers: 1,
            },
          },
        },
      },
      { token: person.token },
    );
    expect(firstError(needResult).extensions).toMatchObject({
      code: 'FIELD_INVALID',
      field: 'details.ride.destinationPlace',
    });
  });

  it('refuses it in a top-level argument of an anonymous query', async () => {
    const result = await stack.graphql(
      `query ($search: String) { comuni(search: $search, first: 5) { items { name } } }`,
      {
        search: `Alb${LONE}`,
      },
    );
    expect(firstError(result).extensions).toMatchObject({ code: 'FIELD_INVALID', field: 'search' });
  });

  it('refuses a NUL, which PostgreSQL text cannot hold, instead of failing in the database', async () => {
    const result = await stack.graphql(
      `query ($istat: String!) { territoriesOfComune(istat: $istat) { id } }`,
      {
        istat: '\u0000',
      },
    );
    expect(firstError(result).extensions).toMatchObject({ code: 'FIELD_INVALID', field: 'istat' });
  });

  it('still takes well-formed text with characters outside the BMP (a valid surrogate pair)', async () => {
    const result = await stack.graphql(
      `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { language } }`,
      { input: { language: 'en' } },
      { token: person.token },
    );
    expect(result.errors).toBeUndefined();
    const search = await stack.graphql(
      `query ($search: String) { comuni(search: $search, first: 5) { items { name } } }`,
      {
        search: 'Alba 😀',
      },
    );
    expect(search.errors).toBeUndefined();
  });
});
