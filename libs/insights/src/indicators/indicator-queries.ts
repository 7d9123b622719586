// The indicator SQL, built from a resolved scope. Pure string building (no Nest, no TypeORM), so
// that the benchmark runs exactly the same statements with a bare `pg` client.
import { careGroupMembersAs, careGroupsAs, engagementsAs } from '@prossimo/matching/rules';
import { reviewsAs } from '@prossimo/reputation/rules';
import { Granularity, INDICATOR_TIME_ZONE, nextLocalDate } from '../periods/indicator-period';

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
  /**
   * The territory node (an ambito's id, or 'platform') whose snapshots may answer, with the digest
   * of its Comuni; set by the service after authorisation. Absent or null: computed live.
   */
  snapshotNode?: { node: string; digest: string | null } | null;
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
 * Needs are read from need_facts (migration 1763701600000): one narrow row per need, kept equal to
 * its sources by triggers in the transaction that changes them. Its `person` is who counts as a
 * person: the beneficiary record the need is for (one per citizen account for their own needs;
 * relatives and desk cases have one per need, since their encrypted names cannot be compared), or
 * the need itself for an accepted sentinel flag that no beneficiary was recorded for. Its
 * completed-help columns describe the need's one completed engagement, if any.
 */

/** Needs that count as expressed: not drafts, not rejected, and sentinel flags only once accepted. */
const EXPRESSED = `n.status NOT IN ('draft', 'rejected') AND (n.source <> 'sentinel' OR n.opened_at IS NOT NULL)`;

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
      conditions.push(`${alias}.comune_istat = ANY(${this.param(this.scope.comuni)}::char(6)[])`);
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
/** Demand's cohort: the needs received in the scope's period, with their hours to match. */
function demandCohort(q: Builder): string {
  return `
    WITH cohort AS MATERIALIZED (
      SELECT ${q.keys('n.created_at')}, n.source, n.person,
             -- Never negative; null when nobody accepted (greatest() alone would turn that null into 0).
             CASE WHEN n.first_engaged_at IS NOT NULL THEN
               greatest(extract(epoch FROM n.first_engaged_at - coalesce(n.opened_at, n.created_at)), 0) / 3600.0
             END AS hours_to_match,
             n.served
        FROM need_facts n
       WHERE ${q.needInScope()} AND ${q.inPeriod('n.created_at')} AND ${EXPRESSED})`;
}

/**
 * Demand and matching, by the period the need was received in (a cohort): needs received, from
 * whom, how many found a helper and how fast, how many were served. People are counted in two
 * steps (per person, then per row) because hash aggregates beat count(DISTINCT) sorts.
 */
export function demandStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    ${demandCohort(q)},
    per_person AS (
      SELECT ${KEY}, person, count(*) AS needs,
             count(*) FILTER (WHERE source = 'citizen') AS citizen,
             count(*) FILTER (WHERE source = 'desk') AS desk,
             count(*) FILTER (WHERE source = 'sentinel') AS sentinel,
             count(hours_to_match) AS matched,
             count(*) FILTER (WHERE served) AS served
        FROM cohort GROUP BY ${KEY}, person),
    -- Counts (per person, then per row) and percentiles (per row) are stacked, not joined: the
    -- planner cannot size grouped CTEs and would join them by nested loops.
    parts AS (
      SELECT ${KEY},
             sum(needs) AS needs, count(*) AS people,
             sum(citizen) AS citizen, count(*) FILTER (WHERE citizen > 0) AS citizen_people,
             sum(desk) AS desk, count(*) FILTER (WHERE desk > 0) AS desk_people,
             sum(sentinel) AS sentinel, count(*) FILTER (WHERE sentinel > 0) AS sentinel_people,
             sum(matched) AS matched, count(*) FILTER (WHERE matched > 0) AS matched_people,
             sum(served) AS served, count(*) FILTER (WHERE served > 0) AS served_people,
             NULL::float8 AS median, NULL::float8 AS p90
        FROM per_person GROUP BY ${KEY}
      UNION ALL
      SELECT ${KEY}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_match),
             percentile_cont(0.9) WITHIN GROUP (ORDER BY hours_to_match)
        FROM cohort WHERE hours_to_match IS NOT NULL GROUP BY ${KEY})
    SELECT ${OUTPUT_KEYS},
           max(needs)::int AS "needsReceived", max(people)::int AS "peopleExpressing",
           max(citizen)::int AS "fromCitizens", max(citizen_people)::int AS "peopleFromCitizens",
           max(desk)::int AS "fromDesk", max(desk_people)::int AS "peopleFromDesk",
           max(sentinel)::int AS "fromSentinels", max(sentinel_people)::int AS "peopleFromSentinels",
           max(matched)::int AS "needsMatched", max(matched_people)::int AS "peopleMatched",
           max(median) AS "medianHoursToMatch", max(p90) AS "p90HoursToMatch",
           max(served)::int AS "needsServed", max(served_people)::int AS "peopleServed"
      FROM parts t
     GROUP BY t.period_start, t.comune, t.category
     ORDER BY 1, 2, 3`);
}

/**
 * Demand's percentiles alone (the same cohort and figures as demandStatement's), for the
 * incremental refresh: medians are not additive, so its year rows recompute them from the matched
 * needs of the rows a change touched.
 */
export function demandPercentilesStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    ${demandCohort(q)}
    SELECT ${OUTPUT_KEYS},
           percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_match) AS "medianHoursToMatch",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY hours_to_match) AS "p90HoursToMatch"
      FROM cohort t WHERE t.hours_to_match IS NOT NULL
     GROUP BY t.period_start, t.comune, t.category
     ORDER BY 1, 2, 3`);
}

/** Needs received in the period that matching gave up on, by the reason it recorded. */
export function unmatchedStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    WITH per_person AS (
      SELECT ${q.keys('n.created_at')}, n.unmatched_reason AS reason, n.person, count(*) AS needs
        FROM need_facts n
       WHERE n.unmatched_reason IS NOT NULL AND ${q.needInScope()} AND ${q.inPeriod('n.created_at')} AND ${EXPRESSED}
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
      SELECT ${q.keys('n.completed_at')}, n.person, count(*) AS times
        FROM need_facts n
       WHERE n.served AND ${q.inPeriod('n.completed_at')} AND ${q.needInScope()}
       GROUP BY 1, 2, 3, 4),
    -- Each person's first completed help anywhere on Prossimo (any Comune, any category);
    -- need_facts_person_idx finds a person's help when the row's people are few.
    firsts AS (
      SELECT p.person, min(n.completed_at) AS first_served_at
        FROM (SELECT DISTINCT person FROM per_person) p
        JOIN need_facts n ON n.person = p.person AND n.served AND n.completed_at < ${q.toAt}
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
      SELECT ${q.keys('n.completed_at')}, n.helper_user_id AS helper, n.organisation_id AS organisation,
             n.person, n.hours_logged AS hours, n.category = 'rides_and_accompaniment' AS ride, n.ride_km AS km
        FROM need_facts n
       WHERE n.served AND ${q.inPeriod('n.completed_at')} AND ${q.needInScope()}),
    -- Totals and distinct helpers, organisations and people are stacked (UNION ALL), not joined:
    -- the planner cannot size grouped CTEs and would join them by nested loops.
    parts AS (
      SELECT ${KEY}, count(*) AS engagements, sum(hours) AS hours, count(*) FILTER (WHERE ride) AS rides,
             sum(km) AS km, NULL::bigint AS helpers, NULL::bigint AS drivers, NULL::bigint AS organisations,
             NULL::bigint AS people, NULL::bigint AS driven
        FROM done GROUP BY ${KEY}
      UNION ALL
      SELECT ${KEY}, NULL, NULL, NULL, NULL, count(*), count(*) FILTER (WHERE drove), NULL, NULL, NULL
        FROM (SELECT ${KEY}, helper, bool_or(ride) AS drove FROM done GROUP BY ${KEY}, helper) h GROUP BY ${KEY}
      UNION ALL
      SELECT ${KEY}, NULL, NULL, NULL, NULL, NULL, NULL, count(*), NULL, NULL
        FROM (SELECT DISTINCT ${KEY}, organisation FROM done WHERE organisation IS NOT NULL) o GROUP BY ${KEY}
      UNION ALL
      SELECT ${KEY}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*), count(*) FILTER (WHERE driven)
        FROM (SELECT ${KEY}, person, bool_or(ride) AS driven FROM done GROUP BY ${KEY}, person) p GROUP BY ${KEY})
    SELECT ${OUTPUT_KEYS},
           max(engagements)::int AS "engagementsCompleted", coalesce(max(hours), 0)::float8 AS "volunteerHours",
           max(helpers)::int AS "activeVolunteers", coalesce(max(organisations), 0)::int AS "activeOrganisations",
           max(people)::int AS "peopleServed", max(rides)::int AS "ridesCompleted",
           coalesce(max(km), 0)::float8 AS "rideKm", max(driven)::int AS "peopleDriven", max(drivers)::int AS drivers
      FROM parts t
     GROUP BY t.period_start, t.comune, t.category
     ORDER BY 1, 2, 3`);
}

/** Latent needs: flags by community sentinels and their fate, and needs entered at the Comune's desk. */
export function latentNeedsStatement(scope: IndicatorScope): IndicatorStatement {
  const q = new Builder(scope);
  return q.statement(`
    WITH per_person AS (
      SELECT ${q.keys('n.created_at')}, n.person,
             count(*) FILTER (WHERE n.source = 'sentinel') AS flagged,
             count(*) FILTER (WHERE n.source = 'sentinel' AND n.opened_at IS NOT NULL) AS accepted,
             count(*) FILTER (WHERE n.source = 'sentinel' AND n.status = 'rejected') AS rejected,
             count(*) FILTER (WHERE n.source = 'sentinel' AND n.status = 'submitted') AS pending,
             count(*) FILTER (WHERE n.source = 'sentinel' AND n.served) AS served,
             count(*) FILTER (WHERE n.source = 'desk' AND n.status NOT IN ('draft', 'rejected')) AS desk
        FROM need_facts n
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
    scope.comuni === null ? 'true' : `g.comune_istat = ANY(${q.param(scope.comuni)}::char(6)[])`,
    scope.category === null ? 'true' : `${q.param(scope.category)} = 'shared_caregiver'`,
  ].join(' AND ');
  return q.statement(`
    WITH members AS (
      SELECT ${q.bucket('g.confirmed_at')} AS period_start,
             ${scope.byComune ? `g.comune_istat::text` : `''::text`} AS comune,
             ${scope.byCategory ? `'shared_caregiver'::text` : `''::text`} AS category,
             g.id AS group_id, n.person, m.weekly_cents, m.individual_weekly_cents,
             m.individual_price_cents_per_hour - m.price_cents_per_hour AS hourly_saving
        FROM ${careGroupsAs('g')}
        JOIN ${careGroupMembersAs('m')} ON m.group_id = g.id AND m.confirmed_at IS NOT NULL
        JOIN need_facts n ON n.need_id = m.need_id
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
        FROM ${reviewsAs('r')}
        JOIN ${engagementsAs('e')} ON e.id = r.engagement_id
        JOIN need_facts n ON n.need_id = e.need_id
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

/** Every table's statement, by the table's name (the values of IndicatorTable). */
export const INDICATOR_STATEMENTS: Record<string, (scope: IndicatorScope) => IndicatorStatement> = {
  demand: demandStatement,
  unmatched: unmatchedStatement,
  reach: reachStatement,
  activity: activityStatement,
  latent_needs: latentNeedsStatement,
  shared_care: sharedCareStatement,
  satisfaction: satisfactionStatement,
};
