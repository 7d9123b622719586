import { connectSeeded } from '../support/postgres';
import { insertBenchUsers } from '../support/people';
import { insertBenchTerritory } from '../support/territory';

/** One year of a Piedmont-wide service: every Comune of the region, rides the biggest category. */
export interface IndicatorScale {
  citizens: number;
  volunteers: number;
  organisations: number;
  /** Needs received over the year (all sources). */
  needs: number;
  careGroups: number;
}

/**
 * Full: about 250,000 needs a year over 1,180 Comuni (Alba's "mutuo trasporto" alone gives
 * 1,400-4,400 rides a year for a small area), 60,000 people, 6,000 volunteers.
 */
export const FULL_SCALE: IndicatorScale = {
  citizens: 60_000,
  volunteers: 6_000,
  organisations: 400,
  needs: 250_000,
  careGroups: 3_000,
};

/** CI size: the same shape, a tenth of the rows. */
export const QUICK_SCALE: IndicatorScale = {
  citizens: 6_000,
  volunteers: 600,
  organisations: 40,
  needs: 25_000,
  careGroups: 300,
};

export interface SeededYear {
  regionTerritoryId: string;
  /** A Langhe-sized ambito: the first 60 Comuni of the province of Cuneo. */
  ambitoTerritoryId: string;
  regionComuni: string[];
  ambitoComuni: string[];
  /** The Comune with the most needs (a city). */
  busiestComune: string;
  from: string;
  to: string;
  rows: Record<string, number>;
}

const CATEGORIES = [
  'rides_and_accompaniment',
  'rides_and_accompaniment',
  'rides_and_accompaniment',
  'home_help',
  'shopping_and_delivery',
  'companionship',
  'companionship',
  'digital_help',
  'shared_caregiver',
  'other',
];
const REASONS = ['no_helper_in_range', 'none_available', 'requirement_not_met', 'all_declined'];

/**
 * Set-based inserts (generate_series) in one transaction; setseed() makes every random() draw
 * repeat run after run, so two runs seed the same distributions and the same counts.
 */
export async function seedYear(
  databaseUrl: string,
  scale: IndicatorScale,
  seed: number,
): Promise<SeededYear> {
  const client = await connectSeeded(databaseUrl, seed);
  const from = '2025-01-01';
  const to = '2025-12-31';
  try {
    await client.query(`
      CREATE TEMP TABLE bench_comuni ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY istat)::int AS n, istat, lat, lon, province_code FROM comuni
       WHERE region = 'Piemonte'`);
    const { rows: comuni } = await client.query<{ istat: string; province_code: string }>(
      `SELECT istat::text, province_code::text FROM bench_comuni ORDER BY n`,
    );
    const comuneCount = comuni.length;
    const ambitoComuni = comuni
      .filter((comune) => comune.province_code === 'CN')
      .slice(0, 60)
      .map((c) => c.istat);
    const regionTerritoryId = await insertBenchTerritory(
      client,
      'Piemonte (benchmark)',
      comuni.map((c) => c.istat),
    );
    const ambitoTerritoryId = await insertBenchTerritory(client, 'Ambito di Alba (benchmark)', ambitoComuni);

    // People: citizens and volunteers; the Comune of each is skewed towards the big towns
    // (random()^3 over Comuni ordered by ISTAT code puts Torino's province first).
    await insertBenchUsers(client, {
      phonePrefix: '+39348',
      name: 'Persona',
      count: scale.citizens + scale.volunteers,
      table: 'bench_users',
    });
    await client.query(`CREATE INDEX ON bench_users (n)`);
    await client.query(
      `INSERT INTO organisations (kind, runts_section, name, codice_fiscale, description, home_comune_istat)
       SELECT 'ets', 'a', 'ODV Prossima ' || g, lpad((80000000000 + g)::text, 11, '0'), 'Volontariato', c.istat
         FROM generate_series(1, $1) g JOIN bench_comuni c ON c.n = 1 + (g * 7919) % $2`,
      [scale.organisations, comuneCount],
    );
    await client.query(`
      CREATE TEMP TABLE bench_organisations ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY codice_fiscale)::int AS n, id FROM organisations`);
    await client.query(
      `INSERT INTO volunteer_profiles (user_id, display_name, categories, home_lat, home_lon, comune_istat,
         travel_radius_km, weekly_hour_limit, organisation_id)
       SELECT u.id, 'Volontario ' || u.n, ARRAY['rides_and_accompaniment', 'companionship'], c.lat, c.lon, c.istat,
              15, 10, CASE WHEN random() < 0.4 THEN o.id END
         FROM bench_users u
         JOIN bench_comuni c ON c.n = 1 + (u.n * 37) % $3
         JOIN bench_organisations o ON o.n = 1 + u.n % $4
        WHERE u.n > $1 AND u.n <= $1 + $2`,
      [scale.citizens, scale.volunteers, comuneCount, scale.organisations],
    );
    await client.query(`
      CREATE TEMP TABLE bench_volunteers ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY v.id)::int AS n, v.id, v.user_id FROM volunteer_profiles v`);
    await client.query(`CREATE INDEX ON bench_volunteers (n)`);
    await client.query(
      `INSERT INTO beneficiaries (kind, user_id, created_by_user_id)
       SELECT 'self', id, id FROM bench_users WHERE n <= $1`,
      [scale.citizens],
    );
    await client.query(`
      CREATE TEMP TABLE bench_citizens ON COMMIT DROP AS
      SELECT u.n, u.id AS user_id, b.id AS beneficiary_id FROM bench_users u JOIN beneficiaries b ON b.user_id = u.id`);
    await client.query(`CREATE INDEX ON bench_citizens (n)`);

    // The year's needs. outcome: served 68%, matched then cancelled 5%, unmatched 14%, withdrawn
    // 7%, rejected 3%, waiting for moderation 3%. Sources: citizens 80%, desk 12%, sentinels 8%.
    // A citizen is drawn with random()^2, so some people come back many times (repeat help).
    await client.query(
      `CREATE TEMP TABLE bench_needs ON COMMIT DROP AS
       SELECT g, gen_random_uuid() AS id, gen_random_uuid() AS other_beneficiary_id, random() AS outcome, random() AS source_draw,
              1 + floor(power(random(), 2) * $2)::int AS citizen,
              1 + floor(power(random(), 3) * $3)::int AS comune,
              $5::timestamptz + random() * interval '365 days' AS created_at,
              ($4::text[])[1 + floor(random() * 10)::int] AS category,
              random() AS r1, random() AS r2, random() AS r3
         FROM generate_series(1, $1) g`,
      [scale.needs, scale.citizens, comuneCount, CATEGORIES, `${from}T00:00:00+01:00`],
    );
    // Relatives' and desk cases' records, one per need (as the api creates them).
    await client.query(`
      INSERT INTO beneficiaries (id, kind, full_name_encrypted, relationship, consent_recorded_at,
        consent_recorded_by_user_id, created_by_user_id)
      SELECT b.other_beneficiary_id, CASE WHEN b.source_draw < 0.80 THEN 'relative' ELSE 'desk' END, 'v1.bench',
             CASE WHEN b.source_draw < 0.80 THEN 'madre' END,
             CASE WHEN b.source_draw >= 0.80 THEN b.created_at END,
             CASE WHEN b.source_draw >= 0.80 THEN c.user_id END, c.user_id
        FROM bench_needs b JOIN bench_citizens c ON c.n = b.citizen
       WHERE b.source_draw >= 0.72 AND b.source_draw < 0.92`);
    await client.query(`
      INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, window_start, window_end,
        details, author_user_id, beneficiary_id, opened_at, created_at, updated_at)
      SELECT b.id,
             CASE WHEN b.source_draw < 0.80 THEN 'citizen' WHEN b.source_draw < 0.92 THEN 'desk' ELSE 'sentinel' END,
             CASE WHEN b.outcome < 0.68 THEN 'completed' WHEN b.outcome < 0.73 THEN 'cancelled'
                  WHEN b.outcome < 0.87 THEN 'expired' WHEN b.outcome < 0.94 THEN 'cancelled'
                  WHEN b.outcome < 0.97 THEN 'rejected' ELSE 'submitted' END,
             b.category, 'Bisogno ' || b.g, c.istat, c.lat, c.lon,
             CASE WHEN b.source_draw < 0.92 THEN b.created_at + interval '1 day' END,
             CASE WHEN b.source_draw < 0.92 THEN b.created_at + interval '1 day 3 hours' END,
             CASE WHEN b.category = 'rides_and_accompaniment' THEN jsonb_build_object('ride', jsonb_build_object(
               'pickupLocation', jsonb_build_object('lat', c.lat, 'lon', c.lon),
               'destinationLocation', jsonb_build_object('lat', c.lat + (b.r1 - 0.5) * 0.3, 'lon', c.lon + (b.r2 - 0.5) * 0.3),
               'returnTripWanted', b.r3 < 0.6)) ELSE '{}'::jsonb END,
             cz.user_id,
             CASE WHEN b.source_draw < 0.72 THEN cz.beneficiary_id WHEN b.source_draw < 0.92 THEN b.other_beneficiary_id END,
             CASE WHEN b.outcome < 0.94 THEN b.created_at + b.r1 * interval '2 hours' END,
             b.created_at, b.created_at
        FROM bench_needs b
        JOIN bench_comuni c ON c.n = b.comune
        JOIN bench_citizens cz ON cz.n = b.citizen`);
    // Engagements: served needs completed, some matched and cancelled. Time to match: an
    // exponential draw with a mean of 6 hours.
    await client.query(
      `INSERT INTO engagements (need_id, helper_user_id, volunteer_id, during, status, hours_logged, started_at,
         completed_at, created_at, updated_at)
       SELECT n.id, v.user_id, v.id, tstzrange(m.at + interval '1 day', m.at + interval '1 day 3 hours'),
              CASE WHEN b.outcome < 0.68 THEN 'completed' ELSE 'cancelled' END,
              CASE WHEN b.outcome < 0.68 THEN round((0.5 + b.r2 * 3.5)::numeric, 2) END,
              CASE WHEN b.outcome < 0.68 THEN m.at + interval '1 day' END,
              CASE WHEN b.outcome < 0.68 THEN m.at + interval '1 day' + b.r3 * interval '2 days' END,
              m.at, m.at
         FROM bench_needs b
         JOIN needs n ON n.id = b.id
         JOIN bench_volunteers v ON v.n = 1 + (b.g * 7) % $1
         CROSS JOIN LATERAL (SELECT n.opened_at - ln(1 - b.r3 * 0.999) * interval '6 hours' AS at) m
        WHERE b.outcome < 0.73 AND n.opened_at IS NOT NULL`,
      [scale.volunteers],
    );
    await client.query(
      `INSERT INTO need_match_states (need_id, comune_istat, unmatched_reason, unmatched_at, rounds)
       SELECT n.id, n.comune_istat, ($1::text[])[1 + floor(b.r2 * 4)::int], n.opened_at + interval '2 hours', 1
         FROM bench_needs b JOIN needs n ON n.id = b.id
        WHERE b.outcome >= 0.73 AND b.outcome < 0.87 AND n.opened_at IS NOT NULL`,
      [REASONS],
    );
    // Sentinel flags that were rejected or are still waiting.
    await client.query(
      `UPDATE needs SET status = CASE WHEN random() < 0.5 THEN 'rejected' ELSE 'submitted' END, opened_at = NULL
        WHERE source = 'sentinel' AND status NOT IN ('completed') AND random() < 0.3`,
    );

    // Citizens review 60% of completed help; 80% of reviews are published, the rest wait.
    await client.query(`
      INSERT INTO reviews (engagement_id, comune_istat, author_user_id, author_side, subject_kind, subject_user_id,
        criteria_set, criterion1_stars, criterion2_stars, criterion3_stars, status, created_at, updated_at)
      SELECT e.id, n.comune_istat, n.author_user_id, 'citizen', 'volunteer', e.helper_user_id, 'person',
             3 + floor(random() * 3)::int, 2 + floor(random() * 4)::int, 3 + floor(random() * 3)::int,
             CASE WHEN random() < 0.8 THEN 'published' ELSE 'pending' END,
             e.completed_at + interval '1 day', e.completed_at + interval '1 day'
        FROM engagements e JOIN needs n ON n.id = e.need_id
       WHERE e.status = 'completed' AND n.author_user_id <> e.helper_user_id AND random() < 0.6`);
    // Shared care: a shared-price offer per organisation; consecutive shared-caregiver needs in
    // threes form a group (confirmed during the year), each household with its quote.
    await client.query(`
      INSERT INTO service_offers (organisation_id, title, category, description, radius_km, comune_istat, lat, lon,
        price_model, price_unit)
      SELECT o.id, 'Badante di condominio', 'shared_caregiver', 'Badante condivisa', 10, c.istat, c.lat, c.lon,
             'shared', 'hour'
        FROM bench_organisations o JOIN bench_comuni c ON c.n = 1 + (o.n * 7919) % ${comuneCount}`);
    await client.query(
      `CREATE TEMP TABLE bench_households ON COMMIT DROP AS
       SELECT n.id AS need_id, n.comune_istat, n.created_at, (row_number() OVER (ORDER BY n.created_at) - 1) / 3 AS grp
         FROM needs n WHERE n.category = 'shared_caregiver' AND n.status = 'completed'`,
    );
    await client.query(
      `CREATE TEMP TABLE bench_groups ON COMMIT DROP AS
       SELECT h.grp, gen_random_uuid() AS id, min(h.comune_istat) AS comune_istat, max(h.created_at) + interval '3 days' AS confirmed_at,
              count(*) AS size
         FROM bench_households h GROUP BY h.grp HAVING count(*) >= 2 ORDER BY h.grp LIMIT $1`,
      [scale.careGroups],
    );
    await client.query(`
      INSERT INTO care_groups (id, offer_id, organisation_id, comune_istat, status, shared_schedule, weekly_minutes,
        created_at, confirmed_at)
      SELECT g.id, so.id, so.organisation_id, g.comune_istat, 'confirmed', '[]'::jsonb, 600,
             g.confirmed_at - interval '2 days', g.confirmed_at
        FROM bench_groups g
        JOIN LATERAL (SELECT id, organisation_id FROM service_offers ORDER BY id OFFSET g.grp % 40 LIMIT 1) so ON true`);
    await client.query(`
      INSERT INTO care_group_members (group_id, need_id, status, price_cents_per_hour, individual_price_cents_per_hour,
        weekly_cents, individual_weekly_cents, joined_at, confirmed_at)
      SELECT g.id, h.need_id, 'confirmed', CASE g.size WHEN 2 THEN 700 ELSE 500 END, 1000,
             CASE g.size WHEN 2 THEN 7000 ELSE 5000 END, 10000, g.confirmed_at - interval '2 days', g.confirmed_at
        FROM bench_groups g JOIN bench_households h ON h.grp = g.grp`);
    const {
      rows: [busiest],
    } = await client.query<{ istat: string }>(
      `SELECT comune_istat::text AS istat FROM needs GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const rows: Record<string, number> = {};
    for (const table of [
      'users',
      'beneficiaries',
      'volunteer_profiles',
      'needs',
      'engagements',
      'need_match_states',
      'reviews',
      'care_groups',
      'care_group_members',
    ]) {
      const {
        rows: [count],
      } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      rows[table] = Number(count.n);
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return {
      regionTerritoryId,
      ambitoTerritoryId,
      regionComuni: comuni.map((c) => c.istat),
      ambitoComuni,
      busiestComune: busiest.istat,
      from,
      to,
      rows,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** What applyDayOfChanges did, per kind of change. */
export type DayOfChanges = Record<string, number>;

/**
 * One day's writes on top of seedYear's year, in the proportions of the year (fixed seed): the
 * day's new needs (some matched, none done yet), help completed that day for needs received in
 * the three days before, needs of the two days before given up by matching, citizens' reviews of
 * help of the days before and a moderator's publications, sentinel flags accepted, shared-care
 * groups confirmed, and two volunteers joining an organisation (their whole year's help moves with
 * them). Each is one set-based statement, as the api's and the worker's writes reach need_facts.
 */
export async function applyDayOfChanges(
  databaseUrl: string,
  scale: IndicatorScale,
  seed: number,
  day: string,
): Promise<DayOfChanges> {
  const client = await connectSeeded(databaseUrl, seed + 7);
  const perDay = (share: number) => Math.max(1, Math.round((scale.needs * share) / 365));
  const at = `(${'$1'}::date::timestamp AT TIME ZONE 'Europe/Rome')`;
  const done: DayOfChanges = {};
  const run = async (name: string, sql: string, params: unknown[]) => {
    done[name] = (await client.query(sql, [day, ...params])).rowCount ?? 0;
  };
  try {
    await run(
      'needs received',
      `INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, window_start, window_end,
         details, author_user_id, beneficiary_id, opened_at, created_at, updated_at)
       SELECT gen_random_uuid(), CASE WHEN d.source_draw < 0.80 THEN 'citizen' WHEN d.source_draw < 0.92 THEN 'desk' ELSE 'sentinel' END,
              CASE WHEN d.source_draw >= 0.92 THEN 'submitted' ELSE 'open' END,
              d.category, 'Bisogno del giorno ' || d.g, c.istat, c.lat, c.lon, d.created_at + interval '1 day',
              d.created_at + interval '1 day 3 hours', '{}'::jsonb, b.user_id,
              CASE WHEN d.source_draw < 0.92 THEN b.id END,
              CASE WHEN d.source_draw < 0.92 THEN d.created_at + interval '10 minutes' END, d.created_at, d.created_at
         FROM (SELECT g, random() AS source_draw, ($3::text[])[1 + floor(random() * 10)::int] AS category,
                      1 + floor(power(random(), 3) * (SELECT count(*) FROM comuni WHERE region = 'Piemonte'))::int AS comune,
                      1 + floor(power(random(), 2) * $4)::int AS citizen,
                      ${at} + random() * interval '20 hours' AS created_at
                 FROM generate_series(1, $2) g) d
         JOIN (SELECT row_number() OVER (ORDER BY istat)::int AS n, istat, lat, lon FROM comuni WHERE region = 'Piemonte') c
           ON c.n = d.comune
         JOIN (SELECT row_number() OVER (ORDER BY u.phone_e164)::int AS n, u.id AS user_id, b.id FROM users u
                 JOIN beneficiaries b ON b.user_id = u.id AND b.kind = 'self' WHERE u.phone_e164 LIKE '+39348%') b
           ON b.n = d.citizen`,
      [perDay(1), CATEGORIES, scale.citizens],
    );
    // A helper accepts 40% of the day's open needs (one volunteer each: their slots do not overlap).
    await run(
      'needs matched',
      `INSERT INTO engagements (need_id, helper_user_id, volunteer_id, during, status, created_at, updated_at)
       SELECT n.id, v.user_id, v.id, tstzrange(n.window_start, n.window_end), 'confirmed',
              n.opened_at + interval '2 hours', n.opened_at + interval '2 hours'
         FROM (SELECT id, window_start, window_end, opened_at, row_number() OVER (ORDER BY id) AS k FROM needs
                WHERE status = 'open' AND created_at >= ${at} AND created_at < ${at} + interval '1 day') n
         JOIN (SELECT id, user_id, row_number() OVER (ORDER BY id) AS k FROM volunteer_profiles) v ON v.k = n.k
        WHERE n.k <= $2`,
      [Math.round(perDay(1) * 0.4)],
    );
    await run(
      'help completed',
      `UPDATE engagements e SET completed_at = ${at} + random() * interval '20 hours', hours_logged = 1.5,
              updated_at = ${at}
        WHERE e.id IN (SELECT e.id FROM engagements e JOIN needs n ON n.id = e.need_id
                        WHERE e.status = 'completed' AND n.created_at >= ${at} - interval '3 days'
                          AND n.created_at < ${at} ORDER BY e.id LIMIT $2)`,
      [perDay(0.68)],
    );
    await run(
      'given up by matching',
      `UPDATE need_match_states SET unmatched_reason = 'all_declined', unmatched_at = ${at} + interval '9 hours'
        WHERE need_id IN (SELECT n.id FROM needs n JOIN need_match_states s ON s.need_id = n.id
                           WHERE n.created_at >= ${at} - interval '2 days' AND n.created_at < ${at}
                           ORDER BY n.id LIMIT $2)`,
      [perDay(0.14)],
    );
    await run(
      'reviews written',
      `INSERT INTO reviews (engagement_id, comune_istat, author_user_id, author_side, subject_kind, subject_user_id,
         criteria_set, criterion1_stars, criterion2_stars, criterion3_stars, status, created_at, updated_at)
       SELECT e.id, n.comune_istat, n.author_user_id, 'citizen', 'volunteer', e.helper_user_id, 'person',
              3 + floor(random() * 3)::int, 2 + floor(random() * 4)::int, 3 + floor(random() * 3)::int,
              CASE WHEN random() < 0.8 THEN 'published' ELSE 'pending' END,
              ${at} + random() * interval '20 hours', ${at}
         FROM engagements e JOIN needs n ON n.id = e.need_id
        WHERE e.status = 'completed' AND n.created_at >= ${at} - interval '4 days' AND n.created_at < ${at}
          AND n.author_user_id <> e.helper_user_id
          AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.engagement_id = e.id AND r.author_side = 'citizen')
        ORDER BY e.id LIMIT $2`,
      [perDay(0.68 * 0.6)],
    );
    await run(
      'reviews published',
      `UPDATE reviews SET status = 'published', updated_at = ${at}
        WHERE id IN (SELECT id FROM reviews WHERE status = 'pending' AND created_at >= ${at} - interval '3 days'
                       AND created_at < ${at} ORDER BY id LIMIT $2)`,
      [perDay(0.68 * 0.6 * 0.2)],
    );
    await run(
      'flags accepted',
      `UPDATE needs SET status = 'open', opened_at = ${at} + interval '8 hours', updated_at = ${at}
        WHERE id IN (SELECT id FROM needs WHERE source = 'sentinel' AND status = 'submitted'
                       AND created_at >= ${at} - interval '7 days' AND created_at < ${at} ORDER BY id LIMIT $2)`,
      [perDay(0.08 * 0.3)],
    );
    // Shared care: the day's groups, of three completed shared-caregiver needs in no group yet.
    await client.query(
      `CREATE TEMP TABLE day_groups ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, grp, min(comune_istat) AS comune_istat, array_agg(need_id) AS needs FROM (
         SELECT n.id AS need_id, n.comune_istat, (row_number() OVER (ORDER BY n.id) - 1) / 3 AS grp
           FROM needs n WHERE n.category = 'shared_caregiver' AND n.status = 'completed'
            AND NOT EXISTS (SELECT 1 FROM care_group_members m WHERE m.need_id = n.id)) h
       GROUP BY grp HAVING count(*) = 3 ORDER BY grp LIMIT $1`,
      [Math.max(1, Math.round(perDay(1) / 80))],
    );
    await run(
      'care groups confirmed',
      `INSERT INTO care_groups (id, offer_id, organisation_id, comune_istat, status, shared_schedule, weekly_minutes,
         created_at, confirmed_at)
       SELECT g.id, so.id, so.organisation_id, g.comune_istat, 'confirmed', '[]'::jsonb, 600, ${at} - interval '2 days',
              ${at} + interval '11 hours'
         FROM day_groups g CROSS JOIN LATERAL (SELECT id, organisation_id FROM service_offers ORDER BY id LIMIT 1) so`,
      [],
    );
    await run(
      'households joined',
      `INSERT INTO care_group_members (group_id, need_id, status, price_cents_per_hour, individual_price_cents_per_hour,
         weekly_cents, individual_weekly_cents, joined_at, confirmed_at)
       SELECT g.id, unnest(g.needs), 'confirmed', 500, 1000, 5000, 10000, ${at} - interval '2 days',
              ${at} + interval '11 hours'
         FROM day_groups g`,
      [],
    );
    done['volunteers joining an organisation'] =
      (
        await client.query(
          `UPDATE volunteer_profiles SET organisation_id = (SELECT id FROM organisations ORDER BY id LIMIT 1)
            WHERE id IN (SELECT id FROM volunteer_profiles WHERE organisation_id IS NULL ORDER BY id LIMIT 2)`,
        )
      ).rowCount ?? 0;
    await client.query('COMMIT');
    return done;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
