import { AVAILABILITY_TIME_ZONE, weeklySpanOf } from '@prossimo/community';
import {
  CandidateStage,
  countCandidates,
  countOrganisationCandidates,
  findCandidates,
  findOrganisationCandidates,
  MatchableNeed,
  UnmatchedReason,
  unmatchedReasonOf,
} from '@prossimo/matching';
import { Client, QueryConfig } from 'pg';
import { EntityManager } from 'typeorm';
import { Random } from '../../bench/api/random';

/**
 * The engine's candidate search (a distance-ordered walk of a per-category index that stops at
 * the pool, per-row checks in a fixed order, a prepared statement) against a plain reference
 * query written without any of those tricks, on a random but seeded territory: the same helpers
 * in the same order, and the same counts per stage, for every need drawn.
 */

const SEED = 20261122;
const CATEGORIES = ['rides_and_accompaniment', 'companionship', 'home_help', 'digital_help'];
const NEEDS_DRAWN = 80;
/**
 * Past NEEDS_DRAWN, draws go on (up to this many) until each length of the organisations' walk
 * has been seen three times: the three-walk case is rare and depends on the seeded data.
 */
const MAX_NEEDS_DRAWN = 240;

let client: Client;
let centres: { lat: number; lon: number; istat: string }[];
/** A Piedmont Comune outside both test territories (some offers list it). */
let outsideIstat: string;
let citizenIds: string[];
let needIds: string[];
let base: Date;

async function seedWorld(): Promise<void> {
  await client.query('BEGIN');
  await client.query('SELECT setseed(0.42)');
  // Fixed ids too: the searches break ties (equal distances, shared homes) by id, so random uuids
  // changed which helpers and offers a run saw. In this file's own database copy only, every uuid
  // default draws from a sequence instead, spread by md5 so ties still fall in no particular order.
  await client.query(`CREATE SEQUENCE seed_ids`);
  await client.query(`
    DO $$ DECLARE c record; BEGIN
      FOR c IN SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_default LIKE 'gen_random_uuid()%' LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET DEFAULT md5(''seed '' || nextval(''seed_ids''))::uuid',
                       c.table_name, c.column_name);
      END LOOP;
    END $$`);
  const { rows: towns } = await client.query<{ istat: string; lat: number; lon: number }>(
    `SELECT istat, lat, lon FROM comuni WHERE region = 'Piemonte' ORDER BY istat LIMIT 3`,
  );
  centres = towns.map((town) => ({ lat: town.lat, lon: town.lon, istat: town.istat }));
  const { rows: citizens } = await client.query<{ id: string }>(
    `INSERT INTO users (phone_e164, display_name, phone_verified_at)
     SELECT '+3934700000' || g, 'Cittadino ' || g, now() FROM generate_series(1, 3) g RETURNING id`,
  );
  citizenIds = citizens.map((row) => row.id);
  const {
    rows: [beneficiary],
  } = await client.query<{ id: string }>(
    `INSERT INTO beneficiaries (kind, user_id, created_by_user_id) VALUES ('self', $1, $1) RETURNING id`,
    [citizenIds[0]],
  );
  // Volunteers: a few suspended or unverified, clustered around three towns, one in ten on a
  // coarse grid so that several share a home (ties on distance).
  await client.query(
    `INSERT INTO users (phone_e164, display_name, status, phone_verified_at)
     SELECT '+39346' || lpad(g::text, 7, '0'), 'Volontario ' || g,
            CASE WHEN random() < 0.03 THEN 'suspended' ELSE 'active' END,
            CASE WHEN random() < 0.04 THEN NULL ELSE now() END
       FROM generate_series(1, 1500) g`,
  );
  await client.query(
    `WITH picks AS (
       SELECT u.id, u.display_name, random() AS r, (1 + floor(random() * 3))::int AS town,
              (random() - 0.5) * 0.4 AS dlat, (random() - 0.5) * 0.55 AS dlon, random() < 0.1 AS grid
         FROM users u WHERE u.phone_e164 LIKE '+39346%'),
     towns AS (SELECT row_number() OVER (ORDER BY istat)::int AS n, istat, lat, lon
                 FROM (SELECT istat, lat, lon FROM comuni WHERE region = 'Piemonte' ORDER BY istat LIMIT 3) t)
     INSERT INTO volunteer_profiles (user_id, display_name, bio, categories, languages, home_lat, home_lon,
       comune_istat, travel_radius_km, vehicle_seats, vehicle_wheelchair_accessible, weekly_hour_limit)
     SELECT p.id, p.display_name, 'Aiuto volentieri.',
            -- (p.r ties the sub-select to the row, so each volunteer draws their own categories)
            coalesce(nullif(ARRAY(SELECT c FROM unnest($1::text[]) c WHERE random() < 0.45 + 0 * p.r), '{}'), ARRAY[($1::text[])[1]]),
            CASE floor(p.r * 4)::int WHEN 0 THEN ARRAY['it'] WHEN 1 THEN ARRAY['en'] WHEN 2 THEN ARRAY['it', 'en']
              ELSE ARRAY[]::text[] END,
            CASE WHEN p.grid THEN round((t.lat + p.dlat)::numeric, 2)::float8 ELSE t.lat + p.dlat END,
            CASE WHEN p.grid THEN round((t.lon + p.dlon)::numeric, 2)::float8 ELSE t.lon + p.dlon END,
            t.istat, 1 + floor(random() * 100)::int,
            CASE WHEN random() < 0.4 THEN NULL ELSE 1 + floor(random() * 4)::int END,
            random() < 0.2, 1 + floor(random() * 20)::int
       FROM picks p JOIN towns t ON t.n = p.town`,
    [CATEGORIES],
  );
  await client.query(
    `INSERT INTO moderation_items (content_type, content_id, comune_istat, status, needs_review, summary)
     SELECT 'volunteer_profile', id, comune_istat, CASE WHEN random() < 0.92 THEN 'published' ELSE 'pending' END,
            false, display_name FROM volunteer_profiles`,
  );
  // The needs' times fall in the two days after `base`; windows cover parts of them. `base` is
  // midnight in Rome of the first Tuesday at least three days ahead, so the recurring windows and
  // the offers' weekly schedules meet the needs alike whatever the day and hour of the run, and the
  // two days (Tuesday and Wednesday) never hold a daylight-saving change (always on a Sunday).
  const {
    rows: [{ start }],
  } = await client.query<{ start: Date }>(
    `SELECT (d + (9 - extract(isodow FROM d)::int) % 7)::timestamp AT TIME ZONE 'Europe/Rome' AS start
       FROM (SELECT (now() AT TIME ZONE 'Europe/Rome')::date + 3 AS d) ahead`,
  );
  base = start;
  await client.query(
    `INSERT INTO availability_windows (volunteer_id, kind, during)
     SELECT v.id, 'one_off', tstzrange($1::timestamptz + make_interval(mins => s), $1::timestamptz + make_interval(mins => s + len))
       FROM volunteer_profiles v
      CROSS JOIN LATERAL (SELECT k, floor(random() * 2880)::int AS s, 60 + floor(random() * 600)::int AS len
                            FROM generate_series(1, 2) k WHERE v.id IS NOT NULL) w
      WHERE random() < 0.7`,
    [base],
  );
  await client.query(
    `INSERT INTO availability_windows (volunteer_id, kind, day_of_week, start_minute, end_minute, validity)
     SELECT v.id, 'recurring', 1 + floor(random() * 7)::int, s, least(1440, s + len),
            CASE WHEN random() < 0.9 THEN daterange(current_date - 10, current_date + 60) ELSE daterange(current_date - 60, current_date) END
       FROM volunteer_profiles v
      CROSS JOIN LATERAL (SELECT k, floor(random() * 1200)::int AS s, 60 + floor(random() * 480)::int AS len
                            FROM generate_series(1, 3) k WHERE v.id IS NOT NULL) w
      WHERE random() < 0.8`,
  );
  // Needs to hang engagements and proposals on (one live engagement per need).
  const { rows: needs } = await client.query<{ id: string }>(
    `INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, window_start, window_end,
       author_user_id, beneficiary_id)
     SELECT md5('seed ' || nextval('seed_ids'))::uuid, 'citizen', 'open', 'companionship', 'Compagnia', (SELECT min(istat) FROM comuni WHERE region = 'Piemonte'),
            45, 8, $1::timestamptz, $1::timestamptz + interval '1 hour', $2, $3
       FROM generate_series(1, 400) g RETURNING id`,
    [base, citizenIds[0], beneficiary.id],
  );
  needIds = needs.map((row) => row.id);
  // Busy helpers: a live engagement in the needs' days, or completed hours counting towards
  // the week's limit.
  await client.query(
    `WITH busy AS (
       SELECT v.id, v.user_id, row_number() OVER (ORDER BY random())::int AS n, random() AS r
         FROM volunteer_profiles v WHERE random() < 0.25)
     INSERT INTO engagements (need_id, helper_user_id, volunteer_id, during, status, hours_logged)
     SELECT ($1::uuid[])[8 + b.n], b.user_id, b.id,
            tstzrange($2::timestamptz + make_interval(mins => m), $2::timestamptz + make_interval(mins => m + 120)),
            CASE WHEN b.r < 0.6 THEN 'confirmed' WHEN b.r < 0.8 THEN 'completed' ELSE 'cancelled' END,
            CASE WHEN b.r >= 0.6 AND b.r < 0.8 THEN 1 + floor(random() * 15) END
       FROM busy b CROSS JOIN LATERAL (SELECT floor(random() * 2880)::int AS m WHERE b.id IS NOT NULL) t
      WHERE b.n <= 380`,
    [needIds, base],
  );
  await client.query(
    `INSERT INTO user_blocks (blocker_user_id, blocked_user_id)
     SELECT $1::uuid, user_id FROM volunteer_profiles WHERE random() < 0.05`,
    [citizenIds[0]],
  );
  await client.query(
    `INSERT INTO match_proposals (need_id, helper_user_id, volunteer_id, rank, score, distance_km, breakdown, status, expires_at)
     SELECT n.id, v.user_id, v.id, 1, 0.5, 1, '{}'::jsonb,
            (ARRAY['pending', 'accepted', 'declined', 'withdrawn', 'expired'])[1 + floor(random() * 5)::int], now()
       FROM unnest($1::uuid[]) n(id) CROSS JOIN volunteer_profiles v WHERE random() < 0.1`,
    [needIds.slice(0, 8)],
  );
  await seedOrganisations();
  await client.query('COMMIT');
  await client.query('VACUUM ANALYZE');
}

/**
 * Accredited (and not) organisations with offers around the three towns: circles of 1 to 40 km
 * and lists of Comuni (some centred in another town), weekly schedules or none, capacities
 * partly used by live engagements, languages; contacts that are admins, operators, suspended,
 * blocked by the citizen or missing; proposals already made for some needs.
 */
async function seedOrganisations(): Promise<void> {
  const istats = centres.map((centre) => centre.istat);
  const {
    rows: [outside],
  } = await client.query<{ istat: string }>(
    `SELECT istat FROM comuni WHERE region = 'Piemonte' ORDER BY istat OFFSET 3 LIMIT 1`,
  );
  outsideIstat = outside.istat;
  // Two territories: the first two towns, the last two.
  const territories: string[] = [];
  for (const [index, members] of [istats.slice(0, 2), istats.slice(1)].entries()) {
    const {
      rows: [{ id }],
    } = await client.query<{ id: string }>(
      `INSERT INTO territories (kind, name) VALUES ('ambito', $1) RETURNING id`,
      [`Ambito ${index + 1}`],
    );
    await client.query(
      `INSERT INTO territory_comuni (territory_id, comune_istat) SELECT $1, unnest($2::text[])`,
      [id, members],
    );
    territories.push(id);
  }
  await client.query(
    `INSERT INTO organisations (kind, name, codice_fiscale, description, home_comune_istat)
     SELECT 'social_cooperative', 'Cooperativa ' || g, lpad((90000000000 + g)::text, 11, '0'), 'Servizi.', $1
       FROM generate_series(1, 40) g`,
    [istats[0]],
  );
  await client.query(
    `INSERT INTO organisation_accreditations (organisation_id, territory_id, status, decided_at)
     SELECT o.id, t.id, CASE WHEN random() < 0.85 THEN 'accredited' ELSE 'suspended' END, now()
       FROM organisations o CROSS JOIN unnest($1::uuid[]) t(id)
      WHERE o.codice_fiscale LIKE '9%' AND random() < 0.6`,
    [territories],
  );
  // Contacts: an admin (some suspended), an operator for half, nobody for a few.
  await client.query(
    `WITH orgs AS (SELECT row_number() OVER (ORDER BY codice_fiscale)::int AS n, id FROM organisations
                    WHERE codice_fiscale LIKE '9%'),
          staff AS (
            INSERT INTO users (phone_e164, display_name, status, phone_verified_at)
            SELECT '+39348' || lpad((o.n * 10 + k)::text, 7, '0'), 'Referente ' || o.n || '-' || k,
                   CASE WHEN random() < 0.15 THEN 'suspended' ELSE 'active' END, now()
              FROM orgs o CROSS JOIN generate_series(1, 2) k
             WHERE o.n % 10 <> 0 AND (k = 1 OR o.n % 2 = 0)
            RETURNING id, substr(phone_e164, 7)::int AS code)
     INSERT INTO user_roles (user_id, role, organisation_id)
     SELECT s.id, CASE WHEN s.code % 10 = 1 AND o.n % 4 <> 2 THEN 'organisation_admin' ELSE 'organisation_operator' END, o.id
       FROM staff s JOIN orgs o ON o.n = s.code / 10`,
  );
  await client.query(
    `INSERT INTO user_blocks (blocker_user_id, blocked_user_id)
     SELECT $1::uuid, ur.user_id FROM user_roles ur WHERE ur.organisation_id IS NOT NULL AND random() < 0.1`,
    [citizenIds[0]],
  );
  await client.query(
    `WITH picks AS (
       SELECT g, random() AS r, (1 + floor(random() * 3))::int AS town, (random() - 0.5) * 0.3 AS dlat,
              (random() - 0.5) * 0.4 AS dlon, (1 + floor(random() * 40))::int AS org
         FROM generate_series(1, 800) g),
     orgs AS (SELECT row_number() OVER (ORDER BY codice_fiscale)::int AS n, id FROM organisations
               WHERE codice_fiscale LIKE '9%')
     INSERT INTO service_offers (organisation_id, title, category, description, area_comuni, radius_km, comune_istat,
       lat, lon, schedule, capacity, languages, status, price_model, vehicle_seats, wheelchair_transport)
     SELECT o.id, 'Servizio ' || p.g, ($1::text[])[1 + p.g % 4], 'Servizio di prova.',
            CASE WHEN p.r < 0.3 THEN ARRAY(SELECT c FROM unnest($2::char(6)[]) c WHERE random() < 0.4 + 0 * p.r) END,
            CASE WHEN p.r >= 0.3 THEN 1 + floor(random() * 40) END,
            ($2::char(6)[])[p.town], comuni.lat + p.dlat, comuni.lon + p.dlon,
            CASE WHEN random() < 0.2 THEN '[]'::jsonb
                 ELSE coalesce((SELECT jsonb_agg(jsonb_build_object('dayOfWeek', d,
                        'start', lpad((6 + floor(random() * 6))::text, 2, '0') || ':' || (ARRAY['00', '30'])[1 + floor(random() * 2)::int],
                        'end', lpad((13 + floor(random() * 10))::text, 2, '0') || ':00'))
                          FROM generate_series(1, 7) d WHERE random() < 0.5 + 0 * p.r), '[]'::jsonb) END,
            CASE WHEN random() < 0.3 THEN NULL ELSE 1 + floor(random() * 2)::int END,
            CASE floor(random() * 3)::int WHEN 0 THEN ARRAY['it'] WHEN 1 THEN ARRAY['en', 'de'] ELSE ARRAY[]::text[] END,
            CASE WHEN random() < 0.05 THEN 'archived' ELSE 'active' END, 'free',
            -- Vehicles, the organisation's fleet (from its number: the random draws stay as they
            -- were): seats not declared for half, 2 to 4 otherwise; no wheelchair for a fifth.
            CASE WHEN p.org % 2 = 0 THEN NULL ELSE 2 + p.org % 3 END, p.org % 5 <> 0
       FROM picks p JOIN orgs o ON o.n = p.org JOIN comuni ON comuni.istat = ($2::char(6)[])[p.town]`,
    [CATEGORIES, [...istats, outsideIstat]],
  );
  await client.query(
    `INSERT INTO moderation_items (content_type, content_id, comune_istat, status, needs_review, summary)
     SELECT 'service_offer', id, comune_istat, CASE WHEN random() < 0.9 THEN 'published' ELSE 'pending' END,
            false, title FROM service_offers`,
  );
  // Engagements on offers (each on a need of its own): live ones take capacity in the needs' days,
  // completed and no-show ones feed the organisation's statistics.
  const { rows: offerNeeds } = await client.query<{ id: string }>(
    `INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, window_start, window_end,
       author_user_id, beneficiary_id)
     SELECT md5('seed ' || nextval('seed_ids'))::uuid, 'citizen', 'open', 'companionship', 'Compagnia', $3, 45, 8, $1::timestamptz,
            $1::timestamptz + interval '1 hour', $2, (SELECT min(id::text)::uuid FROM beneficiaries)
       FROM generate_series(1, 300) g RETURNING id`,
    [base, citizenIds[1], istats[0]],
  );
  await client.query(
    `WITH picks AS (
       SELECT so.id, so.organisation_id, row_number() OVER (ORDER BY random())::int AS n, random() AS r
         -- In a fixed order: the draws went to other offers when a new column of service_offers
         -- changed the join's plan (and with it which searches took three walks).
         FROM (SELECT so.id, so.organisation_id FROM service_offers so CROSS JOIN generate_series(1, 2) k
                ORDER BY so.id, k) so WHERE random() < 0.4)
     INSERT INTO engagements (need_id, helper_user_id, during, status, service_offer_id, organisation_id, hours_logged,
       completed_at)
     SELECT ($1::uuid[])[p.n], $3::uuid,
            tstzrange($2::timestamptz + make_interval(mins => m), $2::timestamptz + make_interval(mins => m + 180)),
            CASE WHEN p.r < 0.6 THEN 'confirmed' WHEN p.r < 0.7 THEN 'awaiting_confirmation'
                 WHEN p.r < 0.85 THEN 'completed' WHEN p.r < 0.92 THEN 'no_show' ELSE 'cancelled' END,
            p.id, p.organisation_id,
            CASE WHEN p.r >= 0.7 AND p.r < 0.85 THEN 2 END, CASE WHEN p.r >= 0.7 AND p.r < 0.85 THEN now() END
       FROM picks p CROSS JOIN LATERAL (SELECT floor(random() * 2880)::int AS m WHERE p.id IS NOT NULL) t
      WHERE p.n <= 300`,
    [offerNeeds.map((row) => row.id), base, citizenIds[2]],
  );
  // Proposals to organisations, for the needs the draws use and for others (statistics).
  await client.query(
    `INSERT INTO match_proposals (need_id, helper_user_id, organisation_id, service_offer_id, rank, score, distance_km,
       breakdown, status, expires_at)
     SELECT n.id, so.user_id, so.organisation_id, so.id, 1, 0.5, 1, '{}'::jsonb,
            (ARRAY['pending', 'accepted', 'declined', 'withdrawn', 'expired'])[1 + floor(random() * 5)::int], now()
       FROM unnest($1::uuid[]) n(id)
       CROSS JOIN (SELECT DISTINCT ON (so.organisation_id) so.id, so.organisation_id, ur.user_id
                     FROM service_offers so JOIN user_roles ur ON ur.organisation_id = so.organisation_id
                    ORDER BY so.organisation_id, so.id, ur.user_id) so
      WHERE random() < 0.3`,
    [needIds.slice(0, 8).concat(offerNeeds.slice(0, 20).map((row) => row.id))],
  );
}

function drawNeed(random: Random): { need: MatchableNeed; limit: number } {
  const pick = <T>(values: T[]) => random.pick(values);
  const centre = pick(centres);
  const start = new Date(base.getTime() + Math.floor(random.next() * 192) * 15 * 60_000);
  const end = new Date(start.getTime() + (1 + Math.floor(random.next() * 4)) * 3600_000);
  const category = random.next() < 0.05 ? 'other' : pick(CATEGORIES);
  return {
    need: {
      id: pick(needIds.slice(0, 8)),
      category,
      lat: centre.lat + (random.next() - 0.5) * 0.3,
      lon: centre.lon + (random.next() - 0.5) * 0.4,
      maxDistanceKm: random.next() < 0.2 ? null : 1 + Math.floor(random.next() * 80),
      language: pick(['it', 'it', 'en', 'de']),
      beneficiaryId: null,
      citizenUserIds: random.next() < 0.5 ? [citizenIds[0]] : [citizenIds[0], citizenIds[1]],
      slot: { start, end },
      ride:
        random.next() < 0.5
          ? { wheelchair: random.next() < 0.25, passengers: 1 + Math.floor(random.next() * 3) }
          : null,
    },
    limit: pick([1, 5, 50, 400]),
  };
}

/** A drawn need with its Comune: the town's, or now and then one outside both territories. */
function drawNeedWithComune(random: Random): {
  need: MatchableNeed & { comuneIstat: string };
  limit: number;
} {
  const drawn = drawNeed(random);
  const nearest = [...centres].sort(
    (a, b) =>
      (a.lat - drawn.need.lat) ** 2 +
      (a.lon - drawn.need.lon) ** 2 -
      (b.lat - drawn.need.lat) ** 2 -
      (b.lon - drawn.need.lon) ** 2,
  )[0];
  return {
    ...drawn,
    need: { ...drawn.need, comuneIstat: random.next() < 0.15 ? outsideIstat : nearest.istat },
  };
}

/**
 * The hard constraints written the plain way: joins and EXISTS as they read, the exact distance
 * (no box, no index order), everything sorted at the end.
 */
async function reference(
  need: MatchableNeed,
  upTo: CandidateStage,
  options: { excludeProposed: boolean },
): Promise<{ volunteerId: string; distanceKm: number }[]> {
  const span = weeklySpanOf(need.slot.start, need.slot.end, AVAILABILITY_TIME_ZONE);
  const maxKm = Math.min(need.maxDistanceKm ?? 100, 100);
  const stage = ['range', 'available', 'requirements'].indexOf(upTo);
  const { rows } = await client.query<{ volunteerId: string; distanceKm: number }>(
    `WITH here AS (SELECT ll_to_earth($1::float8, $2::float8) AS p),
     candidates AS (
       SELECT v.*, earth_distance(here.p, ll_to_earth(v.home_lat, v.home_lon)) AS metres,
              ll_to_earth(v.home_lat, v.home_lon) <-> here.p AS chord
         FROM volunteer_profiles v CROSS JOIN here
         JOIN users u ON u.id = v.user_id
         JOIN moderation_items mi ON mi.content_type = 'volunteer_profile' AND mi.content_id = v.id
        WHERE u.status = 'active' AND u.phone_verified_at IS NOT NULL AND mi.status = 'published'
          AND $3 = ANY(v.categories) AND NOT (v.user_id = ANY($4::uuid[]))
          AND v.user_id NOT IN (SELECT blocked_user_id FROM user_blocks WHERE blocker_user_id = ANY($4::uuid[])))
     SELECT c.id AS "volunteerId", c.metres / 1000 AS "distanceKm"
       FROM candidates c
      WHERE c.metres <= 1000 * least($5::float8, c.travel_radius_km)
        AND ($6 < 1 OR (
          (SELECT count(*) FROM availability_windows aw WHERE aw.volunteer_id = c.id AND (
             (aw.kind = 'one_off' AND lower(aw.during) <= $7 AND upper(aw.during) >= $8)
             OR (aw.kind = 'recurring' AND $9::int IS NOT NULL AND lower(aw.week_span) <= $9 AND upper(aw.week_span) >= $10
                 AND aw.validity @> $11::date))) > 0
          AND (SELECT count(*) FROM engagements e WHERE e.helper_user_id = c.user_id AND e.service_offer_id IS NULL
                AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress')
                AND lower(e.during) < $8 AND upper(e.during) > $7) = 0
          AND (SELECT coalesce(sum(coalesce(e.hours_logged, extract(epoch FROM upper(e.during) - lower(e.during)) / 3600)), 0)
                 FROM engagements e WHERE e.helper_user_id = c.user_id AND e.service_offer_id IS NULL
                  AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress', 'completed')
                  AND date_trunc('week', lower(e.during) AT TIME ZONE 'Europe/Rome')
                    = date_trunc('week', $7::timestamptz AT TIME ZONE 'Europe/Rome'))
              + extract(epoch FROM $8::timestamptz - $7::timestamptz) / 3600 <= c.weekly_hour_limit))
        AND ($6 < 2 OR (
          ($12::int IS NULL OR coalesce(c.vehicle_seats, 0) >= $12)
          AND (NOT $13 OR c.vehicle_wheelchair_accessible)
          AND ($14 = ANY(c.languages) OR (c.languages = '{}' AND $14 = 'it'))))
        AND (NOT $15 OR c.user_id NOT IN (
          SELECT helper_user_id FROM match_proposals WHERE need_id = $16 AND status <> 'withdrawn'))
      ORDER BY c.chord, c.id`,
    [
      need.lat,
      need.lon,
      need.category,
      need.citizenUserIds,
      maxKm,
      stage,
      need.slot.start,
      need.slot.end,
      span?.start ?? null,
      span?.end ?? null,
      span?.date ?? null,
      need.ride?.passengers ?? null,
      need.ride?.wheelchair ?? false,
      need.language,
      options.excludeProposed,
      need.id,
    ],
  );
  return rows.map((row) => ({ volunteerId: row.volunteerId, distanceKm: Number(row.distanceKm) }));
}

interface OrganisationReferenceRow {
  serviceOfferId: string;
  organisationId: string;
  userId: string;
  distanceKm: number;
  completed: number;
  noShows: number;
  accepted: number;
  declined: number;
  expired: number;
}

/**
 * The organisations' hard constraints written the plain way: every offer, the conditions as they
 * read, the contact by a window function, each organisation's nearest offer, sorted at the end,
 * and the statistics counted per organisation.
 */
async function organisationReference(
  need: MatchableNeed & { comuneIstat: string },
  upTo: CandidateStage,
  options: { excludeProposed: boolean },
): Promise<OrganisationReferenceRow[]> {
  const span = weeklySpanOf(need.slot.start, need.slot.end, AVAILABILITY_TIME_ZONE);
  const day = span ? Math.floor(span.start / 1440) + 1 : null;
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const stage = ['range', 'available', 'requirements'].indexOf(upTo);
  const { rows } = await client.query<OrganisationReferenceRow>(
    `WITH contacts AS (
       SELECT ur.organisation_id, ur.user_id,
              row_number() OVER (PARTITION BY ur.organisation_id
                ORDER BY (ur.role = 'organisation_admin') DESC, ur.created_at, ur.user_id) AS n
         FROM user_roles ur JOIN users u ON u.id = ur.user_id
        WHERE u.status = 'active' AND ur.role IN ('organisation_admin', 'organisation_operator')),
     offers AS (
       SELECT so.id, so.organisation_id, c.user_id, so.area_comuni, so.radius_km,
              earth_distance(ll_to_earth($1::float8, $2::float8), ll_to_earth(so.lat, so.lon)) AS metres
         FROM service_offers so
         JOIN contacts c ON c.organisation_id = so.organisation_id AND c.n = 1
         JOIN moderation_items mi ON mi.content_type = 'service_offer' AND mi.content_id = so.id
        WHERE so.status = 'active' AND so.category = $3 AND mi.status = 'published'
          AND so.organisation_id IN (
            SELECT oa.organisation_id FROM organisation_accreditations oa
              JOIN territory_comuni tc ON tc.territory_id = oa.territory_id
             WHERE oa.status = 'accredited' AND tc.comune_istat = $4)
          AND NOT (c.user_id = ANY($5::uuid[]))
          AND c.user_id NOT IN (SELECT blocked_user_id FROM user_blocks WHERE blocker_user_id = ANY($5::uuid[]))
          AND ($6 < 1 OR (
            (so.schedule = '[]'::jsonb OR ($7::int IS NOT NULL AND EXISTS (
               SELECT 1 FROM jsonb_array_elements(so.schedule) s
                WHERE (s ->> 'dayOfWeek')::int = $7 AND s ->> 'start' <= $8 AND s ->> 'end' >= $9)))
            AND (so.capacity IS NULL OR (
               SELECT count(*) FROM engagements e WHERE e.service_offer_id = so.id
                  AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress')
                  AND lower(e.during) < $11 AND upper(e.during) > $10) < so.capacity)))
          AND ($6 < 2 OR $12 = ANY(so.languages) OR (so.languages = '{}' AND $12 = 'it'))
          AND ($6 < 2 OR $15::int IS NULL OR so.vehicle_seats IS NULL OR so.vehicle_seats >= $15)
          AND ($6 < 2 OR NOT $16 OR so.wheelchair_transport)
          AND (NOT $13 OR so.organisation_id NOT IN (
            SELECT organisation_id FROM match_proposals
             WHERE need_id = $14 AND status <> 'withdrawn' AND organisation_id IS NOT NULL))),
     nearest AS (
       SELECT *, row_number() OVER (PARTITION BY organisation_id ORDER BY metres, id) AS n FROM offers
        WHERE $4 = ANY(offers.area_comuni) OR offers.metres <= 1000 * offers.radius_km)
     SELECT n.id AS "serviceOfferId", n.organisation_id AS "organisationId", n.user_id AS "userId",
            n.metres / 1000 AS "distanceKm",
            (SELECT count(*) FROM engagements e WHERE e.organisation_id = n.organisation_id AND e.status = 'completed')::int AS completed,
            (SELECT count(*) FROM engagements e WHERE e.organisation_id = n.organisation_id AND e.status = 'no_show')::int AS "noShows",
            (SELECT count(*) FROM match_proposals mp WHERE mp.organisation_id = n.organisation_id AND mp.status = 'accepted')::int AS accepted,
            (SELECT count(*) FROM match_proposals mp WHERE mp.organisation_id = n.organisation_id AND mp.status = 'declined')::int AS declined,
            (SELECT count(*) FROM match_proposals mp WHERE mp.organisation_id = n.organisation_id AND mp.status = 'expired')::int AS expired
       FROM nearest n WHERE n.n = 1
      ORDER BY n.metres, n.organisation_id`,
    [
      need.lat,
      need.lon,
      need.category,
      need.comuneIstat,
      need.citizenUserIds,
      stage,
      day,
      span ? hhmm(span.start - (day! - 1) * 1440) : null,
      span ? hhmm(span.end - (day! - 1) * 1440) : null,
      need.slot.start,
      need.slot.end,
      need.language,
      options.excludeProposed,
      need.id,
      need.ride?.passengers ?? null,
      need.ride?.wheelchair ?? false,
    ],
  );
  return rows.map((row) => ({ ...row, distanceKm: Number(row.distanceKm) }));
}

/**
 * The organisations' search and per-stage counts against the reference for one need; returns
 * how many organisations the reference finds, and how many walks of the offers the search took.
 */
async function expectOrganisationsSameAsReference(
  counted: CountingManager,
  need: MatchableNeed & { comuneIstat: string },
  limit: number,
  label: string,
): Promise<{ offered: number; walks: number }> {
  const { manager } = counted;
  const expected = (await organisationReference(need, 'requirements', { excludeProposed: true })).slice(
    0,
    limit,
  );
  counted.take();
  const found = await findOrganisationCandidates(manager, need, limit);
  const walks = counted.take();
  expect({
    label,
    found: found.map((row) => ({
      serviceOfferId: row.serviceOfferId,
      organisationId: row.organisationId,
      userId: row.userId,
      completed: row.completedEngagements,
      noShows: row.noShows,
      accepted: row.proposalsAccepted,
      declined: row.proposalsDeclined,
      expired: row.proposalsExpired,
    })),
  }).toEqual({
    label,
    found: expected.map((row) => ({
      serviceOfferId: row.serviceOfferId,
      organisationId: row.organisationId,
      userId: row.userId,
      completed: row.completed,
      noShows: row.noShows,
      accepted: row.accepted,
      declined: row.declined,
      expired: row.expired,
    })),
  });
  found.forEach((row, position) => expect(row.distanceKm).toBeCloseTo(expected[position].distanceKm, 6));
  for (const stage of ['range', 'available', 'requirements'] as const) {
    const plain = await organisationReference(need, stage, { excludeProposed: false });
    expect({ label, stage, count: await countOrganisationCandidates(manager, need, stage) }).toEqual({
      label,
      stage,
      count: plain.length,
    });
  }
  return {
    offered: (await organisationReference(need, 'requirements', { excludeProposed: true })).length,
    walks,
  };
}

/** As in the worker's transaction: plain queries, and the connection of the query runner. */
function preparedManager(): EntityManager {
  return {
    query: async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows,
    queryRunner: { isReleased: false, connect: async () => client },
  } as unknown as EntityManager;
}

interface CountingManager {
  manager: EntityManager;
  /** Statements prepared on the connection since the last take. */
  take: () => number;
}

/** As preparedManager, counting the statements prepared on the connection (the searches' own). */
function countingManager(): CountingManager {
  let statements = 0;
  const counting = {
    query: (config: QueryConfig) => {
      statements += 1;
      return client.query(config);
    },
  };
  return {
    manager: {
      query: async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows,
      queryRunner: { isReleased: false, connect: async () => counting },
    } as unknown as EntityManager,
    take: () => {
      const taken = statements;
      statements = 0;
      return taken;
    },
  };
}

/**
 * The search and the per-stage counts against the reference for one need: returns how many
 * helpers pass each stage (the reference's counts, now known to be the engine's too).
 */
async function expectSameAsReference(
  manager: EntityManager,
  need: MatchableNeed,
  limit: number,
  label: string,
): Promise<{ found: string[]; expected: number; range: number; available: number }> {
  const expected = await reference(need, 'requirements', { excludeProposed: true });
  const found = await findCandidates(manager, need, limit);
  expect({ label, found: found.map((row) => row.volunteerId) }).toEqual({
    label,
    found: expected.slice(0, limit).map((row) => row.volunteerId),
  });
  found.forEach((row, position) => expect(row.distanceKm).toBeCloseTo(expected[position].distanceKm, 6));
  const counts: Partial<Record<CandidateStage, number>> = {};
  for (const stage of ['range', 'available', 'requirements'] as const) {
    const plain = await reference(need, stage, { excludeProposed: false });
    expect({ label, stage, count: await countCandidates(manager, need, stage) }).toEqual({
      label,
      stage,
      count: plain.length,
    });
    counts[stage] = plain.length;
  }
  return {
    found: found.map((row) => row.volunteerId),
    expected: expected.length,
    range: counts.range ?? 0,
    available: counts.available ?? 0,
  };
}

describe('candidate search against a plain reference query (seeded random territory)', () => {
  beforeAll(async () => {
    client = new Client({ connectionString: process.env.PROSSIMO_TEST_DATABASE_URL });
    await client.connect();
    await seedWorld();
  });

  afterAll(async () => {
    await client.end();
  });

  it('returns the same helpers, nearest first, and counts the same per stage, for every need drawn', async () => {
    const manager = preparedManager();
    const counted = countingManager();
    const random = new Random(SEED);
    let cutByLimit = 0;
    let exhausted = 0;
    let empty = 0;
    const organisations = { cutByLimit: 0, exhausted: 0, empty: 0 };
    /** How many searches took one, two or three walks of the offers. */
    const walks = new Map<number, number>();
    const everyWalkSeen = () => [1, 2, 3].every((taken) => (walks.get(taken) ?? 0) > 2);
    for (let index = 0; index < NEEDS_DRAWN || (!everyWalkSeen() && index < MAX_NEEDS_DRAWN); index++) {
      const { need, limit } = drawNeedWithComune(random);
      const label = `need ${index} (${JSON.stringify({ ...need, limit })})`;
      const { expected } = await expectSameAsReference(manager, need, limit, label);
      if (expected > limit) cutByLimit += 1;
      else if (expected > 0) exhausted += 1;
      else empty += 1;
      const { offered, walks: taken } = await expectOrganisationsSameAsReference(counted, need, limit, label);
      walks.set(taken, (walks.get(taken) ?? 0) + 1);
      if (offered > limit) organisations.cutByLimit += 1;
      else if (offered > 0) organisations.exhausted += 1;
      else organisations.empty += 1;
    }
    // The draw reaches every case: pools cut at the limit, pools smaller than it, nobody at all.
    expect(cutByLimit).toBeGreaterThan(5);
    expect(exhausted).toBeGreaterThan(5);
    expect(empty).toBeGreaterThan(0);
    expect(organisations.cutByLimit).toBeGreaterThan(2);
    expect(organisations.exhausted).toBeGreaterThan(3);
    expect(organisations.empty).toBeGreaterThan(3);
    // And every length of the organisations' walk: the first (1.25 offers per organisation wanted)
    // filled, a longer one needed (8 per organisation), and the whole area.
    // Each more than twice (the seed's ids are fixed, so every run draws the same searches).
    expect([...walks.keys()].sort()).toEqual([1, 2, 3]);
    expect(Math.min(...walks.values())).toBeGreaterThan(2);
  });

  it("gives the unmatched reason counting accredited organisations' offers too", async () => {
    const manager = {
      query: async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows,
    } as unknown as EntityManager;
    // Far south-west of the three towns: no volunteer within 5 km.
    const place = { lat: 44.02, lon: 7.01 };
    const {
      rows: [{ istat }],
    } = await client.query<{ istat: string }>(
      `SELECT max(istat) AS istat FROM comuni WHERE region = 'Piemonte'`,
    );
    // A Monday, 10:00-11:00 Rome time, two weeks on.
    const monday = new Date(base.getTime() + 14 * 86_400_000);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    monday.setUTCHours(9, 0, 0, 0);
    const need = (language: string) => ({
      id: needIds[0],
      category: 'home_help',
      comuneIstat: istat,
      ...place,
      maxDistanceKm: 5,
      language,
      beneficiaryId: null,
      citizenUserIds: [citizenIds[0]],
      slot: { start: monday, end: new Date(monday.getTime() + 3600_000) },
      ride: null,
    });
    expect(await unmatchedReasonOf(manager, need('it'))).toBe(UnmatchedReason.NO_HELPER_IN_RANGE);

    // An accredited cooperative serving 10 km around the place, open on Tuesdays only, in Italian.
    const {
      rows: [{ id: organisationId }],
    } = await client.query<{ id: string }>(
      `INSERT INTO organisations (kind, name, codice_fiscale, description, home_comune_istat)
       VALUES ('social_cooperative', 'Cooperativa Lontana', '80000000001', 'Servizi alla persona.', $1) RETURNING id`,
      [istat],
    );
    const {
      rows: [{ id: territoryId }],
    } = await client.query<{ id: string }>(
      `INSERT INTO territories (kind, name) VALUES ('comune', 'Comune lontano') RETURNING id`,
    );
    await client.query(`INSERT INTO territory_comuni (territory_id, comune_istat) VALUES ($1, $2)`, [
      territoryId,
      istat,
    ]);
    await client.query(
      `INSERT INTO organisation_accreditations (organisation_id, territory_id, status, decided_at)
       VALUES ($1, $2, 'accredited', now())`,
      [organisationId, territoryId],
    );
    await client.query(
      `INSERT INTO user_roles (user_id, role, organisation_id) VALUES ($1, 'organisation_admin', $2)`,
      [citizenIds[2], organisationId],
    );
    const {
      rows: [{ id: offerId }],
    } = await client.query<{ id: string }>(
      `INSERT INTO service_offers (organisation_id, title, category, description, radius_km, comune_istat, lat, lon,
         schedule, languages, price_model, price_unit, price_cents, min_cents_per_hour)
       VALUES ($1, 'Aiuto in casa', 'home_help', 'Pulizie e commissioni.', 10, $2, $3, $4,
               '[{"dayOfWeek": 2, "start": "08:00", "end": "18:00"}]', ARRAY['it'], 'fixed', 'hour', 1500, 1500)
       RETURNING id`,
      [organisationId, istat, place.lat + 0.01, place.lon],
    );
    await client.query(
      `INSERT INTO moderation_items (content_type, content_id, comune_istat, status, needs_review, summary)
       VALUES ('service_offer', $1, $2, 'published', false, 'Aiuto in casa')`,
      [offerId, istat],
    );
    expect(await unmatchedReasonOf(manager, need('it'))).toBe(UnmatchedReason.NONE_AVAILABLE);

    // Open on Mondays too: then only the language is wrong, and in Italian it could serve.
    await client.query(
      `UPDATE service_offers SET schedule = '[{"dayOfWeek": 1, "start": "08:00", "end": "18:00"}]' WHERE id = $1`,
      [offerId],
    );
    expect(await unmatchedReasonOf(manager, need('en'))).toBe(UnmatchedReason.REQUIREMENT_NOT_MET);
    expect(await unmatchedReasonOf(manager, need('it'))).toBe(UnmatchedReason.ALL_DECLINED);
  });

  it('answers "nobody free then" from the windows near the need, and follows a volunteer who moves', async () => {
    const manager = preparedManager();
    // A day past every other window (the weekly rules end 60 days on, the one-off windows within
    // three days): only the windows inserted here cover it.
    const slotStart = new Date(base.getTime() + 90 * 86_400_000);
    const slot = { start: slotStart, end: new Date(slotStart.getTime() + 3600_000) };
    // Volunteers who pass every other check at that time, a few of each town, free then.
    const { rows: free } = await client.query<{
      id: string;
      lat: number;
      lon: number;
      categories: string[];
      languages: string[];
    }>(
      `WITH eligible AS (
         SELECT v.id, v.home_lat AS lat, v.home_lon AS lon, v.categories, v.languages, v.comune_istat,
                row_number() OVER (PARTITION BY v.comune_istat ORDER BY v.display_name) AS n
           FROM volunteer_profiles v JOIN users u ON u.id = v.user_id
           JOIN moderation_items mi ON mi.content_type = 'volunteer_profile' AND mi.content_id = v.id
          WHERE u.status = 'active' AND u.phone_verified_at IS NOT NULL AND mi.status = 'published'
            AND v.travel_radius_km >= 10)
       SELECT id, lat, lon, categories, languages FROM eligible WHERE n <= 4 ORDER BY comune_istat, n`,
    );
    expect(free.length).toBe(12);
    await client.query(
      `INSERT INTO availability_windows (volunteer_id, kind, during)
       SELECT unnest($1::uuid[]), 'one_off', tstzrange($2::timestamptz - interval '1 hour', $3::timestamptz + interval '1 hour')`,
      [free.map((row) => row.id), slot.start, slot.end],
    );
    const needAt = (
      place: { lat: number; lon: number },
      category: string,
      maxDistanceKm: number | null,
      language = 'it',
    ) => ({
      id: needIds[20],
      category,
      lat: place.lat,
      lon: place.lon,
      maxDistanceKm,
      language,
      beneficiaryId: null,
      citizenUserIds: [citizenIds[2]],
      slot,
      ride: null,
    });

    // Needs around the towns at that time: some find one of those few, most find nobody free
    // although helpers are in range (the case the pre-check answers alone).
    const random = new Random(SEED + 1);
    let served = 0;
    let noneFree = 0;
    for (let index = 0; index < 40; index++) {
      const centre = random.pick(free);
      const place = {
        lat: centre.lat + (random.next() - 0.5) * 0.1,
        lon: centre.lon + (random.next() - 0.5) * 0.14,
      };
      const need = needAt(place, random.pick(CATEGORIES), random.pick([2, 5, 10, null]));
      const counts = await expectSameAsReference(
        manager,
        need,
        50,
        `late need ${index} (${JSON.stringify(need)})`,
      );
      if (counts.expected > 0) served += 1;
      if (counts.range > 0 && counts.available === 0) noneFree += 1;
    }
    expect(served).toBeGreaterThan(3);
    expect(noneFree).toBeGreaterThan(10);

    // One of them moves to another town, where nobody else is free then: found there at once
    // (their windows follow the home), no longer at the old one.
    const mover = free[0];
    const category = mover.categories[0];
    const speaks = mover.languages[0] ?? 'it';
    const far = free[free.length - 1];
    const there = { lat: far.lat + 0.05, lon: far.lon + 0.05 };
    const idle = await expectSameAsReference(
      manager,
      needAt(there, category, 3, speaks),
      50,
      'the new home, before',
    );
    expect(idle.found).not.toContain(mover.id);
    await client.query(`UPDATE volunteer_profiles SET home_lat = $2, home_lon = $3 WHERE id = $1`, [
      mover.id,
      there.lat,
      there.lon,
    ]);
    const moved = await expectSameAsReference(
      manager,
      needAt(there, category, 3, speaks),
      50,
      'the new home',
    );
    expect(moved.found).toContain(mover.id);
    const left = await expectSameAsReference(manager, needAt(mover, category, 1, speaks), 50, 'the old home');
    expect(left.found).not.toContain(mover.id);

    // A category taken up later: their windows count for it too.
    const other = CATEGORIES.find((name) => !mover.categories.includes(name)) ?? 'other';
    expect(
      (await expectSameAsReference(manager, needAt(there, other, 3, speaks), 50, 'a new category, before'))
        .found,
    ).not.toContain(mover.id);
    await client.query(`UPDATE volunteer_profiles SET categories = categories || $2::text WHERE id = $1`, [
      mover.id,
      other,
    ]);
    expect(
      (await expectSameAsReference(manager, needAt(there, other, 3, speaks), 50, 'a new category')).found,
    ).toContain(mover.id);

    // A window added after the move takes the new home: another time, the same place.
    const later = {
      start: new Date(slot.start.getTime() + 86_400_000),
      end: new Date(slot.end.getTime() + 86_400_000),
    };
    const laterNeed = { ...needAt(there, category, 3, speaks), slot: later };
    expect((await expectSameAsReference(manager, laterNeed, 50, 'a later window, before')).found).toEqual([]);
    await client.query(
      `INSERT INTO availability_windows (volunteer_id, kind, during) VALUES ($1, 'one_off', tstzrange($2, $3))`,
      [mover.id, later.start, later.end],
    );
    expect((await expectSameAsReference(manager, laterNeed, 50, 'a later window')).found).toEqual([mover.id]);
  });
});
