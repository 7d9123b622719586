import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * need_facts: one narrow row per need with everything the impact indicators (libs/insights) read
 * about it, so that region-wide and platform-wide requests aggregate ~100 bytes a need instead of
 * joining the wide needs rows (descriptions, jsonb details) to engagements and volunteer profiles.
 *
 * Maintained by statement-level triggers on the tables it summarises, in the transaction that
 * changes them: a Comune's dashboard is exact the moment a change commits, and no code path (the
 * matching engine, the lifecycle sweeps, erasure, a migration, a seed) can forget to update it.
 * A trigger fired by a statement recomputes the rows of the needs it touched from the source
 * tables (never applies deltas), so a refresh is idempotent and always equals a recount.
 *
 * At most one engagement per need is completed (engagements_one_per_need_idx), so the help
 * delivered for a need (when, by whom, how many hours) fits in the need's row.
 */
export class NeedFacts1763701600000 implements MigrationInterface {
  name = 'NeedFacts1763701600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE need_facts (
        need_id uuid PRIMARY KEY REFERENCES needs(id) ON DELETE CASCADE,
        comune_istat char(6) NOT NULL,
        category text NOT NULL,
        source text NOT NULL,
        status text NOT NULL,
        -- The person the need is for: coalesce(beneficiary_id, id), as the indicators count people.
        person uuid NOT NULL,
        created_at timestamptz NOT NULL,
        opened_at timestamptz,
        -- The first engagement ever created for the need (acceptance), for the time to match.
        first_engaged_at timestamptz,
        unmatched_reason text,
        -- The completed engagement, if any.
        served boolean NOT NULL,
        completed_at timestamptz,
        helper_user_id uuid,
        organisation_id uuid,
        hours_logged numeric(6, 2),
        -- Straight-line ride kilometres (twice with a return trip); null when not a ride.
        ride_km double precision
      )`);
    // Scoped cohorts (an ambito, a Comune) by the day needs were received; region-wide periods.
    await db.query(`CREATE INDEX need_facts_comune_created_idx ON need_facts (comune_istat, created_at)`);
    await db.query(`CREATE INDEX need_facts_created_idx ON need_facts (created_at)`);
    // Help completed in a period (reach, activity), scoped and region-wide.
    await db.query(
      `CREATE INDEX need_facts_comune_completed_idx ON need_facts (comune_istat, completed_at) WHERE served`,
    );
    await db.query(`CREATE INDEX need_facts_completed_idx ON need_facts (completed_at) WHERE served`);
    // A person's first help anywhere, to tell new people from returning ones.
    await db.query(`CREATE INDEX need_facts_person_idx ON need_facts (person, completed_at) WHERE served`);

    await db.query(`
      CREATE FUNCTION refresh_need_facts(need_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
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

        INSERT INTO need_facts AS f (need_id, comune_istat, category, source, status, person, created_at,
                    opened_at, first_engaged_at, unmatched_reason, served, completed_at, helper_user_id,
                    organisation_id, hours_logged, ride_km)
        SELECT n.id, n.comune_istat, n.category, n.source, n.status, coalesce(n.beneficiary_id, n.id),
               n.created_at, n.opened_at, e.first_engaged_at, ms.unmatched_reason,
               coalesce(e.served, false), e.completed_at, e.helper_user_id, vp.organisation_id, e.hours_logged,
               CASE WHEN n.category = 'rides_and_accompaniment' AND n.details ? 'ride' THEN
                 earth_distance(
                   ll_to_earth((n.details #>> '{ride,pickupLocation,lat}')::float8,
                               (n.details #>> '{ride,pickupLocation,lon}')::float8),
                   ll_to_earth((n.details #>> '{ride,destinationLocation,lat}')::float8,
                               (n.details #>> '{ride,destinationLocation,lon}')::float8)
                 ) / 1000.0 * CASE WHEN (n.details #>> '{ride,returnTripWanted}')::boolean THEN 2 ELSE 1 END
               END
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
        ON CONFLICT (need_id) DO UPDATE SET
          comune_istat = EXCLUDED.comune_istat, category = EXCLUDED.category, source = EXCLUDED.source,
          status = EXCLUDED.status, person = EXCLUDED.person, created_at = EXCLUDED.created_at,
          opened_at = EXCLUDED.opened_at, first_engaged_at = EXCLUDED.first_engaged_at,
          unmatched_reason = EXCLUDED.unmatched_reason, served = EXCLUDED.served,
          completed_at = EXCLUDED.completed_at, helper_user_id = EXCLUDED.helper_user_id,
          organisation_id = EXCLUDED.organisation_id, hours_logged = EXCLUDED.hours_logged,
          ride_km = EXCLUDED.ride_km
        -- Most updates (a description, updated_at) change nothing here: no new row version then.
        WHERE (f.*) IS DISTINCT FROM (EXCLUDED.*);
      END
      $fn$`);

    // Two transactions changing the same need must not both write what they saw before the other
    // committed. Whoever writes an engagement or a match state first locks its need's row, as the
    // application does (need first), and before the write: the refresh then runs holding it, and
    // the next writer waits and refreshes after it, from a snapshot that includes it. Locking in
    // the statement trigger instead (after the write and its foreign-key check's KEY SHARE lock)
    // deadlocked with the matcher: both sides held KEY SHARE and wanted the row. An update of the
    // need itself takes its row lock anyway.
    await db.query(`
      CREATE FUNCTION need_facts_lock_need() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          PERFORM 1 FROM needs WHERE id = OLD.need_id FOR UPDATE;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          PERFORM 1 FROM needs WHERE id = NEW.need_id FOR UPDATE;
          RETURN NEW;
        END IF;
        RETURN OLD;
      END
      $fn$`);
    for (const table of ['engagements', 'need_match_states']) {
      await db.query(`
        CREATE TRIGGER need_facts_lock_need BEFORE INSERT OR UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION need_facts_lock_need()`);
    }

    // The needs a statement touched, from its transition tables.
    await db.query(`
      CREATE FUNCTION need_facts_from_needs() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM refresh_need_facts(ARRAY(SELECT id FROM changed_rows));
        RETURN NULL;
      END
      $fn$`);
    for (const [table, column] of [
      ['engagements', 'need_id'],
      ['need_match_states', 'need_id'],
    ]) {
      for (const [event, tables, select] of [
        ['INSERT', 'NEW TABLE AS changed_rows', `SELECT ${column} FROM changed_rows`],
        ['DELETE', 'OLD TABLE AS changed_rows', `SELECT ${column} FROM changed_rows`],
        [
          'UPDATE',
          'OLD TABLE AS old_rows NEW TABLE AS changed_rows',
          `SELECT ${column} FROM changed_rows UNION SELECT ${column} FROM old_rows`,
        ],
      ]) {
        const fn = `need_facts_from_${table}_${event.toLowerCase()}`;
        await db.query(`
          CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
          BEGIN
            PERFORM refresh_need_facts(ARRAY(${select}));
            RETURN NULL;
          END
          $fn$`);
        await db.query(`
          CREATE TRIGGER ${fn} AFTER ${event} ON ${table} REFERENCING ${tables}
            FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      }
    }
    for (const event of ['INSERT', 'UPDATE']) {
      await db.query(`
        CREATE TRIGGER need_facts_from_needs_${event.toLowerCase()} AFTER ${event} ON needs
          REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION need_facts_from_needs()`);
    }
    // Deleted needs take their row with them (ON DELETE CASCADE). A volunteer who joins or leaves
    // an organisation moves their completed help with them, as the indicators always counted it.
    await db.query(`
      CREATE FUNCTION need_facts_from_volunteer_profiles() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM refresh_need_facts(ARRAY(
          SELECT e.need_id FROM changed_rows p JOIN old_rows o ON o.id = p.id
            JOIN engagements e ON e.volunteer_id = p.id AND e.status = 'completed'
           WHERE p.organisation_id IS DISTINCT FROM o.organisation_id));
        RETURN NULL;
      END
      $fn$`);
    await db.query(`
      CREATE TRIGGER need_facts_from_volunteer_profiles AFTER UPDATE ON volunteer_profiles
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION need_facts_from_volunteer_profiles()`);

    // The indicators no longer read needs for these (1763701100000); writes stop paying for them.
    await db.query(`DROP INDEX IF EXISTS needs_insights_scope_idx`);
    await db.query(`DROP INDEX IF EXISTS needs_person_idx`);

    // Backfill: every existing need.
    await db.query(`SELECT refresh_need_facts(ARRAY(SELECT id FROM needs))`);
    await db.query(`ANALYZE need_facts`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS need_facts_from_volunteer_profiles ON volunteer_profiles`);
    await db.query(`DROP TRIGGER IF EXISTS need_facts_from_needs_insert ON needs`);
    await db.query(`DROP TRIGGER IF EXISTS need_facts_from_needs_update ON needs`);
    for (const table of ['engagements', 'need_match_states']) {
      for (const event of ['insert', 'update', 'delete']) {
        await db.query(`DROP TRIGGER IF EXISTS need_facts_from_${table}_${event} ON ${table}`);
        await db.query(`DROP FUNCTION IF EXISTS need_facts_from_${table}_${event}()`);
      }
    }
    for (const table of ['engagements', 'need_match_states']) {
      await db.query(`DROP TRIGGER IF EXISTS need_facts_lock_need ON ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS need_facts_lock_need()`);
    await db.query(`DROP FUNCTION IF EXISTS need_facts_from_volunteer_profiles()`);
    await db.query(`DROP FUNCTION IF EXISTS need_facts_from_needs()`);
    await db.query(`DROP FUNCTION IF EXISTS refresh_need_facts(uuid[])`);
    await db.query(`DROP TABLE IF EXISTS need_facts`);
    await db.query(
      `CREATE INDEX needs_insights_scope_idx ON needs (comune_istat, created_at)
         INCLUDE (category, source, status, opened_at, beneficiary_id)`,
    );
    await db.query(`CREATE INDEX needs_person_idx ON needs ((coalesce(beneficiary_id, id)))`);
  }
}
