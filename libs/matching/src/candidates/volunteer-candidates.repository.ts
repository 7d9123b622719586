// The candidate search's repository for volunteers: the SQL over engagements and match_proposals
// (matching's), with volunteer profiles and availability windows through community's SQL parts,
// needs through requests', users through identity's, publication through moderation's and
// reviews through reputation's. Module functions, not an injectable class: rankedCandidates, a free function shared by
// the engine, manual assignment, the staff's candidate list and the batch engine, calls them. The
// searches run as named prepared statements (queryPreparedIn): keep them so.
import {
  AVAILABILITY_TIME_ZONE,
  availabilityWindowsAs,
  HELP_CATEGORIES,
  VOLUNTEER_PROFILES_AS_V,
  weeklySpanOf,
} from '@prossimo/community';
import { activeVerifiedUserSql } from '@prossimo/identity';
import { ContentType, itemPublishedSql } from '@prossimo/moderation';
import { queryPreparedIn } from '@prossimo/platform';
import { leftJoinReviewAggregateSql, poorCitizenReviewSql } from '@prossimo/reputation';
import { EntityManager } from 'typeorm';
import { CandidateFacts } from '../scoring/score';
import { joinNeedSql } from '@prossimo/requests';

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

/**
 * `ll_to_earth(lat, lon)` written out: the same point (the function's own body, bar the domain
 * check), without a SQL function call per use. ll_to_earth is not inlined (strict, with a domain
 * cast), and in a generic plan ll_to_earth of two parameters was called again for every helper
 * or offer a search walked, each call costing about as much as the helper's other checks.
 */
function earthPoint(lat: string, lon: string): string {
  return `cube(cube(cube(earth() * cos(radians(${lat})) * cos(radians(${lon}))),
    earth() * cos(radians(${lat})) * sin(radians(${lon}))), earth() * sin(radians(${lat})))`;
}

/** The need's place as an earth point, from two new parameters. */
export function needPoint(need: { lat: number; lon: number }, p: (value: unknown) => string): string {
  return earthPoint(`${p(need.lat)}::float8`, `${p(need.lon)}::float8`);
}

/**
 * The great-circle distance in metres of a chord (`<->` between two earth points): earthdistance's
 * sec_to_gc written out, so the same value as earth_distance() of the two points (a strict SQL
 * function with a CASE, never inlined: a call per row). A chord is never negative nor longer
 * than the diameter, so the CASE's other branches never apply.
 */
export function metresOfChord(chord: string): string {
  return `(2 * earth() * asin(${chord} / (2 * earth())))`;
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

/**
 * The category as a SQL literal, so that the planner can use that category's partial GiST index
 * on the homes (migration 1763701400000): a bound parameter would hide which index applies.
 * Only the known categories (a validated enum) are inlined; anything else stays a parameter.
 */
function categoryTerm(category: string, p: (value: unknown) => string): string {
  return isKnownCategory(category) ? `'${category}'::text` : `${p(category)}::text`;
}

/** A known category: inlined as a literal, and with its partial indexes (homes, windows). */
function isKnownCategory(category: string): boolean {
  return (HELP_CATEGORIES as string[]).includes(category) && /^[a-z_]+$/.test(category);
}

/**
 * The per-helper look-ups (sub-selects), checked one after the other in this order once the
 * helper's own columns have passed: the one that most often rules a helper out first (an
 * availability window at that time), the ones that almost never do last.
 */
const CHECK_ORDER = [
  'available',
  'free',
  'weeklyHours',
  'notProposed',
  'active',
  'published',
  'notBlocked',
  'firstWindow',
] as const;
type CheckName = (typeof CHECK_ORDER)[number];

interface Conditions {
  /** The category and the box on the helper's home: the index conditions of the homes' walk. */
  place: string[];
  /** On the helper's row: the planner checks these first. */
  row: string[];
  /** Sub-selects by name: see CHECK_ORDER. */
  checks: Partial<Record<CheckName, string>>;
  /**
   * From the 'available' stage on, for a category with a (home, times) index on the windows
   * (migration 1763702300000): a window of the category in the box (`near`), and free at the
   * slot (`free`, one condition per kind of window), both on a window aliased as given.
   */
  windows?: { near: (alias: string) => string; free: ((alias: string) => string)[] };
}

/**
 * Every condition in one WHERE: the row conditions, then the sub-selects in CHECK_ORDER. They go
 * in one CASE because PostgreSQL evaluates CASE branches in order, while it would reorder plain
 * ANDed conditions by its own cost guesses; `OFFSET 0` keeps each (NOT) EXISTS a per-row check
 * instead of a join, so the search stays a single distance-ordered scan of the homes (and plans
 * in a few joins instead of a dozen).
 */
function whereOf({ place, row, checks }: Conditions): string {
  const ordered = CHECK_ORDER.flatMap((name) => (checks[name] ? [checks[name]] : []));
  if (ordered.length === 0) return [...place, ...row].join(' AND ');
  return [...place, ...row, checkedInOrder(ordered)].join(' AND ');
}

/**
 * Conditions checked one after the other, in the order given (see whereOf: PostgreSQL would
 * reorder an AND); a null fails, as it would in a WHERE.
 */
export function checkedInOrder(conditions: string[]): string {
  return `CASE ${conditions.map((condition) => `WHEN (${condition}) IS NOT TRUE THEN false`).join(' ')} ELSE true END`;
}

/**
 * `chord`: the SQL of the chord from the need's place to the helper's home, where the search
 * has it already (the windows' walk); by default computed from the home.
 */
function conditions(
  need: MatchableNeed,
  params: unknown[],
  upTo: CandidateStage,
  chord?: string,
): Conditions {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const maxMeters = Math.min(need.maxDistanceKm ?? MAX_RADIUS_KM, MAX_RADIUS_KM) * 1000;
  const here = needPoint(need, p);
  const meters = p(maxMeters);
  const citizens = p(need.citizenUserIds);
  const category = categoryTerm(need.category, p);
  const place = [
    `${category} = ANY(v.categories)`,
    // The box is the index condition of the scan (it bounds the walk); the exact distance then
    // trims its corners and applies the helper's own travel radius.
    `earth_box(${here}, ${meters}::float8) @> ll_to_earth(v.home_lat, v.home_lon)`,
  ];
  const row = [
    `${metresOfChord(chord ?? `(ll_to_earth(v.home_lat, v.home_lon) <-> ${here})`)} <= least(${meters}::float8, v.travel_radius_km * 1000)`,
    `v.user_id <> ALL(${citizens}::uuid[])`,
  ];
  const checks: Conditions['checks'] = {
    active: activeVerifiedUserSql('v.user_id', { offsetZero: true }),
    published: itemPublishedSql(ContentType.VOLUNTEER_PROFILE, 'v.id', { fence: true }),
    notBlocked: `NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocked_user_id = v.user_id
       AND ub.blocker_user_id = ANY(${citizens}::uuid[]) OFFSET 0)`,
  };
  if (upTo === 'range') return { place, row, checks };

  const start = p(need.slot.start);
  const end = p(need.slot.end);
  const freeWindow = [
    (aw: string) => `(${aw}.kind = 'one_off' AND ${aw}.during @> tstzrange(${start}, ${end}, '[)'))`,
  ];
  const span = weeklySpanOf(need.slot.start, need.slot.end, AVAILABILITY_TIME_ZONE);
  if (span) {
    const [from, to, date] = [p(span.start), p(span.end), p(span.date)];
    freeWindow.push(
      (aw) => `(${aw}.kind = 'recurring' AND ${aw}.week_span @> int4range(${from}, ${to})
        AND ${aw}.validity @> ${date}::date)`,
    );
  }
  const free = freeWindow.map((window) => window('aw'));
  // Per nearby helper through the volunteer index (a few windows each): an IN over every window
  // of the region free at that time hashed tens of thousands of rows (bench:matching). The
  // inner OFFSET 0 fences the helper's windows off, so that the planner does not AND in the
  // time indexes of every window (a prepared plan did, at a millisecond per helper). Only the
  // columns the covering index holds, so the check reads the index alone.
  checks.available = `EXISTS (SELECT 1 FROM (SELECT aw.kind, aw.during, aw.week_span, aw.validity
         FROM ${availabilityWindowsAs('aw')} WHERE aw.volunteer_id = v.id OFFSET 0) aw
       WHERE ${free.join(' OR ')} OFFSET 0)`;
  // The windows' copy of the home and categories: only for the categories that have the index
  // (those inlined as literals); for another one a walk of the windows would read them all.
  const windows: Conditions['windows'] = category.startsWith('$')
    ? undefined
    : {
        near: (aw) => `${category} = ANY(${aw}.categories)
         AND earth_box(${here}, ${meters}::float8) @> ll_to_earth(${aw}.home_lat, ${aw}.home_lon)`,
        free: freeWindow,
      };
  // The same live statuses as the exclusion constraint (an organisation's engagement does not
  // hold the time of the member who accepted it).
  checks.free = `NOT EXISTS (SELECT 1 FROM engagements e WHERE e.helper_user_id = v.user_id
     AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress') AND e.service_offer_id IS NULL
     AND e.during && tstzrange(${start}, ${end}, '[)') OFFSET 0)`;
  // The weekly limit counts the local (Rome) week the slot starts in, this slot included.
  checks.weeklyHours = `coalesce((SELECT sum(coalesce(e.hours_logged, extract(epoch FROM upper(e.during) - lower(e.during)) / 3600))
       FROM engagements e WHERE e.helper_user_id = v.user_id
        AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress', 'completed') AND e.service_offer_id IS NULL
        AND date_trunc('week', lower(e.during) AT TIME ZONE 'Europe/Rome')
          = date_trunc('week', ${start}::timestamptz AT TIME ZONE 'Europe/Rome')), 0)
     + extract(epoch FROM ${end}::timestamptz - ${start}::timestamptz) / 3600 <= v.weekly_hour_limit`;
  if (upTo === 'available') return { place, row, checks, windows };

  if (need.ride) {
    row.push(`coalesce(v.vehicle_seats, 0) >= ${p(need.ride.passengers)}`);
    if (need.ride.wheelchair) row.push(`v.vehicle_wheelchair_accessible`);
  }
  // A helper without languages listed is taken to speak Italian.
  row.push(
    `(${p(need.language)} = ANY(v.languages) OR (cardinality(v.languages) = 0 AND $${params.length} = 'it'))`,
  );
  return { place, row, checks, windows };
}

/** How many helpers pass the hard constraints up to a stage (for the unmatched reason). */
export async function countCandidates(
  manager: EntityManager,
  need: MatchableNeed,
  upTo: CandidateStage,
): Promise<number> {
  const params: unknown[] = [];
  const found = conditions(need, params, upTo);
  // Before counting, once: is any window of the category in the box free then? A necessary
  // condition of the availability check, so it changes no count; when it fails (the unmatched
  // "none available then") the count never starts (a one-time filter) instead of checking every
  // helper in the box.
  const { windows } = found;
  if (windows) {
    found.row.unshift(
      `(${windows.free
        .map(
          (free) =>
            `EXISTS (SELECT 1 FROM ${availabilityWindowsAs('aw')} WHERE ${windows.near('aw')} AND ${free('aw')})`,
        )
        .join(' OR ')})`,
    );
  }
  const where = whereOf(found);
  const [row]: { n: number }[] = await manager.query(
    `SELECT count(*)::int AS n FROM ${VOLUNTEER_PROFILES_AS_V} WHERE ${where}`,
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
  // The windows' walk (below) computes each home's chord as it goes: the distance uses it.
  const where = conditions(
    need,
    params,
    'requirements',
    isKnownCategory(need.category) ? 'w.chord' : undefined,
  );
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // An operator assigning by hand: the same hard constraints, for one chosen helper.
  if (options.helperUserId) where.row.push(`v.user_id = ${p(options.helperUserId)}::uuid`);
  where.checks.notProposed = `NOT EXISTS (SELECT 1 FROM match_proposals mp WHERE mp.need_id = ${p(need.id)}::uuid
       AND mp.helper_user_id = v.user_id AND mp.status <> 'withdrawn' OFFSET 0)`;
  const beneficiary = p(need.beneficiaryId);
  const here = needPoint(need, p);
  const maxKm = `${p(Math.min(need.maxDistanceKm ?? MAX_RADIUS_KM, MAX_RADIUS_KM))}::float8`;
  const limitParam = `${p(limit)}::int`;
  // For a category with its (home, times) index on the windows, the walk goes over the windows
  // free at the slot instead of the homes: the two kinds of window, each nearest first on that
  // index (box and time both index conditions), merged by distance, each joined to its helper.
  // Helpers without a window then are never visited: a need few are free for no longer walks
  // every helper in its box to find them (bench:matching's tail). The window's availability
  // is the check itself, and a helper with several windows free then counts once, at the first
  // of them (by id), so the pool counts helpers, not windows.
  let from = 'volunteer_profiles v';
  let order = `ll_to_earth(v.home_lat, v.home_lon) <-> ${here}`;
  const { windows } = where;
  if (windows) {
    const walks = windows.free.map(
      (free) => `(SELECT aw.id AS window_id, aw.volunteer_id,
                  ll_to_earth(aw.home_lat, aw.home_lon) <-> ${here} AS chord
             FROM ${availabilityWindowsAs('aw')} WHERE ${windows.near('aw')} AND ${free('aw')}
            ORDER BY ll_to_earth(aw.home_lat, aw.home_lon) <-> ${here})`,
    );
    // The window's copy of the home and categories is exact (triggers), so they need no second
    // look on the helper's row; OFFSET 0 keeps the helper a look-up per window, in the walk's order.
    from = `(${walks.join(' UNION ALL ')}) w
           CROSS JOIN LATERAL (SELECT * FROM ${VOLUNTEER_PROFILES_AS_V} WHERE v.id = w.volunteer_id OFFSET 0) v`;
    order = 'w.chord';
    where.place = [];
    delete where.checks.available;
    where.checks.firstWindow = `NOT EXISTS (SELECT 1 FROM ${availabilityWindowsAs('o')} WHERE o.volunteer_id = v.id
       AND o.id < w.window_id AND (${windows.free.map((free) => free('o')).join(' OR ')}) OFFSET 0)`;
  }
  const chord = windows ? 'w.chord' : `(ll_to_earth(v.home_lat, v.home_lon) <-> ${here})`;
  // The inner scan walks the category's homes nearest first inside the need's box (a GiST
  // distance-ordered scan: `<->` with the box as index condition) and stops at the pool size,
  // so a dense town costs the pool, not the town. Ties on the last distance all come along
  // (WITH TIES) and the outer ORDER BY ... id picks among them, as a plain sort would.
  // The pool size is a sub-select on purpose: with a LIMIT it cannot see, the planner favours
  // the fast-start ordered scan over "fetch the whole box, then sort" (whose estimate, from a
  // fixed box selectivity, is otherwise a coin toss).
  // The scoring facts are gathered for the pool only.
  // Prepared once per connection and shape (category, ride or not, ...): planning this query
  // cost about as much as running it.
  const rows = await queryPreparedIn<CandidateRow>(
    manager,
    `SELECT v."volunteerId", v."userId", v."displayName", v."distanceKm", v."maxDistanceKm",
            coalesce(ra.review_count, 0) AS "ratingCount", coalesce(ra.overall_sum, 0)::float8 AS "ratingSum",
            es.completed AS "completedEngagements", es.no_shows AS "noShows",
            es.hours_30 AS "hoursLast30Days", es.good_with_citizen AS "previousGoodEngagementsWithCitizen",
            ps.accepted AS "proposalsAccepted", ps.declined AS "proposalsDeclined", ps.expired AS "proposalsExpired"
       FROM (
         SELECT v.id AS "volunteerId", v.user_id AS "userId", v.display_name AS "displayName",
                ${metresOfChord(chord)} / 1000 AS "distanceKm",
                least(${maxKm}, v.travel_radius_km) AS "maxDistanceKm",
                ${chord} AS chord
           FROM ${from}
          WHERE ${whereOf(where)}
          ORDER BY ${order}
          FETCH FIRST (SELECT ${limitParam}) ROWS WITH TIES) v
       ${trackRecordJoins(beneficiary, 'e.helper_user_id', 'volunteer', 'mp.helper_user_id', 'v."userId"')}
      ORDER BY v.chord, v."volunteerId"
      LIMIT ${limitParam}`,
    params,
  );
  return rows.map((row) => ({
    ...row,
    distanceKm: Number(row.distanceKm),
    maxDistanceKm: Number(row.maxDistanceKm),
    hoursLast30Days: Number(row.hoursLast30Days),
  }));
}

/**
 * The helper's track record for the score, joined to each candidate row: engagements (completed,
 * no-shows, hours in the last 30 days, good help to this beneficiary), review aggregates and
 * proposal answers. Volunteers and organisations differ only in the columns that name them.
 */
export function trackRecordJoins(
  beneficiary: string,
  engagementColumn: string,
  subjectKind: 'volunteer' | 'organisation',
  proposalColumn: string,
  subject: string,
): string {
  return `CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE e.status = 'completed')::int AS completed,
                count(*) FILTER (WHERE e.status = 'no_show')::int AS no_shows,
                coalesce(sum(e.hours_logged) FILTER (WHERE e.status = 'completed'
                  AND e.completed_at > now() - interval '30 days'), 0)::float8 AS hours_30,
                count(*) FILTER (WHERE e.status = 'completed' AND n.beneficiary_id = ${beneficiary}::uuid
                  AND NOT ${poorCitizenReviewSql('e.id')})::int AS good_with_citizen
           FROM engagements e ${joinNeedSql('e.need_id')}
          WHERE ${engagementColumn} = ${subject}) es
       ${leftJoinReviewAggregateSql(subjectKind, subject)}
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE mp.status = 'accepted')::int AS accepted,
                count(*) FILTER (WHERE mp.status = 'declined')::int AS declined,
                count(*) FILTER (WHERE mp.status = 'expired')::int AS expired
           FROM match_proposals mp WHERE ${proposalColumn} = ${subject}) ps`;
}
