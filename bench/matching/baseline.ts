import { Client } from 'pg';

/** What the baseline needs to know about a need (bench/matching/main.ts's MatchableNeed). */
export interface BaselineNeed {
  id: string;
  comuneIstat: string;
  lat: number;
  lon: number;
  maxDistanceKm: number | null;
  language: string;
  citizenUserIds: string[];
  slot: { start: Date; end: Date };
  ride: { wheelchair: boolean; passengers: number } | null;
  /** weeklySpanOf(slot) in Rome: minutes of the week and the local date, null when over a day. */
  span: { start: number; end: number; date: string } | null;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The baseline of the online measure (issue 18): the engine's hard constraints, for volunteers and
 * organisations alike, written as one plain statement, prepared once on the connection (a named
 * statement), on the same indexes: the nearest eligible volunteers by a distance-ordered walk of
 * the rides category's homes (migration 1763701400000's partial GiST index), and each
 * organisation's nearest eligible offer by a distance-ordered walk of the offers open at that
 * time (migration 1763703000000's index), 50 of each. What it leaves out is the engine's own
 * work beyond the filters: the track-record statistics and the scoring of the pool, the walk of
 * the free windows instead of the homes, and the checks in a fixed order.
 */
const SQL = `
WITH here AS (SELECT ll_to_earth($1::float8, $2::float8) AS p),
volunteers AS (
  SELECT v.user_id, NULL::uuid AS organisation_id, ll_to_earth(v.home_lat, v.home_lon) <-> here.p AS chord
    FROM volunteer_profiles v, here
   WHERE 'rides_and_accompaniment'::text = ANY(v.categories)
     AND earth_box(here.p, $3::float8) @> ll_to_earth(v.home_lat, v.home_lon)
     AND earth_distance(here.p, ll_to_earth(v.home_lat, v.home_lon)) <= least($3::float8, v.travel_radius_km * 1000)
     AND v.user_id <> ALL($4::uuid[])
     AND ($12::int IS NULL OR coalesce(v.vehicle_seats, 0) >= $12::int)
     AND (NOT $13::bool OR v.vehicle_wheelchair_accessible)
     AND ($11::text = ANY(v.languages) OR (cardinality(v.languages) = 0 AND $11::text = 'it'))
     AND EXISTS (SELECT 1 FROM users u WHERE u.id = v.user_id AND u.status = 'active' AND u.phone_verified_at IS NOT NULL)
     AND EXISTS (SELECT 1 FROM moderation_items mi WHERE mi.content_type = 'volunteer_profile' AND mi.content_id = v.id
                    AND mi.status = 'published')
     AND NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocked_user_id = v.user_id AND ub.blocker_user_id = ANY($4::uuid[]))
     AND EXISTS (SELECT 1 FROM availability_windows aw WHERE aw.volunteer_id = v.id
                    AND ((aw.kind = 'one_off' AND aw.during @> tstzrange($5::timestamptz, $6::timestamptz, '[)'))
                      OR (aw.kind = 'recurring' AND $7::int IS NOT NULL AND aw.week_span @> int4range($7::int, $8::int)
                          AND aw.validity @> $9::date)))
     AND NOT EXISTS (SELECT 1 FROM engagements e WHERE e.helper_user_id = v.user_id AND e.service_offer_id IS NULL
                        AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress')
                        AND e.during && tstzrange($5::timestamptz, $6::timestamptz, '[)'))
     AND coalesce((SELECT sum(coalesce(e.hours_logged, extract(epoch FROM upper(e.during) - lower(e.during)) / 3600))
                     FROM engagements e WHERE e.helper_user_id = v.user_id AND e.service_offer_id IS NULL
                      AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress', 'completed')
                      AND date_trunc('week', lower(e.during) AT TIME ZONE 'Europe/Rome')
                        = date_trunc('week', $5::timestamptz AT TIME ZONE 'Europe/Rome')), 0)
         + extract(epoch FROM $6::timestamptz - $5::timestamptz) / 3600 <= v.weekly_hour_limit
     AND NOT EXISTS (SELECT 1 FROM match_proposals mp WHERE mp.need_id = $10::uuid AND mp.helper_user_id = v.user_id
                        AND mp.status <> 'withdrawn')
   ORDER BY ll_to_earth(v.home_lat, v.home_lon) <-> here.p
   LIMIT 50),
offers AS (
  SELECT so.id, so.organisation_id, so.earth <-> here.p AS chord
    FROM service_offers so, here
   WHERE so.status = 'active' AND so.category = 'rides_and_accompaniment'
     AND so.open_minutes @> int4range(coalesce($7::int, 0), coalesce($8::int, 10080), '[]')
     AND (earth_box(here.p, (SELECT coalesce(max(w.radius_km) * 1000, 0) FROM service_offers w
                               WHERE w.status = 'active' AND w.category = 'rides_and_accompaniment')) @> so.earth
          OR so.area_comuni @> ARRAY[$14::char(6)])
     AND ($14::char(6) = ANY(so.area_comuni)
          OR (so.radius_km IS NOT NULL AND earth_distance(here.p, so.earth) <= so.radius_km * 1000))
     AND ($11::text = ANY(so.languages) OR (cardinality(so.languages) = 0 AND $11::text = 'it'))
     AND ($12::int IS NULL OR so.vehicle_seats IS NULL OR so.vehicle_seats >= $12::int)
     AND (NOT $13::bool OR so.wheelchair_transport)
     AND EXISTS (SELECT 1 FROM moderation_items mi WHERE mi.content_type = 'service_offer' AND mi.content_id = so.id
                    AND mi.status = 'published')
     AND (jsonb_array_length(so.schedule) = 0 OR ($7::int IS NOT NULL AND EXISTS (
            SELECT 1 FROM jsonb_to_recordset(so.schedule) AS s("dayOfWeek" int, start text, "end" text)
             WHERE s."dayOfWeek" = $15::int AND s.start COLLATE "C" <= $16::text AND s."end" COLLATE "C" >= $17::text)))
     AND (so.capacity IS NULL OR so.capacity > (SELECT count(*) FROM engagements e WHERE e.service_offer_id = so.id
            AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress')
            AND e.during && tstzrange($5::timestamptz, $6::timestamptz, '[)')))),
organisations AS (
  SELECT DISTINCT ON (so.organisation_id) contact.user_id, so.organisation_id, so.chord
    FROM offers so JOIN organisations o ON o.id = so.organisation_id
    CROSS JOIN LATERAL (
      SELECT ur.user_id FROM user_roles ur JOIN users u ON u.id = ur.user_id AND u.status = 'active'
       WHERE ur.organisation_id = o.id AND ur.role IN ('organisation_admin', 'organisation_operator')
       ORDER BY (ur.role = 'organisation_admin') DESC, ur.created_at, ur.user_id LIMIT 1) contact
   WHERE EXISTS (SELECT 1 FROM organisation_accreditations oa JOIN territory_comuni tc ON tc.territory_id = oa.territory_id
                  WHERE oa.organisation_id = o.id AND oa.status = 'accredited' AND tc.comune_istat = $14::char(6))
     AND contact.user_id <> ALL($4::uuid[])
     AND NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocked_user_id = contact.user_id
                        AND ub.blocker_user_id = ANY($4::uuid[]))
     AND NOT EXISTS (SELECT 1 FROM match_proposals mp WHERE mp.need_id = $10::uuid AND mp.organisation_id = o.id
                        AND mp.status <> 'withdrawn')
   ORDER BY so.organisation_id, so.chord, so.id)
SELECT * FROM volunteers
UNION ALL
(SELECT * FROM organisations ORDER BY chord, organisation_id LIMIT 50)`;

/** Runs the baseline for one need on `client` (prepared there on its first run); returns the rows. */
export async function baselineCandidates(
  client: Client,
  need: BaselineNeed,
): Promise<{ user_id: string; organisation_id: string | null }[]> {
  const { span } = need;
  const day = span ? Math.floor(span.start / 1440) + 1 : null;
  const base = day === null ? 0 : (day - 1) * 1440;
  const { rows } = await client.query<{ user_id: string; organisation_id: string | null }>({
    name: 'bench-matching-baseline',
    text: SQL,
    values: [
      need.lat,
      need.lon,
      Math.min(need.maxDistanceKm ?? 100, 100) * 1000,
      need.citizenUserIds,
      need.slot.start,
      need.slot.end,
      span?.start ?? null,
      span?.end ?? null,
      span?.date ?? null,
      need.id,
      need.language,
      need.ride?.passengers ?? null,
      need.ride?.wheelchair ?? false,
      need.comuneIstat,
      day,
      span ? hhmm(span.start - base) : null,
      span ? hhmm(span.end - base) : null,
    ],
  });
  return rows;
}
