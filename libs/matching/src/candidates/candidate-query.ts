import { AVAILABILITY_TIME_ZONE, weeklySpanOf } from '@prossimo/community';
import { EntityManager } from 'typeorm';
import { CandidateFacts } from '../scoring/score';

/** What the candidate search needs to know about a need. */
export interface MatchableNeed {
  id: string;
  category: string;
  lat: number;
  lon: number;
  /** Null: only the helpers' own travel radius limits the distance. */
  maxDistanceKm: number | null;
  language: string;
  beneficiaryId: string | null;
  /** The author and the person it is for: never their own helper, and their blocks apply. */
  citizenUserIds: string[];
  slot: { start: Date; end: Date };
  ride: { wheelchair: boolean; passengers: number } | null;
}

export interface CandidateRow extends CandidateFacts {
  volunteerId: string;
  userId: string;
  displayName: string;
}

/** Travel radii are at most 100 km (volunteer_profiles check), so this bounds every search. */
const MAX_RADIUS_KM = 100;

/**
 * Hard constraints in stages, so that when nobody is left the operator learns why:
 * 'range' (category, distance, verified phone, published profile, not blocked), then
 * 'available' (an availability window covering the slot, no overlapping engagement, weekly
 * hours), then 'requirements' (vehicle for rides, language).
 */
export type CandidateStage = 'range' | 'available' | 'requirements';

function conditions(need: MatchableNeed, params: unknown[], upTo: CandidateStage): string[] {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const maxMeters = Math.min(need.maxDistanceKm ?? MAX_RADIUS_KM, MAX_RADIUS_KM) * 1000;
  const here = `ll_to_earth(${p(need.lat)}::float8, ${p(need.lon)}::float8)`;
  const meters = p(maxMeters);
  const citizens = p(need.citizenUserIds);
  const out = [
    `${p(need.category)} = ANY(v.categories)`,
    // The box uses the GiST index on the homes; the exact distance then trims its corners.
    `earth_box(${here}, ${meters}::float8) @> ll_to_earth(v.home_lat, v.home_lon)`,
    `earth_distance(${here}, ll_to_earth(v.home_lat, v.home_lon)) <= least(${meters}::float8, v.travel_radius_km * 1000)`,
    `EXISTS (SELECT 1 FROM moderation_items mi WHERE mi.content_type = 'volunteer_profile'
       AND mi.content_id = v.id AND mi.status = 'published')`,
    `v.user_id <> ALL(${citizens}::uuid[])`,
    `NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocked_user_id = v.user_id
       AND ub.blocker_user_id = ANY(${citizens}::uuid[]))`,
  ];
  if (upTo === 'range') return out;

  const start = p(need.slot.start);
  const end = p(need.slot.end);
  const free = [`(aw.kind = 'one_off' AND aw.during @> tstzrange(${start}, ${end}, '[)'))`];
  const span = weeklySpanOf(need.slot.start, need.slot.end, AVAILABILITY_TIME_ZONE);
  if (span) {
    free.push(`(aw.kind = 'recurring' AND aw.week_span @> int4range(${p(span.start)}, ${p(span.end)})
        AND aw.validity @> ${p(span.date)}::date)`);
  }
  // Per nearby helper through the volunteer index (a few windows each): an IN over every window
  // of the region free at that time hashed tens of thousands of rows (bench:matching).
  out.push(
    `EXISTS (SELECT 1 FROM availability_windows aw WHERE aw.volunteer_id = v.id AND (${free.join(' OR ')}))`,
  );
  // The same live statuses as the exclusion constraint (an organisation's engagement does not
  // hold the time of the member who accepted it).
  out.push(`NOT EXISTS (SELECT 1 FROM engagements e WHERE e.helper_user_id = v.user_id
     AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress') AND e.service_offer_id IS NULL
     AND e.during && tstzrange(${start}, ${end}, '[)'))`);
  // The weekly limit counts the local (Rome) week the slot starts in, this slot included.
  out.push(`coalesce((SELECT sum(coalesce(e.hours_logged, extract(epoch FROM upper(e.during) - lower(e.during)) / 3600))
       FROM engagements e WHERE e.helper_user_id = v.user_id
        AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress', 'completed') AND e.service_offer_id IS NULL
        AND date_trunc('week', lower(e.during) AT TIME ZONE 'Europe/Rome')
          = date_trunc('week', ${start}::timestamptz AT TIME ZONE 'Europe/Rome')), 0)
     + extract(epoch FROM ${end}::timestamptz - ${start}::timestamptz) / 3600 <= v.weekly_hour_limit`);
  if (upTo === 'available') return out;

  if (need.ride) {
    out.push(`coalesce(v.vehicle_seats, 0) >= ${p(need.ride.passengers)}`);
    if (need.ride.wheelchair) out.push(`v.vehicle_wheelchair_accessible`);
  }
  // A helper without languages listed is taken to speak Italian.
  out.push(
    `(${p(need.language)} = ANY(v.languages) OR (cardinality(v.languages) = 0 AND $${params.length} = 'it'))`,
  );
  return out;
}

/** How many helpers pass the hard constraints up to a stage (for the unmatched reason). */
export async function countCandidates(
  manager: EntityManager,
  need: MatchableNeed,
  upTo: CandidateStage,
): Promise<number> {
  const params: unknown[] = [];
  const where = conditions(need, params, upTo);
  const [row]: { n: number }[] = await manager.query(
    `SELECT count(*)::int AS n FROM volunteer_profiles v
       JOIN users u ON u.id = v.user_id AND u.status = 'active' AND u.phone_verified_at IS NOT NULL
      WHERE ${where.join(' AND ')}`,
    params,
  );
  return row.n;
}

/**
 * Every helper who meets all hard constraints and has not answered a proposal for this need yet
 * (a proposal withdrawn because someone else accepted does not count: the need is back on the
 * market only when that helper dropped out),
 * with the facts the score needs. Nearest first, at most `limit` (the score then re-ranks them).
 */
export async function findCandidates(
  manager: EntityManager,
  need: MatchableNeed,
  limit: number,
  options: { helperUserId?: string } = {},
): Promise<CandidateRow[]> {
  const params: unknown[] = [];
  const where = conditions(need, params, 'requirements');
  // An operator assigning by hand: the same hard constraints, for one chosen helper.
  if (options.helperUserId) {
    params.push(options.helperUserId);
    where.push(`v.user_id = $${params.length}::uuid`);
  }
  params.push(need.id);
  const needParam = `$${params.length}`;
  params.push(need.beneficiaryId);
  const beneficiaryParam = `$${params.length}`;
  params.push(need.lat, need.lon);
  const here = `ll_to_earth($${params.length - 1}::float8, $${params.length}::float8)`;
  params.push(Math.min(need.maxDistanceKm ?? MAX_RADIUS_KM, MAX_RADIUS_KM));
  const maxKm = `$${params.length}::float8`;
  params.push(limit);
  const rows: CandidateRow[] = await manager.query(
    `SELECT v.id AS "volunteerId", v.user_id AS "userId", v.display_name AS "displayName",
            earth_distance(${here}, ll_to_earth(v.home_lat, v.home_lon)) / 1000 AS "distanceKm",
            least(${maxKm}, v.travel_radius_km) AS "maxDistanceKm",
            coalesce(ra.review_count, 0) AS "ratingCount", coalesce(ra.overall_sum, 0)::float8 AS "ratingSum",
            es.completed AS "completedEngagements", es.no_shows AS "noShows",
            es.hours_30 AS "hoursLast30Days", es.good_with_citizen AS "previousGoodEngagementsWithCitizen",
            ps.accepted AS "proposalsAccepted", ps.declined AS "proposalsDeclined", ps.expired AS "proposalsExpired"
       FROM volunteer_profiles v
       JOIN users u ON u.id = v.user_id AND u.status = 'active' AND u.phone_verified_at IS NOT NULL
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE e.status = 'completed')::int AS completed,
                count(*) FILTER (WHERE e.status = 'no_show')::int AS no_shows,
                coalesce(sum(e.hours_logged) FILTER (WHERE e.status = 'completed'
                  AND e.completed_at > now() - interval '30 days'), 0)::float8 AS hours_30,
                count(*) FILTER (WHERE e.status = 'completed' AND n.beneficiary_id = ${beneficiaryParam}::uuid
                  AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.engagement_id = e.id
                    AND r.author_side = 'citizen' AND r.overall_stars < 4))::int AS good_with_citizen
           FROM engagements e JOIN needs n ON n.id = e.need_id
          WHERE e.helper_user_id = v.user_id) es
       LEFT JOIN review_aggregates ra ON ra.subject_kind = 'volunteer' AND ra.subject_id = v.user_id
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE mp.status = 'accepted')::int AS accepted,
                count(*) FILTER (WHERE mp.status = 'declined')::int AS declined,
                count(*) FILTER (WHERE mp.status = 'expired')::int AS expired
           FROM match_proposals mp WHERE mp.helper_user_id = v.user_id) ps
      WHERE ${where.join(' AND ')}
        AND NOT EXISTS (SELECT 1 FROM match_proposals mp WHERE mp.need_id = ${needParam}::uuid
              AND mp.helper_user_id = v.user_id AND mp.status <> 'withdrawn')
      ORDER BY ll_to_earth(v.home_lat, v.home_lon) <-> ${here}, v.id
      LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => ({
    ...row,
    distanceKm: Number(row.distanceKm),
    maxDistanceKm: Number(row.maxDistanceKm),
    hoursLast30Days: Number(row.hoursLast30Days),
  }));
}
