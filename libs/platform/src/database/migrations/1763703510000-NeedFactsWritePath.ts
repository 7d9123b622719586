import { MigrationInterface, QueryRunner } from 'typeorm';

const NEED_FACTS_COLUMNS = `need_id, comune_istat, category, source, status, person, created_at, opened_at,
  first_engaged_at, unmatched_reason, served, completed_at, helper_user_id, organisation_id, hours_logged, ride_km`;

/** Straight-line ride kilometres of need n (twice with a return trip); null when not a ride. */
const RIDE_KM = `
  CASE WHEN n.category = 'rides_and_accompaniment' AND n.details ? 'ride' THEN
    earth_distance(
      ll_to_earth((n.details #>> '{ride,pickupLocation,lat}')::float8,
                  (n.details #>> '{ride,pickupLocation,lon}')::float8),
      ll_to_earth((n.details #>> '{ride,destinationLocation,lat}')::float8,
                  (n.details #>> '{ride,destinationLocation,lon}')::float8)
    ) / 1000.0 * CASE WHEN (n.details #>> '{ride,returnTripWanted}')::boolean THEN 2 ELSE 1 END
  END`;

const UPSERT = `
  ON CONFLICT (need_id) DO UPDATE SET
    comune_istat = EXCLUDED.comune_istat, category = EXCLUDED.category, source = EXCLUDED.source,
    status = EXCLUDED.status, person = EXCLUDED.person, created_at = EXCLUDED.created_at,
    opened_at = EXCLUDED.opened_at, first_engaged_at = EXCLUDED.first_engaged_at,
    unmatched_reason = EXCLUDED.unmatched_reason, served = EXCLUDED.served,
    completed_at = EXCLUDED.completed_at, helper_user_id = EXCLUDED.helper_user_id,
    organisation_id = EXCLUDED.organisation_id, hours_logged = EXCLUDED.hours_logged,
    ride_km = EXCLUDED.ride_km
  -- Most updates (a description, updated_at) change nothing here: no new row version then.
  WHERE (f.*) IS DISTINCT FROM (EXCLUDED.*)`;

/** The refresh of 1763701600000, set-based: the needs in need_ids, their engagements grouped. */
const REFRESH_MANY = `
  INSERT INTO need_facts AS f (${NEED_FACTS_COLUMNS})
  SELECT n.id, n.comune_istat, n.category, n.source, n.status, coalesce(n.beneficiary_id, n.id),
         n.created_at, n.opened_at, e.first_engaged_at, ms.unmatched_reason,
         coalesce(e.served, false), e.completed_at, e.helper_user_id, vp.organisation_id, e.hours_logged,
         ${RIDE_KM}
    FROM needs n
    LEFT JOIN (
      SELECT need_id, min(created_at) AS first_engaged_at, bool_or(status = 'completed') AS served,
             max(completed_at) FILTER (WHERE status = 'completed') AS completed_at,
             (array_agg(helper_user_id) FILTER (WHERE status = 'completed'))[1] AS helper_user_id,
             (array_agg(volunteer_id) FILTER (WHERE status = 'completed'))[1] AS volunteer_id,
             max(hours_logged) FILTER (WHERE status = 'completed') AS hours_logged
        FROM engagements WHERE need_id = ANY(need_ids) GROUP BY need_id
    ) e ON e.need_id = n.id
    LEFT JOIN volunteer_profiles vp ON vp.id = e.volunteer_id
    LEFT JOIN need_match_states ms ON ms.need_id = n.id
   WHERE n.id = ANY(need_ids)
  ${UPSERT}`;

/**
 * The same row for one need, by primary keys. At most one engagement of a need is completed
 * (engagements_one_per_need_idx), so joining it gives what REFRESH_MANY's aggregates give.
 */
const REFRESH_ONE = `
  INSERT INTO need_facts AS f (${NEED_FACTS_COLUMNS})
  SELECT n.id, n.comune_istat, n.category, n.source, n.status, coalesce(n.beneficiary_id, n.id),
         n.created_at, n.opened_at, (SELECT min(a.created_at) FROM engagements a WHERE a.need_id = n.id),
         ms.unmatched_reason, c.id IS NOT NULL, c.completed_at, c.helper_user_id, vp.organisation_id,
         c.hours_logged, ${RIDE_KM}
    FROM needs n
    LEFT JOIN engagements c ON c.need_id = n.id AND c.status = 'completed'
    LEFT JOIN volunteer_profiles vp ON vp.id = c.volunteer_id
    LEFT JOIN need_match_states ms ON ms.need_id = n.id
   WHERE n.id = only_need_id
  ${UPSERT}`;

function refreshFunction(body: string): string {
  return `
    CREATE OR REPLACE FUNCTION refresh_need_facts(need_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
    ${body}
    $fn$`;
}

/** The indicator_changes triggers on need_facts, and the transition table each one logs from. */
const INDICATOR_TRIGGERS = [
  ['indicator_changes_from_need_facts_insert', 'new_rows'],
  ['indicator_changes_from_need_facts_update', 'new_rows'],
  ['indicator_changes_from_need_facts_delete', 'old_rows'],
] as const;

const guard = (rows: string) =>
  `IF NOT EXISTS (SELECT FROM ${rows}) THEN RETURN NULL; END IF; -- need-facts-write-path guard\n`;

/**
 * The write path's share of need_facts upkeep (issue 18: acceptProposal refreshes its need twice,
 * postNeed once, in the same transaction).
 *
 * 1. refresh_need_facts of a single need (every write of the api) runs a statement of its own, by
 *    primary keys: its plan is the same for every need, so PL/pgSQL caches it (a generic plan)
 *    instead of planning the set-based statement for each call, whose `= ANY(need_ids)` made the
 *    plan cache keep custom plans (about 0.45 ms a refresh). Several needs (seeds, backfills,
 *    sweeps) keep the set-based statement and its custom plans, sized for the array at hand.
 * 2. need_facts' upsert fires both its INSERT and its UPDATE statement triggers, one of them with
 *    empty transition tables; the indicator_changes triggers now return at once when there is no
 *    row to log, instead of running their six EXCEPTs and the first-help query on nothing. The
 *    guard is put in front of whatever body each function has (1763703300000's or a later one's),
 *    so this migration does not hold a second copy of the indicators' logging.
 */
export class NeedFactsWritePath1763703510000 implements MigrationInterface {
  name = 'NeedFactsWritePath1763703510000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      refreshFunction(`
      DECLARE
        only_need_id uuid;
      BEGIN
        IF cardinality(need_ids) = 0 THEN
          RETURN;
        END IF;
        -- Bulk statements (seeds, backfills) keep single-need refreshes out until they commit.
        -- Single needs are serialised by need_facts_lock_need, before the write.
        IF cardinality(need_ids) > 200 THEN
          LOCK TABLE need_facts IN SHARE ROW EXCLUSIVE MODE;
        ELSE
          LOCK TABLE need_facts IN ROW EXCLUSIVE MODE;
        END IF;
        IF cardinality(need_ids) = 1 THEN
          only_need_id := need_ids[1];
          ${REFRESH_ONE};
        ELSE
          ${REFRESH_MANY};
        END IF;
      END`),
    );
    for (const [name, rows] of INDICATOR_TRIGGERS) {
      const definition = await functionDefinition(db, name);
      if (!definition.includes(guard(rows))) {
        await db.query(definition.replace(/(AS \$function\$\s*BEGIN\b)/, `$1\n${guard(rows)}`));
      }
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [name, rows] of INDICATOR_TRIGGERS) {
      await db.query((await functionDefinition(db, name)).replace(`\n${guard(rows)}`, ''));
    }
    await db.query(
      refreshFunction(`
      BEGIN
        IF cardinality(need_ids) = 0 THEN
          RETURN;
        END IF;
        -- Bulk statements (seeds, backfills) keep single-need refreshes out until they commit.
        -- Single needs are serialised by need_facts_lock_need (below), before the write.
        IF cardinality(need_ids) > 200 THEN
          LOCK TABLE need_facts IN SHARE ROW EXCLUSIVE MODE;
        ELSE
          LOCK TABLE need_facts IN ROW EXCLUSIVE MODE;
        END IF;
        ${REFRESH_MANY};
      END`),
    );
  }
}

async function functionDefinition(db: QueryRunner, name: string): Promise<string> {
  const [row]: { definition: string }[] = await db.query(
    `SELECT pg_get_functiondef($1::regproc) AS definition`,
    [name],
  );
  return row.definition;
}
