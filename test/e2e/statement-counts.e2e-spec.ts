import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { RequestContext } from '@prossimo/platform';
import {
  createTerritory,
  errorOf,
  grantRole,
  hoursFromNow,
  ok,
  SignedInUser,
  signUp,
} from '../support/fixtures';
import { GraphQLResult, startStackForFile } from '../support/stack';

/**
 * Round trips to PostgreSQL per write (issue 18: acceptProposal at most 6, postNeed at most 4).
 * Exact, not sampled: every statement the api sends through `pg` while it serves one request is
 * recorded under that request's id (the api's request context, which the test sets through the
 * x-request-id header), so the worker's and other requests' statements never count. BEGIN and
 * COMMIT count like any other statement; so does the session check each signed-in request makes
 * (its cache is off in tests, as it mostly misses under the benchmark's load). The scenario is
 * bench:api's: a citizen posting for themselves, a volunteer accepting the one pending proposal
 * of a need, a volunteer adding a one-off window.
 */
const POST_NEED = `mutation PostNeed($input: PostNeedInput!) { postNeed(input: $input) { id status comuneIstat } }`;
const ACCEPT = `mutation Accept($id: ID!) { acceptProposal(input: { proposalId: $id }) { id status startsAt endsAt } }`;
const ADD_WINDOW = `mutation AddWindow($input: AvailabilityWindowInput!) {
  addAvailabilityWindow(input: $input) { id kind startsAt endsAt } }`;

// Novara: near the Comune's centre.
const NOVARA = { lat: 45.44694, lon: 8.62118, istat: '003106' };

/** Statements by request id, for the requests the test is counting. */
const recorded = new Map<string, string[]>();
const pgClient = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const originalQuery = pgClient.query;

function statementText(first: unknown): string {
  const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?');
  return text.replace(/\s+/g, ' ').trim().slice(0, 110);
}

function needInput(hoursAhead: number) {
  return {
    category: 'COMPANIONSHIP',
    description: 'Cerco compagnia per una passeggiata il pomeriggio.',
    location: { lat: NOVARA.lat, lon: NOVARA.lon },
    windowStart: hoursFromNow(hoursAhead),
    windowEnd: hoursFromNow(hoursAhead + 2),
    urgency: 'NORMAL',
  };
}

describe('Statements per write (issue 18)', () => {
  const stack = startStackForFile();
  let citizen: SignedInUser;
  let volunteer: SignedInUser;
  let newcomer: SignedInUser;
  let volunteerId: string;
  const report: Record<string, number> = {};

  /** Sends one GraphQL request and returns its result with the statements it sent to PostgreSQL. */
  async function counted<T>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<{ result: GraphQLResult<T>; statements: string[] }> {
    const requestId = `count-${randomUUID()}`;
    const statements: string[] = [];
    recorded.set(requestId, statements);
    try {
      const response = await request(stack.api.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('accept-language', 'it')
        .set('authorization', `Bearer ${token}`)
        .set('x-request-id', requestId)
        .send({ query, variables });
      return {
        result: { status: response.status, data: response.body.data, errors: response.body.errors },
        statements: [...statements],
      };
    } finally {
      recorded.delete(requestId);
    }
  }

  function note(name: string, statements: string[]): number {
    report[name] = statements.length;
    // The list itself, so that a failing count shows what to fold.
    process.stdout.write(`\n${name}: ${statements.length} statements\n  ${statements.join('\n  ')}\n`);
    return statements.length;
  }

  beforeAll(async () => {
    pgClient.query = function countedQuery(this: unknown, ...args: unknown[]) {
      const requestId = RequestContext.current()?.requestId;
      if (requestId) recorded.get(requestId)?.push(statementText(args[0]));
      return originalQuery.apply(this, args);
    };
    await createTerritory(stack.dataSource, `Conteggi Novara ${Date.now()}`, [NOVARA.istat]);
    [citizen, volunteer, newcomer] = await Promise.all([signUp(stack), signUp(stack), signUp(stack)]);
    // The worker sent the sign-up codes; nothing below needs it (matching would only add work).
    await stack.stopWorker();
    // A published volunteer, written as bench:api seeds them.
    const [profile]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO volunteer_profiles (user_id, display_name, home_lat, home_lon, comune_istat, travel_radius_km,
                                       weekly_hour_limit, categories, languages)
       VALUES ($1, 'Volontaria', $2, $3, $4, 20, 20, '{COMPANIONSHIP}', '{it}') RETURNING id`,
      [volunteer.userId, NOVARA.lat, NOVARA.lon, NOVARA.istat],
    );
    volunteerId = profile.id;
    await grantRole(stack.dataSource, volunteer.userId, 'volunteer');
    await stack.dataSource.query(
      `INSERT INTO moderation_items (content_type, content_id, comune_istat, author_user_id, status, needs_review, summary)
       VALUES ('volunteer_profile', $1, $2, $3, 'published', false, 'Volontaria')`,
      [volunteerId, NOVARA.istat, volunteer.userId],
    );
  });

  afterAll(async () => {
    pgClient.query = originalQuery;
    process.stdout.write(`\nstatements per request: ${JSON.stringify(report)}\n`);
  });

  it('postNeed: at most 4 statements (the first need of a citizen too)', async () => {
    const first = await counted<{ postNeed: { id: string; status: string } }>(
      POST_NEED,
      { input: needInput(30) },
      citizen.token,
    );
    expect(ok(first.result).postNeed.status).toBe('OPEN');
    const firstCount = note('postNeed (first of the citizen)', first.statements);

    const again = await counted<{ postNeed: { id: string; status: string; comuneIstat: string } }>(
      POST_NEED,
      { input: needInput(54) },
      citizen.token,
    );
    const posted = ok(again.result).postNeed;
    expect(posted).toMatchObject({ status: 'OPEN', comuneIstat: NOVARA.istat });
    expect(note('postNeed', again.statements)).toBeLessThanOrEqual(4);
    expect(firstCount).toBeLessThanOrEqual(4);

    // Fewer statements, the same rows: the moderation item, the first status, the matching job.
    const [rows]: { moderation: number; history: number; outbox: number }[] = await stack.dataSource.query(
      `SELECT (SELECT count(*)::int FROM moderation_items WHERE content_type = 'need' AND content_id = $1) AS moderation,
              (SELECT count(*)::int FROM status_history WHERE entity_type = 'need_lifecycle' AND entity_id = $1
                  AND from_status IS NULL AND to_status = 'open') AS history,
              (SELECT count(*)::int FROM outbox WHERE payload->>'needId' = $1::text) AS outbox`,
      [posted.id],
    );
    expect(rows.moderation).toBe(1);
    expect(rows.history).toBe(1);
    expect(rows.outbox).toBeGreaterThanOrEqual(1);
  });

  it('acceptProposal: at most 6 statements', async () => {
    const needId = ok(
      await stack.graphql<{ postNeed: { id: string } }>(
        POST_NEED,
        { input: needInput(78) },
        { token: citizen.token },
      ),
    ).postNeed.id;
    // One pending proposal, as the matching worker (or bench:api's seed) writes it.
    const [proposal]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO match_proposals (need_id, helper_user_id, volunteer_id, rank, score, distance_km, breakdown,
                                    status, expires_at)
       VALUES ($1, $2, $3, 1, 0.5, 1, '{"total":0.5,"components":[]}', 'pending', now() + interval '1 day')
       RETURNING id`,
      [needId, volunteer.userId, volunteerId],
    );
    const accepted = await counted<{ acceptProposal: { id: string; status: string } }>(
      ACCEPT,
      { id: proposal.id },
      volunteer.token,
    );
    const engagement = ok(accepted.result).acceptProposal;
    expect(engagement.status).toBe('CONFIRMED');
    expect(note('acceptProposal', accepted.statements)).toBeLessThanOrEqual(6);

    const [rows]: { need: string; history: number; channels: string[]; jobs: number }[] =
      await stack.dataSource.query(
        `SELECT (SELECT status FROM needs WHERE id = $1) AS need,
                (SELECT count(*)::int FROM status_history WHERE entity_id IN ($1, $2, $3)) AS history,
                (SELECT array_agg(channel ORDER BY channel) FROM notifications
                  WHERE user_id = $4 AND event = 'need_matched') AS channels,
                (SELECT count(*)::int FROM outbox o JOIN notifications n ON n.id = (o.payload->>'notificationId')::uuid
                  WHERE n.user_id = $4 AND n.event = 'need_matched') AS jobs`,
        [needId, proposal.id, engagement.id, citizen.userId],
      );
    // The need (posted, matched), the proposal (accepted), the engagement (confirmed); the
    // citizen told by SMS (a delivery job) and in the app (delivered by being stored).
    expect(rows).toEqual({ need: 'matched', history: 4, channels: ['in_app', 'sms'], jobs: 1 });
    const [{ reminders }]: { reminders: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS reminders FROM outbox WHERE payload->>'engagementId' = $1`,
      [engagement.id],
    );
    expect(reminders).toBe(2);
  });

  it('addAvailabilityWindow: counted and reported (5 since issue 18: 8 before)', async () => {
    const added = await counted<{ addAvailabilityWindow: { id: string; kind: string } }>(
      ADD_WINDOW,
      { input: { oneOff: { startsAt: hoursFromNow(100), endsAt: hoursFromNow(102) } } },
      volunteer.token,
    );
    expect(ok(added.result).addAvailabilityWindow.kind).toBe('ONE_OFF');
    expect(note('addAvailabilityWindow', added.statements)).toBeLessThanOrEqual(5);
  });

  // Fewer statements, the same checks: a refused write names its field and leaves nothing behind.
  describe('refusals write nothing', () => {
    /** Rows the refused calls could have written, counted before and after. */
    async function footprint(userId: string) {
      const [row]: Record<string, number>[] = await stack.dataSource.query(
        `SELECT (SELECT count(*)::int FROM needs WHERE author_user_id = $1) AS needs,
                (SELECT count(*)::int FROM beneficiaries WHERE created_by_user_id = $1) AS beneficiaries,
                (SELECT count(*)::int FROM moderation_items WHERE author_user_id = $1) AS items,
                (SELECT count(*)::int FROM consents WHERE user_id = $1) AS consents,
                (SELECT count(*)::int FROM audit_log WHERE actor_user_id = $1) AS audit,
                (SELECT count(*)::int FROM outbox) AS outbox`,
        [userId],
      );
      return row;
    }

    it('postNeed: unknown or far Comune, a place nobody serves, notes without consent', async () => {
      const before = await footprint(newcomer.userId);
      const cases: [Record<string, unknown>, { code: string; field: string }][] = [
        [{ comuneIstat: '999999' }, { code: 'COMUNE_NOT_FOUND', field: 'comuneIstat' }],
        // Novara's point, Torino's code: 90 km apart.
        [{ comuneIstat: '001272' }, { code: 'NEED_LOCATION_FAR_FROM_COMUNE', field: 'location' }],
        // The Tyrrhenian Sea, 130 km from Ponza: no Comune within 40 km.
        [
          { location: { lat: 40.0, lon: 12.0 } },
          { code: 'NEED_LOCATION_OUTSIDE_SERVICE', field: 'location' },
        ],
        [{ sensitiveNotes: 'Diabetica' }, { code: 'HEALTH_DATA_CONSENT_REQUIRED', field: 'sensitiveNotes' }],
        // Consent given now, but the place is wrong: the place is reported, the consent not kept.
        [
          { location: { lat: 40.0, lon: 12.0 }, sensitiveNotes: 'Diabetica', healthDataConsent: true },
          { code: 'NEED_LOCATION_OUTSIDE_SERVICE', field: 'location' },
        ],
        [
          { relative: { fullName: 'Anna Verdi', relationship: 'madre' }, comuneIstat: '001272' },
          { code: 'NEED_LOCATION_FAR_FROM_COMUNE', field: 'location' },
        ],
      ];
      for (const [change, expected] of cases) {
        const refused = await stack.graphql(
          POST_NEED,
          { input: { ...needInput(30), ...change } },
          { token: newcomer.token },
        );
        expect({ change, ...errorOf(refused) }).toEqual({ change, ...expected });
      }
      expect(await footprint(newcomer.userId)).toEqual(before);

      // Consent given now with the notes: the need, the consent and its audit entry together.
      const posted = ok(
        await stack.graphql<{ postNeed: { id: string } }>(
          POST_NEED,
          { input: { ...needInput(30), sensitiveNotes: 'Diabetica', healthDataConsent: true } },
          { token: newcomer.token },
        ),
      ).postNeed;
      expect(posted.id).toBeDefined();
      const after = await footprint(newcomer.userId);
      expect(after).toMatchObject({ needs: 1, beneficiaries: 1, items: 1, consents: 1, audit: 1 });
      // Notes again: the consent in force is enough, and is not recorded twice.
      ok(
        await stack.graphql(
          POST_NEED,
          { input: { ...needInput(54), sensitiveNotes: 'Diabetica' } },
          { token: newcomer.token },
        ),
      );
      expect(await footprint(newcomer.userId)).toMatchObject({
        needs: 2,
        beneficiaries: 1,
        consents: 1,
        audit: 1,
      });
    });

    it('addAvailabilityWindow: at the limit, refused, and the ended windows it pruned come back', async () => {
      await stack.dataSource.query(`DELETE FROM availability_windows WHERE volunteer_id = $1`, [volunteerId]);
      // One ended window (pruned by the next addition) and 49 live ones.
      await stack.dataSource.query(
        `INSERT INTO availability_windows (volunteer_id, kind, during)
         SELECT $1::uuid, 'one_off', tstzrange(now() + g * interval '1 day', now() + g * interval '1 day' + interval '1 hour')
           FROM generate_series(1, 49) g
         UNION ALL SELECT $1::uuid, 'one_off', tstzrange(now() - interval '2 days', now() - interval '1 day')`,
        [volunteerId],
      );
      const windows = async () =>
        (
          await stack.dataSource.query(
            `SELECT count(*)::int AS n FROM availability_windows WHERE volunteer_id = $1`,
            [volunteerId],
          )
        )[0].n as number;
      const window = (day: number) => ({
        input: { oneOff: { startsAt: hoursFromNow(24 * day + 2), endsAt: hoursFromNow(24 * day + 3) } },
      });
      // The ended one goes, the 50th comes in.
      ok(await stack.graphql(ADD_WINDOW, window(60), { token: volunteer.token }));
      expect(await windows()).toBe(50);
      await stack.dataSource.query(
        `INSERT INTO availability_windows (volunteer_id, kind, during)
         VALUES ($1, 'one_off', tstzrange(now() - interval '2 days', now() - interval '1 day'))`,
        [volunteerId],
      );
      const refused = await stack.graphql(ADD_WINDOW, window(61), { token: volunteer.token });
      expect(errorOf(refused).code).toBe('AVAILABILITY_TOO_MANY_WINDOWS');
      // Nothing half-written: the ended window the refused call pruned is there again.
      expect(await windows()).toBe(51);
    });
  });
});
