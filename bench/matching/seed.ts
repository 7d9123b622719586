import { insertBenchTerritory } from '../support/territory';
import { connectSeeded } from '../support/postgres';
import { insertBenchUsers } from '../support/people';

/**
 * The day of the rides: the first Tuesday after today in Rome (one to seven days ahead), so that
 * the instance is the same whatever day the bench runs (the offers open Monday to Saturday; on a
 * Saturday run, 'tomorrow' was a Sunday with no organisation at all).
 */
const RIDE_DAY = `(SELECT d + (9 - extract(isodow FROM d)::int) % 7
                     FROM (SELECT (now() AT TIME ZONE 'Europe/Rome')::date + 1 AS d) ahead)`;

export interface MatchingScale {
  volunteers: number;
  /** The first volunteers drive (rides category, a car): the batch assigns rides to them. */
  drivers: number;
  windowsPerVolunteer: number;
  organisations: number;
  offers: number;
  citizens: number;
  rides: number;
}

/** Piedmont scale, as issue 4 asks: 100,000 volunteers, 500,000 windows, 10,000 offers, 2,000 rides. */
export const FULL_SCALE: MatchingScale = {
  volunteers: 100_000,
  drivers: 5_000,
  windowsPerVolunteer: 5,
  organisations: 500,
  offers: 10_000,
  citizens: 2_000,
  rides: 2_000,
};

/** A sanity run for CI: the same shapes, a fiftieth of the rows. */
export const QUICK_SCALE: MatchingScale = {
  volunteers: 2_000,
  drivers: 400,
  windowsPerVolunteer: 5,
  organisations: 20,
  offers: 200,
  citizens: 200,
  rides: 150,
};

const OTHER_CATEGORIES = [
  'companionship',
  'home_help',
  'shopping_and_delivery',
  'digital_help',
  'childcare',
  'shared_caregiver',
];

/**
 * Seeds the territory with set-based statements in one transaction; setseed() makes random()
 * repeat run after run. People cluster around towns: a Comune is drawn with a skewed
 * probability (a few towns get many people) and homes scatter a few km around its centre.
 * Rides are on RIDE_DAY (a Tuesday) between 07:00 and 17:00, Rome time.
 */
export async function seedMatchingWorld(
  databaseUrl: string,
  scale: MatchingScale,
  seed: number,
): Promise<Record<string, number>> {
  const client = await connectSeeded(databaseUrl, seed);
  try {
    // A fixed shuffled order of the Comuni; power(random(), 3) over it favours the first ones.
    await client.query(`
      CREATE TEMP TABLE bench_comuni ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY md5(istat || 'towns'))::int AS n, istat, lat, lon
        FROM comuni WHERE region = 'Piemonte'`);
    const {
      rows: [{ count: comuneCount }],
    } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM bench_comuni`);
    if (comuneCount < 1000) throw new Error(`expected the Piedmont Comuni, found ${comuneCount}`);
    const town = `1 + floor(power(random(), 3) * ${comuneCount})::int`;
    // About ±3 km around the centre (a sum of uniforms is close to a bell).
    const jitterLat = `(random() + random() + random() - 1.5) * 0.025`;
    const jitterLon = `(random() + random() + random() - 1.5) * 0.035`;

    const territoryId = await insertBenchTerritory(client, 'Piemonte (matching benchmark)');

    // Volunteers (phones +39348…) and citizens (+39349…), verified.
    await insertBenchUsers(client, {
      phonePrefix: '+39348',
      name: 'Volontario',
      count: scale.volunteers,
      table: 'bench_volunteers',
    });
    await insertBenchUsers(client, { phonePrefix: '+39349', name: 'Cittadino', count: scale.citizens });
    await client.query(`INSERT INTO user_roles (user_id, role) SELECT id, 'volunteer' FROM bench_volunteers`);

    await client.query(
      `WITH picks AS (SELECT n, id, ${town} AS cn, ${jitterLat} AS dlat, ${jitterLon} AS dlon, random() AS r
                        FROM bench_volunteers)
       INSERT INTO volunteer_profiles (user_id, display_name, bio, categories, languages, home_lat, home_lon,
         comune_istat, travel_radius_km, vehicle_seats, vehicle_wheelchair_accessible, weekly_hour_limit)
       SELECT p.id, 'Volontario ' || p.n, 'Do una mano nel mio Comune.',
              CASE WHEN p.n <= $1 THEN ARRAY['rides_and_accompaniment', 'companionship']
                   ELSE ARRAY[($2::text[])[1 + p.n % 6]] END,
              CASE WHEN p.n % 10 = 0 THEN ARRAY['it', 'en'] ELSE ARRAY['it'] END,
              c.lat + p.dlat, c.lon + p.dlon, c.istat, 5 + floor(p.r * 26)::int,
              CASE WHEN p.n <= $1 THEN 2 + p.n % 3 END, p.n <= $1 AND p.n % 7 = 0, 6 + p.n % 15
         FROM picks p JOIN bench_comuni c ON c.n = p.cn`,
      [scale.drivers, OTHER_CATEGORIES],
    );
    await client.query(
      `INSERT INTO moderation_items (content_type, content_id, comune_istat, status, needs_review, summary, decided_at)
       SELECT 'volunteer_profile', id, comune_istat, 'published', false, display_name, now() FROM volunteer_profiles`,
    );

    // Availability: mostly weekly rules (a random day, a morning or afternoon of 3-8 hours, valid
    // for months), every fifth a one-off window on the rides' day.
    await client.query(
      `INSERT INTO availability_windows (volunteer_id, kind, day_of_week, start_minute, end_minute, validity, during)
       SELECT v.id,
              CASE WHEN k % 5 = 0 THEN 'one_off' ELSE 'recurring' END,
              CASE WHEN k % 5 <> 0 THEN 1 + floor(random() * 7)::int END,
              CASE WHEN k % 5 <> 0 THEN s END,
              CASE WHEN k % 5 <> 0 THEN least(1440, s + len) END,
              CASE WHEN k % 5 <> 0 THEN daterange(current_date - 30, current_date + 180) END,
              CASE WHEN k % 5 = 0 THEN tstzrange(
                (${RIDE_DAY}::timestamp + make_interval(mins => s)) AT TIME ZONE 'Europe/Rome',
                (${RIDE_DAY}::timestamp + make_interval(mins => least(1440, s + len))) AT TIME ZONE 'Europe/Rome')
              END
         FROM volunteer_profiles v
         CROSS JOIN LATERAL (SELECT k, (420 + floor(random() * 9) * 60)::int AS s,
                                    (180 + floor(random() * 6) * 60)::int AS len
                               FROM generate_series(1, $1) k WHERE v.id IS NOT NULL) w`,
      [scale.windowsPerVolunteer],
    );

    // Organisations and shared-price / fixed-price offers around towns (the catalogue's scale).
    await client.query(
      `INSERT INTO organisations (kind, name, codice_fiscale, description, home_comune_istat)
       SELECT 'social_cooperative', 'Cooperativa ' || g, lpad((80000000000 + g)::text, 11, '0'),
              'Servizi alla persona.', c.istat
         FROM generate_series(1, $1) g JOIN bench_comuni c ON c.n = 1 + (g * 7919) % $2`,
      [scale.organisations, comuneCount],
    );
    await client.query(
      `INSERT INTO organisation_accreditations (organisation_id, territory_id, status, decided_at)
       SELECT id, $1, 'accredited', now() FROM organisations`,
      [territoryId],
    );
    // Each organisation's admin (phones +39347…): the contact matching tells and asks to answer;
    // without one the engine cannot propose the organisation.
    await client.query(
      `WITH orgs AS (SELECT row_number() OVER (ORDER BY codice_fiscale)::int AS n, id FROM organisations),
            admins AS (
              INSERT INTO users (phone_e164, display_name, phone_verified_at)
              SELECT '+39347' || lpad(n::text, 7, '0'), 'Referente ' || n, now() FROM orgs
              RETURNING id, substr(phone_e164, 7)::int AS n)
       INSERT INTO user_roles (user_id, role, organisation_id)
       SELECT a.id, 'organisation_admin', o.id FROM admins a JOIN orgs o ON o.n = a.n`,
    );
    await client.query(
      `WITH orgs AS (SELECT row_number() OVER (ORDER BY codice_fiscale)::int AS n, id FROM organisations),
            picks AS (SELECT g, ${town} AS cn, ${jitterLat} AS dlat, ${jitterLon} AS dlon FROM generate_series(1, $1) g)
       INSERT INTO service_offers (organisation_id, title, category, description, radius_km, comune_istat, lat, lon,
         price_model, price_unit, price_cents, price_bands, min_cents_per_hour, schedule, capacity,
         vehicle_seats, wheelchair_transport)
       SELECT o.id, 'Servizio ' || p.g, CASE WHEN p.g % 4 = 0 THEN 'shared_caregiver' ELSE 'rides_and_accompaniment' END,
              'Assistenza e accompagnamento.', 10 + p.g % 20, c.istat, c.lat + p.dlat, c.lon + p.dlon,
              CASE WHEN p.g % 4 = 0 THEN 'shared' ELSE 'fixed' END, 'hour',
              CASE WHEN p.g % 4 = 0 THEN NULL ELSE 1200 END,
              CASE WHEN p.g % 4 = 0 THEN '[{"people":1,"centsPerHourEach":1000},{"people":3,"centsPerHourEach":500}]'::jsonb END,
              CASE WHEN p.g % 4 = 0 THEN 500 ELSE 1200 END,
              -- Open Monday to Saturday, 07:00-20:00; one to three rides at a time.
              (SELECT jsonb_agg(jsonb_build_object('dayOfWeek', d, 'start', '07:00', 'end', '20:00'))
                 FROM generate_series(1, 6) d),
              1 + p.g % 3,
              -- Rides: 3 to 8 seats, a wheelchair van for one offer in three.
              CASE WHEN p.g % 4 = 0 THEN NULL ELSE 3 + p.g % 6 END, p.g % 4 <> 0 AND p.g % 3 = 0
         FROM picks p JOIN bench_comuni c ON c.n = p.cn JOIN orgs o ON o.n = 1 + p.g % $2`,
      [scale.offers, scale.organisations],
    );
    await client.query(
      `INSERT INTO moderation_items (content_type, content_id, comune_istat, status, needs_review, summary, decided_at)
       SELECT 'service_offer', id, comune_istat, 'published', false, title, now() FROM service_offers`,
    );

    // A day of rides from citizens' homes: the rides' day (a Tuesday), appointment 07:00-17:00 Rome time, half with
    // a return trip, one in ten with a wheelchair.
    await client.query(
      `INSERT INTO beneficiaries (kind, user_id, created_by_user_id)
       SELECT 'self', id, id FROM users WHERE phone_e164 LIKE '+39349%'`,
    );
    await client.query(
      `WITH citizens AS (
         SELECT row_number() OVER (ORDER BY u.phone_e164)::int AS n, u.id, b.id AS beneficiary_id
           FROM users u JOIN beneficiaries b ON b.user_id = u.id WHERE u.phone_e164 LIKE '+39349%'),
       picks AS (
         SELECT g, ${town} AS cn, ${jitterLat} AS dlat, ${jitterLon} AS dlon,
                (${RIDE_DAY}::timestamp + make_interval(mins => 420 + floor(random() * 600)::int))
                  AT TIME ZONE 'Europe/Rome' AS appointment
           FROM generate_series(1, $1) g)
       INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, window_start, window_end,
         urgency, language, max_distance_km, details, author_user_id, beneficiary_id, opened_at)
       SELECT gen_random_uuid(), 'citizen', 'open', 'rides_and_accompaniment', 'Accompagnamento a una visita',
              c.istat, c.lat + p.dlat, c.lon + p.dlon, p.appointment - interval '1 hour', p.appointment + interval '3 hours',
              'normal', 'it', 25,
              jsonb_build_object('ride', jsonb_build_object(
                'pickupPlace', 'Casa', 'pickupLocation', jsonb_build_object('lat', c.lat + p.dlat, 'lon', c.lon + p.dlon),
                'destinationPlace', 'Ospedale', 'destinationLocation', jsonb_build_object('lat', c.lat, 'lon', c.lon),
                'appointmentAt', to_char(p.appointment AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'returnTripWanted', p.g % 2 = 0,
                'returnAt', CASE WHEN p.g % 2 = 0 THEN
                  to_char((p.appointment + interval '90 minutes') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END,
                'wheelchair', p.g % 10 = 0, 'escortWaits', p.g % 2 = 0, 'passengers', 1 + p.g % 2)),
              ct.id, ct.beneficiary_id, now()
         FROM picks p JOIN bench_comuni c ON c.n = p.cn JOIN citizens ct ON ct.n = 1 + p.g % $2`,
      [scale.rides, scale.citizens],
    );
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE)'); // as autovacuum would have, so index-only scans see the visibility map
    const { rows } = await client.query<{ table: string; count: number }>(
      `SELECT 'volunteer_profiles' AS table, count(*)::int AS count FROM volunteer_profiles
       UNION ALL SELECT 'availability_windows', count(*)::int FROM availability_windows
       UNION ALL SELECT 'service_offers', count(*)::int FROM service_offers
       UNION ALL SELECT 'organisations (with an admin)', count(DISTINCT organisation_id)::int FROM user_roles
                  WHERE role = 'organisation_admin'
       UNION ALL SELECT 'needs (rides)', count(*)::int FROM needs`,
    );
    return Object.fromEntries(rows.map((row) => [row.table, row.count]));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
