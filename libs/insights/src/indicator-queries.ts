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
    if (this.scope.comuni !== null)
      conditions.push(`${alias}.comune_istat = ANY(${this.param(this.scope.comuni)}::text[])`);
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

  /** periodStart, comuneIstat, category: the row's key columns. */
  keys(timeColumn: string, alias = 'n'): string {
    return [
      `to_char(${this.bucket(timeColumn)}, 'YYYY-MM-DD') AS "periodStart"`,
      `${this.scope.byComune ? `${alias}.comune_istat::text` : 'NULL::text'} AS "comuneIstat"`,
      `${this.scope.byCategory ? `${alias}.category` : 'NULL::text'} AS category`,
    ].join(', ');
  }

  statement(sql: string): IndicatorStatement {
    return { sql, params: this.params };
  }
}

/**
 * Demand and matching, by the period the need was received in (a cohort): needs received, from
 * whom, how many found a helper and how fast, how many were served.
 */
export function demandStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    WITH cohort AS (
      SELECT n.id, n.source, n.comune_istat, n.category, n.created_at, ${PERSON} AS person,
             -- Never negative (greatest() would also turn the unmatched needs' null into 0: they are filtered out below).
             greatest(extract(epoch FROM m.first_engaged_at - coalesce(n.opened_at, n.created_at)), 0) / 3600.0 AS hours_to_match,
             m.first_engaged_at IS NOT NULL AS matched, coalesce(m.served, false) AS served
        FROM needs n
        LEFT JOIN LATERAL (
          SELECT min(e.created_at) AS first_engaged_at, bool_or(e.status = 'completed') AS served
            FROM engagements e WHERE e.need_id = n.id) m ON true
       WHERE ${q.needInScope()} AND ${q.inPeriod('n.created_at')} AND ${EXPRESSED})
    SELECT ${q.keys('n.created_at')},
           count(*)::int AS "needsReceived",
           count(DISTINCT person)::int AS "peopleExpressing",
           count(*) FILTER (WHERE source = 'citizen')::int AS "fromCitizens",
           count(DISTINCT person) FILTER (WHERE source = 'citizen')::int AS "peopleFromCitizens",
           count(*) FILTER (WHERE source = 'desk')::int AS "fromDesk",
           count(DISTINCT person) FILTER (WHERE source = 'desk')::int AS "peopleFromDesk",
           count(*) FILTER (WHERE source = 'sentinel')::int AS "fromSentinels",
           count(DISTINCT person) FILTER (WHERE source = 'sentinel')::int AS "peopleFromSentinels",
           count(*) FILTER (WHERE matched)::int AS "needsMatched",
           count(DISTINCT person) FILTER (WHERE matched)::int AS "peopleMatched",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_match) FILTER (WHERE matched) AS "medianHoursToMatch",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY hours_to_match) FILTER (WHERE matched) AS "p90HoursToMatch",
           count(*) FILTER (WHERE served)::int AS "needsServed",
           count(DISTINCT person) FILTER (WHERE served)::int AS "peopleServed"
      FROM cohort n
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
}

/** Needs received in the period that matching gave up on, by the reason it recorded. */
export function unmatchedStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    SELECT ${q.keys('n.created_at')}, ms.unmatched_reason AS reason,
           count(*)::int AS needs, count(DISTINCT ${PERSON})::int AS people
      FROM needs n
      JOIN need_match_states ms ON ms.need_id = n.id AND ms.unmatched_reason IS NOT NULL
     WHERE ${q.needInScope()} AND ${q.inPeriod('n.created_at')} AND ${EXPRESSED}
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
}

/**
 * People reached, by the period help was completed in: distinct people served, those served
 * for the first time ever on Prossimo in that period, and those helped more than once in it.
 */
export function reachStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  const firstBucket = q.bucket('f.first_served_at');
  return q.statement(`
    WITH served AS (
      SELECT ${q.keys('e.completed_at')}, ${PERSON} AS person
        FROM engagements e JOIN needs n ON n.id = e.need_id
       WHERE e.status = 'completed' AND ${q.inPeriod('e.completed_at')} AND ${q.needInScope()}),
    per_person AS (
      SELECT "periodStart", "comuneIstat", category, person, count(*) AS times
        FROM served GROUP BY 1, 2, 3, 4),
    firsts AS (
      SELECT ${PERSON} AS person, min(e.completed_at) AS first_served_at
        FROM engagements e JOIN needs n ON n.id = e.need_id
       WHERE e.status = 'completed' AND ${PERSON} IN (SELECT person FROM served)
       GROUP BY 1)
    SELECT p."periodStart", p."comuneIstat", p.category,
           count(*)::int AS "citizensReached",
           count(*) FILTER (WHERE f.first_served_at >= ${q.fromAt}
             AND to_char(${firstBucket}, 'YYYY-MM-DD') = p."periodStart")::int AS "newCitizens",
           count(*) FILTER (WHERE p.times >= 2)::int AS "repeatHelpCitizens",
           sum(p.times)::int AS "servicesDelivered"
      FROM per_person p JOIN firsts f ON f.person = p.person
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
}

/** The helpers' work, by the period help was completed in. */
export function activityStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    SELECT ${q.keys('e.completed_at')},
           count(*)::int AS "engagementsCompleted",
           coalesce(sum(e.hours_logged), 0)::float8 AS "volunteerHours",
           count(DISTINCT e.helper_user_id)::int AS "activeVolunteers",
           count(DISTINCT vp.organisation_id)::int AS "activeOrganisations",
           count(DISTINCT ${PERSON})::int AS "peopleServed",
           count(*) FILTER (WHERE n.category = 'rides_and_accompaniment')::int AS "ridesCompleted",
           coalesce(sum(${RIDE_KM}), 0)::float8 AS "rideKm",
           count(DISTINCT ${PERSON}) FILTER (WHERE n.category = 'rides_and_accompaniment')::int AS "peopleDriven",
           count(DISTINCT e.helper_user_id) FILTER (WHERE n.category = 'rides_and_accompaniment')::int AS "drivers"
      FROM engagements e
      JOIN needs n ON n.id = e.need_id
      LEFT JOIN volunteer_profiles vp ON vp.id = e.volunteer_id
     WHERE e.status = 'completed' AND ${q.inPeriod('e.completed_at')} AND ${q.needInScope()}
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
}

/** Latent needs: flags by community sentinels and their fate, and needs entered at the Comune's desk. */
export function latentNeedsStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    SELECT ${q.keys('n.created_at')},
           count(*) FILTER (WHERE n.source = 'sentinel')::int AS "flaggedBySentinels",
           count(*) FILTER (WHERE n.source = 'sentinel' AND n.opened_at IS NOT NULL)::int AS "flagsAccepted",
           count(*) FILTER (WHERE n.source = 'sentinel' AND n.status = 'rejected')::int AS "flagsRejected",
           count(*) FILTER (WHERE n.source = 'sentinel' AND n.status = 'submitted')::int AS "flagsPending",
           count(*) FILTER (WHERE n.source = 'sentinel' AND EXISTS (
             SELECT 1 FROM engagements e WHERE e.need_id = n.id AND e.status = 'completed'))::int AS "flagsServed",
           count(*) FILTER (WHERE n.source = 'desk' AND n.status NOT IN ('draft', 'rejected'))::int AS "enteredByOperators",
           count(DISTINCT ${PERSON}) FILTER (WHERE n.source = 'desk' AND n.status NOT IN ('draft', 'rejected'))::int
             AS "peopleEnteredByOperators"
      FROM needs n
     WHERE n.source IN ('sentinel', 'desk') AND ${q.needInScope()} AND ${q.inPeriod('n.created_at')}
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
}
