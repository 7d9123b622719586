// The indicator SQL, built from a resolved scope. Pure string building (no Nest, no TypeORM), so
// that the benchmark runs exactly the same statements with a bare `pg` client.
import { Granularity, INDICATOR_TIME_ZONE, nextLocalDate } from './indicator-period';

/** What one indicator request covers, after authorisation. */
export interface IndicatorScope {
  /** ISTAT codes of the Comuni covered; null means every Comune (platform admins only). */
  comuni: string[] | null;
  /** First local day included (YYYY-MM-DD, Europe/Rome). */
  from: string;
  /** Last local day included. */
  to: string;
  category: string | null;
  granularity: Granularity;
  byComune: boolean;
  byCategory: boolean;
}

export interface IndicatorStatement {
  sql: string;
  params: unknown[];
}

/**
 * Run before each statement, in its transaction. JIT compilation costs 100-150 ms per query on
 * these plans (their estimates pass jit_above_cost) and saves nothing on a year of data; the
 * hash aggregates want more than the default 4 MB to stay in memory at region scale.
 */
export const INDICATOR_SESSION_SETTINGS = [`SET LOCAL jit = off`, `SET LOCAL work_mem = '32MB'`];

/**
 * A person, for counting people and not services: the beneficiary record the need is for (one
 * per citizen account for their own needs; relatives and desk cases have one per need, since
 * their encrypted names cannot be compared), or the need itself for an accepted sentinel flag
 * that no beneficiary was recorded for.
 */
export const PERSON = `coalesce(n.beneficiary_id, n.id)`;

/** Needs that count as expressed: not drafts, not rejected, and sentinel flags only once accepted. */
const EXPRESSED = `n.status NOT IN ('draft', 'rejected') AND (n.source <> 'sentinel' OR n.opened_at IS NOT NULL)`;

/** Straight-line km from pickup to destination, twice when a return trip was asked for. */
const RIDE_KM = `CASE WHEN n.category = 'rides_and_accompaniment' AND n.details ? 'ride' THEN
    earth_distance(
      ll_to_earth((n.details #>> '{ride,pickupLocation,lat}')::float8, (n.details #>> '{ride,pickupLocation,lon}')::float8),
      ll_to_earth((n.details #>> '{ride,destinationLocation,lat}')::float8, (n.details #>> '{ride,destinationLocation,lon}')::float8)
    ) / 1000.0 * CASE WHEN (n.details #>> '{ride,returnTripWanted}')::boolean THEN 2 ELSE 1 END
  END`;

class Builder {
  readonly params: unknown[] = [];
  readonly fromAt: string;
  readonly toAt: string;

  constructor(readonly scope: IndicatorScope) {
    // Local midnights in Europe/Rome, so a month is the Comune's month across daylight saving.
    this.fromAt = `(${this.param(scope.from)}::date::timestamp AT TIME ZONE '${INDICATOR_TIME_ZONE}')`;
    this.toAt = `(${this.param(nextLocalDate(scope.to))}::date::timestamp AT TIME ZONE '${INDICATOR_TIME_ZONE}')`;
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** The need's Comune and category are in scope. */
  needInScope(alias = 'n'): string {
    const conditions: string[] = [];
    if (this.scope.comuni !== null) {
      conditions.push(`${alias}.comune_istat = ANY(${this.param(this.scope.comuni)}::text[])`);
    }
    if (this.scope.category !== null)
      conditions.push(`${alias}.category = ${this.param(this.scope.category)}`);
    return conditions.length ? conditions.join(' AND ') : 'true';
  }

  inPeriod(column: string): string {
    return `${column} >= ${this.fromAt} AND ${column} < ${this.toAt}`;
  }

  /** The local date the time series row starts on. */
  bucket(column: string): string {
    if (this.scope.granularity === 'period') return `${this.param(this.scope.from)}::date`;
    return `date_trunc('${this.scope.granularity}', ${column} AT TIME ZONE '${INDICATOR_TIME_ZONE}')::date`;
  }

  /**
   * The row key as three plain columns (period_start, comune, category). Ungrouped dimensions are
   * '' rather than NULL so that the partial aggregates join on plain equality.
   */
  keys(timeColumn: string, alias = 'n'): string {
    return [
      `${this.bucket(timeColumn)} AS period_start`,
      `${this.scope.byComune ? `${alias}.comune_istat::text` : `''::text`} AS comune`,
      `${this.scope.byCategory ? `${alias}.category` : `''::text`} AS category`,
    ].join(', ');
  }

  statement(sql: string): IndicatorStatement {
    return { sql, params: this.params };
  }
}

const KEY = 'period_start, comune, category';
const OUTPUT_KEYS = `to_char(t.period_start, 'YYYY-MM-DD') AS "periodStart", nullif(t.comune, '') AS "comuneIstat",
           nullif(t.category, '') AS category`;
/**
 * Demand and matching, by the period the need was received in (a cohort): needs received, from
 * whom, how many found a helper and how fast, how many were served. People are counted in two
 * steps (per person, then per row) because hash aggregates beat count(DISTINCT) sorts.
 */
export function demandStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    WITH cohort AS MATERIALIZED (
      SELECT ${q.keys('n.created_at')}, n.source, ${PERSON} AS person,
             -- Never negative; null when nobody accepted (greatest() alone would turn that null into 0).
             CASE WHEN min(e.created_at) IS NOT NULL THEN
               greatest(extract(epoch FROM min(e.created_at) - coalesce(n.opened_at, n.created_at)), 0) / 3600.0
             END AS hours_to_match,
             coalesce(bool_or(e.status = 'completed'), false) AS served
        FROM needs n
        LEFT JOIN engagements e ON e.need_id = n.id
       WHERE ${q.needInScope()} AND ${q.inPeriod('n.created_at')} AND ${EXPRESSED}
       GROUP BY n.id),
    -- Per person and per row in one pass (grouping sets), so no join of partial results: the
    -- planner cannot size grouped CTEs and would join them by nested loops.
    grouped AS (
      SELECT ${KEY}, GROUPING(person) AS per_row, count(*) AS needs,
             count(*) FILTER (WHERE source = 'citizen') AS citizen,
             count(*) FILTER (WHERE source = 'desk') AS desk,
             count(*) FILTER (WHERE source = 'sentinel') AS sentinel,
             count(hours_to_match) AS matched,
             count(*) FILTER (WHERE served) AS served,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_match) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY hours_to_match) AS p90
        FROM cohort GROUP BY GROUPING SETS ((${KEY}, person), (${KEY})))
    SELECT ${OUTPUT_KEYS},
           sum(needs) FILTER (WHERE per_row = 0)::int AS "needsReceived",
           count(*) FILTER (WHERE per_row = 0)::int AS "peopleExpressing",
           sum(citizen) FILTER (WHERE per_row = 0)::int AS "fromCitizens",
           count(*) FILTER (WHERE per_row = 0 AND citizen > 0)::int AS "peopleFromCitizens",
           sum(desk) FILTER (WHERE per_row = 0)::int AS "fromDesk",
           count(*) FILTER (WHERE per_row = 0 AND desk > 0)::int AS "peopleFromDesk",
           sum(sentinel) FILTER (WHERE per_row = 0)::int AS "fromSentinels",
           count(*) FILTER (WHERE per_row = 0 AND sentinel > 0)::int AS "peopleFromSentinels",
           sum(matched) FILTER (WHERE per_row = 0)::int AS "needsMatched",
           count(*) FILTER (WHERE per_row = 0 AND matched > 0)::int AS "peopleMatched",
           max(median) FILTER (WHERE per_row = 1) AS "medianHoursToMatch",
           max(p90) FILTER (WHERE per_row = 1) AS "p90HoursToMatch",
           sum(served) FILTER (WHERE per_row = 0)::int AS "needsServed",
           count(*) FILTER (WHERE per_row = 0 AND served > 0)::int AS "peopleServed"
      FROM grouped t
     GROUP BY t.period_start, t.comune, t.category
     ORDER BY 1, 2, 3`);
}

/** Needs received in the period that matching gave up on, by the reason it recorded. */
export function unmatchedStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    WITH per_person AS (
      SELECT ${q.keys('n.created_at')}, ms.unmatched_reason AS reason, ${PERSON} AS person, count(*) AS needs
        FROM needs n
        JOIN need_match_states ms ON ms.need_id = n.id AND ms.unmatched_reason IS NOT NULL
       WHERE ${q.needInScope()} AND ${q.inPeriod('n.created_at')} AND ${EXPRESSED}
       GROUP BY 1, 2, 3, 4, 5)
    SELECT ${OUTPUT_KEYS}, t.reason, sum(t.needs)::int AS needs, count(*)::int AS people
      FROM per_person t
     GROUP BY t.period_start, t.comune, t.category, t.reason ORDER BY 1, 2, 3, 4`);
}

/**
 * People reached, by the period help was completed in: distinct people served, those served
 * for the first time ever on Prossimo in that period, and those helped more than once in it.
 */
export function reachStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    WITH per_person AS MATERIALIZED (
      SELECT ${q.keys('e.completed_at')}, ${PERSON} AS person, count(*) AS times
        FROM engagements e JOIN needs n ON n.id = e.need_id
       WHERE e.status = 'completed' AND ${q.inPeriod('e.completed_at')} AND ${q.needInScope()}
       GROUP BY 1, 2, 3, 4),
    -- Each person's first completed help anywhere on Prossimo (any Comune, any category);
    -- needs_person_idx finds a person's needs when the row's people are few.
    firsts AS (
      SELECT p.person, min(e.completed_at) AS first_served_at
        FROM (SELECT DISTINCT person FROM per_person) p
        JOIN needs n ON ${PERSON} = p.person
        JOIN engagements e ON e.need_id = n.id AND e.status = 'completed' AND e.completed_at < ${q.toAt}
       GROUP BY p.person)
    SELECT ${OUTPUT_KEYS},
           count(*)::int AS "citizensReached",
           count(*) FILTER (WHERE f.first_served_at >= ${q.fromAt}
             AND ${q.bucket('f.first_served_at')} = t.period_start)::int AS "newCitizens",
           count(*) FILTER (WHERE t.times >= 2)::int AS "repeatHelpCitizens",
           sum(t.times)::int AS "servicesDelivered"
      FROM per_person t JOIN firsts f ON f.person = t.person
     GROUP BY t.period_start, t.comune, t.category ORDER BY 1, 2, 3`);
}

/** The helpers' work, by the period help was completed in. */
export function activityStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    WITH done AS MATERIALIZED (
      SELECT ${q.keys('e.completed_at')}, e.helper_user_id AS helper, vp.organisation_id AS organisation,
             ${PERSON} AS person, e.hours_logged AS hours, n.category = 'rides_and_accompaniment' AS ride,
             ${RIDE_KM} AS km
        FROM engagements e
        JOIN needs n ON n.id = e.need_id
        LEFT JOIN volunteer_profiles vp ON vp.id = e.volunteer_id
       WHERE e.status = 'completed' AND ${q.inPeriod('e.completed_at')} AND ${q.needInScope()}),
    -- One pass with grouping sets: per helper, per organisation, per person, and per row (no
    -- joins of grouped results, which the planner would do by nested loops).
    grouped AS (
      SELECT ${KEY}, GROUPING(helper, organisation, person) AS kind, organisation,
             count(*) AS engagements, sum(hours) AS hours, count(*) FILTER (WHERE ride) AS rides,
             sum(km) AS km, bool_or(ride) AS any_ride
        FROM done
       GROUP BY GROUPING SETS ((${KEY}, helper), (${KEY}, organisation), (${KEY}, person), (${KEY})))
    SELECT ${OUTPUT_KEYS},
           sum(engagements) FILTER (WHERE kind = 7)::int AS "engagementsCompleted",
           coalesce(sum(hours) FILTER (WHERE kind = 7), 0)::float8 AS "volunteerHours",
           count(*) FILTER (WHERE kind = 3)::int AS "activeVolunteers",
           count(*) FILTER (WHERE kind = 5 AND organisation IS NOT NULL)::int AS "activeOrganisations",
           count(*) FILTER (WHERE kind = 6)::int AS "peopleServed",
           sum(rides) FILTER (WHERE kind = 7)::int AS "ridesCompleted",
           coalesce(sum(km) FILTER (WHERE kind = 7), 0)::float8 AS "rideKm",
           count(*) FILTER (WHERE kind = 6 AND any_ride)::int AS "peopleDriven",
           count(*) FILTER (WHERE kind = 3 AND any_ride)::int AS drivers
      FROM grouped t
     GROUP BY t.period_start, t.comune, t.category
     ORDER BY 1, 2, 3`);
}

/** Latent needs: flags by community sentinels and their fate, and needs entered at the Comune's desk. */
export function latentNeedsStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    WITH per_person AS (
      SELECT ${q.keys('n.created_at')}, ${PERSON} AS person,
             count(*) FILTER (WHERE n.source = 'sentinel') AS flagged,
             count(*) FILTER (WHERE n.source = 'sentinel' AND n.opened_at IS NOT NULL) AS accepted,
             count(*) FILTER (WHERE n.source = 'sentinel' AND n.status = 'rejected') AS rejected,
             count(*) FILTER (WHERE n.source = 'sentinel' AND n.status = 'submitted') AS pending,
             count(*) FILTER (WHERE n.source = 'sentinel' AND EXISTS (
               SELECT 1 FROM engagements e WHERE e.need_id = n.id AND e.status = 'completed')) AS served,
             count(*) FILTER (WHERE n.source = 'desk' AND n.status NOT IN ('draft', 'rejected')) AS desk
        FROM needs n
       WHERE n.source IN ('sentinel', 'desk') AND ${q.needInScope()} AND ${q.inPeriod('n.created_at')}
       GROUP BY 1, 2, 3, 4)
    SELECT ${OUTPUT_KEYS},
           sum(flagged)::int AS "flaggedBySentinels", sum(accepted)::int AS "flagsAccepted",
           sum(rejected)::int AS "flagsRejected", sum(pending)::int AS "flagsPending", sum(served)::int AS "flagsServed",
           sum(desk)::int AS "enteredByOperators", count(*) FILTER (WHERE desk > 0)::int AS "peopleEnteredByOperators"
      FROM per_person t
     GROUP BY t.period_start, t.comune, t.category ORDER BY 1, 2, 3`);
}

/**
 * Shared care ("badante condivisa"), by the period a group was confirmed in (every household
 * said yes), in the Comune of the group: groups, households, and what households pay against
 * what the same hours would cost each of them alone (their last stored quotes).
 */
export function sharedCareStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  const inScope = [
    scope.comuni === null ? 'true' : `g.comune_istat = ANY(${q.param(scope.comuni)}::text[])`,
    scope.category === null ? 'true' : `${q.param(scope.category)} = 'shared_caregiver'`,
  ].join(' AND ');
  return q.statement(`
    WITH members AS (
      SELECT ${q.bucket('g.confirmed_at')} AS period_start,
             ${scope.byComune ? `g.comune_istat::text` : `''::text`} AS comune,
             ${scope.byCategory ? `'shared_caregiver'::text` : `''::text`} AS category,
             g.id AS group_id, ${PERSON} AS person, m.weekly_cents, m.individual_weekly_cents,
             m.individual_price_cents_per_hour - m.price_cents_per_hour AS hourly_saving
        FROM care_groups g
        JOIN care_group_members m ON m.group_id = g.id AND m.confirmed_at IS NOT NULL
        JOIN needs n ON n.id = m.need_id
       WHERE g.confirmed_at IS NOT NULL AND ${q.inPeriod('g.confirmed_at')} AND ${inScope})
    SELECT ${OUTPUT_KEYS},
           count(DISTINCT t.group_id)::int AS "groupsFormed",
           count(DISTINCT t.person)::int AS households,
           sum(t.weekly_cents)::int AS "weeklyCentsShared",
           sum(t.individual_weekly_cents)::int AS "weeklyCentsIndividual",
           avg(t.hourly_saving)::float8 AS "averageHourlySavingCents"
      FROM members t
     GROUP BY t.period_start, t.comune, t.category ORDER BY 1, 2, 3`);
}

/**
 * Satisfaction, by the period reviews were written in: citizens' reviews of the help they got
 * (three criteria, 1-5 stars; their mean is the overall score). Only published reviews count:
 * as WeMi does, a rating counts once the Comune's moderation has checked it.
 */
export function satisfactionStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    WITH per_person AS (
      SELECT ${q.keys('r.created_at')}, coalesce(r.author_user_id, r.id) AS person,
             count(*) FILTER (WHERE r.status = 'published') AS reviews,
             sum(r.overall_stars) FILTER (WHERE r.status = 'published') AS stars,
             count(*) FILTER (WHERE r.status = 'published' AND r.overall_stars >= 4) AS satisfied,
             count(*) FILTER (WHERE r.status = 'pending') AS pending
        FROM reviews r
        JOIN engagements e ON e.id = r.engagement_id
        JOIN needs n ON n.id = e.need_id
       WHERE r.author_side = 'citizen' AND ${q.inPeriod('r.created_at')} AND ${q.needInScope()}
       GROUP BY 1, 2, 3, 4)
    SELECT ${OUTPUT_KEYS},
           sum(t.reviews)::int AS reviews,
           count(*) FILTER (WHERE t.reviews > 0)::int AS reviewers,
           (sum(t.stars) / nullif(sum(t.reviews), 0))::float8 AS "averageStars",
           sum(t.satisfied)::int AS "satisfiedReviews",
           sum(t.pending)::int AS "reviewsAwaitingModeration"
      FROM per_person t
     GROUP BY t.period_start, t.comune, t.category ORDER BY 1, 2, 3`);
}
